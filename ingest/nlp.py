"""The spaCy pipeline, built from the Lexicon: names, activity words, topics, dates.

Entities (doc.ents, non-overlapping, longest wins): COUNTRY, REGION, CITY, ORG, PROGRAMME, PHASE, CONVENTION
and ONLINE by name; ACTIVITY by the words of the activity classes; DATE by ingest.dates. Each entity's
ent_id_ is the IRI it means (the class IRI for ACTIVITY); a DATE's range is span._.date_range. A Doc made
with nlp.make_doc may be given doc._.context_year (the document's dateline year) before nlp(doc): day and
month without a year ("On the 5th of October") are then read in that year; by default they are not.
Topics may overlap anything, so they go to doc.spans["topics"], their label_ being the concept IRI. A topic's
words inside an institution's name ("Directorate for Emergency Management", "Crisis Management State Academy")
or in an idiom ("in response to") name no topic.

Russian and French: the reference data's @ru and @fr labels are matched too. French names and words go to the
same rules as English ones (with French plurals, unaccented spellings and elided articles split off: "l'",
"d'"); a French word that is also an English one ("formation") counts only in text that reads as French.
Russian names and words are matched by lemma (ingest.morph), in any case and number ("в Кыргызстане",
"Республики Таджикистан", "семинаре"), by the iac_russian component, which loads the morphology on the first
Cyrillic text it sees and does nothing for others.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import cast

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_prefix_regex, filter_spans

from ingest import morph
from ingest.dates import find_dates
from ingest.reference import Lexicon
from ingest.vocab import ID

if not Span.has_extension("date_range"):
    Span.set_extension("date_range", default=None)
if not Doc.has_extension("context_year"):
    Doc.set_extension("context_year", default=None)
if not Doc.has_extension("waters"):
    Doc.set_extension("waters", default=())  # the page's rivers by name ("Dniester"): water_names(page text)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Case-insensitive, with the last word singular or plural."""
    words = [t.lower_ for t in nlp.make_doc(phrase)]
    pattern = [{"LOWER": w} for w in words[:-1]]
    last = words[-1]
    forms = {last} if not last.isalpha() else {last, _plural(last), last.removesuffix("s")}
    return pattern + [{"LOWER": {"IN": sorted(forms)}}]


