"""A short storm: runaway queries from many clients must not starve /health or normal clients.

A live `iackg serve` (its own process, IACKG_QUERY_TIMEOUT=3, IACKG_WORKERS=3) gets 8 client threads
sending runaway queries for about 12 s, while one thread polls /health and one sends small normal queries.
Functional checks, not a benchmark (the numbers are generous): /health always answers 200 within 2 s; every
normal query is answered (200, or 503 with Retry-After), at least half of them 200; a runaway query gets
503 with Retry-After, never a hang past the timeout + 5 s; afterwards the server answers normally.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port, wait_for

QUERY_TIMEOUT = 3
STORM_SECONDS = 12
RUNAWAY_CLIENTS = 8
HANG = QUERY_TIMEOUT + 5  # no answer may take longer than this
CLIENT_TIMEOUT = 20  # the client gives up here (a hang shows as "timeout")

RUNAWAY = "SELECT * WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY ?c ?f ?i # soak {n}"
NORMAL = """PREFIX iac: <https://w3id.org/iac/ontology#>
SELECT ?type (COUNT(?a) AS ?n) WHERE {{ ?a a iac:Activity , ?type FILTER({n} > 0) }} GROUP BY ?type"""


@pytest.fixture()
def storm_server(corpus_store_path):
    """A server of its own (the storm must not disturb the shared live_server), killed at the end."""
    port = free_port()
    script = Path(sys.executable).parent / "iackg"
    env = {**os.environ, "IACKG_QUERY_TIMEOUT": str(QUERY_TIMEOUT), "IACKG_WORKERS": "3", "IACKG_CACHE_MB": "0"}
    process = subprocess.Popen(
        [str(script), "--store", str(corpus_store_path), "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def get(url: str, accept: str = "application/sparql-results+json") -> tuple[int | str, float, dict, bytes]:
    """(status or 'timeout'/'error: ...', seconds, headers, body) of a GET, bounded by CLIENT_TIMEOUT."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=CLIENT_TIMEOUT) as response:
            return response.status, time.monotonic() - start, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, time.monotonic() - start, dict(exc.headers), exc.read()
    except OSError as exc:
        kind = "timeout" if "timed out" in str(exc) or isinstance(exc, TimeoutError) else f"error: {exc}"
        return kind, time.monotonic() - start, {}, b""


def sparql(base: str, query: str) -> str:
    return base + "/sparql?" + urllib.parse.urlencode({"query": query})


@pytest.mark.slow
def test_storm_does_not_starve_health_or_normal_queries(storm_server):
    base = storm_server
    stop = threading.Event()
    numbers = itertools.count(1)
    runaway, normal, health = [], [], []

    def runaway_client() -> None:
        while not stop.is_set():
            status, took, headers, _ = get(sparql(base, RUNAWAY.format(n=next(numbers))))
            runaway.append((status, took, headers.get("Retry-After")))
            if status in (429, 503):
                stop.wait(min(float(headers.get("Retry-After") or 1), 5))

    def normal_client() -> None:
        while not stop.is_set():
            status, took, headers, _ = get(sparql(base, NORMAL.format(n=next(numbers))))
            normal.append((status, took, headers.get("Retry-After")))
            stop.wait(0.2)

    def health_client() -> None:
        while not stop.is_set():
            status, took, _, _ = get(base + "/health", "application/json")
            health.append((status, took))
            stop.wait(0.25)

    threads = [threading.Thread(target=runaway_client, daemon=True) for _ in range(RUNAWAY_CLIENTS)]
    threads += [threading.Thread(target=normal_client, daemon=True), threading.Thread(target=health_client, daemon=True)]
    for thread in threads:
        thread.start()
    time.sleep(STORM_SECONDS)
    stop.set()
    deadline = time.monotonic() + CLIENT_TIMEOUT + 2
    for thread in threads:
        thread.join(max(0.1, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "a client thread is still waiting past its timeout"

    slowest = max((t for _, t in health), default=0)
    summary = (
        f"health: {len(health)}, slowest {slowest:.2f} s, statuses {sorted({str(s) for s, _ in health})}; "
        f"normal: {[(s, round(t, 2)) for s, t, _ in normal]}; runaway: {[(s, round(t, 2)) for s, t, _ in runaway]}"
    )
    print(summary)
    assert health and runaway and normal, summary
    bad_health = [(s, round(t, 2)) for s, t in health if s != 200 or t > 2]
    assert not bad_health, f"/health answers not 200 within 2 s: {bad_health}; {summary}"
    unanswered = [(s, round(t, 2)) for s, t, retry in normal if not (s == 200 or (s == 503 and retry))]
    assert not unanswered, f"normal queries without an answer (200, or 503 with Retry-After): {unanswered}; {summary}"
    ok = sum(1 for s, _, _ in normal if s == 200)
    assert ok * 2 >= len(normal), f"only {ok} of {len(normal)} normal queries got 200; {summary}"
    hung = [(s, round(t, 2)) for s, t, _ in runaway + normal if t > HANG]
    assert not hung, f"answers slower than the timeout + 5 s ({HANG} s): {hung}; {summary}"
    runaway_bad = [(s, round(t, 2)) for s, t, retry in runaway if not (s == 503 and retry)]
    assert not runaway_bad, f"runaway queries not refused with 503 and Retry-After: {runaway_bad}; {summary}"

    # After the storm: a normal query and /health answer promptly (allowing the killed workers to restart).
    recovered = None
    for n in range(60):  # bounded: at most ~15 s
        status, took, _, body = get(sparql(base, NORMAL.format(n=10_000 + n)))
        if status == 200:
            recovered = json.loads(body)["results"]["bindings"]
            break
        time.sleep(0.25)
    assert recovered, "the server gave no 200 to a normal query within ~15 s of the storm's end"
    status, took, _, _ = get(base + "/health", "application/json")
    assert status == 200 and took < 2
