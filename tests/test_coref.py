"""Which activity a mention is (ingest/coref.py), the parts that read the words of a sentence: a quoted name
after the word, an open start ("from 2023"), a day of the event, a proposal rather than an activity held, a
restatement, a Russian title in another case, and whether a word on an event's page is that event.
(which_activity works through ingest.extract's reader, which needs the models: left to the model tests.)"""

from __future__ import annotations

import pytest

from ingest.coref import day_of_event, is_the_event, open_start, part_of_day, proposed, quoted_after, recommends, restated, same_words
from ingest.drafts import Draft
from ingest.records import Mention
from ingest.reference import build_lexicon, load_reference

IAC = "https://w3id.org/iac/ontology#"


@pytest.fixture(scope="module")
def lexicon():
    """The lexicon read off the ontology files (about 0.3 s; no models)."""
    return build_lexicon(load_reference())


def _mention(text: str, kind: str, words: str, iri: str = "", dates: tuple[str, str] | None = None) -> Mention:
    start = text.index(words)
    return Mention(kind, start, start + len(words), words, iri, dates=dates)


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        pytest.param(
            'the project "Strengthening mine tailings safety" started',
            "project",
            "Strengthening mine tailings safety",
            id="straight-quotes",
        ),
        pytest.param("the project entitled «Safety of tailings» began", "project", "Safety of tailings", id="entitled"),
        pytest.param(
            "проекта технического содействия «Укрепление безопасности» начался",
            "проекта",
            "Укрепление безопасности",
            id="russian-qualifiers",
        ),
        pytest.param("the project on safety began", "project", None, id="no-quotation"),
    ],
)
def test_quoted_after(text, word, name):
    span = quoted_after(text, _mention(text, "ACTIVITY", word, IAC + "Project"), len(text))
    assert (text[span[0] : span[1]] if span else None) == name


@pytest.mark.parametrize(
    ("before", "day", "begun"),
    [
        pytest.param("from ", True, True, id="from"),
        pytest.param("since the year ", True, True, id="since-the-year"),
        pytest.param("à partir de ", True, True, id="french"),
        pytest.param("начиная с ", True, True, id="russian"),
        pytest.param("launched in ", False, True, id="launched-before-a-year"),
        pytest.param("lancé en ", False, True, id="french-launched"),
        pytest.param("запущен в ", False, True, id="russian-launched"),
        pytest.param("launched in ", True, False, id="launched-before-a-day-is-not-open"),
        pytest.param("held in ", False, False, id="held"),
    ],
)
def test_open_start(before, day, begun):
    text = before + "2023"
    assert open_start(text, 0, len(before), day) is begun


@pytest.mark.parametrize(
    ("sentence", "day", "part"),
    [
        pytest.param("On the second day, participants visited a plant.", True, False, id="second-day"),
        pytest.param("The next two days were devoted to a joint visit.", True, False, id="next-two-days"),
        pytest.param("Во второй день участники посетили завод.", True, False, id="russian-second-day"),
        pytest.param("La dernière journée, une visite a eu lieu.", True, False, id="french-last-day-feminine"),
        pytest.param("One day will be devoted to a practical exercise.", True, False, id="one-day-devoted"),
        pytest.param("In the afternoon, a round table with operators took place.", True, True, id="afternoon"),
        pytest.param("Во второй половине дня прошёл круглый стол.", True, True, id="russian-afternoon"),
        pytest.param("The workshop lasted two days.", False, False, id="duration"),
        pytest.param("It opened on the second day of March.", False, False, id="a-date-not-a-day-of-it"),
    ],
)
def test_day_of_event_and_part_of_day(sentence, day, part):
    assert day_of_event(sentence, 0, len(sentence)) is day
    assert part_of_day(sentence, 0, len(sentence)) is part


def test_le_dernier_jour_is_a_day_of_the_event():
    sentence = "Le dernier jour, une visite a eu lieu."
    assert day_of_event(sentence, 0, len(sentence))


@pytest.mark.parametrize(
    ("sentence", "word", "is_proposal"),
    [
        pytest.param("Participants recommended a regional exercise.", "exercise", True, id="recommended"),
        pytest.param("The date of the next meeting was agreed.", "meeting", True, id="date-of-the-next"),
        pytest.param("The next meeting will be in May.", "meeting", True, id="next-meeting"),
        pytest.param("A study visit to Finland was proposed by Albania.", "study visit", True, id="proposed-after"),
        pytest.param("A field exercise is foreseen for 2025, subject to funding.", "field exercise", True, id="subject-to-funding"),
        pytest.param("Objectives: to test the plan in a field exercise.", "field exercise", True, id="statement-of-aims"),
        pytest.param("Участники рекомендовали провести семинар.", "семинар", True, id="russian-recommended"),
        pytest.param("Il est recommandé aux pays d'organiser un atelier.", "atelier", True, id="french-recommended"),
        pytest.param("The workshop took place in Minsk.", "workshop", False, id="held"),
        pytest.param("The second meeting took place in May.", "meeting", False, id="second-not-next"),
    ],
)
def test_proposed(sentence, word, is_proposal):
    assert proposed(sentence, 0, _mention(sentence, "ACTIVITY", word, IAC + "Meeting"), len(sentence)) is is_proposal


