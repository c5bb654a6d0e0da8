"""An HTML page read into text and segments (ingest/read_html.py): content blocks in order, navigation chrome
dropped, the declared language and the <title> kept, table cells, list groups and "Key: value" lines read."""

import pytest

from ingest.read_html import html_segments


def _read(raw: str) -> list[tuple[str, str]]:
    text, segments, _, _ = html_segments(raw)
    return [(s.kind, text[s.start : s.end]) for s in segments]


def test_blocks_become_segments_in_order_and_text_joins_them_with_blank_lines():
    raw = "<html><body><h1>Workshop  on\n safety</h1><p>It took <b>place</b> in Minsk.</p><h2>Results</h2><p>Agreed.</p></body></html>"
    text, segments, _, _ = html_segments(raw)
    assert text == "Workshop on safety\n\nIt took place in Minsk.\n\nResults\n\nAgreed."
    assert [(s.kind, text[s.start : s.end]) for s in segments] == [
        ("title", "Workshop on safety"),
        ("paragraph", "It took place in Minsk."),
        ("heading", "Results"),
        ("paragraph", "Agreed."),
    ]


def test_the_title_is_the_first_h1_else_the_first_heading():
    assert [k for k, _ in _read("<h2>Menu</h2><h1>Page</h1><h1>Again</h1><p>x</p>")] == ["heading", "title", "heading", "paragraph"]
    assert [k for k, _ in _read("<h2>First</h2><h3>Second</h3><p>x</p>")] == ["title", "heading", "paragraph"]


def test_navigation_chrome_is_dropped():
    raw = """<body><nav><a href="/">Home</a></nav><header>Site name</header><div role="navigation">Menu</div>
    <aside>Related</aside><script>var x = "<p>no</p>";</script><style>p {}</style><form><button>Search</button></form>
    <p>Content.</p><footer>Copyright</footer></body>"""
    assert _read(raw) == [("paragraph", "Content.")]


@pytest.mark.parametrize(
    ("head", "declared"),
    [
        pytest.param('<html lang="fr-FR">', "fr-FR", id="html-lang"),
        pytest.param('<html xml:lang="ru">', "ru", id="xml-lang"),
        pytest.param('<html><meta http-equiv="Content-Language" content="ru, en">', "ru", id="content-language-first"),
        pytest.param('<html><meta property="og:locale" content="fr_FR">', "fr_FR", id="og-locale"),
        pytest.param('<html><meta name="og:locale" content="en_GB">', "en_GB", id="og-locale-as-name"),
        pytest.param('<html lang=" "><meta property="og:locale" content="ru_RU">', "ru_RU", id="blank-lang-passed-over"),
        pytest.param("<html>", "", id="none"),
    ],
)
def test_the_declared_language_is_returned_as_written(head, declared):
    assert html_segments(f"{head}<body><p>Text.</p></body></html>")[2] == declared


def test_the_head_title_is_returned_on_one_line_and_is_not_content():
    text, _, _, title = html_segments("<html><head><title>Newsletter\n  No. 5, May 2019</title></head><body><p>Text.</p></body></html>")
    assert title == "Newsletter No. 5, May 2019" and "Newsletter" not in text
    assert html_segments("<p>Text.</p>")[3] == ""


def test_a_page_without_body_keeps_its_head_out_of_the_content():
    assert _read("<title>Page</title><p>Only this.</p>") == [("paragraph", "Only this.")]


def test_list_items_of_one_list_share_a_group():
    _, segments, _, _ = html_segments("<ul><li>One</li><li>Two</li></ul><ul><li>Three</li></ul><p>After.</p>")
    items = [s for s in segments if s.kind == "list-item"]
    assert items[0].group == items[1].group != items[2].group
    assert segments[-1].group == -1


def test_table_rows_give_cells_as_spans_of_the_text():
    raw = (
        "<table><thead><tr><th>Activity</th><th>Date</th><th>Venue</th></tr></thead>"
        "<tbody><tr><td>Workshop</td><td>May 2019</td><td>Minsk</td></tr><tr><td>Exercise</td><td>2020</td></tr></tbody></table>"
    )
    text, segments, _, _ = html_segments(raw)
    header, row, short = segments
    assert (header.kind, row.kind, short.kind) == ("table-header", "table-row", "table-row")
    assert header.group == row.group == short.group  # <thead> and <tbody>: one table
    assert text[row.start : row.end] == "Workshop | May 2019 | Minsk"
    assert [text[a:b] for a, b in row.cells] == ["Workshop", "May 2019", "Minsk"]
    assert len(short.cells) == 3 and text[short.cells[1][0] : short.cells[1][1]] == "2020"  # padded to the header's width


def test_a_definition_list_reads_as_key_value_lines():
    assert _read("<dl><dt>Donor</dt><dd>Germany</dd><dt>Venue:</dt><dd>Minsk</dd></dl>") == [
        ("metadata", "Donor: Germany"),
        ("metadata", "Venue: Minsk"),
    ]


def test_key_lines_split_by_br_are_metadata_lines():
    assert _read("<p>Dates: 1–2 May 2019<br>Venue: Minsk<br/>Organiser: UNECE</p>") == [
        ("metadata", "Dates: 1–2 May 2019"),
        ("metadata", "Venue: Minsk"),
        ("metadata", "Organiser: UNECE"),
    ]


def test_a_paragraph_broken_by_br_but_not_keyed_stays_one_paragraph():
    assert _read("<p>The workshop<br>took place in Minsk.</p>") == [("paragraph", "The workshop took place in Minsk.")]


def test_loose_text_between_blocks_is_a_paragraph_of_its_own():
    assert _read("<div><h2>News</h2>Some <em>loose</em> text<p>A paragraph.</p></div>") == [
        ("title", "News"),
        ("paragraph", "Some loose text"),
        ("paragraph", "A paragraph."),
    ]


def test_loose_link_text_alone_is_navigation():
    assert _read('<body><a href="#main">Skip to main content</a><p>Content.</p></body>') == [("paragraph", "Content.")]


def test_a_tag_list_becomes_one_tags_line():
    assert _read('<p>Text.</p><ul class="post-tags"><li>Dniester</li><li>Tailings</li></ul>') == [
        ("paragraph", "Text."),
        ("paragraph", "Tags: Dniester · Tailings"),
    ]


def test_comments_are_not_content():
    assert _read("<p>Text.<!-- hidden --></p><!-- also hidden -->") == [("paragraph", "Text.")]


def test_deeply_nested_elements_are_read_without_recursion():
    raw = "<div>" * 5000 + "<p>Deep.</p>" + "</div>" * 5000
    assert _read(raw) == [("paragraph", "Deep.")]
