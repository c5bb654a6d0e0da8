"""Every field of every activity of every bundled document, against the gold annotations in tests/data/gold."""

import json

import pytest
from conftest import DATA, corpus_files
from goldform import compact

from ingest.extract import extract
from ingest.read import read


@pytest.fixture(scope="module")
def extracted(models):
    return {p.name: compact(extract(read(p), models.nlp, models.lexicon)) for p in corpus_files()}


def _gold(name: str) -> dict:
    return json.loads((DATA / "gold" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [pytest.param(p.name, id=p.name) for p in corpus_files()])
def test_activities_match_gold(extracted, name):
    gold, got = _gold(name), extracted[name]

    def key(a):
        return (a["label"], a["start"] or "")

    gold_by, got_by = {key(a): a for a in gold["activities"]}, {key(a): a for a in got["activities"]}
    assert sorted(got_by) == sorted(gold_by), "activities found differ from gold"
    for k, expected in gold_by.items():
        for field, value in expected.items():
            assert got_by[k][field] == value, f"{name}: {k[0]!r}: field {field}"


@pytest.mark.parametrize("name", [pytest.param(p.name, id=p.name) for p in corpus_files()])
def test_facts_match_gold(extracted, name):
    assert extracted[name]["facts"] == _gold(name)["facts"]


def test_every_document_has_gold():
    assert sorted(p.name + ".json" for p in corpus_files()) == sorted(p.name for p in (DATA / "gold").iterdir())


def test_seed_page_has_all_34_activities(extracted):
    seed = extracted["implementation-phase-activities.txt"]["activities"]
    assert len(seed) == 34
    assert all(a["start"] for a in seed if a["type"] != "Project")


def _find(extracted, name, label_start):
    found = [a for a in extracted[name]["activities"] if a["label"].startswith(label_start)]
    assert len(found) == 1, label_start
    return found[0]


def test_geneva_workshop_benefits_its_countries_not_switzerland(extracted):
    a = _find(extracted, "implementation-phase-activities.txt", "Awareness-raising workshop for Kyrgyzstan")
    assert a["beneficiaries"] == ["KGZ", "UZB"] and a["place"] == "place:geneva-ch"


def test_financed_by_makes_a_donor(extracted):
    a = _find(extracted, "tmf-pilot-kazakhstan-2018.html", "Pilot project")
    assert a["donors"] == ["CHE"] and "CHE" not in a["beneficiaries"]


def test_city_alone_resolves_to_its_country(extracted):
    a = _find(extracted, "implementation-phase-activities.txt", "Training session on Safety management system")
    assert a["place"] == "place:belgrade-rs" and a["beneficiaries"] == ["SRB"]


def test_online_is_online(extracted):
    a = _find(extracted, "implementation-phase-activities.txt", "Meeting between representatives of Azerbaijan")
    assert a["online"] is True and a["place"] is None


def test_experts_and_excluded_countries_are_not_beneficiaries(extracted):
    split = _find(extracted, "split-inspection-training-2012.html", "three-day training session")
    assert {"DNK", "GBR"} <= set(split["partners"]) and not {"DNK", "GBR"} & set(split["beneficiaries"])
    meeting = _find(extracted, "programme-overview.pdf", "high-level commitment meeting")
    assert "ALB" not in meeting["beneficiaries"] and "TKM" not in meeting["beneficiaries"]


def test_exercises_are_part_of_the_danube_project(extracted):
    acts = extracted["danube-delta-exercises-2015.txt"]["activities"]
    project = _find(extracted, "danube-delta-exercises-2015.txt", "project on hazard")["label"]
    assert {a["type"]: a["part_of"] for a in acts if a["type"].endswith("Exercise")} == {
        "TableTopExercise": project,
        "InFieldExercise": project,
    }


def test_statutory_meetings_are_not_activities(extracted):
    labels = [a["label"] for a in extracted["programme-overview.pdf"]["activities"]]
    assert labels == ["high-level commitment meeting"]


def test_facts_beyond_activity_lists(extracted):
    facts = extracted["implementation-phase-activities.txt"]["facts"]
    joined = {s for s, p, o in facts if p == "joinedPhase" and o == "phase:implementation"}
    assert joined == {"ALB", "ARM", "AZE", "BLR", "BGR", "HRV", "GEO", "KAZ", "MKD", "MDA", "ROU", "SRB", "UKR", "UZB"}
    assert ["id:programme", "schema:startDate", "2004"] in facts
    assert sorted(o for s, p, o in facts if p == "hasWorkingArea") == sorted(
        ["identification", "notification", "prevention", "preparedness", "response", "public-information"]
    )
    assert sorted(o for s, p, o in facts if p == "activityType") == [
        "AdvisoryService",
        "Consultation",
        "InFieldExercise",
        "TrainingSession",
    ]


def test_generated_documents_yield_every_activity(models, tmp_path):
    """The benchmark generator writes lists, tables and press releases; every activity must come out,
    dated and with a beneficiary."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    found = []
    for path in generate(tmp_path, 90, per_doc=30, seed=7):
        found += extract(read(path), models.nlp, models.lexicon).activities
    assert len(found) == 90
    assert all(a.start and a.beneficiaries for a in found)
    assert sum(bool(a.donors) for a in found) >= 30  # tables and press releases name donors