def test_an_item_of_a_list_of_recommendations_is_proposed():
    text = "The mission recommends that the Government:\n(a) organize a national training;"
    s = text.index("(a)")
    assert proposed(text, s, _mention(text, "ACTIVITY", "national training", IAC + "TrainingSession"), len(text))
    after = text + "\n\nThe national training took place in May."
    s = after.index("The national")
    assert not proposed(after, s, Mention("ACTIVITY", s + 4, s + 21, "national training"), len(after))  # a blank line ends the list


def test_recommends():
    assert recommends("Participants recommended a workshop.", 0, 36)
    assert recommends("Il est recommandé aux pays d'agir.", 0, 34)
    assert not recommends("Participants attended a workshop.", 0, 33)


@pytest.mark.parametrize(
    ("text", "title", "again"),
    [
        pytest.param("hosted a consultation, the second meeting", "second meeting", True, id="apposition"),
        pytest.param("hosted a consultation, a joint meeting", "joint meeting", True, id="indefinite-apposition"),
        pytest.param("hosted a consultation and a meeting", "meeting", False, id="a-second-activity"),
    ],
)
def test_restated(text, title, again):
    """The words before an activity's title end in an apposition: the one just named, named again."""
    assert restated(text, 0, text.rindex(title)) is again


@pytest.mark.parametrize(
    ("label", "other", "same"),
    [
        pytest.param("заключительном семинаре", "Заключительный семинар", True, id="another-case"),
        pytest.param(
            "первого заседания рабочей группы", "Первое заседание рабочей группы по безопасности", True, id="start-of-a-longer-title"
        ),
        pytest.param("миссию ЕЭК ООН", "Миссия по оценке", True, id="acronyms-aside"),
        pytest.param("национальный семинар", "Заключительный семинар", False, id="another-word"),
        pytest.param("вводный семинар проекта", "Вводный семинар", False, id="longer-than-the-other"),
    ],
)
def test_same_words(label, other, same):
    assert same_words(label, other) is same


def _event(label: str = "National workshop on land-use planning", start: str | None = "2019-05-14") -> Draft:
    return Draft(IAC + "Workshop", label, "title", False, start=start, end=start and "2019-05-15")


@pytest.mark.parametrize(
    ("sentence", "word", "cls", "label", "date", "is_it"),
    [
        pytest.param("The workshop gathered experts.", "workshop", "Workshop", "workshop", None, True, id="word-of-its-kind"),
        pytest.param(
            "The workshop on 14 May 2019 gathered experts.",
            "workshop",
            "Workshop",
            "workshop",
            ("14 May 2019", ("2019-05-14", "2019-05-14")),
            True,
            id="dated-within-it",
        ),
        pytest.param(
            "The workshop in May 2019 met.",
            "workshop",
            "Workshop",
            "workshop",
            ("May 2019", ("2019-05", "2019-05")),
            True,
            id="dated-by-its-month",
        ),
        pytest.param(
            "The workshop on 3 June 2020 gathered experts.",
            "workshop",
            "Workshop",
            "workshop",
            ("3 June 2020", ("2020-06-03", "2020-06-03")),
            False,
            id="dated-otherwise",
        ),
        pytest.param("A similar workshop will follow.", "workshop", "Workshop", "similar workshop", None, False, id="a-similar-one"),
        pytest.param("The field exercise was held.", "field exercise", "InFieldExercise", "field exercise", None, False, id="another-kind"),
        pytest.param("The activity gathered experts.", "activity", "Activity", "activity", None, True, id="a-superclass"),
    ],
)
def test_is_the_event(lexicon, sentence, word, cls, label, date, is_it):
    m = _mention(sentence, "ACTIVITY", word, IAC + cls)
    inside = [m] + ([_mention(sentence, "DATE", date[0], dates=date[1])] if date else [])
    assert is_the_event(_event(), lexicon, m, label, sorted(inside, key=lambda x: x.start)) is is_it


def test_the_second_workshop_on_the_second_workshops_page_is_it(lexicon):
    sentence = "The second workshop gathered experts."
    m = _mention(sentence, "ACTIVITY", "workshop", IAC + "Workshop")
    assert is_the_event(_event("Second workshop on land-use planning"), lexicon, m, "second workshop", [m])
    assert not is_the_event(_event("First workshop on land-use planning"), lexicon, m, "second workshop", [m])


def test_no_event_no_match(lexicon):
    m = Mention("ACTIVITY", 2, 10, "workshop", IAC + "Workshop")
    assert not is_the_event(None, lexicon, m, "workshop", [m])
