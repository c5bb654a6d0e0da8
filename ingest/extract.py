"""Stage 2, extract: a Document becomes activities and facts. Pure: the spaCy pipeline and the Lexicon are
arguments, and nothing is read or written. `extract` is the one public function; its reader walks the
page's segments and hands each shape to the module that reads it.

Three shapes of text describe activities:
- items (ingest.items): a list item under a heading about activities, or a table row with an activity
  column, is one activity: "TITLE (DATES), CITY, COUNTRY";
- event and project pages (ingest.pages): a page whose title names an activity and whose metadata lines
  give "Dates:" and "Venue:", or whose title is followed by a date line and a venue line
  (ingest.context.event_header), or whose title names an activity with its dates, is that event's page;
  "Project: «NAME»" under the title makes a project's page; a heading naming one activity opens its
  section; a facts row ("Donor | Germany") describes the page's event; an agenda time slot names only the
  activities dated in it (ingest.pages.agenda_slot);
- prose (here): a sentence that names an activity ("a field exercise ... followed on 2 September 2015").
  Which activity an activity word is (ingest.coref): a new one, the page's event ("the two-day seminar"
  on the seminar's page), an earlier one ("the project", "both exercises"), or none ("a similar
  workshop" recommended); what such a sentence says (dates, donors) goes to them. Sentences naming no
  activity lend their dates to the next activity in the paragraph and their countries to the
  paragraph's only activity. A plural activity word over several places is one activity in each
  (ingest.plural).

Day and month without a year are read in the page's year (ingest.context.document_date). Page chrome,
link blocks, agenda time slots, title-only lines and activity words used as modifiers name no activity
(ingest.shapes).
"""

from __future__ import annotations

import datetime
import re

from spacy.language import Language

from ingest.context import dateline, document_date, event_header, relative_day
from ingest.coref import day_of_event, open_start, quoted_after, same_words, which_activity
from ingest.drafts import EXERCISE_TOPIC, Draft, Info, freeze, points_intro, process, repoint, restated, says_focus
from ingest.facts import paragraph_facts, working_area_fact
from ingest.items import header_roles, item_title, list_item, table_item
from ingest.labels import from_capitals, same_name, title_span
from ingest.lexical import SYMBOL
from ingest.morph import has_cyrillic, nominative
from ingest.nlp import water_names
from ingest.nonevents import statutory_session
from ingest.pages import agenda_slot, dated_title, event_lines, fact_line, header_line, key_value, project_page, role_line, section
from ingest.plural import each_place, russian_plural
from ingest.read import TAGS_LINE, Document, Segment
from ingest.records import Extraction, Fact, Mention
from ingest.reference import Lexicon
from ingest.roles import Roles, assign_roles
from ingest.shapes import (
    byline,
    chrome,
    link_block_heading,
    moved_from,
    named_year,
    narrated,
    publication_line,
    recommendations_heading,
    time_slot,
    title_only,
    visit_programme_heading,
)
from ingest.vocab import IAC

_KEY_LINE = re.compile(r"[\s*_-]*([^\W\d][\w /()'’-]{1,28}?)[*_]*\s*:[*_]*\s+(\S)")  # "Lead: Switzerland", "**Timing:** 2019"
# a sentence saying when and where the activity of its paragraph was held, without naming it by a known word
_HELD = re.compile(
    r"(?i)\b(?:took place|was held|were held|was conducted|прош[её]л|прошла|прошло|состоял(?:ся|ась|ось)|s['’]est (?:tenue?|déroulée?)|a eu lieu)\b"
)
_AT = re.compile(r"(?i)\b(?:at|during|à|lors\s+d['’]une?|на|в\s+ходе)\s+(?:an?|the|une?|la|le|l['’])?\s*$")
_HOME = re.compile(r"(?i)^(?:home|home page|main page|главная(?: страница)?|accueil|page d['’]accueil)$")
_SENTENCE = re.compile(  # not after "г. Бишкек", "гг.", "им.", initials; but after a year's "2024 г."
    r"(?:(?<=[.!?…])(?<!\b[гв]\.)(?<!\bгг\.)(?<!\bим\.)(?<!\bул\.)(?<!\b[А-ЯЁ]\.)|(?<=\d\d\d\d\sг\.)|(?<=\d\d\d\dг\.))"
    r"\s+(?=[A-Z0-9\"“(«À-ÖØ-ÞА-ЯЁ])|(?<=;)\s+"
)


def extract(document: Document, nlp: Language, lexicon: Lexicon) -> Extraction:
    return _Reader(document, nlp, lexicon).run()


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, pos = [], start
    for piece in _SENTENCE.split(text[start:end]):
        at = text.index(piece, pos)
        bounds.append((at, at + len(piece)))
        pos = at + len(piece)
    return bounds


def _names_activity(reader: _Reader, seg: Segment, statutory: bool = True) -> bool:
    """A cover page's heading naming the report's event: "ТЕХНИЧЕСКАЯ МИССИЯ ПО ...", over its date line (or,
    unless statutory, naming a Convention body's session)."""
    return any(m.kind == "ACTIVITY" and (statutory or not statutory_session(reader.text, m.end)) for m in reader.mentions(seg))


def _written_lower(word: str, text: str) -> bool:
    """Whether the page also writes word (written in capitals here) not in capitals: a word, not an acronym."""
    return any(not m.group().isupper() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))


# "… ended yesterday", "завершился вчера", "s'est achevé hier": the day named is the last one
_ENDED = re.compile(
    r"(?i)\b(?:ended|closed|concluded|wrapped\s+up|завершил\w*|закончил\w*|s['’]est\s+(?:achevé|terminé|clôturé|clos)e?s?|a\s+pris\s+fin)\b"
)
# how many days an activity lasted: "over two days", "a three-day workshop", "three very full days", "в течение двух дней",
# "два дня", "двухдневный", "deux jours"
_DURATION = re.compile(
    r"(?i)\b(two|three|four|five|[2-5])(?:[\s-]+[\w-]+){0,2}?[\s-]+days?\b|\b(два|три|четыре|пять|двух|тр[её]х|четыр[её]х|пяти|[2-5])\s+(?:\w+\s+)?дн(?:я|ей)\b"
    r"|\b(двух|тр[её]х|четыр[её]х|пяти)дневн\w*|\b(deux|trois|quatre|cinq|[2-5])\s+(?:\w+\s+)?jours\b"
)
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "четырёх": 4,
    "пяти": 5,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
}


