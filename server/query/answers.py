"""What search returns (server.query.search.Searcher.search): an Answer holding a page of Results, both frozen, shared
by the CLI, the API and the pages. to_json() gives the shape /api/search serves."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """An activity, or a document (type "Document": its dates, place, topics and countries empty)."""

    iri: str
    label: str
    type: str  # the local name of its most specific class ("TrainingSession"), or "Document"
    score: float
    snippet: str  # its evidence (or its best passage), the words that matched marked
    source: tuple[str, ...]  # the documents it comes from
    start: str | None = None
    end: str | None = None
    place: str = ""  # the venue's name, or "online"
    topics: tuple[str, ...] = ()  # local names ("tailings")
    countries: tuple[str, ...] = ()  # whom it is for, by name
    country_iris: tuple[str, ...] = ()  # the same, by IRI

    @property
    def is_document(self) -> bool:
        return self.type == "Document"

    def to_json(self) -> dict:
        return {
            "iri": self.iri,
            "label": self.label,
            "type": self.type,
            "score": self.score,
            "start": self.start,
            "end": self.end,
            "place": self.place,
            "topics": list(self.topics),
            "countries": list(self.countries),
            "country_iris": list(self.country_iris),
            "snippet": self.snippet,
            "source": list(self.source),
        }


@dataclass(frozen=True)
class Answer:
    """A page of results, the facets of all of them, and how the query was read. relevant False: nothing here
    answers the query (no results; message says so in the query's language)."""

    query: str  # as asked
    understood: dict  # what the query names (understand.understood_json)
    results: tuple[Result, ...]
    facets: dict  # facet -> [{value, count, label, iri}], over every result, not the page's alone
    total: int
    page: int
    pages: int
    relevant: bool
    lang: str
    read_as: str | None = None  # the query as spelt for searching, when respelling changed it
    message: str | None = None

    def to_json(self) -> dict:
        out = {
            "query": self.query,
            **({"read_as": self.read_as} if self.read_as is not None else {}),
            "understood": self.understood,
            "results": [r.to_json() for r in self.results],
            "facets": self.facets,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "relevant": self.relevant,
            "lang": self.lang,
        }
        if self.message is not None:
            out["message"] = self.message
        return out
