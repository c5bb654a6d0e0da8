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

import datetime
import re

from ingest.dates import find_dates
from ingest.read import Document
from ingest.records import Mention
from ingest.shapes import PUBLISHED_AT

_HEADER = re.compile(r"^\W*(?:date|dated|published|posted|posted on|issued|updated|last updated)\b\s*(?:on\b)?\s*:?\s*", re.IGNORECASE)
_BYLINE = re.compile(r"^[*_\s]*[^\d—–|]{3,120}?\s[—–|]\s*(.{6,40}?)[*_.\s]*$")  # "Publisher — 6 November 2026"
_DATELINE = re.compile(r"^\W*(?:[A-ZА-ЯЁ][\w’'.-]*\s+){0,3}?[A-ZА-ЯЁ][\w’'.-]*(?:\s*\([^()]{2,40}\))?,\s+")  # "Bishkek, ", "DUSHANBE, "
_LABEL = re.compile(
    r"^\W*(?:dates?|when|period|venue|place|location|where|даты?|сроки(?:\s+проведения)?|место(?:\s+проведения)?|lieu|date\(s\)|où|quand)\s*:\s*",
    re.IGNORECASE,
)
_CAP = r"[A-ZА-ЯЁÀ-ÖØ-Þ]"
# "Podgorica, Montenegro", "Bishkek Kyrgyzstan", "Online", "Тбилиси, Грузия", "Chisinau (Republic of Moldova)", "г. Ташкент"
_VENUE_LINE = re.compile(  # "Podgorica, Montenegro", "Geneva Switzerland, Palais des Nations, Room VII"
    rf"(?:г\.\s*)?{_CAP}[\w’'.-]*(?:[ ,]+\(?(?:(?:the|of|des|de|du|la|le|del)\s+)?(?:{_CAP}[\w’'.-]*|\d{{1,4}})\)?){{0,6}}"
)
_ONLINE_LINE = re.compile(
    r"(?i)(?:online|virtual|hybrid)\s+(?:meeting|event|format)|(?:réunion|événement)\s+en\s+ligne|онлайн[\s-](?:встреча|мероприятие|формат)"
)
_TOWN_FIRST = re.compile(
    rf"(?:г\.\s*)?{_CAP}[\w’'.-]*(?:[ -]{_CAP}[\w’'.-]*){{0,2}}(?:\s+(?:and|et|и)\s+{_CAP}[\w’'.-]*(?:[ -]{_CAP}[\w’'.-]*){{0,2}})?(?:\s*\([^()]{{2,40}}\))?(?:,\s*{_CAP}[\w’'. -]*?)?(?:,|\s[–—])\s+"
)
_TOP = 12  # header lines are among the first blocks of a page
_SHORT = 90  # a header line or a venue line is short