def _unaccented(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def _french_patterns(nlp: Language, phrase: str) -> list[list[dict]]:
    """Case-insensitive, accented or not, every word singular or plural ("exercices sur table",
    "dialogues politiques", "ateliers")."""
    patterns = []
    for spelling in sorted({phrase, _unaccented(phrase)}):
        pattern = []
        for word in (t.lower_ for t in nlp.make_doc(spelling)):
            forms = {word, word + "s", word + "x"} if word.isalpha() and len(word) > 3 else {word}
            forms |= {f.replace("'", "’") for f in forms}  # "l'eau", "l’eau"
            pattern.append({"LOWER": {"IN": sorted(forms)}})
        patterns.append(pattern)
    return patterns


# French activity words that are English words too: they count only in text that reads as French.
_FALSE_FRIENDS = frozenset({"formation"})
_FRENCH = re.compile(r"\b(?:les|des|de|du|aux|une|pour|dans|avec|sur|est|été|à|en)\b|\b[dlDL]['’]\w|[éèêàçœ]")  # (short queries too)
# Elided French articles and prepositions split off the word they lean on: "l'Ouzbékistan", "d’atelier".
_ELISION = r"(?:[dlDLjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)"


def _name_variants(name: str) -> set[str]:
    """Names match case-sensitively ("Split" the city, not "split"), but a sentence may capitalise "the"."""
    variants = {name, name[:1].upper() + name[1:]}
    if name.lower().startswith("the "):
        variants.add(name[4:])
    return variants


def _text(doc: Doc) -> str:
    """doc.text, joined once per Doc (spaCy joins every token's text at each access)."""
    text = doc.user_data.get("iac_text")
    if text is None:
        text = doc.user_data["iac_text"] = doc.text
    return text


@Language.component("iac_dates")
def add_dates(doc: Doc) -> Doc:
    """DATE entities from the date grammar; the range goes to span._.date_range (kept by character offsets)."""
    spans = []
    for found in find_dates(_text(doc), context_year=doc._.context_year):
        span = doc.char_span(found.char_start, found.char_end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.date_range = found
            spans.append(span)
    if spans:
        doc.ents = filter_spans(spans + list(doc.ents))
    return doc


# Head nouns of institutions' names: "Ministry of Ecology, Spatial Planning and Urbanism", "Emergency Management
# Service", "Direction générale de la prévention des risques". Topic words inside such a name name no topic.
_INSTITUTION = frozenset(
    {
        "ministry",
        "ministries",
        "directorate",
        "department",
        "agency",
        "service",
        "committee",
        "authority",
        "authorities",
        "inspectorate",
        "academy",
        "institute",
        "centre",
        "center",
        "office",
        "bureau",
        "sector",
        "division",
        "unit",
        "headquarters",
        "council",
        "commission",
        "ministère",
        "ministere",
        "direction",
        "département",
        "agence",
        "comité",
        "autorité",
        "institut",
        "académie",
    }
)
# Words that may join an institution's head to the topic words: "Directorate for", "Ministry of X, Y and",
# "Direction générale de la".
_NAME_GLUE = frozenset(
    {
        "of",
        "for",
        "and",
        "&",
        ",",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l'",
        "l’",
        "d'",
        "d’",
        "et",
        "pour",
        "general",
        "générale",
        "generale",
        "général",
        "national",
        "nationale",
        "federal",
        "fédéral",
        "fédérale",
        "state",
    }
)
# Words that end a name: prepositions that put the topic outside it ("Ministry ... held a seminar on").
_NOT_NAME_WORDS = frozenset({"on", "at", "to", "by", "with", "from", "about", "into", "sur", "dans", "avec", "par", "à", "en"})
# Idioms whose words are a topic's words but name no topic.
_NOT_TOPICS = ("in response to", "en réponse à", "en reponse a", "prevention policy", "prevention policies")

# An accident reaching waters is about transboundary water pollution without the word "pollution" (tests/data/TOPICS.md,
# rule 4): a spill, release or accident, then within the sentence a river, lake, basin or waters ("a chemical spill on
# the Debed river", "a release of process chemicals ... upstream on the river", "сброс в реку", "déversement dans le
# fleuve"), or the water first ("river spill").
_SPILL = (
    r"spill\w*|releases?|released|discharges?|leak\w*|accident\w*|contamination|pollution|emergenc(?:y|ies)\s+(?:response|management)"
    r"|разлив\w*|сброс\w*|утечк\w*|выброс\w*|загрязнени\w*|авари\w*|кризисн\w+\s+ситуаци\w*"
    r"|déversement\w*|rejets?|fuites?|pollutions?|accidents?"
)
_WATER = (
    r"rivers?|lakes?|seas?|basins?|waters|watercourses?|reservoirs?"
    r"|deltas?|рек[аиеуой]|реках|дельт[аеуы]|озер[аеоу]|озёр\w*|мор[еяю]|бассейн\w*|вод[ыау]?|водоток\w*|водохранилищ\w*"
    r"|fleuves?|rivières?|lacs?|mer|bassins?|eaux|cours\s+d['’]eau"
)
_RIVER_NAMED = re.compile(
    r"\b([A-Z][\w-]+(?:[ -][A-Z][\w-]+)?)\s+[Rr]iver\b|\b[Rr]iver\s+([A-Z][\w-]+(?:[ -][A-Z][\w-]+)?)"
    r"|\b(?:[Рр]ек[аиеуой]|[Ff]leuve|[Rr]ivière)\s+([A-ZА-ЯЁ][\w-]+(?:[ -][A-ZА-ЯЁ][\w-]+)?)"
)


def water_names(text: str) -> tuple[str, ...]:
    """The rivers a page names with the word river once ("the Dniester river", "реки Чу", "le fleuve Dniestr"): named
    alone elsewhere on the page ("a spill into the Dniester"), they are waters too. A Russian name's stem ("Чу", "Днестр")."""
    names = {re.sub(r"^(?:The|A|An)\s+", "", next(g for g in m.groups() if g)) for m in _RIVER_NAMED.finditer(text)}
    return tuple(sorted(n[:-1] if n[-1] in "аыеуо" and len(n) > 4 else n for n in names))


@functools.lru_cache(maxsize=64)
def _any_water(waters: tuple[str, ...]) -> re.Pattern:
    """Any water word or name: most text has none, and then no accident reaches waters (a cheap test first)."""
    return re.compile(r"(?<!\w)(?:" + _WATER + "".join(f"|{re.escape(name)}" for name in waters) + r")", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _water_accident(waters: tuple[str, ...]) -> re.Pattern:
    water = _WATER + "".join(f"|{re.escape(name)}\\w*" for name in waters)
    # (not across a convention's name: "Convention on the Transboundary Effects of Industrial Accidents and the
    # Convention on the Protection and Use of Transboundary Watercourses")
    gap = r"(?:(?!convention|конвенц)[^.;!?\n]){0,70}?"
    return re.compile(rf"(?<!\w)(?:(?:{_SPILL})\b{gap}(?<!\w)(?:{water})|(?:{_WATER})\s+(?:{_SPILL}))(?!\w)", re.IGNORECASE)


_WATER_POLLUTION = str(ID["topic/transboundary-water-pollution"])


def _each_topic(spans: list[Span]) -> list[Span]:
    """The longest of overlapping names of one topic; names of different topics may overlap, as a title names
    each ("prevention of accidental water pollution": transboundary water pollution, and prevention)."""
    by_topic: dict[str, list[Span]] = {}
    for span in spans:
        by_topic.setdefault(span.label_, []).append(span)
    return sorted((s for group in by_topic.values() for s in filter_spans(group)), key=lambda s: (s.start, s.end))


def _titled(span: Span) -> bool:
    return all(t.is_title or t.is_upper or not t.is_alpha for t in span) and any(t.is_alpha for t in span)


def _in_institution_name(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] is part of an institution's name: capitalised words followed by a head
    ("Emergency Management Service"), or a head, "of" or "for", then capitalised words and joining words
    ("Directorate for Emergency Management", "Direction générale de la prévention"); or portfolios after
    "in charge of" ("ministries in charge of environment, interior and emergency management")."""
    titled = _titled(doc[start:end])
    if titled:
        for token in doc[end : end + 3]:
            if token.lower_ in _INSTITUTION:
                return True
            if not token.is_title:
                break
    loose = False  # a lowercase word was crossed: only "in charge of" or "responsible for" may then join
    for i in range(start - 1, max(start - 12, -1), -1):
        token, low = doc[i], doc[i].lower_
        if low in _INSTITUTION:
            after = [t.lower_ for t in doc[i + 1 : min(i + 3, start)]]
            return after[:2] in (["in", "charge"], ["responsible", "for"]) or (not loose and after[:1] != [] and after[0] in _NAME_GLUE)
        if low in _NAME_GLUE or low in ("in", "charge", "responsible") or token.is_title or token.is_upper:
            continue
        if token.is_alpha and token.is_lower and low not in _NOT_NAME_WORDS:
            loose = True
            continue
        return False
    return False


class TopicTagger:
    """Topic names, case-insensitive: English ones singular or plural in their last word, French ones as
    French activity words are (every word singular or plural, accented or not, elided articles split off)."""

    def __init__(self, nlp: Language, topics: dict[str, str], french: list[str] | None = None) -> None:
        # English names as phrases (fast on every text); French ones as token patterns, run on French text only
        self.english = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.french = Matcher(nlp.vocab)
        french_names = set(french or ())
        for name, iri in topics.items():
            if name in french_names:
                self.french.add(iri, _french_patterns(nlp, name))
                continue
            pattern = _token_pattern(nlp, name)
            head = [p["LOWER"] for p in pattern[:-1]]
            self.english.add(iri, [Doc(nlp.vocab, words=[*head, form]) for form in pattern[-1]["LOWER"]["IN"]])
        self.idioms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.idioms.add("NOT_TOPIC", [nlp.make_doc(p) for p in _NOT_TOPICS])

    def __call__(self, doc: Doc) -> Doc:
        found = list(self.english(doc))
        if len(self.french) and _FRENCH.search(_text(doc)):
            found += self.french(doc)
        matches = [Span(doc, start, end, label=match_id) for match_id, start, end in found]
        blocked = {i for _, start, end in self.idioms(doc) for i in range(start, end)}
        matches = [
            m
            for m in _each_topic(matches)
            if not blocked.intersection(range(m.start, m.end)) and not _in_institution_name(doc, m.start, m.end)
        ]
        # beside the names, never instead of one: a title naming "spills of hazardous substances" still names it
        text = _text(doc)
        hits = _water_accident(doc._.waters).finditer(text) if _any_water(doc._.waters).search(text) else ()
        water = [
            span
            for hit in hits
            if (span := doc.char_span(hit.start(), hit.end(), label=_WATER_POLLUTION, alignment_mode="expand")) is not None
        ]
        doc.spans["water"] = water
        doc.spans["topics"] = sorted(matches + water, key=lambda m: (m.start, m.end))
        return doc


@Language.factory("iac_topics", default_config={"topics": {}, "french": []})
def make_topic_tagger(nlp: Language, name: str, topics: dict[str, str], french: list[str]) -> TopicTagger:
    return TopicTagger(nlp, topics, french)


class RussianTagger:
    """Names, activity words and topics in Russian text, matched by lemma. Built on the first Cyrillic text."""

    def __init__(self, nlp: Language, names: dict[str, dict[str, str]], triggers: dict[str, str], topics: dict[str, str]) -> None:
        self.tokenizer = nlp.tokenizer
        self.terms = [(kind, name, iri) for kind, table in names.items() for name, iri in table.items()]
        self.terms += [("ACTIVITY", word, cls) for word, cls in triggers.items()]
        self.terms += [("TOPIC", word, iri) for word, iri in topics.items()]
        self.index: dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]] | None = None

    def _build(self) -> dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]]:
        """Index every term by the lemmas of its first word (once: it is kept)."""
        index: dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]] = {}
        for kind, term, iri in self.terms:
            words = tuple(morph.name_lemmas(t.text) for t in self.tokenizer(term))
            for first in words[0]:
                index.setdefault(first, []).append((words, kind, iri))
        self.index = index
        return index

    def __call__(self, doc: Doc) -> Doc:
        if not morph.has_cyrillic(_text(doc)):
            return doc
        index = self.index if self.index is not None else self._build()
        found: dict[tuple[int, int, str], str] = {}
        lemmas = [morph.lemmas(t.text) for t in doc]
        for i, token_lemmas in enumerate(lemmas):
            for lemma in token_lemmas:
                for words, kind, iri in index.get(lemma, ()):
                    end = i + len(words)
                    if end > len(doc) or any(not (lemmas[i + k] & words[k]) for k in range(1, len(words))):
                        continue
                    if kind not in ("ACTIVITY", "TOPIC") and doc[i].is_lower:  # names are capitalised
                        continue
                    found.setdefault((i, end, kind), iri)
        ents, topics = [], []
        for (start, end, kind), iri in found.items():
            if kind == "TOPIC":
                topics.append(Span(doc, start, end, label=iri))
            else:
                ents.append(Span(doc, start, end, label=kind, span_id=iri))
        if ents:
            doc.ents = filter_spans(list(doc.ents) + ents)
        if topics:
            topics = [t for t in _each_topic(topics) if not _russian_not_topic(doc, t.start, lemmas)]
            water = list(doc.spans.get("water", []))
            names = [t for t in doc.spans.get("topics", []) if t not in water]
            doc.spans["topics"] = sorted(_each_topic(names + topics) + water, key=lambda m: (m.start, m.end))
        return doc


# Russian heads of institutions' names: "Инспекции по защите окружающей среды", "Государственной инспекции".
_RU_INSTITUTION = frozenset(
    {
        "инспекция",
        "служба",
        "агентство",
        "комитет",
        "министерство",
        "департамент",
        "управление",
        "центр",
        "дирекция",
    }
)
_RU_SENTENCE_END = frozenset({".", "!", "?", ";", ":", "«", '"', "“", "„", "(", "—", "–", "-"})


def _sentence_initial(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in _RU_SENTENCE_END or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space


def _russian_not_topic(doc: Doc, start: int, lemmas: list[frozenset[str]]) -> bool:
    """Whether a Russian topic match at doc[start] names no topic: an institution's capitalised name
    ("представители Инспекции по защите окружающей среды"), or the duties of authorities ("ведомств,
    отвечающих за предупреждение промышленных аварий, готовность к ним и реагирование")."""
    if lemmas[start] & _RU_INSTITUTION:
        if doc[start].is_title and not _sentence_initial(doc, start):
            return True
        if start > 0 and doc[start - 1].is_title and not _sentence_initial(doc, start - 1):
            return True
    for i in range(start - 1, max(start - 15, -1), -1):
        if doc[i].text in _RU_SENTENCE_END or doc[i].lower_ == "по":
            return False
        if doc[i].lower_ == "за" and i > 0 and lemmas[i - 1] & {"отвечать", "ответственный", "отвечающий"}:
            return True
        if morph.has_cyrillic(doc[i].text) and any(p.tag.POS == "VERB" for p in morph.parses(doc[i].text)[:1]):
            return False
    return False


# the head words of a national body's name: "the German Environment Agency", "the Swedish Civil Contingencies Agency"
_BODY_HEADS = (
    "agency",
    "ministry",
    "office",
    "institute",
    "government",
    "inspectorate",
    "service",
    "authority",
    "board",
    "directorate",
    "administration",
    "centre",
    "center",
    "department",
    "fund",
)


class NationalBodies:
    """A body named by a country's adjective and not otherwise known ("financed by the German Environment Agency",
    "the Swedish Civil Contingencies Agency"): an ORG standing for its country, whose role the words around it
    decide (donor, partner)."""

    def __init__(self, nlp: Language, demonyms: dict[str, str]) -> None:
        self.matcher = Matcher(nlp.vocab)
        for word, iri in demonyms.items():
            self.matcher.add(iri, [[{"TEXT": word}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": list(_BODY_HEADS)}}]])

    def __call__(self, doc: Doc) -> Doc:
        if len(self.matcher) == 0:
            return doc
        taken = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
        spans = [
            Span(doc, start, end, label="ORG", span_id=match_id)
            for match_id, start, end in self.matcher(doc)
            if not any(s < end and start < e for s, e in taken)
        ]
        if spans:
            doc.ents = filter_spans(list(doc.ents) + filter_spans(spans))
        return doc


class FrenchTagger:
    """French activity words that are English words too ("formation"), in text that reads as French."""

    def __init__(self, nlp: Language, triggers: dict[str, str]) -> None:
        self.matcher = Matcher(nlp.vocab)
        for word, cls in triggers.items():
            self.matcher.add(cls, _french_patterns(nlp, word))

    def __call__(self, doc: Doc) -> Doc:
        if len(self.matcher) == 0 or not _FRENCH.search(_text(doc)):
            return doc
        spans = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label="ACTIVITY", span_id=match_id))
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


def _cyrillic(table: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in table.items() if morph.has_cyrillic(k)}


class _LowerPhrases:
    """Stands in for the entity ruler's token matcher. Its patterns are case-insensitive words, each with a few
    forms ({"LOWER": {"IN": [...]}}): as every combination of forms in a PhraseMatcher on LOWER they match the
    same spans, several times faster than a Matcher trying every pattern at every token."""

    def __init__(self, vocab, token_patterns: dict[str, list[list[dict]]]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        for key, patterns in token_patterns.items():
            phrases = []
            for pattern in patterns:
                forms = [[p["LOWER"]] if isinstance(p["LOWER"], str) else p["LOWER"]["IN"] for p in pattern]
                phrases += [Doc(vocab, words=list(words)) for words in itertools.product(*forms)]
            self.matcher.add(key, phrases)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return self.matcher(doc)

    def __len__(self) -> int:
        return len(self.matcher)


def build_nlp(lexicon: Lexicon) -> Language:
    nlp = spacy.blank("en")
    cast(Tokenizer, nlp.tokenizer).prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or ()), _ELISION]).search
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}))
    patterns: list[dict] = []
    for kind, table in lexicon.names.items():
        for name, iri in table.items():
            if morph.has_cyrillic(name):
                continue  # iac_russian matches them in any case
            variants = _name_variants(name) | ({name.upper()} if kind in ("CITY", "COUNTRY") and len(name) > 3 else set())
            for variant in variants:  # "KHARKIV, Ukraine 24 September 2021": datelines write the town in capitals
                patterns.append({"label": kind, "pattern": variant, "id": iri})
    false_friends = {}
    for word, cls in lexicon.triggers.items():
        language = lexicon.languages.get(word, "en")
        if language == "ru":
            continue
        if language == "fr":
            if word in _FALSE_FRIENDS:
                false_friends[word] = cls
                continue
            patterns += [{"label": "ACTIVITY", "pattern": p, "id": cls} for p in _french_patterns(nlp, word)]
        else:
            patterns.append({"label": "ACTIVITY", "pattern": _token_pattern(nlp, word), "id": cls})
    for word in (
        "online",
        "virtually",
        "videoconference",
        "video conference",
        "video-conference",
        "en ligne",
        "visioconférence",
        "vidéoconférence",
        "в режиме онлайн",
        "онлайн",
        "видеоконференция",
        "видеоконференции",
        "видеоконференцию",
        "видеоконференц-связи",
        "видео-конференц-связи",
        "видеосвязи",
    ):
        patterns.append({"label": "ONLINE", "pattern": [{"LOWER": w} for w in word.split()], "id": "online"})
    ruler.add_patterns(patterns)
    # spaCy counts every pattern on each call to warn about an empty ruler: a fifth of extraction time with the
    # gazetteer's thousands of names; this one is never empty
    ruler._require_patterns = lambda: None  # type: ignore[method-assign]
    ruler.matcher = _LowerPhrases(nlp.vocab, ruler.token_patterns)  # type: ignore[assignment]  # (it answers as the Matcher does)

    nlp.add_pipe("iac_dates")
    latin_topics = {k: v for k, v in lexicon.topics.items() if not morph.has_cyrillic(k)}
    french_topics = sorted(k for k in latin_topics if lexicon.languages.get(k) == "fr")
    nlp.add_pipe("iac_topics", config={"topics": latin_topics, "french": french_topics})
    nlp.add_pipe("iac_french", config={"triggers": false_friends})
    nlp.add_pipe("iac_national_bodies", config={"demonyms": lexicon.demonyms})
    names = {kind: _cyrillic(table) for kind, table in lexicon.names.items()}
    triggers = {w: c for w, c in lexicon.triggers.items() if lexicon.languages.get(w) == "ru" or morph.has_cyrillic(w)}
    nlp.add_pipe("iac_russian", config={"names": names, "triggers": triggers, "topics": _cyrillic(lexicon.topics)})
    return nlp


@Language.factory("iac_national_bodies", default_config={"demonyms": {}})
def make_national_bodies(nlp: Language, name: str, demonyms: dict[str, str]) -> NationalBodies:
    return NationalBodies(nlp, demonyms)


@Language.factory("iac_french", default_config={"triggers": {}})
def make_french_tagger(nlp: Language, name: str, triggers: dict[str, str]) -> FrenchTagger:
    return FrenchTagger(nlp, triggers)


@Language.factory("iac_russian", default_config={"names": {}, "triggers": {}, "topics": {}})
def make_russian_tagger(nlp: Language, name: str, names: dict, triggers: dict, topics: dict) -> RussianTagger:
    return RussianTagger(nlp, names, triggers, topics)
