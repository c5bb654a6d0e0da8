"""Query results as plain data and their serialisations (server/results.py): each format reads back, with rdflib,
as the same terms; a truncated result says so and at what limit; graphs come back isomorphic in every format."""

from __future__ import annotations

import csv
import io
import json
import pickle
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.query import Result as RdflibResult

from server.results import GRAPH_FORMATS, RESULT_FORMATS, XSD_STRING, Result, from_answer, serialize, to_csv, to_json, to_tsv, to_xml

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SRX = "{http://www.w3.org/2005/sparql-results#}"

# one row of every kind of term, and one with an unbound variable
ROWS = Result(
    "bindings",
    ["s", "label", "n"],
    [
        (("uri", "https://w3id.org/iac/id/country/armenia"), ("literal", "Arménie", LANGSTRING, "fr"), ("literal", "5", XSD_INTEGER, None)),
        (("bnode", "b7"), ("literal", 'a "quoted",\ttabbed\nline <&>', XSD_STRING, None), None),
    ],
)


def _read_back(body: bytes, fmt: str) -> list[tuple]:
    return list(RdflibResult.parse(io.BytesIO(body), format=fmt))


def test_json_reads_back_as_the_same_terms():
    rows = _read_back(to_json(ROWS), "json")
    assert rows == [
        (URIRef("https://w3id.org/iac/id/country/armenia"), Literal("Arménie", lang="fr"), Literal("5", datatype=URIRef(XSD_INTEGER))),
        (BNode("b7"), Literal('a "quoted",\ttabbed\nline <&>'), None),
    ]


def test_json_leaves_unbound_variables_and_the_string_datatype_out():
    doc = json.loads(to_json(ROWS))
    assert doc["head"]["vars"] == ["s", "label", "n"]
    second = doc["results"]["bindings"][1]
    assert set(second) == {"s", "label"}
    assert second["label"] == {"type": "literal", "value": 'a "quoted",\ttabbed\nline <&>'}
    assert doc["results"]["bindings"][0]["label"] == {"type": "literal", "value": "Arménie", "xml:lang": "fr"}
    assert "truncated" not in doc


def test_json_keeps_non_ascii_text_as_utf8():
    assert "Arménie".encode() in to_json(ROWS)


def test_xml_reads_back_as_the_same_terms_with_markup_escaped():
    body = to_xml(ROWS)
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(SRX + "variable")] == ["s", "label", "n"]
    assert _read_back(body, "xml") == _read_back(to_json(ROWS), "json")


def test_tsv_reads_back_as_the_same_terms():
    body = to_tsv(ROWS)
    assert body.splitlines()[0] == b"?s\t?label\t?n"
    assert len(body.decode().splitlines()) == 3  # a tab or newline inside a literal is escaped, not written
    assert _read_back(body, "tsv") == _read_back(to_json(ROWS), "json")


def test_csv_writes_plain_values_with_crlf_and_quotes_where_needed():
    body = to_csv(ROWS).decode()
    assert body.startswith("s,label,n\r\n")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [
        ["s", "label", "n"],
        ["https://w3id.org/iac/id/country/armenia", "Arménie", "5"],
        ["_:b7", 'a "quoted",\ttabbed\nline <&>', ""],
    ]


@pytest.mark.parametrize("value", [True, False])
@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_an_ask_answer_reads_back_in_every_format(fmt, value):
    body = serialize(Result("boolean", boolean=value), fmt)
    if fmt == "csv":
        assert body.decode().split() == ["boolean", str(value).lower()]
    elif fmt == "tsv":
        assert body.decode().split() == ["?boolean", str(value).lower()]
    else:
        assert RdflibResult.parse(io.BytesIO(body), format=fmt).askAnswer is value


def test_a_triple_term_is_written_in_every_format():
    """An RDF-star triple term: nested in JSON and XML, << s p o >> in TSV."""
    triple = ("triple", ("uri", "http://e/a"), ("uri", "http://e/p"), ("literal", "x", XSD_STRING, None))
    result = Result("bindings", ["t"], [(triple,)])
    assert json.loads(to_json(result))["results"]["bindings"][0]["t"] == {
        "type": "triple",
        "value": {
            "subject": {"type": "uri", "value": "http://e/a"},
            "predicate": {"type": "uri", "value": "http://e/p"},
            "object": {"type": "literal", "value": "x"},
        },
    }
    subject = ET.fromstring(to_xml(result)).find(f".//{SRX}triple/{SRX}subject/{SRX}uri")
    assert subject is not None and subject.text == "http://e/a"
    assert to_tsv(result).splitlines()[1] == b'<< <http://e/a> <http://e/p> "x" >>'


