"""SPARQL benchmark: p50 and p95 latency of four query shapes on a ~1M-triple graph, for

  - our /sparql (`iackg serve`, waitress, worker processes),
  - the Oxigraph server (PyPI `oxigraph`, serve-read-only) on a copy of the same store,
  - rdflib-endpoint (PyPI), the Python peer, on the same triples in an rdflib Graph,
  - in-process pyoxigraph on the same store: the floor,

all in one run, over HTTP on 127.0.0.1 (bounded: a fixed number of sequential requests per system).

    python bench/sparql_bench.py [--activities 31000] [--runs 20] [--rdflib-runs 3]

Results go to stdout (a Markdown table) and bench/out/sparql.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate

PREFIXES = """PREFIX iac: <https://w3id.org/iac/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""
QUERIES = {
    "selective lookup (country + topic)": PREFIXES
    + """SELECT ?a ?label WHERE {
  ?a iac:beneficiary <https://w3id.org/iac/id/country/KAZ> ;
     iac:topic <https://w3id.org/iac/id/topic/land-use-planning> ; rdfs:label ?label }""",
    "GROUP BY aggregate": PREFIXES
    + """SELECT ?country (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a iac:Activity ; iac:beneficiary ?country } GROUP BY ?country ORDER BY DESC(?n)""",
    "regex FILTER on labels": PREFIXES
    + """SELECT (COUNT(*) AS ?n) WHERE {
  ?a a iac:Activity ; rdfs:label ?label FILTER regex(?label, "tailings", "i") }""",
    "property path over regions": PREFIXES
    + """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a iac:beneficiary/iac:member? <https://w3id.org/iac/id/country/KGZ> }""",
}


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def http_query(url: str, query: str, timeout: float) -> tuple[float, int]:
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "application/sparql-results+json"}
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    took = time.perf_counter() - start
    return took, len(json.loads(body)["results"]["bindings"])


def build_store(directory: Path, activities: int) -> tuple[Path, int, float]:
    from ingest.build import build, document_iri
    from ingest.extract import extract
    from ingest.pipeline import Models
    from ingest.read import read
    from ingest.store import Store

    models = Models()
    start = time.perf_counter()
    store = Store(directory / "store")
    store.sync_reference()
    for path in generate(directory / "docs", activities, per_doc=200):
        document = read(path)
        store.replace_graph(str(document_iri(document.name)), build(extract(document, models.nlp, models.lexicon), models.lexicon))
    triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    (directory / "union.nt").write_bytes(store.export("ntriples"))
    store.close()
    return directory / "store", triples, time.perf_counter() - start


