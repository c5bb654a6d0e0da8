"""The service description (SPARQL 1.1 Service Description) with VoID statistics of the data."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from server.state import state

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

# The service description's formats, in order of preference (the first answers a request without Accept):
# Accept type -> (rdflib format, or None for the page; type sent). The last two are aliases.
MEDIA_TYPES = {
    "text/turtle": ("turtle", "text/turtle"),
    "text/html": (None, "text/html"),
    "application/ld+json": ("json-ld", "application/ld+json"),
    "application/rdf+xml": ("xml", "application/rdf+xml"),
    "application/n-triples": ("nt", "application/n-triples"),
    "application/x-turtle": ("turtle", "text/turtle"),
    "application/json": ("json-ld", "application/ld+json"),
}


def describe(endpoint: str) -> Graph:
    stats = state().stats.get()
    graph = Graph()
    for prefix, ns in (("sd", SD), ("void", VOID), ("formats", FORMATS), ("dcterms", DCTERMS)):
        graph.bind(prefix, ns)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, DCTERMS.title, Literal("iackg: UNECE Industrial Accidents Convention Assistance Programme knowledge graph")))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "TriG",
    ):
        graph.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset, default = BNode("dataset"), BNode("default")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, RDF.type, VOID.Dataset))
    graph.add((default, DCTERMS.description, Literal("The union of all named graphs: one per ingested document, one per ontology file.")))
    for key, prop in (
        ("triples", VOID.triples),
        ("subjects", VOID.distinctSubjects),
        ("objects", VOID.distinctObjects),
        ("properties", VOID.properties),
        ("classes", VOID.classes),
        ("entities", VOID.entities),
    ):
        graph.add((default, prop, Literal(stats[key], datatype=XSD.integer)))
    graph.add((default, VOID.sparqlEndpoint, service))
    for index, (name, count) in enumerate(stats["graphs"]):
        named, inner = BNode(f"named{index}"), BNode(f"graph{index}")
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, SD.name, URIRef(name)))
        graph.add((named, SD.graph, inner))
        graph.add((inner, RDF.type, SD.Graph))
        graph.add((inner, VOID.triples, Literal(count, datatype=XSD.integer)))
    return graph
