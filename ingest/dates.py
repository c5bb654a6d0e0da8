"""A small grammar for the dates and date ranges programme documents write.

    27-29 October 2021          22 -24 May 2019            7–8 November 2018
    30 November - 01 December 2021                         December 2017-December 2019
    March to November 2009      from December 2010 to November 2015
    2016-2019                   on 24 March 2015           December 2007        2004

Each match keeps the precision the text gives: a day (xsd:date, "2021-10-27"), a month (xsd:gYearMonth,
"2021-10") or a year (xsd:gYear, "2021"). A single date has the same start and end.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}


@dataclass(frozen=True)
class DateRange:
    """start and end as XSD lexical forms; their length tells the precision (4, 7 or 10 characters)."""

    start: str
    end: str
    char_start: int
    char_end: int


_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*[-–—]\s*"
_TO = r"\s*(?:[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"

_PATTERNS = [
    # 30 November - 01 December 2021 ; 30 December 2021 - 2 January 2022
    ("dmdmy", rf"(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"),
    # 27-29 October 2021 ; 22 -24 May 2019 ; 7–8 November 2018
    ("ddmy", rf"(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y2>{_YEAR})"),
    # December 2017-December 2019 ; December 2010 to November 2015
    ("mymy", rf"(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR}){_TO}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"),
    # March to November 2009
    ("mmy", rf"(?P<m1>{_MONTH}){_TO}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"),
    # October 27-29, 2021
    ("mddy", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}),\s*(?P<y2>{_YEAR})"),
    # 24 March 2015
    ("dmy", rf"(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"),
    # March 24, 2015
    ("mdy", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),\s*(?P<y1>{_YEAR})"),
    # 2016-2019 ; 2016–19
    ("yy", rf"(?P<y1>{_YEAR}){_DASH}(?P<y2>(?:19|20)?\d\d)(?![\d-])"),
    # December 2007
    ("my", rf"(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})"),
    # 2004
    ("y", rf"(?P<y1>{_YEAR})"),
]
_GRAMMAR = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{body.replace('(?P<', f'(?P<{name}_')})" for name, body in _PATTERNS) + r")(?![\w])",
    re.IGNORECASE,
)


def _lex(year: str, month: str | None = None, day: str | None = None) -> str | None:
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = MONTHS[month.lower().rstrip(".")]
    if day is None:
        return f"{y:04d}-{m:02d}"
    d = int(re.match(r"\d+", day).group())
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateRange]:
    """Every date or date range in text, longest match first, in text order."""
    found = []
    for match in _GRAMMAR.finditer(text):
        name = match.lastgroup
        g = {k.split("_", 1)[1]: v for k, v in match.groupdict().items() if v is not None and "_" in k and k.startswith(name + "_")}
        y2 = g.get("y2")
        if name == "yy" and len(y2) == 2:
            y2 = g["y1"][:2] + y2
        y1 = g.get("y1") or y2
        if name in ("dmdmy", "mddy"):
            start, end = _lex(y1, g["m1"], g["d1"]), _lex(y2, g.get("m2", g["m1"]), g["d2"])
        elif name == "ddmy":
            start, end = _lex(y2, g["m1"], g["d1"]), _lex(y2, g["m1"], g["d2"])
        elif name in ("mymy", "mmy"):
            start, end = _lex(y1, g["m1"]), _lex(y2, g["m2"])
        elif name in ("dmy", "mdy"):
            start = end = _lex(y1, g["m1"], g["d1"])
        elif name == "yy":
            start, end = _lex(y1), _lex(y2)
        elif name == "my":
            start = end = _lex(y1, g["m1"])
        else:
            start = end = _lex(y1)
        if start is None or end is None or end < start:
            continue
        found.append(DateRange(start, end, match.start(), match.end()))
    return found


def datatype(lexical: str) -> str:
    """The XSD datatype local name for a lexical form from find_dates."""
    return {4: "gYear", 7: "gYearMonth", 10: "date"}[len(lexical)]
