"""The spaCy pipeline, built from the Lexicon: names, activity words, topics, dates.

Entities (doc.ents, non-overlapping, longest wins): COUNTRY, REGION, CITY, ORG, PROGRAMME, PHASE, CONVENTION
and ONLINE by name; ACTIVITY by the words of the activity classes; DATE by ingest.dates. Each entity's
ent_id_ is the IRI it means (the class IRI for ACTIVITY); a DATE's range is span._.date_range. A Doc made
with nlp.make_doc may be given doc._.context_year (the document's dateline year) before nlp(doc): day and
month without a year ("On the 5th of October") are then read in that year; by default they are not.
Topics may overlap anything, so they go to doc.spans["topics"], their label_ being the concept IRI.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.dates import find_dates
from ingest.reference import Lexicon

if not Span.has_extension("date_range"):
    Span.set_extension("date_range", default=None)
if not Doc.has_extension("context_year"):
    Doc.set_extension("context_year", default=None)


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


def _name_variants(name: str) -> set[str]:
    """Names match case-sensitively ("Split" the city, not "split"), but a sentence may capitalise "the"."""
    variants = {name, name[:1].upper() + name[1:]}
    if name.lower().startswith("the "):
        variants.add(name[4:])
    return variants


@Language.component("iac_dates")
def add_dates(doc: Doc) -> Doc:
    """DATE entities from the date grammar; the range goes to span._.date_range (kept by character offsets)."""
    spans = []
    for found in find_dates(doc.text, context_year=doc._.context_year):
        span = doc.char_span(found.char_start, found.char_end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.date_range = found
            spans.append(span)
    if spans:
        doc.ents = filter_spans(spans + list(doc.ents))
    return doc


class TopicTagger:
    def __init__(self, nlp: Language, topics: dict[str, str]) -> None:
        self.matcher = Matcher(nlp.vocab)
        for name, iri in topics.items():
            self.matcher.add(iri, [_token_pattern(nlp, name)])

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        doc.spans["topics"] = filter_spans(matches)
        return doc


@Language.factory("iac_topics", default_config={"topics": {}})
def make_topic_tagger(nlp: Language, name: str, topics: dict[str, str]) -> TopicTagger:
    return TopicTagger(nlp, topics)


def build_nlp(lexicon: Lexicon) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = []
    for kind, table in lexicon.names.items():
        for name, iri in table.items():
            for variant in _name_variants(name):
                patterns.append({"label": kind, "pattern": variant, "id": iri})
    for word, cls in lexicon.triggers.items():
        patterns.append({"label": "ACTIVITY", "pattern": _token_pattern(nlp, word), "id": cls})
    for word in ("online", "virtually", "videoconference", "video conference"):
        patterns.append({"label": "ONLINE", "pattern": [{"LOWER": w} for w in word.split()], "id": "online"})
    ruler.add_patterns(patterns)

    nlp.add_pipe("iac_dates")
    nlp.add_pipe("iac_topics", config={"topics": lexicon.topics})
    return nlp
