"""Hybrid search over the index: dense (all-MiniLM-L6-v2) and BM25 (bm25s) rankings fused by reciprocal
rank, activities and documents in one ranking, with what the query names (server.query.understand) and its words of
the field (server.query.glossary) matched by all their names in English, Russian and French, and what it names
raising what fits it: the activities of a country (however the text names it, and through the regions it
belongs to), of a town, of the years, kinds and topics named, and the documents that describe them. Nothing is
filtered out by what the query names; what matches far worse than the best is not returned. Results come a
page at a time, each with its facts and a highlighted snippet, with facets over all of them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.index import Entry
from ingest.lexical import SYMBOL, analyse, coverage, fold
from ingest.morph import has_cyrillic
from ingest.reference import Lexicon
from ingest.vocab import IAC, ID
from server.query.answers import Answer, Result
from server.query.glossary import Glossary
from server.query.translit import Names
from server.query.understand import (
    NO_RESULTS,
    ONLINE_NAMES,
    STOP_WORDS,
    Understanding,
    kind_words,
    language,
    not_held,
    overlaps,
    understand,
    understood_json,
)

if TYPE_CHECKING:
    import numpy as np

RRF_K = 60
BM25_WEIGHT = 0.45  # BM25's share of the fused score (dense: 1.0), tuned on the development set's judged queries
# The embedding model is English only: it matches Russian text by its alphabet, not its meaning, so a Cyrillic
# query is ranked by its words (Russian stems), dense only breaking ties
DENSE_WEIGHT_CYRILLIC = 0.1
# A query is answered at all (Searcher.relevant) when at least MIN_COVERAGE of its words occur in the index, or a
# Latin-script query's vector is at least DENSE_RELEVANT from some entry's
MIN_COVERAGE = 0.5
DENSE_RELEVANT = 0.55
DENSE_WITH_WORDS = 0.38  # enough when some of its words occur ("météo Paris demain", none of whose words do, is at 0.40)
MAX_QUERY = 1000  # characters of a query read (the API refuses longer ones)
CANDIDATES = 200  # entries each ranking hands to the fusion
DENSE_FLOOR = 0.25  # an entry whose vector is less near the query's than this (cosine) is no dense match
RELEVANT_SHARE = 0.2  # a result scoring under this share of the best one's is dropped (calibrated on the judged queries: README)
# a word few documents hold (one, or at most RARE_SHARE of them) is one the user chose for it: its entries rise
# (one document rather than 2 or 3: dev nDCG 0.803 against 0.795 and 0.793)
RARE_SHARE = 0.002
RARE_MIN = 1
RARE_ENTRIES = 0.01  # nor of more than 1% of the entries (or RARE_ENTRIES_MIN)
RARE_ENTRIES_MIN = 20
RARE_BOOST = 2.0
SPELLING_CUTOFF = 0.85  # how near (difflib's ratio) a word no entry holds must be to a name's word to be read as it
PASSAGE_BONUS = 0.8  # an activity's score from a passage that is its evidence, against its own entry's
DOCUMENT_BONUS = 0.8  # a document's score from its best passage
DESCRIBED_BONUS = 0.5  # a document's score from an activity it describes (0.3 none, 0.5-0.8 alike +0.002, 1.0 worse)
TOLD_BONUS = 0.5  # an activity's score from the passage after its evidence, which tells of none
COUNTRY_BOOST = 4.0  # an activity of the country the query names (its square root when it has more than OWN_COUNTRIES)
OWN_COUNTRIES = 2  # (dev nDCG 0.803, against 0.782 raising all alike, 0.798 with 1, 0.801 with 3)
YEAR_BOOST = 4.0  # an activity in the year or years the query names
PLACE_BOOST = 4.0  # an activity held in the town the query names
TYPE_BOOST = 2.0  # an activity of the kind the query names
PLANNED_BOOST = 2.0  # what is planned, or what was held, as the query asks (the other: divided by it)
TOPIC_BOOST = 2.0  # an activity on the topic the query names
WATER_BOOST = 2.0  # an activity or page of a document that names the river, lake or sea the query names


@dataclass
class Hit:
    iri: str
    kind: str
    score: float
    entries: list[Entry] = field(default_factory=list)
    matched: float = 0.0  # the score before the boosts of what the query names: how well its words match


def highlight(text: str, query: str, limit: int = 240) -> str:
    """An HTML-escaped snippet around the first query word found, with whole words that begin with a query word
    in <mark> ("train" marks "training", never the "train" inside "restrain"; "&" stays "&amp;")."""
    words = sorted({w for w in re.findall(r"\w{3,}", query.lower()) if w not in STOP_WORDS}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE) if words else None
    found = pattern.search(text) if pattern else None
    start = max(0, (found.start() if found else 0) - limit // 3)
    snippet = text[start : start + limit]
    pieces, at = [], 0
    for m in pattern.finditer(snippet) if pattern else ():
        pieces += [html.escape(snippet[at : m.start()]), "<mark>", html.escape(m.group(0)), "</mark>"]
        at = m.end()
    pieces.append(html.escape(snippet[at:]))
    return ("…" if start else "") + "".join(pieces) + ("…" if start + limit < len(text) else "")


class Searcher:
    def __init__(self, entries: list[Entry], vectors, encoder, nlp, lexicon: Lexicon) -> None:
        import bm25s
        import numpy as np

        self.entries = entries
        self.vectors = vectors
        self.encoder = encoder
        self.nlp = nlp
        self.lexicon = lexicon
        self.bm25_weight = BM25_WEIGHT
        self._encoded: tuple[str, object] | None = None  # the last query and its vector
        self._names: dict | None = None  # see _name_words
        self._named: dict[str, frozenset[int]] = {}  # see _naming
        self._scripts = Names(e.text for e in entries)  # the capitalised words of each script (see other_script)
        self.glossary = Glossary(lexicon.terms)
        self._russian = np.array([has_cyrillic(e.text) for e in entries], dtype=bool)  # (see rank)
        self._term_phrases: dict[str, set[tuple[str, ...]]] = {}  # see _phrases_of
        self.facts: dict[str, list[Entry]] = {}  # activity IRI -> its entries, one per document describing it
        self.described: dict[str, list[Entry]] = {}  # document IRI -> the entries of the activities it describes
        for entry in entries:
            if entry.kind == "activity":
                self.facts.setdefault(entry.iri, []).append(entry)
                self.described.setdefault(entry.doc, []).append(entry)
        self.opening: dict[str, Entry] = {}  # a document -> its first passage
        for entry in entries:
            if entry.kind == "passage":
                self.opening.setdefault(entry.doc, entry)
        self.told: dict[int, tuple[str, ...]] = {}  # a passage of no activity -> the activities of the one before it
        last: Entry | None = None
        for index, entry in enumerate(entries):
            if (
                entry.kind == "passage"
                and not entry.activities
                and last is not None
                and last.doc == entry.doc
                and last.activities
                and _span(last.iri)[1] <= _span(entry.iri)[0]
            ):
                self.told[index] = last.activities
            last = entry if entry.kind == "passage" else last
        self.bm25 = bm25s.BM25()
        analysed = [analyse(e.text) for e in entries]
        self.vocabulary = frozenset(stem for stems in analysed for stem in stems)
        self.served = frozenset(c for e in entries if e.kind == "activity" for c in e.countries)  # countries activities are for
        self.funders = frozenset(d for e in entries for d in e.donors)  # who funded activities here
        numbers: dict[str, int] = {}  # (see _rare)
        self._documents = np.array([numbers.setdefault(e.doc, len(numbers)) for e in entries], dtype=np.int32)  # each entry's
        self._document_count = len(numbers)
        if entries:
            self.bm25.index(analysed, show_progress=False)

    def _bm25_ranking(self, query: str) -> list[int]:
        tokens = analyse(query)
        if not self.entries or not tokens:
            return []
        docs, scores = self.bm25.retrieve([tokens], k=min(len(self.entries), CANDIDATES), show_progress=False)
        return [int(d) for d, s in zip(docs[0], scores[0], strict=False) if s > 0]

    def _concept_ranking(self, query: str, meaning: Understanding) -> list[int]:
        """BM25 over the query's concepts: each thing it names that the lexicon knows (a country, region, town,
        kind of activity, topic) scores as the best of its names in English, Russian and French that an entry
        holds whole ("Павлодар" finds "Pavlodar", "exercice sur table" a "table-top exercise"), counted once
        however many names it has; each other word scores as itself."""
        import numpy as np

        if not self.entries:
            return []
        rest = analyse(query)
        scores = np.zeros(len(self.entries), dtype=np.float32)
        for kind, text, iri in meaning.mentions:
            if kind == "DATE":  # a date's words other than its numbers ("в 2022 году", "in May 2019") are no match
                for stem in analyse(" ".join(w for w in text.split() if not any(c.isdigit() for c in w))):
                    if stem in rest:
                        rest.remove(stem)
                continue
            names = self.lexicon.names_of.get(iri) or (ONLINE_NAMES if iri == "online" else None)
            if not names:
                continue
            own = analyse(text)
            for stem in own:
                if stem in rest:
                    rest.remove(stem)
            scores += self._best_of({tuple(dict.fromkeys(analyse(n))) for n in names} | {tuple(dict.fromkeys(own))})
        # each other word a term of the glossary names scores as the best of the term's words, in any language
        for iris, stems, _ in self.glossary.find(_unnamed(query, meaning)):
            for stem in stems:
                if stem in rest:
                    rest.remove(stem)
            scores += self._best_of(set().union(*(self._phrases_of(iri) for iri in iris)) | {tuple(sorted(stems))})
        for stem in dict.fromkeys(rest):
            if stem in self.vocabulary:
                scores += self._stem_scores(stem)
        return _top(scores, 0.0)

    def _best_of(self, phrases) -> np.ndarray:
        """Each entry's best BM25 score for one of the phrases (tuples of stems) that it holds whole."""
        import numpy as np

        best = np.zeros(len(self.entries), dtype=np.float32)
        for phrase in phrases:
            if not phrase or not all(s in self.vocabulary for s in phrase):
                continue
            held, total = self._postings(phrase[0])
            for stem in phrase[1:]:
                holders, scores = self._postings(stem)
                held, mine, theirs = np.intersect1d(held, holders, assume_unique=True, return_indices=True)
                total = total[mine] + scores[theirs]
            best[held] = np.maximum(best[held], total)
        return best

    def _phrases_of(self, term: str) -> set[tuple[str, ...]]:
        """A glossary term's words as phrases of stems."""
        if term not in self._term_phrases:
            self._term_phrases[term] = {tuple(dict.fromkeys(analyse(n))) for n in self.lexicon.terms.get(term, {})}
        return self._term_phrases[term]

    def _glossed(self, text: str) -> frozenset[str]:
        """The stems of text's words in Russian or French that name a glossary term some entry here holds a word
        of (in English, the dense model tells whether a query means something here: "offshore wind farm
        permitting" is not about the permits of hazardous sites)."""
        return frozenset(
            s
            for iris, stems, english in self.glossary.find(text)
            if not english and any(all(p in self.vocabulary for p in phrase) for iri in iris for phrase in self._phrases_of(iri) if phrase)
            for s in stems
        )

    def _said_words(self, query: str, meaning: Understanding) -> list[str]:
        """The words of every name of what the query names and of its glossary terms, in any language, without
        the ending of a long one (the snippet marks a word they begin): "преподавателей" for "lecturers",
        "Павлодаре" for "Pavlodar"."""
        names = {n for iris, _, _ in self.glossary.find(query) for iri in iris for n in self.lexicon.terms.get(iri, {})}
        names |= {n for _, _, iri in meaning.mentions for n in self.lexicon.names_of.get(iri, ())}
        return sorted({w if len(w) <= 5 else w[:-2] for n in names for w in re.findall(r"\w{3,}", n.lower())})

    def _postings(self, stem: str):
        """The entries that hold a stem (of the vocabulary), and their BM25 scores for it."""
        index = self.bm25.scores
        token = self.bm25.vocab_dict[stem]
        begin, end = index["indptr"][token], index["indptr"][token + 1]
        return index["indices"][begin:end], index["data"][begin:end]

    def _stem_scores(self, stem: str):
        """Every entry's BM25 score for one stem (of the vocabulary)."""
        import numpy as np

        holders, scores = self._postings(stem)
        out = np.zeros(len(self.entries), dtype=np.float32)
        out[holders] = scores
        return out

    def _dense_ranking(self, query: str) -> list[int]:
        if not self.entries:
            return []
        return _top(self.vectors @ self._vector(query), DENSE_FLOOR)

    def _vector(self, query: str):
        if self._encoded is None or self._encoded[0] != query:
            self._encoded = (query, self.encoder.encode([query])[0])
        return self._encoded[1]

    def relevant(self, query: str, meaning=None) -> bool:
        """Whether anything here can answer the query: it names a topic, a kind of activity, or a country that
        activities here are for (meaning, from understand); or at least MIN_COVERAGE of its words occur in the
        indexed text (by a stem); or, for a query in Latin script, its meaning is near some entry's (cosine ≥
        DENSE_RELEVANT, or ≥ DENSE_WITH_WORDS when some of its words occur; the embedding model knows English
        only). Calibrated on the development set's judged queries, off-topic ones included ("pizza recipes",
        "футбольный чемпионат мира": none of their words; "tailngs safety Kyrgystan": close in meaning)."""
        if not self.entries:
            return False
        if not_held(query):
            return False  # it asks for what the graph does not hold: "capital of France", "курс биткоина"
        if meaning is not None and (meaning.topics or meaning.types or meaning.online):
            return True  # it names a topic or a kind of activity, or asks for what was held online
        # the words besides the countries and towns it names must occur here: "nuclear power plant decommissioning
        # in Finland" names a country, but most of its other words are about nothing here
        rest = _unnamed(query, meaning)
        share = coverage(rest, self.vocabulary, self._glossed(rest))  # (or by a word of the glossary in another language)
        if rest.strip(" ,.;?!") == "":  # (only names: a country activities are for, a town, a water, or known words)
            waters = any(kind == "WATER" for kind, _, _ in meaning.mentions)
            return bool(set(meaning.countries) & self.served or meaning.places or waters) or coverage(query, self.vocabulary) > 0
        if share > MIN_COVERAGE or share == MIN_COVERAGE and rest == query:  # (with a name, more than half)
            return True
        if has_cyrillic(query):
            return False
        nearest = float((self.vectors @ self._vector(query)).max())
        return nearest >= DENSE_RELEVANT or share > 0 and nearest >= DENSE_WITH_WORDS  # ("becoming a party to the treaty")

    def rank(
        self, query: str, mode: str = "hybrid", meaning: Understanding | None = None, alternatives: Sequence[tuple[str, list[str]]] = ()
    ) -> list[tuple[int, float]]:
        """Entry indexes with fused scores, best first. mode: hybrid (BM25 over the query's concepts, meaning,
        and dense), bm25 (plain, the baseline) or dense. alternatives: names of the query with their spellings
        in the other script (other_script), either of which counts as the name."""
        rankings = []
        cyrillic = mode == "hybrid" and has_cyrillic(query)
        if mode == "bm25":
            rankings.append((self._bm25_ranking(query), 1.0))
        if mode == "hybrid":
            lexical = self._concept_ranking(query, meaning) if meaning is not None else self._bm25_ranking(query)
            rankings.append((lexical, 1.0 if cyrillic else self.bm25_weight))
        if mode in ("hybrid", "dense"):
            dense = self._dense_ranking(query)
            if mode == "hybrid" and not cyrillic:
                dense = [i for i in dense if not self._russian[i]]
            rankings.append((dense, DENSE_WEIGHT_CYRILLIC if cyrillic else 1.0))
        fused: dict[int, float] = {}
        for ranking, weight in rankings:
            for position, index in enumerate(ranking):
                fused[index] = fused.get(index, 0.0) + weight / (RRF_K + position + 1)
        if mode == "hybrid" and not cyrillic:
            # the model knows English only: Russian text's place in its ranking means nothing, and is taken by its
            # place in the lexical ranking (by the query's names and its glossary words in any language)
            for position, index in enumerate(lexical):
                if self._russian[index]:
                    fused[index] += 1.0 / (RRF_K + position + 1)
        if mode == "hybrid":
            for index in self._exact(query, meaning, alternatives):
                fused[index] = fused.get(index, 0.0) * RARE_BOOST + RARE_BOOST / RRF_K
        return sorted(fused.items(), key=lambda item: -item[1])

    def _exact(self, query: str, meaning: Understanding | None, alternatives=()) -> set[int]:
        """The entries that hold the query's rare words, the query itself as written, or its code: a word few
        documents hold (_rare; not a name the lexicon knows: "Taboshar", "ICARO"), every such word of it (or its
        spelling in the other script: alternatives), and a town or a water few documents name, by any of its
        names; a query of three words or more, word for word (an activity's or a page's name); a document symbol
        ("ECE/CP.TEIA/WG.1/2023/INF.4", "TEIA/project/8/Rep.1") as a whole, and the activities of the document
        that carries it."""
        import numpy as np

        mentions = meaning.mentions if meaning is not None else ()
        known = set(analyse(" ".join(text for _, text, _ in mentions)))
        stems = list(dict.fromkeys(analyse(query)))
        rare = [s for s in stems if s in self.vocabulary and s not in known and self._rare(self._postings(s)[0])]
        spellings = [set(analyse(" ".join([word, *others]))) for word, others in alternatives]
        # each rare word, or set of words any of which will do: a name and its spellings in the other script
        words = [
            np.logical_or.reduce([self._stem_scores(s) > 0 for s in w])
            for w in {frozenset(next((g & set(rare) for g in spellings if s in g), {s})) for s in rare}
        ]
        for kind, _, iri in mentions:  # a town or a water few entries name, by any of its names
            if kind in ("CITY", "WATER"):
                held = self._holding(self.lexicon.names_of.get(iri, ()))
                if held.any() and self._rare(held):
                    words.append(held)
        holding: set[int] = set()
        if words:
            holding = {int(i) for i in np.flatnonzero(np.logical_and.reduce(words))}
        if len(query.split()) >= 3 and stems and all(s in self.vocabulary for s in stems):  # a name as written
            phrase = " ".join(query.lower().split())
            hold = np.logical_and.reduce([self._stem_scores(s) > 0 for s in stems])
            holding |= {int(i) for i in np.flatnonzero(hold) if phrase in " ".join(self.entries[int(i)].text.lower().split())}
        codes = [c.lower() for c in SYMBOL.findall(query)]
        if codes:
            carrying = {i for i, e in enumerate(self.entries) if all(c in e.text.lower() for c in codes)}
            documents = {self.entries[i].doc for i in carrying}
            holding |= carrying | {i for i, e in enumerate(self.entries) if e.kind == "activity" and e.doc in documents}
        return holding

    def _holding(self, names) -> np.ndarray:
        """Which entries hold one of the names, each by all its stems."""
        import numpy as np

        held = np.zeros(len(self.entries), dtype=bool)
        for name in names:
            stems = list(dict.fromkeys(analyse(name)))
            if stems and all(s in self.vocabulary for s in stems):
                held |= np.logical_and.reduce([self._stem_scores(s) > 0 for s in stems])
        return held

    def _naming(self, iri: str) -> frozenset[int]:
        """The entries that name a thing (a river, say) by one of its names (_holding), once per thing."""
        import numpy as np

        if iri not in self._named:
            self._named[iri] = frozenset(np.flatnonzero(self._holding(self.lexicon.names_of.get(iri, ()))).tolist())
        return self._named[iri]

    def _rare(self, held: np.ndarray) -> bool:
        """Whether the entries held (indexes, or a mask) are of few documents (at most RARE_SHARE of them, or
        RARE_MIN) and few entries (at most RARE_ENTRIES of them, or RARE_ENTRIES_MIN: in an index of one long
        document, every word is of one document)."""
        import numpy as np

        held = np.flatnonzero(held) if held.dtype == bool else held
        if len(held) > max(RARE_ENTRIES_MIN, RARE_ENTRIES * len(self.entries)):
            return False
        many = max(RARE_MIN, RARE_SHARE * self._document_count)
        return len(np.unique(self._documents[held])) <= many

    def spelled(self, query: str) -> str:
        """The query with each word that no entry holds, and that is a misspelt or unaccented word of a name the
        lexicon knows (a country, region, kind of activity, topic), spelt as in that name: "Kyrgystan" →
        "Kyrgyzstan", "tailngs" → "tailings", "Ouzbekistan" → "Ouzbékistan"."""
        import difflib

        known = self._name_words()
        out = query
        for word in set(re.findall(r"\w{5,}", query)):
            lower = word.lower()
            if lower in known:
                continue
            folded = fold(lower)
            match = next(iter(sorted(known[""].get(folded, ()))), None)
            if match is None and coverage(lower, self.vocabulary) == 0:
                # (among the words of the same first letter: a slip of the fingers seldom changes it, and the
                # comparison stays fast)
                close = difflib.get_close_matches(folded, known.get(folded[0], ()), n=1, cutoff=SPELLING_CUTOFF)
                match = next(iter(known[""][close[0]]), None) if close else None
            if match:
                out = re.sub(rf"\b{re.escape(word)}\b", match if word.islower() else match[:1].upper() + match[1:], out)
        return out

    def other_script(self, query: str, meaning: Understanding) -> list[tuple[str, list[str]]]:
        """The query's names, with the words of the indexed text in the other script that sound like them
        (server.query.translit): [("Севезо", ["Seveso"])]. Countries, regions, kinds and topics are left out: they are
        matched by all their names in the lexicon; a town or a water is not, as the text may name it by a word
        the lexicon does not hold ("Grodno": "Гродненской области")."""
        known = " ".join(text for kind, text, _ in meaning.mentions if kind not in ("CITY", "WATER"))
        names = {
            s
            for kind, _, iri in meaning.mentions
            if kind in ("CITY", "WATER")
            for name in self.lexicon.names_of.get(iri, ())
            for s in analyse(name)
        }
        found = [
            (word, [o for o in others if not set(analyse(o)) <= names])  # (its names are matched already)
            for word, others in self._scripts.other_script(query, known)
        ]
        return [(word, others) for word, others in found if others]

    def _name_words(self) -> dict:
        """The words of the names of countries, regions, kinds of activity and topics: {word: True}; under "",
        each word without accents -> the words it may be; under each first letter, the unaccented words."""
        if self._names is None:
            words: dict = {"": {}}
            tables = (
                self.lexicon.names.get("COUNTRY", {}),
                self.lexicon.names.get("REGION", {}),
                self.lexicon.triggers,
                self.lexicon.topics,
            )
            for table in tables:
                for name in table:
                    for word in re.findall(r"\w{5,}", name.lower()):
                        words[word] = True
                        words[""].setdefault(fold(word), set()).add(word)
            for folded in words[""]:  # (one letter keys: the unaccented words by their first letter)
                words.setdefault(folded[0], []).append(folded)
            self._names = words
        return self._names

    def search(
        self,
        query: str,
        k: int = 10,
        mode: str = "hybrid",
        country: str | None = None,
        year: str | None = None,
        type_: str | None = None,
        topic: str | None = None,
        page: int = 1,
    ) -> Answer:
        """The page-th k results (activities and documents, best first), the facets of all of them, and how
        the query was read. A query nothing here answers gets relevant False and no results."""
        query = " ".join(query.split())[:MAX_QUERY]
        plain = mode != "hybrid"  # the baselines: one ranking of the words as typed, nothing read into them
        asked, query = query, (query if plain else self.spelled(query))
        meaning, lang = understand(query, self.nlp, self.lexicon), language(asked)
        read_as = query if query != asked else None
        nothing = Answer(asked, understood_json(meaning), (), _facets([], self.lexicon), 0, 1, 1, False, lang, read_as, NO_RESULTS[lang])
        if not self.relevant(query, meaning):  # nothing here answers it: say so, with no results to count or facet
            return nothing
        alternatives = [] if plain else self.other_script(query, meaning)
        expanded = (
            query
            if plain
            else " ".join(
                [query] + [self.lexicon.preferred.get(t, "") for t in meaning.topics] + [w for _, others in alternatives for w in others]
            )
        )
        hits: dict[str, Hit] = {}
        for index, score in self.rank(expanded, mode, meaning, alternatives):
            entry = self.entries[index]
            # a passage speaks for the activities it is evidence of and for its document, which compete in one ranking
            # (a paragraph that tells none goes on with the story of the one before it: "On the second day, …")
            told = self.told.get(index, ())
            targets = (
                [entry.iri, *([entry.doc] if entry.doc in self.opening else [])]
                if entry.kind == "activity"
                else [*entry.activities, *told, entry.doc]
            )
            for target in targets:
                if entry.kind == "activity":
                    bonus = 1.0 if target == entry.iri else DESCRIBED_BONUS
                else:
                    bonus = DOCUMENT_BONUS if target == entry.doc else TOLD_BONUS if target in told else PASSAGE_BONUS
                if not bonus:
                    continue
                hit = hits.setdefault(target, Hit(target, "document" if target == entry.doc else "activity", 0.0))
                hit.score = max(hit.score, score * bonus)
                if entry.kind == "passage" or target == entry.iri:  # (a document's entries are its passages)
                    hit.entries.append(entry)
        results = []
        places = {self.lexicon.preferred.get(p, "") for p in meaning.places}
        # a country named with a word of funding that funded something here is a donor, not whom it was for:
        # "projects funded by Switzerland" (but "who funded the Kazakhstan pilot" is for Kazakhstan)
        donors = set(meaning.donors) & self.funders
        countries = set(meaning.countries) - donors
        named_countries = {iri for kind, _, iri in meaning.mentions if kind == "COUNTRY"} - donors  # (not a region's members)
        region_named = any(kind == "REGION" for kind, _, _ in meaning.mentions)
        waters = (
            set() if plain else {self.entries[i].doc for kind, _, iri in meaning.mentions if kind == "WATER" for i in self._naming(iri)}
        )
        for hit in hits.values():
            facts = self.facts.get(hit.iri, [])
            # a country, town or year the query names raises what matches it, never deletes the rest: a document
            # about Serbia that describes no activity of Serbia's is still an answer to "Serbia"; a document is
            # raised by the activities it describes
            hit.matched = hit.score
            about = [] if plain else facts or self.described.get(hit.iri, [])
            if countries and any(set(f.countries) & countries for f in about):
                # (and twice more for each further country named that it is for: "Moldova Ukraine" wants both)
                both = max((len(set(f.countries) & named_countries) for f in about), default=0)
                # (in full for what is for it alone or with one other, or for a region named; a region's, shared
                # with more, half as much when a country is named)
                few = min(len(f.countries) for f in about if set(f.countries) & countries)
                own = few <= OWN_COUNTRIES + max(0, len(named_countries) - 1) or region_named  # (one more per further country named)
                hit.score *= (COUNTRY_BOOST if own else COUNTRY_BOOST**0.5) * TOPIC_BOOST ** max(0, both - 1)
            if donors and any(set(f.donors) & donors for f in about):
                hit.score *= COUNTRY_BOOST
            if places and any(f.place in places for f in about) or meaning.online and any(f.place == "online" for f in about):
                hit.score *= PLACE_BOOST
            if meaning.years and any(overlaps(f.start, f.end, meaning.years) for f in about):
                # (in full for what began in those years; a project running into them from before, half as much)
                began = any(f.start and meaning.years[0] <= int(f.start[:4]) <= meaning.years[1] for f in about)
                hit.score *= YEAR_BOOST if began else YEAR_BOOST**0.5
            if meaning.types and any(self.lexicon.is_a(f.type, t) for f in about for t in meaning.types):
                hit.score *= TYPE_BOOST
            elif meaning.types and any(f.type in self.lexicon.related_kinds.get(t, ()) for f in about for t in meaning.types):
                hit.score *= TYPE_BOOST**0.5  # (a kin of the kind named: a seminar for "workshops")
            if meaning.planned is not None and about:  # what was held for "what happened", what is planned for "prévues"
                hit.score *= PLANNED_BOOST if any(f.planned == meaning.planned for f in about) else 1 / PLANNED_BOOST
            if meaning.topics:  # (for each topic named that it is on: "inspection of tailings facilities" wants both)
                hit.score *= TOPIC_BOOST ** max((len(set(f.topics) & set(meaning.topics)) for f in about), default=0)
            if waters and ({f.doc for f in facts} if facts else {hit.iri}) & waters:
                hit.score *= WATER_BOOST  # (an activity or a page on the river the query names: its document names it)
            results.append((hit, facts))
        if not results:  # (it names a kind of activity, say, but nothing here matches it at all: "семинар Севезо")
            return nothing
        results = [r for r in results if _facet_match(r[1], country, year, type_, topic)]
        marked = query if plain else " ".join([query, *self._said_words(query, meaning)])  # (what snippets mark)
        results.sort(key=lambda r: -r[0].score)
        if results:  # what matches far worse than the best match is not an answer: neither counted, faceted nor paged
            # (against the best score, or against the best match of the words alone: what the query names raises
            # what matches it, and never deletes a page that matches the words as well)
            best, words = results[0][0].score * RELEVANT_SHARE, max(r[0].matched for r in results) * RELEVANT_SHARE
            results = [r for r in results if r[0].score >= best or r[0].matched >= words]
        return Answer(
            asked,
            understood_json(meaning),
            tuple(self._result(hit, facts, marked) for hit, facts in results[(page - 1) * k : page * k]),
            _facets(results, self.lexicon),
            len(results),
            page,
            max(1, -(-len(results) // k)),
            True,
            lang,
            read_as,
        )

    def _result(self, hit: Hit, facts: list[Entry], query: str) -> Result:
        if facts:
            first = facts[0]
            countries = tuple(sorted({c for f in facts for c in f.beneficiaries}))
            return Result(
                hit.iri,
                first.label,
                first.type.rsplit("#", 1)[-1],
                round(hit.score, 5),
                highlight(first.quote, query),
                tuple(sorted({f.doc for f in facts})),
                first.start,
                first.end,
                next((f.place for f in facts if f.place), ""),
                tuple(sorted({t.rsplit("/", 1)[-1] for f in facts for t in f.topics})),
                tuple(self.lexicon.preferred.get(c, c) for c in countries),
                countries,
            )
        entry = hit.entries[0] if hit.entries else self.opening[hit.iri]
        return Result(hit.iri, entry.label, "Document", round(hit.score, 5), highlight(entry.quote, query), (entry.doc,))


def _unnamed(query: str, meaning: Understanding | None) -> str:
    """The query without the words of what it names (countries, towns, kinds, topics, dates)."""
    for _, text, _ in meaning.mentions if meaning is not None else ():
        query = query.replace(text, " ")
    return query


def _span(iri: str) -> tuple[int, int]:
    """A passage's start and end in its document's text, from its IRI ("…#120-388")."""
    start, _, end = iri.rpartition("#")[2].partition("-")
    return int(start), int(end)


def _top(scores, floor: float, n: int = CANDIDATES) -> list[int]:
    """The indexes of the n highest scores above floor, highest first."""
    import numpy as np

    top = np.argpartition(-scores, n)[:n] if len(scores) > n else np.arange(len(scores))
    top = top[np.argsort(-scores[top])]
    return [int(i) for i in top if scores[i] > floor]


def _facet_match(facts: list[Entry], country, year, type_, topic) -> bool:
    if not (country or year or type_ or topic):
        return True
    if not facts:
        return False
    if country and not any(country in f.countries or country.upper() in {c.rsplit("/", 1)[-1] for c in f.countries} for f in facts):
        return False
    if year and not any(f.start and f.start[:4] <= year <= (f.end or f.start)[:4] for f in facts):
        return False
    if type_ and not any(f.type.rsplit("#", 1)[-1] == type_ or f.type == type_ for f in facts):
        return False
    return not topic or any(topic in f.topics or topic in {t.rsplit("/", 1)[-1] for t in f.topics} for f in facts)


def _facets(results, lexicon: Lexicon) -> dict:
    counts: dict[str, Counter[str]] = {"country": Counter(), "year": Counter(), "type": Counter(), "topic": Counter()}
    for _, facts in results:
        if not facts:
            continue
        counts["country"].update({c.rsplit("/", 1)[-1] for f in facts for c in f.countries})
        counts["year"].update({f.start[:4] for f in facts if f.start})
        counts["type"].update({f.type.rsplit("#", 1)[-1] for f in facts})
        counts["topic"].update({t.rsplit("/", 1)[-1] for f in facts for t in f.topics})
    iris = {
        "country": lambda v: f"{ID}country/{v}",
        "type": lambda v: f"{IAC}{v}",
        "topic": lambda v: f"{ID}topic/{v}",
        "year": lambda v: None,
    }
    out = {}
    for name, counter in counts.items():  # every value, most frequent first, with its label and IRI
        values = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        out[name] = [
            {"value": v, "count": n, "label": _facet_label(lexicon, name, v, iris[name](v)), "iri": iris[name](v)} for v, n in values
        ]
    return out


def _facet_label(lexicon: Lexicon, name: str, value: str, iri: str | None) -> str:
    """A facet value in people's words: "North Macedonia" for MKD, "training session" for TrainingSession."""
    if name == "year":
        return value
    if name == "type":
        return lexicon.preferred.get(iri or "") or kind_words(value)
    return lexicon.preferred.get(iri or "") or value.replace("-", " ")
