"""Keeping the endpoint up: no network in workers, memory and depth caps, crashes logged, admission
control under runaway queries, and a served store that changes under the server."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from server.admission import Admission, Busy
from server.state import state_of

RUNAWAY = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
COUNT = "SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/iac/ontology#Workshop> }"


@pytest.fixture()
def make_app(corpus_store_path):
    apps = []

    def make(**config):
        from server import create_app

        settings = {"STORE": str(corpus_store_path), "WORKERS": 2, "QUERY_TIMEOUT": 4, "TESTING": True, "CACHE_MB": 0, **config}
        app = create_app(settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        state_of(app).engine.close()


def sparql(client, query: str, **headers):
    return client.post(
        "/sparql",
        data=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json", **headers},
    )


def test_worker_sandbox_refuses_network_sockets():
    code = (
        "import socket, sys\nfrom server.sandbox import deny_network\nassert deny_network()\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept PermissionError:\n    print('refused')\n"
        "a, b = socket.socketpair()\nprint('unix ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["refused", "unix", "ok"], out.stderr


def test_service_is_refused_by_the_engine_itself(make_app, listener):
    """Even a SERVICE that no text check would see: the worker has no network, the answer is 400."""
    client = make_app().test_client()
    response = sparql(client, f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?x ?y ?z }} }}")
    assert response.status_code == 400 and "SERVICE" in response.get_json()["error"]["message"]
    silent = sparql(client, f"SELECT * {{ BIND(1 AS ?one) SERVICE SILENT <http://127.0.0.1:{listener.port}/sparql> {{ ?x ?y ?z }} }}")
    assert silent.status_code == 200
    assert listener.connections == 0


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("SELECT * " + "{" * 10000 + "}" * 10000, id="braces"),
        pytest.param("SELECT * { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }", id="parentheses"),
        pytest.param("SELECT * { FILTER(" + "!" * 10000 + "true) }", id="negations"),
    ],
)
def test_deep_nesting_is_refused_before_the_parser(make_app, query):
    client = make_app().test_client()
    response = sparql(client, query)
    assert response.status_code == 400
    assert "IACKG_MAX_DEPTH" in response.get_json()["error"]["message"]
    assert sparql(client, COUNT).status_code == 200


def test_a_crashed_worker_is_logged_and_replaced(make_app, capfd):
    """With the depth check off, a query deep enough to overflow even the worker's stack kills the worker:
    the client gets an error that says so, the log names the query, and the next query is answered."""
    app = make_app(MAX_DEPTH=10_000_000, MAX_BODY=4_000_000)
    client = app.test_client()
    response = sparql(client, "SELECT * " + "{" * 1_000_000 + "}" * 1_000_000)
    assert response.status_code in (400, 500), response.data[:300]
    if response.status_code == 500:
        assert "worker stopped" in response.get_json()["error"]["message"]
        time.sleep(0.3)
        assert "stopped (SIG" in capfd.readouterr().err
    assert sparql(client, COUNT).status_code == 200


def test_memory_cap_stops_the_query_not_the_server(make_app):
    app = make_app(WORKER_MEMORY_MB=600, QUERY_TIMEOUT=20)
    client = app.test_client()
    started = time.monotonic()
    response = sparql(client, RUNAWAY)
    assert response.status_code == 503, response.data[:300]
    assert "IACKG_WORKER_MEMORY_MB" in response.get_json()["error"]["message"]
    assert time.monotonic() - started < 15  # the cap stopped it, not the 20 s timeout
    assert sparql(client, COUNT).status_code == 200


def test_admission_queue_and_slots():
    admission = Admission(queue=1, expensive=2, per_client=1)
    admission.enter_queue()
    with pytest.raises(Busy):
        admission.enter_queue()
    admission.leave_queue()
    admission.enter_queue()
    deadline = time.monotonic() + 7.5
    first = admission.take_slot("a", deadline)
    with pytest.raises(Busy) as per_client:
        admission.take_slot("a", deadline)
    assert "IACKG_EXPENSIVE_PER_CLIENT" in str(per_client.value) and 7 <= per_client.value.retry_after <= 8
    second = admission.take_slot("b", deadline)
    with pytest.raises(Busy) as full:
        admission.take_slot("c", deadline)
    assert "IACKG_EXPENSIVE_QUERIES" in str(full.value)
    admission.release(first)
    admission.release(second)
    assert admission.take_slot("c", deadline)
    admission.remember("shape")
    assert admission.is_known("shape") and not admission.is_known("other")


def test_runaway_queries_get_503_at_once_while_normal_ones_are_answered(make_app):
    """One expensive slot: the first runaway query takes it; the next is stopped with Retry-After once it
    is found slow, and the same query again is refused before it takes a worker; normal queries and
    /health are answered all along."""
    app = make_app(EXPENSIVE_QUERIES=1, SLOW_AFTER=0.3, QUERY_TIMEOUT=6, WORKER_MEMORY_MB=0)
    client = app.test_client()
    first: list = []
    runner = threading.Thread(target=lambda: first.append(sparql(app.test_client(), RUNAWAY + " # 1")))
    runner.start()
    time.sleep(1.0)  # the first is now expensive, in the only slot
    started = time.monotonic()
    second = sparql(client, RUNAWAY + " # 2", **{"X-Forwarded-For": "ignored"})
    assert second.status_code == 503 and int(second.headers["Retry-After"]) >= 1
    assert time.monotonic() - started < 2
    started = time.monotonic()
    third = sparql(client, RUNAWAY.replace("?i", "?j") + " LIMIT 5")  # same shape: constants and names differ
    assert third.status_code == 503 and time.monotonic() - started < 0.5
    for _ in range(5):
        started = time.monotonic()
        assert sparql(client, COUNT + f" # {_}").status_code == 200
        assert time.monotonic() - started < 1.5
        assert client.get("/health").status_code == 200
    runner.join(15)
    assert first and first[0].status_code == 503  # stopped at its timeout
    assert "IACKG_QUERY_TIMEOUT" in first[0].get_json()["error"]["message"]


def test_ingest_into_a_served_store_is_seen_at_once(make_app, store_copy, models, tmp_path):
    """Search, pages and SPARQL agree as soon as ingest has committed a new document, without a restart."""
    from ingest.pipeline import ingest_paths

    path = str(store_copy.path)
    store_copy.close()
    app = make_app(STORE=path, CACHE_MB=16)
    client = app.test_client()
    ask = "ASK { ?d <https://w3id.org/iac/ontology#sha256> ?sha FILTER(CONTAINS(STR(?d), 'ohrid-lake-drill')) }"
    assert sparql(client, ask).get_json()["boolean"] is False  # cached now
    doc = tmp_path / "ohrid-lake-drill-2023.txt"
    doc.write_text(
        "Table-top exercise on Lake Ohrid, 2023\n\nOn 14-15 March 2023 a table-top exercise in Ohrid, North "
        "Macedonia, tested joint response by North Macedonia and Albania to an accidental spill at an "
        "industrial site on the shore of Lake Ohrid.\n",
        encoding="utf-8",
    )
    from ingest.store import Store

    writer = Store(path)
    outcomes = ingest_paths([doc], writer, models)
    writer.close()
    assert [o.status for o in outcomes] == ["ingested"]
    assert sparql(client, ask).get_json()["boolean"] is True
    rows = sparql(
        client,
        "SELECT ?a { ?a a <https://w3id.org/iac/ontology#Activity> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?d "
        "FILTER(CONTAINS(STR(?d), 'ohrid-lake-drill')) }",
    ).get_json()["results"]["bindings"]
    assert rows, "the new document's activity is not in SPARQL"
    activity = rows[0]["a"]["value"]
    assert client.get("/id/" + activity.split("/id/", 1)[1]).status_code == 200
    found = client.get("/api/search?q=table-top+exercise+Lake+Ohrid").get_json()
    assert activity in [r["iri"] for r in found["results"]], found


def test_a_full_queue_refuses_at_once_and_the_pool_stays_whole(make_app):
    app = make_app(QUEUE=1)
    client = app.test_client()
    admission = state_of(app).engine.pool.admission
    admission.waiting = 1  # as if another query waited for a worker
    started = time.monotonic()
    refused = sparql(client, COUNT + " # untried")
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "1"
    assert "IACKG_QUEUE" in refused.get_json()["error"]["message"] and time.monotonic() - started < 0.5
    admission.waiting = 0
    for n in range(3):
        assert sparql(client, COUNT + f" # untried {n}").status_code == 200
    assert client.get("/health").get_json()["queries"]["refused"]["queue"] == 1