def _date_only(text: str) -> bool:
    """A line that is a date and little else: "28.09.2021", "11:35 / 07.10.2017", "13 December (10:00) - 14 December (18:00) 2011"."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text[: dates[0].char_start] + text[dates[0].char_end :]
    return not re.search(r"[^\W\d_]{4,}", re.sub(r"\((?:CEST|CET|GMT|UTC)[^)]*\)|\b(?:CEST|CET|GMT|UTC)\b", "", rest))


_ISSUE = re.compile(r"(?i)\W*(?:issue|выпуск|numéro|bulletin|newsletter|no\.?|№|n°)\s*(?:no\.?\s*|№\s*)?\d{1,2}\s*/\s*((?:19|20)\d\d)\b")


def document_date(document: Document) -> str | None:
    """The date the page was written on, as written (a year, a month or a day), from its dateline or header
    lines, else a year from its title (or an HTML page's <title>); None if neither says."""
    text = document.text
    for seg in document.segments[:_TOP]:
        line = " ".join(text[seg.start : seg.end].split())
        if seg.kind == "title":
            continue
        head = line[:_SHORT]
        header = _HEADER.match(head) or (len(line) <= _SHORT and (_date_only(line) or _date_only(re.split(r"\s[|·•]\s", line)[0])))
        if header and (dates := find_dates(head)):
            return dates[0].start
        published = PUBLISHED_AT.search(line)
        if published and (dates := find_dates(line[published.end() : published.end() + 40])) and dates[0].char_start <= 3:
            return dates[0].start  # "Published 26 September 2022 · Edited", "Опубликовано: 12.03.2021"
        if issue := _ISSUE.match(line):  # "**Выпуск 3/2013 (март)**", "Issue No. 5/2016": a newsletter's issue of that year
            return issue.group(1)
        byline = _BYLINE.match(line)  # "*Ministry of Environmental Protection of the Republic of Serbia — 6 November 2026*"
        if byline and len(line) <= 2 * _SHORT and _date_only(byline.group(1)):
            return find_dates(byline.group(1))[0].start
        m = _DATELINE.match(line)
        if m:
            dates = find_dates(line[: m.end() + 40])
            if dates and dates[0].char_start - m.end() in (0, 3) and line[m.end() : dates[0].char_start] in ("", "le "):
                return dates[0].start
    dates = find_dates(document.title) or find_dates(document.head_title)
    return dates[0].start[:4] if dates else None


def document_year(document: Document) -> int | None:
    """The year the page was written in (see document_date)."""
    date = document_date(document)
    return int(date[:4]) if date else None


def event_header(document: Document, title_index: int) -> list[int]:
    """Indexes of the date line and venue line right after the title at title_index, when the title is followed
    by a date line (the event's dates) before any prose; [] otherwise. A parenthesised subtitle between them
    ("(Республика Беларусь)") belongs to the header."""
    segments, text = document.segments, document.text
    out: list[int] = []
    dated = False
    for i in range(title_index + 1, min(title_index + 5, len(segments))):
        seg = segments[i]
        line = _LABEL.sub("", " ".join(text[seg.start : seg.end].split()).strip("*_ "))  # "**Ереван, 16–17 мая 2023 г.**"
        first = _LABEL.sub("", " ".join(text[seg.start : seg.end].split("\n")[0].split()).strip("*_ "))
        if (
            seg.kind not in ("paragraph", "metadata", "heading", "list-item")
            or len(first if dated else line) > _SHORT
            and len(first) > _SHORT
        ):
            break  # (the date line, then "Venue: Government of …, conference hall …" joined to it: its first line counts)
        if not dated:
            if i == title_index + 1 and re.fullmatch(r"\([^()]{2,60}\)", line):
                out.append(i)
                if _date_only_or_dated_venue(line[1:-1]):  # "(Душанбе, Худжанд, 11–14 марта 2013 года)"
                    dated = True
                continue
            if not (_date_only_or_dated_venue(line) or first != line and _date_only_or_dated_venue(first)):
                break  # (a date line may wrap onto a line naming the hall: "Hôtel Hyatt Regency, salle « Pamir »")
            out.append(i)
            dated = True
        elif _VENUE_LINE.fullmatch(line) or _TOWN_FIRST.match(line) and not find_dates(line) or _ONLINE_LINE.fullmatch(line):
            out.append(i)  # "Podgorica, Montenegro", "Bishkek Kyrgyzstan", "Online", "г. Туркменбаши, зона «Аваза», …"
        else:
            break
    return out if dated else []


def _date_only_or_dated_venue(line: str) -> bool:
    """The date line: "16 - 18 April 2012", or "13 October (09:00) - 14 October (17:30) 2021 Bishkek Kyrgyzstan"."""
    dates = find_dates(line)
    if dates and dates[0].char_start > 3:  # "Pavlodar, 3–5 April 2018": the town, then days, nothing else (a
        town = _TOWN_FIRST.match(line)  # single day there is the dateline of a news item: "Geneva, 9 November 2018")
        gap = line[town.end() : dates[0].char_start] if town else ""
        only = town and re.fullmatch(r"(?:(?:le|les|du|on|the|с)\s+)?", gap) and not line[dates[0].char_end :].strip(" .,")
        return bool(only and dates[0].start != dates[0].end)
    if not dates:
        return False
    rest = line[dates[0].char_end :]
    return _date_only(line) or bool(re.fullmatch(rf"[\s,.–—-]*(?:{_CAP}[\w’'.-]*[ ,]*){{1,5}}", rest))


_UNKNOWN_TOWN = re.compile(r"[^\w«\"]*[A-ZА-ЯЁ][\w’'.-]*(?:[ -][A-ZА-ЯЁ][\w’'.-]*){0,2},?\s+")
_DATELINE_END = re.compile(r"\s*(?:г\.|года?)?\s*(?:\(\w+\)\s*)?(?:[.:–—]|-\s|$)")
# Days named by their distance from the page's date ("page") or from the activity read before ("before")
_RELATIVE = [
    (re.compile(r"\b(?:today|this morning|сегодня|aujourd['’]hui|ce matin)\b", re.IGNORECASE), "page", 0),
    (re.compile(r"\b(?:yesterday|вчера|hier)\b", re.IGNORECASE), "page", -1),
    (
        re.compile(r"\b(?:the (?:following|next) day|the day after|на следующий день|на другой день|le lendemain)\b", re.IGNORECASE),
        "before",
        1,
    ),
    (re.compile(r"\b(?:the same day|в тот же день|le même jour)\b", re.IGNORECASE), "before", 0),
    (re.compile(r"\b(?:on the eve|the day before|накануне|la veille)\b", re.IGNORECASE), "before", -1),
]


def _only_names(text: str, lo: int, hi: int, names: list) -> bool:
    """text[lo:hi] is the names given and the punctuation between them ("Chisinau (Republic of Moldova), ")."""
    rest, pos = [], lo
    for m in names:
        rest.append(text[pos : m.start])
        pos = m.end
    rest.append(text[pos:hi])
    return (
        all(re.fullmatch(r"[\s,()*_#>|/-]*", piece) for piece in rest[:-1])
        and re.fullmatch(r"[\s,()*_#>|/-]*(?:le\s+)?", rest[-1]) is not None
    )  # "Erevan, le 27 février 2025"


def _line_end(text: str, pos: int, end: int) -> int | None:
    """Where a dateline's date ending at pos ends it: at a dash, colon or full stop, or with its line
    ("KHARKIV, Ukraine 24 September 2021" alone in a block)."""
    tail = _DATELINE_END.match(text, pos)
    if tail:
        return tail.end()
    return end if not text[pos:end].strip(" .,") else None


def dateline(text: str, start: int, end: int, mentions: list[Mention]) -> tuple[Mention | None, Mention, int] | None:
    """The dateline opening a block of text: "BISHKEK, 4 October 2021 –", "Ашхабад, 26 января 2018 г. —",
    "Chisinau (Republic of Moldova), 28.09.2021." or "4 October 2021, Bishkek –": (the town's mention, None
    for a town the gazetteer lacks, the date's mention, and where the dateline ends). It tells where and when the page was written,
    not when the event was held."""
    names = [m for m in mentions if m.kind != "TOPIC" and start <= m.start < min(end, start + 120)]
    date = next((m for m in names if m.kind == "DATE"), None)
    if date is None:
        return None
    before = [m for m in names if m.end <= date.start]
    if before:  # "Town[, Country], DATE" or "Town (Country) DATE"
        if (
            before[0].kind != "CITY"
            or any(m.kind not in ("CITY", "COUNTRY") for m in before[1:])
            or not _only_names(text, start, date.start, before)
        ):
            return None
        tail = _line_end(text, date.end, end)
        return (before[0], date, tail) if tail else None
    if text[start : date.start].strip(" \t\n*_#>|"):
        tail = _line_end(text, date.end, end)
        if _UNKNOWN_TOWN.fullmatch(text, start, date.start) and tail:
            return None, date, tail  # "SOROCA, 28 September 2021 –": a town the gazetteer lacks
        return None
    after = [m for m in names if m.start >= date.end][:2]
    if not after or after[0].kind != "CITY" or (len(after) > 1 and after[1].kind != "COUNTRY"):
        after = after[:1]
    if not after or after[0].kind != "CITY" or not re.match(r"\s*,\s*$", text[date.end : after[0].start]):
        return None
    tail = after[-1].end
    tail += 1 if text[tail : tail + 1] == ")" else 0
    close = _DATELINE_END.match(text, tail)
    return (after[0], date, close.end()) if _only_names(text, date.end, tail, after) and close else None


def relative_day(sentence: str, page: str | None, before: tuple[str, str | None] | None) -> str | None:
    """The day a sentence names relative to the page's date ("today", "вчера") or to the activity read before
    it ("the following day", "le lendemain", "накануне"); None if it names none or the anchor is not a day."""
    for pattern, anchor, shift in _RELATIVE:
        if pattern.search(sentence):
            if anchor == "page":
                base = page
            else:
                base = None if before is None else before[1] if shift > 0 else before[0]
            if base is None or len(base) != 10:
                return None
            return (datetime.date.fromisoformat(base) + datetime.timedelta(days=shift)).isoformat()
    return None
