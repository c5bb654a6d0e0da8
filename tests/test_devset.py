"""The development set (tests/data/dev) and the held-out set (tests/data/heldout, which nobody tunes
extraction on): every document has gold, and the gold names only terms our ontology and reference data know
(places may be new towns: they are what the gazetteer must learn)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA

from ingest.reference import load_reference

DEV = DATA / "dev"
DOCS = sorted((DEV / "docs").iterdir())
GOLD = sorted((DEV / "gold").glob("*.json"))
HELDOUT = DATA / "heldout"
HELDOUT_DOCS = sorted((HELDOUT / "docs").iterdir())
HELDOUT_GOLD = sorted((HELDOUT / "gold").glob("*.json"))
HELDOUT2 = DATA / "heldout2"
HELDOUT2_DOCS = sorted((HELDOUT2 / "docs").iterdir())
HELDOUT2_GOLD = sorted((HELDOUT2 / "gold").glob("*.json"))
ALL_GOLD = GOLD + HELDOUT_GOLD + HELDOUT2_GOLD
ID = "https://w3id.org/iac/id/"


@pytest.fixture(scope="module")
def known() -> set[str]:
    graph = load_reference()
    return {str(s) for s in graph.subjects()}


@pytest.fixture(scope="module")
def gazetteer() -> set[str]:
    """The towns of ontology/gazetteer.ttl (read for the lexicon only, so not in the reference graph)."""
    from rdflib import Graph

    graph = Graph().parse(DATA.parent.parent / "ontology" / "gazetteer.ttl", format="turtle")
    return {str(s) for s in graph.subjects()}


def test_every_document_has_gold_and_the_set_is_large_enough():
    assert sorted(p.name for p in DOCS) == sorted(g.name[: -len(".json")] for g in GOLD)
    languages = [json.loads(g.read_text(encoding="utf-8"))["language"] for g in GOLD]
    assert len(GOLD) >= 60 and languages.count("ru") >= 15 and languages.count("fr") >= 6
    negatives = [g for g in GOLD if json.loads(g.read_text(encoding="utf-8"))["kind"] == "negative"]
    assert len(negatives) >= 8 and all(json.loads(g.read_text(encoding="utf-8"))["activities"] == [] for g in negatives)


def test_heldout_set_has_gold_for_every_document_and_its_mix():
    assert sorted(p.name for p in HELDOUT_DOCS) == sorted(g.name[: -len(".json")] for g in HELDOUT_GOLD)
    records = [json.loads(g.read_text(encoding="utf-8")) for g in HELDOUT_GOLD]
    languages = [r["language"] for r in records]
    assert (languages.count("en"), languages.count("ru"), languages.count("fr")) == (12, 7, 5)
    assert {r["format"] for r in records} == {"html", "md", "txt"}
    negatives = [r for r in records if r["kind"] == "negative"]
    assert len(negatives) == 4 and all(r["activities"] == [] for r in negatives)
    assert all(r["activities"] for r in records if r["kind"] != "negative")
    assert not {p.name for p in HELDOUT_DOCS} & {p.name for p in DOCS}


def test_second_heldout_set_has_gold_for_every_document_and_its_mix():
    assert sorted(p.name for p in HELDOUT2_DOCS) == sorted(g.name[: -len(".json")] for g in HELDOUT2_GOLD)
    records = [json.loads(g.read_text(encoding="utf-8")) for g in HELDOUT2_GOLD]
    languages = [r["language"] for r in records]
    assert (languages.count("en"), languages.count("ru"), languages.count("fr")) == (10, 6, 4)
    formats = [r["format"] for r in records]
    assert (formats.count("html"), formats.count("md"), formats.count("txt")) == (11, 5, 4)
    negatives = [r for r in records if r["kind"] == "negative"]
    assert len(negatives) == 3 and all(r["activities"] == [] for r in negatives)
    assert all(r["activities"] for r in records if r["kind"] != "negative")
    assert not {p.name for p in HELDOUT2_DOCS} & ({p.name for p in DOCS} | {p.name for p in HELDOUT_DOCS})


def _iri(short: str) -> str:
    if ":" in short:
        kind, name = short.split(":", 1)
        return f"{ID}{kind}/{name}"
    return f"{ID}country/{short}"


@pytest.mark.parametrize(
    "gold",
    ALL_GOLD,
    ids=[g.name for g in GOLD] + [f"heldout/{g.name}" for g in HELDOUT_GOLD] + [f"heldout2/{g.name}" for g in HELDOUT2_GOLD],
)
def test_gold_names_known_terms(gold: Path, known: set[str], gazetteer: set[str]):
    record = json.loads(gold.read_text(encoding="utf-8"))
    assert record["document"] == gold.name[: -len(".json")] and record["language"] in ("en", "ru", "fr")
    labels = {a["label"] for a in record["activities"]}
    for activity in record["activities"]:
        assert f"https://w3id.org/iac/ontology#{activity['type']}" in known, activity["type"]
        for field in ("beneficiaries", "donors", "partners", "hosts"):
            for name in activity[field]:
                assert _iri(name) in known, (field, name)
        for topic in activity["topics"] + activity["working_areas"]:
            assert f"{ID}topic/{topic}" in known, topic
        assert activity["place"] is None or activity["place"].startswith("place:")
        if gold in HELDOUT_GOLD and activity["place"] is not None:  # held-out venues are towns the reference data knows
            assert _iri(activity["place"]) in known, activity["place"]
        if gold in HELDOUT2_GOLD and activity["place"] is not None:  # second held-out set: reference places or gazetteer towns
            assert _iri(activity["place"]) in known or _iri(activity["place"]) in gazetteer, activity["place"]
        assert activity["part_of"] is None or activity["part_of"] in labels
        for field in ("start", "end"):
            value = activity[field]
            assert value is None or len(value) in (4, 7, 10), (field, value)
