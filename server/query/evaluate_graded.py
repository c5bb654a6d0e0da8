"""Search quality over a folder of documents with graded judgements (the development set's
tests/data/dev/search-judgements.json): nDCG@10 by kind of query and by language, for the hybrid ranking,
BM25 alone and dense alone, side by side, and how often an off-topic query gets no result.

A judgements file is JSON: [{"query", "lang", "kind", "documents": {FILE: grade}, "activities": [[FILE, gold
label, grade], ...]}], grade 2 (answers the query) or 1 (relevant). A judged activity is the one extraction
finds for that gold activity of that document (paired as `iackg eval extract` pairs them); one extraction
misses still counts in the ideal ranking, since no user could find it. The documents are read and
extracted as ingest does and indexed in memory: no store is used.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError

MODES = ("hybrid", "bm25", "dense")
OFF_TOPIC = "off-topic"


@dataclass(frozen=True)
class Judged:
    query: str
    lang: str
    kind: str
    grades: dict[str, int]  # IRI (document or activity; "missed:…" for a gold activity extraction did not find) -> grade


def load_items(path: Path, what: str, fields: dict[str, type], shape: str) -> list[dict]:
    """A JSON list of objects, each with the fields given (name -> type). Raises IngestError naming the file, the
    kind of file (what) and the shape it must have when it cannot be used."""
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
        for item in items:
            if not all(isinstance(item.get(name), kind) for name, kind in fields.items()):
                raise TypeError(f"every item needs {' and '.join(repr(n) for n in fields)}; got {item!r:.80}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, TypeError, AttributeError) as exc:
        raise IngestError(f"{path}: not a usable {what} file ({type(exc).__name__}: {exc}); it must be JSON {shape}") from exc
    return items


def load_judgements(path: Path) -> list[dict]:
    """The judged queries of path. Raises IngestError naming the file when it cannot be used."""
    return load_items(
        path,
        "judgements",
        {"query": str, "documents": dict},
        '[{"query": …, "lang": …, "kind": …, "documents": {FILE: grade}, "activities": [[FILE, LABEL, grade]]}]',
    )


def extract_folder(docs: Path, gold_dir: Path, models):
    """Every document of docs read and extracted as ingest does; the IRIs of the documents (by file name) and of
    the gold activities (by (file name, gold label)), pairing each document's extracted activities with its gold
    ones as `iackg eval extract` does."""
    from ingest.build import activity_iri, document_iri
    from ingest.evaluate_extract import align, compact, load_gold
    from ingest.extract import extract
    from ingest.read import read

    golds = {g.document: g for g in load_gold(gold_dir)}
    extractions, documents, activities = [], {}, {}
    for path in sorted(p for p in Path(docs).iterdir() if p.is_file()):
        extraction = extract(read(path), models.nlp, models.lexicon)
        extractions.append(extraction)
        documents[path.name] = str(document_iri(extraction.document.name))
        gold = golds.get(path.name)
        if gold is not None:
            predicted = compact(extraction)["activities"]
            for p, g in align(predicted, list(gold.activities)):
                activities[(path.name, gold.activities[g]["label"])] = str(activity_iri(extraction.activities[p]))
    return extractions, documents, activities


def index_folder(docs: Path, gold_dir: Path, models):
    """A Searcher over every document of docs (indexed in memory), and the IRIs of documents and gold activities
    (see extract_folder)."""
    from ingest.index import entries_for
    from server.query.search import Searcher

    extractions, documents, activities = extract_folder(docs, gold_dir, models)
    entries = [e for extraction in extractions for e in entries_for(extraction, models.lexicon)]
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    return searcher, documents, activities


def judge(items: list[dict], documents: dict[str, str], activities: dict[tuple[str, str], str]) -> list[Judged]:
    """Judgements keyed by the IRIs search returns."""
    judged = []
    for item in items:
        grades: dict[str, int] = {}
        for name, grade in item["documents"].items():
            if name not in documents:
                raise IngestError(f"judgement for {item['query']!r} names {name!r}, which is not in the documents folder")
            grades[documents[name]] = max(grades.get(documents[name], 0), int(grade))
        for name, label, grade in item.get("activities", []):
            iri = activities.get((name, label), f"missed:{name}:{label}")
            grades[iri] = max(grades.get(iri, 0), int(grade))
        judged.append(Judged(item["query"], item.get("lang", "en"), item.get("kind", ""), grades))
    return judged


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain at k, with gains 2^grade - 1."""
    dcg = sum((2 ** grades.get(iri, 0) - 1) / math.log2(i + 2) for i, iri in enumerate(ranked[:k]))
    ideal = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(grades.values(), reverse=True)[:k]))
    return dcg / ideal if ideal else 0.0


def evaluate(searcher, judged: list[Judged]) -> dict:
    """Mean nDCG@10 per mode, overall and by kind and language (off-topic queries apart), and per mode the share
    of off-topic queries answered with no result."""
    out: dict = {}
    for mode in MODES:
        by: dict[str, list[float]] = defaultdict(list)
        declined = []
        for j in judged:
            ranked = [r.iri for r in searcher.search(j.query, k=10, mode=mode).results]
            if j.kind == OFF_TOPIC or not j.grades:
                declined.append(not ranked)
                continue
            score = ndcg(ranked, j.grades)
            for group in ("all", f"kind:{j.kind}", f"lang:{j.lang}", "lang:ru+fr" if j.lang in ("ru", "fr") else None):
                if group:
                    by[group].append(score)
        out[mode] = {group: {"ndcg@10": round(sum(v) / len(v), 3), "queries": len(v)} for group, v in sorted(by.items())}
        out[mode]["off-topic declined"] = {"share": round(sum(declined) / len(declined), 3) if declined else None, "queries": len(declined)}
    return out


def markdown(table: dict) -> str:
    groups = list(table["hybrid"])
    lines = ["| queries | n | " + " | ".join(MODES) + " |", "|---|---|" + "---|" * len(MODES)]
    for group in groups:
        row = table["hybrid"][group]
        key = "share" if group == "off-topic declined" else "ndcg@10"
        values = [table[m][group][key] for m in MODES]
        lines.append(f"| {group} | {row['queries']} | " + " | ".join("–" if v is None else f"{v:.3f}" for v in values) + " |")
    return "\n".join(lines)
