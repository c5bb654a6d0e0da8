"""Stage 1, read, for .txt: plain text, often a PDF report converted to text, becomes segments (see ingest.read).

Such text keeps the printed page's layout, and the reader undoes it:
1. page furniture is dropped: rules ("-----", "_____"), page-number lines ("- 3 -", "Page 3 of 12", "3"), and
   lines repeated next to page breaks (running headers and footers, compared with their numbers masked);
2. two-column bands, where most lines split at a stable column on a run of spaces, are read left column first,
   then right column; a band is cut at a blank row unless its right column carries on its left column's text;
3. the lines of a paragraph are joined ("assess-" + "ment" gives "assessment"; "Drobeta-" + "Turnu" and
   "table-" + "top" keep their hyphen); headings are short blocks without closing punctuation, list items start
   with a bullet ("•", "-", "–", "(a)", "1)"), and the title is the longest unnumbered heading above the body.

When none of this changes a character, Document.text is the file's text and segments are spans of it. Otherwise
the text is rebuilt with one block per segment, separated by blank lines (the items of one list by single line
breaks, their bullets kept), so that reading the rebuilt text again gives the same segments: read.resegment,
which recovers segments from the stored text, relies on it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.read import Segment

_RULE = re.compile(r"[-_=~*·.]{5,}")
_PAGE_NO = re.compile(
    r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?"
    r"|(?:page|p\.|pages?|стр\.?|страница)\s*\d{1,3}(?:\s*(?:of|/|из|sur|de)\s*\d{1,3})?"
    r"|\d{1,3}\s*(?:/|of|из|sur)\s*\d{1,3}",
    re.IGNORECASE,
)
_BULLET = re.compile(r"(?:[•●▪◦·*\-–—]|\(?[a-zа-яё]\)|\([ivx]{1,4}\)|\d{1,2}\))[ \t]+")
_NUMBERED = re.compile(r"(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVXL]{1,5}\.)[ \t]+\S")
_TERMINAL = re.compile(r"[.!?;:,…]$")
_FUNCTION_WORDS = frozenset(
    "the of and or on for to in a an with by at from into as its their under between "
    "de la le les des du et en à au aux pour sur par dans avec "
    "и в во на о об с со к по для от при из или за между".split()
)
_KEEP_SECOND = frozenset("up off top based level term site scale making related specific border led wide oriented owned free "
                         "day year time out".split())
_KEEP_FIRST = frozenset("non self co cross ex follow kick in on off well high low long short multi".split())
_RU_COMPOUND = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]н|ск)о$")
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$")
_GAP = re.compile(r"\S( {3,})(?=\S)")
_TITLE_ZONE = 12  # the title is among the first units, above the body
_HEADING_MAX = 160
_TITLE_MAX = 250


@dataclass(frozen=True)
class _Row:
    pos: int  # offset in the raw text of the row's first character
    text: str  # the row, tabs as spaces, without the form feed that opens a page
    page: bool  # a form feed opened a page on this row


@dataclass(frozen=True)
class _Piece:
    start: int  # offsets in the raw text of a line's (or a column cell's) text, trimmed
    end: int
    indent: int  # column of its first character, relative to its column
    long: bool  # reaches near the right edge of its column: the paragraph may go on
    cells: bool = False  # a row of cells set apart by wide runs of spaces ("12 May     Opening session")


BLANK, BREAK = "blank", "break"  # stream markers: a blank line; a page or column break


def read_plain(raw: str) -> tuple[str, list[Segment]]:
    """Text and segments of a plain-text file (line endings already normalised)."""
    rows = _rows(raw)
    dropped = _furniture(rows)
    stream, reordered = _reading_order(rows, dropped)
    units = _units(raw, stream)
    return _render(raw, units, reordered)


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
    dropped = {i for i, r in enumerate(rows) if (s := r.text.strip()) and (_RULE.fullmatch(s) or _PAGE_NO.fullmatch(s))}
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
    return dropped | {i for i in near if counts[_key(rows[i].text)] >= 2}


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
                if run - hi - 1 >= 2 and sum(len(t.rstrip()) >= 0.6 * gutter for t in texts[hi + 1 : run]) >= 2 \
                        and (run == len(places) or places[run][0] == "blank"):
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
    cells = [_split(t, p) for t, p in zip(texts, places) if p[0] != "blank"]
    lefts = sorted(c[0][1] for c in cells if c[0])
    rights = [c[1][0] for c in cells if c[1]]
    return max(lefts) + 2 <= min(rights) and lefts[len(lefts) // 2] >= 0.6 * gutter


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
    numbers = [int(m.group(1)) for part in parts for side in (0, 1) for cell in _cells(rows, region, places, part, side)
               if (m := re.match(r"(\d{1,2})\.\s", cell))]
    return sum(b < a for a, b in zip(numbers, numbers[1:]))


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
            stream.append(_Piece(row.pos + a, row.pos + cell[1], a - margin, cell[1] - margin >= 0.75 * edge))
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
        stream.append(_Piece(row.pos + a, row.pos + b, a, wide, " " * 6 in body[a:b]))


# ----------------------------------------------------------------------------------------- units

@dataclass
class _Unit:
    pieces: list[_Piece]
    marker: int  # length of the bullet opening a list item, else -1
    broken: bool = False  # its lines run across a page or column break


def _units(raw: str, stream: list) -> list[_Unit]:
    """Pieces joined into paragraphs, headings and list items. A blank line ends one, unless it lies next to a
    page or column break: the text may go on across the break."""
    units: list[_Unit] = []
    current: _Unit | None = None
    between = None  # BLANK or BREAK, what lies between current's last piece and the next; BREAK wins
    for entry in stream:
        if entry is BLANK or entry is BREAK:
            between = BREAK if BREAK in (between, entry) else BLANK
            continue
        text = raw[entry.start : entry.end]
        bullet = _BULLET.match(text)
        if current is not None and not bullet and between is not BLANK and _joins(raw, current.pieces[-1], entry, between is BREAK):
            current.pieces.append(entry)
            current.broken |= between is BREAK
        else:
            current = _Unit([entry], bullet.end() if bullet and bullet.end() < len(text) else -1)
            units.append(current)
        between = None
    return units


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _joins(raw: str, a: _Piece, b: _Piece, broken: bool) -> bool:
    """Whether line b carries on the paragraph whose last line is a."""
    prev, text = raw[a.start : a.end], raw[b.start : b.end]
    if _NUMBERED.match(text):
        return False
    if re.search(r"[^\W\d_]-$", prev) and text[:1].isalpha():
        return True
    last = prev.rsplit(None, 1)[-1].lower()
    open_end = prev.endswith(",") or (last in _FUNCTION_WORDS and not _TERMINAL.search(prev))
    if text[:1].islower():
        return True
    if broken or a.cells or b.cells:
        return open_end
    if _caps(prev) != _caps(text):
        return False
    if _TERMINAL.search(prev) and not prev.endswith(","):
        return a.long and b.indent <= a.indent + 2
    return a.long or open_end


# ----------------------------------------------------------------------------------------- rendering

def _hyphen_kept(left: str, right: str, words: set[str]) -> bool:
    """At a line end "left-" followed by "right": is the hyphen part of the word ("table-top"), not a break?"""
    left = re.findall(r"[^\W\d_]+$", left)
    right = re.findall(r"^[^\W\d_]+", right)
    if not left or not right:
        return True
    left, right = left[0], right[0]
    if right[0].isupper():
        return True
    if f"{left}-{right}".lower() in words:
        return True
    if f"{left}{right}".lower() in words:
        return False
    if left.lower() in _KEEP_FIRST or right.lower() in _KEEP_SECOND:
        return True
    return bool(_RU_COMPOUND.search(left.lower()) and _RU_ADJECTIVE.search(right.lower()))


def _joined(raw: str, unit: _Unit, words: set[str]) -> tuple[str, bool]:
    """The unit's text on one line, and whether a hyphen at a line end joined two lines."""
    out = raw[unit.pieces[0].start : unit.pieces[0].end]
    dropped = False
    for piece in unit.pieces[1:]:
        text = raw[piece.start : piece.end]
        if re.search(r"[^\W\d_]-$", out) and text[:1].isalpha():
            out = out + text if _hyphen_kept(out[:-1], text, words) else out[:-1] + text
            dropped = True
        else:
            out += " " + text
    return " ".join(out.split()), dropped