def _days(text: str) -> int:
    """How many days the text says an activity lasted (1 when it does not say)."""
    m = _DURATION.search(text)
    if m is None:
        return 1
    number = next(g for g in m.groups() if g).lower()
    return int(number) if number.isdigit() else _NUMBERS[number]


_EVE = re.compile(r"(?i)\bнакануне\b|\bthe\s+day\s+before\b|\bon\s+the\s+eve\b|\bla\s+veille\b")

_PLANNED_TITLE = re.compile(
    r"(?i)\bplanned\b|\bwork ?plan\b|\bplans?\s+(?:de\s+travail|d['’]action)\b|\bprogramme\s+de\s+travail\b|"
    r"\bactivités\s+prévues\b|план\w*\s+работ\w*|программ\w*\s+работ\w*|запланированн\w*|планируем\w*"
)

# "a similar project", "another workshop", "аналогичный проект", "un autre atelier": not the one the page tells
_ANOTHER = re.compile(
    r"(?i)^(?:(?:a|an|the)\s+)?(?:similar|another|other)\b|^(?:\w+\s+)?аналогичн|^друг|^(?:un\s+|une\s+)?autre\b|.*\bsimilaire"
)


# "This mission follows up on the dialogue", "fait suite au", "в продолжение": after it, not part of it
_FOLLOW_UP = re.compile(r"(?i)\bfollow(?:s|ed|ing)?[\s-]+up\b|\bfollow-up\s+to\b|\bfai(?:t|sant)\s+suite\b|\bв\s+продолжение\b")


# An exercise on an accident, held as a part of an event ("упражнение по уведомлению, основанное на гипотетической
# аварии"): its emergency response (not "un exercice de communication", "une inspection simulée")
_DRILL = re.compile(
    r"(?i)\b(?:exercises?|drills?|упражнени\w*|учени\w*|exercices?)\b[^.;]*\b(?:accidents?|incidents?|emergenc\w*|spill\w*|авари\w*|чрезвычайн\w*|разлив\w*|urgence|déversement\w*)\b"
)


# "The event builds on the UNECE seminar …", "Cette mission fait suite au …": an earlier activity, not what the
# paragraph goes on to tell
_BUILDS_ON = re.compile(
    r"(?i)\b(?:buil(?:ds|t)\s+on|follow(?:s|ed)\s+(?:up\s+on\s+)?|continues|s['’]appuie\s+sur|fait\s+suite|prolonge|продолжает|основ\w+\s+на)"
)
# A heading of a part of a document, lettered or numbered at its first level ("B. Capacity-building on …",
# "II. …"; not "B.1 …", a sub-heading within it), or a numbered phase, stage or component ("Этап 2.
# Наращивание потенциала", "Phase 2 – Capacity-building", "Volet 3 :")
_PART_HEADING = re.compile(
    r"\s*(?:[#*_]+\s*)?(?:(?:[A-ZА-Я]|\d{1,2}|[IVX]{1,4})[.)]\s|(?:phase|stage|component|part|этап|компонент|часть|раздел|volet|étape|partie|composante)\s+(?:\d{1,2}|[A-ZА-Я]|[IVX]{1,4})\b)",
    re.IGNORECASE,
)


# The people of the activity just told, doing what it covered: "Over three days, experts from Italy introduced …",
# "Participants were introduced to …", "В течение двух дней эксперты …", "Les formateurs ont présenté …"
# an exercise's scenario, what it practised: "During the scenario, …", "По замыслу учений …", "Lors de l'exercice, …"
_SCENARIO = re.compile(
    r"\s*(?:(?:during|in|throughout)\s+the\s+(?:scenario|exercise|simulation|drill)|по\s+(?:сценари\w+|замыслу)|"
    r"в\s+ходе\s+(?:учени\w*|упражнени\w*)|(?:lors|au\s+cours)\s+(?:du\s+scénario|de\s+l['’]exercice))\b",
    re.IGNORECASE,
)
_PRACTISED = re.compile(
    r"\b(?:practi[sc]\w*|rehears\w*|tested|simulat\w*|drilled)\b|отрабат\w*|отработ\w*|провер\w*|"
    r"\b(?:testé\w*|exercé\w*|simulé\w*)",
    re.IGNORECASE,
)
_TOLD_ON = re.compile(
    r"\s*(?:(?:in|at|à|en|au|в|во)\s+[\w-]+,?\s+)?"
    r"(?:(?:(?:over|during)\s+(?:the\s+)?(?:two|three|four|five|\d)\s+days|в\s+течение\s+\w+\s+дней|(?:pendant|durant)\s+\w+\s+jours"
    r"|on\s+the\s+(?:first|second|third|last|final)\s+day|(?:во?|на)\s+\w+\s+день|(?:le|lors\s+de\s+la)\s+\w+\s+(?:jour|journée))\b"  # (the days of it)
    r"|(?:(?:The|All|Les|Tous\s+les)\s+)?(?:participants?|attendees|delegates|experts|trainers|speakers|trainees|they|ils|elles|участник\w*|эксперт\w*"
    r"|тренеры|слушател\w*|они|les\s+participants|les\s+experts|les\s+formateurs)\b)",
    re.IGNORECASE,
)


# A sentence whose subject is the participants of the activity just told: "Participants exchanged …", "Участники …"
_PARTICIPANTS = re.compile(
    r"\s*(?:(?:The|All|Les|Tous\s+les)\s+)?(?:participants?|attendees|delegates|участники|les\s+participants)\b", re.IGNORECASE
)


# "projet de la Commission économique des Nations Unies pour l'Europe", "a UNECE project", "проект ЕЭК ООН": whose, not which
_OWNERS_ONLY = re.compile(
    r"(?i)^(?:(?:un|une|le|la|a|an|the)\s+)?(?:projet|project|проект)\s+(?:(?:de\s+la|de\s+l['’]|du|des|of\s+the|by\s+the|of|by)\s+)?(.+)$"
)


