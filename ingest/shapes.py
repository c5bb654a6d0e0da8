"""Shapes of page text that name activity words without naming an activity. Pure functions of text.

- Page chrome left in the content: a cookie banner, a menu or breadcrumb line ("Home / News",
  "EN | RU | FR"), a share line.
- A block of links to other pages, under a heading such as "Related news", "See also" or "Documents":
  its items name other pages ("Meeting conclusions", "Seminar programme"), not what this page reports.
- An agenda time slot: "09:00–10:30 Session 1: ...", a row whose first cell is "08:30 – 09:00".
- A title-only line: a short line with no verb and no date ("Meeting", "Training agenda (PDF)").
- A trigger word used as a modifier of another noun: "project team", "three project countries",
  "exercise director", "workshop report", "Seminar conclusions".
"""

from __future__ import annotations

import re

_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CRUMBS = re.compile(r"^\W*(?:home|main page|start)\s*[/>»›|]", re.IGNORECASE)
_SHARE = re.compile(r"^\W*(?:share|share this|print|follow us)\b\s*:?", re.IGNORECASE)
_LINK_BLOCK = re.compile(
    r"^\W*(?:related(?:\s+\w+)?|see also|more news|latest news|other news|recent news|read more|more on this|"
    r"you may also like|further reading|documents?(?:\s+and\s+\w+)?|downloads?|meeting documents|"
    r"publications|useful links|links|attachments?|resources)\W*$",
    re.IGNORECASE,
)
_TIME_SLOT = re.compile(r"^\W*\d{1,2}[:.h]\d\d\s*(?:[-–—]|to)\s*\d{1,2}[:.h]\d\d\b")
_MODIFIED = {
    "team", "teams", "countries", "country", "partners", "participants", "report", "reports", "agenda", "agendas",
    "conclusions", "programme", "programmes", "program", "director", "directors", "flyer", "beneficiary",
    "beneficiaries", "manual", "document", "documents", "documentation", "notice", "form", "materials", "summary",
    "proceedings", "minutes", "outcomes", "results", "secretariat", "coordinator", "coordinators", "leader",
    "manager", "managers", "website", "page", "budget", "room", "hall", "members", "staff", "officer", "officers",
    "proposal", "cycle", "presentations", "presentation", "photos", "gallery", "list", "note", "outline",
    "scenario", "concept", "brochure", "factsheet", "leaflet", "evaluation", "evaluators", "organizers",
    "organisers", "facilitators", "trainers", "venue", "registration", "fee", "fees", "portfolio", "cost", "costs",
}
_VERBISH = re.compile(r"\b(?:is|are|was|were|will|has|have|had|held|took|organi[sz]ed|met|discussed|launched)\b", re.IGNORECASE)


def chrome(line: str) -> bool:
    """A cookie banner, a menu, a breadcrumb or a share line."""
    line = " ".join(line.split())
    if _COOKIES.search(line) and len(line) < 400:
        return True
    if len(line) < 200 and (_CRUMBS.match(line) or _SHARE.match(line) or line.count(" | ") >= 2 or line.count("|") >= 3):
        return True
    return False


def link_block_heading(line: str) -> bool:
    """A heading over links to other pages: "Related news", "See also", "Documents and presentations"."""
    return bool(_LINK_BLOCK.match(" ".join(line.split())))


def time_slot(line: str) -> bool:
    """An agenda time slot: "09:00–10:30 Session 1", or a table row whose first cell is one."""
    return bool(_TIME_SLOT.match(line.lstrip("| ")))


def title_only(line: str, has_date: bool) -> bool:
    """A short line with no date and no verb: a link, a label or a document name, not a report of an event."""
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    return not has_date and len(words) <= 6 and not _VERBISH.search(line) and not line.rstrip().endswith(".")


_SESSION_PART = {"opening", "closing", "working", "plenary", "parallel", "breakout", "concluding", "morning", "afternoon", "poster", "panel", "interactive"}


def event_part(before: str, trigger: str) -> bool:
    """A part of an event's programme: "the opening session", "a working session"."""
    return trigger.lower() == "session" and before in _SESSION_PART


def modifier(text: str, end: int) -> bool:
    """The activity word ending at end modifies the noun after it: "project team", "workshop report"."""
    m = re.match(r"[ \t]+([A-Za-z]+)\b", text[end : end + 30])
    return bool(m) and m.group(1).lower() in _MODIFIED
