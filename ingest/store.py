"""Stage 5, store: an embedded, on-disk Oxigraph store with a named graph per document.

Each document's graph is replaced in a single SPARQL update, which Oxigraph applies as one transaction:
a failure leaves the store as it was. The default graph is kept equal to the set union of all named graphs
(see replace_update), so that any SPARQL client, with no special parameter, queries everything. The ontology and reference data live in graphs named
https://w3id.org/iac/id/graph/ontology/<file>. rdflib code gets the same data through oxrdflib (dataset()).
Store implements the store protocol (ingest.stores.GraphStore), as the remote store does.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from ingest.errors import StoreError
from ingest.reference import ontology_files
from ingest.stores import parse_answer, solutions, within
from ingest.vocab import IAC, ID, PREFIXES

if TYPE_CHECKING:
    from ingest.stores import GraphStore, QueryResult, Term

REFERENCE_GRAPH = "https://w3id.org/iac/id/graph/ontology/"

EXPORT_FORMATS = {
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}


class Graphs:
    """What every store (embedded or remote) derives from its graph_names() and query()."""

    def graph_sha(self: GraphStore, name: str) -> str | None:
        rows = list(solutions(self.query(f"SELECT ?sha WHERE {{ GRAPH <{name}> {{ <{name}> <{IAC.sha256}> ?sha }} }}")))
        return rows[0]["sha"].value if rows else None

    def documents(self: GraphStore) -> list[str]:
        prefix = str(ID["doc/"])
        return [g for g in self.graph_names() if g.startswith(prefix)]

    def is_empty(self: GraphStore) -> bool:
        return not self.documents()

    def sync_reference(self: GraphStore, directory: Path | None = None) -> list[str]:
        return sync_reference(self, directory)


class Store(Graphs):
    """The embedded store. A query given a timeout is read in full on a thread of its own; past the timeout
    the caller stops waiting, but the query runs on until it ends (the server runs its queries in worker
    processes instead, which it can stop: server/pool.py)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        try:
            if read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}. Is another iackg process using it?") from exc

    @property
    def oxigraph(self) -> ox.Store:
        return self._ox

    def dataset(self) -> Dataset:
        """The store through rdflib's API; its default graph is the union of all graphs (kept so on write)."""
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._ox))

    def close(self) -> None:
        self._ox.flush()
        del self._ox

    # ------------------------------------------------------------------------------------ writing

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Replace one named graph with graph's triples, in one transaction, keeping the default graph the
        union of all named graphs."""
        try:
            self._ox.update(replace_update(name, graph))
        except Exception as exc:
            raise StoreError(f"could not write graph <{name}> to {self.path}: {exc}") from exc

    def remove_graph(self, name: str) -> None:
        self._ox.update(remove_update(name))

    def update(self, sparql: str) -> None:
        self._ox.update(sparql)

    # ------------------------------------------------------------------------------------ reading

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

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
        """See GraphStore.query. Without a timeout the result is pyoxigraph's own, read as it is iterated."""
        kwargs: dict[str, Any] = {"prefixes": prefixes or {}, "base_iri": base_iri}
        if default_graphs:  # else the store's default graph, kept the union of all graphs
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if substitutions:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
        if timeout is None:
            return self._ox.query(sparql, **kwargs)
        return parse_answer(*within(timeout, lambda: _read(self._ox.query(sparql, **kwargs))))

    def export(self, fmt: str) -> bytes:
        """Everything: documents, ontology and reference data. Quad formats keep the graph names."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
        rdf_format, quads = EXPORT_FORMATS[fmt]
        out = io.BytesIO()
        if quads:  # the named graphs; the default graph is only their union
            named = (q for q in self._ox.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
            ox.serialize(named, out, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
        else:
            self._ox.dump(out, rdf_format, from_graph=ox.DefaultGraph(), prefixes=PREFIXES if fmt == "turtle" else None)
        return out.getvalue()


def _read(result) -> tuple[str, bytes]:
    """A query's answer read in full, as parse_answer takes it."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        return "results", result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    return "graph", result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""


def replace_update(name: str, graph: Graph) -> str:
    """One SPARQL update that replaces a named graph and keeps the default graph the set union of all named
    graphs: triples only this graph had leave the default graph, the new ones join it. (Oxigraph's own
    union view counts a triple once per graph that holds it: oxigraph issue 1919.)"""
    body = graph.serialize(format="nt")
    return f"{remove_update(name)} ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }} ;\nINSERT DATA {{\n{body}\n}}"


def remove_update(name: str) -> str:
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{name}>"
    )


def sync_reference(store, directory: Path | None = None) -> list[str]:
    """Load ontology/*.ttl into a store (embedded or remote), each file into its own graph, where the file
    changed; drop graphs of files that are gone. Blank nodes are skolemised, so that the default graph
    (the union) can be kept exact. Returns the files loaded."""
    loaded = []
    files = ontology_files(directory) if directory else ontology_files()
    for path in files:
        name = REFERENCE_GRAPH + path.name
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if store.graph_sha(name) == digest:
            continue
        graph = Graph().parse(data=data.decode("utf-8"), format="turtle").skolemize(authority="https://w3id.org/iac/", basepath="genid/")
        graph.add((URIRef(name), IAC.sha256, Literal(digest)))
        store.replace_graph(name, graph)
        loaded.append(path.name)
    stale = {g for g in store.graph_names() if g.startswith(REFERENCE_GRAPH)} - {REFERENCE_GRAPH + p.name for p in files}
    for name in stale:
        store.remove_graph(name)
    return loaded
