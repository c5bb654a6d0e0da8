"""Where an activity's title starts and ends around its word (ingest/labels.py): modifiers to the left, a name
to the right cut before a verb, a date, a town or a clause; a project's closing list of beneficiary countries
and an event's closing state dropped; titles in capitals put in sentence case; a shorter naming of a title."""

from __future__ import annotations

import pytest

from ingest.labels import event, from_capitals, next_entity, same_name, title_span, trim_tail, word_before
from ingest.records import Mention

IAC = "https://w3id.org/iac/ontology#"
COUNTRY = "https://w3id.org/iac/id/country/"


def _mention(text: str, kind: str, words: str, iri: str = "") -> Mention:
    start = text.index(words)
    return Mention(kind, start, start + len(words), words, iri)


def _title(text: str, trigger: str, cls: str, *others: tuple[str, str, str]) -> str:
    """The title title_span finds around `trigger` (an activity of class cls) in the sentence text."""
    m = _mention(text, "ACTIVITY", trigger, IAC + cls)
    mentions = sorted([m, *(_mention(text, *o) for o in others)], key=lambda x: x.start)
    return title_span(text, m, mentions, 0, len(text))[0]


@pytest.mark.parametrize(
    ("text", "trigger", "cls", "others", "title"),
    [
        pytest.param(
            "the secretariat held a Subregional Workshop on Strengthening Industrial Safety in Central Asia on 25-26 September 2018",
            "Workshop",
            "Workshop",
            [("REGION", "Central Asia", "r"), ("DATE", "25-26 September 2018", "")],
            "Subregional Workshop on Strengthening Industrial Safety in Central Asia",
            id="docstring-example",
        ),
        pytest.param(
            "National Policy Dialogue (NPD) on industrial safety was launched.",
            "Policy Dialogue",
            "PolicyDialogue",
            [],
            "National Policy Dialogue (NPD) on industrial safety",
            id="parenthesis-of-the-name-kept",
        ),
        pytest.param(
            "a national workshop to discuss the report was held", "workshop", "Workshop", [], "national workshop", id="event-purpose-cut"
        ),
        pytest.param(
            "a national workshop on the same project was held",
            "workshop",
            "Workshop",
            [],
            "national workshop",
            id="phrase-pointing-back-cut",
        ),
        pytest.param(
            "the UNECE project to strengthen safety started",
            "project",
            "Project",
            [("ORG", "UNECE", "org")],
            "UNECE project to strengthen safety",
            id="organisation-acronym-kept",
        ),
        pytest.param(
            "the upcoming training on land-use planning in Bishkek",
            "training",
            "TrainingSession",
            [("CITY", "Bishkek", "c")],
            "training on land-use planning",
            id="word-of-time-and-town-dropped",
        ),
        pytest.param(
            "experts met at a training on hazard maps held in May",
            "training",
            "TrainingSession",
            [],
            "training on hazard maps",
            id="cut-before-verb",
        ),
        pytest.param(
            "technical mission to Ashgabat took place",
            "mission",
            "TechnicalMission",
            [("CITY", "Ashgabat", "c")],
            "technical mission to Ashgabat",
            id="where-a-mission-goes-is-its-name",
        ),
    ],
)
def test_title_span_in_english(text, trigger, cls, others, title):
    assert _title(text, trigger, cls, *others) == title


def test_title_span_returns_offsets_of_the_title_and_bare_for_the_word_alone():
    text = "After the project ended, the national workshop on safety met."
    project = _mention(text, "ACTIVITY", "project", IAC + "Project")
    workshop = _mention(text, "ACTIVITY", "workshop", IAC + "Workshop")
    assert title_span(text, project, [project, workshop], 0, len(text)) == ("project", project.start, project.end, True)
    title, start, end, bare = title_span(text, workshop, [project, workshop], 0, len(text))
    assert (title, text[start:end], bare) == ("national workshop on safety", "national workshop on safety", False)


@pytest.mark.parametrize(
    ("text", "trigger", "cls", "title"),
    [
        pytest.param(
            "the project on tailings safety for Kazakhstan and Uzbekistan was launched",
            "project",
            "Project",
            "project on tailings safety",
            id="project-drops-its-beneficiaries",
        ),
        pytest.param(
            "the training on tailings safety for Kazakhstan and Uzbekistan was held",
            "training",
            "TrainingSession",
            "training on tailings safety for Kazakhstan and Uzbekistan",
            id="event-keeps-its-for-list",
        ),
        pytest.param(
            "the Project for Kazakhstan was launched", "Project", "Project", "Project for Kazakhstan", id="country-all-the-name-has"
        ),
    ],
)
def test_a_projects_closing_list_of_countries_is_dropped(text, trigger, cls, title):
    countries = [("COUNTRY", name, COUNTRY + name[:3].upper()) for name in ("Kazakhstan", "Uzbekistan") if name in text]
    assert _title(text, trigger, cls, *countries) == title


