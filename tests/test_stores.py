"""The store protocol (ingest.stores): the same contract tests against the embedded store (in tmp_path) and
the remote store (the Oxigraph server on loopback)."""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from ingest.errors import QueryTimeout, StoreError
from ingest.pipeline import index_for
from ingest.stores import open_store

EX = "http://example.org/"
DOC = "https://w3id.org/iac/id/doc/a.txt"
OTHER = "https://w3id.org/iac/id/doc/b.txt"
SHA = "https://w3id.org/iac/ontology#sha256"


def slow_count(n: int) -> str:
    """A query that takes a while on either store: COUNT of an n * n * n cross product (n=300: about 2 s)."""
    values = " ".join(str(i) for i in range(n))
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} }}"


def graph(*triples) -> Graph:
    g = Graph()
    for s, p, o in triples:
        g.add((URIRef(EX + s), URIRef(EX + p), o if isinstance(o, Literal) else URIRef(EX + o)))
    return g


@pytest.fixture(params=["embedded", "remote"])
def store(request, tmp_path):
    if request.param == "embedded":
        opened = open_store(tmp_path / "store")
    else:
        server = request.getfixturevalue("oxigraph_server")
        opened = open_store(tmp_path / "unused", server + "/query", server + "/update")
        opened.update("DROP ALL")
    yield opened
    opened.close()


@pytest.fixture()
def filled(store):
    """Two documents: a, with its SHA-256, and b, which shares one triple with a."""
    store.replace_graph(
        DOC, graph(("x", "p", Literal("one")), ("y", "p", Literal("two"))) + Graph().add((URIRef(DOC), URIRef(SHA), Literal("abc")))
    )
    store.replace_graph(OTHER, graph(("x", "p", Literal("one")), ("z", "q", "y")))
    return store


def names(result, var: str) -> list[str]:
    return sorted(row[var].value for row in result)


def test_an_empty_store(store):
    assert store.is_empty() and store.documents() == [] and store.graph_names() == []


def test_documents_graphs_and_their_sha(filled):
    assert filled.documents() == [DOC, OTHER] and not filled.is_empty()
    assert filled.graph_sha(DOC) == "abc" and filled.graph_sha(OTHER) is None


def test_the_default_graph_is_the_union_of_the_named_graphs(filled):
    assert names(filled.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }"), "s") == sorted([EX + "x", EX + "y", EX + "z", DOC])
    filled.remove_graph(DOC)  # x p "one" stays: b holds it too
    assert names(filled.query("SELECT ?s WHERE { ?s ?p ?o }"), "s") == [EX + "x", EX + "z"]
    assert filled.documents() == [OTHER]


def test_prefixes_and_substitutions(filled):
    rows = filled.query("SELECT ?s ?o WHERE { ?s ex:p ?o }", prefixes={"ex": EX}, substitutions={"s": ox.NamedNode(EX + "y")})
    assert names(rows, "o") == ["two"]


def test_default_and_named_graphs_narrow_the_dataset(filled):
    assert names(filled.query("SELECT ?s WHERE { ?s ?p ?o }", default_graphs=(OTHER,)), "s") == [EX + "x", EX + "z"]
    rows = filled.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=(DOC,))
    assert set(names(rows, "g")) == {DOC}


def test_relative_iris_resolve_against_base_iri(store):
    rows = store.query("SELECT ?x WHERE { BIND(<thing> AS ?x) }", base_iri=EX)
    assert names(rows, "x") == [EX + "thing"]


def test_ask_and_construct(filled):
    assert bool(filled.query("ASK { ?s <http://example.org/q> ?o }")) is True
    triples = list(filled.query("CONSTRUCT WHERE { ?s <http://example.org/q> ?o }", timeout=30))
    assert triples == [ox.Triple(ox.NamedNode(EX + "z"), ox.NamedNode(EX + "q"), ox.NamedNode(EX + "y"))]


def test_update_and_export(store):
    store.update(f"INSERT DATA {{ GRAPH <{DOC}> {{ <{EX}s> <{EX}p> <{EX}o> }} }}")
    assert f"<{EX}s> <{EX}p> <{EX}o> <{DOC}> ." in store.export("nquads").decode("utf-8")
    with pytest.raises(StoreError, match="unknown export format"):
        store.export("yaml")


def test_a_bad_query_is_a_syntax_error(store):
    with pytest.raises(SyntaxError):
        store.query("SELECT WHERE {")


def test_an_answer_within_its_timeout_is_whole(store):
    rows = list(store.query(slow_count(50), timeout=30))
    assert rows[0]["n"].value == str(50**3)


def test_a_query_past_its_timeout_fails_naming_it(store):
    began = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"0\.3 s"):
        store.query(slow_count(300), timeout=0.3)
    assert time.monotonic() - began < 1.5


def test_concurrent_queries_keep_their_own_timeouts(store):
    """A short timeout on one query neither cuts another's longer one, nor waits for it."""
    outcomes: dict[str, object] = {}
    start = threading.Barrier(2)

    def run(name: str, query: str, timeout: float) -> None:
        start.wait()
        began = time.monotonic()
        try:
            outcomes[name] = next(iter(store.query(query, timeout=timeout)))["n"].value
        except QueryTimeout as exc:
            outcomes[name] = exc
        outcomes[name + " took"] = time.monotonic() - began

    threads = [
        threading.Thread(target=run, args=("patient", slow_count(200), 30)),
        threading.Thread(target=run, args=("hasty", slow_count(300), 0.3)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes["patient"] == str(200**3)
    assert isinstance(outcomes["hasty"], QueryTimeout) and "0.3 s" in str(outcomes["hasty"])
    assert outcomes["hasty took"] < 1.5


def test_the_search_index_lives_beside_an_embedded_store_only(store, tmp_path, monkeypatch):
    monkeypatch.setenv("IACKG_INDEX", str(tmp_path / "remote"))
    if store.path is None:
        assert index_for(store).path == tmp_path / "remote.search" and store.location.endswith("/query")
    else:
        assert index_for(store).path == tmp_path / "store.search" and store.location == str(tmp_path / "store")


def test_a_missing_embedded_store_is_named(tmp_path):
    with pytest.raises(StoreError, match="no store at .*missing"):
        open_store(tmp_path / "missing", read_only=True)
