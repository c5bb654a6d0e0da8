"""Search benchmarks, each against a floor measured in the same run.

1. Search latency, p50 and p95, at 1k, 10k and 100k passages, against the floor of encoding the query
   alone, with the process's memory. The passages are generated texts (bench/generate.py); their vectors
   are real encodings of the first 2,000, repeated with a little noise (re-normalised) for the rest:
   encoding 100k passages would take over half an hour here, and a brute-force dot product costs the same
   whatever the vectors hold.
2. Ingest throughput with embedding included, against encoding the same texts alone.

    python bench/search_bench.py [--sizes 1000 10000 100000] [--queries 40] [--ingest-activities 400]

Results go to stdout and bench/out/search.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate

QUERIES = [
    "tailings dam safety in Central Asia",
    "trainings in North Macedonia",
    "oil spill exercise",
    "land-use planning workshops since 2019",
    "safety reports evaluation",
    "awareness raising for decision makers",
    "projects financed by Switzerland",
    "inspections in Serbia",
    "accession to the Convention in Kyrgyzstan",
    "emergency preparedness in Ukraine",
]
QUESTIONS = [
    "Which countries had TMF training?",
    "What activities took place in Serbia?",
    "Who financed the workshop on land-use planning?",
    "How many activities per year?",
    "Какие мероприятия проводились в Бишкеке?",
    "Quels exercices ont eu lieu entre 2009 et 2016 ?",
    "Which country hosted the training in Baku?",
    "What is the population of Kazakhstan?",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def passages(n: int, tmp: Path) -> list[str]:
    texts: list[str] = []
    for path in generate(tmp / f"docs-{n}", max(n // 2, 100), per_doc=200, seed=3):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip("-| ").strip()
            if len(line) > 30:
                texts.append(line)
    while len(texts) < n:
        texts += texts[: n - len(texts)]
    return texts[:n]


def latency(sizes: list[int], queries: int, models, tmp: Path) -> list[dict]:
    import numpy as np

    from ingest.index import Entry
    from server.query.ask import Asker
    from server.query.saved import load_saved
    from server.query.search import Searcher

    encoder = models.encoder
    base_texts = passages(2000, tmp)
    base = encoder.encode(base_texts)
    rng = np.random.default_rng(0)
    rows = []
    for n in sizes:
        texts = passages(n, tmp)
        reps = -(-n // len(base))
        vectors = np.vstack([base] * reps)[:n] + rng.normal(0, 0.02, (n, base.shape[1])).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        entries = [Entry(f"urn:p{i}", "passage", "urn:doc", t, "generated", "", None, None, (), (), (), t) for i, t in enumerate(texts)]
        started = time.perf_counter()
        searcher = Searcher(entries, vectors.astype(np.float32), encoder, models.nlp, models.lexicon)
        build_s = time.perf_counter() - started
        asked = [QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" {i}") for i in range(queries)]
        for q in asked[:3]:
            searcher.search(q)
        search_ms, floor_ms = [], []
        for q in asked:
            t0 = time.perf_counter()
            encoder.encode([q])
            t1 = time.perf_counter()
            searcher.search(q, k=10)
            t2 = time.perf_counter()
            floor_ms.append((t1 - t0) * 1000)
            search_ms.append((t2 - t1) * 1000)
        # a question: reading it and choosing its saved query (a search where it names one activity); the SPARQL
        # that answers it runs on the store in milliseconds and is not part of this
        asker = Asker(load_saved(), encoder, models.nlp, models.lexicon, searcher=searcher)
        ask_ms = []
        for i in range(queries):
            question = QUESTIONS[i % len(QUESTIONS)]
            t0 = time.perf_counter()
            asker.match(question)
            ask_ms.append((time.perf_counter() - t0) * 1000)

        def q95(xs):
            return statistics.quantiles(xs, n=100, method="inclusive")[94]

        rows.append(
            {
                "passages": n,
                "search_p50_ms": round(statistics.median(search_ms), 1),
                "search_p95_ms": round(q95(search_ms), 1),
                "ask_p50_ms": round(statistics.median(ask_ms), 1),
                "ask_p95_ms": round(q95(ask_ms), 1),
                "encode_floor_p50_ms": round(statistics.median(floor_ms), 1),
                "index_build_s": round(build_s, 1),
                "vectors_mb": round(vectors.nbytes / 1e6, 1),
                "process_max_rss_mb": round(rss_mb()),
            }
        )
        print(rows[-1], flush=True)
        del searcher, asker, vectors, entries
    return rows


def ingest_throughput(activities: int, models, tmp: Path) -> dict:
    from ingest.build import document_iri
    from ingest.extract import extract
    from ingest.index import entries_for
    from ingest.pipeline import ingest_paths
    from ingest.read import read
    from ingest.store import Store

    paths = generate(tmp / "ingest-docs", activities, per_doc=50, seed=5)
    texts = [e.text for p in paths for e in entries_for(extract(read(p), models.nlp, models.lexicon), models.lexicon)]
    models.encoder.encode(texts[:64])  # warm
    t0 = time.perf_counter()
    models.encoder.encode(texts)
    encode_s = time.perf_counter() - t0
    store = Store(tmp / "ingest-store")
    store.sync_reference()
    t0 = time.perf_counter()
    outcomes = ingest_paths(paths, store, models)
    assert {o.status for o in outcomes} == {"ingested"}, [o.message for o in outcomes if o.message]
    pipeline_s = time.perf_counter() - t0
    store.close()
    assert document_iri(paths[0].name)
    return {
        "activities": activities,
        "texts_embedded": len(texts),
        "encode_only_s": round(encode_s, 1),
        "pipeline_s": round(pipeline_s, 1),
        "encode_only_activities_per_s": round(activities / encode_s, 1),
        "pipeline_activities_per_s": round(activities / pipeline_s, 1),
        "ratio_to_encode_only": round(encode_s / pipeline_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--ingest-activities", type=int, default=400)
    args = parser.parse_args()
    from ingest.pipeline import Models

    models = Models()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ingest = ingest_throughput(args.ingest_activities, models, tmp)
        print(ingest, flush=True)
        rows = latency(args.sizes, args.queries, models, tmp)
    print(
        "\n| passages | search p50 / p95 ms | question p50 / p95 ms | query-encoding floor p50 ms | search ÷ floor (p50) | "
        "question ÷ floor (p50) | vectors MB | process max RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['passages']:,} | {r['search_p50_ms']} / {r['search_p95_ms']} | {r['ask_p50_ms']} / {r['ask_p95_ms']} | "
            f"{r['encode_floor_p50_ms']} | {r['search_p50_ms'] / r['encode_floor_p50_ms']:.1f} | "
            f"{r['ask_p50_ms'] / r['encode_floor_p50_ms']:.1f} | {r['vectors_mb']} | {r['process_max_rss_mb']} |"
        )
    print(
        f"\ningest with embedding: {ingest['pipeline_activities_per_s']} activities/s; encode only: {ingest['encode_only_activities_per_s']} "
        f"activities/s ({ingest['texts_embedded']} texts); ratio {ingest['ratio_to_encode_only']}"
    )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "search.json").write_text(json.dumps({"latency": rows, "ingest": ingest}, indent=1) + "\n")


if __name__ == "__main__":
    main()