def test_a_projects_closing_region_stays():
    assert (
        _title("the project for Central Asia was launched", "project", "Project", ("REGION", "Central Asia", "r"))
        == "project for Central Asia"
    )


@pytest.mark.parametrize(
    ("text", "trigger", "others", "title"),
    [
        pytest.param(
            "the field exercise on response in the Republic of Moldova was held",
            "field exercise",
            [("COUNTRY", "Republic of Moldova", COUNTRY + "MDA")],
            "field exercise on response",
            id="republic-dropped",
        ),
        pytest.param(
            "the field exercise on response in Vornicesti was held",
            "field exercise",
            [],
            "field exercise on response",
            id="unknown-town-dropped",
        ),
    ],
)
def test_an_events_closing_state_or_town_is_dropped(text, trigger, others, title):
    assert _title(text, trigger, "InFieldExercise", *others) == title


def test_trim_tail_drops_a_russian_projects_countries():
    text = "проект по безопасности хвостохранилищ для Казахстана и Узбекистана"
    m = _mention(text, "ACTIVITY", "проект", IAC + "Project")
    mentions = [m, _mention(text, "COUNTRY", "Казахстана", COUNTRY + "KAZ"), _mention(text, "COUNTRY", "Узбекистана", COUNTRY + "UZB")]
    assert text[: trim_tail(text, m, mentions, len(text))] == "проект по безопасности хвостохранилищ"


def test_russian_titles_take_the_noun_phrase_and_drop_the_closing_republic():
    text = "В 2019 году прошёл национальный семинар по оценке рисков в Республике Казахстан."
    assert _title(text, "семинар", "Seminar", ("DATE", "2019 году", ""), ("COUNTRY", "Республике Казахстан", COUNTRY + "KAZ")) == (
        "национальный семинар по оценке рисков"
    )


@pytest.mark.parametrize(
    ("title", "label", "most", "same"),
    [
        pytest.param("Workshop on land-use planning in Armenia", "Workshop on land-use planning", 2, True, id="two-words-left-out"),
        pytest.param(
            "Workshop on land-use planning in the Republic of Armenia", "Workshop on land-use planning", 2, False, id="too-many-left-out"
        ),
        pytest.param(
            "Workshop on land-use planning in the Republic of Armenia", "Workshop on land-use planning", None, True, id="any-number"
        ),
        pytest.param(
            "Séminaire international sur l'aménagement du territoire",
            "séminaire sur l'aménagement du territoire",
            None,
            True,
            id="french-case-folded",
        ),
        pytest.param("Workshop on land-use planning", "Workshop on land-use planning", 2, False, id="the-same-words-is-not-shorter"),
        pytest.param("National workshop on safety", "workshop national", None, False, id="words-out-of-order"),
        pytest.param("National workshop on safety", "workshop", None, False, id="fewer-than-three-words"),
    ],
)
def test_same_name(title, label, most, same):
    assert same_name(title, label, most) is same


def test_from_capitals_writes_each_word_as_the_page_does():
    text = "TECHNICAL MISSION TO KYRGYZSTAN\n\nThe mission to Kyrgyzstan was technical. Experts from Kyrgyzstan met."
    assert from_capitals("TECHNICAL MISSION TO KYRGYZSTAN", text) == "Technical mission to Kyrgyzstan"


def test_from_capitals_lowers_words_the_page_never_writes_otherwise():
    assert from_capitals("NATIONAL WORKSHOP ON SAFETY", "NATIONAL WORKSHOP ON SAFETY") == "National workshop on safety"


def test_from_capitals_keeps_an_acronym_the_page_writes_in_capitals():
    text = "REPORT OF THE UNECE MISSION TO SERBIA\n\nThe UNECE mission visited Serbia. Experts of UNECE met in Serbia."
    assert from_capitals("REPORT OF THE UNECE MISSION TO SERBIA", text) == "Report of the UNECE mission to Serbia"


def test_word_before_is_the_last_word_lowercased_within_bounds():
    text = "After that, The workshop began."
    at = text.index("workshop")
    assert word_before(text, at, 0) == "the"
    assert word_before(text, at, at) == ""  # nothing between the sentence start and the word
    assert word_before("(Workshop", 1, 0) == "("


def test_projects_and_dialogues_are_not_events():
    assert event(Mention("ACTIVITY", 0, 8, "workshop", IAC + "Workshop"))
    assert not event(Mention("ACTIVITY", 0, 7, "project", IAC + "Project"))
    assert not event(Mention("ACTIVITY", 0, 15, "policy dialogue", IAC + "PolicyDialogue"))


def test_next_entity_passes_over_topics():
    mentions = [Mention("TOPIC", 10, 20, "land use"), Mention("CITY", 30, 35, "Minsk"), Mention("DATE", 40, 44, "2019")]
    assert next_entity(mentions, 5).text == "Minsk"
    assert next_entity(mentions, 45) is None
