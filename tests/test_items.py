"""List items and table rows naming one activity each (ingest/items.py): an item's title, cut before its venue,
dates or remark, and the role of each column of a table from its header. (list_item and table_item make
activities through ingest.extract's reader, which needs the models, so they are left to the model tests.)"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ingest.items import header_roles, item_title
from ingest.read import Segment
from ingest.records import Mention

IAC = "https://w3id.org/iac/ontology#"


def _title(text: str, *specs: tuple[str, str, str]) -> str:
    """item_title of the whole line text, with a mention for each (kind, words, iri)."""
    mentions = []
    for kind, words, iri in specs:
        start = text.index(words)
        mentions.append(Mention(kind, start, start + len(words), words, iri))
    return item_title(text, 0, len(text), sorted(mentions, key=lambda m: m.start))


WORKSHOP = ("ACTIVITY", "Workshop", IAC + "Workshop")


@pytest.mark.parametrize(
    ("text", "specs", "title"),
    [
        pytest.param(
            "**Workshop on safety reports** – Sofia, 17–18 March 2009",
            [WORKSHOP, ("CITY", "Sofia", "c"), ("DATE", "17–18 March 2009", "")],
            "Workshop on safety reports",
            id="leading-bold-span",
        ),
        pytest.param(
            "Workshop on safety reports, Sofia, 5 March 2019: what was agreed",
            [WORKSHOP, ("CITY", "Sofia", "c"), ("DATE", "5 March 2019", "")],
            "Workshop on safety reports",
            id="comma-before-town",
        ),
        pytest.param(
            "Workshop on land-use planning (Rustavi), 9–12 June 2020, postponed",
            [WORKSHOP, ("CITY", "Rustavi", "c"), ("DATE", "9–12 June 2020", "")],
            "Workshop on land-use planning",
            id="parenthesis-naming-the-venue",
        ),
        pytest.param(
            "Workshop on hazard mapping - Minsk", [WORKSHOP, ("CITY", "Minsk", "c")], "Workshop on hazard mapping", id="dash-before-town"
        ),
        pytest.param("Workshop on safety, held online", [WORKSHOP], "Workshop on safety", id="comma-before-remark"),
        pytest.param(
            "Atelier pour tous les pays, les 20 et 21 juin 2023",
            [("ACTIVITY", "Atelier", IAC + "Workshop"), ("DATE", "20 et 21 juin 2023", "")],
            "Atelier pour tous les pays",
            id="french-docstring-example",
        ),
        pytest.param(
            "Workshop on industrial safety, chemical accidents and land use",
            [WORKSHOP],
            "Workshop on industrial safety, chemical accidents and land use",
            id="comma-inside-the-name",
        ),
    ],
)
def test_an_items_title_ends_where_its_venue_dates_or_remark_begin(text, specs, title):
    assert _title(text, *specs) == title


@pytest.mark.parametrize(
    ("text", "specs", "title"),
    [
        pytest.param("A.1 Workshop on safety", [WORKSHOP], "Workshop on safety", id="letter-number"),
        pytest.param("2.3. Workshop on safety", [WORKSHOP], "Workshop on safety", id="section-number"),
        pytest.param("Activity 3: Workshop on safety", [WORKSHOP], "Workshop on safety", id="activity-number"),
        pytest.param("Spring 2024 – Workshop on safety", [WORKSHOP], "Workshop on safety", id="season"),
        pytest.param(
            "22 March 2023 – Workshop on safety", [WORKSHOP, ("DATE", "22 March 2023", "")], "Workshop on safety", id="date-and-dash"
        ),
        pytest.param("14/03/2023 – Workshop on safety", [WORKSHOP], "Workshop on safety", id="numeric-date"),
        pytest.param("Report of the Workshop on safety", [WORKSHOP], "Workshop on safety", id="report-of-the"),
    ],
)
def test_what_comes_before_an_items_title_is_passed_over(text, specs, title):
    assert _title(text, *specs) == title


def test_a_leading_number_stays_when_no_activity_follows():
    """Without an activity word after it, "2019" may be the title itself."""
    assert _title("2019 Annual report") == "2019 Annual report"


def test_a_projects_closing_list_of_countries_leaves_its_title():
    text = "Project on tailings safety for Kazakhstan and Uzbekistan"
    assert _title(text, ("ACTIVITY", "Project", IAC + "Project"), ("COUNTRY", "Kazakhstan", "kz"), ("COUNTRY", "Uzbekistan", "uz")) == (
        "Project on tailings safety"
    )


def test_markdown_markers_never_stay_in_a_title():
    assert _title("Workshop on *hazard* mapping", WORKSHOP) == "Workshop on hazard mapping"


def test_a_title_in_capitals_is_put_in_sentence_case():
    text = "REPORT OF THE TECHNICAL MISSION TO SERBIA\n\nThe mission visited Serbia in May."
    mentions = [Mention("ACTIVITY", 14, 31, "TECHNICAL MISSION", IAC + "TechnicalMission"), Mention("COUNTRY", 35, 41, "SERBIA", "rs")]
    assert item_title(text, 0, 41, mentions) == "Technical mission to Serbia"


def _header(*cells: str) -> dict[str, int]:
    text = " | ".join(cells)
    spans, pos = [], 0
    for cell in cells:
        spans.append((pos, pos + len(cell)))
        pos += len(cell) + 3
    return header_roles(SimpleNamespace(text=text), Segment("table-header", 0, len(text), tuple(spans)))


@pytest.mark.parametrize(
    ("cells", "roles"),
    [
        pytest.param(
            ("No.", "Activity", "Beneficiary countries", "Lead/supporting countries", "Dates"),
            {"label": 1, "beneficiaries": 2, "support": 3, "dates": 4},
            id="english-workplan",
        ),
        pytest.param(("**Activity**", "**When**", "**Where**"), {"label": 0, "dates": 1, "venue": 2}, id="exact-names-in-bold"),
        pytest.param(
            ("Мероприятие", "Страны-бенефициары", "Сроки", "Место"), {"label": 0, "beneficiaries": 1, "dates": 2, "venue": 3}, id="russian"
        ),
        pytest.param(
            ("Activité", "Pays bénéficiaires", "Bailleur", "Période", "Lieu"),
            {"label": 0, "beneficiaries": 1, "support": 2, "dates": 3, "venue": 4},
            id="french",
        ),
        pytest.param(
            ("Description", "Countries", "Timeframe", "City"), {"label": 0, "beneficiaries": 1, "dates": 2, "venue": 3}, id="by-word-stems"
        ),
        pytest.param(("Project", "Event"), {"label": 0}, id="first-of-a-role-wins"),
        pytest.param(("Title", "Symbol", "Languages"), {}, id="a-table-of-documents"),
    ],
)
def test_header_roles(cells, roles):
    assert _header(*cells) == roles
