"""Extraction quality (ingest/evaluate_extract.py, `iackg eval extract`): scoring on hand-made pairs,
then the command on small fixtures and on the bundled corpus's own gold."""

import json

import pytest
from conftest import CORPUS, DATA

from ingest.evaluate_extract import Gold, align, compact, compare, markdown, metrics, score_document, similarity, summarise
from server.cli import main

FIXTURES = DATA / "evalfixtures"


def act(label, type="Workshop", start="2019-11-20", end=None, place=None, beneficiaries=(), topics=()):
    return {
        "type": type,
        "label": label,
        "start": start,
        "end": end,
        "place": place,
        "beneficiaries": list(beneficiaries),
        "topics": list(topics),
    }


def gold(*activities, language="en", fmt="txt", document="doc.txt"):
    return Gold(f"{document}.json", document, language, fmt, "", tuple(activities))


WORKSHOP = act(
    "Workshop on tailings safety",
    start="2019-11-20",
    end="2019-11-21",
    place="place:almaty-kz",
    beneficiaries=["KAZ", "KGZ"],
    topics=["tailings"],
)
TRAINING = act("Training on land-use planning", type="TrainingSession", start="2017-03-14", beneficiaries=["MKD"])


def figures(scored, name):
    return metrics(name, scored.tallies[name])


def test_exact_match_scores_one_everywhere():
    scored = score_document(gold(WORKSHOP, TRAINING), [dict(TRAINING), dict(WORKSHOP)])
    assert scored.errors == ()
    for name in ("activity", "type", "label", "start", "place", "beneficiaries", "topics"):
        m = figures(scored, name)
        assert m["strict"]["f1"] == m["partial"]["f1"] == 1.0, name
    end = figures(scored, "end")  # TRAINING has no end on either side: not counted
    assert end["counts"] == {"correct": 1, "incorrect": 0, "partial": 0, "missed": 0, "spurious": 0}


def test_a_missing_activity_lowers_recall_only():
    scored = score_document(gold(WORKSHOP, TRAINING), [dict(WORKSHOP)])
    m = figures(scored, "activity")["strict"]
    assert (m["precision"], m["recall"]) == (1.0, 0.5) and m["f1"] == pytest.approx(2 / 3)
    assert [(e.label, e.field, e.kind) for e in scored.errors] == [(TRAINING["label"], "activity", "missed")]
    assert figures(scored, "type")["strict"]["f1"] == 1.0  # fields are scored over the pairs only


def test_a_spurious_activity_lowers_precision_only():
    extra = act("Meeting of the Bureau", type="Meeting", start="2005-02-01")
    scored = score_document(gold(WORKSHOP), [extra, dict(WORKSHOP)])
    m = figures(scored, "activity")["strict"]
    assert (m["precision"], m["recall"]) == (0.5, 1.0)
    assert [(e.label, e.kind, e.predicted) for e in scored.errors] == [(extra["label"], "spurious", extra["label"])]


@pytest.mark.parametrize(
    "gold_date, got, outcome",
    [
        pytest.param("2019-11-20", "2019-11-20", "correct", id="equal"),
        pytest.param("2019-11", "2019-11-20", "partial", id="prefix"),
        pytest.param("2019-11-20", "2019-12-01", "partial", id="same-year"),
        pytest.param("2019-11-20", "2018-11-20", "incorrect", id="other-year"),
        pytest.param("2019", None, "missed", id="missed"),
        pytest.param(None, "2019", "spurious", id="spurious"),
        pytest.param(None, None, None, id="absent-from-both"),
    ],
)
def test_dates_strict_and_partial(gold_date, got, outcome):
    assert compare("start", gold_date, got) == outcome


def test_a_wrong_date_gets_half_credit_in_partial():
    scored = score_document(gold(WORKSHOP), [dict(WORKSHOP, start="2019-11")])
    m = figures(scored, "start")
    assert m["strict"]["f1"] == 0.0 and m["partial"]["f1"] == 0.5
    assert [(e.field, e.kind, e.gold, e.predicted) for e in scored.errors] == [("start", "partial", "2019-11-20", "2019-11")]


def test_titles_strict_after_normalising_partial_by_token_overlap():
    assert compare("label", "Workshop on  Tailings", "workshop on tailings") == "correct"
    assert compare("label", "Workshop on tailings safety", "workshop on tailings") == "partial"
    assert compare("label", "Workshop on tailings safety", "Seminar in Almaty") == "incorrect"
    assert compare("type", "Workshop", "Seminar") == "incorrect"


def test_set_fields_micro_over_members_strict_over_sets():
    predicted = dict(WORKSHOP, beneficiaries=["KAZ"], topics=["tailings", "land-use-planning"])
    scored = score_document(gold(WORKSHOP), [predicted])
    benef, topics = figures(scored, "beneficiaries"), figures(scored, "topics")
    assert benef["strict"]["f1"] == 0.0 and topics["strict"]["f1"] == 0.0  # the sets differ
    assert (benef["partial"]["precision"], benef["partial"]["recall"]) == (1.0, 0.5)
    assert (topics["partial"]["precision"], topics["partial"]["recall"]) == (0.5, 1.0)
    assert benef["partial"]["f1"] == pytest.approx(2 / 3)
    assert compare("beneficiaries", ["KGZ", "KAZ"], ["KAZ", "KGZ"]) == "correct"
    assert compare("topics", [], ["tailings"]) == "spurious"


