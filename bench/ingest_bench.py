"""Ingest benchmark: activities per second for the whole pipeline, against a read-and-parse-only baseline
(read each file, run the spaCy pipeline over its segments) measured in the same run on the same documents;
then the same pipeline per language on the development documents, and the cost of the lazy Russian models.

    python bench/ingest_bench.py [--activities 10000] [--per-doc 100] [--min-docs 32] [--passes 2]
    python bench/ingest_bench.py --languages-only [--min-docs 32] [--passes 2]

Stages: read (file -> Document; the baseline), extract (spaCy + rules), build (RDF), validate (SHACL),
store (one Oxigraph transaction per document). Results go to stdout and bench/out/ingest.json.

Per language: the documents of tests/data/dev/docs, language from tests/data/dev/gold/<name>.json, each
language's documents repeated until a pass times at least --min-docs, the fastest of --passes passes
counting, after one untimed warm-up pass (which also loads the Russian morphology, whose one-off cost is
measured apart). A page is 2,000 characters of
Document.text; the target is extract >= 50 pages/s per language on this 2-core machine.

Lazy Russian models: in a fresh process, build the pipeline, extract an English document without Cyrillic
text, check that pymorphy3 is not loaded (ingest.morph._analyzer's cache is empty, the iac_russian
component's index is None), then extract a Russian document twice: the one-off load is the difference.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from ingest import morph
from ingest.build import build, document_iri
from ingest.extract import extract
from ingest.pipeline import Models
from ingest.read import read
from ingest.store import Store
from ingest.validate import validate

ROOT = Path(__file__).resolve().parent.parent
DEV_DOCS = ROOT / "tests" / "data" / "dev" / "docs"
DEV_GOLD = ROOT / "tests" / "data" / "dev" / "gold"
OUT = Path(__file__).resolve().parent / "out"
STAGES = ("read", "extract", "build", "validate", "store")
PAGE_CHARS = 2000
TARGET_PAGES_PER_S = 50


def _pipeline(paths: list[Path], models: Models, store: Store) -> tuple[dict[str, float], int, int, float]:
    """Every path through the whole pipeline, one store transaction each: seconds per stage, activities
    extracted, characters of Document.text read, and the extract stage's CPU seconds (this process's, which
    other processes on the machine do not inflate as they do wall-clock seconds)."""
    timings = dict.fromkeys(STAGES, 0.0)
    found = chars = 0
    extract_cpu = 0.0
    for path in paths:
        t0 = time.perf_counter()
        document = read(path)
        t1, c1 = time.perf_counter(), time.process_time()
        extraction = extract(document, models.nlp, models.lexicon)
        t2, c2 = time.perf_counter(), time.process_time()
        graph = build(extraction, models.lexicon)
        t3 = time.perf_counter()
        report = validate(graph + models.reference, models.document_shapes)
        assert report.conforms, f"{path.name}: the document's graph does not conform:\n{report.text}"
        t4 = time.perf_counter()
        store.replace_graph(str(document_iri(document.name)), graph)
        t5 = time.perf_counter()
        for stage, (a, b) in zip(timings, ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)), strict=False):
            timings[stage] += b - a
        found += len(extraction.activities)
        chars += len(document.text)
        extract_cpu += c2 - c1
    return timings, found, chars, extract_cpu


def run(activities: int, per_doc: int, models: Models | None = None) -> dict:
    models = models or Models()
    models.nlp  # load outside the timings  # noqa: B018
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp) / "docs", activities, per_doc)
        store = Store(Path(tmp) / "store")
        store.sync_reference()
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
        timings, found, _, _ = _pipeline(paths, models, store)
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


# ---------------------------------------------------------------------------------------- per language


def dev_documents() -> dict[str, list[Path]]:
    """The development documents by language, in file order."""
    by_language: dict[str, list[Path]] = {}
    for path in sorted(p for p in DEV_DOCS.iterdir() if p.is_file()):
        gold = DEV_GOLD / f"{path.name}.json"
        if not gold.is_file():
            raise SystemExit(f"{path}: no gold file {gold} to give its language; add one or move the document out of {DEV_DOCS}")
        by_language.setdefault(json.loads(gold.read_text(encoding="utf-8"))["language"], []).append(path)
    return by_language


def run_languages(min_docs: int, passes: int, models: Models | None = None) -> dict:
    """Whole pipeline and extract stage per language on the development documents. A pass is the language's
    documents, repeated until at least min_docs; of several passes the fastest counts (the others mostly
    measure whatever else the machine was doing), and every pass's seconds go to the results too."""
    models = models or Models()
    models.nlp  # noqa: B018
    by_language = dev_documents()
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        store.sync_reference()
        for paths in by_language.values():  # warm-up, untimed: lazy models (Russian morphology), caches
            for path in paths:
                extract(read(path), models.nlp, models.lexicon)
        _pipeline([paths[0] for paths in by_language.values()], models, store)
        for language, paths in by_language.items():
            repeat = max(1, math.ceil(min_docs / len(paths)))
            runs = [_pipeline(paths * repeat, models, store) for _ in range(passes)]
            timings, found, chars, _ = min(runs, key=lambda r: sum(r[0].values()))
            fastest_extract = min(r[0]["extract"] for r in runs)
            fastest_extract_cpu = min(r[3] for r in runs)
            timed, pages = len(paths) * repeat, chars / PAGE_CHARS
            total = sum(timings.values())
            rate = pages / fastest_extract
            result[language] = {
                "documents": len(paths),
                "repeat": repeat,
                "documents_per_pass": timed,
                "passes": passes,
                "passes_s": [round(sum(r[0].values()), 3) for r in runs],
                "pages": round(pages / repeat, 1),  # of the distinct documents
                "activities_extracted": found // repeat,
                "pipeline_ms_per_doc": round(1000 * total / timed, 1),
                "stages_ms_per_doc": {k: round(1000 * v / timed, 1) for k, v in timings.items()},
                "extract_pages_per_s": round(rate, 1),
                "extract_pages_per_cpu_s": round(pages / fastest_extract_cpu, 1),
                "extract_target_pages_per_s": TARGET_PAGES_PER_S,
                "extract_meets_target": rate >= TARGET_PAGES_PER_S,
            }
        store.close()
    return result