def test_a_truncated_result_says_so_and_at_what_limit():
    result = Result("bindings", ["s"], [(("uri", "http://e/a"),)], truncated=True, limit=1)
    doc = json.loads(to_json(result))
    assert doc["truncated"] is True and doc["rowLimit"] == 1
    assert doc["head"]["link"] == ["urn:iackg:truncated?limit=1"]
    links = ET.fromstring(to_xml(result)).iter(SRX + "link")
    assert [link.get("href") for link in links] == ["urn:iackg:truncated?limit=1"]
    assert _read_back(to_json(result), "json") == [(URIRef("http://e/a"),)]  # clients that do not know the members still read it


def test_values_gives_plain_strings_and_empty_for_unbound():
    assert ROWS.values() == [
        {"s": "https://w3id.org/iac/id/country/armenia", "label": "Arménie", "n": "5"},
        {"s": "b7", "label": 'a "quoted",\ttabbed\nline <&>', "n": ""},
    ]


def test_a_result_is_picklable():
    """Results cross from a query worker to the server process."""
    assert pickle.loads(pickle.dumps(ROWS)) == ROWS


@pytest.fixture()
def store() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode("http://e/p")
    for i in range(3):
        store.add(ox.Quad(ox.NamedNode(f"http://e/{i}"), p, ox.Literal(f"v{i}", language="fr")))
    store.add(ox.Quad(ox.BlankNode("b1"), p, ox.Literal("5", datatype=ox.NamedNode(XSD_INTEGER))))
    return store


def test_from_answer_reads_solutions_as_term_tuples(store):
    result = from_answer(store.query("SELECT ?s ?o ?unbound WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?o"), 10)
    assert result.kind == "bindings" and result.vars == ["s", "o", "unbound"] and not result.truncated
    assert result.rows[0] == (("uri", "http://e/0"), ("literal", "v0", LANGSTRING, "fr"), None)
    assert len(result.rows) == 3


def test_from_answer_stops_at_the_limit_and_says_it_did(store):
    result = from_answer(store.query("SELECT ?s WHERE { ?s ?p ?o }"), 2)
    assert len(result.rows) == 2 and result.truncated and result.limit == 2
    exact = from_answer(store.query("SELECT ?s WHERE { ?s ?p ?o }"), 4)
    assert len(exact.rows) == 4 and not exact.truncated


def test_from_answer_reads_an_ask_answer(store):
    assert from_answer(store.query("ASK { ?s ?p 'nothing' }"), 10) == Result("boolean", boolean=False)


def test_from_answer_keeps_a_graph_as_ntriples_up_to_the_limit(store):
    whole = from_answer(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), 10)
    assert whole.kind == "graph" and not whole.truncated
    assert len(rdflib.Graph().parse(data=whole.graph, format="nt")) == 4
    cut = from_answer(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), 3)
    assert cut.truncated and cut.limit == 3 and len(rdflib.Graph().parse(data=cut.graph, format="nt")) == 3
    empty = from_answer(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p 'nothing' }"), 3)
    assert empty.graph == b"" and not empty.truncated


GRAPH = (
    b'_:b1 <http://e/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    b'<http://e/2> <http://e/p> "v2"@fr .\n'
    b'<http://e/2> <https://w3id.org/iac/ontology#label> "Workshop \\"A\\"" .\n'
)
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld", "trig": "trig"}


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_a_graph_reads_back_isomorphic_in_every_format(fmt):
    body = serialize(Result("graph", graph=GRAPH), fmt)
    expected = rdflib.Graph().parse(data=GRAPH, format="nt")
    got = rdflib.Graph().parse(data=body, format=RDFLIB_FORMATS[fmt])
    _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
    assert isomorphic(expected, got), f"missing:\n{only_expected.serialize(format='nt')}\nextra:\n{only_got.serialize(format='nt')}"


def test_turtle_uses_the_house_prefixes():
    assert b"iac:label" in serialize(Result("graph", graph=GRAPH), "turtle")


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_an_empty_graph_serialises_to_bytes_that_read_back_empty(fmt):
    body = serialize(Result("graph"), fmt)
    assert isinstance(body, bytes)
    if body:  # (an empty Turtle, N-Triples or TriG document is no bytes at all)
        assert len(rdflib.Graph().parse(data=body, format=RDFLIB_FORMATS[fmt])) == 0