def test_alignment_pairs_by_similarity_one_to_one():
    first, second = act("Workshop on tailings", start="2018-05-01"), act("Workshop on tailings", start="2019-06-01")
    predicted = [
        act("Workshop on tailings", start="2019-06-01"),
        act("Workshop on tailings", start="2018-05-02"),
        act("Annual report of the Bureau", type="Report", start="2001"),
    ]
    for greedy in (False, True):
        assert align(predicted, [first, second], greedy=greedy) == [(0, 1), (1, 0)]
    assert similarity(predicted[2], first) < 0.45  # below the threshold: spurious, not paired


def test_a_russian_title_in_another_case_still_pairs_but_scores_as_written():
    gold, got = act("аналогичного проекта", type="Project"), act("аналогичный проект", type="Project")
    assert align([got], [gold]) == [(0, 0)]
    assert compare("title", gold["label"], got["label"]) != "correct"


def test_assignment_maximises_the_total_where_greedy_takes_the_best_pair_first():
    g = [
        act("safety training on tailings dams", type="TrainingSession", start="2019"),
        act("safety training", type="TrainingSession", start="2019"),
    ]
    p = [dict(g[0]), act("tailings dams", type="Workshop", start="2019")]
    assert align(p, g, greedy=True) == [(0, 0)]  # the exact pair first; nothing left above the threshold
    assert align(p, g) == [(0, 1), (1, 0)]  # two pairs: a larger total similarity


def test_figures_split_by_language_and_format():
    en = score_document(gold(WORKSHOP, language="en", fmt="txt"), [dict(WORKSHOP)])
    ru = score_document(gold(TRAINING, language="ru", fmt="pdf", document="b.pdf"), [])
    summary = summarise([en, ru])
    assert summary["all"]["activity"]["strict"]["recall"] == 0.5
    assert summary["language"]["en"]["activity"]["strict"]["recall"] == 1.0
    assert summary["language"]["ru"]["activity"]["strict"]["recall"] == 0.0
    assert summary["format"]["pdf"]["type"]["strict"]["f1"] is None  # no pairs: nothing to score
    table = markdown(summary)
    assert "| field | all P | all R | all F1 | all partial F1 | en P |" in table and "| ru partial F1 |" in table
    assert [line.split(" | ")[0] for line in table.splitlines()[2:]] == [
        "| activity",
        "| type",
        "| title",
        "| start",
        "| end",
        "| venue",
        "| beneficiaries",
        "| topics",
    ]


def test_goldform_uses_the_same_conversion():
    import goldform

    assert goldform.compact is compact


def run(runner, *args):
    return runner.invoke(main, ["eval", "extract", *map(str, args)], catch_exceptions=False)


@pytest.mark.slow  # (loads the real models through the CLI)
def test_cli_on_fixtures_reports_misses_and_partial_dates(runner):
    result = run(runner, "--gold", FIXTURES / "gold", "--show-errors")  # documents default to GOLD/../docs
    assert result.exit_code == 0, result.output
    assert "| activity | 1.000 | 0.667 | 0.800 |" in result.output
    assert "'follow-up workshop on land-use planning in Belgrade': activity missed" in result.output
    assert "start partial; gold '2017-03', extracted '2017-03-14'" in result.output
    data = json.loads(run(runner, "--gold", FIXTURES / "gold", "--json").output)
    assert sorted(data["results"]["format"]) == ["md", "txt"]
    assert data["results"]["format"]["md"]["activity"]["strict"]["f1"] == 1.0
    kinds = {(e["field"], e["kind"]) for e in data["errors"]}
    assert kinds == {("activity", "missed"), ("start", "partial"), ("beneficiaries", "incorrect")}


@pytest.mark.slow
def test_cli_on_the_corpus_gold_is_perfect(runner):
    """tests/test_extract.py asserts exact equality with this gold, so every figure is 1.0 (or None: absent)."""
    result = run(runner, "--gold", DATA / "gold", "--docs", CORPUS, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["documents"]) == 8 and data["errors"] == []
    groups = [data["results"]["all"], *data["results"]["language"].values(), *data["results"]["format"].values()]
    for figures_ in groups:
        for name, m in figures_.items():
            assert m["strict"]["f1"] in (1.0, None) and m["partial"]["f1"] in (1.0, None), name
    assert data["results"]["all"]["activity"]["counts"]["correct"] == 54


def test_cli_exit_2_names_the_unusable_gold(runner, tmp_path):
    result = runner.invoke(main, ["eval", "extract", "--gold", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "nowhere" in result.output
    (tmp_path / "broken.txt.json").write_text('{"document": "broken.txt", "activities": [', encoding="utf-8")
    result = runner.invoke(main, ["eval", "extract", "--gold", str(tmp_path)])
    assert result.exit_code == 2 and "broken.txt.json" in result.output
    (tmp_path / "broken.txt.json").write_text('{"document": "absent.txt", "activities": []}', encoding="utf-8")
    result = runner.invoke(main, ["eval", "extract", "--gold", str(tmp_path), "--docs", str(tmp_path)])
    assert result.exit_code == 2 and "broken.txt.json" in result.output and "absent.txt" in result.output
