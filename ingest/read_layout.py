"""Page layout of plain text (for ingest.read_text): which rows are page furniture, and in what order the rest reads.

Plain text converted from a printed report keeps its pages, and this module undoes them:
1. page furniture is dropped: rules ("-----", "_____"), page-number lines ("- 3 -", "Page 3 of 12", "3"), and
   lines repeated next to page breaks (running headers and footers, compared with their numbers masked), but for
   the first that carries the document's symbol ("ECE/CP.TEIA/2023/4", "TEIA/project/8/Rep.1");
2. two-column bands, where most lines split at a stable column on a run of spaces, are read left column first,
   then right column; a band is cut at a blank row unless its right column carries on its left column's text.

layout(raw) gives the result as a stream of Pieces (spans of raw, one per line or column cell) with BLANK and
BREAK markers between them; ingest.read_text joins the pieces into paragraphs, headings and list items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.lexical import SYMBOL

_RULE = re.compile(r"[-_=~*·.]{5,}")
_PAGE_NO = re.compile(
    r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?"
    r"|(?:page|p\.|pages?|стр\.?|страница)\s*\d{1,3}(?:\s*(?:of|/|из|sur|de)\s*\d{1,3})?"
    r"|\d{1,3}\s*(?:/|of|из|sur)\s*\d{1,3}",
    re.IGNORECASE,
)
_PAGE_WORD = re.compile(r"(?:page|p\.|стр\.?|страница)\s*\d{1,3}(?:\s*(?:of|/|из|sur|de)\s*\d{1,3})?", re.IGNORECASE)
_GAP = re.compile(r"\S( {3,})(?=\S)")


@dataclass(frozen=True)
class _Row:
    pos: int  # offset in the raw text of the row's first character
    text: str  # the row, tabs as spaces, without the form feed that opens a page
    page: bool  # a form feed opened a page on this row


@dataclass(frozen=True)
class Piece:
    """A line, or one column's cell of a line, as a span of the raw text."""

    start: int  # offsets in the raw text of a line's (or a column cell's) text, trimmed
    end: int
    indent: int  # column of its first character, relative to its column
    long: bool  # reaches near the right edge of its column: the paragraph may go on
    cells: bool = False  # a row of cells set apart by wide runs of spaces ("12 May     Opening session")


BLANK, BREAK = "blank", "break"  # stream markers: a blank line; a page or column break


def layout(raw: str) -> tuple[list, bool]:
    """The rows of raw (line endings already normalised) in reading order, without page furniture: a stream of
    Pieces, BLANKs (a blank line) and BREAKs (a page or column break); True when columns change the order."""
    rows = _rows(raw)
    return _reading_order(rows, _furniture(rows))


def _paged(line: str) -> bool:
    """A running header's row that ends in its page number: "Assistance and Cooperation Programme      Page 1 of 2"."""
    cells = re.split(r" {3,}", line)
    return len(cells) > 1 and _PAGE_WORD.fullmatch(cells[-1]) is not None


def is_furniture(line: str) -> bool:
    """Whether a line, trimmed, is a rule or a page number."""
    return bool(_RULE.fullmatch(line) or _PAGE_NO.fullmatch(line))


# ----------------------------------------------------------------------------------------- page furniture


def _rows(raw: str) -> list[_Row]:
    rows, pos = [], 0
    for line in raw.split("\n"):
        cut = line.rfind("\f") + 1
        rows.append(_Row(pos + cut, line[cut:].replace("\t", " "), "\f" in line))
        pos += len(line) + 1
    return rows


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _furniture(rows: list[_Row]) -> set[int]:
    """Indexes of rows that are page furniture: rules, page numbers, running headers and footers."""
    dropped = {i for i, r in enumerate(rows) if (s := r.text.strip()) and (is_furniture(s) or _paged(s))}
    if not dropped and not any(r.page for r in rows):
        return dropped  # one page: nothing runs from page to page
    content = [i for i, r in enumerate(rows) if r.text.strip() and i not in dropped]
    near: set[int] = set()
    since = 0  # content rows since the last page boundary
    for n, i in enumerate(content):
        if n and any(j in dropped or rows[j].page for j in range(content[n - 1] + 1, i + 1)):
            since = 0
        if since <= 2:
            near.add(i)
        since += 1
    until = 0  # content rows before the next page boundary
    for n in range(len(content) - 1, -1, -1):
        i = content[n]
        if n + 1 < len(content):
            nxt = content[n + 1]
            until = 0 if any(j in dropped or rows[j].page for j in range(i + 1, nxt + 1)) else until + 1
        if until <= 2:
            near.add(i)
    counts = Counter(_key(rows[i].text) for i in near if len(rows[i].text.strip()) <= 150)
    running = {i for i in near if counts[_key(rows[i].text)] >= 2}
    symbol = next((i for i in sorted(dropped | running) if SYMBOL.search(rows[i].text)), None)
    return (dropped | running) - {symbol}  # the first row with the document's symbol stays: a search for it finds it


# ----------------------------------------------------------------------------------------- reading order


