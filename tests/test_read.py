"""Reading each format into text and segments, and refusing bad files with a message that names them."""

import pytest
from conftest import CORPUS

from ingest.errors import BadDocument
from ingest.read import read


def _texts(doc, kind):
    return [doc.text[s.start : s.end] for s in doc.segments if s.kind == kind]


def test_plain_text_paragraphs_and_list_items():
    doc = read(CORPUS / "implementation-phase-activities.txt")
    assert len(_texts(doc, "list-item")) == 6 + 34
    assert _texts(doc, "heading") == ["Activities and projects under the implementation phase of the Assistance and Cooperation Programme"]
    assert doc.text == (CORPUS / "implementation-phase-activities.txt").read_text(encoding="utf-8")


def test_hard_wrapped_paragraphs_are_joined():
    doc = read(CORPUS / "danube-delta-exercises-2015.txt")
    paragraphs = _texts(doc, "paragraph")
    assert paragraphs[0].startswith("The Republic of Moldova") and paragraphs[0].endswith("ecosystem.")
    assert doc.title.startswith("DANUBE DELTA")


def test_html_drops_navigation_chrome():
    doc = read(CORPUS / "tmf-pilot-kazakhstan-2018.html")
    assert "Home" not in doc.text and "Contact" not in doc.text and "©" not in doc.text
    assert doc.title == "Pilot project on tailings safety in Kazakhstan gets under way"
    assert len(_texts(doc, "list-item")) == 4


def test_html_entities_are_decoded():
    assert "(22–24 October 2012)" in read(CORPUS / "split-inspection-training-2012.html").text


def test_markdown_table_rows_and_metadata():
    doc = read(CORPUS / "workplan-2021-2022.md")
    header = next(s for s in doc.segments if s.kind == "table-header")
    assert [doc.text[a:b] for a, b in header.cells] == ["Activity", "Countries", "Support"]
    assert len([s for s in doc.segments if s.kind == "table-row"]) == 6
    event = read(CORPUS / "almaty-tailings-workshop-2019.md")
    assert _texts(event, "metadata")[0] == "**Dates:** 20–21 November 2019"


def test_pdf_text_boxes():
    doc = read(CORPUS / "programme-overview.pdf")
    assert doc.title.startswith("Assistance and Cooperation Programme")
    assert "1. Purpose" in _texts(doc, "heading")
    assert any("Fifteen countries are now beneficiaries" in p for p in _texts(doc, "paragraph"))


def test_segments_lie_inside_the_text():
    for path in CORPUS.iterdir():
        if path.name == "README.md":
            continue
        doc = read(path)
        for seg in doc.segments:
            assert 0 <= seg.start < seg.end <= len(doc.text)
            assert doc.text[seg.start : seg.end] == doc.text[seg.start : seg.end].strip()


def _pdf_bytes():
    return (CORPUS / "programme-overview.pdf").read_bytes()