# ---------------------------------------------------------------------------------------- lazy Russian


def _russian_state(nlp) -> dict:
    """What shows whether the Russian models are loaded: pymorphy3 imported, ingest.morph's analyser
    built (an lru_cache of size 1), the iac_russian component's lemma index built."""
    return {
        "pymorphy3_imported": "pymorphy3" in sys.modules,
        "analyzer_built": morph._analyzer.cache_info().currsize > 0,
        "russian_index_built": nlp.get_pipe("iac_russian").index is not None,
    }


def probe_russian(english: Path, russian: Path) -> dict:
    """Run in a fresh process (--probe-russian): the Russian models' state around the first Russian text."""
    start = time.perf_counter()
    models = Models()
    nlp = models.nlp
    loaded_s = time.perf_counter() - start
    after_build = _russian_state(nlp)
    english_doc, russian_doc = read(english), read(russian)
    start = time.perf_counter()
    extract(english_doc, nlp, models.lexicon)
    english_s = time.perf_counter() - start
    after_english = _russian_state(nlp)
    start = time.perf_counter()
    extract(russian_doc, nlp, models.lexicon)
    first_s = time.perf_counter() - start
    after_russian = _russian_state(nlp)
    start = time.perf_counter()
    extract(russian_doc, nlp, models.lexicon)
    second_s = time.perf_counter() - start
    return {
        "english_document": english.name,
        "russian_document": russian.name,
        "models_load_s": round(loaded_s, 3),
        "after_models": after_build,
        "after_english": after_english,
        "after_russian": after_russian,
        "english_extract_s": round(english_s, 3),
        "russian_first_extract_s": round(first_s, 3),
        "russian_second_extract_s": round(second_s, 3),
        "russian_load_s": round(first_s - second_s, 3),
    }


def run_russian_probe() -> dict:
    """The lazy-load check in a fresh subprocess, with the first English document without Cyrillic text."""
    by_language = dev_documents()
    cyrillic = [p.name for p in by_language["en"] if morph.has_cyrillic(read(p).text)]
    english = next(p for p in by_language["en"] if p.name not in cyrillic)
    proc = subprocess.run(
        [sys.executable, __file__, "--probe-russian", str(english), str(by_language["ru"][0])], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"the Russian lazy-load probe failed (exit {proc.returncode}):\n{proc.stderr}")
    result = json.loads(proc.stdout.splitlines()[-1])
    lazy = not any(result["after_models"].values()) and not any(result["after_english"].values())
    result["lazy"] = lazy and all(result["after_russian"].values())
    result["english_documents_with_cyrillic"] = cyrillic  # these load the Russian models too
    return result


# ---------------------------------------------------------------------------------------- output


