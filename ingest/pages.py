"""Page shapes: what a page's title, the lines under it, its headings and its facts tables say about the
page as a whole. Called by ingest.extract's reader, passed as `reader`.

- an event's page: metadata lines keyed "Dates:", "Venue:", "Место проведения:" (event_lines), or a title
  naming one activity with its dates (dated_title);
- a project's page: "Project: «NAME»" under the title, or a title over facts rows ("Duration", "Donor")
  (project_page);
- a heading naming one activity opens its section (section);
- a facts row under the page's event: "Beneficiary countries | Kazakhstan, Uzbekistan" (key_value).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.coref import ANAPHOR_DET, NEXT_ONE, quoted_after
from ingest.drafts import Draft, Info
from ingest.items import item_title
from ingest.labels import word_before
from ingest.plural import russian_plural
from ingest.read import Segment
from ingest.records import Mention
from ingest.roles import Roles
from ingest.shapes import modifier
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.extract import _Reader as Reader

_NUMBERING = re.compile(
    r"^\W*(?:(?:\d+(?:\.\d+)*|[IVX]+|[A-Z])[.)]?\s+|(?:activity|activité|мероприятие|stage|phase|step|étape|этап|шаг|фаза)\s+\d+(?:\.\d+)*\s*[:.–-]\s*)",
    re.IGNORECASE,
)
# the first word of a heading about a part of a page, not naming an activity
_SECTION_WORDS = {
    "about",
    "objectives",
    "goals",
    "results",
    "outcomes",
    "activities",
    "phases",
    "partners",
    "documents",
    "news",
    "contacts",
    "о",
    "об",
    "цели",
    "цель",
    "задачи",
    "результаты",
    "мероприятия",
    "этапы",
    "описание",
    "партнеры",
    "партнёры",
    "документы",
    "новости",
    "контакты",
    "итоги",
    "à",
    "objectifs",
    "objectif",
    "résultats",
    "activités",
    "étapes",
    "partenaires",
    "actualités",
    "contexte",
    "présentation",
    "кратко",
    "коротко",
    "summary",
    "overview",
    "aperçu",
    "résumé",
}
# the key of a row of facts about the page's event, and the role of the names in its value
_KEY_ROLES = [
    ("donors", re.compile(r"donor|fund|financ|sponsor|финансир|донор|bailleur|financement", re.IGNORECASE)),
    (
        "partners",
        re.compile(r"partner|organi[sz]er|implement|lead|партн|организатор|ведущ|partenaire|organisateur|chef de file", re.IGNORECASE),
    ),
    ("beneficiaries", re.compile(r"beneficiar|countr|particip|бенефициар|стран|участ|bénéficiaire|pays", re.IGNORECASE)),
    ("dates", re.compile(r"duration|period|dates?|timing|when|schedule|срок|период|продолжительн|durée|période|calendrier", re.IGNORECASE)),
]
# the key of a fact about a project: "Duration", "Donor", "Beneficiary countries", "Сроки", "Финансирование"
_FACT_KEY = re.compile(
    r"[\s*_]*(?:duration|(?:implementation\s+)?period|timeframe|donors?|funding|funded\s+by|financed\s+by|(?:beneficiary\s+)?countries|"
    r"(?:project\s+)?beneficiar(?:y|ies)|implementing\s+(?:entity|agency|organi[sz]ation|partners?)|budget|"
    r"срок(?:и)?(?:\s+(?:реализации|проекта))?|период(?:\s+реализации)?|продолжительность|финансирование|доноры?|стран[аы](?:-бенефициары?)?|бенефициары|бюджет|"
    r"durée|période|bailleurs?(?:\s+de\s+fonds)?|pays(?:\s+bénéficiaires)?|budget)\b",
    re.IGNORECASE,
)
# the key of a metadata line that makes the page an event's page
_EVENT_KEY = re.compile(r"[\s*_]*(?:dates?|venue|place|location|даты?|место(?: проведения)?|сроки|lieu|date\(s\))[*_]*\s*:", re.IGNORECASE)
# "*Project for Bulgaria, Romania and Serbia*", "**Проект:** «...»", "Projet : ...": a line naming the page's project
_PROJECT_LINE = re.compile(
    r"[\s*_#>]*(Project|Проект|Projet)\b(?:[*_]*\s*:[*_]*\s*|\s+(?=for\b|on\b|of\b|under\b|funded\b|financed\b|по\b|для\b|pour\b|sur\b))",
    re.IGNORECASE,
)


def role_line(text: str, seg: Segment) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The key and value spans of a metadata line naming who has a role: "Funding: Sweden", "Partners: OSCE"."""
    cells = fact_line(text, seg)
    if cells is None or not any(stem.search(text[cells[0][0] : cells[0][1]]) for role, stem in _KEY_ROLES if role != "dates"):
        return None
    return cells


