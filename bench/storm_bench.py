"""Storm benchmark: how `iackg serve` answers normal clients and /health while many clients send runaway
queries (cross products that only the query timeout stops).

  1. ingest the bundled corpus/ into a temporary store (or use --store),
  2. start `iackg --store S serve --port P` with IACKG_QUERY_TIMEOUT (--query-timeout, default 10),
  3. baseline: --normal client threads send small queries (an aggregate on /sparql, a saved query on
     /queries/NAME, an entity page /id/...) with a 0.2 s pause, one thread polls /health every 0.25 s,
     for --baseline-seconds,
  4. storm: the same, plus --runaway client threads sending runaway queries in a loop (each text unique,
     so that no result cache answers; a 503 or 429 with Retry-After is honoured by sleeping that long),
     for --seconds,
  5. a few normal queries after the storm: does the server answer again, and how soon.

The server's peak RSS (its process and every descendant: the query workers) is sampled from
/proc/PID/status every 0.5 s. Everything runs on 127.0.0.1; every request has a client timeout
(--client-timeout); the server is killed at the end whatever happens.

    python bench/storm_bench.py [--seconds 40] [--runaway 20] [--normal 4] [--baseline-seconds 15]
                                [--query-timeout 10] [--workers N] [--store S]

Results go to stdout (a Markdown table) and bench/out/storm.json.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from sparql_bench import free_port, wait_for  # noqa: E402 - the same helpers as the SPARQL benchmark

ROOT = Path(__file__).resolve().parent.parent

PREFIXES = "PREFIX iac: <https://w3id.org/iac/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
RUNAWAY = [
    "SELECT * WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY ?c ?f ?i # storm {n}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STRLEN(STR(?c)) + {n} > 0) }}",
    "SELECT * WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY DESC(?i) ?a OFFSET {n} LIMIT 10",
    "SELECT DISTINCT ?c ?f WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != {n}) }}",
]
NORMAL_SPARQL = (
    PREFIXES
    + """SELECT ?type (COUNT(?a) AS ?n) WHERE {{ ?a a iac:Activity , ?type FILTER(?type != iac:Activity && {n} > 0) }}
GROUP BY ?type ORDER BY DESC(?n)"""
)


def fetch(url: str, timeout: float, accept: str = "application/sparql-results+json") -> tuple[int | str, float, dict]:
    """(status, seconds, headers) of a GET; status is 'timeout' or 'error' when no HTTP answer came."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, time.perf_counter() - start, dict(response.headers)
    except urllib.error.HTTPError as exc:
        body = exc.read()
        return exc.code, time.perf_counter() - start, {**dict(exc.headers), "_body": body.decode("utf-8", "replace")}
    except TimeoutError:
        return "timeout", time.perf_counter() - start, {}
    except OSError as exc:
        if "timed out" in str(exc):
            return "timeout", time.perf_counter() - start, {}
        return "error", time.perf_counter() - start, {}


def sparql_url(base: str, query: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query})


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[tuple[int | str, float]]] = {}
        self.reasons: Counter = Counter()  # why normal requests were not answered 200, and runaway ones got neither 200 nor 503

    def why(self, message: str) -> None:
        with self.lock:
            self.reasons[message] += 1

    def add(self, kind: str, status: int | str, seconds: float) -> None:
        with self.lock:
            self.samples.setdefault(kind, []).append((status, seconds))


def percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def summarise(samples: list[tuple[int | str, float]]) -> dict:
    times = [s for _, s in samples]
    ms = lambda v: None if v is None else round(v * 1000, 1)  # noqa: E731
    return {
        "count": len(samples),
        "statuses": dict(sorted(Counter(str(st) for st, _ in samples).items())),
        "p50_ms": ms(percentile(times, 50)),
        "p95_ms": ms(percentile(times, 95)),
        "p99_ms": ms(percentile(times, 99)),
        "max_ms": ms(max(times) if times else None),
    }


def descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc/*/stat."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler(threading.Thread):
    def __init__(self, pid: int, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.pid, self.stop = pid, stop
        self.peak_sum_kb = self.peak_single_kb = self.peak_processes = 0

    def run(self) -> None:
        while not self.stop.is_set():
            sizes = [rss_kb(p) for p in descendants(self.pid)]
            self.peak_sum_kb = max(self.peak_sum_kb, sum(sizes))
            self.peak_single_kb = max(self.peak_single_kb, max(sizes, default=0))
            self.peak_processes = max(self.peak_processes, len(sizes))
            self.stop.wait(0.5)

    def report(self) -> dict:
        return {
            "peak_sum_mb": round(self.peak_sum_kb / 1024, 1),
            "peak_single_mb": round(self.peak_single_kb / 1024, 1),
            "peak_processes": self.peak_processes,
        }


def normal_urls(base: str, countries: list[str], activities: list[str]):
    """An endless cycle of small requests, each distinct: an aggregate with its own constant, a saved query
    for the next country, the next entity page."""
    counter = itertools.count(1)
    for n in counter:
        kind = n % 3
        if kind == 0:
            yield "normal sparql", sparql_url(base, NORMAL_SPARQL.format(n=n)), "application/sparql-results+json"
        elif kind == 1:
            country = countries[n % len(countries)]
            query = urllib.parse.urlencode({"country": country, "n": n})
            yield "normal saved query", f"{base}/queries/activities-by-country?{query}", "application/json"
        else:
            iri = activities[n % len(activities)]
            yield "normal entity page", f"{base}/id/{iri.split('/id/', 1)[1]}?format=json&n={n}", "application/json"


def run_phase(
    base: str,
    seconds: float,
    runaway: int,
    normal: int,
    client_timeout: float,
    server_pid: int,
    countries: list[str],
    activities: list[str],
    new_shapes: bool = False,
) -> dict:
    recorder = Recorder()
    stop = threading.Event()
    lock = threading.Lock()
    sequence = itertools.count(1)
    normal_cycle = normal_urls(base, countries, activities)

    def next_normal():
        with lock:
            return next(normal_cycle)

    def runaway_loop() -> None:
        while not stop.is_set():
            n = next(sequence)
            query = RUNAWAY[n % len(RUNAWAY)].format(n=n)
            if new_shapes:  # an IRI is part of a query's shape: each query a shape never seen before
                query = query.replace("WHERE {", f"WHERE {{ FILTER(?a != <urn:storm:{n}>)", 1)
            status, took, headers = fetch(sparql_url(base, query), client_timeout)
            if status not in (200, 503):
                recorder.why(f"runaway {status}: " + headers.get("_body", "")[:200])
            recorder.add("runaway", status, took)
            if status in (429, 503):
                try:
                    wait = float(headers.get("Retry-After", "1"))
                except ValueError:
                    wait = 1.0
                stop.wait(min(wait, 30))

    def normal_loop() -> None:
        while not stop.is_set():
            kind, url, accept = next_normal()
            status, took, headers = fetch(url, client_timeout, accept)
            if status != 200:
                recorder.why(headers.get("_body", "")[:160])
            recorder.add(kind, status, took)
            recorder.add("normal (all)", status, took)
            stop.wait(0.2)

    def health_loop() -> None:
        while not stop.is_set():
            status, took, _ = fetch(base + "/health", client_timeout, "application/json")
            recorder.add("health", status, took)
            stop.wait(0.25)

    sampler = RssSampler(server_pid, stop)
    threads = [threading.Thread(target=runaway_loop, daemon=True) for _ in range(runaway)]
    threads += [threading.Thread(target=normal_loop, daemon=True) for _ in range(normal)]
    threads.append(threading.Thread(target=health_loop, daemon=True))
    sampler.start()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    deadline = time.monotonic() + client_timeout + 5  # each thread ends after its request in flight
    for thread in threads:
        thread.join(max(0.1, deadline - time.monotonic()))
    stragglers = sum(thread.is_alive() for thread in threads)
    sampler.join(2)
    with recorder.lock:
        samples = {kind: list(values) for kind, values in recorder.samples.items()}
    return {
        "seconds": seconds,
        "classes": {kind: summarise(values) for kind, values in sorted(samples.items())},
        "rss": sampler.report(),
        "stragglers": stragglers,
        "not_answered": dict(recorder.reasons.most_common(8)),
    }


def recovery(base: str, client_timeout: float, seconds: float = 30) -> dict:
    """Normal queries after the storm until one answers 200 (bounded): how long the server needed."""
    start = time.monotonic()
    tries = []
    for n in range(1, 1000):
        status, took, _ = fetch(sparql_url(base, NORMAL_SPARQL.format(n=10_000_000 + n)), client_timeout)
        tries.append(status)
        if status == 200 or time.monotonic() - start > seconds:
            break
        time.sleep(0.2)
    return {"first_200_after_s": round(time.monotonic() - start, 2) if tries[-1] == 200 else None, "statuses": [str(s) for s in tries]}


def lookup(base: str, query: str, var: str) -> list[str]:
    request = urllib.request.Request(sparql_url(base, query), headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return [b[var]["value"] for b in json.loads(response.read())["results"]["bindings"]]


def ingest(store: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "iackg"), "--store", str(store), "ingest", "--no-embed", "-q", str(ROOT / "corpus")],
        env=env,
        check=True,
        timeout=900,
    )
    return time.perf_counter() - start


def table(baseline: dict, storm: dict) -> str:
    lines = ["| phase | class | count | statuses | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|---|"]
    for name, phase in (("baseline", baseline), ("storm", storm)):
        for kind, s in phase["classes"].items():
            statuses = ", ".join(f"{k}: {v}" for k, v in s["statuses"].items())
            lines.append(f"| {name} | {kind} | {s['count']} | {statuses} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['max_ms']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=40, help="Length of the storm.")
    parser.add_argument("--baseline-seconds", type=float, default=15, help="Length of the normal load alone, before the storm.")
    parser.add_argument("--runaway", type=int, default=20, help="Client threads sending runaway queries.")
    parser.add_argument(
        "--new-shapes",
        action="store_true",
        help="Make every runaway query a shape the server has not seen (so it cannot refuse it by its shape before it runs).",
    )
    parser.add_argument("--normal", type=int, default=4, help="Client threads sending small normal queries.")
    parser.add_argument("--query-timeout", type=float, default=10, help="IACKG_QUERY_TIMEOUT of the server.")
    parser.add_argument("--workers", type=int, help="IACKG_WORKERS of the server (default: the server's own).")
    parser.add_argument("--threads", type=int, help="IACKG_THREADS of the server (default: the server's own).")
    parser.add_argument("--cache-mb", default="0", help="IACKG_CACHE_MB of the server (default 0: every request runs).")
    parser.add_argument("--client-timeout", type=float, default=60, help="Seconds each HTTP request may take.")
    parser.add_argument("--store", type=Path, help="Serve this store instead of ingesting corpus/ into a temporary one.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "storm.json")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="storm-bench-"))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    server = None
    try:
        store, ingest_s = args.store, 0.0
        if store is None:
            store = scratch / "store"
            ingest_s = ingest(store, env)
            print(f"ingested corpus/ in {ingest_s:.0f} s", flush=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_env = {**env, "IACKG_QUERY_TIMEOUT": str(args.query_timeout), "IACKG_CACHE_MB": str(args.cache_mb)}
        if args.workers:
            server_env["IACKG_WORKERS"] = str(args.workers)
        if args.threads:
            server_env["IACKG_THREADS"] = str(args.threads)
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "iackg"), "--store", str(store), "serve", "--port", str(port)],
            env=server_env,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(base + "/health", 120)
        beneficiaries = lookup(base, PREFIXES + "SELECT DISTINCT ?c WHERE { ?a iac:beneficiary ?c } ORDER BY ?c", "c")
        countries = [c.rsplit("/", 1)[1] for c in beneficiaries if "/country/" in c] or ["MKD"]
        activities = lookup(base, PREFIXES + "SELECT ?a WHERE { ?a a iac:Activity } ORDER BY ?a", "a")
        print(
            f"serving {store} on {base}: {len(countries)} countries, {len(activities)} activities; "
            f"baseline {args.baseline_seconds:g} s, then storm {args.seconds:g} s ({args.runaway} runaway, {args.normal} normal clients)",
            flush=True,
        )

        baseline = run_phase(base, args.baseline_seconds, 0, args.normal, args.client_timeout, server.pid, countries, activities)
        print("baseline done", flush=True)
        storm = run_phase(
            base, args.seconds, args.runaway, args.normal, args.client_timeout, server.pid, countries, activities, args.new_shapes
        )
        print("storm done", flush=True)
        after = recovery(base, args.client_timeout)
        alive = server.poll() is None
    finally:
        if server is not None:
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)
                server.wait(5)
        shutil.rmtree(scratch, ignore_errors=True)

    normal_base = baseline["classes"].get("normal (all)", {}).get("p99_ms")
    normal_storm = storm["classes"].get("normal (all)", {}).get("p99_ms")
    ratio = round(normal_storm / normal_base, 1) if normal_base and normal_storm else None
    settings = {
        "seconds": args.seconds,
        "baseline_seconds": args.baseline_seconds,
        "runaway": args.runaway,
        "normal": args.normal,
        "query_timeout": args.query_timeout,
        "workers": args.workers,
        "threads": args.threads,
        "cache_mb": args.cache_mb,
        "client_timeout": args.client_timeout,
    }
    result = {
        "settings": settings,
        "baseline": baseline,
        "storm": storm,
        "after_storm": after,
        "server_alive_after": alive,
        "normal_p99_ratio_storm_over_baseline": ratio,
    }

    print(
        f"\nstorm: {args.runaway} runaway and {args.normal} normal clients for {args.seconds:g} s, "
        f"IACKG_QUERY_TIMEOUT={args.query_timeout:g}, "
        f"IACKG_WORKERS={args.workers or 'default'}, cache {args.cache_mb} MB\n"
    )
    print(table(baseline, storm))
    print()
    print("| phase | server RSS peak, sum MB | peak single process MB | processes | threads still in flight at the end |")
    print("|---|---|---|---|---|")
    for name, phase in (("baseline", baseline), ("storm", storm)):
        r = phase["rss"]
        print(f"| {name} | {r['peak_sum_mb']} | {r['peak_single_mb']} | {r['peak_processes']} | {phase['stragglers']} |")
    print(
        f"\nnormal p99 under storm ÷ baseline: {ratio}×; after the storm, first 200 in {after['first_200_after_s']} s; "
        f"server alive: {alive}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