RDFLIB_SERVER = """
import sys, uvicorn
from rdflib import Graph
from rdflib_endpoint import SparqlEndpoint
graph = Graph()
graph.parse(sys.argv[1], format="nt")
app = SparqlEndpoint(graph=graph, path="/sparql", cors_enabled=False)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def percentile(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ratio(slow: dict | None, fast_p50: float, digits: int) -> str:
    return "-" if slow is None else f"{slow['p50_ms'] / fast_p50:.{digits}f}×"


def measure(name: str, run, runs: int) -> dict:
    run()  # warm-up
    times, rows = [], None
    for _ in range(runs):
        took, rows = run()
        times.append(took)
    return {"p50_ms": round(percentile(times, 50) * 1000, 2), "p95_ms": round(percentile(times, 95) * 1000, 2), "rows": rows, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=31000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--keep", type=Path, help="Build the graph here once and reuse it on later runs.")
    args = parser.parse_args()
    import pyoxigraph as ox

    processes = []
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        marker = tmp / f"built-{args.activities}.json"
        if marker.exists():
            store, triples, build_s = tmp / "store", json.loads(marker.read_text())["triples"], 0.0
        else:
            shutil.rmtree(tmp / "store", ignore_errors=True)
            shutil.rmtree(tmp / "docs", ignore_errors=True)
            store, triples, build_s = build_store(tmp, args.activities)
            marker.write_text(json.dumps({"triples": triples}))
        print(f"graph: {args.activities} activities, {triples} triples in the default graph (built in {build_s:.0f} s)", flush=True)
        copy = Path(scratch) / "store-copy"
        shutil.copytree(store, copy)
        bin_dir = Path(sys.executable).parent
        try:
            ours, cached, oxi, rdfl = free_port(), free_port(), free_port(), free_port()
            env = {**os.environ, "IACKG_ROW_LIMIT": "1000000", "IACKG_QUERY_TIMEOUT": "120"}
            for port, cache_mb in ((ours, "0"), (cached, "64")):
                processes.append(
                    subprocess.Popen(
                        [str(bin_dir / "iackg"), "--store", str(store), "serve", "--port", str(port)],
                        env={**env, "IACKG_CACHE_MB": cache_mb},
                        stderr=subprocess.DEVNULL,
                    )
                )
            processes.append(
                subprocess.Popen(
                    [str(bin_dir / "oxigraph"), "serve-read-only", "--location", str(copy), "--bind", f"127.0.0.1:{oxi}"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            systems = {
                "iackg /sparql": f"http://127.0.0.1:{ours}/sparql",
                "iackg /sparql, cache on": f"http://127.0.0.1:{cached}/sparql",
                "Oxigraph server": f"http://127.0.0.1:{oxi}/query",
            }
            if not args.skip_rdflib:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-c", RDFLIB_SERVER, str(tmp / "union.nt"), str(rdfl)],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                systems["rdflib-endpoint"] = f"http://127.0.0.1:{rdfl}/sparql"
            for url in systems.values():
                wait_for(url + "?query=" + urllib.parse.quote("ASK {}"), 900)
            floor = ox.Store.read_only(str(store))

            def in_process(query: str):
                start = time.perf_counter()
                body = floor.query(query).serialize(format=ox.QueryResultsFormat.JSON)
                return time.perf_counter() - start, len(json.loads(body)["results"]["bindings"])

            results: dict[str, dict[str, dict]] = {}
            for label, query in QUERIES.items():
                results[label] = {}
                for system, url in systems.items():
                    runs = args.rdflib_runs if system == "rdflib-endpoint" else args.runs
                    results[label][system] = measure(system, lambda u=url, q=query: http_query(u, q, 600), runs)
                results[label]["pyoxigraph in-process"] = measure("floor", lambda q=query: in_process(q), args.runs)
                rows = {s: r["rows"] for s, r in results[label].items()}
                print(
                    f"{label}: " + ", ".join(f"{s} p50 {r['p50_ms']} ms" for s, r in results[label].items()) + f"; rows {rows}", flush=True
                )
        finally:
            for process in processes:
                process.terminate()
                process.wait(30)

    print(f"\np50 / p95 in ms, {triples:,} triples; iackg with its result cache off unless said\n")
    print(
        "| query | iackg | Oxigraph server | rdflib-endpoint | pyoxigraph in-process | iackg, cache on | iackg ÷ Oxigraph | rdflib-endpoint ÷ iackg | rdflib-endpoint ÷ iackg cache on |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, by_system in results.items():

        def cell(name: str, by_system=by_system) -> str:
            return f"{by_system[name]['p50_ms']} / {by_system[name]['p95_ms']}" if name in by_system else "skipped"

        ours_p50, cached_p50 = by_system["iackg /sparql"]["p50_ms"], by_system["iackg /sparql, cache on"]["p50_ms"]
        rdf = by_system.get("rdflib-endpoint")
        print(
            f"| {label} | {cell('iackg /sparql')} | {cell('Oxigraph server')} | {cell('rdflib-endpoint')} | {cell('pyoxigraph in-process')} | "
            f"{cell('iackg /sparql, cache on')} | {ours_p50 / by_system['Oxigraph server']['p50_ms']:.2f} | "
            f"{ratio(rdf, ours_p50, 1)} | {ratio(rdf, cached_p50, 0)} |"
        )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "sparql.json").write_text(json.dumps({"triples": triples, "activities": args.activities, "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