def _reading_order(rows: list[_Row], dropped: set[int]) -> tuple[list, bool]:
    """The stream of pieces, BLANKs and BREAKs in reading order; True when columns change it."""
    stream: list = []
    regions: list[list[int]] = [[]]
    for i, row in enumerate(rows):
        if i in dropped or row.page:
            regions.append([])
        if i not in dropped:
            regions[-1].append(i)
    widths = [len(rows[i].text.rstrip()) for region in regions for i in region if rows[i].text.strip()]
    width = sorted(widths)[int(0.9 * (len(widths) - 1))] if widths else 0
    reordered = False
    for region in regions:
        if not region:
            continue
        if stream:
            stream.append(BREAK)
        reordered |= _region(rows, region, width, stream)
    return stream, reordered


def _gutter(texts: list[str]) -> int | None:
    votes: Counter = Counter()
    for text in texts:
        for m in _GAP.finditer(text):
            if m.end(1) >= 12:
                votes[m.end(1)] += 1
    if not votes:
        return None
    score = lambda x: sum(votes[y] for y in range(x - 2, x + 3))  # noqa: E731
    best = max(sorted(votes), key=score)
    return best if score(best) >= 3 else None


def _place(text: str, gutter: int) -> tuple[str, int]:
    """Where a row lies against the gutter: blank, left, right, both (with the right column's start), or full."""
    body = text.rstrip()
    if not body.strip():
        return "blank", 0
    indent = len(body) - len(body.lstrip())
    if abs(indent - gutter) <= 4:
        return "right", indent
    if indent > gutter + 4:
        return "full", 0
    if len(body) <= gutter - 2:
        return "left", 0
    for m in re.finditer(r"\S( {2,})(?=\S)", body):
        if abs(m.end(1) - gutter) <= 4:
            return "both", m.end(1)
    return "full", 0


def _region(rows: list[_Row], region: list[int], width: int, stream: list) -> bool:
    gutter = _gutter([rows[i].text for i in region])
    places = [_place(rows[i].text, gutter) if gutter else ("full", 0) for i in region]
    bands = _bands(places, gutter or 0, [rows[i].text for i in region])
    reordered = False
    n = 0
    for lo, hi in bands:
        for k in range(n, lo):
            _single(rows, region, k, width, stream)
        for part in _parts(rows, region, places, lo, hi):
            _columns(rows, region, places, part, stream)
        reordered = True
        n = hi
    for k in range(n, len(region)):
        _single(rows, region, k, width, stream)
    return reordered


def _bands(places: list[tuple[str, int]], gutter: int, texts: list[str]) -> list[tuple[int, int]]:
    """Row ranges [lo, hi) of two-column bands: from a row with right-column text to the last such row before
    a full-width row, widened to the left-column rows that touch it."""
    bands: list[tuple[int, int]] = []
    k = 0
    while k < len(places):
        if places[k][0] not in ("both", "right"):
            k += 1
            continue
        lo = hi = k
        j = k
        while j < len(places) and places[j][0] != "full":
            if places[j][0] in ("both", "right"):
                hi = j
            j += 1
        hi += 1
        if _is_band(places[lo:hi], texts[lo:hi], gutter):
            while lo > 0 and places[lo - 1][0] == "left":
                lo -= 1
            while hi < len(places) and places[hi][0] == "left":
                hi += 1
            if hi + 1 < len(places) and places[hi][0] == "blank":  # the left column may run on below a blank row
                run = hi + 1
                while run < len(places) and places[run][0] == "left":
                    run += 1
                if (
                    run - hi - 1 >= 2
                    and sum(len(t.rstrip()) >= 0.6 * gutter for t in texts[hi + 1 : run]) >= 2
                    and (run == len(places) or places[run][0] == "blank")
                ):
                    hi = run
            bands.append((lo, hi))
        k = max(hi, k + 1)
    return bands