# A title cut before its place ends on a word that needs one: "… on the Debed River near"
_DANGLING = re.compile(r"(?:\s+(?:near|at|in|on|of|to|from|by|with|and|the|close\s+to))+$")


# A job or consultancy notice, or terms of reference: what it names are duties to be done
_VACANCY = re.compile(
    r"(?i)\b(?:consultancy|vacancy|job\s+opening|terms\s+of\s+reference|call\s+for\s+(?:consultants?|experts?|applications)"
    r"|ваканси\w*|техническое\s+задание|объявление\s+о\s+конкурсе|avis\s+de\s+vacance|termes\s+de\s+référence|appel\s+à\s+candidatures)\b"
)


# A headline telling that its event took place: "Состоялось второе заседание …", "Прошёл семинар …"
_HAPPENED = re.compile(r"^(?:Состоял(?:ся|ась|ось|ись)|Прош(?:ёл|ел|ла|ло|ли)|Завершил(?:ся|ась|ось|ись)|Стартовал[аои]?)\s+(?=\w)")


class _Reader:
    def __init__(self, document: Document, nlp: Language, lexicon: Lexicon) -> None:
        self.doc = document
        self.text = document.text
        self.nlp = nlp
        self.lex = lexicon
        self.drafts: list[Draft] = []
        self.facts: list[Fact] = []
        self.title_labels: list[tuple[str, str]] = []  # the activities the page's title names, and their kinds
        self.event: Draft | None = None
        self.project: Draft | None = None  # the project whose page this is
        self.topic_words: dict[str, str] = {}  # topic words seen on the page -> the topic
        self.heading: Draft | None = None  # the activity the heading over the text being read names
        self.page_event: Draft | None = None  # the page's own event, while a heading's activity is read
        self.in_paragraph: list[Draft] = []  # activities named so far in the paragraph being read
        self.context: list[str] = []  # beneficiaries of the lede paragraph
        self.section: list[str] = []  # beneficiaries the last heading naming some names
        self.section_topics: list[str] = []  # topics the last heading names ("B. Capacity-building on …")
        self.page_date = document_date(document)
        self.year = int(self.page_date[:4]) if self.page_date else None
        self.header: tuple[Info, tuple[int, int]] | None = None  # a header's when and where, for the first activity
        self.lede: tuple[Info, tuple[int, int]] | None = None  # the dates and venue of a lede naming no activity
        self.carried: str | None = None  # "Montenegro today launched...": a day for the next activity named
        self.town: tuple[Mention, int] | None = None  # the dateline's town, for activities of the next paragraphs
        self.settled: set[int] = set()  # drafts read whole where they were made: their sentence adds nothing
        # (a workplan's activities are planned: "Planned activities", "Workplan", "План работы", "Plan de travail")
        self.planned = bool(_PLANNED_TITLE.search(document.title))
        self.recommending = False  # under a "Recommendations" heading: what is named there is proposed, not held
        self.visiting = False  # under "Programme of the mission": its days and appointments, no activity of their own
        self.page_topics: list[str] = []  # what the page's "Tags:" line, or a headline saying so, says it is about
        self.points = False  # reading the points of a list of what an activity will do ("Participants will:")
        self.eves: set[int] = set()  # activities dated as the eve of the one told before them
        self.last_told: Draft | None = None  # the activity the last sentence naming one made or referred to
        self.last_event: Draft | None = None  # the last such activity that is not a project or process
        self.told = False  # the headline tells that its event took place ("Состоялось …"): a news story
        self.news_day: Draft | None = None  # its event, dated by the bare date under that headline (the news's day)
        self.waters = water_names(self.text)  # rivers the page names: "a release into the Dniester" reaches waters

    # ------------------------------------------------------------------------------------ mentions

    def mentions(self, seg: Segment) -> list[Mention]:
        view = self.text[seg.start : seg.end].replace("\n", " ")
        if self.doc.format == "md":
            view = re.sub(r"[*`]|\\(?=[^\w\s])", " ", view)  # emphasis marks, and escapes ("Kosovo\*")
        spacy_doc = self.nlp.make_doc(view)
        spacy_doc._.context_year = self.year
        spacy_doc._.waters = self.waters
        spacy_doc = self.nlp(spacy_doc)
        symbols = [m.span() for m in SYMBOL.finditer(view)]  # no word of a document symbol is a mention ("TEIA/mission/MDA/2022")
        out = []
        for ent in spacy_doc.ents:
            if any(s <= ent.start_char and ent.end_char <= e for s, e in symbols):
                continue
            dates = (ent._.date_range.start, ent._.date_range.end) if ent.label_ == "DATE" else None
            if dates and self.year is None and seg.kind not in ("title", "heading"):
                self.year = int(dates[0][:4])  # a page without a dateline: "17–18 November" in the year it last named
            plural = False
            if ent.label_ == "ACTIVITY":
                plural = (
                    ent.text.lower().replace("’", "'") not in self.lex.triggers
                    and ent[-1].lower_ not in self.lex.triggers
                    and ent[-1].lower_.endswith("s")
                )
            out.append(Mention(ent.label_, seg.start + ent.start_char, seg.start + ent.end_char, ent.text, ent.ent_id_, plural, dates))
        for span in spacy_doc.spans["topics"]:
            out.append(Mention("TOPIC", seg.start + span.start_char, seg.start + span.end_char, span.text, span.label_))
            self.topic_words.setdefault(" ".join(span.text.lower().split()), span.label_)
        return sorted(out, key=lambda m: (m.start, m.kind))

    def info(self, mentions: list[Mention], start: int, end: int) -> Info:
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        inside = [m for m in inside if m.kind != "DATE" or not (named_year(self.text, m.start, m.end) or moved_from(self.text, m.start))]
        dated = [m for m in inside if m.kind == "DATE"]
        dates = [m.span for m in dated]
        span: tuple[str, str | None] | None = (min(d[0] for d in dates), max(d[1] for d in dates)) if dates else None
        if (
            len(dated) == 1
            and dates[0][0] == dates[0][1]
            and open_start(self.text, max(start, dated[0].start - 24), dated[0].start, len(dates[0][0]) == 10)
        ):
            span = (dates[0][0], None)  # "from 2023", "à partir de 2023", "с 2023 года": begun, not ended
        return Info(
            span,
            assign_roles(inside, self.text, 0, start),
            any(m.kind == "ONLINE" for m in inside),
            [m.iri for m in inside if m.kind == "TOPIC"],
            self.points or says_focus(self.text, start, end),
        )

    # ------------------------------------------------------------------------------------ driver

    def run(self) -> Extraction:
        if _VACANCY.search(self.doc.title) or _VACANCY.search(self.doc.head_title):
            return Extraction(self.doc, (), ())  # a consultant's duties ("organize a national consultation"), not events
        segments = self.doc.segments
        seen: set[str] = set()
        event_page = event_lines(self.text, segments)
        header = next((h for i, s in enumerate(segments) if s.kind == "title" and (h := event_header(self.doc, i))), [])
        header_heading = None  # "# ПРОГРАММА / ## Национальный семинар … / **Ереван, 16–17 мая 2023 г.**": the heading's event
        if not header:
            header_heading, header = next(
                (
                    (i, h)
                    for i, s in enumerate(segments[:8])
                    if s.kind == "heading" and _names_activity(self, s) and (h := event_header(self.doc, i))
                ),
                (None, []),
            )
            if header_heading is not None and not _names_activity(self, segments[header_heading], statutory=False):
                header_heading = None  # "Working Group on Implementation / Twenty-eighth meeting / Geneva, …": the
                # session the paper is for; the report's own title names its event
        event_page = event_page or bool(header) or dated_title(self, segments)
        project_line = project_page(self, segments)
        in_links = False  # inside a block of links to other pages ("Related news")
        headers: dict[int, dict[str, int]] = {}
        heading_dates: tuple[str, str] | None = None
        periods: dict[int, tuple[str, str]] = {}  # an activity heading's draft -> the period of the headings over it
        crumbs = -1  # the group of a list of links starting "Home": a menu or breadcrumb trail
        for i, seg in enumerate(segments):
            body = " ".join(self.text[seg.start : seg.end].split())
            if seg.kind == "list-item" and (seg.group == crumbs or _HOME.match(body)):
                crumbs = seg.group
                continue
            if body in seen and seg.kind not in ("title", "table-header"):  # pages repeat paragraphs; the first copy is
                # the evidence (a second table under the same header is a table of its own)
                continue
            seen.add(body)
            if i == project_line:
                continue
            if seg.kind in ("title", "heading"):
                in_links = link_block_heading(body)
                self.recommending = recommendations_heading(body)
                self.visiting = visit_programme_heading(body)
            elif seg.kind in ("paragraph", "metadata") and link_block_heading(body):
                in_links = True  # "**Read also:**" in bold, not a heading, over the links
                continue
            if TAGS_LINE.match(body):  # "Tags: Dniester · emergency preparedness · water": what the page is about
                self.page_topics += [m.iri for m in self.mentions(seg) if m.kind == "TOPIC" and m.iri not in self.page_topics]
                continue
            if seg.kind not in ("table-row", "table-header") and (chrome(body) or byline(body)):
                continue
            if in_links and seg.kind in ("list-item", "paragraph") and len(body) < 160:
                continue
            mentions = self.mentions(seg)
            if i in header:
                seg = Segment("metadata", seg.start, seg.end, seg.cells, seg.group)
            if seg.kind in ("list-item", "paragraph", "table-row", "heading") and time_slot(body):
                agenda_slot(self, seg, mentions)
                continue
            bare_line = title_only(body, any(m.kind == "DATE" for m in mentions))
            if seg.kind in ("title", "heading"):  # a table under "planned activities, 2021–2022" takes its dates
                dates = [m.span for m in mentions if m.kind == "DATE"]
                heading_dates = (dates[0][0], dates[-1][1]) if dates else heading_dates
            if seg.kind == "heading" and self.event is not None and (cells := role_line(self.text, seg)):
                key_value(self, Segment("metadata", seg.start, seg.end, cells), mentions)  # "Participating: Albania, …"
                continue
            if seg.kind == "heading":
                if seg is not segments[0]:  # "## Украина: в Киеве подготовили тренеров …": a digest's item on another country
                    self.section = assign_roles(mentions, self.text, 0, seg.start).beneficiaries or self.section
                    # what a section's heading names is what the activities told under it are about ("## B.
                    # Capacity-building on the working areas", "Этап 2. Наращивание потенциала")
                    # (not a kind of activity that is a topic's name too: "## B. Национальные политические диалоги и
                    # консультативные услуги" lists kinds)
                    if _PART_HEADING.match(body):  # (its sub-headings, "B.1 …", keep it)
                        kinds = [(m.start, m.end) for m in mentions if m.kind == "ACTIVITY"]
                        self.section_topics = [
                            m.iri for m in mentions if m.kind == "TOPIC" and not any(s < m.end and m.start < e for s, e in kinds)
                        ]
                section(self, seg, mentions, in_links)
                if i == header_heading and self.event is None:
                    self.event = self.heading
                if self.heading is not None and heading_dates is not None:
                    periods[id(self.heading)] = heading_dates
                continue
            if seg.kind == "title":
                if says_focus(self.text, seg.start, seg.end):  # "В Ашхабаде обсудили присоединение к Конвенции"
                    self.page_topics += [m.iri for m in mentions if m.kind == "TOPIC" and m.iri not in self.page_topics]
                self.title_labels += [
                    (title_span(self.text, m, mentions, seg.start, seg.end)[0], m.iri)
                    for m in mentions
                    if m.kind == "ACTIVITY" and not m.plural
                ]
                if event_page and header_heading is None:  # (dated under a heading: the heading's is the event)
                    self.start_event(seg, mentions)
            elif seg.kind == "metadata" or (
                seg.kind in ("paragraph", "list-item") and header_line(self.text, seg) and (self.event is not None or not self.drafts)
            ):
                if self.event is not None and (cells := role_line(self.text, seg)):
                    key_value(self, Segment("metadata", seg.start, seg.end, cells), mentions)  # "Funding: Sweden"
                elif self.event is not None:
                    undated = self.event.start is None
                    self.event.take(self.info(mentions, seg.start, seg.end))
                    self.event.evidence.append((seg.start, seg.end, seg.kind))
                    if self.told and undated and not header_line(self.text, seg):
                        self.news_day = self.event  # a bare date under "Состоялось …": the news's day, unless the story names the event's
                elif not self.drafts and not publication_line(body):  # "Date: … | Location: …" over a news story: its first activity's
                    self.header = (self.info(mentions, seg.start, seg.end), (seg.start, seg.end))
            elif seg.kind == "table-header":
                headers[seg.group] = header_roles(self, seg)
            elif seg.kind == "table-row":
                if "label" in headers.get(seg.group, {}):
                    table_item(self, seg, mentions, headers[seg.group], heading_dates)
                elif seg.group not in headers and self.event is not None:
                    key_value(self, seg, mentions)
            elif seg.kind == "list-item":
                intro = self.intro(segments, i).lower()
                key = _KEY_LINE.match(self.text, seg.start, seg.end)
                if self.heading is not None and key is not None:  # "- Timing: first half of 2019" under its activity
                    key_value(self, Segment("metadata", seg.start, seg.end, (key.span(1), (key.start(2), seg.end))), mentions)
                elif self.event is not None and self.event is self.project and (cells := fact_line(self.text, seg)):
                    key_value(self, Segment("metadata", seg.start, seg.end, cells), mentions)  # "- Donor: Germany"
                elif "working area" in intro:
                    self.facts += working_area_fact(seg, mentions, self.text, self.lex)
                elif re.search(
                    r"\bactivit|\bprojects\b|\bevents\b|\bphases?\b|\bstages?\b|\bcomponents?\b|мероприяти|этап|activités|étapes", intro
                ) and not narrated(body):
                    list_item(self, seg, mentions)
                elif not bare_line:
                    self.points = points_intro(intro)
                    self.prose(seg, mentions, event_page or self.heading is not None)
                    self.points = False
            elif not bare_line:
                if not self.context:
                    roles = assign_roles(mentions, self.text, 0, seg.start)
                    self.context = roles.beneficiaries
                self.prose(seg, mentions, event_page or self.heading is not None)
        main = self.event or next((d for d in self.drafts if not process(d, self.lex) and not _ANOTHER.match(d.label)), None)
        if main is not None and self.page_topics:  # the page's tags, or its headline, say what its own event is about
            main.take(Info(None, Roles(), False, self.page_topics, True))
        for draft in self.drafts:
            if draft.start is None and id(draft) in periods:  # a workplan's item takes the workplan's period
                draft.start, draft.end = periods[id(draft)]
        for draft in self.drafts:  # what an activity's own title names is its topic
            title = " ".join(draft.label.lower().split())
            named = [iri for words, iri in self.topic_words.items() if words in title]
            if named:  # and besides, only what it is said to be about: not every topic its sentences touch
                draft.topics = list(dict.fromkeys(named + draft.focus))
                draft.named = True
        if self.project is not None:
            for draft in self.drafts:  # on a project's page, every other activity is part of it
                if draft.parent is None and not self.lex.is_a(draft.type, str(IAC.Project)):
                    draft.parent = self.project
        elif (
            len(runs := [d for d in self.drafts if process(d, self.lex) and not _ANOTHER.match(d.label)]) == 1 and runs[0] is self.drafts[0]
        ):
            for draft in self.drafts[1:]:  # a page telling one project or dialogue first: its "technical workshop", "final workshop"
                if draft.parent is None and not draft.named and not process(draft, self.lex) and not _ANOTHER.match(draft.label):
                    draft.parent = runs[0]
        self.drafts = self.owners_project(self.drafts)
        self.drafts = self.mission_meetings(self.drafts)
        self.drafts = restated(self.drafts, self.lex)
        for draft in self.drafts:  # a Russian title as a title reads: in the nominative ("техническая миссия в ...")
            if has_cyrillic(draft.label):
                draft.label = nominative(draft.label)
        return Extraction(self.doc, freeze(self.drafts, self.text, self.lex, self.context), tuple(self.facts))

    def intro(self, segments: tuple[Segment, ...], i: int) -> str:
        group = segments[i].group
        while i > 0 and segments[i - 1].group == group:
            i -= 1
        return self.text[segments[i - 1].start : segments[i - 1].end] if i > 0 else ""

    # ------------------------------------------------------------------------------------ labels

    def new(self, cls: str, label: str, kind: str, prose: bool, span: tuple[int, int]) -> Draft:
        label = _DANGLING.sub("", label.strip())  # "joint field exercise on the Debed River near" (its town cut off)
        words = label.split(" ")
        caps = next((n for n, w in enumerate(words) if not w.isupper()), len(words))
        if caps >= 2 and (caps == len(words) or any(_written_lower(w, self.text) for w in words[:caps])):
            # "FINAL WORKSHOP", "TECHNICAL MISSION TO MOLDOVA on the identification …": a heading in capitals (not
            # "UNECE IAN System training": acronyms the page never writes otherwise)
            label = " ".join([from_capitals(" ".join(words[:caps]), self.text)] + words[caps:])
        draft = Draft(cls, label, kind, prose, planned=self.planned, section=list(self.section))
        if self.section_topics:
            draft.take(Info(None, Roles(), False, self.section_topics, True))
        draft.evidence.append((span[0], span[1], kind))
        self.drafts.append(draft)
        return draft

    def start_event(self, seg: Segment, mentions: list[Mention]) -> None:
        acts = [m for m in mentions if m.kind == "ACTIVITY" and not statutory_session(self.text, m.end)]
        if acts:
            quoted = quoted_after(self.text, acts[0], seg.end)  # 'Start of the Project "Raising Knowledge …" 13.07.2016'
            label = self.text[quoted[0] : quoted[1]] if quoted else item_title(self.text, seg.start, seg.end, mentions)
            self.told = bool(_HAPPENED.match(label))
            label = _HAPPENED.sub("", label, count=1)  # "Состоялось второе заседание …": the meeting, not the news
            self.event = self.new(acts[0].iri, label, "title", True, (seg.start, seg.end))
            self.event.take(self.info(mentions, seg.start, seg.end))

    # ------------------------------------------------------------------------------------ prose

    def prose(self, seg: Segment, mentions: list[Mention], event_page: bool) -> None:
        line = dateline(self.text, seg.start, seg.end, mentions)
        if line is not None:  # where and when the page was written: not the event's date, perhaps its venue
            town, _, end = line
            mentions = [m for m in mentions if m.kind == "TOPIC" or not seg.start <= m.start < end]
            self.town = (town, 2) if town is not None else None
        news = self.sentences(seg, mentions, event_page)
        if self.town is not None:
            town, left = self.town
            for draft, _ in news:
                if draft.place is None and not draft.online and not self.lex.is_a(draft.type, str(IAC.Project)):
                    draft.place = town.iri
            self.town = (town, left - 1) if left > 1 else None

    def dated(self, draft: Draft, sentence: str, alone: bool = True) -> None:
        """A day the sentence names relative to the page's date or to the activity read before. A process named
        beside a meeting of its own ("the Steering Committee of the National Policy Dialogue held yesterday its
        second meeting") is not dated by it."""
        process = self.lex.is_a(draft.type, str(IAC.Project)) or not alone and self.lex.is_a(draft.type, str(IAC.PolicyDialogue))
        if process:  # "Yesterday the expert group of the project met": the day of the next activity
            self.carried = relative_day(sentence, self.page_date, None) or self.carried
            return
        if draft.start is not None:
            return
        # the activity told before, passing over one told as its eve ("Накануне … настольная тренировка. На следующий
        # день … семинар": the day after the exercise, not after its eve)
        before = next(
            ((d.start, d.end) for d in reversed(self.drafts) if d is not draft and d.start is not None and id(d) not in self.eves), None
        )
        day = relative_day(sentence, self.page_date, before) or self.carried
        if day is not None:
            draft.start = draft.end = day
            at = self.text.find(sentence)
            if _ENDED.search(sentence) and (days := _days(self.text[max(at, 0) : max(at, 0) + len(sentence) + 600])) > 1:
                # "Семинар … завершился вчера … В течение двух дней …": it ended that day, and began days before
                draft.start = (datetime.date.fromisoformat(day) - datetime.timedelta(days=days - 1)).isoformat()
            if _EVE.search(sentence):
                self.eves.add(id(draft))
            # "Montenegro today started a National Policy Dialogue … The launch meeting of the NPD": a process
            # started today has its first meeting today
            self.carried = day if self.lex.is_a(draft.type, str(IAC.PolicyDialogue)) else None

    def bounds(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of text[start:end], as (start, end) pairs."""
        return _sentence_bounds(self.text, start, end)

    def sentences(self, seg: Segment, mentions: list[Mention], event_page: bool) -> list[tuple[Draft, str]]:
        bounds = self.bounds(seg.start, seg.end)
        consumed = paragraph_facts(seg, bounds, mentions, self.text, self.lex, self.facts)
        news_in_paragraph: list[Draft] = []
        said: list[tuple[Draft, str]] = []  # each new activity and its sentence
        self.in_paragraph = news_in_paragraph
        orphans: list[int] = []  # sentences naming no activity
        infos: dict[int, Info] = {}  # what sentences without a new activity say, by index
        pending: tuple[Info, tuple[int, int]] | None = self.lede  # dates (and venue) of a sentence naming no activity
        self.lede = None
        for index, (s, e) in enumerate(bounds):
            if index in consumed:
                continue
            inside = [m for m in mentions if s <= m.start < e]
            new, refs = self.sentence_activities(inside, s, e)
            if new:
                starts = [left for _, left in new[1:]] + [e]
                for draft, _ in new if len(new) >= 2 else ():
                    draft.teaser = True  # (undated, it may be one the page tells after: see drafts.restated)
                for k, (draft, left) in enumerate(new):
                    # "The exercise took place on 24 September and was followed by a workshop … on 25 September": the
                    # first date is the exercise's; "Just before the workshop, on 18–19 November, … a consultation": not
                    earlier = any(x.kind == "ACTIVITY" and x.end <= left for x in inside)
                    before_it = [x.span for x in inside if x.kind == "DATE" and x.start < left]
                    dated = [d[0] for d in before_it]
                    owned = earlier and any(ref.start is None or ref.start in dated for ref in refs)
                    own = any(x.kind == "DATE" and left <= x.start < starts[k] for x in inside)
                    first = k == 0 and not owned and not (earlier and own)  # "The seminar looked back on plans of
                    # 2009-2010 … since a similar seminar was held in November 2009": its clause has its date
                    last = news_in_paragraph[-1] if news_in_paragraph else self.last_told
                    participants = first and last is not None and _PARTICIPANTS.match(self.text, s)
                    before = self.info(inside, s, left) if k == 0 and (refs and earlier or participants) else None
                    if k == 0 and refs and earlier and before is not None:  # (before is read then)
                        # "The seminar looked back on the self-assessments … since a similar seminar was held in …":
                        # the clause before the new one is about the activity it refers to
                        for ref in refs:
                            ref.take(Info(None, Roles(), False, before.topics, before.focus))
                    if participants and before is not None and last is not None:  # (both are, then)
                        # "Участники обменялись опытом по предотвращению … и обсудили результаты проекта …": what the
                        # participants of the activity told did; the project named after is only what they discussed
                        last.take(Info(None, Roles(), False, before.topics if before.focus else [], before.focus))
                    if id(draft) not in self.settled:  # one of "two workshops, the first one in …": read already
                        info = self.info(inside, s if first else left, starts[k])
                        if participants:  # (it is what they discussed, not said to be about what they discussed)
                            info = Info(info.dates, info.roles, info.online, info.topics, says_focus(self.text, left, starts[k]))
                        draft.take(info)
                    if draft.start is None and before_it and earlier and _AT.search(self.text, s, left):
                        draft.start, draft.end = before_it[-1]  # "launched on 11 March 2025 at a meeting in Skopje": then, there
                    if draft.start is None and pending is not None and not self.lex.is_a(draft.type, str(IAC.Project)):
                        said_info, (ps, pe) = pending  # "were trained from 12 to 14 September in Karakol"
                        assert said_info.dates is not None  # (only a dated sentence is pending)
                        draft.start, draft.end = said_info.dates
                        draft.place = draft.place or next(iter(said_info.roles.places), None)
                        draft.topics += [t for t in said_info.topics if t not in draft.topics]
                        draft.evidence.append((ps, pe, seg.kind))
                    if self.header is not None and not self.lex.is_a(draft.type, str(IAC.Project)):
                        info, span = self.header
                        draft.take(info)
                        draft.evidence.append((span[0], span[1], "metadata"))
                        self.header = None
                    self.dated(draft, self.text[s:e], alone=len(new) == 1)
                    draft.evidence.append((s, e, seg.kind))
                    news_in_paragraph.append(draft)
                    said.append((draft, self.text[s:e]))
                for ref in refs:
                    ref.evidence.append((s, e, seg.kind))
                    if ref is self.news_day:
                        self.story_day(ref, self.info(inside, s, e))
                pending = None
            elif refs:
                info = infos[index] = self.info(inside, s, e)
                # an exercise's scenario, or what it practised, is what it is about: "По сценарию учения, в результате
                # прорыва дамбы хвостохранилища …", "Учение позволило проверить работу … Системы уведомления"
                scenario = bool(info.topics) and bool(_SCENARIO.match(self.text, s) or _PRACTISED.search(self.text, s, e))
                for ref in refs:
                    if ref is self.news_day:
                        self.story_day(ref, info)
                    ref.take(
                        Info(info.dates, info.roles, info.online, info.topics, True)
                        if scenario and self.lex.is_a(ref.type, str(IAC.Exercise))
                        else info
                    )
                    ref.evidence.append((s, e, seg.kind))
            else:
                info = infos[index] = self.info(inside, s, e)
                if info.dates and not publication_line(self.text[s:e]) and not any(x.kind == "ACTIVITY" and not x.plural for x in inside):
                    # (not "Training of the new users will continue in 2022": the date of work named, not of the next event)
                    pending = (info, (s, e))
                elif day := relative_day(self.text[s:e], self.page_date, None):
                    self.carried = day
                orphans.append(index)
            self.link([d for d, _ in new] + refs, self.text[s:e])
            if new or refs:
                self.last_told = new[-1][0] if new else refs[-1]
                self.last_event = next((d for d in reversed([d for d, _ in new] + refs) if not process(d, self.lex)), self.last_event)
        if not news_in_paragraph and pending is not None and not self.drafts:
            self.lede = pending  # "On 24 March 2015 the three countries tested ...": the day of the page's first activity
        targets = (
            news_in_paragraph
            if len(news_in_paragraph) == 1
            and not any(
                d is news_in_paragraph[0] and _BUILDS_ON.search(sentence, 0, max(sentence.find(d.label), 0)) for d, sentence in said
            )
            else []
        )
        if (
            not news_in_paragraph
            and event_page
            and self.event is not None
            and (seg.kind == "paragraph" or self.points)
            and not self.recommending
        ):
            targets = [self.event]
            orphans = sorted(infos)  # with no new activity here, every sentence left was read into infos
        for index in orphans:
            info, (s, e) = infos[index], bounds[index]
            if event_page and self.event is not None and day_of_event(self.text, s, e):
                # a day of the event is what it covers: "… spent the first day on the identification of …", "Во второй
                # день участники примут участие в упражнении по уведомлению …"
                drill = [EXERCISE_TOPIC] if _DRILL.search(self.text, s, e) and EXERCISE_TOPIC not in info.topics else []
                info = Info(info.dates, info.roles, info.online, info.topics + drill, True)  # (an exercise practises the response)
                if self.event not in targets:
                    self.event.take(Info(None, Roles(), False, info.topics, True))
            elif (
                not targets
                and not news_in_paragraph
                and info.focus
                and self.last_event is not None
                and _TOLD_ON.match(self.text, s)
                and not _ANOTHER.match(self.last_event.label)
            ):
                # "… organised a national workshop … in Baku. ¶ Over three days, experts introduced … safety reports": what
                # the activity told last covered
                self.last_event.take(Info(None, Roles(), False, info.topics, True))
            elif (
                not targets
                and not news_in_paragraph
                and info.topics
                and seg.kind == "paragraph"
                and (exercise := self.last_exercise()) is not None
                and (_SCENARIO.match(self.text, s) or info.focus and _PRACTISED.search(self.text, s, e))
            ):
                # what the exercise told last practised: "During the scenario, the participants sent notifications …",
                # "Отдельно отрабатывался порядок оповещения …"
                exercise.take(Info(None, Roles(), False, info.topics, True))
            if not targets and info.dates:  # "Mission d'expertise à Tbilissi … Deux experts se
                # sont rendus à Tbilissi du 16 au 18 septembre": the undated activity named at that place, then
                there = [
                    d
                    for d in self.drafts
                    if d.start is None
                    and info.roles.places
                    and d.place in info.roles.places
                    and not self.lex.is_a(d.type, str(IAC.Project))
                ]
                if not there and _days(self.text[s:e]) > 1:  # "Last week I joined a technical mission …
                    # Three very full days, 19–21 September, in Oskemen": the one undated activity told
                    there = [d for d in self.drafts if d.start is None and not self.lex.is_a(d.type, str(IAC.Project))]
                if len(there) == 1:
                    there[0].start, there[0].end = info.dates
                    there[0].place = there[0].place or next(iter(info.roles.places), None)
                    there[0].evidence.append((s, e, seg.kind))
            if self.points:  # a point of what the event will do: its topics, not the roles of what it names
                info = Info(None, Roles(), False, info.topics, True)
            for draft in targets:
                if draft.start is None and info.dates and _HELD.search(self.text, s, e) and not self.lex.is_a(draft.type, str(IAC.Project)):
                    draft.start, draft.end = (
                        info.dates
                    )  # "… completed a training course. The course took place in Kharkiv from 21 to 23 September."
                    draft.place = draft.place or next(iter(info.roles.places), None)
                    draft.evidence.append((s, e, seg.kind))
                if (
                    info.roles.beneficiaries
                    or info.roles.donors
                    or info.roles.partners
                    or (draft is self.event and (info.topics or info.dates))
                    or (self.event is None and info.focus and info.topics)
                ):
                    # (the event's topics only from a sentence saying what it covered, not from its findings)
                    draft.take(
                        Info(info.dates, info.roles, info.online, info.topics if info.focus else [], info.focus)
                        if draft is self.event
                        else Info(None, info.roles, False, info.topics if info.focus and self.event is None else [], info.focus),
                        dates=draft is self.heading,
                    )  # (on an event's page, what is said covered is the event's)
                    draft.evidence.append((s, e, seg.kind))
        return said

    def last_exercise(self) -> Draft | None:
        """The exercise told last, if any (not "a similar exercise")."""
        return next((d for d in reversed(self.drafts) if self.lex.is_a(d.type, str(IAC.Exercise)) and not _ANOTHER.match(d.label)), None)

    def sentence_activities(self, inside: list[Mention], s: int, e: int) -> tuple[list[tuple[Draft, int]], list[Draft]]:
        new: list[tuple[Draft, int]] = []
        refs: list[Draft] = []
        for m in (m for m in inside if m.kind == "ACTIVITY"):
            if not m.plural and russian_plural(self.text[max(s, m.start - 30) : m.end]) and (each := each_place(self, m, inside, s, e)):
                new += each  # "семинары … прошли в Фергане и Навои"
                continue
            earlier, named = which_activity(self, m, inside, s, e, new[-1][0] if new else None)
            refs += [d for d in earlier if d not in refs]
            if named is None and m.plural and not earlier:
                new += each_place(self, m, inside, s, e)
            if named is None:
                continue
            label, left = named
            if label.casefold() == m.text.casefold() and sum(x.kind == "ACTIVITY" and x.plural for x in inside) >= 2:
                continue  # "it can take the form of training, workshops, technical missions …": kinds of activity
            for title, kind in self.title_labels:
                if title.lower() != label.lower() and (
                    title.lower().startswith(label.lower())
                    or same_name(title, label)
                    or len(title.split()) == len(label.split())
                    and same_words(label, title)
                ):
                    label = title  # the headline's words, or its nominative: "национальный политический диалог ..."
                elif (
                    len(self.title_labels) == 1
                    and kind == m.iri
                    and len(label.split()) <= 3
                    and len(title.split()) > len(label.split())
                    and not any(d.label == title or self.lex.is_a(d.type, kind) for d in self.drafts)
                ):
                    label = title  # the page's first "three-day table-top exercise" is the one its title names
            same = [d for d, _ in new if d.type == m.iri and " ".join(d.label.casefold().split()) == " ".join(label.casefold().split())]
            if (
                same and len(label.split()) >= 2
            ):  # "FINAL WORKSHOP The project team organized Final Workshop at …": one, named twice in a sentence
                refs += [d for d in same[-1:] if d not in refs]
                continue
            new.append((self.new(m.iri, label, "paragraph", True, (s, e)), left))
        return new, refs

    def owners_project(self, drafts: list[Draft]) -> list[Draft]:
        """ "L'OFEV finance depuis janvier 2025 un projet de la CEE-ONU … Le projet de renforcement de la sécurité …":
        a project named only by whose it is is the one project the page names in full; it lends its dates and roles."""
        projects = [d for d in drafts if self.lex.is_a(d.type, str(IAC.Project))]
        owners = [d for d in projects if (whose := _OWNERS_ONLY.match(d.label)) and whose.group(1).strip(" ()") in self.lex.names["ORG"]]
        named = [d for d in projects if d not in owners]
        if len(named) != 1 or not owners:
            return drafts
        kept = named[0]
        for gone in owners:
            if gone.start is not None and (kept.start is None or gone.start < kept.start):
                # ("finance depuis janvier 2025 un projet …" and "Le projet … jusqu'en 2026": begun then, running to then)
                kept.start, kept.end = gone.start, max(filter(None, (kept.end, gone.end)), default=None)
            kept.take(Info(None, gone.roles, gone.online, gone.topics), dates=False)
            kept.evidence = gone.evidence + kept.evidence
            repoint(drafts, gone, kept)
        return [d for d in drafts if d not in owners]

    def mission_meetings(self, drafts: list[Draft]) -> list[Draft]:
        """ "10.04.2024 члены миссии провели рабочие встречи в Министерстве …": on a mission's page, the meetings held
        on its days are its programme, not activities of their own."""
        mission = self.event or (drafts[0] if drafts else None)  # (a report telling its mission first)
        if (
            mission is None
            or not self.lex.is_a(mission.type, str(IAC.TechnicalMission))
            or mission.start is None
            or len(mission.start) != 10
        ):
            return drafts
        last = mission.end or mission.start
        return [
            d
            for d in drafts
            if not (
                d.type == str(IAC.Meeting)
                and (
                    d.start is None
                    and d.parent is None
                    or d.start
                    and len(d.start) == 10
                    and mission.start <= d.start
                    and (d.end or d.start) <= last
                )
            )
        ]

    def story_day(self, draft: Draft, info: Info) -> None:
        """The day the story names for the event its headline told of ("27 февраля 2025 года … состоялось"), over the
        news's day under the headline ("28.02.2025")."""
        if info.dates and len(info.dates[0]) == 10:
            draft.start, draft.end = info.dates
            self.news_day = None

    def link(self, drafts: list[Draft], sentence: str) -> None:
        """In a sentence naming one project (or policy dialogue) and other activities, those are part of it (not of
        "a similar project" another country ran, nor of one they follow up: "Cette mission fait suite au dialogue")."""
        projects = [d for d in drafts if process(d, self.lex) and not _ANOTHER.match(d.label)]
        if not projects and len(parents := {id(d.parent): d.parent for d in drafts if d.parent is not None}) == 1:
            projects = list(parents.values())  # "The workshop [the project's] built on the first technical workshop …"
        if len(projects) != 1 or _FOLLOW_UP.search(sentence):
            return
        for draft in drafts:
            if draft is not projects[0] and draft.parent is None and not process(draft, self.lex):
                draft.parent = projects[0]
