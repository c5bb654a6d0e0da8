"""Query results as plain, picklable data, and their serialisations.

A term is a tuple: ("uri", iri), ("bnode", id), ("literal", value, datatype, lang) or ("triple", s, p, o).
SELECT and ASK results go out as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE results (kept as
N-Triples) as Turtle, N-Triples, RDF/XML, JSON-LD or TriG.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format name -> MIME type: the two conneg tables
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "trig": "application/trig",
}


@dataclass
class Result:
    kind: str  # bindings, boolean, graph
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: bytes = b""  # N-Triples
    truncated: bool = False
    limit: int = 0
    body: bytes | None = None  # the serialisation, when the worker made it

    def values(self) -> list[dict[str, str]]:
        """Rows as {variable: plain string}, for HTML tables and simple JSON."""
        return [{v: (t[1] if t is not None else "") for v, t in zip(self.vars, row, strict=False)} for row in self.rows]


def to_term(node) -> tuple | None:
    """A pyoxigraph term to a tuple."""
    if node is None:
        return None
    name = type(node).__name__
    if name == "NamedNode":
        return ("uri", node.value)
    if name == "BlankNode":
        return ("bnode", node.value)
    if name == "Literal":
        return ("literal", node.value, node.datatype.value, node.language)
    return ("triple", to_term(node.subject), to_term(node.predicate), to_term(node.object))


def from_term(term: tuple):
    """A tuple back to a pyoxigraph term (the inverse of to_term), e.g. a bound parameter for a store's query."""
    import pyoxigraph as ox

    if term[0] == "uri":
        return ox.NamedNode(term[1])
    if term[0] == "bnode":
        return ox.BlankNode(term[1])
    if term[0] == "triple":
        return ox.Triple(*(from_term(t) for t in term[1:]))
    if term[3]:
        return ox.Literal(term[1], language=term[3])
    return ox.Literal(term[1], datatype=ox.NamedNode(term[2]))


def from_answer(answer, limit: int) -> Result:
    """A pyoxigraph answer (boolean, solutions, or triples as QueryTriples or a list) as a Result of at most
    limit rows or triples; truncated says whether more were left out."""
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return Result("boolean", boolean=bool(answer))
    if not isinstance(answer, ox.QuerySolutions):
        triples: list = []
        for triple in answer:
            if len(triples) == limit:
                return Result("graph", graph=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", truncated=True, limit=limit)
            triples.append(triple)
        return Result("graph", graph=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
    variables = [v.value for v in answer.variables]
    rows: list[tuple] = []
    for solution in answer:
        if len(rows) == limit:
            return Result("bindings", variables, rows, truncated=True, limit=limit)
        rows.append(tuple(to_term(solution[i]) for i in range(len(variables))))
    return Result("bindings", variables, rows)


def _json_term(term: tuple) -> dict:
    if term[0] == "uri":
        return {"type": "uri", "value": term[1]}
    if term[0] == "bnode":
        return {"type": "bnode", "value": term[1]}
    if term[0] == "literal":
        out = {"type": "literal", "value": term[1]}
        if term[3]:
            out["xml:lang"] = term[3]
        elif term[2] and term[2] != XSD_STRING:
            out["datatype"] = term[2]
        return out
    return {"type": "triple", "value": {k: _json_term(t) for k, t in zip(("subject", "predicate", "object"), term[1:], strict=False)}}


def to_json(result: Result) -> bytes:
    doc: dict[str, Any]
    if result.kind == "boolean":
        doc = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.vars, row, strict=False) if t is not None} for row in result.rows]
        doc = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    if result.truncated:  # extra members are allowed: clients ignore what they do not know
        doc["head"]["link"] = [f"urn:iackg:truncated?limit={result.limit}"]
        doc["truncated"] = True
        doc["rowLimit"] = result.limit
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _xml_term(term: tuple) -> str:
    if term[0] == "uri":
        return f"<uri>{escape(term[1])}</uri>"
    if term[0] == "bnode":
        return f"<bnode>{escape(term[1])}</bnode>"
    if term[0] == "literal":
        if term[3]:
            return f"<literal xml:lang={quoteattr(term[3])}>{escape(term[1])}</literal>"
        if term[2] and term[2] != XSD_STRING:
            return f"<literal datatype={quoteattr(term[2])}>{escape(term[1])}</literal>"
        return f"<literal>{escape(term[1])}</literal>"
    return (
        "<triple>"
        + "".join(f"<{k}>{_xml_term(t)}</{k}>" for k, t in zip(("subject", "predicate", "object"), term[1:], strict=False))
        + "</triple>"
    )


def to_xml(result: Result) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.truncated:
        out.append(f"<!-- results truncated: only the first {result.limit} rows are returned -->")
    out.append("<head>")
    out += [f"<variable name={quoteattr(v)}/>" for v in result.vars]
    if result.truncated:
        out.append(f'<link href="urn:iackg:truncated?limit={result.limit}"/>')
    out.append("</head>")
    if result.kind == "boolean":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(result.vars, row, strict=False) if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out).encode("utf-8")


def _tsv_term(term: tuple | None) -> str:
    if term is None:
        return ""
    if term[0] == "uri":
        return f"<{term[1]}>"
    if term[0] == "bnode":
        return f"_:{term[1]}"
    if term[0] == "literal":
        value = '"' + term[1].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + '"'
        if term[3]:
            return f"{value}@{term[3]}"
        if term[2] and term[2] != XSD_STRING:
            return f"{value}^^<{term[2]}>"
        return value
    return "<< " + " ".join(_tsv_term(t) for t in term[1:]) + " >>"


def to_csv(result: Result) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "boolean":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow(["" if t is None else (f"_:{t[1]}" if t[0] == "bnode" else t[1]) for t in row])
    return out.getvalue().encode("utf-8")


def to_tsv(result: Result) -> bytes:
    if result.kind == "boolean":
        return b"?boolean\n" + (b"true\n" if result.boolean else b"false\n")
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_bindings(result: Result, fmt: str) -> bytes:
    return {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}[fmt](result)


def serialize_graph(result: Result, fmt: str) -> bytes:
    import pyoxigraph as ox

    from ingest.vocab import PREFIXES

    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD,
        "trig": ox.RdfFormat.TRIG,
    }
    if fmt == "ntriples":
        return result.graph
    triples = [q.triple for q in ox.parse(result.graph, format=ox.RdfFormat.N_TRIPLES)]
    prefixes = PREFIXES if fmt in ("turtle", "trig", "rdfxml") else None
    return ox.serialize(triples, format=formats[fmt], prefixes=prefixes) or b""


def serialize(result: Result, fmt: str) -> bytes:
    return serialize_graph(result, fmt) if result.kind == "graph" else serialize_bindings(result, fmt)
