"""Item shapes: a list item under a heading about activities ("TITLE (DATES), CITY, COUNTRY"), and a table
row under a header with an activity column. Each item is one activity. Called by ingest.extract's reader,
passed as `reader`. An item's title (`item_title`) is its leading bold span, else its text up to the comma,
dash or parenthesis that opens the venue, the dates or a remark; Markdown markers never stay in it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.context import relative_day
from ingest.coref import SECRETARIAT_PART, recommends
from ingest.labels import from_capitals, trim_tail
from ingest.nonevents import statutory_session
from ingest.read import Segment
from ingest.records import Mention
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.extract import _Reader as Reader

HEADER_ROLES = {
    "label": ("activity", "activities", "title", "project", "event", "name"),
    "beneficiaries": ("countries", "country", "beneficiaries", "beneficiary", "for"),
    "support": ("support", "donor", "donors", "funding", "financed by", "partners"),
    "dates": ("dates", "date", "when", "period"),
    "venue": ("venue", "place", "location", "where", "city"),
}


# after a comma, words that open the venue, the dates or a remark rather than the rest of the name
_AFTER_COMMA = re.compile(
    r"(?i)\s*(?:(?:held|organi[sz]ed|postponed|planned|scheduled|followed|with|including|where|which|during|tenue?s?|organisée?s?|prévue?s?|"
    r"reportée?s?|à partir|при|проведен\w*|организован\w*|запланирован\w*|финансируем\w*|совместно|"
    r"в сотрудничестве)\b|г\.)"
)
_VENUE = ("DATE", "CITY", "COUNTRY", "ONLINE")
_WHEN_WHERE = ("DATE", "CITY", "ONLINE")  # after a comma: a country may go on a list ("for Croatia, Serbia")


def item_title(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """The title of a list item or heading text[start:end] such as "**TITLE** – Town, 17–18 March 2009",
    "TITLE, Town, 5 March 2019: what was agreed", "TITLE (Place), 9–12 June 2020, postponed ...",
    "TITLE pour tous les pays, les 20 et 21 juin 2023": a leading bold span; else the text up to the first
    comma, dash or parenthesis that opens the venue, the dates or a remark; then without a closing list of
    beneficiary countries or, for an event, the state it was held in (ingest.labels.trim_tail)."""
    start = _lead_cut(text, start, end, mentions)
    bold = re.match(r"\s*(\*\*|__)(.+?)\1", text[start:end])
    if bold and bold.group(2).strip():
        start, end = start + bold.start(2), start + bold.end(2)
        start = _lead_cut(text, start, end, mentions)
    else:
        end = _venue_cut(text, start, end, mentions)
    acts = [m for m in mentions if m.kind == "ACTIVITY" and start <= m.start and m.end <= end]
    if acts:
        end = trim_tail(text, acts[0], mentions, end)
    title = " ".join(text[start:end].replace("*", " ").split()).strip(" ;.,:–—-")
    if title.isupper() and len(title) > 12:  # "REPORT OF THE TECHNICAL MISSION TO SERBIA": written in capitals
        title = from_capitals(title, text)
    return title


# "A.1 ", "2.3. ", "IV. ", "Activity 3: ", "Spring 2024 – ", "Early 2010: " before a title
_LEAD = re.compile(
    r"\s*(?:\((?:planned|tbc|tbd|prévu\w*|запланирован\w*)\)\s*[–—:-]\s*|(?:report|minutes|summary|conclusions)\s+(?:of|on)\s+the\s+|(?:отч[её]т|доклад)\s+о\s+|(?:rapport|compte\s+rendu)\s+(?:de\s+la|du|de\s+l['’])\s*|(?:[A-Z]|\d+|[IVX]+)(?:\.\d+)*[.)]?\s+(?=\S)|(?:activity|activité|мероприятие|item)\s+\d+(?:\.\d+)*\s*[:.–-]\s*"
    r"|(?:spring|summer|autumn|fall|winter|early|mid|late|весна|лето|осень|зима|printemps|été|automne|hiver)[\s-]+(?:of\s+)?\d{4}\s*(?:[–—:-]|\|)\s*"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}\s*[–—:-]\s*)",  # "14/03/2023 – Inception meeting"
    re.IGNORECASE,
)


def _lead_cut(text: str, start: int, end: int, mentions: list[Mention]) -> int:
    """Past what comes before the title: a number ("A.1", "2.3."), or a date and a dash ("22 March 2023 – ",
    "Spring 2024 – ")."""
    while True:
        lead = _LEAD.match(text, start, end)
        date = next((m for m in mentions if m.kind == "DATE" and start <= m.start and not text[start : m.start].strip(" *_")), None)
        if (
            date is not None
            and (gap := re.match(r"\s*(?:[–—:|-]|\s-)\s*", text[date.end : end]))
            and any(a.kind == "ACTIVITY" and a.start >= date.end for a in mentions)
        ):
            start = date.end + gap.end()
        elif lead is not None and lead.end() < end and any(a.kind == "ACTIVITY" and a.start >= lead.end() for a in mentions):
            start = lead.end()
        else:
            return start


def _venue_cut(text: str, start: int, end: int, mentions: list[Mention]) -> int:
    acts = [m for m in mentions if m.kind == "ACTIVITY" and start <= m.start < end]
    after = acts[0].end if acts else start
    for sep in re.finditer(r"\s+[–—-]\s+|,|\(", text[after:end]):
        at = after + sep.start()
        rest = after + sep.end()
        if sep.group() == "(":
            close = text.find(")", rest, end)
            if close < 0:
                continue
            if (
                _venue_near(text, rest, close, mentions)
                or re.match(r"\s*,", text[close + 1 : end])
                and _venue_near(text, text.index(",", close) + 1, end, mentions, 3, _WHEN_WHERE)
            ):
                return at
        elif (
            sep.group() == ","
            and (_venue_near(text, rest, end, mentions, 3, _WHEN_WHERE) or _AFTER_COMMA.match(text, rest))
            or sep.group() != ","
            and _venue_near(text, rest, end, mentions, 1)
        ):
            return at
    return end


def _venue_near(text: str, lo: int, hi: int, mentions: list[Mention], words: int = 99, kinds: tuple[str, ...] = _VENUE) -> bool:
    """Whether a date, a town, a country or "online" starts within the first `words` words of text[lo:hi]
    (after a comma, a country may go on a list of them: "for Croatia, Serbia and ...")."""
    first = next((m for m in mentions if m.kind in kinds and lo <= m.start < hi), None)
    return first is not None and len(text[lo : first.start].split()) <= words


def list_item(reader: Reader, seg: Segment, mentions: list[Mention]) -> None:
    """TITLE (DATES), CITY, COUNTRY"""
    text = reader.text
    date = next((m for m in mentions if m.kind == "DATE" and text[m.start - 1 : m.start] == "(" and ")" in text[m.end : m.end + 2]), None)
    label_end = date.start - 1 if date else seg.end
    label = item_title(text, seg.start, label_end, mentions)
    acts = [m for m in mentions if m.kind == "ACTIVITY" and m.end <= label_end]
    if not acts and date is None and not any(m.kind == "DATE" for m in mentions):
        return  # a menu or link item under "Meetings & Events": no activity word, no date
    if not acts and (_TASK.match(label) or _KEY_VALUE.match(label) or recommends(text, seg.start, seg.end)) or _PARTICIPATION.match(label):
        return  # "Подготовка итогового отчёта (ноябрь 2021 г.)", "Inventory of hazardous sites": a task, not an event
    if acts and statutory_session(text, acts[0].end):
        return  # "Fourteenth meeting of the Conference of the Parties", "Two meetings per year of the Working Group"
    cls = acts[0].iri if acts else str(IAC.Activity)
    draft = reader.new(cls, label, seg.kind, False, (seg.start, seg.end))
    at = text.find(label, seg.start, seg.end)
    title_end = at + len(label) if at >= 0 else acts[0].end if acts else seg.end
    later = [m for m in mentions if m.kind == "ACTIVITY" and not m.plural and m.start >= title_end]
    if later and date is None:  # "Training on …, Kutaisi, 20 and 21 October 2019, followed the next day by an on-site
        # inspection of …": a second activity the item tells, with what the text after it says
        new, _ = reader.sentence_activities(later, later[0].start, seg.end)
        label_end = later[0].start if new else label_end
    else:
        new = []
    info = reader.info(mentions, seg.start, label_end)
    first = reader.bounds(seg.start, label_end)[0][1]
    if first < label_end and (own := reader.info(mentions, seg.start, first)).dates:
        info.dates = own.dates  # "Joint field exercise – Otaci, 14 September 2021. … first planned for May 2020": the line's date
    draft.take(info)
    if date:
        venue = reader.info(mentions, date.end, seg.end)
        draft.start, draft.end = date.span
        draft.place = draft.place or (venue.roles.places[0] if venue.roles.places else None)
        draft.online = draft.online or venue.online
        countries = venue.roles.venue_countries + venue.roles.beneficiaries
        draft.venue_country = countries[0] if countries else draft.venue_country
    starts = [left for _, left in new[1:]] + [seg.end]
    for (other, left), end in zip(new, starts, strict=False):
        other.take(reader.info(mentions, left, end))
        if other.start is None and draft.start is not None:
            other.start = other.end = relative_day(text[seg.start : end], None, (draft.start, draft.end or draft.start))


# "Period: June 2025", "Beneficiary: Republic of Moldova" under an item: a fact about it, not an activity
# A status cell saying the activity was not held: "Cancelled", "Annulé", "Отменено", "Not held"
_CANCELLED = re.compile(
    r"(?i)\W*(?:cancell?ed|annul[ée]e?s?|отмен[её]н\w*|не\s+(?:проводил|состоял)\w*|not\s+held|did\s+not\s+take\s+place)\b"
)
_KEY_VALUE = re.compile(
    r"(?i)^(?:period|timing|dates?|duration|beneficiar\w*|lead\w*|donors?|funding|partners?|outcomes?|budget|venue|"
    r"сроки|период|бенефициар\w*|ведущ\w*|финансирование|место|durée|période|bénéficiaires?|lieu|financement)\b[^:]{0,30}:"
)
_PARTICIPATION = re.compile(rf"(?i)^{SECRETARIAT_PART}\b")  # a workplan's row or item: others' meetings, core work
_TASK = re.compile(
    r"(?i)^(?:preparation|drafting|translation|publication|maintenance|update|updating|inventory|collection)\s+of\b"
    r"|^(?:подготовка|разработка|перевод|издание|инвентаризация|обновление|сбор)\s"
    r"|^(?:préparation|rédaction|traduction|publication|mise\s+à\s+jour|inventaire|collecte)\s"
)
# A header cell's words, in order of precedence: the first role whose stem a cell holds is its role
# ("Beneficiary countries", "Lead/supporting countries", "Страны-бенефициары", "Pays bénéficiaires")
_HEADER_STEMS = [
    ("beneficiaries", re.compile(r"beneficiar|бенефициар|bénéficiaire|target|recipient|получател|pays cible|for\b", re.IGNORECASE)),
    (
        "support",
        re.compile(
            r"lead|support|donor|fund|financ|partner|доноры?|финансир|ведущ|поддерж|партн|bailleur|chef de file|soutien|partenaire",
            re.IGNORECASE,
        ),
    ),
    (
        "label",
        re.compile(
            r"activit|title|project|event|name|description|мероприяти|проект|название|наименование|activité|intitulé|projet|événement",
            re.IGNORECASE,
        ),
    ),
    (
        "dates",
        re.compile(
            r"date|when|period|timing|timeframe|time frame|year|schedule|срок|дат|период|год|calendrier|période|année", re.IGNORECASE
        ),
    ),
    ("venue", re.compile(r"venue|place|location|where|city|место|город|lieu|ville", re.IGNORECASE)),
    ("beneficiaries", re.compile(r"countr|стран|pays", re.IGNORECASE)),
]


_DOCUMENT_COLUMNS = {
    "symbol",
    "document symbol",
    "languages",
    "language",
    "format",
    "file",
    "download",
    "pdf",
    "символ",
    "условное обозначение",
    "языки",
    "язык",
    "файл",
    "cote",
    "langues",
    "langue",
    "fichier",
}


def header_roles(reader: Reader, seg: Segment) -> dict[str, int]:
    """The role of each column of a table from its header: exact names first (HEADER_ROLES), then words."""
    roles: dict[str, int] = {}
    names = [reader.text[start:end].strip(" *").lower() for start, end in seg.cells]
    if any(name in _DOCUMENT_COLUMNS for name in names):
        return roles  # "Symbol | Title | Languages": a table of documents, whose titles name no activity held
    for index, name in enumerate(names):
        for role, known in HEADER_ROLES.items():
            if name in known and role not in roles:
                roles[role] = index
    for index, name in enumerate(names):
        if index in roles.values() or name in ("no.", "no", "#", "№"):
            continue
        said = next((role for role, stem in _HEADER_STEMS if stem.search(name)), None)
        if said is not None and said not in roles:
            roles[said] = index
    return roles


# A row's own number before its title: "B.1 ", "2.3 ", "4. ", "IV. " (not the article of "A workshop on …")
_ROW_NUMBER = re.compile(r"^(?:[A-Z]\.\d+(?:\.\d+)*|\d+(?:\.\d+)*|[IVX]+\.)[.)]?\s+(?=\S)")


def table_item(reader: Reader, seg: Segment, mentions: list[Mention], columns: dict[str, int], heading_dates) -> None:
    cells = seg.cells

    def cell(role: str) -> tuple[int, int] | None:
        index = columns.get(role)
        return cells[index] if index is not None and index < len(cells) else None

    lstart, lend = cell("label") or (seg.end, seg.end)
    label = _ROW_NUMBER.sub("", " ".join(reader.text[lstart:lend].replace("*", " ").split()))  # "B.1 Atelier …"
    if not label.strip():  # a short row, or an empty activity cell: no activity to name
        return
    acts = [m for m in mentions if m.kind == "ACTIVITY" and lstart <= m.start < lend]
    if acts and statutory_session(reader.text, acts[0].end) or not acts and _TASK.match(label) or _PARTICIPATION.match(label):
        return  # "Meetings of the Bureau", "Maintenance of the online application of the IAN System": core work
    if any(_CANCELLED.match(reader.text, start, end) for start, end in cells if (start, end) != (lstart, lend)):
        return  # "| National seminar on … | Albania | Cancelled | – |": never held
    venue = re.search(r"\s*\(([^()]{2,40})\)\s*$", label)
    if venue and any(m.kind in ("CITY", "COUNTRY") and m.text == venue.group(1).strip() for m in mentions):
        label = label[: venue.start()]  # "Training on off-site emergency planning (Rustavi)": the venue, not the title
    draft = reader.new(acts[0].iri if acts else str(IAC.Activity), label, seg.kind, False, (seg.start, seg.end))
    draft.take(reader.info(mentions, lstart, lend))
    if span := cell("beneficiaries"):
        info = reader.info(mentions, *span)
        for iri in info.roles.beneficiaries + info.roles.partners + info.roles.donors:
            if iri.rsplit("/", 2)[-2] in ("country", "region"):
                draft.roles.add("beneficiaries", iri)
        for iri in info.roles.hosts:
            draft.roles.add("hosts", iri)
    if span := cell("support"):
        pos = span[0]
        for part in reader.text[span[0] : span[1]].split(";"):
            part_span = (pos, pos + len(part))
            pos += len(part) + 1
            inside = [m for m in mentions if part_span[0] <= m.start < part_span[1]]
            helper = part.strip().lower().startswith("with")
            for m in inside:
                if m.kind == "COUNTRY" and not helper:
                    draft.roles.add("donors", m.iri)
                elif m.kind in ("COUNTRY", "ORG"):
                    draft.roles.add("partners", m.iri)
    for role in ("dates", "venue"):
        if span := cell(role):
            draft.take(reader.info(mentions, *span))
    if draft.start is None and heading_dates:
        draft.start, draft.end = heading_dates
