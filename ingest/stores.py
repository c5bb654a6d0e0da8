"""The store protocol: what the command line, ingest and the server need of a store, embedded
(ingest.store.Store, an on-disk Oxigraph) or remote (ingest.remote.RemoteStore, a SPARQL 1.1 server).

open_store is the one place that picks which. Callers use the protocol and never ask which kind they
hold; where the two differ, the protocol says so (path is None for a remote store).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from ingest.errors import QueryTimeout, StoreError

if TYPE_CHECKING:
    from typing import TypeAlias

    import pyoxigraph as ox
    from rdflib import Graph

    Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
    QueryResult: TypeAlias = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple]

T = TypeVar("T")


class GraphStore(Protocol):
    @property
    def path(self) -> Path | None:
        """The store's folder, for an embedded store; its search index lives beside it (STORE.search).
        None for a remote store, whose search index lives at IACKG_INDEX.search (see SearchIndex.beside)."""
        ...

    @property
    def location(self) -> str:
        """Where the store is, for messages: its folder or its query endpoint."""
        ...

    def query(
        self,
        sparql: str,
        *,
        prefixes: dict[str, str] | None = None,
        substitutions: dict[str, Term] | None = None,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
        base_iri: str | None = None,
        timeout: float | None = None,
    ) -> QueryResult:
        """A pyoxigraph result. The default graph is the union of all graphs, unless default_graphs is given.
        substitutions bind variables (by name) to RDF terms. With timeout, the whole answer is read within
        that many seconds, or QueryTimeout is raised; the timeout belongs to this call alone. Raises
        SyntaxError for a bad query."""
        ...

    def update(self, sparql: str) -> None: ...

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Replace one named graph in one transaction, keeping the default graph the union of all."""
        ...

    def remove_graph(self, name: str) -> None: ...

    def graph_names(self) -> list[str]: ...

    def graph_sha(self, name: str) -> str | None:
        """The SHA-256 of the source a document or reference graph was made from; None if not stored."""
        ...

    def documents(self) -> list[str]: ...

    def is_empty(self) -> bool: ...

    def sync_reference(self, directory: Path | None = None) -> list[str]: ...

    def export(self, fmt: str) -> bytes: ...

    def close(self) -> None: ...


def open_store(path: str | Path, endpoint: str | None = None, update_endpoint: str | None = None, read_only: bool = False) -> GraphStore:
    """The remote store at endpoint if one is given, else the embedded store at path. Raises StoreError
    when an embedded store to be read is missing or cannot be opened."""
    if endpoint:
        from ingest.remote import RemoteStore

        return RemoteStore(endpoint, update_endpoint)
    from ingest.store import Store

    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"no store at {path}: run `iackg --store {path} ingest PATH...` first")
    return Store(path, read_only=read_only)


def solutions(result: QueryResult) -> ox.QuerySolutions:
    """A SELECT query's result, as its solutions."""
    import pyoxigraph as ox

    if not isinstance(result, ox.QuerySolutions):
        raise StoreError(f"expected the solutions of a SELECT query, got {type(result).__name__}")
    return result


def parse_answer(kind: str, data: bytes) -> QueryResult:
    """A pyoxigraph result from an answer read in full: "results" (SPARQL JSON: solutions or a boolean) or
    "graph" (N-Triples, given as a list of triples)."""
    import pyoxigraph as ox

    if kind == "graph":
        return [q.triple if hasattr(q, "triple") else q for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)


def within(timeout: float | None, work: Callable[[], T]) -> T:
    """work() on a thread of its own, waited for at most timeout seconds (None: as long as it takes).
    Past it, QueryTimeout; the thread is left to end by itself, since pyoxigraph cannot stop a query.
    work must return plain data (bytes): pyoxigraph's results may not cross threads."""
    if timeout is None:
        return work()
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            outcome.append((False, exc))

    thread = threading.Thread(target=run, name="store-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise QueryTimeout(f"the query ran longer than its timeout of {timeout:g} s and was given up")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value
