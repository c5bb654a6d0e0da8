"""A real `iackg serve` on loopback, used by the clients researchers use: SPARQLWrapper and rdflib."""

import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import GET, JSON, POST, TURTLE, XML, SPARQLWrapper

WORKSHOPS = """PREFIX iac: <https://w3id.org/iac/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?title WHERE { ?a a iac:Workshop ; rdfs:label ?title } ORDER BY ?a"""


@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_select(live_server, method):
    sparql = SPARQLWrapper(live_server + "/sparql")
    sparql.setMethod(method)
    sparql.setQuery(WORKSHOPS)
    sparql.setReturnFormat(JSON)
    bindings = sparql.queryAndConvert()["results"]["bindings"]
    assert len(bindings) >= 13 and all(b["a"]["type"] == "uri" for b in bindings)
    sparql.setReturnFormat(XML)
    assert len(sparql.queryAndConvert().getElementsByTagName("result")) == len(bindings)


def test_sparqlwrapper_ask_and_construct(live_server):
    sparql = SPARQLWrapper(live_server + "/sparql")
    sparql.setQuery("ASK { ?a a <https://w3id.org/iac/ontology#TableTopExercise> }")
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["boolean"] is True
    sparql.setQuery('CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/iac/ontology#iso3> "MKD" ; ?p ?o }')
    sparql.setReturnFormat(TURTLE)
    graph = Graph().parse(data=sparql.queryAndConvert(), format="turtle")
    assert (URIRef("https://w3id.org/iac/id/country/MKD"), URIRef("https://w3id.org/iac/ontology#m49"), None) in graph


def test_rdflib_sparqlstore(live_server):
    graph = Graph(store=SPARQLStore(live_server + "/sparql"))
    result = list(graph.query(WORKSHOPS))
    assert len(result) >= 13
    kgz = URIRef("https://w3id.org/iac/id/country/KGZ")
    assert any("Kyrgyz Republic" in str(o) for o in graph.objects(kgz, None))


def test_live_no_outbound_and_read_only(live_server, listener):
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/q> {{ ?s ?p ?o }} }}"
    for params in ({"query": service}, {"update": f"LOAD <http://127.0.0.1:{listener.port}/x.ttl>"}):
        url = live_server + "/sparql?" + urllib.parse.urlencode(params)
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(url, timeout=10)
        assert 400 <= caught.value.code < 500
    time.sleep(0.3)
    assert listener.connections == 0


@pytest.mark.slow
def test_load_8_clients_30_seconds(live_server, capsys):
    """8 concurrent clients for 30 s, mixing saved queries and ad-hoc SELECTs, on loopback. Bounded in
    time and requests; zero errors allowed; p50 and p99 reported."""
    saved = [
        "/queries/tmf-countries?format=json",
        "/queries/activities-by-country?country=MKD&format=json",
        "/queries/country-profile?country=KGZ&format=json",
        "/queries/activities-timeline?format=json",
    ]
    adhoc = [
        WORKSHOPS,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        'SELECT ?a WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER regex(?l, "tailings", "i") }',
    ]

    def path_for(n: int) -> str:
        """Even requests run a saved query (repeats: the result cache may answer); odd ones an ad-hoc SELECT
        made unique, so that it is evaluated every time."""
        if n % 2 == 0:
            return saved[(n // 2) % len(saved)]
        return "/sparql?" + urllib.parse.urlencode({"query": f"{adhoc[(n // 2) % len(adhoc)]} # request {n}"})

    latencies, errors, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + 30
    max_requests = 200000  # a bound well above what 30 s allows here
    began = time.monotonic()

    def client(index: int) -> None:
        n = index
        while time.monotonic() < stop_at and len(latencies) + len(errors) < max_requests:
            path = path_for(n)
            n += 8
            start = time.monotonic()
            try:
                with urllib.request.urlopen(live_server + path, timeout=15) as response:
                    response.read()
                    ok = response.status == 200
            except OSError as exc:
                ok = False
                with lock:
                    errors.append(f"{path}: {exc}")
            with lock:
                if ok:
                    latencies.append(time.monotonic() - start)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    elapsed = time.monotonic() - began
    assert errors == []
    assert len(latencies) > 200
    q = statistics.quantiles(latencies, n=100)
    with capsys.disabled():
        print(
            f"\nload: 8 clients, {elapsed:.1f} s, {len(latencies)} requests, {len(latencies) / elapsed:.0f} req/s, "
            f"p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, errors {len(errors)}"
        )
