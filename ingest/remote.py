"""A store on an external SPARQL 1.1 server (Oxigraph, Virtuoso, ...), spoken to through SPARQLWrapper.

It implements the store protocol (ingest.stores.GraphStore), as the embedded Store does, so ingest, query,
stats and serve work the same on both. Bound variables go to the server as a VALUES block (a SPARQL
endpoint takes no bindings); a query's timeout is its own, given per call. Queries go
to the query endpoint, writes (one SPARQL update per document: DROP then INSERT DATA, which a server
applies as one request) to the update endpoint. As in the embedded store, each write keeps the server's
default graph the union of all named graphs, so no server-specific "union graph" setting is needed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from ingest.errors import QueryTimeout, StoreError
from ingest.sparqltext import form, inline_values
from ingest.store import EXPORT_FORMATS, Graphs, remove_update, replace_update
from ingest.stores import parse_answer, solutions, within
from ingest.vocab import PREFIXES

if TYPE_CHECKING:
    from ingest.stores import QueryResult, Term

DEFAULT_TIMEOUT = 60  # seconds a request waits when its caller gives no timeout


class RemoteStore(Graphs):
    path = None  # no folder here: the search index lives at IACKG_INDEX

    def __init__(self, query_endpoint: str, update_endpoint: str | None = None) -> None:
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint
        self.location = query_endpoint

    def _wrapper(self, endpoint: str, timeout: float):
        from SPARQLWrapper import POST, SPARQLWrapper

        wrapper = SPARQLWrapper(endpoint)
        wrapper.setMethod(POST)
        wrapper.timeout = timeout  # type: ignore[assignment]  # (a float: setTimeout rounds down to whole seconds, 0 meaning none)
        return wrapper

    # ------------------------------------------------------------------------------------ reading

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
        """See GraphStore.query. The answer is read in full; without a timeout, a request waits DEFAULT_TIMEOUT s.
        The server's own timeout, if it has one, stops its work; ours only stops waiting."""
        if timeout is None:
            return parse_answer(*self._ask(sparql, prefixes, substitutions, default_graphs, named_graphs, base_iri, DEFAULT_TIMEOUT))
        # the socket waits a little longer, so that the thread left behind after a timeout ends by itself
        return parse_answer(
            *within(timeout, lambda: self._ask(sparql, prefixes, substitutions, default_graphs, named_graphs, base_iri, timeout + 1))
        )

    def _ask(self, sparql, prefixes, substitutions, default_graphs, named_graphs, base_iri, timeout: float) -> tuple[str, bytes]:
        """The server's answer, as parse_answer takes it."""
        from SPARQLWrapper import JSON, N3
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

        kind = form(sparql) or "SELECT"  # SPARQLWrapper's own guess trips on comments
        if substitutions:
            sparql = inline_values(sparql, substitutions)
        declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", sparql, flags=re.IGNORECASE)}
        header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items() if p.lower() not in declared)
        if base_iri:  # the query's own BASE, if any, comes later and wins
            header = f"BASE <{base_iri}>\n" + header
        wrapper = self._wrapper(self.query_endpoint, timeout)
        wrapper.setQuery(header + sparql)
        wrapper.queryType = kind
        for graph in default_graphs:
            wrapper.addDefaultGraph(graph)
        for graph in named_graphs:
            wrapper.addNamedGraph(graph)
        graph_query = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(N3 if graph_query else JSON)
        try:
            if graph_query:
                wrapper.addCustomHttpHeader("Accept", "application/n-triples")
            response = wrapper.query().response
            data = response.read()
        except QueryBadFormed as exc:
            raise SyntaxError(str(exc)) from exc
        except Exception as exc:
            if isinstance(exc, TimeoutError) or isinstance(getattr(exc, "reason", None), TimeoutError):
                raise QueryTimeout(f"the SPARQL endpoint {self.query_endpoint} did not answer within {timeout:g} s") from exc
            raise StoreError(f"the SPARQL endpoint {self.query_endpoint} failed: {exc}") from exc
        return ("graph" if graph_query else "results"), data

    def graph_names(self) -> list[str]:
        rows = solutions(self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return sorted(r["g"].value for r in rows)

    def export(self, fmt: str) -> bytes:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
        rows = solutions(self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
        quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
        rdf_format, keeps_graphs = EXPORT_FORMATS[fmt]
        prefixes = PREFIXES if fmt in ("trig", "turtle") else None
        if not keeps_graphs:
            triples = list({ox.Triple(q.subject, q.predicate, q.object) for q in quads})
            return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
        return ox.serialize(quads, format=rdf_format, prefixes=prefixes) or b""

    # ------------------------------------------------------------------------------------ writing

    def update(self, sparql: str) -> None:
        if not self.update_endpoint:
            raise StoreError(f"{self.query_endpoint} is read-only here: give --update-endpoint to write to it")
        wrapper = self._wrapper(self.update_endpoint, DEFAULT_TIMEOUT)
        wrapper.setQuery(sparql)
        try:
            wrapper.query()
        except Exception as exc:
            raise StoreError(f"the SPARQL update endpoint {self.update_endpoint} failed: {exc}") from exc

    def replace_graph(self, name: str, graph: Graph) -> None:
        try:
            update = replace_update(name, graph)
        except Exception as exc:
            raise StoreError(f"could not serialise graph <{name}>: {exc}") from exc
        self.update(update)

    def remove_graph(self, name: str) -> None:
        self.update(remove_update(name))

    def close(self) -> None:
        pass
