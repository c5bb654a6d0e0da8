"""Page shapes (ingest/pages.py): which lines of a page state a fact about it ("Donor: Germany"), name who has
a role, or say when and where; and whether a page is an event's page by its metadata lines. (section,
key_value, dated_title, project_page and agenda_slot work through ingest.extract's reader, which needs the
models, so they are left to the model tests.)"""

from __future__ import annotations

import pytest

from ingest.pages import event_lines, fact_line, header_line, role_line
from ingest.read import Segment


def _spans(text: str, spans) -> list[str] | None:
    return None if spans is None else [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        pytest.param(
            "Сроки реализации: март 2022 г. – февраль 2024 г.", "Сроки реализации", "март 2022 г. – февраль 2024 г.", id="russian-period"
        ),
        pytest.param("Donor: Germany", "Donor", "Germany", id="donor"),
        pytest.param("Duration: 2022–2025", "Duration", "2022–2025", id="duration"),
        pytest.param("**Beneficiary countries:** Kazakhstan, Uzbekistan", "Beneficiary countries", "Kazakhstan, Uzbekistan", id="bold-key"),
        pytest.param("Bailleurs de fonds : Suisse", "Bailleurs de fonds", "Suisse", id="french-space-before-colon"),
    ],
)
def test_a_fact_line_gives_its_key_and_value(line, key, value):
    assert _spans(line, fact_line(line, Segment("list-item", 0, len(line)))) == [key, value]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Kick-off meeting: 9 March, Bishkek", id="an-activity-with-its-date"),
        pytest.param("Donor:Germany", id="no-space-after-colon"),
        pytest.param("Countries that took part in the first and second rounds: Armenia", id="key-of-many-words"),
        pytest.param("Germany funded the project.", id="no-key"),
    ],
)
def test_other_lines_state_no_fact(line):
    assert fact_line(line, Segment("list-item", 0, len(line))) is None


def test_a_fact_line_within_a_longer_text_gives_spans_of_that_text():
    text = "Project on safety\n\nFunding: Sweden"
    segment = Segment("metadata", text.index("Funding"), len(text))
    assert _spans(text, fact_line(text, segment)) == ["Funding", "Sweden"]


@pytest.mark.parametrize(
    ("line", "is_role"),
    [
        pytest.param("Funding: Sweden", True, id="funding"),
        pytest.param("Partners: OSCE", True, id="partners"),
        pytest.param("Beneficiary countries: Armenia", True, id="beneficiaries"),
        pytest.param("Организатор: МЧС", True, id="russian-organiser"),
        pytest.param("Duration: 2022–2025", False, id="dates-name-no-one"),
        pytest.param("Budget: 100 000 EUR", False, id="budget"),
    ],
)
def test_a_role_line_names_who_has_a_role(line, is_role):
    assert (role_line(line, Segment("metadata", 0, len(line))) is not None) is is_role


@pytest.mark.parametrize(
    ("line", "is_header"),
    [
        pytest.param("Date: 05.06.2024 – 07.06.2024 | Location: Rustavi", True, id="date-and-location"),
        pytest.param("Место проведения: Тбилиси", True, id="russian-venue"),
        pytest.param("Lieu : Genève", True, id="french-venue"),
        pytest.param("**Venue:** Minsk", True, id="bold-key"),
        pytest.param("The date: none", False, id="key-not-first"),
        pytest.param("Dates: " + "10 May 2024, " * 15, False, id="too-long-for-a-header-line"),
    ],
)
def test_header_line(line, is_header):
    assert header_line(line, Segment("metadata", 0, len(line))) is is_header


def test_a_metadata_line_keyed_dates_makes_an_event_page():
    text = "Workshop on safety\nDates: 16-17 April 2024"
    assert event_lines(text, (Segment("title", 0, 18), Segment("metadata", 19, len(text))))


def test_a_two_cell_table_row_keyed_venue_makes_an_event_page():
    text = "Venue | Rustavi, Georgia"
    assert event_lines(text, (Segment("table-row", 0, len(text), ((0, 5), (8, len(text)))),))


def test_a_page_of_prose_is_no_event_page():
    text = "Workshop on safety\n\nThe dates: to be announced."
    assert not event_lines(text, (Segment("title", 0, 18), Segment("paragraph", 20, len(text))))


def test_only_the_first_lines_of_a_page_count():
    text = "x\n" * 12 + "Dates: 16-17 April 2024"
    segments = tuple(Segment("paragraph", 2 * i, 2 * i + 1) for i in range(12)) + (Segment("metadata", 24, len(text)),)
    assert not event_lines(text, segments)
