"""Page layout of plain text (ingest/read_layout.py): page furniture dropped, running headers and footers
dropped but for the first that carries the document's symbol, and two-column bands read left column first."""

import pytest

from ingest.read_layout import BLANK, BREAK, Piece, is_furniture, layout


def _lines(raw: str) -> tuple[list[str], bool]:
    """The stream of layout(raw) as text: each piece's span of raw, and the markers."""
    stream, reordered = layout(raw)
    return [raw[x.start : x.end] if isinstance(x, Piece) else x for x in stream], reordered


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("-----", id="dashes"),
        pytest.param("__________", id="underscores"),
        pytest.param("===========", id="equals"),
        pytest.param("3", id="bare-number"),
        pytest.param("- 3 -", id="dashed-number"),
        pytest.param("Page 3 of 12", id="page-of"),
        pytest.param("p. 7", id="p-dot"),
        pytest.param("3/12", id="slash"),
        pytest.param("стр. 5", id="russian-page"),
        pytest.param("12 из 40", id="russian-of"),
    ],
)
def test_rules_and_page_numbers_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("2019", id="a-year"),
        pytest.param("Chapter 3", id="numbered-heading"),
        pytest.param("....", id="four-dots"),
        pytest.param("1. Introduction", id="numbered-paragraph"),
        pytest.param("", id="empty"),
    ],
)
def test_text_is_not_furniture(line):
    assert not is_furniture(line)


def test_a_page_without_furniture_reads_line_by_line():
    lines, reordered = _lines("Title\n\nFirst line\nsecond line\n")
    assert lines == ["Title", BLANK, "First line", "second line", BLANK]
    assert not reordered


def test_page_numbers_and_rules_are_dropped_where_they_stand():
    lines, _ = _lines("Text before.\n\n-----\n- 2 -\nText after.\n")
    assert [x for x in lines if x not in (BLANK, BREAK)] == ["Text before.", "Text after."]


def test_running_headers_go_but_the_first_line_with_the_symbol_stays():
    pages = ["Body of page one.", "Body of page two.", "Body of page three."]
    raw = "\f".join(f"ECE/CP.TEIA/2023/4\nAssistance Programme report      Page {i + 1} of 3\n\n{body}\n" for i, body in enumerate(pages))
    lines, _ = _lines(raw)
    assert [x for x in lines if x not in (BLANK, BREAK)] == ["ECE/CP.TEIA/2023/4", *pages]
    assert lines.count(BREAK) >= 2  # each form feed starts a new page


def test_a_running_header_is_compared_with_its_number_masked():
    raw = "\f".join(f"Report of the mission, page {n}\n\nText {word}.\n" for n, word in ((1, "one"), (2, "two"), (3, "three")))
    lines, _ = _lines(raw)
    assert [x for x in lines if x not in (BLANK, BREAK)] == ["Text one.", "Text two.", "Text three."]


def test_a_line_repeated_on_a_single_page_stays():
    """Without page breaks nothing runs from page to page: a repeated line is the text's own."""
    lines, _ = _lines("Agenda\n\nAgenda\n")
    assert lines.count("Agenda") == 2


COLUMNS = [
    ("The workshop in Minsk gathered", "The field exercise in Moldova"),
    ("experts from six countries of", "tested the joint response plan"),
    ("the region to discuss safety.", "of the two neighbouring states."),
    ("Participants agreed on a plan", "Observers from Romania watched"),
    ("for the next two years of work.", "the exercise from the border."),
]


def test_two_columns_read_left_column_first():
    raw = "Two stories\n\n" + "\n".join(f"{left:<40}{right}" for left, right in COLUMNS) + "\n"
    lines, reordered = _lines(raw)
    assert reordered
    text = [x for x in lines if x not in (BLANK, BREAK)]
    assert text == ["Two stories", *(left for left, _ in COLUMNS), *(right for _, right in COLUMNS)]
    at = lines.index(BREAK)  # a column break between them
    assert lines[at - 1] == COLUMNS[-1][0] and lines[at + 1] == COLUMNS[0][1]


def test_a_table_of_short_cells_is_not_read_as_columns():
    """Rows of dates and names beside longer text stay rows."""
    raw = (
        "\n".join(
            f"{day:<16}{what}"
            for day, what in (
                ("12 May", "Opening of the workshop and welcome words"),
                ("13 May", "Visit to the tailings facility at Kadji-Sai"),
                ("14 May", "Conclusions and closing of the workshop"),
            )
        )
        + "\n"
    )
    lines, reordered = _lines(raw)
    assert not reordered
    assert lines[0].startswith("12 May") and lines[0].endswith("welcome words")
