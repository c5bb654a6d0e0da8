"""Questions to saved queries: "Which countries joined the implementation phase?" becomes
implementation-phase-countries, "What activities took place in Serbia?" activities-by-country with
country = Serbia.

A question is compared, by sentence embedding, with each saved query's title, description and example
questions; a query whose parameters the question cannot fill (no country named for a country parameter)
is passed over, and one whose parameters it fills gains FILLED_BONUS. Parameters come from the gazetteer (countries, former names, regions) and the topic
scheme. Below MIN_SIMILARITY no query fits, and the caller falls back to search.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from ingest.reference import Lexicon
from ingest.sparqltext import inline_values, open_where
from ingest.vocab import IAC
from server.query.saved import SavedQuery, bind
from server.query.understand import capitalised, kind_words, not_held, overlaps, understand

MIN_SIMILARITY = 0.5
FILLED_BONUS = 0.15  # a query whose parameters the question fills (it names a country, a topic) fits better
UNUSED_PENALTY = 0.2  # for each kind of thing the question names that the query neither takes nor speaks of
_COUNT = re.compile(
    r"\b(?:how many|number of|count|per (?:year|country)|by year|each year|сколько|количеств\w*|число|combien|nombre)\b", re.IGNORECASE
)
# "Which projects started in 2021–2023?", "начались", "lancés": what began in the years named
_BEGAN = re.compile(
    r"\b(?:began|begun|start(?:ed|ing)|launched|initiated|commenc\w*|начал\w*|стартовал\w*|запущен\w*|"
    r"commencé\w*|débuté\w*|lancé\w*|démarré\w*)\b",
    re.IGNORECASE,
)
# a question that asks for countries: "Which countries…", "host country of…", "Для каких стран…", "Quel pays…"
_COUNTRIES = re.compile(
    r"\b(?:(?:which|what|host|beneficiary)\s+countr(?:y|ies)|countries\s+(?:that|which|with|where)|"
    r"(?:для\s+)?(?:как\w+|котор\w+)\s+(?:стран\w*|государств\w*)|(?:quels?|quelles?)\s+(?:pays|états))\b"
    r"|\bcountries$",
    re.IGNORECASE,
)
_ROLES = (
    re.compile(
        r"\b(?:financ\w*|fund\w*|donors?|paid|pay|sponsor\w*|финансир\w*|оплат\w*|спонсир\w*|донор\w*|"
        r"payé|bailleurs?)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:host\w*|принима\w*|принял\w*|приняла|accueill\w*|hôte)\b", re.IGNORECASE),
)
# kinds that one word names in another language ("семинар", "atelier": a seminar or a workshop): the activity a
# question names as one may be recorded as the other
_KIN = {"Seminar": ("Seminar", "Workshop"), "Workshop": ("Workshop", "Seminar")}
_PARAM_OF = {"COUNTRY": "country", "REGION": "region", "CITY": "place", "ACTIVITY": "kind"}  # entity label -> parameter type


@dataclass(frozen=True)
class Match:
    query: SavedQuery
    similarity: float
    values: dict[str, str]  # parameter -> the words of the question that fill it
    bindings: dict  # parameter -> RDF term
    kind: str | None = None  # a kind of activity (class IRI) the question names that the query does not take: rows narrowed to it
    years: tuple[int, int] | None = None  # the same for years: rows narrowed to activities overlapping them
    began: bool = False  # the question asks what began in the years ("Which projects started in 2021–2023?")

    @property
    def text(self) -> str:
        """The saved query, narrowed to the kind and years the question names beyond its parameters."""
        return narrowed(self.query.text, self.kind, self.years, self.began)

    @property
    def sparql(self) -> str:
        """The query with its parameters written in as a VALUES block: runnable as it stands."""
        return inline_values(self.text, self.bindings)

    @property
    def reading(self) -> str | None:
        """How the question was read beyond the query's title ("only training session; 2019"), or None."""
        words = []
        if self.kind:
            words.append("only " + kind_words(self.kind.rsplit("#", 1)[-1]))
        if self.years:
            start, end = self.years
            words.append(
                ("begun " if self.began else "") + (str(start) if start == end else f"{start}–{end}" if end < 9999 else f"since {start}")
            )
        return f"{self.query.title}: {', '.join(words)}" if words else None