def _is_band(places: list[tuple[str, int]], texts: list[str], gutter: int) -> bool:
    """Rows that read as two columns of prose: several split at the gutter, every left cell ends before every right
    cell starts (a gutter no text crosses, unlike chance gaps in justified text), and the left cells mostly reach
    near the gutter (unlike a table of dates or names beside longer text)."""
    kinds = [p[0] for p in places]
    if kinds.count("both") < 2 or kinds.count("both") + kinds.count("right") < 3:
        return False
    rows = [(t, _split(t, p)) for t, p in zip(texts, places, strict=False) if p[0] != "blank"]
    cells = [c for _, c in rows]
    lefts = sorted(c[0][1] for c in cells if c[0])
    rights = [c[1][0] for c in cells if c[1]]
    # a column of six rows or more may start one character early here and there (text set by hand, OCR)
    clear = max(lefts) + (1 if len(rights) >= 6 else 2) <= min(rights)
    # rows of cells ("11 марта   Душанбе    Встреча в …"): the left cells are split by wide gaps of their own
    cells_left = sum(bool(re.search(r"\S {3,}\S", t[c[0][0] : c[0][1]])) for t, c in rows if c[0])
    return clear and lefts[len(lefts) // 2] >= 0.6 * gutter and 2 * cells_left <= len(lefts)


def _split(text: str, place: tuple[str, int]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(start, end) columns of a row's left and right cells."""
    kind, at = place
    body = text.rstrip()
    if kind == "left":
        return (len(body) - len(body.lstrip()), len(body)), None
    if kind == "right":
        return None, (at, len(body))
    if kind == "both":
        left = body[:at].rstrip()
        return (len(left) - len(left.lstrip()), len(left)), (at, len(body))
    return None, None


def _parts(rows, region, places, lo: int, hi: int) -> list[list[int]]:
    """A band cut at its blank rows into parts, each read left column then right column. A part that is one
    row (a heading over each column) goes with the rows below it. Whether a cut is kept: where the right column
    above it starts mid-sentence while the left column ends a sentence, the right column carries on text from
    further down the left column, and the band reads as one; where numbered paragraphs ("5.", "6.") come in
    order only when the band reads as one (or only when cut everywhere), that reading wins."""
    parts: list[list[int]] = [[]]
    for k in range(lo, hi):
        if places[k][0] == "blank":
            if len(parts[-1]) > 1:
                parts.append([])
        else:
            parts[-1].append(k)
    parts = [p for p in parts if p]
    ruled: list[list[int]] = []
    for part in parts:
        if ruled and _flows_on(rows, region, places, ruled[-1]):
            ruled[-1] = ruled[-1] + part
        else:
            ruled.append(part)
    options = [ruled, [sum(parts, [])], parts]
    return min(options, key=lambda option: _descents(rows, region, places, option))


def _cells(rows, region, places, part: list[int], side: int) -> list[str]:
    out = []
    for k in part:
        text = rows[region[k]].text
        cell = _split(text, places[k])[side]
        if cell:
            out.append(text[cell[0] : cell[1]].strip())
    return out


def _flows_on(rows, region, places, part: list[int]) -> bool:
    lefts, rights = _cells(rows, region, places, part, 0), _cells(rows, region, places, part, 1)
    return bool(lefts and rights and rights[0][:1].islower() and re.search(r"[.!?;:…]$", lefts[-1]))


def _descents(rows, region, places, parts: list[list[int]]) -> int:
    """How often a numbered paragraph follows one with a higher number, reading the parts in order."""
    numbers = [
        int(m.group(1))
        for part in parts
        for side in (0, 1)
        for cell in _cells(rows, region, places, part, side)
        if (m := re.match(r"(\d{1,2})\.\s", cell))
    ]
    return sum(b < a for a, b in zip(numbers, numbers[1:], strict=False))


def _columns(rows, region, places, part: list[int], stream: list) -> None:
    cells: list[list[tuple[int, tuple[int, int] | None]]] = [[], []]
    for k in range(part[0], part[-1] + 1):
        row = rows[region[k]]
        left, right = _split(row.text, places[k]) if places[k][0] != "blank" else (None, None)
        cells[0].append((k, left))
        cells[1].append((k, right))
    for side, column in enumerate(cells):
        spans = [(k, c) for k, c in column]
        while spans and spans[-1][1] is None:
            spans.pop()
        while spans and spans[0][1] is None:
            spans.pop(0)
        if not spans:
            continue
        if side == 1:
            stream.append(BREAK)
        margin = min(c[0] for _, c in spans if c)
        edge = max(c[1] for _, c in spans if c) - margin
        for k, cell in spans:
            if cell is None:
                stream.append(BLANK)
                continue
            row = rows[region[k]]
            text = row.text[cell[0] : cell[1]]
            a = cell[0] + len(text) - len(text.lstrip())
            stream.append(Piece(row.pos + a, row.pos + cell[1], a - margin, cell[1] - margin >= 0.75 * edge))
    stream.append(BLANK)


def _single(rows: list[_Row], region: list[int], k: int, width: int, stream: list) -> None:
    """A row outside any band: one piece, so that a row of cells ("12 May    Workshop in Minsk") stays whole;
    but two pieces when its last cell wraps onto the next row, indented to that cell ("Economic Commission
    for Europe      Convention on the Transboundary" over "Effects of Industrial Accidents")."""
    row = rows[region[k]]
    body = row.text.rstrip()
    if not body.strip():
        stream.append(BLANK)
        return
    spans = [(len(body) - len(body.lstrip()), len(body))]
    below = rows[region[k + 1]].text if k + 1 < len(region) else ""
    gap = list(re.finditer(r"\S( {6,})(?=\S)", body))
    if gap and below.strip() and abs(len(below) - len(below.lstrip()) - gap[-1].end(1)) <= 2:
        spans = [(spans[0][0], gap[-1].start(1)), (gap[-1].end(1), len(body))]
    for n, (a, b) in enumerate(spans):
        if n:
            stream.append(BLANK)
        wide = width <= 200 and b >= 0.75 * width and b - a >= 0.5 * width
        stream.append(Piece(row.pos + a, row.pos + b, a, wide, " " * 6 in body[a:b]))