def fact_line(text: str, seg: Segment) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The key and value spans of a list item stating a fact: "- Сроки реализации: март 2022 г. – февраль
    2024 г.", "- Donor: Germany"; None for any other item ("- Kick-off meeting: 9 March, Bishkek")."""
    key = re.match(r"[\s*_]*([^:\n]{2,40}?)[*_]*\s*:[*_]*\s+(\S)", text[seg.start : seg.end])
    if (
        key is None
        or len(key.group(1).split()) > 4
        or not (_FACT_KEY.match(key.group(1)) or any(stem.search(key.group(1)) for _, stem in _KEY_ROLES))
    ):
        return None
    return (seg.start + key.start(1), seg.start + key.end(1)), (seg.start + key.start(2), seg.end)


def header_line(text: str, seg: Segment) -> bool:
    """A line of the page's header saying when or where ("Date: 05.06.2024 – 07.06.2024 | Location: Rustavi")."""
    return len(text[seg.start : seg.end]) <= 160 and bool(_EVENT_KEY.match(text, seg.start, seg.end))


def event_lines(text: str, segments: tuple[Segment, ...]) -> bool:
    """A metadata line (or a two-cell table row) of the page is keyed "Dates:", "Venue:", "Lieu :", "Место
    проведения:": the page is an event's page."""
    return any(
        s.kind in ("metadata", "list-item")
        and _EVENT_KEY.match(text[s.start : s.end])
        or s.kind == "table-row"
        and len(s.cells) == 2
        and _EVENT_KEY.match(text[s.cells[0][0] : s.cells[0][1]].strip() + ":")
        for s in segments[:12]
    )  # (or a two-cell row: "Dates | 16 - 17 April 2024", "Venue | Rustavi, Georgia")


def section(reader: Reader, seg: Segment, mentions: list[Mention], in_links: bool) -> None:
    """A heading that names one activity ("### 2.1 Training on land-use planning", "Workshop on safety reports,
    Sofia, 11–13 May 2009") starts that activity's section: the metadata lines and paragraphs under it,
    up to the next heading, describe it, and the activity words there of its kind refer to it."""
    text = reader.text
    if reader.heading is not None:
        reader.event, reader.heading = reader.page_event, None
    acts = [m for m in mentions if m.kind == "ACTIVITY"]
    if (
        in_links
        or len(acts) != 1
        or acts[0].plural
        or modifier(text, acts[0].end)
        or russian_plural(text[max(seg.start, acts[0].start - 30) : acts[0].end])
    ):
        return  # ("Национальные консультации": a section about several, each told in it)
    m = acts[0]
    label = _NUMBERING.sub("", item_title(text, seg.start, seg.end, mentions))
    if NEXT_ONE.search(text, seg.start, m.start):
        return
    if label.split()[0].lower().strip("*_:") in _SECTION_WORDS:
        return  # "About the project", "О проекте", "Мероприятия проекта", "Objectifs du projet"
    if len(label.split()) < 2 or label.lower() == m.text.lower() or word_before(text, m.start, seg.start) in ANAPHOR_DET:
        return  # "About the project", "Workshop": a section about the page's activity, or a label
    if reader.project is not None and reader.lex.is_a(m.iri, str(IAC.Project)):
        return  # "Этап 1. Запуск проекта" on a project's page: a stage of that project
    draft = reader.new(m.iri, label, "heading", False, (seg.start, seg.end))
    draft.take(reader.info(mentions, seg.start, seg.end))
    reader.page_event, reader.event, reader.heading = reader.event, draft, draft


def key_value(reader: Reader, seg: Segment, mentions: list[Mention]) -> None:
    """A row of a facts table under the page's event: "Beneficiary countries | Kazakhstan, Uzbekistan",
    "Duration | January 2022 – December 2025", "Donor | Germany", "Финансирование | Германия"."""
    event = reader.event
    if len(seg.cells) != 2 or event is None:
        return
    (ks, ke), (vs, ve) = seg.cells
    key = reader.text[ks:ke].strip(" *:").lower()
    if len(key.split()) > 4 or any(m.kind == "ACTIVITY" and ks <= m.start < ke for m in mentions):
        return
    info = reader.info(mentions, vs, ve)
    names = [m.iri for m in mentions if vs <= m.start < ve and m.kind in ("COUNTRY", "REGION", "ORG")]
    role = next((role for role, stem in _KEY_ROLES if stem.search(key)), None)
    if role is None and not info.dates and not info.roles.places:
        return
    roles = Roles(places=info.roles.places, venue_countries=info.roles.venue_countries)
    for iri in names:
        if role is not None:
            roles.add(role if role != "beneficiaries" or "/org/" not in iri else "partners", iri)
    event.take(Info(info.dates if role in (None, "dates") else None, roles, info.online, info.topics, True))
    event.listed = event.listed or (role == "beneficiaries" and bool(roles.beneficiaries))
    event.evidence.append((seg.start, seg.end, "metadata"))