@functools.cache
def lists_activities(text: str) -> bool:
    """Whether a query's rows are activities (it selects ?activity), so that they can be narrowed."""
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b", text, flags=re.IGNORECASE | re.DOTALL)
    projected = select.group(1) if select else ""
    while re.search(r"\([^()]*\)", projected):  # (not inside an expression: "(COUNT(DISTINCT ?activity) AS ?n)")
        projected = re.sub(r"\([^()]*\)", " ", projected)
    return bool(re.search(r"\?activity\b", projected))


def narrowed(text: str, kind: str | None, years: tuple[int, int] | None, began: bool = False) -> str:
    """text with its top-level WHERE group opening on a pattern that keeps activities of the kind and overlapping
    the years (either may be None), or, when began, begun in them."""
    if not (kind or years):
        return text
    patterns = []
    if kind:
        patterns.append(f"?activity a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{kind}> .")
    if years:
        patterns.append(
            "?activity <https://schema.org/startDate> ?narrowStart . "
            "OPTIONAL { ?activity <https://schema.org/endDate> ?narrowEnd }\n"
            f"  FILTER (<http://www.w3.org/2001/XMLSchema#integer>(SUBSTR(STR(?narrowStart), 1, 4)) <= {years[1]} && "
            f"<http://www.w3.org/2001/XMLSchema#integer>(SUBSTR(STR({'?narrowStart' if began else 'COALESCE(?narrowEnd, ?narrowStart)'}), 1, 4)) >= {years[0]})"
        )
    return open_where(text, "# narrowed to what the question names beyond the query's parameters\n  " + "\n  ".join(patterns))


