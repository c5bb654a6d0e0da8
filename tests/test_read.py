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
        pytest.param("latin1.txt", "Chișinău, 2015 – café".encode("cp1250", errors="replace") + b"\xe9\xff", "not valid UTF-8", id="invalid-utf8"),
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


def test_deeply_nested_html_reads(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "A workshop in Almaty." + "</div>" * 100_000 + "</body></html>")
    document = read(path)  # was quadratic: every div rescanned its subtree
    assert document.text == "A workshop in Almaty."


@pytest.mark.parametrize("name", ["central-asia-workshop-2018.txt", "almaty-tailings-workshop-2019.md",
                                  "tmf-pilot-kazakhstan-2018.html", "programme-overview.pdf"])
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
    assert sorted(labels) == ["Seminar on land use planning, 2022", "Training session on industrial accidents",
                              "Workshop on tailings safety in Almaty, October 2021"]
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
        ("title", "Workshop in Almaty"), ("paragraph", loose), ("paragraph", "More text follows here."), ("paragraph", "Closing words.")]
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
