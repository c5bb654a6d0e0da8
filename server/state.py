"""What the app holds for its lifetime, and `state()`, the one way a view reaches it (flaskr's get_db).

The engine, the models and the search index are made with the app (server/app.py). What is built from them
(search, question answering, the editor's vocabulary, the service description's statistics, the saved
queries) is built here, on first use, each once under its own lock; when ingest changes the store, the parts
built from the store are dropped together and built again on their next use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from flask import Flask, current_app

if TYPE_CHECKING:
    from ingest.index import SearchIndex
    from ingest.pipeline import Models
    from server.engine import Engine
    from server.query.ask import Asker
    from server.query.saved import SavedQuery
    from server.query.search import Searcher

T = TypeVar("T")


class Lazy(Generic[T]):
    """A value built by build() on first use, once, under its own lock; reset() drops it."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
                value = self._value
        return value

    def reset(self) -> None:
        with self._lock:  # (after a build under way, which would otherwise put back what was dropped)
            self._value = None


@dataclass
class State:
    engine: Engine
    models: Models
    queries_dir: Path
    index: SearchIndex  # whose generation file says when ingest changed the store
    query_timeout: float
    generation: str = ""
    saved: Lazy[dict[str, SavedQuery]] = field(init=False)
    searcher: Lazy[Searcher] = field(init=False)
    asker: Lazy[Asker] = field(init=False)
    vocabulary: Lazy[list[dict]] = field(init=False)
    stats: Lazy[dict] = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.saved = Lazy(self._load_saved)
        self.searcher = Lazy(self._build_searcher)
        self.asker = Lazy(self._build_asker)
        self.vocabulary = Lazy(self._build_vocabulary)
        self.stats = Lazy(self._count)

    def follow_store(self) -> None:
        """If ingest changed the store since the last request, drop everything derived from it at once:
        workers reopen the store, cached results, statistics, the search index and completions reload."""
        token = self.index.generation()
        if token == self.generation:
            return
        with self._lock:
            if token == self.generation:
                return
            self.engine.refresh()
            for member in (self.stats, self.asker, self.searcher, self.vocabulary):
                member.reset()
            self.generation = token

    def _load_saved(self) -> dict[str, SavedQuery]:
        from server.query.saved import load_saved

        return load_saved(self.queries_dir)

    def _build_searcher(self) -> Searcher:
        """The search index with its models (loading the encoder takes seconds); 503 while there is no index."""
        from ingest.errors import IngestError
        from server.errors import ApiError
        from server.query.search import Searcher

        try:
            entries, vectors = self.index.load(self.models.encoder)
        except IngestError as exc:
            raise ApiError(503, f"Search is not available: {exc}") from exc
        return Searcher(entries, vectors, self.models.encoder, self.models.nlp, self.models.lexicon)

    def _build_asker(self) -> Asker:
        from server.query.ask import Asker

        models = self.models
        return Asker(self.saved.get(), models.encoder, models.nlp, models.lexicon, searcher=self.searcher.get())

    def _build_vocabulary(self) -> list[dict]:
        """Each prefixed name of the reference data (classes, properties, countries, regions, topics, places...)
        with its local name folded, its English label and the folded words of all its labels (en, ru, fr)."""
        import re

        from rdflib.namespace import RDFS, SKOS

        from ingest.lexical import fold
        from ingest.vocab import PREFIXES

        reference = self.models.reference
        names: dict[str, dict] = {}
        for term in set(reference.subjects()) | set(reference.predicates()) | set(reference.objects()):
            iri = str(term)
            for prefix, namespace in PREFIXES.items():
                if iri.startswith(namespace) and len(iri) > len(namespace) and "/" not in iri[len(namespace) :]:
                    labels = [o for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel) for o in reference.objects(term, p)]
                    english = next((str(o) for o in labels if getattr(o, "language", None) in (None, "en")), "")
                    words = {w for o in labels for w in re.findall(r"\w+", fold(str(o).lower()))} | {fold(str(o).lower()) for o in labels}
                    local = iri[len(namespace) :]
                    names[f"{prefix}:{local}"] = {
                        "name": f"{prefix}:{local}",
                        "local": fold(local.lower()),
                        "label": english,
                        "words": words,
                    }
        return sorted(names.values(), key=lambda t: t["name"])

    def _count(self) -> dict:
        """VoID figures of the store, for the service description."""
        from server.pool import Request
        from server.sparql import internal

        def run(query: str) -> list[dict[str, str]]:
            return self.engine.run(Request(query, limit=100000), self.query_timeout * 3).values()

        totals, classes = run(internal("statistics-totals"))[0], run(internal("statistics-classes"))[0]
        graphs = [(r["g"], int(r["n"])) for r in run(internal("statistics-graphs"))]
        return {**{k: int(v) for k, v in totals.items()}, **{k: int(v) for k, v in classes.items()}, "graphs": graphs}


def state() -> State:
    """The current app's State."""
    return state_of(current_app)


def state_of(app: Flask) -> State:
    """An app's State, outside a request (tests, shutdown)."""
    return app.extensions["iackg"]
