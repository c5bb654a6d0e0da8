"""Facts about the Programme beyond its activity lists (ingest/facts.py), each with the sentence it came from:
when the Programme began, which countries completed or joined a phase, the main kinds of activity, the
beneficiary countries, and the Convention's working areas."""

from __future__ import annotations

import pytest

from ingest.facts import paragraph_facts, working_area_fact
from ingest.read import Segment
from ingest.records import Evidence, Fact, Mention
from ingest.reference import build_lexicon, load_reference

IAC = "https://w3id.org/iac/ontology#"
ID = "https://w3id.org/iac/id/"
PROGRAMME = ID + "programme"
ARM, GEO, KAZ = (ID + f"country/{code}" for code in ("ARM", "GEO", "KAZ"))
COUNTRIES = [("COUNTRY", "Armenia", ARM), ("COUNTRY", "Georgia", GEO), ("COUNTRY", "Kazakhstan", KAZ)]


@pytest.fixture(scope="module")
def lexicon():
    """The lexicon read off the ontology files (about 0.3 s; no models)."""
    return build_lexicon(load_reference())


def _mentions(text: str, specs) -> list[Mention]:
    out = []
    for kind, words, iri, *rest in specs:
        start = text.index(words)
        out.append(Mention(kind, start, start + len(words), words, iri, **(rest[0] if rest else {})))
    return sorted(out, key=lambda m: m.start)


def _facts(lexicon, text: str, specs, kind: str = "paragraph") -> tuple[list[tuple], set[int]]:
    """(subject, predicate, object, datatype) of the facts of a one-sentence paragraph, and the sentences used."""
    out: list[Fact] = []
    used = paragraph_facts(Segment(kind, 0, len(text)), [(0, len(text))], _mentions(text, specs), text, lexicon, out)
    assert all(f.evidence == Evidence(0, len(text), text, kind) for f in out)  # each fact with its sentence
    return [(f.subject, f.predicate, f.object, f.datatype) for f in out], used


def test_the_year_the_programme_began(lexicon):
    text = "Since the Assistance and Cooperation Programme began in 2004, many activities took place."
    facts, _ = _facts(
        lexicon, text, [("PROGRAMME", "Assistance and Cooperation Programme", PROGRAMME), ("DATE", "2004", "", {"dates": ("2004", "2004")})]
    )
    assert facts == [(PROGRAMME, "https://schema.org/startDate", "2004", "gYear")]


@pytest.mark.parametrize(
    ("text", "date", "dates"),
    [
        pytest.param("In 2004 the Programme was established.", "2004", ("2004", "2004"), id="year-before-the-verb"),
        pytest.param("The Programme was launched in May 2004.", "May 2004", ("2004-05", "2004-05"), id="a-month-not-a-year"),
    ],
)
def test_no_start_year_without_a_year_after_the_verb(lexicon, text, date, dates):
    assert _facts(lexicon, text, [("PROGRAMME", "Programme", PROGRAMME), ("DATE", date, "", {"dates": dates})])[0] == []


def test_countries_that_completed_and_joined_phases(lexicon):
    text = "Armenia, Georgia and Kazakhstan have completed the preparatory phase and joined the implementation phase."
    facts, used = _facts(
        lexicon,
        text,
        [
            *COUNTRIES,
            ("PHASE", "preparatory phase", ID + "phase/preparatory"),
            ("PHASE", "implementation phase", ID + "phase/implementation"),
        ],
    )
    assert sorted(facts) == sorted(
        [(c, IAC + "completedPhase", ID + "phase/preparatory", None) for c in (ARM, GEO, KAZ)]
        + [(c, IAC + "joinedPhase", ID + "phase/implementation", None) for c in (ARM, GEO, KAZ)]
    )
    assert used == {0}  # the sentence is read: it tells no activity


def test_the_main_kinds_of_activity_of_the_implementation_phase(lexicon):
    text = "The main activities are training sessions, in-field exercises and a workshop."
    facts, used = _facts(
        lexicon,
        text,
        [
            ("ACTIVITY", "training sessions", IAC + "TrainingSession", {"plural": True}),
            ("ACTIVITY", "in-field exercises", IAC + "InFieldExercise", {"plural": True}),
            ("ACTIVITY", "workshop", IAC + "Workshop"),  # one workshop: not a kind named in the plural
        ],
    )
    assert facts == [(ID + "phase/implementation", IAC + "activityType", IAC + c, None) for c in ("TrainingSession", "InFieldExercise")]
    assert used == {0}


def test_the_main_kinds_of_activity_of_a_phase_named_in_the_paragraph(lexicon):
    text = "In the preparatory phase the main activities are workshops."
    facts, _ = _facts(
        lexicon,
        text,
        [("PHASE", "preparatory phase", ID + "phase/preparatory"), ("ACTIVITY", "workshops", IAC + "Workshop", {"plural": True})],
    )
    assert facts == [(ID + "phase/preparatory", IAC + "activityType", IAC + "Workshop", None)]


def test_the_beneficiary_countries_of_the_programme(lexicon):
    text = "Under the Programme, fifteen countries are now beneficiaries: Armenia, Georgia and Kazakhstan."
    facts, used = _facts(lexicon, text, [("PROGRAMME", "Programme", PROGRAMME), *COUNTRIES])
    assert facts == [(PROGRAMME, IAC + "beneficiary", c, None) for c in (ARM, GEO, KAZ)]
    assert used == {0}


@pytest.mark.parametrize(
    ("text", "specs"),
    [
        pytest.param("The beneficiaries are Armenia and Georgia.", COUNTRIES[:2], id="no-programme-named"),
        pytest.param(
            "Under the Programme, the beneficiary is Armenia.", [("PROGRAMME", "Programme", PROGRAMME), COUNTRIES[0]], id="one-country"
        ),
    ],
)
def test_no_beneficiary_facts_without_the_programme_and_a_list(lexicon, text, specs):
    assert _facts(lexicon, text, specs) == ([], set())


def test_a_sentence_telling_an_activity_gives_no_fact(lexicon):
    text = "A workshop on safety was held in Armenia in 2004."
    assert _facts(
        lexicon, text, [("ACTIVITY", "workshop", IAC + "Workshop"), COUNTRIES[0], ("DATE", "2004", "", {"dates": ("2004", "2004")})]
    ) == ([], set())


def test_a_working_area_of_the_convention(lexicon):
    text = "Prevention of industrial accidents"
    mentions = _mentions(text, [("TOPIC", "Prevention", ID + "topic/prevention")])
    assert working_area_fact(Segment("list-item", 0, len(text)), mentions, text, lexicon) == [
        Fact(ID + "convention", IAC + "hasWorkingArea", ID + "topic/prevention", None, Evidence(0, len(text), text, "list-item"))
    ]


def test_a_topic_that_is_no_working_area_gives_no_fact(lexicon):
    text = "Land-use planning"
    mentions = _mentions(text, [("TOPIC", "Land-use planning", ID + "topic/land-use-planning")])
    assert working_area_fact(Segment("list-item", 0, len(text)), mentions, text, lexicon) == []
