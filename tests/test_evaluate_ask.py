"""The question harness (server/query/evaluate_ask.py): expected answers in each form, scoring of rows, a declined
question, and a clear error for a bad file."""

from __future__ import annotations

import json

import pytest
from conftest import gold_folder

from ingest.errors import IngestError
from server.query.evaluate_ask import _counts, expected, f1, load_questions, score, summary

C = "https://w3id.org/iac/id/country/"


def test_expected_answers_in_each_form():
    acts = {("a.html", "Workshop"): "https://w3id.org/iac/id/activity/x"}
    assert expected({"activities": [["a.html", "Workshop"], ["a.html", "Gone"]]}, acts) == (
        "entities",
        {"https://w3id.org/iac/id/activity/x", "missed:a.html:Gone"},
    )
    assert expected({"countries": ["KAZ"]}, {}) == ("entities", {C + "KAZ"})
    assert expected({"organisations_or_countries": ["SWE", "org:osce"]}, {}) == (
        "entities",
        {C + "SWE", "https://w3id.org/iac/id/org/osce"},
    )
    assert expected({"counts": {"KAZ": 5}}, {}) == ("counts", {"KAZ": 5})
    assert expected({"declined": True}, {}) == ("declined", set())


def test_rows_are_scored_by_their_entities_or_counts():
    countries = {"question": "q", "answer": {"countries": ["KAZ", "KGZ"]}}
    rows = [{"country": "Kazakhstan", "iso3": "KAZ"}, {"country": "Kyrgyzstan", "iso3": "KGZ"}]
    assert score(countries, True, "tmf-countries", rows, {}).right
    assert not score(countries, True, "tmf-countries", rows[:1], {}).right
    assert not score(countries, False, None, [], {}).right
    counts = {"question": "q", "answer": {"counts": {"KAZ": 2}}}
    assert _counts([{"c": C + "KAZ", "n": "2"}]) == {"KAZ": 2}
    assert score(counts, True, "t", [{"c": C + "KAZ", "n": "2"}], {}).right
    many = {"question": "q", "answer": {"counts": {"KAZ": 20, "KGZ": 10}}}
    assert score(many, True, "t", [{"c": C + "KAZ", "n": "22"}, {"c": C + "KGZ", "n": "11"}], {}).right  # within 15%
    assert not score(many, True, "t", [{"c": C + "KAZ", "n": "30"}, {"c": C + "KGZ", "n": "11"}], {}).right


def test_a_declined_question_is_right_only_when_nothing_fits():
    item = {"question": "What is the capital of France?", "intent": "off-topic", "answer": {"declined": True}}
    assert score(item, False, None, [], {}).right
    assert not score(item, True, "country-profile", [{"iso3": "FRA"}], {}).right
    assert score(item, True, "activities-by-country", [], {}).right  # a query that fits and finds nothing declines
    table = summary([score(item, False, None, [], {})])
    assert table["declined (expected)"]["right"] == 1.0 and table["intent:off-topic"]["questions"] == 1


def test_f1_of_sets():
    assert f1(set(), set()) == 1.0 and f1({"a"}, {"b"}) == 0.0 and f1({"a", "b"}, {"a"}) == pytest.approx(2 / 3)


def test_a_bad_questions_file_is_refused_by_name(tmp_path):
    path = tmp_path / "q.json"
    path.write_text(json.dumps([{"question": "q"}]), encoding="utf-8")
    with pytest.raises(IngestError, match="q.json"):
        load_questions(path)


def test_a_run_over_a_small_folder(models, tmp_path):
    from server.query.evaluate_ask import run

    docs, gold = gold_folder(
        tmp_path,
        {
            "a.md": "# Workshop on tailings safety in Almaty\n\nAlmaty, 12–13 May 2022. A national workshop on tailings safety"
            " for Kazakhstan was held in Almaty.\n",
        },
        {"a.md": [{"type": "Workshop", "label": "Workshop on tailings safety in Almaty", "start": "2022-05-12"}]},
    )
    questions = [
        {
            "question": "What activities took place in Kazakhstan?",
            "intent": "activities-by-country",
            "answer": {"activities": [["a.md", "Workshop on tailings safety in Almaty"]]},
        },
        {"question": "asdf qwerty zxcv", "intent": "off-topic", "answer": {"declined": True}},
    ]
    outcomes = run(questions, docs, gold, models)
    assert [o.right for o in outcomes] == [True, True]
    assert outcomes[0].template == "activities-by-country"
