"""A small grammar for the dates and date ranges programme documents write, in English, Russian and French.

    27-29 October 2021            22 -24 May 2019             7–8 November 2018        27–29 Oct. 2019
    from 27 to 29 October 2019    20 and 21 October 2019      October 27-29, 2019      2016-2019
    30 November - 01 December 2021           13 December (10:00) - 14 December (18:00) 2011
    December 2017-December 2019   March to November 2009      on 24 March 2015         2004
    28.09.2021    2021-09-28      28.09–01.10.2021            20–21 ноября 2019 года   с 3 по 5 марта 2020 г.
    в ноябре 2019 года            du 4 au 6 décembre 2018     les 20 et 21 octobre 2019       en novembre 2019

Month names come from CLDR (ingest.dates_cldr). Each match keeps the precision the text gives: a day
(xsd:date, "2021-10-27"), a month (xsd:gYearMonth, "2021-10") or a year (xsd:gYear, "2021"); a single date
has the same start and end. A year is not a date inside a reference ("Directive 2006/21/EC", "No. 1272/2008")
or before a unit ("2006 tonnes"). A day and month without a year ("On the 5th of October", "5 октября") are
read only when the caller gives the year of the document (context_year).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.dates_cldr import alternation, month_words, unit_words


@dataclass(frozen=True)
class DateRange:
    """start and end as XSD lexical forms; their length tells the precision (4, 7 or 10 characters)."""

    start: str
    end: str
    char_start: int
    char_end: int


_DAY = r"[0-3]?\d(?:st|nd|rd|th|er)?"  # 5th, 1er
_NUM_DAY, _NUM_MONTH = r"[0-3]?\d", r"[01]?\d"
_YEAR = r"(?:19|20)\d\d"
_YEAR_WORD = r"(?:\s*(?:годах|году|года|год|гг\.|г\.|гг(?!\w)|г(?!\w)))?"  # 2019 года, 2020 г.
_DASH = r"\s*[-–—]\s*"
_TO = r"\s*(?:[-–—]|\b(?:to|until|till|through|au|jusqu'au|по|до)\b)\s*"
_AND = r"\s*(?:\b(?:and|et|и)\b|&)\s*"
_OF = r"(?:\s+of)?"  # the 5th of October
_TIME = r"(?:\s*\(\s*\d{1,2}\s?[:.h]\s?\d\d(?:\s*[-–—]\s*\d{1,2}\s?[:.h]\s?\d\d)?\s*\))?"  # 13 December (10:00), 24 septembre (09 h 00)


def _patterns(month: str, units: str) -> list[tuple[str, str, bool]]:
    """(name, body, needs a year); order matters: at one position the first that matches wins."""
    M, D, Y, YW = month, _DAY, _YEAR, _YEAR_WORD
    days = rf"(?P<d1>{D})(?:\s*,\s*{D})*(?:{_TO}|{_AND})(?P<d2>{D})"  # 27-29 ; 3 по 5 ; 20, 21 and 22
    return [
        (
            "dmdmy",
            rf"(?P<d1>{D}){_OF}\s+(?P<m1>{M})(?:,?\s+(?P<y1>{Y}){YW})?{_TIME}{_TO}"
            rf"(?P<d2>{D}){_OF}\s+(?P<m2>{M}){_TIME},?\s+(?P<y2>{Y}){YW}",
            True,
        ),
        ("ddmy", rf"{days}{_OF}\s+(?P<m1>{M}),?\s+(?P<y2>{Y}){YW}", True),
        ("mymy", rf"(?P<m1>{M})\s+(?P<y1>{Y}){YW}{_TO}(?P<m2>{M})\s+(?P<y2>{Y}){YW}", True),
        ("mmy", rf"(?P<m1>{M}){_TO}(?P<m2>{M})\s+(?P<y2>{Y}){YW}", True),
        ("mdmdy", rf"(?P<m1>{M})\s+(?P<d1>{D})(?:,\s*(?P<y1>{Y}))?{_TO}(?P<m2>{M})\s+(?P<d2>{D})(?:,\s*|\s+)(?P<y2>{Y})", True),
        ("mddy", rf"(?P<m1>{M})\s+{days}(?:,\s*|\s+)(?P<y2>{Y})", True),
        (
            "nn",
            rf"(?P<d1>{_NUM_DAY})\.(?P<m1>{_NUM_MONTH})\.(?P<y1>{Y}){YW}{_TO}"
            rf"(?P<d2>{_NUM_DAY})\.(?P<m2>{_NUM_MONTH})\.(?P<y2>{Y}){YW}",
            True,
        ),
        ("nny", rf"(?P<d1>{_NUM_DAY})\.(?P<m1>{_NUM_MONTH})\.?{_TO}(?P<d2>{_NUM_DAY})\.(?P<m2>{_NUM_MONTH})\.(?P<y2>{Y}){YW}", True),
        ("ddn", rf"(?P<d1>{_NUM_DAY}){_DASH}(?P<d2>{_NUM_DAY})\.(?P<m1>{_NUM_MONTH})\.(?P<y2>{Y}){YW}", True),
        ("n", rf"(?P<d1>{_NUM_DAY})\.(?P<m1>{_NUM_MONTH})\.(?P<y1>{Y}){YW}", True),
        ("ns", rf"(?P<d1>{_NUM_DAY})/(?P<m1>{_NUM_MONTH})/(?P<y1>{Y})", True),  # "14/03/2023", day first as in Europe
        ("dmy", rf"(?P<d1>{D}){_OF}\s+(?P<m1>{M}){_TIME},?\s+(?P<y1>{Y}){YW}", True),
        ("mdy", rf"(?P<m1>{M})\s+(?P<d1>{D})(?:,\s*|\s+)(?P<y1>{Y})", True),
        ("iso", rf"(?P<y1>{Y})-(?P<m1>[01]?\d)-(?P<d1>[0-3]?\d)(?![\d-])", True),
        ("yy", rf"(?P<y1>{Y}){_DASH}(?P<y2>(?:19|20)?\d\d)(?![\d/-]){YW}", True),
        ("my", rf"(?P<m1>{M}),?\s+(?P<y1>{Y}){YW}", True),  # "September 2013", "September, 2013"
        ("y", rf"(?P<y1>{Y}){YW}(?!(?-i:\s+(?:{units})(?!\w)))", True),  # not "2006 tonnes"
        # no year: only with a context year
        ("dmdm", rf"(?P<d1>{D}){_OF}\s+(?P<m1>{M}){_TIME}{_TO}(?P<d2>{D}){_OF}\s+(?P<m2>{M}){_TIME}", False),
        ("ddm", rf"{days}{_OF}\s+(?P<m1>{M})", False),
        ("mdd", rf"(?P<m1>{M})\s+{days}", False),
        ("dm", rf"(?P<d1>{D}){_OF}\s+(?P<m1>{M})", False),
        # a month alone, after "in": "held in June", "в сентябре", "en juin"
        ("m", rf"(?:(?<=\bin )|(?<=\bIn )|(?<=\bв )|(?<=\bВ )|(?<=\bво )|(?<=\ben )|(?<=\bEn ))(?P<m1>{M})", False),
    ]


@lru_cache(maxsize=2)
def _grammar(with_yearless: bool) -> re.Pattern:
    months, _ = month_words()
    month = rf"(?:{alternation(months)})(?:\.|(?!\w))"
    units = alternation(unit_words())
    bodies = [(name, body) for name, body, has_year in _patterns(month, units) if has_year or with_yearless]
    alternatives = "|".join(f"(?P<{name}>{body.replace('(?P<', f'(?P<{name}_')})" for name, body in bodies)
    # not inside a word, a number or a reference: "2006/21/EC", "ECE/CP.TEIA/2", "No. 1272/2008", "10,2019"
    return re.compile(rf"(?<![\w/.-])(?<!\d,)(?<!№)(?<!№ )(?:{alternatives})(?![\w/])(?![.,-]\d)", re.IGNORECASE)


def _lex(year: str | int, month: str | None = None, day: str | None = None) -> str | None:
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = int(month) if month.isdigit() else month_words()[0][month.lower().rstrip(".")]
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        digits = re.match(r"\d+", day)
        return datetime.date(y, m, int(digits.group())).isoformat() if digits else None
    except ValueError:
        return None


def _reads_as_month(word: str) -> bool:
    """A year-less "5 may" is not a date: an English month is capitalised ("5 May"), a French one need not be."""
    return not (word[:1].islower() and word.lower().rstrip(".") in month_words()[1])


def find_dates(text: str, context_year: int | None = None) -> list[DateRange]:
    """Every date or date range in text, longest match first, in text order. context_year, the year of
    the document (its dateline), completes a day and month written without one; without it they are not read."""
    found = []
    for match in _grammar(context_year is not None).finditer(text):
        name = match.lastgroup or ""  # (always set: every alternative of the grammar is a named group)
        prefix = name + "_"
        g = {k[len(prefix) :]: v for k, v in match.groupdict().items() if v is not None and k.startswith(prefix)}
        if "y1" not in g and "y2" not in g:
            if not all(_reads_as_month(g[k]) for k in ("m1", "m2") if k in g):
                continue
            g["y2"] = str(context_year)
        y2 = g.get("y2") or g["y1"]
        if name == "yy" and len(y2) == 2:
            y2 = g["y1"][:2] + y2
        y1 = g.get("y1") or y2
        m1, m2 = g.get("m1") or g.get("m2"), g.get("m2") or g.get("m1")
        d1, d2 = g.get("d1") or g.get("d2"), g.get("d2") or g.get("d1")
        start, end = _lex(y1, m1, d1), _lex(y2, m2, d2)
        if start is None or end is None or end < start:
            continue
        found.append(DateRange(start, end, match.start(), match.end()))
    return found


def datatype(lexical: str) -> str:
    """The XSD datatype local name for a lexical form from find_dates."""
    return {4: "gYear", 7: "gYearMonth", 10: "date"}[len(lexical)]