def _kinds(bodies: list[str], items: list[bool]) -> list[str]:
    """Heading: a short block without closing punctuation. Title: the longest block above the body (the first
    paragraph or list item) that could be a heading but for its length, and is not numbered."""
    open_ended = [not _TERMINAL.search(body) and not body[:1].islower() for body in bodies]
    kinds = []
    for body, item, bare in zip(bodies, items, open_ended):
        kinds.append("list-item" if item else "heading" if bare and len(body) < _HEADING_MAX else "paragraph")
    top = []
    for n, body in enumerate(bodies[:_TITLE_ZONE]):
        if items[n] or not open_ended[n] or len(body) > _TITLE_MAX:
            break
        if not _NUMBERED.match(body):
            top.append(n)
    if top:
        kinds[max(top, key=lambda n: len(bodies[n]))] = "title"
    return kinds


def _render(raw: str, units: list[_Unit], reordered: bool) -> tuple[str, list[Segment]]:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]+", raw)}
    joined = [_joined(raw, u, words) for u in units]
    kept = [n for n, (line, _) in enumerate(joined) if not (_RULE.fullmatch(line) or _PAGE_NO.fullmatch(line))]
    units, joined = [units[n] for n in kept], [joined[n] for n in kept]
    ordered = all(a.pieces[-1].end <= b.pieces[0].start for a, b in zip(units, units[1:]))
    rewrite = reordered or not ordered or any(u.broken for u in units) or any(d for _, d in joined) or any(
        "   " in raw[p.start : p.end] for u in units for p in u.pieces)
    markers = [_BULLET.match(line) if u.marker > 0 else None for u, (line, _) in zip(units, joined)]
    bodies = [line[m.end() :] if m else line for m, (line, _) in zip(markers, joined)]
    kinds = _kinds(bodies, [m is not None for m in markers])
    segments: list[Segment] = []
    parts: list[str] = []
    group = pos = 0
    for n, (unit, (line, _), kind) in enumerate(zip(units, joined, kinds)):
        if kind == "list-item" and not (n and kinds[n - 1] == "list-item"):
            group += 1
        if rewrite:
            sep = "" if not parts else ("\n" if kind == "list-item" and kinds[n - 1] == "list-item" else "\n\n")
            start = pos + len(sep)
            parts.append(sep + line)
            pos = end = start + len(line)
            if markers[n]:
                start += markers[n].end()
        else:
            start, end = unit.pieces[0].start, unit.pieces[-1].end
            if unit.marker > 0:
                start += unit.marker
                while raw[start].isspace():
                    start += 1
        segments.append(Segment(kind, start, end, group=group if kind == "list-item" else -1))
    return ("".join(parts) if rewrite else raw), segments
