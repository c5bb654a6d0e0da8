"""Plain text read into segments (ingest/read_text.py): paragraphs joined across lines and hyphens, headings,
list items and the title told apart, and a rebuilt text that reads again to the same segments."""

import pytest

from ingest.read_text import read_plain


def _read(raw: str) -> list[tuple[str, str]]:
    text, segments = read_plain(raw)
    return [(s.kind, text[s.start : s.end]) for s in segments]


def test_an_untouched_text_is_kept_and_segments_are_spans_of_it():
    raw = "Report on the workshop\n\nThe workshop took place in Minsk.\n\n- first item\n- second item\n"
    text, segments = read_plain(raw)
    assert text == raw
    assert [(s.kind, text[s.start : s.end], s.group) for s in segments] == [
        ("title", "Report on the workshop", -1),
        ("paragraph", "The workshop took place in Minsk.", -1),
        ("list-item", "first item", 1),
        ("list-item", "second item", 1),
    ]


def test_headings_are_short_blocks_without_closing_punctuation():
    assert _read("Title of the report\n\nBody text comes first.\n\nIntroduction\n\nMore body text.\n") == [
        ("title", "Title of the report"),
        ("paragraph", "Body text comes first."),
        ("heading", "Introduction"),
        ("paragraph", "More body text."),
    ]


def test_the_title_is_the_longest_unnumbered_heading_above_the_body():
    assert _read("ECE/CP.TEIA/2023/4\n\n1. Scope\n\nReport of the technical mission to Tajikistan\n\nThe mission met.\n")[2] == (
        "title",
        "Report of the technical mission to Tajikistan",
    )


@pytest.mark.parametrize(
    ("raw", "paragraph"),
    [
        pytest.param(
            "A work-\nshop on the assess-\nment of hazards.\n", "A workshop on the assessment of hazards.", id="broken-words-joined"
        ),
        pytest.param("A table-\ntop exercise.\n", "A table-top exercise.", id="known-second-part-kept"),
        pytest.param("A cross-\nborder exercise.\n", "A cross-border exercise.", id="known-first-part-kept"),
        pytest.param("Held in Drobeta-\nTurnu Severin.\n", "Held in Drobeta-Turnu Severin.", id="capital-after-hyphen-kept"),
        pytest.param("Land-use maps.\n\nExperts in land-\nuse met.\n", "Experts in land-use met.", id="hyphenated-elsewhere-kept"),
        pytest.param("Firefighters came.\n\nThe fire-\nfighters left.\n", "The firefighters left.", id="written-whole-elsewhere-joined"),
        pytest.param("Вопросы промышлен-\nной безопасности.\n", "Вопросы промышленной безопасности.", id="ru-broken-word-joined"),
        pytest.param("Список промышленно-\nопасных объектов.\n", "Список промышленно-опасных объектов.", id="ru-compound-adjective-kept"),
    ],
)
def test_hyphens_at_line_ends(raw, paragraph):
    assert ("paragraph", paragraph) in _read(raw)


def test_a_rebuilt_text_has_one_block_per_segment():
    text, segments = read_plain("Title\n\nThe work-\nshop met.\n\n- one\n- two\n")
    assert text == "Title\n\nThe workshop met.\n\n- one\n- two"  # items of one list on single lines, bullets kept
    assert [text[s.start : s.end] for s in segments] == ["Title", "The workshop met.", "one", "two"]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Title\n\nThe work-\nshop met.\n\n• one\n• two\n\n1. Numbered.\n", id="hyphens-and-lists"),
        pytest.param("\f".join(f"ECE/CP.TEIA/2023/4\n\nBody of page {n}.\n" for n in "abc"), id="pages"),
        pytest.param(
            "Heading\n\n"
            + "\n".join(
                f"{a:<40}{b}"
                for a, b in [
                    ("The workshop in Minsk gathered", "The field exercise in Moldova"),
                    ("experts from six countries of", "tested the joint response plan"),
                    ("the region to discuss safety.", "of the two neighbouring states."),
                    ("Participants agreed on a plan", "Observers from Romania watched"),
                ]
            )
            + "\n",
            id="two-columns",
        ),
        pytest.param("(a) first point;\n(b) second point.\n\nAfter the list.\n", id="lettered-items"),
    ],
)
def test_reading_the_text_read_gives_the_same_segments(raw):
    """read.resegment recovers a stored document's segments by reading its text again."""
    text, segments = read_plain(raw)
    assert read_plain(text) == (text, segments)


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        pytest.param("• one\n• two\n", ["one", "two"], id="bullets"),
        pytest.param("(a) one;\n(b) two.\n", ["one;", "two."], id="letters"),
        pytest.param("1) one\n2) two\n", ["one", "two"], id="numbers"),
        pytest.param("– one\n– two\n", ["one", "two"], id="en-dashes"),
        pytest.param("а) один;\nб) два.\n", ["один;", "два."], id="cyrillic-letters"),
    ],
)
def test_list_items_lose_their_bullets(raw, items):
    assert [body for kind, body in _read("Intro text here.\n\n" + raw) if kind == "list-item"] == items


def test_consecutive_items_share_a_group_and_a_new_list_starts_another():
    _, segments = read_plain("Intro text.\n\n- a\n- b\n\nMiddle text.\n\n- c\n")
    groups = [s.group for s in segments if s.kind == "list-item"]
    assert groups[0] == groups[1] != groups[2]


def test_a_title_in_capitals_wrapped_over_lines_is_one_title():
    raw = "TECHNICAL MISSION TO KYRGYZSTAN\nON THE IDENTIFICATION OF HAZARDOUS ACTIVITIES\n\nThe mission took place in May.\n"
    kind, title = _read(raw)[0]
    assert kind == "title" and " ".join(title.split()) == "TECHNICAL MISSION TO KYRGYZSTAN ON THE IDENTIFICATION OF HAZARDOUS ACTIVITIES"


def test_page_furniture_never_becomes_a_segment():
    assert _read("The text.\n\n- 2 -\n\nPage 3 of 12\n\n__________\n\nMore text.\n") == [
        ("paragraph", "The text."),
        ("paragraph", "More text."),
    ]


def test_a_paragraph_runs_on_across_a_page_break():
    raw = "The secretariat organised a workshop for the experts of\n\fthe six countries of the region in May.\n"
    assert ("paragraph", "The secretariat organised a workshop for the experts of the six countries of the region in May.") in _read(raw)
