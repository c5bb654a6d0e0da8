"""Figures about a store for `iackg stats` (ingest/summary.py), counted on a tiny store written for the test:
documents, triples, activities, the countries they benefit (a region's members included), facts, and the
activities by their most specific kind."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace

from ingest.store import Store
from ingest.summary import summary

IAC = Namespace("https://w3id.org/iac/ontology#")
ID = Namespace("https://w3id.org/iac/id/")
SCHEMA = Namespace("https://schema.org/")


def _graph(*triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.fixture()
def store(tmp_path):
    store = Store(tmp_path / "store")
    ontology = _graph(
        (IAC.Activity, RDFS.label, Literal("Activity")),
        (IAC.Workshop, RDFS.subClassOf, IAC.Activity),
        (IAC.Workshop, RDFS.label, Literal("Workshop")),
        (IAC.Exercise, RDFS.subClassOf, IAC.Activity),
        (IAC.Exercise, RDFS.label, Literal("Exercise")),
        (IAC.InFieldExercise, RDFS.subClassOf, IAC.Exercise),
        (IAC.InFieldExercise, RDFS.label, Literal("In-field exercise")),
        (ID["country/ARM"], RDF.type, IAC.Country),
        (ID["country/GEO"], RDF.type, IAC.Country),
        (ID["country/KAZ"], RDF.type, IAC.Country),
        (ID["region/south-caucasus"], RDF.type, IAC.Region),
        (ID["region/south-caucasus"], IAC.member, ID["country/ARM"]),
        (ID["region/south-caucasus"], IAC.member, ID["country/GEO"]),
    )
    store.replace_graph("https://w3id.org/iac/id/graph/ontology/test.ttl", ontology)
    workshop, exercise = ID["activity/a"], ID["activity/b"]
    doc_a = _graph(  # every activity typed with its superclasses, as ingest.build writes it
        (workshop, RDF.type, IAC.Activity),
        (workshop, RDF.type, IAC.Workshop),
        (workshop, IAC.beneficiary, ID["country/KAZ"]),
        (ID["programme"], SCHEMA.startDate, Literal("2004")),
    )
    doc_b = _graph(
        (exercise, RDF.type, IAC.Activity),
        (exercise, RDF.type, IAC.Exercise),
        (exercise, RDF.type, IAC.InFieldExercise),
        (exercise, IAC.beneficiary, ID["region/south-caucasus"]),
        (workshop, RDF.type, IAC.Activity),
        (workshop, RDF.type, IAC.Workshop),  # the same workshop, told again
        (ID["convention"], IAC.hasWorkingArea, ID["topic/prevention"]),
        (ID["programme"], SCHEMA.startDate, Literal("2004")),  # the same fact, told again
    )
    store.replace_graph(str(ID["doc/a"]), doc_a)
    store.replace_graph(str(ID["doc/b"]), doc_b)
    yield store
    store.close()


def test_summary_of_a_small_store(store):
    assert summary(store) == {
        "documents": 2,
        "triples": 13 + 4 + 8,  # every triple of every graph, the ontology's included
        "activities": 2,  # the workshop told twice is one
        "countries_benefiting": 3,  # Kazakhstan, and Armenia and Georgia through their region
        "facts": 2,  # a fact told twice counts once; an activity's own statements are no facts
        "by_type": {"In-field exercise": 1, "Workshop": 1},  # each activity under its most specific kind only
    }


def test_summary_of_an_empty_store(tmp_path):
    store = Store(tmp_path / "empty")
    try:
        assert summary(store) == {"documents": 0, "triples": 0, "activities": 0, "countries_benefiting": 0, "facts": 0, "by_type": {}}
    finally:
        store.close()


def test_by_type_is_ordered_by_count_then_label(store):
    extra = _graph(*((ID[f"activity/w{i}"], RDF.type, t) for i in range(2) for t in (IAC.Activity, IAC.Workshop)))
    store.replace_graph(str(ID["doc/c"]), extra)
    assert list(summary(store)["by_type"].items()) == [("Workshop", 3), ("In-field exercise", 1)]