def print_generated(result: dict) -> None:
    print(
        f"ingest benchmark: {result['activities_generated']} activities in {result['documents']} documents "
        f"({result['activities_extracted']} extracted)"
    )
    print("| run | seconds | activities/s | ratio to baseline |")
    print("|---|---|---|---|")
    print(
        f"| read files only | {result['read_only_s']} | {round(result['activities_generated'] / result['read_only_s'], 1)} | "
        f"{result['read_only_s'] / result['baseline_read_parse_s']:.2f} |"
    )
    print(f"| baseline: read and parse (spaCy) only | {result['baseline_read_parse_s']} | {result['baseline_activities_per_s']} | 1.0 |")
    no_val = result["pipeline_without_validate_s"]
    print(
        f"| pipeline without SHACL | {no_val} | {result['pipeline_without_validate_activities_per_s']} | {no_val / result['baseline_read_parse_s']:.1f} |"
    )
    print(f"| full pipeline | {result['pipeline_s']} | {result['pipeline_activities_per_s']} | {result['slowdown_vs_baseline']} |")
    print("stages (s):", ", ".join(f"{k} {v}" for k, v in result["stages_s"].items()))


def print_languages(languages: dict, cores: int, load: tuple[float, float]) -> None:
    print(
        f"per language: development documents (tests/data/dev), a page = {PAGE_CHARS} characters, {cores} cores, "
        f"load average {load[0]:.1f} before, {load[1]:.1f} after"
    )
    print("| language | documents | pages | extract pages/s | whole pipeline ms/doc |")
    print("|---|---|---|---|---|")
    for language, r in languages.items():
        print(f"| {language} | {r['documents']} | {r['pages']} | {r['extract_pages_per_s']} | {r['pipeline_ms_per_doc']} |")
    for language, r in languages.items():
        verdict = "PASS" if r["extract_meets_target"] else "FAIL"
        stages = ", ".join(f"{k} {v}" for k, v in r["stages_ms_per_doc"].items())
        print(
            f"{language}: extract {r['extract_pages_per_s']} pages/s ({r['extract_pages_per_cpu_s']} per CPU second), "
            f"target >= {TARGET_PAGES_PER_S}: {verdict}; "
            f"fastest of {r['passes']} passes of {r['documents_per_pass']} documents ({r['documents']} x {r['repeat']}, "
            f"seconds {r['passes_s']}); stages (ms/doc): {stages}"
        )


def _state(flags: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in flags.items())


def print_russian(probe: dict) -> None:
    print(f"Russian models, fresh process: after building the pipeline: {_state(probe['after_models'])}")
    print(f"  after English {probe['english_document']}: {_state(probe['after_english'])}")
    print(f"  after Russian {probe['russian_document']}: {_state(probe['after_russian'])}")
    print(
        f"  one-off load on the first Russian document: {probe['russian_load_s']} s "
        f"(first extract {probe['russian_first_extract_s']} s, then {probe['russian_second_extract_s']} s); "
        f"lazy: {'PASS' if probe['lazy'] else 'FAIL'}"
    )
    if probe["english_documents_with_cyrillic"]:
        print(f"  English documents with Cyrillic text load them too: {', '.join(probe['english_documents_with_cyrillic'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=10000)
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--min-docs", type=int, default=32, help="documents timed per language, at least (repeats)")
    parser.add_argument("--passes", type=int, default=2, help="timed passes per language; the fastest counts")
    parser.add_argument(
        "--languages-only",
        action="store_true",
        help="only the per-language run and the Russian lazy-load check (ingest.json keeps the generated run's results)",
    )
    parser.add_argument("--probe-russian", nargs=2, type=Path, metavar=("ENGLISH", "RUSSIAN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe_russian:
        print(json.dumps(probe_russian(*args.probe_russian)))
        return
    cores = len(os.sched_getaffinity(0))
    probe = run_russian_probe()  # first, before this process loads anything heavy
    models = Models()
    OUT.mkdir(exist_ok=True)
    path = OUT / "ingest.json"
    if args.languages_only:
        result = json.loads(path.read_text()) if path.is_file() else {}
    else:
        result = run(args.activities, args.per_doc, models)
    result["cores"] = cores
    before = os.getloadavg()[0]
    result["languages"] = run_languages(args.min_docs, args.passes, models)
    result["load_average"] = [round(before, 2), round(os.getloadavg()[0], 2)]  # 1-minute, around the per-language run
    result["russian_lazy_load"] = probe
    path.write_text(json.dumps(result, indent=1) + "\n")
    if not args.languages_only:
        print_generated(result)
    print_languages(result["languages"], cores, result["load_average"])
    print_russian(probe)


if __name__ == "__main__":
    main()
