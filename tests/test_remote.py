"""Remote stores: ingest into, query and serve from the real Oxigraph server (PyPI `oxigraph`) on loopback,
through SPARQLWrapper. The saved queries must answer as they do on the embedded store."""

import json

import pytest
from conftest import CORPUS

from server.cli import main
from server.query.saved import load_saved

PARAMS = {
    "activities-by-country": ["--param", "country=MKD"],
    "activities-by-topic": ["--param", "topic=TMF"],
    "country-profile": ["--param", "country=Kyrgyz Republic"],
    "activities-by-place": ["--param", "place=Belgrade"],
    "activities-in-period": ["--param", "from=2015", "--param", "to=2016"],
    "activities-by-region": ["--param", "region=Central Asia"],
    "countries-by-topic-and-kind": ["--param", "kind=workshop", "--param", "topic=land-use planning"],
    "activities-by-kind-in-period": ["--param", "kind=workshop", "--param", "from=2017", "--param", "to=2021"],
    "kind-per-year": ["--param", "kind=training"],
    "topic-per-year": ["--param", "topic=TMF"],
    "topic-per-country": ["--param", "topic=land-use planning"],
    # activities of the bundled corpus: a workshop for two regions financed by France; a training in Baku
    "donors-of-activity": ["--param", "activity=2021-workshop-f11e03168d"],
    "beneficiaries-of-activity": ["--param", "activity=2021-workshop-f11e03168d"],
    "hosts-of-activity": ["--param", "activity=2014-10-30-trainingsession-462035f9c4"],
}


@pytest.fixture(scope="module")
def remote_args(oxigraph_server, tmp_path_factory):
    import os

    from click.testing import CliRunner

    os.environ["IACKG_INDEX"] = str(tmp_path_factory.mktemp("remote-index") / "remote")  # not ./var

    args = ["--sparql-endpoint", oxigraph_server + "/query", "--update-endpoint", oxigraph_server + "/update"]
    result = CliRunner().invoke(main, [*args, "ingest", str(CORPUS)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "8 ingested" in result.output
    return args


def _rows(runner, args, name):
    result = runner.invoke(main, [*args, "query", "--name", name, *PARAMS.get(name, []), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return sorted(json.dumps(r, sort_keys=True) for r in json.loads(result.output))


@pytest.mark.parametrize("name", sorted(load_saved()))
def test_saved_queries_answer_the_same_remotely(runner, remote_args, corpus_store_path, name):
    remote = _rows(runner, remote_args, name)
    local = _rows(runner, ["--store", str(corpus_store_path)], name)
    assert remote == local and remote


def test_remote_reingest_and_stats(runner, remote_args):
    again = runner.invoke(main, [*remote_args, "ingest", str(CORPUS)])
    assert "0 ingested, 8 unchanged" in again.output
    stats = json.loads(runner.invoke(main, [*remote_args, "stats", "--json"]).output)
    assert stats["documents"] == 8 and stats["activities"] == 50


def test_plain_clients_of_the_oxigraph_server_see_the_union(remote_args, oxigraph_server):
    """The default graph is kept as the union: a client that knows nothing of iackg counts right."""
    from SPARQLWrapper import JSON, SPARQLWrapper

    sparql = SPARQLWrapper(oxigraph_server + "/query")
    sparql.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/iac/ontology#Activity> }")
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "50"


def test_serve_from_the_remote_store(remote_args, oxigraph_server, client):
    from server import create_app

    remote_app = create_app({"SPARQL_ENDPOINT": oxigraph_server + "/query", "TESTING": True})
    remote = remote_app.test_client()
    for path in ("/queries/tmf-countries", "/queries/activities-by-country?country=the former Yugoslav Republic of Macedonia"):
        got = remote.get(path, headers={"Accept": "application/json"}).json["rows"]
        want = client.get(path, headers={"Accept": "application/json"}).json["rows"]
        assert sorted(map(json.dumps, got)) == sorted(map(json.dumps, want))
    sparql = remote.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a a iac:Activity }"})
    assert sparql.json["results"]["bindings"][0]["n"]["value"] == "50"
    refused = remote.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert refused.status_code == 400


@pytest.fixture(scope="module")
def remote_client(oxigraph_server):
    from server import create_app

    return create_app({"SPARQL_ENDPOINT": oxigraph_server + "/query", "TESTING": True}).test_client()


def _outbound_cases():
    from test_outbound import CASES

    return CASES


@pytest.mark.parametrize("template", _outbound_cases())
def test_no_service_reaches_the_external_server(remote_client, listener, template):
    """The external server would make the call itself: the parsed check refuses every encoding before it
    is sent (the Oxigraph server executes SERVICE by default)."""
    from test_outbound import check, fill, send

    response = send(remote_client, "post-body", fill(template, listener.port))
    check(response.status_code, response.data, listener)


def test_a_remote_query_past_its_timeout_is_a_503_naming_it(oxigraph_server):
    """Each request's timeout is its own (no shared setting on the store): a slow query gets 503 at its
    IACKG_QUERY_TIMEOUT while a quick one is answered; /health names the engine."""
    from test_stores import slow_count

    from server import create_app

    remote = create_app({"SPARQL_ENDPOINT": oxigraph_server + "/query", "QUERY_TIMEOUT": 0.3, "TESTING": True}).test_client()
    slow = remote.get("/sparql", query_string={"query": slow_count(300)}, headers={"Accept": "application/json"})
    assert slow.status_code == 503 and "0.3 s" in slow.get_data(as_text=True) and "IACKG_QUERY_TIMEOUT" in slow.get_data(as_text=True)
    quick = remote.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"})
    assert quick.status_code == 200 and quick.json["boolean"] is True
    assert remote.get("/health").json == {"status": "ok", "engine": "RemoteEngine"}
