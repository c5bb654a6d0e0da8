"""Stage 1, read, for .txt: plain text, often a PDF report converted to text, becomes segments (see ingest.read).

Such text keeps the printed page's layout. ingest.read_layout undoes the page: it drops page furniture (rules,
page numbers, running headers and footers) and reads two-column bands left column first. This module then
joins the lines of a paragraph ("assess-" + "ment" gives "assessment"; "Drobeta-" + "Turnu" and "table-" + "top"
keep their hyphen); headings are short blocks without closing punctuation, list items start with a bullet ("•",
"-", "–", "(a)", "1)"), and the title is the longest unnumbered heading above the body.

When none of this changes a character, Document.text is the file's text and segments are spans of it. Otherwise
the text is rebuilt with one block per segment, separated by blank lines (the items of one list by single line
breaks, their bullets kept), so that reading the rebuilt text again gives the same segments: read.resegment,
which recovers segments from the stored text, relies on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.lexical import SYMBOL
from ingest.read import Segment
from ingest.read_layout import BLANK, BREAK, Piece, is_furniture, layout

_BULLET = re.compile(r"(?:[•●▪◦·*\-–—]|\(?[a-zа-яё]\)|\([ivx]{1,4}\)|\d{1,2}\))[ \t]+")
_NUMBERED = re.compile(r"(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVXL]{1,5}\.)[ \t]+\S")
_TERMINAL = re.compile(r"[.!?;:,…]$")
_FUNCTION_WORDS = frozenset(
    "the of and or on for to in a an with by at from into as its their under between "
    "de la le les des du et en à au aux pour sur par dans avec "
    "и в во на о об с со к по для от при из или за между".split()
)
_KEEP_SECOND = frozenset(
    "up off top based level term site scale making related specific border led wide oriented owned free day year time out".split()
)
_KEEP_FIRST = frozenset("non self co cross ex follow kick in on off well high low long short multi".split())
_RU_COMPOUND = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]н|ск)о$")
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$")
_TITLE_ZONE = 12  # the title is among the first units, above the body
_HEADING_MAX = 160
_TITLE_MAX = 250


def read_plain(raw: str) -> tuple[str, list[Segment]]:
    """Text and segments of a plain-text file (line endings already normalised)."""
    stream, reordered = layout(raw)
    units = _units(raw, stream)
    return _render(raw, units, reordered)


# ----------------------------------------------------------------------------------------- units


@dataclass
class _Unit:
    pieces: list[Piece]
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


def _joins(raw: str, a: Piece, b: Piece, broken: bool) -> bool:
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
    ends, starts = re.findall(r"[^\W\d_]+$", left), re.findall(r"^[^\W\d_]+", right)
    if not ends or not starts:
        return True
    left, right = ends[0], starts[0]
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
    for body, item, bare in zip(bodies, items, open_ended, strict=False):
        kinds.append("list-item" if item else "heading" if bare and len(body) < _HEADING_MAX else "paragraph")
    top = []
    for n, body in enumerate(bodies[:_TITLE_ZONE]):
        if items[n] or not open_ended[n] or len(body) > _TITLE_MAX:
            break
        if not _NUMBERED.match(body) and not SYMBOL.search(body):  # (nor the symbol of a running header)
            top.append(n)
    if top:
        kinds[max(top, key=lambda n: len(bodies[n]))] = "title"
    return kinds


# The word a wrapped line of a title in capitals goes on with: "TECHNICAL MISSION TO KYRGYZSTAN / ON THE
# IDENTIFICATION OF HAZARDOUS ACTIVITIES / AND THE SAFETY OF TAILINGS FACILITIES"
_GOES_ON = re.compile(r"(?:ON|OF|AND|IN|FOR|TO|AT|WITH|ПО|И|В|ДЛЯ|НА|О|С|DE|DU|DES|ET|SUR|EN|POUR|À|AU|AUX)\s")


def _wrapped_titles(units: list[_Unit], joined: list[tuple[str, bool]]) -> tuple[list[_Unit], list[tuple[str, bool]]]:
    """A title in capitals wrapped over several short lines is one heading."""
    out_units: list[_Unit] = []
    out_joined: list[tuple[str, bool]] = []
    for unit, (line, dropped) in zip(units, joined, strict=False):
        if (
            out_units
            and unit.marker <= 0
            and out_units[-1].marker <= 0
            and line.isupper()
            and _GOES_ON.match(line)
            and out_joined[-1][0].isupper()
            and len(out_joined[-1][0]) + len(line) < 200
            and not _TERMINAL.search(out_joined[-1][0])
        ):
            out_units[-1] = _Unit(out_units[-1].pieces + unit.pieces, out_units[-1].marker, out_units[-1].broken or unit.broken)
            out_joined[-1] = (out_joined[-1][0] + " " + line, out_joined[-1][1] or dropped)
            continue
        out_units.append(unit)
        out_joined.append((line, dropped))
    return out_units, out_joined


def _render(raw: str, units: list[_Unit], reordered: bool) -> tuple[str, list[Segment]]:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]+", raw)}
    joined = [_joined(raw, u, words) for u in units]
    kept = [n for n, (line, _) in enumerate(joined) if not is_furniture(line)]
    units, joined = [units[n] for n in kept], [joined[n] for n in kept]
    ordered = all(a.pieces[-1].end <= b.pieces[0].start for a, b in zip(units, units[1:], strict=False))
    rewrite = (
        reordered
        or not ordered
        or any(u.broken for u in units)
        or any(d for _, d in joined)
        or any("   " in raw[p.start : p.end] for u in units for p in u.pieces)
    )
    units, joined = _wrapped_titles(units, joined)
    markers = [_BULLET.match(line) if u.marker > 0 else None for u, (line, _) in zip(units, joined, strict=False)]
    bodies = [line[m.end() :] if m else line for m, (line, _) in zip(markers, joined, strict=False)]
    kinds = _kinds(bodies, [m is not None for m in markers])
    segments: list[Segment] = []
    parts: list[str] = []
    group = pos = 0
    for n, (unit, (line, _), kind) in enumerate(zip(units, joined, kinds, strict=False)):
        if kind == "list-item" and not (n and kinds[n - 1] == "list-item"):
            group += 1
        if rewrite:
            sep = "" if not parts else ("\n" if kind == "list-item" and kinds[n - 1] == "list-item" else "\n\n")
            start = pos + len(sep)
            parts.append(sep + line)
            pos = end = start + len(line)
            if marker := markers[n]:
                start += marker.end()
        else:
            start, end = unit.pieces[0].start, unit.pieces[-1].end
            if unit.marker > 0:
                start += unit.marker
                while raw[start].isspace():
                    start += 1
        segments.append(Segment(kind, start, end, group=group if kind == "list-item" else -1))
    return ("".join(parts) if rewrite else raw), segments