def dated_title(reader: Reader, segments: tuple[Segment, ...]) -> bool:
    """A title naming one activity with its dates: "Train-the-trainer programme on the Seveso II Directive,
    May 11-13, 2009, Sofia, Bulgaria". The page is that event's."""
    title = next((seg for seg in segments[:6] if seg.kind == "title"), None)
    if title is None:
        return False
    mentions = reader.mentions(title)
    acts = [m for m in mentions if m.kind == "ACTIVITY"]
    return len(acts) == 1 and not acts[0].plural and any(m.kind == "DATE" and m.start > acts[0].start for m in mentions)


def project_page(reader: Reader, segments: tuple[Segment, ...]) -> int | None:
    """A project's page: a line under the title reads "Project: «NAME»" / "Проект: «...»" / "Projet : ...",
    or the title names no activity and a line under it says "Project for Bulgaria, Romania and Serbia".
    The project (named by the quotation, else by the title) is made at once; every other activity of the
    page is part of it, and when the title names no activity the project is the page's event, which its
    metadata lines ("Period:", "Beneficiaries:") describe. Returns the index of the line read."""
    text = reader.text
    titles = [i for i, seg in enumerate(segments[:6]) if seg.kind == "title"]
    if not titles:
        return None
    t = titles[-1]
    title = segments[t]
    facts, skipped = [], 0  # one run of facts under the title, after at most two other short lines
    for seg in segments[t + 1 : t + 8]:
        if seg.kind in ("table-row", "metadata", "list-item") and _FACT_KEY.match(
            text, seg.cells[0][0] if seg.cells else seg.start, seg.end
        ):
            facts.append(seg)
        elif facts or skipped == 2 or seg.kind == "list-item":
            break  # (an item of a list before the facts: they are that item's, not the page's)
        else:
            skipped += 1
    subtitle = any(_PROJECT_LINE.match(text, seg.start, seg.end) and seg.kind != "list-item" for seg in segments[t + 1 : t + 5])
    title_mentions = reader.mentions(title)  # read once: every branch below asks what the title names
    named = [m for m in title_mentions if m.kind == "ACTIVITY"]
    if len(facts) >= 2 and not subtitle and (not named or len(named) == 1 and reader.lex.is_a(named[0].iri, str(IAC.Project))):
        # <h1>NAME (2022–2025)</h1> or <h1>Project on …</h1> over "Beneficiary countries | …", "Duration | …",
        # "Donor | …": a project
        label = text[title.start : title.end]
        label = re.sub(r"\s*\([^()]*\d{4}[^()]*\)\s*$", "", label)
        reader.project = reader.event = reader.new(str(IAC.Project), " ".join(label.split()), "title", True, (title.start, title.end))
        reader.project.take(reader.info(title_mentions, title.start, title.end))
        return None
    for k, seg in enumerate(segments[t + 1 : t + 5], start=t + 1):
        line = text[seg.start : seg.end]
        head = _PROJECT_LINE.match(line)
        if (
            head is None
            or seg.kind == "list-item"
            or (":" not in head.group() and seg.kind != "heading" and not line.lstrip().startswith(("*", "_")))
        ):
            continue  # "1. Project on ...": an item of a list, not the page's subtitle
        mentions = reader.mentions(seg)
        word = Mention("ACTIVITY", seg.start + head.start(1), seg.start + head.end(1), head.group(1), str(IAC.Project))
        quoted = quoted_after(text, Mention("ACTIVITY", word.start, seg.start + head.end(), word.text, word.iri), seg.end)
        untitled = not named
        if quoted is not None:
            label, span = text[quoted[0] : quoted[1]], (seg.start, seg.end)
        elif untitled:
            label, span = text[title.start : title.end], (title.start, title.end)
        else:
            return None
        reader.project = reader.new(str(IAC.Project), " ".join(label.split()), "title", True, span)
        reader.project.take(reader.info(mentions, seg.start, seg.end))
        reader.project.evidence.append((seg.start, seg.end, "metadata"))
        if untitled:
            reader.event = reader.project
        return k
    return None


def agenda_slot(reader: Reader, seg: Segment, mentions: list[Mention]) -> None:
    """An agenda time slot ("13:30–15:30 Point 5. Préparation de l'atelier prévu à Almaty au printemps 2022"):
    an activity it names with a date of its own is a new one; what else it names (countries presenting,
    topics) describes the page's event. Its times and the sessions it lists are not activities."""
    dated = [m for m in mentions if m.kind == "DATE"]
    news: list[Draft] = []
    reader.in_paragraph = news
    if dated and any(m.kind == "ACTIVITY" for m in mentions):
        for s, e in reader.bounds(seg.start, seg.end):
            inside = [m for m in mentions if s <= m.start < e]
            new, refs = reader.sentence_activities(inside, s, e)
            reader.link([d for d, _ in new] + refs, reader.text[s:e])  # "the field exercise planned under the project for 2017"
            starts = [left for _, left in new[1:]] + [e]
            for (draft, left), end in zip(new, starts, strict=False):
                draft.take(reader.info(inside, left, end))
            news += [d for d, _ in new]
    if not news and reader.event is not None:
        info = reader.info(mentions, seg.start, seg.end)
        reader.event.take(Info(None, info.roles, False, info.topics, True))
