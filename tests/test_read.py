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
