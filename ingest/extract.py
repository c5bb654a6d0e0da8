"""Stage 2, extract: a Document becomes activities and facts. Pure: the spaCy pipeline and the Lexicon are
arguments, and nothing is read or written.

Three shapes of text describe activities:
- items (ingest.items): a list item under a heading about activities, or a table row with an activity
  column, is one activity: "TITLE (DATES), CITY, COUNTRY";
- event pages: a page whose title names an activity and whose metadata lines give "Dates:" and "Venue:",
  or whose title is followed by a date line and a venue line (ingest.context.event_header); "the two-day
  seminar" on such a page is that event;
- prose: a sentence that names an activity ("a field exercise ... followed on 2 September 2015").
  "the project" or "both exercises" refers back to activities already named; what such a sentence says
  (dates, donors) goes to them. Sentences naming no activity lend their dates to the next activity in
  the paragraph and their countries to the paragraph's only activity.

Day and month without a year are read in the page's year (ingest.context.document_year). Page chrome,
link blocks, agenda time slots, title-only lines and activity words used as modifiers name no activity
(ingest.shapes).
"""

from __future__ import annotations

import re

from spacy.language import Language

from ingest.context import dateline, document_date, event_header, relative_day
from ingest.drafts import Draft, Info, freeze
from ingest.facts import paragraph_facts, working_area_fact
from ingest.nonevents import refers_back
from ingest.items import header_roles, item_title, list_item, table_item
from ingest.labels import same_name, title_span, word_before
from ingest.read import Document, Segment
from ingest.records import Extraction, Fact, Mention
from ingest.reference import Lexicon
from ingest.roles import Roles, assign_roles
from ingest.titles import quoted_name
from ingest.shapes import chrome, event_part, link_block_heading, modifier, time_slot, title_only
from ingest.vocab import IAC

_SENTENCE = re.compile(r"(?<=[.!?…])(?<!\b[гв]\.)(?<!\bгг\.)(?<!\bим\.)(?<!\bул\.)(?<!\b[А-ЯЁ]\.)\s+(?=[A-Z0-9\"“(«À-ÖØ-ÞА-ЯЁ])|(?<=;)\s+")
_ANAPHOR_DET = {"the", "this", "that"}
_PLURAL_DET = {"both", "these", "all", "two", "three", "four"}


