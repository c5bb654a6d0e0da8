"""The graded search harness (server/query/evaluate_graded.py): nDCG with grades, judgements keyed by the IRIs search
returns, a clear error for a bad file, and a run over a small folder of documents written for the test."""

from __future__ import annotations

import json

import pytest
from conftest import gold_folder

from ingest.errors import IngestError
from server.query.evaluate_graded import Judged, evaluate, index_folder, judge, load_judgements, ndcg


def test_ndcg_uses_the_grades():
    grades = {"a": 2, "b": 1}
    assert ndcg(["a", "b"], grades) == pytest.approx(1.0)
    assert ndcg(["b", "a"], grades) < 1.0
    assert ndcg(["x", "y"], grades) == 0.0
    assert ndcg(["b"], {"a": 2, "b": 1, "missed:doc:label": 2}) < ndcg(["b"], {"a": 2, "b": 1})  # a missed activity stays in the ideal


def test_judgements_are_keyed_by_iri_and_a_missed_activity_stays_unreachable():
    items = [
        {
            "query": "q",
            "lang": "ru",
            "kind": "country",
            "documents": {"a.html": 1},
            "activities": [["a.html", "Workshop", 2], ["a.html", "Gone", 2]],
        }
    ]
    judged = judge(items, {"a.html": "doc:a"}, {("a.html", "Workshop"): "act:1"})
    assert judged == [Judged("q", "ru", "country", {"doc:a": 1, "act:1": 2, "missed:a.html:Gone": 2})]
    with pytest.raises(IngestError, match="b.html"):
        judge([{"query": "q", "documents": {"b.html": 2}}], {"a.html": "doc:a"}, {})


def test_a_bad_judgements_file_is_refused_by_name(tmp_path):
    path = tmp_path / "j.json"
    path.write_text(json.dumps([{"query": "q"}]), encoding="utf-8")
    with pytest.raises(IngestError, match="j.json"):
        load_judgements(path)


def test_a_run_over_a_small_folder(models, tmp_path):
    docs, gold = gold_folder(
        tmp_path,
        {
            "a.md": "# Workshop on tailings safety in Almaty\n\nAlmaty, 12–13 May 2022. A subregional workshop on tailings safety"
            " for Central Asia was held in Almaty.\n",
            "b.md": "# Training on land-use planning in Yerevan\n\nYerevan, 3 June 2019. A national training on land-use planning"
            " for Armenia was held in Yerevan.\n",
        },
        {"a.md": [{"type": "Workshop", "label": "Workshop on tailings safety in Almaty", "start": "2022-05-12"}]},
    )
    searcher, documents, activities = index_folder(docs, gold, models)
    assert set(documents) == {"a.md", "b.md"} and ("a.md", "Workshop on tailings safety in Almaty") in activities
    items = [
        {
            "query": "tailings safety workshop",
            "lang": "en",
            "kind": "type",
            "documents": {"a.md": 2},
            "activities": [["a.md", "Workshop on tailings safety in Almaty", 2]],
        },
        {"query": "pizza recipes", "lang": "en", "kind": "off-topic", "documents": {}, "activities": []},
    ]
    table = evaluate(searcher, judge(items, documents, activities))
    assert table["hybrid"]["all"]["queries"] == 1 and table["hybrid"]["all"]["ndcg@10"] > 0.5
    assert table["bm25"]["off-topic declined"]["queries"] == 1
