"""/sparql: the SPARQL 1.1 Protocol, result formats, content negotiation, and the safety cases."""

import io
import time

import pytest
from conftest import ROOT
from rdflib import Graph
from rdflib.query import Result

from server.state import state_of

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a iac:Activity }"
WORKSHOPS = "SELECT ?a ?title WHERE { ?a a iac:Workshop ; rdfs:label ?title } ORDER BY ?a"
CONSTRUCT = "CONSTRUCT { ?a a iac:Workshop ; rdfs:label ?t } WHERE { ?a a iac:Workshop ; rdfs:label ?t }"


def count(client) -> int:
    response = client.get("/sparql", query_string={"query": COUNT})
    return int(response.json["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_direct_agree(client):
    get = client.get("/sparql", query_string={"query": WORKSHOPS})
    form = client.post("/sparql", data={"query": WORKSHOPS})
    direct = client.post("/sparql", data=WORKSHOPS, content_type="application/sparql-query")
    assert get.status_code == form.status_code == direct.status_code == 200
    assert get.json == form.json == direct.json
    assert len(get.json["results"]["bindings"]) >= 13


def test_default_graph_is_the_union_without_duplicates(client):
    assert count(client) == 50


def test_default_graph_uri_and_named_graph_uri(client):
    doc = "https://w3id.org/iac/id/doc/danube-delta-exercises-2015.txt"
    only = client.get("/sparql", query_string={"query": COUNT, "default-graph-uri": doc})
    assert only.json["results"]["bindings"][0]["n"]["value"] == "3"
    named = client.get("/sparql", query_string={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": doc})
    assert [b["g"]["value"] for b in named.json["results"]["bindings"]] == [doc]


@pytest.mark.parametrize(
    "accept, mimetype, fmt",
    [
        ("application/sparql-results+json", "application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
        ("text/csv", "text/csv", "csv"),
        ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
    ],
)
def test_select_result_formats_parse(client, accept, mimetype, fmt):
    response = client.get("/sparql", query_string={"query": WORKSHOPS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == mimetype
    parsed = Result.parse(io.BytesIO(response.data), format=fmt)
    assert len(list(parsed)) >= 13


@pytest.mark.parametrize("accept, fmt", [("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml")])
def test_ask_formats(client, accept, fmt):
    response = client.get("/sparql", query_string={"query": "ASK { ?a a iac:TableTopExercise }"}, headers={"Accept": accept})
    assert Result.parse(io.BytesIO(response.data), format=fmt).askAnswer is True


@pytest.mark.parametrize(
    "accept, rdflib_format",
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
        ("application/trig", "trig"),
    ],
)
def test_construct_formats_parse(client, accept, rdflib_format):
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    graph = Graph().parse(data=response.data, format=rdflib_format)
    assert len(list(graph.subjects())) >= 26


def test_describe(client):
    response = client.get(
        "/sparql", query_string={"query": "DESCRIBE <https://w3id.org/iac/id/country/KGZ>"}, headers={"Accept": "text/turtle"}
    )
    assert b"Kyrgyz Republic" in response.data


def test_q_weights_and_format_override(client):
    weighted = client.get(
        "/sparql",
        query_string={"query": WORKSHOPS},
        headers={"Accept": "application/sparql-results+json;q=0.5, application/sparql-results+xml;q=0.9"},
    )
    assert weighted.mimetype == "application/sparql-results+xml"
    override = client.get(
        "/sparql", query_string={"query": WORKSHOPS, "format": "csv"}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert override.mimetype == "text/csv"
    no_accept = client.get("/sparql", query_string={"query": WORKSHOPS})
    assert no_accept.mimetype == "application/sparql-results+json"
    refused = client.get("/sparql", query_string={"query": WORKSHOPS}, headers={"Accept": "image/png"})
    assert refused.status_code == 406


def test_cors(client):
    response = client.get("/sparql", query_string={"query": COUNT}, headers={"Origin": "https://yasgui.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.status_code == 200 and "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_service_description(client):
    turtle = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.data, format="turtle")
    sd, void = "http://www.w3.org/ns/sparql-service-description#", "http://rdfs.org/ns/void#"
    assert any(str(o) == sd + "Service" for o in graph.objects())
    triples = [int(o) for p, o in graph.predicate_objects() if str(p) == void + "triples"]
    assert max(triples) > 3000 and len(triples) > 8  # the whole dataset and each named graph
    counted = client.get(
        "/sparql",
        query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert max(triples) == int(counted.get_json()["results"]["bindings"][0]["n"]["value"])  # (the union: a triple two graphs hold, once)
    jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json" and len(Graph().parse(data=jsonld.data, format="json-ld")) == len(graph)
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.mimetype == "text/html" and b"<form" in page.data


@pytest.mark.parametrize(
    "how", ["update-param-get", "update-param-post", "sparql-update-body", "insert-as-query", "load-as-query", "drop-as-query"]
)
def test_updates_are_refused_and_data_unchanged(client, how):
    before = count(client)
    insert = "INSERT DATA { <urn:x> a <https://w3id.org/iac/ontology#Activity> }"
    if how == "update-param-get":
        response = client.get("/sparql", query_string={"update": insert})
    elif how == "update-param-post":
        response = client.post("/sparql", data={"update": insert})
    elif how == "sparql-update-body":
        response = client.post("/sparql", data=insert, content_type="application/sparql-update")
    elif how == "insert-as-query":
        response = client.post("/sparql", data="PREFIX x: <urn:x#>\n" + insert, content_type="application/sparql-query")
    elif how == "load-as-query":
        response = client.get("/sparql", query_string={"query": "LOAD <http://127.0.0.1:9/data.ttl>"})
    else:
        response = client.get("/sparql", query_string={"query": "DROP ALL"})
    assert 400 <= response.status_code < 500 and b"read-only" in response.data
    assert count(client) == before


def test_service_is_refused_without_outbound_connection(client, listener):
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400 and b"SERVICE" in response.data
    lower = client.get("/sparql", query_string={"query": query.replace("SERVICE", "service")})
    assert lower.status_code == 400
    time.sleep(0.3)
    assert listener.connections == 0


def test_remote_from_is_not_fetched(client, listener):
    for query in (
        f"SELECT * FROM <http://127.0.0.1:{listener.port}/g> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <http://127.0.0.1:{listener.port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ):
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 200 and response.json["results"]["bindings"] == []
    for params in (
        {"default-graph-uri": f"http://127.0.0.1:{listener.port}/g"},
        {"named-graph-uri": f"http://127.0.0.1:{listener.port}/g"},
    ):
        assert client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", **params}).status_code == 200
    time.sleep(0.3)
    assert listener.connections == 0


def test_words_inside_strings_and_iris_are_not_keywords(client):
    query = 'SELECT ?a WHERE { ?a rdfs:label ?l FILTER(CONTAINS(?l, "SERVICE")) } # SERVICE in a comment\n'
    assert client.get("/sparql", query_string={"query": query}).status_code == 200
    insert_word = 'SELECT ?a WHERE { ?a ?p "INSERT DATA" }'
    assert client.get("/sparql", query_string={"query": insert_word}).status_code == 200


def test_timeout_stops_the_work_and_the_next_query_answers_at_once(app, client):
    pool = state_of(app).engine.pool
    restarts = pool.restarts
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    start = time.monotonic()
    response = client.get("/sparql", query_string={"query": runaway})
    took = time.monotonic() - start
    assert response.status_code == 503 and b"stopped" in response.data
    assert took < app.config["QUERY_TIMEOUT"] + 1.5
    start = time.monotonic()
    fresh = client.get("/sparql", query_string={"query": f"{COUNT} # not cached {time.time()}"})  # a worker, not the cache
    assert int(fresh.json["results"]["bindings"][0]["n"]["value"]) == 50
    assert time.monotonic() - start < 1.0
    deadline = time.monotonic() + 20
    while pool.restarts == restarts and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.restarts == restarts + 1  # the runaway's worker was killed and replaced


def test_row_cap_is_reported(app, client):
    app.config["ROW_LIMIT"] = 7
    try:
        capped = client.get("/sparql", query_string={"query": WORKSHOPS})
        xml = client.get("/sparql", query_string={"query": WORKSHOPS}, headers={"Accept": "application/sparql-results+xml"})
        graph = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
        small = client.get("/sparql", query_string={"query": COUNT})
    finally:
        app.config["ROW_LIMIT"] = 10000
    assert capped.headers["X-IACKG-Truncated"] == "true" and capped.json["truncated"] is True and capped.json["rowLimit"] == 7
    assert len(capped.json["results"]["bindings"]) == 7
    assert b"truncated" in xml.data and xml.headers["X-IACKG-Truncated"] == "true"
    assert len(graph.data.splitlines()) == 7 and graph.headers["X-IACKG-Truncated"] == "true"
    assert "X-IACKG-Truncated" not in small.headers


def test_malformed_query_gets_400_with_position(client):
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400 and b"1:" in response.data and b"syntax error" in response.data
    as_json = client.get("/sparql", query_string={"query": "SELEC ?x"}, headers={"Accept": "application/json"})
    assert as_json.status_code == 400 and "error at 1:" in as_json.json["error"]["message"]


def test_oversized_body_gets_413(app, client):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    response = client.post("/sparql", data=big, content_type="application/sparql-query")
    assert response.status_code == 413


def test_bad_requests(client):
    assert client.post("/sparql", data="SELECT * {}", content_type="text/plain").status_code == 415
    assert client.get("/sparql", query_string={"query": "  "}).status_code == 400
    assert client.get("/sparql", query_string={"query": WORKSHOPS, "format": "png"}).status_code == 406


def test_repeated_queries_come_from_the_cache(app, client):
    cache = state_of(app).engine.cache
    query = f"{WORKSHOPS} # cache test {time.time()}"
    first = client.get("/sparql", query_string={"query": query})
    hits = cache.hits
    second = client.get("/sparql", query_string={"query": query})
    assert cache.hits == hits + 1 and first.data == second.data
    other_format = client.get("/sparql", query_string={"query": query, "format": "csv"})
    assert other_format.mimetype == "text/csv" and cache.hits == hits + 1  # another format is another answer


@pytest.mark.parametrize("name", sorted(path.stem for path in (ROOT / "server" / "rq").glob("*.rq")))
def test_every_internal_query_says_what_it_is_parses_and_runs(app, name):
    """The server's own queries (server/rq/NAME.rq, read by server.sparql.internal) open with a comment
    saying what they find, and each finds something in the bundled corpus."""
    from server.sparql import internal, run_query

    assert (ROOT / "server" / "rq" / f"{name}.rq").read_text(encoding="utf-8").startswith("# ")
    with app.test_request_context():
        assert run_query(internal(name)).values()
