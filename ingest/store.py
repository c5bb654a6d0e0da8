"""Stage 5, store: an embedded, on-disk Oxigraph store with a named graph per document.

Each document's graph is replaced in a single SPARQL update, which Oxigraph applies as one transaction:
a failure leaves the store as it was. The ontology and reference data live in graphs named
https://w3id.org/iac/id/graph/ontology/<file>. rdflib code gets the same data through oxrdflib (dataset()).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from ingest.errors import StoreError
from ingest.reference import ontology_files
from ingest.vocab import IAC, ID

REFERENCE_GRAPH = "https://w3id.org/iac/id/graph/ontology/"

EXPORT_FORMATS = {
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
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
        """The store through rdflib's API; the default graph is the union of all graphs."""
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._ox), default_union=True)

    def close(self) -> None:
        self._ox.flush()
        del self._ox

    # ------------------------------------------------------------------------------------ writing

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Replace one named graph with graph's triples, in one transaction."""
        try:
            body = graph.serialize(format="nt")
            self._ox.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
        except Exception as exc:
            raise StoreError(f"could not write graph <{name}> to {self.path}: {exc}") from exc

    def remove_graph(self, name: str) -> None:
        self._ox.update(f"DROP SILENT GRAPH <{name}>")

    def sync_reference(self, directory: Path | None = None) -> list[str]:
        """Load ontology/*.ttl, each into its own graph, where the file changed. Returns the files loaded."""
        loaded = []
        files = ontology_files(directory) if directory else ontology_files()
        for path in files:
            name = REFERENCE_GRAPH + path.name
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if self.graph_sha(name) == digest:
                continue
            graph = Graph().parse(data=data.decode("utf-8"), format="turtle")
            graph.add((URIRef(name), IAC.sha256, Literal(digest)))
            self.replace_graph(name, graph)
            loaded.append(path.name)
        stale = {g for g in self.graph_names() if g.startswith(REFERENCE_GRAPH)} - {REFERENCE_GRAPH + p.name for p in files}
        for name in stale:
            self.remove_graph(name)
        return loaded

    # ------------------------------------------------------------------------------------ reading

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

    def graph_sha(self, name: str) -> str | None:
        rows = list(self._ox.query(f"SELECT ?sha WHERE {{ GRAPH <{name}> {{ <{name}> <{IAC.sha256}> ?sha }} }}"))
        return rows[0]["sha"].value if rows else None

    def documents(self) -> list[str]:
        prefix = str(ID["doc/"])
        return [g for g in self.graph_names() if g.startswith(prefix)]

    def is_empty(self) -> bool:
        return not self.documents()

    def query(self, sparql: str):
        """A pyoxigraph result over the union of all graphs."""
        return self._ox.query(sparql, use_default_graph_as_union=True)

    def export(self, fmt: str) -> bytes:
        """Everything: documents, ontology and reference data. Quad formats keep the graph names."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
        rdf_format, quads = EXPORT_FORMATS[fmt]
        out = io.BytesIO()
        if quads:
            self._ox.dump(out, rdf_format, **({"prefixes": PREFIXES} if fmt == "trig" else {}))
        else:
            triples = self._ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            ox.serialize(triples, out, rdf_format, prefixes=PREFIXES)
        return out.getvalue()


PREFIXES = {
    "iac": "https://w3id.org/iac/ontology#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "country": "https://w3id.org/iac/id/country/",
    "region": "https://w3id.org/iac/id/region/",
    "place": "https://w3id.org/iac/id/place/",
    "topic": "https://w3id.org/iac/id/topic/",
    "activity": "https://w3id.org/iac/id/activity/",
}
