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

from ingest.nonevents import not_new

_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CRUMBS = re.compile(
    r"^\W*(?:(?:you are here|вы здесь|vous êtes ici)\s*:\s*|(?:home|main page|start|главная|accueil)\s*[/>»›|])", re.IGNORECASE
)
_NEXT = re.compile(
    r"^\W*(?:next|previous|prev|следующая|предыдущая|suivant|précédent)\b\s*(?:news|article|story|новость|статья|article)?\s*[:»«]",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^\W*(?:list of (?:meetings|events|news)(?: and (?:meetings|events|news))?|all (?:meetings|events|news)|back to\b|"
    r"все (?:новости|мероприятия|события)|назад к|вернуться|toutes les (?:actualités|manifestations)|tous les événements|retour)"
    r"[\w\s]{0,30}(?:[-–—|]\s*(?:all|все|tous|toutes))?\W*$",
    re.IGNORECASE,
)
_SHARE = re.compile(r"^\W*(?:share|share this|print|follow us)\b\s*:?", re.IGNORECASE)
_LINK_BLOCK = re.compile(
    r"^\W*(?:related(?:\s+\w+)?|see also|more news|latest news|other news|recent news|read more|read also|also read|more stories|see more|more on this|"
    r"you may also like|further reading|documents?(?:\s+and\s+\w+)?|downloads?|meeting documents|"
    r"publications|useful links|links|attachments?|resources|"
    r"новости по теме|похожие новости|другие новости|последние новости|читайте также|см\.? также|смотрите также|"
    r"документы|материалы|публикации|ссылки|полезные ссылки|вложения|файлы|"
    r"actualités liées|actualites liees|à lire aussi|a lire aussi|lire aussi|voir aussi|autres actualités|"
    r"dernières actualités|sur le même sujet|documents? (?:associés|liés)|publications|liens(?: utiles)?|"
    r"pièces jointes|téléchargements?|ressources)\W*$",
    re.IGNORECASE,
)
_TIME_SLOT = re.compile(  # "09:00–10:30", "9 h 00 – 9 h 30", "18:30 Dinner"
    r"^\W*(?:\d{1,2}\s?[:.h]\s?\d\d\s*(?:[-–—]|to)\s*\d{1,2}\s?[:.h]\s?\d\d\b|\d{1,2}\s?[:h]\s?\d\d\b(?!\s*[-–—]))"
)
_MODIFIED = {
    "phases",
    "phase",
    "activities",
    "objectives",
    "objective",
    "components",
    "stages",
    "description",
    "overview",
    "background",
    "goals",
    "aims",
    "news",
    "events",
    "timeline",
    "history",
    "publications",
    "contacts",
    "funding",
    "structure",
    "scope",
    "context",
    "deliverables",
    "outputs",
    "achievements",
    "updates",
    "calendar",
    "schedule",
    "team",
    "teams",
    "countries",
    "country",
    "partners",
    "participants",
    "report",
    "reports",
    "agenda",
    "agendas",
    "conclusions",
    "programme",
    "programmes",
    "program",
    "director",
    "directors",
    "flyer",
    "beneficiary",
    "beneficiaries",
    "manual",
    "document",
    "documents",
    "documentation",
    "notice",
    "form",
    "materials",
    "summary",
    "proceedings",
    "minutes",
    "outcomes",
    "results",
    "secretariat",
    "coordinator",
    "coordinators",
    "co-ordinator",
    "co-ordinators",
    "centre",
    "centres",
    "center",
    "centers",
    "leader",
    "manager",
    "managers",
    "website",
    "page",
    "budget",
    "room",
    "hall",
    "members",
    "staff",
    "officer",
    "officers",
    "proposal",
    "cycle",
    "presentations",
    "presentation",
    "photos",
    "gallery",
    "list",
    "note",
    "outline",
    "scenario",
    "concept",
    "brochure",
    "factsheet",
    "leaflet",
    "evaluation",
    "evaluators",
    "organizers",
    "organisers",
    "facilitators",
    "trainers",
    "venue",
    "registration",
    "fee",
    "fees",
    "portfolio",
    "cost",
    "costs",
    "zone",
    "zones",
    "procedure",
    "procedures",
    "area",
    "areas",
    "distance",
    "distances",
}
_VERBISH = re.compile(r"\b(?:is|are|was|were|will|has|have|had|held|took|organi[sz]ed|met|discussed|launched)\b", re.IGNORECASE)


# A newsletter's table of contents: "In this issue: …", "В этом выпуске: …", "Dans ce numéro : …"
_CONTENTS = re.compile(
    r"^\W*(?:in\s+this\s+(?:issue|edition)|в\s+(?:этом|данном)\s+(?:выпуске|номере)|dans\s+ce\s+(?:numéro|bulletin))\s*:", re.IGNORECASE
)


def chrome(line: str) -> bool:
    """A cookie banner, a menu, a breadcrumb, a share line or a newsletter's contents line."""
    line = " ".join(line.split())
    if _CONTENTS.match(line) and len(line) < 400:
        return True
    if _COOKIES.search(line) and len(line) < 400:
        return True
    return bool(
        len(line) < 200
        and (
            _CRUMBS.match(line)
            or _NEXT.match(line)
            or _SHARE.match(line)
            or _NAVIGATION.match(line)
            or line.count(" | ") >= 2
            or line.count("|") >= 3
        )
    )


def link_block_heading(line: str) -> bool:
    """A heading over links to other pages: "Related news", "See also", "Documents and presentations"."""
    return bool(_LINK_BLOCK.match(" ".join(line.split())))


_FILE_CELL = re.compile(
    r"(?:pdf|docx?|pptx?|xlsx?|zip|rtf|odt|word|excel|powerpoint|html?|link|download|"
    r"en|ru|fr|english|russian|french|français|francais|русский|английский|anglais|russe)"
    r"(?:\s*\(?\d+(?:[.,]\d+)?\s*[kmg]?b\)?)?",
    re.IGNORECASE,
)


def time_slot(line: str) -> bool:
    """An agenda time slot: "09:00–10:30 Session 1", or a table row whose first cell is one; and a row of a
    table of files, whose other cells are only file links ("Programme | PDF | - | PDF")."""
    return bool(_TIME_SLOT.match(line.lstrip("| "))) or file_row(line)


def file_row(line: str) -> bool:
    """A row naming a document and its files: "Provisional agenda | PDF | PDF", "Программа | PDF",
    "Provisional programme | English, Azerbaijani | PDF" (a language list may name one we do not list)."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    rest = [c for c in cells[1:] if c not in ("", "-", "–", "—")]
    return len(cells) >= 2 and bool(rest) and all(_file_cell(c) for c in rest)


def _file_cell(cell: str) -> bool:
    parts = [p.strip() for p in re.split(r"[,/;]|\band\b|\bet\b|\bи\b", cell) if p.strip()]
    return _FILE_CELL.fullmatch(cell) is not None or (
        any(_FILE_CELL.fullmatch(p) for p in parts)
        and all(_FILE_CELL.fullmatch(p) or re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+", p) for p in parts)
    )


def title_only(line: str, has_date: bool) -> bool:
    """A short line with no date and no verb: a link, a label or a document name, not a report of an event."""
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    return not has_date and len(words) <= 6 and not _VERBISH.search(line) and not line.rstrip().endswith(".")


_SESSION_PART = {
    "opening",
    "closing",
    "working",
    "plenary",
    "parallel",
    "breakout",
    "concluding",
    "morning",
    "afternoon",
    "poster",
    "panel",
    "interactive",
}


_EXERCISE_PART = {
    "group",
    "groups",
    "practical",
    "interactive",
    "hands-on",
    "role-play",
    "classroom",
    # an exercise of thought, not a drill: "a mapping exercise", "the stocktaking exercise"
    "mapping",
    "stocktaking",
    "stock-taking",
    "review",
    "self-assessment",
    "benchmarking",
    "inventory",
    "reflection",
    "prioritization",
    "prioritisation",
    "scoping",
}


def event_part(before: str, trigger: str) -> bool:
    """A part of an event's programme: "the opening session", "a working session", "a group exercise"."""
    word = trigger.lower()
    return (word == "session" and before in _SESSION_PART) or (word == "exercise" and before in _EXERCISE_PART)


def modifier(text: str, end: int) -> bool:
    """The activity word ending at end names no new activity: it modifies the noun after it ("project team",
    "workshop report"), or it is a draft, a statutory meeting or a back-reference (ingest.nonevents)."""
    m = re.match(r"[ \t]+([A-Za-z]+(?:-[A-Za-z]+)?)\b", text[end : end + 30])  # "Project Co-ordinator"
    return (m is not None and m.group(1).lower() in _MODIFIED) or not_new(text, end)


# When the page was published, not when its event was held: "Publié le 28/11/2019", "Опубликовано: 12.03.2021"
_PUBLISHED_WORDS = r"published|posted|publié|опубликовано"
_PUBLISHED = re.compile(
    rf"(?i)(?:[A-Z]+(?:/[\w.-]+)+\s*[—–|-]\s*)?\W*(?:{_PUBLISHED_WORDS}|updated|last\s+updated|mis\s+à\s+jour|обновлено|дата\s+публикации)\b"
)
# the words saying when a page was published, anywhere in a header line, up to its date ("… · Published 26 September 2022")
PUBLISHED_AT = re.compile(rf"(?i)\b(?:{_PUBLISHED_WORDS})(?:\s+(?:on|le))?\s*:?\s*")
# A year closing a quoted name: 'Table-top exercise "Dniester 2020"', «Кура-2019»
_NAMED_YEAR = re.compile(r"[\"«“„][^\"«»“”„\n]{2,40}?[\s-](?:19|20)\d\d[\"»”“]")
# A report's section of recommendations: "IV. Recommendations", "Выводы и рекомендации", "Recommandations"
_RECOMMENDATIONS = re.compile(
    r"(?i)\W*(?:[IVX\d]+\.?\s+)?(?:(?:conclusions|findings|выводы)\s+(?:and|и|et)\s+)?"
    r"(?:recommendations|рекомендации|recommandations)\W*$"
)
# A numbered paragraph of a report: a sentence, opening with an article or a preposition
_NARRATED = re.compile(r"(?:\d+\.\s+)?(?:The|An?|In|On|At|During|From|Le|La|Les|L['’]|Une?|En|Au|Lors|Dans|В|На|С|По|Во)\s+(?:\S+\s+){7}")


def byline(line: str) -> bool:
    """ "Mission to Moldova · Published 17 October 2019": who published the page and when, not an event."""
    at = PUBLISHED_AT.search(line)
    return at is not None and at.start() > 0 and len(line) < 120 and len(line[: at.start()].split()) <= 8


def publication_line(line: str) -> bool:
    """ "Published: 09 March 2023", "Publié le 28/11/2019": when the page was published, not when its event was held."""
    return _PUBLISHED.match(line) is not None


def named_year(text: str, start: int, end: int) -> bool:
    """The year text[start:end] closes a quoted name ('Table-top exercise "Dniester 2020"'): a name, not a date."""
    return _NAMED_YEAR.search(text, max(0, start - 40), min(len(text), end + 2)) is not None


# "postponed from 2020", "перенесённая с 2020 года", "reporté de 2020", "initially planned for May": a date the
# event was moved from, not when it took place
_MOVED_FROM = re.compile(
    r"(?:postponed|moved|rescheduled|deferred|carried\s+over)\s+from\s+(?:\w+\s+)?$|(?:initially|originally)\s+(?:planned|scheduled|foreseen)\s+(?:for|in)\s+$"
    r"|перенес\w*\s+(?:с|со)\s+$|(?:первоначально|изначально)\s+(?:планировал\w*|намечал\w*)\s+(?:на|в)\s+$"
    r"|(?:report\w*|décal\w*)\s+(?:de|depuis)\s+(?:\w+\s+)?$|(?:initialement|d['’]abord)\s+prévu\w*\s+(?:pour|en)\s+$",
    re.IGNORECASE,
)


def moved_from(text: str, start: int) -> bool:
    """The date at text[start] is one the event was moved from: "postponed from 2020", "перенесённая с 2020 года"."""
    return _MOVED_FROM.search(text[max(0, start - 40) : start]) is not None


# "Programme of the mission", "Программа миссии", "Programme de la visite": the days of the event told, not new ones
_VISIT_PROGRAMME = re.compile(
    r"\W*(?:[IVX\d]+\.?\s+)?(?:(?:programme|program|agenda|schedule)\s+of\s+the\s+(?:mission|visit)|mission\s+(?:programme|program|agenda|schedule)"
    r"|(?:программа|график|повестка)\s+(?:миссии|визита|поездки)|programme\s+de\s+la\s+(?:mission|visite))\W*$",
    re.IGNORECASE,
)


def visit_programme_heading(line: str) -> bool:
    """A report's section giving the programme of its mission or visit, day by day."""
    return _VISIT_PROGRAMME.match(line) is not None


def recommendations_heading(line: str) -> bool:
    """A report's section of recommendations: what it names is proposed, not held."""
    return _RECOMMENDATIONS.match(line) is not None


def narrated(line: str) -> bool:
    """A numbered paragraph of a report, not an item of a list of activities ("15. Une mission consultative … s'est
    rendue à Chisinau", "3. In June 2022 the secretariat organized …")."""
    return _NARRATED.match(line) is not None
