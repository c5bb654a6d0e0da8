"""Questions to saved queries: "Which countries joined the implementation phase?" becomes
implementation-phase-countries, "What activities took place in Serbia?" activities-by-country with
country = Serbia.

A question is compared, by sentence embedding, with each saved query's title, description and example
questions; a query whose parameters the question cannot fill (no country named for a country parameter)
is passed over, and one whose parameters it fills gains FILLED_BONUS. Parameters come from the gazetteer (countries, former names, regions) and the topic
scheme. Below MIN_SIMILARITY no query fits, and the caller falls back to search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.reference import Lexicon
from ingest.saved import SavedQuery, bind, inline_values
from ingest.search import understand

MIN_SIMILARITY = 0.5
FILLED_BONUS = 0.15  # a query whose parameters the question fills (it names a country, a topic) fits better
UNUSED_PENALTY = 0.2  # for each kind of thing the question names that the query neither takes nor speaks of
_PARAM_OF = {"COUNTRY": "country", "REGION": "region", "CITY": "place", "ACTIVITY": "kind"}  # entity label -> parameter type


@dataclass(frozen=True)
class Match:
    query: SavedQuery
    similarity: float
    values: dict[str, str]  # parameter -> the words of the question that fill it
    bindings: dict  # parameter -> RDF term

    @property
    def sparql(self) -> str:
        """The query with its parameters written in as a VALUES block: runnable as it stands."""
        return inline_values(self.query.text, self.bindings)


class Asker:
    def __init__(self, saved: dict[str, SavedQuery], encoder, nlp, lexicon: Lexicon) -> None:
        self.saved = saved
        self.encoder = encoder
        self.nlp = nlp
        self.lexicon = lexicon
        self._texts = [(name, text) for name, q in saved.items() for text in (q.title, q.description, *q.examples) if text]
        self._vectors = encoder.encode([text for _, text in self._texts])

    def _named(self, question: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """What the question names, by parameter type: by its id where the tagger knows it ("в Сербии" is SRB,
        "Бишкеке" bishkek-kg, "training" TrainingSession), and as written."""
        doc = self.nlp(question)
        found: dict[str, list[str]] = {t: [] for t in (*_PARAM_OF.values(), "topic", "year")}
        written: dict[str, list[str]] = {t: [] for t in found}
        for ent in doc.ents:
            if (kind := _PARAM_OF.get(ent.label_)) is not None and (kind != "kind" or ent.ent_id_):
                found[kind].append(ent.ent_id_.rsplit("#", 1)[-1] if kind == "kind" else _id(ent.ent_id_) or ent.text)
                written[kind].append(ent.text)
            elif ent.label_ == "DATE":
                written["year"].append(ent.text)
        for span in doc.spans.get("topics", []):
            found["topic"].append(_id(span.label_) or span.text)
            written["topic"].append(span.text)
        years = understand(question, self.nlp, self.lexicon).years  # "between 2016 and 2019": from 2016, to 2019
        found["year"] = [str(years[0]), str(years[1])] if years else []
        return found, written

    def _fill(self, query: SavedQuery, found: dict[str, list[str]]) -> dict[str, str] | None:
        values, used = {}, {}
        for param in query.params:
            candidates = found.get(param.type, [])
            if not candidates:
                return None
            n = used.get(param.type, 0)  # (the second year parameter takes the second year: "from 2016 to 2019")
            values[param.name] = candidates[min(n, len(candidates) - 1)] if param.type == "year" else candidates[0]
            used[param.type] = n + 1
        return values

    def _shape(self, question: str) -> str:
        """The question with what it names replaced by its kind: "What was done on a topic?"."""
        doc = self.nlp(question)
        spans = [(e.start_char, e.end_char, {"COUNTRY": "a country", "REGION": "a region", "CITY": "a city"}.get(e.label_))
                 for e in doc.ents] + [(s.start_char, s.end_char, "a topic") for s in doc.spans.get("topics", [])]
        shaped = question
        for start, end, word in sorted((s for s in spans if s[2]), reverse=True):
            shaped = shaped[:start] + word + shaped[end:]
        return shaped

    def ranked(self, question: str) -> list[tuple[str, float]]:
        """Saved query names by similarity to the question (its words, or its shape), best first."""
        variants = list(dict.fromkeys([question, self._shape(question)]))
        scores = (self._vectors @ self.encoder.encode(variants).T).max(axis=1)
        best: dict[str, float] = {}
        for (name, _), score in zip(self._texts, scores):
            best[name] = max(best.get(name, -1.0), float(score))
        return sorted(best.items(), key=lambda item: -item[1])

    def match(self, question: str) -> Match | None:
        candidates = []
        found, written = self._named(question)
        for name, similarity in self.ranked(question):
            query = self.saved[name]
            values = self._fill(query, found)
            if values is None:
                continue
            # what the question names that the query neither takes nor speaks of ("TMF" for the count per country)
            told = " ".join((query.title, query.description, *query.examples)).lower()
            unused = [t for t, words in written.items() if words and t not in {p.type for p in query.params}
                      and not any(w.lower() in told for w in words)]
            score = similarity + (FILLED_BONUS if query.params else 0.0) - UNUSED_PENALTY * len(unused)
            if score >= MIN_SIMILARITY:
                candidates.append((score, name, values))
        if not candidates:
            return None
        score, name, values = max(candidates)
        query = self.saved[name]
        return Match(query, score, values, bind(query, values, self.lexicon))


def widened(match: Match) -> tuple[Match, str] | None:
    """For a match whose kind of activity found nothing ("training sessions on tailings: none"): the match with the
    kind widened to every activity (iac:Activity), and the words that say so; None when it has no kind to widen."""
    import pyoxigraph as ox

    from ingest.vocab import IAC

    kind = match.values.get("kind")
    if kind is None or kind == "Activity":
        return None
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()  # "TrainingSession" -> "training session"
    topic = match.values.get("topic", "").replace("-", " ")
    wider = Match(match.query, match.similarity, {**match.values, "kind": "Activity"}, {**match.bindings, "kind": ox.NamedNode(str(IAC.Activity))})
    return wider, f"No {words} on {topic or 'this'}: showing every kind of activity on it instead."


def _id(iri: str) -> str:
    """The last part of an IRI of ours ("SRB", "bishkek-kg", "central-asia"), which the parameter types resolve."""
    return iri.rsplit("/", 1)[-1] if iri.startswith("https://w3id.org/iac/id/") else ""


def evidence_query(iris: list[str]) -> str:
    """The quotes and sources behind the given activities (IRIs from an answer, written as RDF terms)."""
    import pyoxigraph as ox

    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    return f"""PREFIX iac: <https://w3id.org/iac/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?activity ?quote ?source WHERE {{ VALUES ?activity {{ {values} }}
  ?activity iac:evidence ?e . ?e oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector/oa:exact ?quote }}"""


def activity_iris(rows: list[dict[str, str]], limit: int = 50) -> list[str]:
    found = dict.fromkeys(v for row in rows for v in row.values() if "/id/activity/" in v)
    return list(found)[:limit]
