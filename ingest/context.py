"""What a page says about itself before its body: the year it was written in, and the header of the event
it announces. Pure functions of a Document.

- The year: a dateline ("Bishkek, 4 October 2021." or "DUSHANBE, 7 October 2021" opening a short block),
  a header line ("Date: 14 February 2018", "Published: 09 March 2023", "Posted on 21.11.2016", a line that
  is only a date), else a year in the title. It lets the date grammar read "On the 5th of October".
- The event header: a title naming an activity followed, before any paragraph of prose, by a date line
  ("13 October (09:00) - 14 October (17:30) 2021") and perhaps a venue line ("Podgorica, Montenegro",
  "Bishkek Kyrgyzstan"). Such a page announces one event, as a page with "Dates:" and "Venue:" lines does.
"""

from __future__ import annotations

import re

from ingest.dates import find_dates
from ingest.read import Document

_HEADER = re.compile(r"^\W*(?:date|dated|published|posted|posted on|issued|updated|last updated)\b\s*(?:on\b)?\s*:?\s*", re.IGNORECASE)
_DATELINE = re.compile(r"^\W*(?:[A-Z][\w’'.-]*\s+){0,3}?[A-Z][\w’'.-]*,\s+")  # "Bishkek, ", "DUSHANBE, "
_LABEL = re.compile(r"^\W*(?:dates?|when|period|venue|place|location|where)\s*:\s*", re.IGNORECASE)
_TOP = 12  # header lines are among the first blocks of a page
_SHORT = 90  # a header line or a venue line is short


def _year_of(text: str) -> int | None:
    dates = find_dates(text)
    return int(dates[0].start[:4]) if dates else None


def _date_only(text: str) -> bool:
    """A line that is a date and little else: "28.09.2021", "11:35 / 07.10.2017", "13 December (10:00) - 14 December (18:00) 2011"."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text[: dates[0].char_start] + text[dates[0].char_end :]
    return not re.search(r"[^\W\d_]{4,}", re.sub(r"\((?:CEST|CET|GMT|UTC)[^)]*\)|\b(?:CEST|CET|GMT|UTC)\b", "", rest))


def document_year(document: Document) -> int | None:
    """The year the page was written in, from its dateline or header lines, else from its title; None if neither says."""
    text = document.text
    for seg in document.segments[:_TOP]:
        line = " ".join(text[seg.start : seg.end].split())
        if seg.kind == "title":
            continue
        head = line[:_SHORT]
        if _HEADER.match(head) or (len(line) <= _SHORT and _date_only(line)):
            if (year := _year_of(head)) is not None:
                return year
        m = _DATELINE.match(line)
        if m:
            dates = find_dates(line[: m.end() + 40])
            if dates and dates[0].char_start == m.end():
                return int(dates[0].start[:4])
    return _year_of(document.title)


def event_header(document: Document, title_index: int) -> list[int]:
    """Indexes of the date line and venue line right after the title at title_index, when the title is followed
    by a date line (the event's dates) before any prose; [] otherwise."""
    segments, text = document.segments, document.text
    out: list[int] = []
    for i in range(title_index + 1, min(title_index + 4, len(segments))):
        seg = segments[i]
        line = _LABEL.sub("", " ".join(text[seg.start : seg.end].split()))
        if seg.kind not in ("paragraph", "metadata", "heading") or len(line) > _SHORT:
            break
        if not out:
            if not _date_only_or_dated_venue(line):
                break
            out.append(i)
        elif re.fullmatch(r"[A-Z][\w’'.-]*(?:[ ,]+(?:the\s+)?[A-Z][\w’'.-]*){0,4}", line):
            out.append(i)  # "Podgorica, Montenegro", "Bishkek Kyrgyzstan", "Online"
        else:
            break
    return out


def _date_only_or_dated_venue(line: str) -> bool:
    """The date line: "16 - 18 April 2012", or "13 October (09:00) - 14 October (17:30) 2021 Bishkek Kyrgyzstan"."""
    dates = find_dates(line)
    if not dates or dates[0].char_start > 3:
        return False
    rest = line[dates[0].char_end :]
    return _date_only(line) or bool(re.fullmatch(r"[\s,.–—-]*(?:[A-Z][\w’'.-]*[ ,]*){1,5}", rest))
