"""Search quality: nDCG@10, Recall@5 and MRR over judged queries, for the hybrid ranking, BM25 alone and
dense alone, side by side.

A judgements file is JSON: [{"query": "...", "relevant": [[title as written, start date or null], ...]}].
An activity is named by a title it has in some document and its start date, and found in the index.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from ingest.errors import IngestError
from server.query.search import Searcher

MODES = ("hybrid", "bm25", "dense")


def load_qrels(path: Path, searcher: Searcher) -> list[tuple[str, set[str]]]:
    by_title: dict[tuple[str, str | None], str] = {}
    for entry in searcher.entries:
        if entry.kind == "activity":
            by_title.setdefault((entry.label, entry.start), entry.iri)
    judged = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        iris = set()
        for title, start in item["relevant"]:
            if (title, start) not in by_title:
                raise IngestError(f"{path}: no activity titled {title!r} starting {start} in the index; fix the judgement")
            iris.add(by_title[(title, start)])
        judged.append((item["query"], iris))
    return judged


def metrics(ranked: list[str], relevant: set[str]) -> dict[str, float]:
    dcg = sum(1 / math.log2(i + 2) for i, iri in enumerate(ranked[:10]) if iri in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    first = next((i for i, iri in enumerate(ranked) if iri in relevant), None)
    return {
        "ndcg@10": dcg / ideal if ideal else 0.0,
        "recall@5": len(set(ranked[:5]) & relevant) / len(relevant),
        "mrr": 0.0 if first is None else 1 / (first + 1),
    }


def evaluate(searcher: Searcher, judged: list[tuple[str, set[str]]]) -> dict[str, dict[str, float]]:
    """Mean metrics per mode."""
    table = {}
    for mode in MODES:
        sums = {"ndcg@10": 0.0, "recall@5": 0.0, "mrr": 0.0}
        for query, relevant in judged:
            ranked = [r.iri for r in searcher.search(query, k=100, mode=mode).results]
            for key, value in metrics(ranked, relevant).items():
                sums[key] += value
        table[mode] = {key: round(value / len(judged), 3) for key, value in sums.items()}
    return table