@pytest.mark.parametrize(
    "name, data, words",
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.md", b"  \n\n ", "empty file", id="only-whitespace"),
        pytest.param("image.txt", bytes(range(256)) * 4, "binary data", id="binary"),
        pytest.param(
            "latin1.txt", "Chișinău, 2015 – café".encode("cp1250", errors="replace") + b"\xe9\xff", "not valid UTF-8", id="invalid-utf8"
        ),
        pytest.param("cut.pdf", None, "truncated PDF", id="truncated-pdf"),
        pytest.param("broken.pdf", b"%PDF-1.4\n1 0 obj <<\n%%EOF\n", "cannot parse PDF", id="broken-pdf"),
        pytest.param("fake.pdf", b"hello, I am not a PDF\n", "not a PDF", id="not-a-pdf"),
        pytest.param("report.docx", b"PK\x03\x04", "unsupported extension '.docx'", id="unsupported-extension"),
        pytest.param("tags.html", b"<html><body><nav>Home</nav></body></html>", "no text found", id="html-without-content"),
    ],
)
def test_bad_files_are_refused_by_name(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(_pdf_bytes()[:1500] if data is None else data)
    with pytest.raises(BadDocument) as caught:
        read(path)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_windows_line_endings_and_bom(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("\ufeffTitle line\r\n\r\nA workshop on 3 May 2019 in Minsk.\r\n".encode("utf-8"))
    doc = read(path)
    assert "\r" not in doc.text and doc.title == "Title line"


def test_an_overlong_line_is_cut_into_bounded_segments(tmp_path):
    from ingest.read import MAX_SEGMENT

    path = tmp_path / "one-line.txt"
    path.write_text(" ".join(["workshop in Almaty for Kyrgyzstan"] * 20_000))  # 680 kB, no newline
    document = read(path)
    assert len(document.segments) > 300
    assert all(0 < s.end - s.start <= MAX_SEGMENT for s in document.segments)
    assert all(document.text[s.start] != " " and document.text[s.end - 1] != " " for s in document.segments)


@pytest.mark.slow  # (a stress case)
def test_deeply_nested_html_reads(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "A workshop in Almaty." + "</div>" * 100_000 + "</body></html>")
    document = read(path)  # was quadratic: every div rescanned its subtree
    assert document.text == "A workshop in Almaty."


@pytest.mark.parametrize(
    "name",
    ["central-asia-workshop-2018.txt", "almaty-tailings-workshop-2019.md", "tmf-pilot-kazakhstan-2018.html", "programme-overview.pdf"],
)
def test_segments_are_recovered_from_the_stored_text(name):
    from ingest.read import resegment

    document = read(CORPUS / name)
    spans = [(s.start, s.end) for s in resegment(document.text, document.format)]
    assert spans == [(s.start, s.end) for s in document.segments]


# ----------------------------------------------------------------------------------------- real-document faults

SHORT_ROWS = {
    "short-rows.md": """# Work plan 2021-2022

| Activity | Countries | Support |
|---|---|---|
| Workshop on tailings safety in Almaty, October 2021 | Kazakhstan | Germany |
| Training session on industrial accidents |
| Seminar on land use planning, 2022 | Armenia | Switzerland | an extra cell |

| Countries | Activity |
|---|---|
| Georgia |
""",
    "short-rows.html": """<html><body><h1>Work plan 2021-2022</h1>
<table><thead><tr><th>Activity</th><th>Countries</th><th>Support</th></tr></thead><tbody>
<tr><td>Workshop on tailings safety in Almaty, October 2021</td><td>Kazakhstan</td><td>Germany</td></tr>
<tr><td>Training session on industrial accidents</td></tr>
<tr><td>Seminar on land use planning, 2022</td><td>Armenia</td><td>Switzerland</td><td>an extra cell</td></tr>
</tbody></table>
<table><tr><th>Countries</th><th>Activity</th></tr><tr><td>Georgia</td></tr></table>
</body></html>""",
}


def _ingest_one(tmp_path, models, name, text):
    from ingest.extract import extract
    from ingest.pipeline import ingest_paths
    from ingest.store import Store

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    store = Store(tmp_path / "store")
    outcomes = ingest_paths([path], store, models, embed=False)
    store.close()
    return outcomes, extract(read(path), models.nlp, models.lexicon)


@pytest.mark.parametrize("name", [pytest.param(n, id=n.split(".")[1]) for n in SHORT_ROWS])
def test_table_rows_shorter_or_longer_than_their_header_are_read(tmp_path, models, name):
    doc = read_text(tmp_path, name, SHORT_ROWS[name])
    for seg in doc.segments:
        if seg.kind == "table-row":  # missing cells are empty, extra ones kept
            assert len(seg.cells) >= 2 and all(seg.start <= a <= b <= seg.end for a, b in seg.cells)
    short = next(s for s in doc.segments if doc.text[s.start : s.end].strip("| ") == "Training session on industrial accidents")
    assert [doc.text[a:b] for a, b in short.cells] == ["Training session on industrial accidents", "", ""]
    outcomes, extraction = _ingest_one(tmp_path, models, name, SHORT_ROWS[name])
    assert [(o.status, o.activities) for o in outcomes] == [("ingested", 3)], outcomes
    labels = {a.label: a for a in extraction.activities}
    assert sorted(labels) == [
        "Seminar on land use planning, 2022",
        "Training session on industrial accidents",
        "Workshop on tailings safety in Almaty, October 2021",
    ]
    assert labels["Training session on industrial accidents"].beneficiaries == ()
    assert labels["Seminar on land use planning, 2022"].beneficiaries == ("https://w3id.org/iac/id/country/ARM",)


def read_text(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


TWO_TABLES = """# Work plan 2021-2022

| Activity | Countries |
|---|---|
| Workshop on tailings safety in Almaty, October 2021 | Kazakhstan |

| Name | Dates | Venue |
|---|---|---|
| Training session on industrial accidents | 3-5 May 2022 | Minsk |
"""


def test_two_markdown_tables_each_have_their_own_header(tmp_path, models):
    doc = read_text(tmp_path, "two-tables.md", TWO_TABLES)
    headers = [s for s in doc.segments if s.kind == "table-header"]
    assert [[doc.text[a:b] for a, b in h.cells] for h in headers] == [["Activity", "Countries"], ["Name", "Dates", "Venue"]]
    rows = [s for s in doc.segments if s.kind == "table-row"]
    assert [r.group for r in rows] == [h.group for h in headers] and headers[0].group != headers[1].group
    outcomes, extraction = _ingest_one(tmp_path, models, "two-tables.md", TWO_TABLES)
    assert [o.status for o in outcomes] == ["ingested"]
    header_cells = {doc.text[a:b] for h in headers for a, b in h.cells}
    assert not [a.label for a in extraction.activities if a.label in header_cells]
    training = next(a for a in extraction.activities if a.label == "Training session on industrial accidents")
    assert (training.start, training.end) == ("2022-05-03", "2022-05-05")  # the Dates column of the second header
    assert training.place == "https://w3id.org/iac/id/place/minsk-by"


LOOSE_TEXT = """<html><body><div id="main"><h2>Workshop in Almaty</h2>On <b>20 November 2019</b> a workshop on tailings
safety took place in Almaty, Kazakhstan.<p>More text follows here.</p>Closing words.</div></body></html>"""


def test_html_text_loose_in_a_div_between_blocks_is_a_paragraph(tmp_path, models):
    doc = read_text(tmp_path, "loose.html", LOOSE_TEXT)
    loose = "On 20 November 2019 a workshop on tailings safety took place in Almaty, Kazakhstan."
    assert [(s.kind, doc.text[s.start : s.end]) for s in doc.segments] == [
        ("title", "Workshop in Almaty"),
        ("paragraph", loose),
        ("paragraph", "More text follows here."),
        ("paragraph", "Closing words."),
    ]
    outcomes, extraction = _ingest_one(tmp_path, models, "loose.html", LOOSE_TEXT)
    assert [o.status for o in outcomes] == ["ingested"]
    workshop = next(a for a in extraction.activities if "workshop" in a.label.lower())
    assert (workshop.start, workshop.place) == ("2019-11-20", "https://w3id.org/iac/id/place/almaty-kz")
    start = doc.text.index(loose)
    assert any(start <= e.start and e.end <= start + len(loose) for e in workshop.evidence)
    assert all(doc.text[e.start : e.end] == e.exact for e in workshop.evidence)


def test_html_links_alone_between_blocks_are_not_content(tmp_path):
    doc = read_text(tmp_path, "skip.html", '<body><a href="#main">Skip to main content</a><div><p>A workshop in Almaty.</p></div></body>')
    assert doc.text == "A workshop in Almaty."


# ----------------------------------------------------------------------------------------- plain text laid out as pages


def _segments(tmp_path, text, name="report.txt"):
    from ingest.read import resegment

    doc = read_text(tmp_path, name, text)
    again = resegment(doc.text, "txt")  # what the store keeps reads back the same
    assert [(s.kind, s.start, s.end) for s in again] == [(s.kind, s.start, s.end) for s in doc.segments]
    return doc, [(s.kind, doc.text[s.start : s.end]) for s in doc.segments]


TWO_COLUMNS = """\
                    Report on a visit to the river basin
                          (Tiraspol, 4-6 May 2021)

1.  The delegation travelled        second day, together with the
to the basin at the request of      regional   authorities.
the national authorities. It        3.  A joint exercise is planned
met the   emergency  service.       for next year.

2.  Monitoring   stations   were
visited on the first and on the

                                 - 1 -
"""


def test_two_columns_are_read_left_then_right(tmp_path):
    doc, segments = _segments(tmp_path, TWO_COLUMNS)
    assert segments == [
        ("title", "Report on a visit to the river basin (Tiraspol, 4-6 May 2021)"),
        ("paragraph", "1. The delegation travelled to the basin at the request of the national authorities. It met the emergency service."),
        ("paragraph", "2. Monitoring stations were visited on the first and on the second day, together with the regional authorities."),
        ("paragraph", "3. A joint exercise is planned for next year."),
    ]


SAME_ROW_BREAK = """\
1. The first paragraph of the       3. The third paragraph
left column ends here.              starts at the top right.

2. The second paragraph sits        4. The fourth paragraph
below it on the left.               closes the page.
"""

HEADINGS_ROW = """\
1. Findings                         2. Proposals

Several gaps were found in the      The authorities should update
plans of both countries.            their plans every year.
"""


@pytest.mark.parametrize(
    "text, order",
    [
        pytest.param(SAME_ROW_BREAK, ["1.", "2.", "3.", "4."], id="numbers-in-order-down-the-page"),
        pytest.param(HEADINGS_ROW, ["1. Findings", "Several", "2. Proposals", "The authorities"], id="heading-row-over-columns"),
    ],
)
def test_a_blank_row_across_both_columns(tmp_path, text, order):
    _, segments = _segments(tmp_path, text)
    assert [s for _, s in segments] == [next(s for _, s in segments if s.startswith(o)) for o in order]


PAGES = """\
MINISTRY OF EMERGENCIES                                  Ref. 12/4
Summary of the training course

The course brought together twenty inspectors from
three regions, who practised the review of safety

Training course summary                               Page 1 of 2
\f
MINISTRY OF EMERGENCIES                                  Ref. 12/4
reports for chemical plants.

2. Next steps

Training course summary                               Page 2 of 2
"""


def test_running_headers_footers_and_page_numbers_are_dropped(tmp_path):
    doc, segments = _segments(tmp_path, PAGES)
    assert segments == [
        ("title", "Summary of the training course"),
        (
            "paragraph",
            "The course brought together twenty inspectors from three regions, who practised the review of "
            "safety reports for chemical plants.",
        ),
        ("heading", "2. Next steps"),
    ]
    assert "MINISTRY" not in doc.text and "Page" not in doc.text


SYMBOLLED = """\
                                                        ECE/CP.TEIA/2030/7
Report of the workshop on land-use planning

The workshop brought together planners from
four municipalities.

                                                              - 1 -
\f
ECE/CP.TEIA/2030/7
Page 2

They mapped the zones around two depots.
"""


def test_the_document_symbol_of_a_running_header_is_kept_once(tmp_path):
    """A search for a report's symbol finds it, though the symbol runs at the top of every page."""
    _, segments = _segments(tmp_path, SYMBOLLED)
    assert segments[:2] == [("heading", "ECE/CP.TEIA/2030/7"), ("title", "Report of the workshop on land-use planning")]
    assert [text for _, text in segments].count("ECE/CP.TEIA/2030/7") == 1 and not any("Page" in t for _, t in segments)


@pytest.mark.parametrize(
    "lines, joined",
    [
        pytest.param("the risk assess-\nment of the site.", "the risk assessment of the site.", id="broken-word"),
        pytest.param("a table-\ntop exercise was held.", "a table-top exercise was held.", id="compound"),
        pytest.param("held in Drobeta-\nTurnu Severin in June.", "held in Drobeta-Turnu Severin in June.", id="place-name"),
        pytest.param(
            "a follow-up visit and a second follow-\nup visit.", "a follow-up visit and a second follow-up visit.", id="seen-elsewhere"
        ),
        pytest.param("un plan d'aménage-\nment du territoire.", "un plan d'aménagement du territoire.", id="french"),
        pytest.param("провели командно-\nштабное учение и обу-\nчение.", "провели командно-штабное учение и обучение.", id="russian"),
    ],
)
def test_line_end_hyphens(tmp_path, lines, joined):
    _, segments = _segments(tmp_path, lines)
    assert segments == [("paragraph", joined)]


WRAPPED = """\
UNITED NATIONS
Economic Commission for Europe

National workshop on the prevention
of accidents at tailings dams

I. INTRODUCTION

The workshop took place in a hall of the ministry. It was opened by the deputy minister, who
recalled the accident of last spring at the dam upstream of the town and the work done since.
Participants came from five regions. They visited the dam and the new monitoring station, and
discussed how an alarm would reach the villages downstream.

Participants recommended:
• to update the inventory of tailings
  dams, region by region;
– to train the inspectors.

(a) a first item
(b) a second item
"""


def test_wrapped_lines_headings_title_and_list_items(tmp_path):
    _, segments = _segments(tmp_path, WRAPPED)
    assert segments == [
        ("heading", "UNITED NATIONS"),
        ("heading", "Economic Commission for Europe"),
        ("title", "National workshop on the prevention\nof accidents at tailings dams"),
        ("heading", "I. INTRODUCTION"),
        (
            "paragraph",
            "The workshop took place in a hall of the ministry. It was opened by the deputy minister, who\n"
            "recalled the accident of last spring at the dam upstream of the town and the work done since.\n"
            "Participants came from five regions. They visited the dam and the new monitoring station, and\n"
            "discussed how an alarm would reach the villages downstream.",
        ),
        ("paragraph", "Participants recommended:"),
        ("list-item", "to update the inventory of tailings\n  dams, region by region;"),
        ("list-item", "to train the inspectors."),
        ("list-item", "a first item"),
        ("list-item", "a second item"),
    ]


def test_a_clean_text_keeps_the_file_text_and_russian_reads_alike(tmp_path):
    text = "Семинар по планированию\n\nСеминар прошел в Минске 3 мая 2019 г. при\nподдержке секретариата.\n"
    doc, segments = _segments(tmp_path, text)
    assert doc.text == text
    assert segments == [
        ("title", "Семинар по планированию"),
        ("paragraph", "Семинар прошел в Минске 3 мая 2019 г. при\nподдержке секретариата."),
    ]


def test_rows_of_cells_and_justified_text_are_not_columns(tmp_path):
    rows = [
        "12 May 2021 Opening of the workshop in Minsk",
        "13 May 2021 Visit to a chemical plant",
        "14 May 2021 Closing session and evaluation",
    ]
    table = "Programme\n\n" + "".join(row.replace("2021 ", "2021" + " " * 10, 1) + "\n" for row in rows)
    _, segments = _segments(tmp_path, table)
    assert [s for _, s in segments][1:] == rows
    justified = "\n".join(
        [
            "The  experts  visited   the   site   and   met   the   operator   of   the   plant   there,",
            "then   the   inspectors   of   the   region   and   the   staff   of   the   rescue   service",
            "who   explained   how   the   alarm   is   given   to   the   people   who   live   nearby.",
            "Each   visit   was   followed   by   a   short   debriefing   with   the   national   team.",
        ]
    )
    _, segments = _segments(tmp_path, justified)
    assert [k for k, _ in segments] == ["paragraph"] and segments[0][1].startswith("The experts visited the site")


# ----------------------------------------------------------------------------------------- language

RU_TEXT = "Семинар по безопасности хвостохранилищ прошёл в Бишкеке 12 мая 2021 года при поддержке секретариата."
FR_TEXT = "L'atelier sur la sécurité des installations de stockage de résidus a eu lieu à Tachkent, pour les experts du pays."
EN_TEXT = "The workshop on the safety of tailings management facilities was held in Tashkent with the experts of the country."


@pytest.mark.parametrize(
    "name, text, expected",
    [
        pytest.param("ru.html", f'<html lang="ru"><body><p>{EN_TEXT}</p></body></html>', "ru", id="html-lang-ru"),
        pytest.param("fr.html", f'<html lang="fr-FR"><body><p>{EN_TEXT}</p></body></html>', "fr", id="html-lang-fr-FR"),
        pytest.param(
            "meta.html",
            f'<html><head><meta http-equiv="Content-Language" content="ru"></head><body><p>{EN_TEXT}</p></body></html>',
            "ru",
            id="html-meta-content-language",
        ),
        pytest.param(
            "og.html",
            f'<html><head><meta property="og:locale" content="fr_FR"></head><body><p>{EN_TEXT}</p></body></html>',
            "fr",
            id="html-og-locale",
        ),
        pytest.param("bare.html", f"<html><body><p>{RU_TEXT}</p></body></html>", "ru", id="html-without-lang-detected"),
        pytest.param("ru.md", f"# Семинар в Бишкеке\n\n{RU_TEXT}\n", "ru", id="markdown-ru"),
        pytest.param("fr.txt", f"Atelier à Tachkent\n\n{FR_TEXT}\n", "fr", id="text-fr"),
        pytest.param("en.txt", f"Workshop in Tashkent\n\n{EN_TEXT}\n", "en", id="text-en"),
    ],
)
def test_document_language(tmp_path, name, text, expected):
    assert read_text(tmp_path, name, text).language == expected


def test_corpus_documents_have_a_language():
    for path in CORPUS.iterdir():
        if path.name != "README.md":
            assert read(path).language in ("en", "ru", "fr"), path.name


def test_key_lines_split_by_br_are_metadata_lines(tmp_path):
    path = tmp_path / "event.html"
    path.write_text(
        "<html><body><h1>Joint exercise on the Dniester</h1><p>Dates: 11 October 2016<br>Venue: Soroca, "
        "Republic of Moldova<br>Participants: civil protection authorities</p><p>A line<br>and its wrap.</p></body></html>",
        encoding="utf-8",
    )
    document = read(path)
    kinds = [(s.kind, document.text[s.start : s.end]) for s in document.segments]
    assert kinds == [
        ("title", "Joint exercise on the Dniester"),
        ("metadata", "Dates: 11 October 2016"),
        ("metadata", "Venue: Soroca, Republic of Moldova"),
        ("metadata", "Participants: civil protection authorities"),
        ("paragraph", "A line and its wrap."),
    ]


def test_markdown_thematic_breaks_and_loose_lists(tmp_path):
    text = (
        "# Agenda\n\n1. **Opening** of the meeting.\n\n2. **Road map** for 2024.\n\n"
        "---\nWorking languages are English and Russian.\n\nSafety reports\n---\n\nThe text.\n"
    )
    segments = [(s.kind, s.group, text[s.start : s.end]) for s in read_text_segments(tmp_path, text)]
    assert segments == [
        ("title", -1, "Agenda"),
        ("list-item", 1, "**Opening** of the meeting."),
        ("list-item", 1, "**Road map** for 2024."),  # items parted by blank lines are one list
        ("heading", -1, "---"),  # a break ends the section above it; the line under it is text
        ("paragraph", -1, "Working languages are English and Russian."),
        ("heading", -1, "Safety reports"),  # a setext heading's underline
        ("paragraph", -1, "The text."),
    ]


def read_text_segments(tmp_path, text):
    path = tmp_path / "agenda.md"
    path.write_text(text, encoding="utf-8")
    return read(path).segments


def test_a_markdown_list_items_wrapped_lines_stay_in_it(tmp_path):
    text = "## Activities\n\n4. A **workshop** was\nheld in Comrat on 17-18 June 2025.\n   - Period: June 2025\n"
    segments = [(s.kind, text[s.start : s.end]) for s in read_text_segments(tmp_path, text)]
    assert segments == [
        ("title", "Activities"),
        ("list-item", "A **workshop** was\nheld in Comrat on 17-18 June 2025."),
        ("list-item", "Period: June 2025"),
    ]


PAGED_REPORT = """\
Industrial Accidents Convention            ACP/mission/ARM/2023
Assistance and Cooperation Programme               Page 1 of 2

1. The mission met the rescue       visited two depots near the
service in the capital. It also     river and the border.
                                    
2. Its experts came from Sweden    3. A debriefing closed the
and from Germany.                  visit on its last day.

Industrial Accidents Convention            ACP/mission/ARM/2023
Assistance and Cooperation Programme               Page 2 of 2

4. The report was adopted.
"""


def test_a_running_header_ending_in_its_page_number_is_furniture_and_a_ragged_gutter_still_splits(tmp_path):
    """'…   Page 1 of 2' closes a running header; a column that starts a character early in one row ('2. Its experts
    … Sweden    3. A debriefing') is still a column."""
    _, segments = _segments(tmp_path, PAGED_REPORT)
    texts = [s for _, s in segments]
    assert not any("Page" in t for t in texts)
    assert texts[0] == "Industrial Accidents Convention ACP/mission/ARM/2023" and segments[0][0] != "title"  # once
    assert [t[:2] for t in texts[1:]] == ["1.", "2.", "3.", "4."]
    assert texts[1].endswith("It also visited two depots near the river and the border.")


def test_a_pages_tag_list_is_one_tags_line(tmp_path):
    """<ul class="tags">, <div class="article-tags"> with links, <p class="tags">Tags: …</p>: one "Tags: …" paragraph."""
    page = tmp_path / "news.html"
    page.write_text(
        '<html><body><main><p>Text.</p><ul class="tags"><li>Dniester</li><li>water</li></ul>'
        '<div class="article-tags">Tags: <a href="#">Ruse</a> <a href="#">Danube</a></div>'
        '<p class="tags">Теги: учения, ЕЭК ООН</p></main></body></html>',
        encoding="utf-8",
    )
    assert _texts(read(page), "paragraph") == ["Text.", "Tags: Dniester · water", "Tags: Ruse · Danube", "Теги: учения, ЕЭК ООН"]