class Asker:
    def __init__(self, saved: dict[str, SavedQuery], encoder, nlp, lexicon: Lexicon, searcher=None) -> None:
        """searcher (an server.query.search.Searcher over the same documents) respells a question's misspelt names
        ("accesion") and finds the activity it speaks of ("Who financed the project on tailings safety in
        Georgia?"); without one, questions are read as written and queries that take an activity are passed over."""
        self.saved = saved
        self.searcher = searcher
        self.encoder = encoder
        # the tagger, its docs kept for the last few texts: reading a question tags it three ways (its words, its
        # shape, its years), once
        self.nlp = functools.lru_cache(maxsize=16)(nlp)
        self.lexicon = lexicon
        # an example is compared by its shape too ("Profile of a country"), so that the country it happens to name
        # does not draw every question about that country to it
        self._texts = [
            (name, variant)
            for name, q in saved.items()
            for text in (q.title, q.description, *q.examples)
            if text
            for variant in dict.fromkeys([text, self._shape(text)])
        ]
        self._vectors = encoder.encode([text for _, text in self._texts])

    def _named(self, question: str) -> tuple[dict[str, list], dict[str, list[str]]]:
        """What the question names, by parameter type: by its id where the tagger knows it ("в Сербии" is SRB,
        "Бишкеке" bishkek-kg, "training" TrainingSession), and as written."""
        doc = self.nlp(capitalised(question, self.lexicon))
        found: dict[str, list] = {t: [] for t in (*_PARAM_OF.values(), "topic", "year")}
        written: dict[str, list[str]] = {t: [] for t in found}
        found["single"] = []  # for each kind, whether it is named in the singular
        # (a kind's word inside a topic's name is the topic's: "в рамках национальных политических диалогов"
        # asks for all that was done under them, their meetings too, not for policy dialogues)
        topical = [(span.start_char, span.end_char) for span in doc.spans.get("topics", [])]
        for ent in doc.ents:
            if ent.label_ == "ACTIVITY" and any(s <= ent.start_char and ent.end_char <= e for s, e in topical):
                continue
            if (kind := _PARAM_OF.get(ent.label_)) is not None and (kind != "kind" or ent.ent_id_):
                found[kind].append(ent.ent_id_.rsplit("#", 1)[-1] if kind == "kind" else _id(ent.ent_id_) or ent.text)
                written[kind].append(ent.text)
                if kind == "kind":
                    found["single"].append(_singular(ent.text))
            elif ent.label_ == "DATE":
                written["year"].append(ent.text)
        for span in doc.spans.get("topics", []):
            found["topic"].append(_id(span.label_) or span.text)
            written["topic"].append(span.text)
        years = understand(question, self.nlp, self.lexicon).years  # "between 2016 and 2019": from 2016, to 2019
        found["year"] = [str(years[0]), str(years[1])] if years else []
        found["span"] = [years] if years else []  # (the years as read, for narrowing)
        return found, written

    def _one_activity(self, question: str, found: dict[str, list]) -> list[str]:
        """The one activity the question speaks of, as [IRI]: the first a search for it finds of the kind it
        names in the singular ("the Seveso workshop in Baku", "национальный тренинг … в Ереване"); [] when it
        names no kind, or a plural one ("workshops in Almaty" asks about many)."""
        if self.searcher is None:
            return []
        kinds = [k for k, one in zip(found["kind"], found["single"], strict=False) if one and k != "Activity"]
        if not kinds:
            return []
        wanted = {str(IAC[k]) for k in _KIN.get(kinds[0], (kinds[0],))}
        years = found["span"][0] if found["span"] else None  # ("the seminar in Minsk in 2012": not the 2017 one)
        results = self.searcher.search(question, k=10).results
        return next(
            (
                [r.iri]
                for r in results
                if not r.is_document
                and any(self.lexicon.is_a(str(IAC[r.type]), w) for w in wanted)
                and (years is None or overlaps(r.start, r.end, years))
            ),
            [],
        )

    def _fill(self, query: SavedQuery, found: dict[str, list], question: str) -> dict[str, str] | None:
        values: dict[str, str] = {}
        used: dict[str, int] = {}
        for param in query.params:
            if param.type == "activity" and "activity" not in found:  # searched for once, when a query needs it
                found["activity"] = self._one_activity(question, found)
            candidates = found.get(param.type, [])
            if not candidates:
                return None
            n = used.get(param.type, 0)  # (the second year parameter takes the second year: "from 2016 to 2019")
            values[param.name] = candidates[min(n, len(candidates) - 1)] if param.type == "year" else candidates[0]
            used[param.type] = n + 1
        return values

    def _shape(self, question: str) -> str:
        """The question with what it names replaced by its kind: "What was done on a topic?"."""
        question = capitalised(question, self.lexicon)
        doc = self.nlp(question)
        kinds = {"COUNTRY": "a country", "REGION": "a region", "CITY": "a city"}
        spans = [(e.start_char, e.end_char, kinds[e.label_]) for e in doc.ents if e.label_ in kinds] + [
            (s.start_char, s.end_char, "a topic") for s in doc.spans.get("topics", [])
        ]
        shaped = question
        for start, end, word in sorted(spans, reverse=True):
            shaped = shaped[:start] + word + shaped[end:]
        return shaped

    def ranked(self, question: str) -> list[tuple[str, float]]:
        """Saved query names by similarity to the question (its words, or its shape), best first."""
        variants = list(dict.fromkeys([question, self._shape(question)]))
        scores = (self._vectors @ self.encoder.encode(variants).T).max(axis=1)
        best: dict[str, float] = {}
        for (name, _), score in zip(self._texts, scores, strict=False):
            best[name] = max(best.get(name, -1.0), float(score))
        return sorted(best.items(), key=lambda item: -item[1])

    def match(self, question: str) -> Match | None:
        if not_held(question):  # it asks for what no saved query gives (a cost, a population): none fits
            return None
        if self.searcher is not None:
            question = self.searcher.spelled(question)
        candidates = []
        found, written = self._named(question)
        counting = bool(_COUNT.search(question))
        asks_countries = bool(_COUNTRIES.search(question.rstrip(" ?")))
        for name, similarity in self.ranked(question):
            query = self.saved[name]
            values = self._fill(query, found, question)
            if values is None:
                continue
            # what the question names that the query neither takes nor speaks of ("TMF" for the count per country)
            told = " ".join((query.title, query.description, *query.examples)).lower()
            # (an activity parameter takes all the question names: "the Seveso workshop in Baku in 2016"; a query
            # listing activities is narrowed to the kind and years named: "trainings in Khujand")
            takes = {p.type for p in query.params} | ({"kind", "year"} if lists_activities(query.text) else set())
            unused = [
                t
                for t, words in written.items()
                if words and t not in takes and "activity" not in takes and not any(w.lower() in told for w in words)
            ]
            # a question asks for a count ("how many", "сколько", "combien") or a list, and a query gives one or the other
            mismatch = int(counting != query.title.startswith(("How many", "Number of")))
            # a query giving countries fits a question that speaks of countries ("Which countries…", "Для каких стран…")
            # and one that lists activities a question that does not ask for countries
            mismatch += (query.title.startswith("Countries") and not asks_countries) or (
                asks_countries and lists_activities(query.text) and "activity" not in {p.type for p in query.params}
            )
            # who paid and who hosted are asked in their own words, which the query's title uses too
            mismatch += sum(bool(cue.search(question)) != bool(cue.search(query.title)) for cue in _ROLES)
            score = similarity + (FILLED_BONUS if query.params else 0.0) - UNUSED_PENALTY * (len(unused) + mismatch)
            if score >= MIN_SIMILARITY:
                candidates.append((score, name, values))
        if not candidates:
            return None
        score, name, values = max(candidates)
        query = self.saved[name]
        kind = years = None
        began = False
        if lists_activities(query.text) and "activity" not in {p.type for p in query.params}:
            named = {p.type for p in query.params}
            kinds = [k for k in found["kind"] if k != "Activity"]
            kind = str(IAC[kinds[0]]) if kinds and "kind" not in named else None
            years = found["span"][0] if found["span"] and "year" not in named else None
            if found["span"] and _BEGAN.search(question):  # what began in the years, not all that ran in them
                years, began = found["span"][0], True
        return Match(query, score, values, bind(query, values, self.lexicon), kind, years, began)


