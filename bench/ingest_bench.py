"""Ingest benchmark: activities per second for the whole pipeline, against a read-and-parse-only baseline
(read each file, run the spaCy pipeline over its segments) measured in the same run on the same documents.

    python bench/ingest_bench.py [--activities 10000] [--per-doc 100]

Stages: read (file -> Document; the baseline), extract (spaCy + rules), build (RDF), validate (SHACL),
store (one Oxigraph transaction per document). Results go to stdout and bench/out/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from ingest.build import build, document_iri
from ingest.extract import extract
from ingest.pipeline import Models
from ingest.read import read
from ingest.store import Store
from ingest.validate import validate


def run(activities: int, per_doc: int) -> dict:
    models = Models()
    models.nlp  # load outside the timings  # noqa: B018
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp) / "docs", activities, per_doc)
        store = Store(Path(tmp) / "store")
        store.sync_reference()
        timings = dict.fromkeys(("read", "extract", "build", "validate", "store"), 0.0)
        found = 0
        read_start = time.perf_counter()
        for path in paths:
            read(path)
        read_only = time.perf_counter() - read_start
        baseline_start = time.perf_counter()
        for path in paths:  # the baseline: read, then run the spaCy pipeline over every segment
            document = read(path)
            for _ in models.nlp.pipe(document.text[s.start : s.end].replace("\n", " ") for s in document.segments):
                pass
        baseline = time.perf_counter() - baseline_start
        for path in paths:
            t0 = time.perf_counter()
            document = read(path)
            t1 = time.perf_counter()
            extraction = extract(document, models.nlp, models.lexicon)
            t2 = time.perf_counter()
            graph = build(extraction, models.lexicon)
            t3 = time.perf_counter()
            report = validate(graph + models.reference, models.document_shapes)
            assert report.conforms, report.text
            t4 = time.perf_counter()
            store.replace_graph(str(document_iri(document.name)), graph)
            t5 = time.perf_counter()
            for stage, (a, b) in zip(timings, ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5))):
                timings[stage] += b - a
            found += len(extraction.activities)
        store.close()
    total = sum(timings.values())
    return {
        "documents": len(paths),
        "activities_generated": activities,
        "activities_extracted": found,
        "read_only_s": round(read_only, 3),
        "baseline_read_parse_s": round(baseline, 3),
        "pipeline_s": round(total, 3),
        "pipeline_without_validate_s": round(total - timings["validate"], 3),
        "stages_s": {k: round(v, 3) for k, v in timings.items()},
        "baseline_activities_per_s": round(activities / baseline, 1),
        "pipeline_activities_per_s": round(activities / total, 1),
        "pipeline_without_validate_activities_per_s": round(activities / (total - timings["validate"]), 1),
        "slowdown_vs_baseline": round(total / baseline, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=10000)
    parser.add_argument("--per-doc", type=int, default=100)
    args = parser.parse_args()
    result = run(args.activities, args.per_doc)
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"ingest benchmark: {result['activities_generated']} activities in {result['documents']} documents "
          f"({result['activities_extracted']} extracted)")
    print("| run | seconds | activities/s | ratio to baseline |")
    print("|---|---|---|---|")
    print(f"| read files only | {result['read_only_s']} | {round(result['activities_generated'] / result['read_only_s'], 1)} | "
          f"{result['read_only_s'] / result['baseline_read_parse_s']:.2f} |")
    print(f"| baseline: read and parse (spaCy) only | {result['baseline_read_parse_s']} | {result['baseline_activities_per_s']} | 1.0 |")
    no_val = result["pipeline_without_validate_s"]
    print(f"| pipeline without SHACL | {no_val} | {result['pipeline_without_validate_activities_per_s']} | {no_val / result['baseline_read_parse_s']:.1f} |")
    print(f"| full pipeline | {result['pipeline_s']} | {result['pipeline_activities_per_s']} | {result['slowdown_vs_baseline']} |")
    print("stages (s):", ", ".join(f"{k} {v}" for k, v in result["stages_s"].items()))


if __name__ == "__main__":
    main()
