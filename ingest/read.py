"""Stage 1, read: a file on disk becomes a Document, its plain text cut into segments.

Every later offset counts characters in Document.text: for .md that is the file's text itself (line endings
normalised); for .txt too, unless its page layout had to be undone (columns, hyphenated line ends, running
headers: see ingest.read_text and ingest.read_layout), when it is the text rebuilt one block per segment; for
.html the text of its content blocks, for .pdf the text of its text boxes.

Document.language is the language an HTML page declares, else the one its text reads in (see ingest.language).
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import BadDocument
from ingest.language import language

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class Segment:
    """A span of Document.text: title, heading, paragraph, list-item, table-header, table-row or metadata."""

    kind: str
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()  # table cells, as spans of Document.text
    group: int = -1  # consecutive list items or table rows share a group


@dataclass(frozen=True)
class Document:
    name: str
    path: str
    format: str
    sha256: str
    text: str
    segments: tuple[Segment, ...]
    language: str = ""  # ISO 639-1: "en", "ru" or "fr"; "" when unknown (a Document rebuilt from the store)
    head_title: str = ""  # an HTML page's <title>, which may carry the only date it gives

    @property
    def title(self) -> str:
        for seg in self.segments:
            if seg.kind == "title":
                return self.text[seg.start : seg.end]
        return self.name


def read(path: str | Path) -> Document:
    """Read one file. Raises BadDocument, naming the file, when it is empty, binary, badly encoded or broken."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BadDocument(path, f"unsupported extension {path.suffix or '(none)'!r}; supported: {', '.join(sorted(FORMATS))}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadDocument(path, f"cannot read file: {exc.strerror}") from exc
    if not data.strip():
        raise BadDocument(path, "empty file: nothing to ingest")
    declared = head_title = ""  # the language the file says it is in; an HTML page's <title>
    if fmt == "pdf":
        text, segments = _pdf(path, data)
    else:
        if b"\x00" in data[:8192]:
            raise BadDocument(path, f"binary data in a .{fmt} file (NUL bytes): is it really {fmt}?")
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadDocument(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8") from exc
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        if fmt == "html":
            from ingest.read_html import html_segments

            text, segments, declared, head_title = html_segments(raw)
        else:
            from ingest.read_text import read_plain

            text, segments = (_markdown if fmt == "md" else read_plain)(raw)
    if not any(text[s.start : s.end].strip() for s in segments):
        raise BadDocument(path, "no text found in the document")
    return Document(
        path.name,
        str(path),
        fmt,
        hashlib.sha256(data).hexdigest(),
        text,
        tuple(bounded(text, segments)),
        language(text, declared),
        head_title,
    )


def resegment(text: str, fmt: str) -> tuple[Segment, ...]:
    """The segments of a Document.text kept in the store (iac:text): for .txt and .md the text is the file's,
    or for .txt one rebuilt so that reading it again gives the same segments, so they are cut again exactly;
    for .html and .pdf the blocks were joined by blank lines, and each block becomes a paragraph (their kinds
    are not kept; passages in the search index need only their spans)."""
    if fmt in ("txt", "md"):
        from ingest.read_text import read_plain

        segments = (_markdown if fmt == "md" else read_plain)(text)[1]
    else:
        segments, pos = [], 0
        for block in text.split("\n\n"):
            start, end = _trim(text, pos, pos + len(block))
            if start < end:
                segments.append(Segment("paragraph", start, end))
            pos += len(block) + 2
    return tuple(bounded(text, segments))


# A page's tag line, "Tags: …", "Теги: …", "Mots-clés : …" (ingest.read_html writes a tag list so): its subjects
TAGS_LINE = re.compile(r"\W*(?:tags|keywords|mots[- ]clés|т[еэ]ги|ключевые\s+слова|related\s+topics)\W*:", re.IGNORECASE)


# ----------------------------------------------------------------------------------------- long segments

MAX_SEGMENT = 2000  # characters; the corpus's longest paragraph has 499
_SENTENCE_END = re.compile(r"[.!?;][\"”’)]*\s+")


def bounded(text: str, segments: list[Segment]) -> list[Segment]:
    """Segments of at most MAX_SEGMENT characters: a longer one (a page that is one long line, a paragraph
    with no sentence ends) is cut after its last sentence end in the second half of each chunk, else at
    its last space. Extraction reads each segment sentence by sentence, and its cost grows with the square
    of a sentence's length; bounded pieces keep it linear in the document's size."""
    out: list[Segment] = []
    for seg in segments:
        if seg.end - seg.start <= MAX_SEGMENT:
            out.append(seg)
            continue
        kind = seg.kind if seg.kind in ("paragraph", "list-item", "metadata") else "paragraph"
        start = seg.start
        while start < seg.end:
            end = seg.end if seg.end - start <= MAX_SEGMENT else _cut(text, start, start + MAX_SEGMENT)
            piece = _trim(text, start, end)
            if piece[0] < piece[1]:
                out.append(Segment(kind, *piece, group=seg.group if kind == "list-item" else -1))
            start = end
    return out


def _cut(text: str, start: int, end: int) -> int:
    half = start + (end - start) // 2
    last = None
    for match in _SENTENCE_END.finditer(text, half, end):
        last = match.end()
    if last is not None:
        return last
    space = max(text.rfind(" ", half, end), text.rfind("\n", half, end))
    return space + 1 if space > start else end


# ----------------------------------------------------------------------------------------- plain text

_LIST = re.compile(r"^[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+")  # "12. Item"; a wrapped line may start "2009. Several"
_TERMINAL = re.compile(r"[.!?:;]\s*$")
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # "---", "* * *"


def _blocks(text: str):
    """Yield (start, end) of runs of non-blank lines."""
    for match in re.finditer(r"(?:^[ \t]*\S.*(?:\n|$))+", text, flags=re.MULTILINE):
        yield match.start(), match.end()


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _plain(text: str, markdown: bool = False) -> tuple[str, list[Segment]]:
    """Paragraphs are blank-line separated or one per line; hard-wrapped lines join while a line lacks
    closing punctuation. Lines that start with a bullet are list items."""
    segments: list[Segment] = []
    group = width = 0  # width: the cells of the current table's header
    for bstart, bend in _blocks(text):
        current: list[int] | None = None  # [start, end] of the paragraph being joined
        block_start = len(segments)  # a blank line ends a table: the next one has its own header
        headerless = False
        for lstart, lend, line in _lines(text, bstart, bend):
            if not line.strip():
                continue
            bullet = _LIST.match(line)
            if markdown and _RULE.match(line):  # a thematic break ends a section, like a heading naming nothing;
                # under a line of text, it is that line's underline
                segments.append(Segment("heading", *_trim(text, *current)) if current else Segment("heading", *_trim(text, lstart, lend)))
                current = None
                continue
            if markdown and (special := _markdown_line(text, lstart, lend, line)):
                _flush(text, segments, current)
                current = None
                seg = special
                if seg.kind == "no-header":
                    group, width, headerless = group + 1, 0, True
                    continue
                if seg.kind == "table-row" and headerless:
                    seg = Segment(seg.kind, seg.start, seg.end, seg.cells, group)
                elif seg.kind == "table-row" and len(segments) > block_start and segments[-1].kind.startswith("table"):
                    seg = pad_cells(Segment(seg.kind, seg.start, seg.end, seg.cells, segments[-1].group), width)
                elif seg.kind == "table-row":
                    group += 1
                    seg = Segment("table-header", seg.start, seg.end, seg.cells, group)
                    width = len(seg.cells)
                if seg.kind != "skip":
                    segments.append(seg)
            elif bullet:
                _flush(text, segments, current)
                current = None
                if not (segments and segments[-1].kind == "list-item"):  # items parted by blank lines: one list
                    group += 1
                start, end = _trim(text, lstart + bullet.end(), lend)
                segments.append(Segment("list-item", start, end, group=group))
            elif markdown and current is None and len(segments) > block_start and segments[-1].kind == "list-item":
                item = segments[-1]  # a wrapped line of the item above it (Markdown's lazy continuation)
                segments[-1] = Segment("list-item", item.start, _trim(text, lstart, lend)[1], group=item.group)
            elif current is not None and not _TERMINAL.search(text[current[0] : current[1]]):
                current[1] = lend
            else:
                _flush(text, segments, current)
                current = [lstart, lend]
        _flush(text, segments, current)
    return text, _name_titles(text, segments)


def pad_cells(row: Segment, width: int) -> Segment:
    """A table row with fewer cells than its header gets empty ones, at its end; extra cells are kept."""
    if len(row.cells) >= width:
        return row
    return Segment(row.kind, row.start, row.end, row.cells + ((row.end, row.end),) * (width - len(row.cells)), row.group)


def _flush(text: str, segments: list[Segment], span: list[int] | None) -> None:
    if span is None:
        return
    start, end = _trim(text, *span)
    if start < end:
        segments.append(Segment("paragraph", start, end))


def _name_titles(text: str, segments: list[Segment]) -> list[Segment]:
    """A short line without closing punctuation is a heading; the first segment, if one, is the title."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        kind = seg.kind
        body = text[seg.start : seg.end]
        if kind == "paragraph" and len(body) < 160 and not _TERMINAL.search(body):
            kind = "heading"
        if kind == "heading" and not any(s.kind == "title" for s in out) and i == 0:
            kind = "title"
        out.append(Segment(kind, seg.start, seg.end, seg.cells, seg.group))
    return out


# ----------------------------------------------------------------------------------------- markdown

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_META = re.compile(r"^\*\*([^*:]{1,40}):?\*\*:?[ \t]*(.*)$")


def _markdown(text: str) -> tuple[str, list[Segment]]:
    return _plain(text, markdown=True)


def _markdown_line(text: str, lstart: int, lend: int, line: str) -> Segment | None:
    if heading := _HEADING.match(line):
        start, end = _trim(text, lstart + heading.start(2), lstart + heading.end(2))
        return Segment("title" if len(heading.group(1)) == 1 else "heading", start, end)
    if (
        (meta := _META.match(line))
        and not re.match(r"\s*\d{1,2}\s*[:.h]\s*\d\d\b", meta.group(1))
        and not (  # not "**9 h 00 – 9 h 30**"
            meta.group(1).rstrip().endswith(".") and len(meta.group(2)) > 60
        )
    ):  # nor a paragraph's bold lead-in: "**Грузия.** 24–25 апреля …"
        return Segment("metadata", *_trim(text, lstart, lend))
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        if re.fullmatch(r"\|[\s|]+\|", stripped):
            return Segment("no-header", lstart, lend)  # "| | |": a table of key-value rows, with no header
        if re.fullmatch(r"\|[\s:|-]+\|", stripped):
            return Segment("skip", lstart, lend)
        cells = []
        pos = lstart + line.index("|") + 1
        for cell in stripped[1:-1].split("|"):
            cells.append(_trim(text, pos, pos + len(cell)))
            pos += len(cell) + 1
        return Segment("table-row", *_trim(text, lstart, lend), cells=tuple(cells))
    return None


# ----------------------------------------------------------------------------------------- pdf


def _pdf(path: Path, data: bytes) -> tuple[str, list[Segment]]:
    """Text boxes of each page, in reading order, one segment each."""
    if not data.startswith(b"%PDF-"):
        raise BadDocument(path, "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise BadDocument(path, "truncated PDF (no %%EOF marker at the end); download the file again")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    try:
        for page in extract_pages(io.BytesIO(data)):
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                block = "\n".join(line.rstrip() for line in box.get_text().strip().split("\n"))
                if not block.strip():
                    continue
                start = pos + (2 if parts else 0)
                parts.append(block)
                pos = start + len(block)
                segments.append(Segment("paragraph", start, pos))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise BadDocument(path, f"cannot parse PDF ({type(exc).__name__}: {exc}); is it damaged or truncated?") from exc
    text = "\n\n".join(parts)
    heading = re.compile(r"^\d+(\.\d+)*\.?\s+\S.{0,80}$")
    segments = [Segment("heading", s.start, s.end) if heading.match(text[s.start : s.end]) else s for s in segments]
    return text, _name_titles(text, segments)