def widened(match: Match) -> tuple[Match, str] | None:
    """For a match whose kind of activity found nothing ("training sessions on tailings: none"): the match with the
    kind widened to every activity (iac:Activity), and the words that say so; None when it has no kind to widen."""
    import pyoxigraph as ox

    kind = match.values.get("kind")
    if kind is None or kind == "Activity":
        return None
    words = kind_words(kind)
    topic = match.values.get("topic", "").replace("-", " ")
    wider = dataclasses.replace(
        match, values={**match.values, "kind": "Activity"}, bindings={**match.bindings, "kind": ox.NamedNode(str(IAC.Activity))}
    )
    return wider, f"No {words} on {topic or 'this'}: showing every kind of activity on it instead."


def _singular(words: str) -> bool:
    """Whether a kind of activity is named in the singular: "workshop", "тренинг", "l'atelier" (not
    "workshops", "тренинги", "ateliers")."""
    from ingest import morph

    last = words.split()[-1]  # (the noun: "командно-штабное учение", "table-top exercise")
    if last.lower() == "учения":  # an exercise is "учения" in the plural as often as "учение"
        return True
    if morph.has_cyrillic(last):
        tags = [p.tag for p in morph.parses(last.lower())[:1]]
        return not tags or "plur" not in tags[0]
    return not last.lower().endswith(("s", "x"))


def _id(iri: str) -> str:
    """The last part of an IRI of ours ("SRB", "bishkek-kg", "central-asia"), which the parameter types resolve."""
    return iri.rsplit("/", 1)[-1] if iri.startswith("https://w3id.org/iac/id/") else ""


def evidence_query(iris: list[str]) -> str:
    """The quotes and sources behind the given activities (IRIs from an answer, written as RDF terms)."""
    import pyoxigraph as ox

    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    return f"""PREFIX iac: <https://w3id.org/iac/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?activity ?title ?quote ?source ?start ?end WHERE {{ VALUES ?activity {{ {values} }}
  OPTIONAL {{ ?activity rdfs:label ?title }}
  ?activity iac:evidence ?e . ?e oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector/oa:exact ?quote .
  OPTIONAL {{ ?t oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end }} }}
ORDER BY ?activity ?source ?start"""


def grouped_evidence(rows: list[dict[str, str]]) -> list[dict]:
    """Evidence rows (from evidence_query) grouped by activity, each activity once with its quotes, each quote
    with its document and the passage's offsets (a link to the document highlights it)."""
    out: dict[str, dict] = {}
    for row in rows:
        quotes = out.setdefault(row["activity"], {"activity": row["activity"], "title": row.get("title") or "", "quotes": []})["quotes"]
        quote = {"quote": row["quote"], "source": row["source"], "start": row.get("start") or None, "end": row.get("end") or None}
        if quote not in quotes:
            quotes.append(quote)
    return list(out.values())


def activity_iris(rows: list[dict[str, str]], limit: int = 50) -> list[str]:
    """The activities in an answer's rows: IRI cells, and the IRIs of a list cell (a country's "activityList")."""
    found = dict.fromkeys(v for row in rows for cell in row.values() for v in cell.split() if "/id/activity/" in v)
    return list(found)[:limit]