_NUMBERING = re.compile(r"^\W*(?:(?:\d+(?:\.\d+)*|[IVX]+|[A-Z])[.)]?\s+|(?:activity|activité|мероприятие)\s+\d+(?:\.\d+)*\s*[:.–-]\s*)", re.IGNORECASE)
# "on the second day", "the next two days were devoted to", "во второй день", "le dernier jour": a part of the event
_DAY_OF_EVENT = re.compile(
    r"\b(?:(?:on\s+)?the\s+(?:first|second|third|fourth|fifth|next|following|last|final|closing|opening)\s+(?:two\s+|three\s+)?days?\b(?!\s+of\s+[A-Z])"
    r"|(?:в|во|на)\s+(?:перв|втор|трет|четвёрт|четверт|последн|заключительн)\w+\s+день"
    r"|(?:le|la|au|lors\s+du|lors\s+de\s+la)\s+(?:premi\w+|deuxième|second\w*|troisième|dernière?)\s+(?:jour|journée))",
    re.IGNORECASE,
)
_OPEN_START = re.compile(r"(?:\b(?:from|since|starting(?:\s+in)?|beginning(?:\s+in)?|depuis|à\s+partir\s+d[e'’]|(?:начиная\s+)?с)\s+(?:the\s+|l['’]\s*)?(?:year\s+|année\s+)?)$", re.IGNORECASE)
# the first word of a heading about a part of a page, not naming an activity
_SECTION_WORDS = {
    "about", "objectives", "goals", "results", "outcomes", "activities", "phases", "partners", "documents", "news", "contacts",
    "о", "об", "цели", "цель", "задачи", "результаты", "мероприятия", "этапы", "описание", "партнеры", "партнёры", "документы",
    "новости", "контакты", "итоги", "à", "objectifs", "objectif", "résultats", "activités", "étapes", "partenaires",
    "actualités", "contexte", "présentation",
}
# "the date of the next meeting", "date de la prochaine réunion", "дата следующего заседания"
_NEXT_ONE = re.compile(r"\b(?:date|dates|venue|place|lieu|дата|место)\s+(?:and\s+\w+\s+|et\s+\w+\s+|и\s+\w+\s+)?(?:of\s+(?:the\s+)?|de\s+la\s+|du\s+)?(?:next|prochaine?|следующ\w*)\s*$", re.IGNORECASE)
# "meeting of the Conference", "session of the Working Group", "the Bureau's meeting": the Convention's own bodies
_STATUTORY = re.compile(
    r"(?:meeting|session)s?\s+of\s+the\s+(?:Conference|Bureau|Working\s+Group|Parties|Meeting\s+of\s+the\s+Parties)\b"
    r"|(?<=Conference's\s)meeting|(?<=Group's\s)meeting|(?<=Bureau's\s)meeting",
)
# the key of a row of facts about the page's event, and the role of the names in its value
_KEY_ROLES = [
    ("donors", re.compile(r"donor|fund|financ|sponsor|финансир|донор|bailleur|financement", re.IGNORECASE)),
    ("partners", re.compile(r"partner|organi[sz]er|implement|партн|организатор|partenaire|organisateur", re.IGNORECASE)),
    ("beneficiaries", re.compile(r"beneficiar|countr|бенефициар|стран|bénéficiaire|pays", re.IGNORECASE)),
    ("dates", re.compile(r"duration|period|dates?|timing|срок|период|продолжительн|durée|période", re.IGNORECASE)),
]
# the key of a fact about a project: "Duration", "Donor", "Beneficiary countries", "Сроки", "Финансирование"
_FACT_KEY = re.compile(r"[\s*_]*(?:duration|donors?|funding|beneficiary countries|budget|сроки|продолжительность|финансирование|доноры?|страны-бенефициары|бюджет|durée|bailleurs?|pays bénéficiaires|budget)\b", re.IGNORECASE)
_RECOMMENDED = re.compile(r"\b(?:recommend\w*|suggest\w*|propos\w+|рекомендова\w*|рекомендаци\w*|предложи\w*|recommand\w*|sugg[ée]r\w*)\b", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "a similar workshop", "the next meeting", "the second seminar", "аналогичный семинар", "un atelier similaire"
_OTHER_ONE = re.compile(
    r"(?:a|an|the|this|that)?\s*(?:similar|another|other|next|previous|earlier|later|last|follow-up|first|second|third|fourth|fifth|further|new|"
    r"аналогичн\w*|следующ\w*|предыдущ\w*|друг\w*|перв\w*|втор\w*|трет\w*|нов\w*|"
    r"autre|prochain\w*|précédent\w*|premi\w*|deuxième|second\w*|troisième|nouv\w*)\b|.*\b(?:similaire|suivant)",
    re.IGNORECASE,
)
# the key of a metadata line that makes the page an event's page
_EVENT_KEY = re.compile(r"[\s*_]*(?:dates?|venue|place|location|даты?|место(?: проведения)?|сроки|lieu|date\(s\))[*_]*\s*:", re.IGNORECASE)
# "*Project for Bulgaria, Romania and Serbia*", "**Проект:** «...»", "Projet : ...": a line naming the page's project
_PROJECT_LINE = re.compile(r"[\s*_#>]*(Project|Проект|Projet)\b(?:[*_]*\s*:[*_]*\s*|\s+(?=for\b|on\b|of\b|under\b|funded\b|financed\b|по\b|для\b|pour\b|sur\b))", re.IGNORECASE)
_LEAD_TO_QUOTE = re.compile(r"(?:[ \u00a0]+(?:entitled|called|titled|named|[a-zа-яё]+(?:ого|его|ой|ей|ия|ых|их|ства))){0,3},?[ \u00a0]*(?=[«\"“„])")


def _quoted_after(text: str, m: Mention, hi: int) -> tuple[int, int] | None:
    """The name quoted right after the activity word, or after a few words that qualify it: 'the project
    "Strengthening ..."', 'project entitled "..."', 'проекта технического содействия «...»'."""
    lead = _LEAD_TO_QUOTE.match(text, m.end, hi)
    if lead is None:
        return None
    return quoted_name(text, Mention(m.kind, m.start, lead.end(), m.text, m.iri), hi)


def extract(document: Document, nlp: Language, lexicon: Lexicon) -> Extraction:
    return _Reader(document, nlp, lexicon).run()


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
        self.page_date = document_date(document)
        self.year = int(self.page_date[:4]) if self.page_date else None
        self.lede: tuple[tuple[str, str], tuple[int, int]] | None = None  # the dates of a lede naming no activity
        self.carried: str | None = None  # "Montenegro today launched...": a day for the next activity named
        self.town: tuple[Mention, int] | None = None  # the dateline's town, for activities of the next paragraphs
        self.planned = bool(re.search(r"\bplanned\b|\bwork ?plan\b", document.title, re.IGNORECASE))

    # ------------------------------------------------------------------------------------ mentions

    def mentions(self, seg: Segment) -> list[Mention]:
        view = self.text[seg.start : seg.end].replace("\n", " ")
        if self.doc.format == "md":
            view = re.sub(r"[*`]", " ", view)
        spacy_doc = self.nlp.make_doc(view)
        spacy_doc._.context_year = self.year
        spacy_doc = self.nlp(spacy_doc)
        out = []
        for ent in spacy_doc.ents:
            dates = (ent._.date_range.start, ent._.date_range.end) if ent.label_ == "DATE" else None
            if dates and self.year is None and seg.kind not in ("title", "heading"):
                self.year = int(dates[0][:4])  # a page without a dateline: "17–18 November" in the year it last named
            plural = False
            if ent.label_ == "ACTIVITY":
                plural = ent.text.lower().replace("’", "'") not in self.lex.triggers and ent[-1].lower_ not in self.lex.triggers and ent[-1].lower_.endswith("s")
            out.append(Mention(ent.label_, seg.start + ent.start_char, seg.start + ent.end_char, ent.text, ent.ent_id_, plural, dates))
        for span in spacy_doc.spans["topics"]:
            out.append(Mention("TOPIC", seg.start + span.start_char, seg.start + span.end_char, span.text, span.label_))
            self.topic_words.setdefault(" ".join(span.text.lower().split()), span.label_)
        return sorted(out, key=lambda m: (m.start, m.kind))

    def info(self, mentions: list[Mention], start: int, end: int) -> Info:
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        dated = [m for m in inside if m.kind == "DATE"]
        dates = [m.dates for m in dated]
        span = (min(d[0] for d in dates), max(d[1] for d in dates)) if dates else None
        if len(dated) == 1 and dates[0][0] == dates[0][1] and _OPEN_START.search(self.text, max(start, dated[0].start - 20), dated[0].start):
            span = (dates[0][0], None)  # "from 2023", "à partir de 2023", "с 2023 года": begun, not ended
        return Info(
            span,
            assign_roles(inside, self.text, 0, start),
            any(m.kind == "ONLINE" for m in inside),
            [m.iri for m in inside if m.kind == "TOPIC"],
        )

    # ------------------------------------------------------------------------------------ driver

    def run(self) -> Extraction:
        segments = self.doc.segments
        seen: set[str] = set()
        event_page = any(s.kind == "metadata" and _EVENT_KEY.match(self.text[s.start : s.end]) for s in segments)
        header = next((h for i, s in enumerate(segments) if s.kind == "title" and (h := event_header(self.doc, i))), [])
        event_page = event_page or bool(header) or self.dated_title(segments)
        project_line = self.project_page(segments)
        in_links = False  # inside a block of links to other pages ("Related news")
        headers: dict[int, dict[str, int]] = {}
        heading_dates: tuple[str, str] | None = None
        for i, seg in enumerate(segments):
            body = " ".join(self.text[seg.start : seg.end].split())
            if body in seen:  # pages repeat paragraphs; the first copy is the evidence
                continue
            seen.add(body)
            if i == project_line:
                continue
            if seg.kind in ("title", "heading"):
                in_links = link_block_heading(body)
            if seg.kind not in ("table-row", "table-header") and chrome(body):
                continue
            if in_links and seg.kind in ("list-item", "paragraph") and len(body) < 160:
                continue
            mentions = self.mentions(seg)
            if i in header:
                seg = Segment("metadata", seg.start, seg.end, seg.cells, seg.group)
            if seg.kind in ("list-item", "paragraph", "table-row") and time_slot(body):
                continue
            bare_line = title_only(body, any(m.kind == "DATE" for m in mentions))
            if seg.kind in ("title", "heading"):  # a table under "planned activities, 2021–2022" takes its dates
                dates = [m.dates for m in mentions if m.kind == "DATE"]
                heading_dates = (dates[0][0], dates[-1][1]) if dates else heading_dates
            if seg.kind == "heading":
                self.section(seg, mentions, in_links)
                continue
            if seg.kind == "title":
                self.title_labels += [(title_span(self.text, m, mentions, seg.start, seg.end)[0], m.iri) for m in mentions if m.kind == "ACTIVITY" and not m.plural]
                if event_page:
                    self.start_event(seg, mentions)
            elif seg.kind == "metadata":
                if self.event is not None:
                    self.event.take(self.info(mentions, seg.start, seg.end))
                    self.event.evidence.append((seg.start, seg.end, seg.kind))
            elif seg.kind == "table-header":
                headers[seg.group] = header_roles(self, seg)
            elif seg.kind == "table-row":
                if "label" in headers.get(seg.group, {}):
                    table_item(self, seg, mentions, headers[seg.group], heading_dates)
                elif seg.group not in headers and self.event is not None:
                    self.key_value(seg, mentions)
            elif seg.kind == "list-item":
                intro = self.intro(segments, i).lower()
                if "working area" in intro:
                    self.facts += working_area_fact(seg, mentions, self.text, self.lex)
                elif re.search(r"\bactivit|\bprojects\b|\bevents\b|\bphases?\b|\bstages?\b|\bcomponents?\b|мероприяти|этап|activités|étapes", intro):
                    list_item(self, seg, mentions)
                elif not bare_line:
                    self.prose(seg, mentions, event_page or self.heading is not None)
            elif not bare_line:
                if not self.context:
                    roles = assign_roles(mentions, self.text, 0, seg.start)
                    self.context = roles.beneficiaries
                self.prose(seg, mentions, event_page or self.heading is not None)
        for draft in self.drafts:  # what an activity's own title names is its topic
            title = " ".join(draft.label.lower().split())
            draft.topics += [iri for words, iri in self.topic_words.items() if iri not in draft.topics and words in title]
        if self.project is not None:
            for draft in self.drafts:  # on a project's page, every other activity is part of it
                if draft.parent is None and not self.lex.is_a(draft.type, str(IAC.Project)):
                    draft.parent = self.project
        return Extraction(self.doc, freeze(self.drafts, self.text, self.lex, self.context), tuple(self.facts))

    def section(self, seg: Segment, mentions: list[Mention], in_links: bool) -> None:
        """A heading that names one activity ("### 2.1 Training on land-use planning", "Workshop on safety reports,
        Sofia, 11–13 May 2009") starts that activity's section: the metadata lines and paragraphs under it,
        up to the next heading, describe it, and the activity words there of its kind refer to it."""
        if self.heading is not None:
            self.event, self.heading = self.page_event, None
        acts = [m for m in mentions if m.kind == "ACTIVITY"]
        if in_links or len(acts) != 1 or acts[0].plural or modifier(self.text, acts[0].end):
            return
        m = acts[0]
        label = _NUMBERING.sub("", item_title(self.text, seg.start, seg.end, mentions))
        if _NEXT_ONE.search(self.text, seg.start, m.start) or _STATUTORY.search(self.text, m.start, seg.end):
            return
        if label.split()[0].lower().strip("*_:") in _SECTION_WORDS:
            return  # "About the project", "О проекте", "Мероприятия проекта", "Objectifs du projet"
        if len(label.split()) < 2 or label.lower() == m.text.lower() or word_before(self.text, m.start, seg.start) in _ANAPHOR_DET:
            return  # "About the project", "Workshop": a section about the page's activity, or a label
        draft = self.new(m.iri, label, "heading", False, (seg.start, seg.end))
        draft.take(self.info(mentions, seg.start, seg.end))
        self.page_event, self.event, self.heading = self.event, draft, draft

    def key_value(self, seg: Segment, mentions: list[Mention]) -> None:
        """A row of a facts table under the page's event: "Beneficiary countries | Kazakhstan, Uzbekistan",
        "Duration | January 2022 – December 2025", "Donor | Germany", "Финансирование | Германия"."""
        if len(seg.cells) != 2:
            return
        (ks, ke), (vs, ve) = seg.cells
        key = self.text[ks:ke].strip(" *:").lower()
        if len(key.split()) > 4 or any(m.kind == "ACTIVITY" and ks <= m.start < ke for m in mentions):
            return
        info = self.info(mentions, vs, ve)
        names = [m.iri for m in mentions if vs <= m.start < ve and m.kind in ("COUNTRY", "REGION", "ORG")]
        role = next((role for role, stem in _KEY_ROLES if stem.search(key)), None)
        if role is None and not info.dates and not info.roles.places:
            return
        roles = Roles(places=info.roles.places, venue_countries=info.roles.venue_countries)
        for iri in names if role else []:
            roles.add(role if role != "beneficiaries" or "/org/" not in iri else "partners", iri)
        self.event.take(Info(info.dates if role in (None, "dates") else None, roles, info.online, info.topics))
        self.event.evidence.append((seg.start, seg.end, "metadata"))

    def dated_title(self, segments: tuple[Segment, ...]) -> bool:
        """A title naming one activity with its dates: "Train-the-trainer programme on the Seveso II Directive,
        May 11-13, 2009, Sofia, Bulgaria". The page is that event's."""
        title = next((seg for seg in segments[:6] if seg.kind == "title"), None)
        if title is None:
            return False
        mentions = self.mentions(title)
        acts = [m for m in mentions if m.kind == "ACTIVITY"]
        return len(acts) == 1 and not acts[0].plural and any(m.kind == "DATE" and m.start > acts[0].start for m in mentions)

    def project_page(self, segments: tuple[Segment, ...]) -> int | None:
        """A project's page: a line under the title reads "Project: «NAME»" / "Проект: «...»" / "Projet : ...",
        or the title names no activity and a line under it says "Project for Bulgaria, Romania and Serbia".
        The project (named by the quotation, else by the title) is made at once; every other activity of the
        page is part of it, and when the title names no activity the project is the page's event, which its
        metadata lines ("Period:", "Beneficiaries:") describe. Returns the index of the line read."""
        titles = [i for i, seg in enumerate(segments[:6]) if seg.kind == "title"]
        if not titles:
            return None
        t = titles[-1]
        title = segments[t]
        facts = [seg for seg in segments[t + 1 : t + 7] if seg.kind in ("table-row", "metadata") and _FACT_KEY.match(self.text, seg.start, seg.end)]
        if len(facts) >= 2 and not any(m.kind == "ACTIVITY" for m in self.mentions(title)):
            # <h1>NAME (2022–2025)</h1> over "Beneficiary countries | …", "Duration | …", "Donor | …": a project
            mentions = self.mentions(title)
            label = self.text[title.start : title.end]
            label = re.sub(r"\s*\([^()]*\d{4}[^()]*\)\s*$", "", label)
            self.project = self.event = self.new(str(IAC.Project), " ".join(label.split()), "title", True, (title.start, title.end))
            self.project.take(self.info(mentions, title.start, title.end))
            return None
        for k, seg in enumerate(segments[t + 1 : t + 5], start=t + 1):
            line = self.text[seg.start : seg.end]
            head = _PROJECT_LINE.match(line)
            if head is None or seg.kind == "list-item" or (":" not in head.group() and seg.kind != "heading" and not line.lstrip().startswith(("*", "_"))):
                continue  # "1. Project on ...": an item of a list, not the page's subtitle
            mentions = self.mentions(seg)
            word = Mention("ACTIVITY", seg.start + head.start(1), seg.start + head.end(1), head.group(1), str(IAC.Project))
            quoted = _quoted_after(self.text, Mention("ACTIVITY", word.start, seg.start + head.end(), word.text, word.iri), seg.end)
            title = segments[t]
            untitled = not any(m.kind == "ACTIVITY" for m in self.mentions(title))
            if quoted is not None:
                label, span = self.text[quoted[0] : quoted[1]], (seg.start, seg.end)
            elif untitled:
                label, span = self.text[title.start : title.end], (title.start, title.end)
            else:
                return None
            self.project = self.new(str(IAC.Project), " ".join(label.split()), "title", True, span)
            self.project.take(self.info(mentions, seg.start, seg.end))
            self.project.evidence.append((seg.start, seg.end, "metadata"))
            if untitled:
                self.event = self.project
            return k
        return None

    def intro(self, segments: tuple[Segment, ...], i: int) -> str:
        group = segments[i].group
        while i > 0 and segments[i - 1].group == group:
            i -= 1
        return self.text[segments[i - 1].start : segments[i - 1].end] if i > 0 else ""

    # ------------------------------------------------------------------------------------ labels

    def new(self, cls: str, label: str, kind: str, prose: bool, span: tuple[int, int]) -> Draft:
        draft = Draft(cls, label.strip(), kind, prose, planned=self.planned)
        draft.evidence.append((span[0], span[1], kind))
        self.drafts.append(draft)
        return draft

    def start_event(self, seg: Segment, mentions: list[Mention]) -> None:
        acts = [m for m in mentions if m.kind == "ACTIVITY"]
        if acts:
            label = item_title(self.text, seg.start, seg.end, mentions)
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

    def dated(self, draft: Draft, sentence: str) -> None:
        """A day the sentence names relative to the page's date or to the activity read before."""
        if draft.start is not None or self.lex.is_a(draft.type, str(IAC.Project)):
            return
        before = next(((d.start, d.end) for d in reversed(self.drafts) if d is not draft and d.start is not None), None)
        day = relative_day(sentence, self.page_date, before) or self.carried
        if day is not None:
            draft.start = draft.end = day
            self.carried = None

    def sentences(self, seg: Segment, mentions: list[Mention], event_page: bool) -> list[tuple[Draft, str]]:
        view = self.text[seg.start : seg.end]
        bounds, pos = [], seg.start
        for piece in _SENTENCE.split(view):
            at = self.text.index(piece, pos)
            bounds.append((at, at + len(piece)))
            pos = at + len(piece)
        consumed = paragraph_facts(seg, bounds, mentions, self.text, self.lex, self.facts)
        news_in_paragraph: list[Draft] = []
        said: list[tuple[Draft, str]] = []  # each new activity and its sentence
        self.in_paragraph = news_in_paragraph
        orphans: list[int] = []  # sentences naming no activity
        infos: dict[int, Info] = {}  # what sentences without a new activity say, by index
        pending: tuple[tuple[str, str], tuple[int, int]] | None = self.lede  # dates of a sentence naming no activity
        self.lede = None
        for index, (s, e) in enumerate(bounds):
            if index in consumed:
                continue
            inside = [m for m in mentions if s <= m.start < e]
            new, refs = self.sentence_activities(inside, s, e)
            if new:
                starts = [left for _, left in new[1:]] + [e]
                for k, (draft, left) in enumerate(new):
                    # "The exercise took place on 24 September and was followed by a workshop … on 25 September": the
                    # first date is the exercise's; "Just before the workshop, on 18–19 November, … a consultation": not
                    earlier = any(x.kind == "ACTIVITY" and x.end <= left for x in inside)
                    dated = [x.dates[0] for x in inside if x.kind == "DATE" and x.start < left]
                    owned = earlier and any(ref.start is None or ref.start in dated for ref in refs)
                    first = k == 0 and not owned
                    scope = self.info(inside, s if first else left, starts[k])
                    draft.take(scope)
                    if draft.start is None and pending is not None and not self.lex.is_a(draft.type, str(IAC.Project)):
                        (draft.start, draft.end), (ps, pe) = pending
                        draft.evidence.append((ps, pe, seg.kind))
                    self.dated(draft, self.text[s:e])
                    draft.evidence.append((s, e, seg.kind))
                    news_in_paragraph.append(draft)
                    said.append((draft, self.text[s:e]))
                for ref in refs:
                    ref.evidence.append((s, e, seg.kind))
                pending = None
            elif refs:
                info = infos[index] = self.info(inside, s, e)
                for ref in refs:
                    ref.take(info)
                    ref.evidence.append((s, e, seg.kind))
            else:
                info = infos[index] = self.info(inside, s, e)
                if info.dates:
                    pending = (info.dates, (s, e))
                elif day := relative_day(self.text[s:e], self.page_date, None):
                    self.carried = day
                orphans.append(index)
            self.link([d for d, _ in new] + refs)
        if not news_in_paragraph and pending is not None and not self.drafts:
            self.lede = pending  # "On 24 March 2015 the three countries tested ...": the day of the page's first activity
        targets = news_in_paragraph if len(news_in_paragraph) == 1 else []
        if not news_in_paragraph and event_page and self.event is not None and seg.kind == "paragraph":
            targets = [self.event]
            orphans = sorted(infos)  # with no new activity here, every sentence left was read into infos
        for index in orphans:
            info, (s, e) = infos[index], bounds[index]
            for draft in targets:
                if info.roles.beneficiaries or info.roles.donors or info.roles.partners or (draft is self.event and (info.topics or info.dates)):
                    draft.take(info if draft is self.event else Info(None, info.roles, False, []), dates=draft is self.heading)
                    draft.evidence.append((s, e, seg.kind))
        return said

    def sentence_activities(self, inside: list[Mention], s: int, e: int) -> tuple[list[tuple[Draft, int]], list[Draft]]:
        new: list[tuple[Draft, int]] = []
        refs: list[Draft] = []
        for m in (m for m in inside if m.kind == "ACTIVITY"):
            after = self.text[m.end : m.end + 12].lower()
            if after.startswith(" of the ") and any(o.kind == "ORG" and m.end < o.start <= m.end + 10 for o in inside):
                continue  # "meeting of the Conference of the Parties": a statutory session, not an activity
            if refers_back(self.text, m.end):  # "Проект, рассчитанный на 2016–2018 годы", "L'atelier a réuni"
                earlier = [d for d in self.drafts if self.lex.is_a(d.type, m.iri)] or ([self.event] if self.event is not None else [])
                refs += [d for d in earlier[-1:] if d not in refs]
                continue
            if modifier(self.text, m.end):
                continue  # "project team", "workshop report": the word names something else
            before = word_before(self.text, m.start, s)
            if event_part(before, m.text):
                continue
            if m.plural:
                if before in _PLURAL_DET:
                    refs += [d for d in self.drafts if self.lex.is_a(d.type, m.iri) and d not in refs]
                continue
            label, left, _, bare = title_span(self.text, m, inside, s, e)
            left = min(left, m.start)  # a quoted name after the word starts the title, not the activity's clause
            quoted = _quoted_after(self.text, m, e)
            if quoted is not None:  # 'within the project "Strengthening ..."': a name, never a back-reference
                label, bare = " ".join(self.text[quoted[0] : quoted[1]].split()), False
                named = [d for d in self.drafts if " ".join(d.label.split()).lower() == " ".join(label.split()).lower()]
                if named:
                    refs += [d for d in named[-1:] if d not in refs]
                    continue
            if before == "same" and word_before(self.text, left, s) == "the" and len(label.split()) == 2:
                earlier = [d for d in self.drafts if self.lex.is_a(d.type, m.iri)]
                refs += [d for d in earlier[-1:] if d not in refs]  # "a workshop under the same project"
                if earlier:
                    continue
            if bare and before in _ANAPHOR_DET:
                # "the project": the latest project; "the session" after "a field exercise": that exercise
                earlier = [d for d in self.drafts if self.lex.is_a(d.type, m.iri)] or self.in_paragraph
                if earlier:
                    if earlier[-1] not in refs:
                        refs.append(earlier[-1])
                    continue
                if self.event is not None or self.drafts:
                    continue  # "the workshop served as a forum": the page's event, not a new one
            if self.event is not None and word_before(self.text, left, s) in _ANAPHOR_DET and len(label.split()) <= 3 and self.lex.is_a(self.event.type, m.iri):
                if self.event not in refs:
                    refs.append(self.event)  # "the two-day seminar" on the seminar's own page
                continue
            if _RECOMMENDED.search(self.text, s, m.start) or _NEXT_ONE.search(self.text, s, m.start) or _STATUTORY.match(self.text, m.start, e):
                continue  # "participants recommended a regional exercise": a proposal, not an activity
            if new and _APPOSITION.search(self.text[s:left]):
                continue  # "hosted a consultation, the second meeting held within ...": the same one again
            if new and self.text[left - 1 : left] == "(" and self.lex.is_a(new[-1][0].type, m.iri):
                continue  # "the project on … (Danube Delta Project – DDP)": its short name
            host = self.event or (self.in_paragraph[-1] if self.in_paragraph else None) or (new[-1][0] if new else None)
            if host is not None and _DAY_OF_EVENT.search(self.text, s, e):
                if host not in refs:
                    refs.append(host)  # "the next two days were devoted to a joint visit": a part of the event
                continue
            if word_before(self.text, left, s) in _ANAPHOR_DET and len(label.split()) <= 4:
                same = [d for d in self.drafts if " ".join(d.label.lower().split()).endswith(" ".join(label.lower().split()))]
                if same:  # "three phases: a technical workshop, ..."; then "The technical workshop was hosted by"
                    refs += [d for d in same[-1:] if d not in refs]
                    continue
            if quoted is None and self.is_the_event(m, label, inside):
                if self.event not in refs:
                    refs.append(self.event)  # "organizes a two-day national workshop" on the workshop's page
                continue
            for title, kind in self.title_labels:
                if title.lower() != label.lower() and (title.lower().startswith(label.lower()) or same_name(title, label)):
                    label = title
                elif (len(self.title_labels) == 1 and kind == m.iri and len(label.split()) <= 3 and len(title.split()) > len(label.split())
                      and not any(d.label == title or self.lex.is_a(d.type, kind) for d in self.drafts)):
                    label = title  # the page's first "three-day table-top exercise" is the one its title names
            new.append((self.new(m.iri, label, "paragraph", True, (s, e)), left))
        return new, refs

    def is_the_event(self, m: Mention, label: str, inside: list[Mention]) -> bool:
        """On an event's page (or under its heading), an activity word of the event's kind is the event itself,
        unless its sentence dates it otherwise or it is "a similar", "the next", "the second" one."""
        event = self.event
        if event is None:
            return False
        first = next(x for x in inside if x.kind == "ACTIVITY")
        if not (self.lex.is_a(event.type, m.iri) or self.lex.is_a(m.iri, event.type)) and not re.search(
            rf"\b(?:and|и|et)\s+(?:a\s+|the\s+)?{re.escape(m.text.lower())}\b", event.label.lower()):
            return False  # "Workshop on … and joint visit to the port": the workshop's page names its visit too
        other = _OTHER_ONE.match(label)
        if other and not re.search(rf"\b{re.escape(other.group().split()[-1])}\b", event.label, re.IGNORECASE):
            return False  # "a similar workshop"; but "the second workshop" on the second workshop's page is it
        later = [x.start for x in inside if x.kind == "ACTIVITY" and x.start > m.start]
        dates = [d.dates for d in inside if d.kind == "DATE" and (m is first or d.start > m.start) and d.start < min(later, default=d.start + 1)]
        if not dates or event.start is None:
            return True
        return any(lo <= event.start and (event.end or event.start) <= hi or lo == event.start[: len(lo)] for lo, hi in dates)

    def link(self, drafts: list[Draft]) -> None:
        """In a sentence naming one project and other activities, those are part of the project."""
        projects = [d for d in drafts if self.lex.is_a(d.type, str(IAC.Project))]
        if len(projects) != 1:
            return
        for draft in drafts:
            if draft is not projects[0] and draft.parent is None and not self.lex.is_a(draft.type, str(IAC.Project)):
                draft.parent = projects[0]

    # ------------------------------------------------------------------------------------ freeze
