"""Which activity a mention is, from the words of its sentence: a new one, the page's event, an earlier one,
or none (which_activity). Reads the sentence's text and mentions and what ingest.extract's reader (passed
as `reader`) has made so far; makes nothing, and changes only the title of an earlier activity that it
names better ("a meeting" … "the launch meeting"; a Russian title in the nominative).

- the determiner before the word: "the project", "this workshop" refer back (ANAPHOR_DET); "both exercises",
  "these projects" refer to every earlier one of the kind (PLURAL_DET);
- a quoted name after the word: 'the project "Strengthening ..."' names it (quoted_after);
- on the event's page, the word of its kind is the event itself, unless its sentence dates it otherwise or
  it is "a similar", "the next", "the second" one (is_the_event);
- a part of the event: "on the second day", "во второй день", "le dernier jour" (day_of_event);
- no activity held: "participants recommended a workshop", "the date of the next meeting" (proposed);
  "hosted a consultation, the second meeting held within ..." (restated);
- an activity word used otherwise: "project team" (ingest.shapes.modifier), "the outcome of the workshop"
  (ingest.nonevents.refers_back), a statutory session: "meeting of the Conference", "the Working Group's
  meeting" (ingest.nonevents.statutory);
- "from 2023", "à partir de 2023", "с 2023 года": begun, not ended (open_start), for the reader's dates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.drafts import Draft
from ingest.labels import same_name, title_span, word_before
from ingest.morph import has_cyrillic, lemmas, parses
from ingest.nonevents import MEETING_STEMS, refers_back
from ingest.records import Mention
from ingest.reference import Lexicon
from ingest.shapes import event_part, modifier
from ingest.titles import quoted_name
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.extract import _Reader as Reader

ANAPHOR_DET = {"the", "this", "that"}
_DEMONSTRATIVE = {
    "this",
    "cette",
    "cet",
    "ce",
    "эта",
    "этот",
    "это",
    "эту",
    "этой",
    "этом",
    "этого",
    "данная",
    "данный",
    "данной",
    "данного",
}
PLURAL_DET = {"both", "these", "all", "two", "three", "four"}

# "on the second day", "the next two days were devoted to", "во второй день", "le dernier jour": a part of the event
_DAY_OF_EVENT = re.compile(
    r"\b(?:(?:on\s+)?the\s+(?:first|second|third|fourth|fifth|next|following|last|final|closing|opening)\s+(?:two\s+|three\s+)?days?\b(?!\s+of\s+[A-Z])"
    r"|(?:в|во|на)\s+(?:перв|втор|трет|четвёрт|четверт|последн|заключительн)\w+\s+день"
    r"|(?:le|la|au|lors\s+du|lors\s+de\s+la)\s+(?:premi\w+|deuxième|second\w*|troisième|derni(?:er|ère))\s+(?:jour|journée)"
    # "one day will be devoted to a practical exercise", "une journée sera consacrée à", "один день посвящён"
    r"|\b(?:one|a|the\s+\w+)\s+day\s+(?:will\s+be|was|is)\s+(?:devoted|dedicated)|\bune\s+(?:demi-)?journée\s+(?:sera|a\s+été|est)\s+(?:consacrée|dédiée)"
    r"|\b(?:один|второй|третий|последний)\s+день\s+(?:был\s+|будет\s+)?посвящ)",
    re.IGNORECASE,
)
_OPEN_START = re.compile(
    r"(?:\b(?:from|since|starting(?:\s+in)?|beginning(?:\s+in)?|depuis|à\s+partir\s+d[e'’]|(?:начиная\s+)?с)\s+(?:the\s+|l['’]\s*)?(?:year\s+|année\s+)?)$",
    re.IGNORECASE,
)
# "the date of the next meeting", "date de la prochaine réunion", "дата следующего заседания"
NEXT_ONE = re.compile(
    r"\b(?:date|dates|venue|place|lieu|дата|место)\s+(?:and\s+\w+\s+|et\s+\w+\s+|и\s+\w+\s+)?(?:of\s+(?:the\s+)?|de\s+la\s+|du\s+)?(?:next|prochaine?|следующ\w*)\s*$",
    re.IGNORECASE,
)
# "participants recommended a regional exercise": a proposal, not an activity held
_RECOMMENDED = re.compile(
    r"\b(?:recommend\w*|suggest\w*|propos\w+|consider(?:ing|s)?,?(?:\s+[^.;,]{0,40},)?\s+(?:an?\b|the\s+possibility|holding|organi[sz]ing)|wish(?:es|ed)?\s+to|"
    r"(?:possibility|prospect|idea)\s+of\s+(?:an?\s+)?(?:future|possible|new)?|(?:an?\s+)?(?:future|possible|potential|prospective)\s+(?=(?:\S+\s+)?$)|\b(?:possibly|perhaps|eventually)\s+(?:an?\s+)?(?=(?:\S+\s+)?$)|\brequests\s+for\b|\brequest\s+for\s+(?:an?|further)\b|рекомендова\w*|рекомендаци\w*|"
    r"предложи\w*|(?:рассмотреть|обсудить|изучить)\s+возможность|возможност\w+\s+(?:проведения|организации)|souhait\w*|выразил\w*\s+желание|recommand\w*|sugg[ée]r\w*|envisager|examiner\s+la\s+possibilit[ée])",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "a similar workshop", "the next meeting", "the second seminar", "аналогичный семинар", "un atelier similaire"
_OTHER_ONE = re.compile(
    r"(?:a|an|the|this|that)?\s*(?:similar|another|other|next|previous|earlier|later|last|follow-up|first|second|third|fourth|fifth|further|new|"
    r"аналогичн\w*|следующ\w*|предыдущ\w*|друг\w*|перв\w*|втор\w*|трет\w*|нов\w*|"
    r"autre|prochain\w*|précédent\w*|premi\w*|deuxième|second\w*|troisième|nouv\w*)\b|.*\b(?:similaire|suivant)",
    re.IGNORECASE,
)
# "A study visit … was proposed by Albania", "a course … might be useful in the future": not (yet) an activity
_PROPOSED_AFTER = re.compile(
    r"(?i)\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:proposed|suggested|recommended)\b|\b(?:might|could|would)\s+be\s+useful\b"
    r"|\bбыл[аио]?\s+предложен\w*|\ba\s+été\s+propos[ée]e?s?\b"
    # "a field exercise is foreseen for 2025, subject to funding", "a review … to be prepared in 2023"
    r"|\bto\s+be\s+prepared\b|\bsubject\s+to\s+(?:funding|the\s+availability\s+of)|\bпри\s+наличии\s+(?:финансирования|средств)"
    r"|\bsous\s+réserve\s+d[eu]\s+(?:financement|la\s+disponibilité)"
)
# "the inter-institutional working group on tailings safety held its first meeting": whose meeting it is
_HELD_ITS = re.compile(r"\b(the\s+(?!secretariat\b)[\w\s()-]{3,90}?)\s+(?:held|convened|holds|will\s+hold)\s+its\s+$", re.IGNORECASE)
_WITH_A = re.compile(
    r"(?i)\b(?:with|including|featuring|incluant|avec|comprenant|включая|в\s+том\s+числе)\s+(?:(?:a|an|one|une|un)\s+)?(?:[\w-]+\s+)?$"
)
_LAUNCH = re.compile(r"(?i)\b(?:launch|inaugural|kick-off|lancement|запуск\w*|стартов\w*)\b")
# "Participation of the secretariat in meetings of partner organizations": others' meetings, core work
SECRETARIAT_PART = r"(?:participation|участие|contribution|вклад)\s+(?:of\s+the\s+secretariat|секретариата|du\s+secrétariat)"
_SECRETARIAT_IN = re.compile(rf"(?i)\b{SECRETARIAT_PART}\s+(?:in|to|в|à|aux)\s+(?:the\s+|les\s+)?(?:[\w-]+\s+)?$")
_NAMED_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+((?:[A-Z][\w-]+\s+){1,3})$")  # "The Isfara project"
_FUNDING = re.compile(r"(?i)\b(?:extra-?budgetary|внебюджетн\w*|extrabudgétaires?|extra-budgétaires?)\s+$")
_SERIES = re.compile(r"(?i)(?:\bseries\s+of|\bs[ée]ries?\s+d(?:e|['’])|\bсери[юия]|\bряд(?:а|ом)?)\s*$")
_AGENDA_SESSION = re.compile(r"(?i)^(?:session|séance|сессия|заседание)$")
_BRIEFING = re.compile(
    r"(?i)(?:de)?briefing|wrap-up|(?:opening|closing|introductory)\s+(?:meeting|session)|открывающ|закрывающ|вводн\w+\s+(?:встреч|совещани)|заключительн\w+\s+встреч|réunion\s+(?:de\s+(?:clôture|restitution)|d['’]ouverture)"
)
_LEAD_TO_QUOTE = re.compile(
    r"(?:[ \u00a0]+(?:entitled|called|titled|named|[a-zа-яё]+(?:ого|его|ой|ей|ия|ых|их|ства))){0,3},?[ \u00a0]*(?=[«\"“„])"
)


def quoted_after(text: str, m: Mention, hi: int) -> tuple[int, int] | None:
    """The name quoted right after the activity word, or after a few words that qualify it: 'the project
    "Strengthening ..."', 'project entitled "..."', 'проекта технического содействия «...»'."""
    lead = _LEAD_TO_QUOTE.match(text, m.end, hi)
    if lead is None:
        return None
    return quoted_name(text, Mention(m.kind, m.start, lead.end(), m.text, m.iri), hi)


# "launched in 2022", "lancé en 2021", "запущен в 2020 году": when it began, said of a year or a month
_LAUNCHED = re.compile(
    r"(?:\b(?:launched|started|initiated|lanc[ée]e?s?|engag[ée]e?s?|initi[ée]e?s?|d[ée]marr[ée]e?s?|запущен\w*|начат\w*|стартовал\w*)\s+(?:in|en|в)\s+(?:the\s+year\s+)?)$",
    re.IGNORECASE,
)


def open_start(text: str, lo: int, hi: int, day: bool = True) -> bool:
    """text[lo:hi], the words before a date, say it is when something began: "from", "depuis", "начиная с";
    before a year or month (day False), also "launched in", "lancé en", "запущен в"."""
    return bool(_OPEN_START.search(text, lo, hi) or not day and _LAUNCHED.search(text, lo, hi))


# "In the afternoon, a round table with operators …", "Во второй половине дня", "L'après-midi"
_DAY_PART = re.compile(
    r"\W*(?:in\s+the\s+(?:morning|afternoon|evening)|во\s+второй\s+половине\s+дня|в\s+первой\s+половине\s+дня|утром|вечером|"
    r"l['’]après-midi|le\s+matin|en\s+fin\s+de\s+journée)\b",
    re.IGNORECASE,
)


def day_of_event(text: str, s: int, e: int) -> bool:
    """The sentence text[s:e] speaks of a day of an event, or a part of a day: "the next two days were devoted to
    a joint visit", "In the afternoon, a round table with operators"."""
    return bool(_DAY_OF_EVENT.search(text, s, e) or _DAY_PART.match(text, s, e))


def part_of_day(text: str, s: int, e: int) -> bool:
    """The sentence text[s:e] opens with a part of a day: "In the afternoon", "Во второй половине дня"."""
    return bool(_DAY_PART.match(text, s, e))


# A sentence stating aims: "Задачи проекта: … проверить его на практике в ходе учений", "Objectives: to test …"
_AIMS = re.compile(
    r"\W*(?:(?:the\s+)?(?:main\s+)?(?:objectives?|aims?|goals?|tasks?|purpose)(?:\s+of\s+the\s+\w+)?|(?:основные\s+)?(?:задачи|цели|цель)(?:\s+\w+)?|"
    r"(?:les\s+)?(?:objectifs?|buts?)(?:\s+d[ue]\s+\w+)?)\s*:",
    re.IGNORECASE,
)


# A list of recommendations opened by its intro: "The mission recommends that the Government: (a) …; (b) organize
# a national training", "Рекомендуется: a) …; b) провести национальный семинар"
_RECOMMENDS_LIST = re.compile(r"(?:recommend\w*|рекоменд\w*|recommand\w*|propos\w*)[^:\n]{0,80}:[^:]*$", re.IGNORECASE)
# "the next meeting", "Следующее заседание комитета", "la prochaine réunion": a session still to come
_NEXT_SESSION = re.compile(r"(?:\bnext|\bследующ\w+|\bprochaine?)\s+$", re.IGNORECASE)


# What an activity just told is said to be: "This was the second mission", "Это была вторая миссия", "Il s'agit de
# la deuxième mission"
_PREDICATE = re.compile(
    r"\W*(?:(?:this|it|that)\s+(?:was|is|will\s+be|has\s+been)\s+(?:the|a|an|its|their)|это\s+(?:был[аио]?|стал[аио]?|будет)|"
    r"(?:il\s+s['’]agit|il\s+s['’]agissait|c['’](?:est|était))\s+(?:de\s+la|du|de\s+l['’]|d['’]une?|la|le|l['’]|une?))"
    r"\s*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _recommended_list(text: str, s: int) -> bool:
    """The sentence starting at s is an item of a list of recommendations (no blank line since its intro)."""
    window = text[max(0, s - 400) : s]
    window = window[max(window.rfind("\n\n"), window.rfind("\n \n")) + 1 :]
    return bool(_RECOMMENDS_LIST.search(window))


def proposed(text: str, s: int, m: Mention, e: int) -> bool:
    """The activity word m of the sentence text[s:e] names no activity held: one recommended or proposed, the
    next one ("the date of the next meeting"), one in a statement of aims ("Задачи проекта: …"). Statutory
    sessions ("meeting of the Conference") are ingest.nonevents.statutory's, reached through ingest.shapes.modifier."""
    return bool(
        _RECOMMENDED.search(text, s, m.start)
        or NEXT_ONE.search(text, s, m.start)
        or _PROPOSED_AFTER.search(text, m.end, e)
        or _AIMS.match(text, s, m.start)
        or _recommended_list(text, s)
        or m.text.lower().startswith(MEETING_STEMS)
        and _NEXT_SESSION.search(text, max(s, m.start - 30), m.start)
    )


def recommends(text: str, start: int, end: int) -> bool:
    """text[start:end] recommends or proposes: "Il est recommandé aux pays …", "Participants recommended …"."""
    return bool(_RECOMMENDED.search(text, start, end))


def restated(text: str, s: int, left: int) -> bool:
    """The words text[s:left] before an activity's title end in an apposition (", the second meeting"): the
    activity named just before, named again."""
    return bool(_APPOSITION.search(text[s:left]))


def is_the_event(event: Draft | None, lexicon: Lexicon, m: Mention, label: str, inside: list[Mention]) -> bool:
    """On an event's page (or under its heading), an activity word of the event's kind is the event itself,
    unless its sentence dates it otherwise or it is "a similar", "the next", "the second" one."""
    if event is None:
        return False
    first = next(x for x in inside if x.kind == "ACTIVITY")
    if not (lexicon.is_a(event.type, m.iri) or lexicon.is_a(m.iri, event.type)) and not re.search(
        rf"\b(?:and|и|et)\s+(?:a\s+|the\s+)?{re.escape(m.text.lower())}\b", event.label.lower()
    ):
        return False  # "Workshop on … and joint visit to the port": the workshop's page names its visit too
    other = _OTHER_ONE.match(label)
    if other and not re.search(rf"\b{re.escape(other.group().split()[-1])}\b", event.label, re.IGNORECASE):
        return False  # "a similar workshop"; but "the second workshop" on the second workshop's page is it
    later = [x.start for x in inside if x.kind == "ACTIVITY" and x.start > m.start]
    dates = [d.span for d in inside if d.kind == "DATE" and (m is first or d.start > m.start) and d.start < min(later, default=d.start + 1)]
    if not dates or event.start is None:
        return True
    return any(lo <= event.start and (event.end or event.start) <= hi or lo == event.start[: len(lo)] for lo, hi in dates)


def _dated_clause(text: str, m: Mention, inside: list[Mention], day: bool = True) -> bool:
    """The clause of activity word m says when it took place: "took place on 24 September 2009" (to the day,
    unless day is False: "planned under the project for 2017", where a project named on the way holds it)."""
    later = [x.start for x in inside if x.kind == "ACTIVITY" and x.start > m.start and (day or not x.iri.endswith("#Project"))]
    return any(
        x.kind == "DATE" and m.end <= x.start < min(later, default=x.start + 1) and (len(x.span[0]) == 10 or not day) for x in inside
    )


def same_words(label: str, other: str) -> bool:
    """Whether the Russian title `label` is the start of `other` in another case: "заключительном семинаре" of
    "Заключительный семинар", "первого заседания рабочей группы" of "Первое заседание рабочей группы ..."."""
    words, others = ([w for w in re.findall(r"\w[\w-]*", t) if not (w.isupper() and len(w) >= 2)] for t in (label, other))
    return len(others) >= len(words) and all(
        lemmas(a) & lemmas(b) for a, b in zip(words, others, strict=False)
    )  # (acronyms aside: "миссию ЕЭК ООН в …")


def _nominative(label: str) -> bool:
    """The Russian title's first word reads as a nominative."""
    first = re.match(r"\w[\w-]*", label)
    return first is not None and any(p.tag.case == "nomn" for p in parses(first.group())[:1])


def _antecedent(reader: Reader, kind: str, word: str = "") -> list[Draft]:
    """The activity a bare back-reference of this kind names: the latest of its kind, passing over one from years
    before the page ("Миссия продолжила работу, начатую ознакомительной миссией в 2011 г. … Цели миссии"); with
    the word, also one of another kind titled with it ("Семинар" after "национального учебного семинара")."""
    stem = word.lower()[:6] if len(word) >= 6 and not reader.lex.is_a(kind, str(IAC.Project)) else None
    earlier = [
        d
        for d in reader.drafts
        if reader.lex.is_a(d.type, kind)  # (the word among the first three of its title)
        or stem
        and not reader.lex.is_a(d.type, str(IAC.Project))
        and any(w.startswith(stem) for w in d.label.lower().split()[:3])
    ]
    recent = [d for d in earlier if reader.year is None or d.start is None or int(d.start[:4]) >= reader.year - 1]
    return (recent or earlier)[-1:]


_GENERIC_MODIFIERS = frozenset(
    "national regional subregional sub-regional international joint technical first second third final "
    "concluding closing opening inception launch two-day three-day one-day online follow-up".split()
)


def _premodified(label: str, word: str) -> list[str]:
    """The words in front of the activity word that closes label ("hazard mapping" in "hazard mapping workshop")
    when one of them says what it is about (not only "national", "two-day"); [] otherwise."""
    words = label.casefold().split()
    head = word.casefold().split()
    if len(words) <= len(head) or words[-len(head) :] != head:
        return []
    front = words[: -len(head)]
    return front if any(w not in _GENERIC_MODIFIERS and len(w) >= 4 for w in front) else []


def _says_after(title: str, word: str, topic: list[str]) -> bool:
    """Whether title names the activity word and then, after it, the topic words in order ("workshop on hazard
    mapping of industrial sites" for "hazard mapping")."""
    words = re.findall(r"[\w-]+", title.casefold())
    head = word.casefold().split()[-1]
    if head not in words:
        return False
    rest = iter(words[words.index(head) + 1 :])
    return all(w in rest for w in topic if w not in _GENERIC_MODIFIERS)


def which_activity(
    reader: Reader, m: Mention, inside: list[Mention], s: int, e: int, latest: Draft | None
) -> tuple[list[Draft], tuple[str, int] | None]:
    """Which activity the activity word m of the sentence text[s:e] (its mentions `inside`) is; `latest` is the
    last new activity of the sentence so far. Returns the activities already made that m refers to, and, when
    m names a new one, its label and where its clause starts; ([], None) when m names no activity."""
    text, lex, event = reader.text, reader.lex, reader.event
    after = text[m.end : m.end + 12].lower()
    if after.startswith(" of the ") and any(o.kind == "ORG" and m.end < o.start <= m.end + 10 for o in inside):
        return [], None  # "meeting of the Conference of the Parties": a statutory session, not an activity
    if refers_back(text, m.end):  # "Проект, рассчитанный на 2016–2018 годы", "L'atelier a réuni"
        return _antecedent(reader, m.iri, m.text) or ([event] if event is not None else []), None
    if modifier(text, m.end):
        return [], None  # "project team", "workshop report": the word names something else
    if word_before(text, m.start, s) in _DEMONSTRATIVE and (named := _antecedent(reader, m.iri)):
        return named, None  # "Cette mission d'expertise a permis …", "Эта миссия": the one named before
    if _PREDICATE.match(text, s, m.start) and (named := _antecedent(reader, m.iri) or ([event] if event is not None else [])):
        return named, None  # "This was the second mission of the Programme to the country": the one just told
    if _AGENDA_SESSION.match(m.text) and re.match(r"\s+(?:\d+|[IVX]+)\b", text[m.end : m.end + 8]):
        return [], None  # "Session 7. Preparation of …": an agenda's session
    before = word_before(text, m.start, s)
    if (
        event_part(before, m.text)
        or m.text.lower() in ("session", "séance", "сессия", "сессии")
        and _WITH_A.search(text, max(s, m.start - 40), m.start)
    ):
        return [], None  # "with a session on the experience of Georgia": a part of the event told
    if m.plural:
        return ([d for d in reader.drafts if lex.is_a(d.type, m.iri)] if before in PLURAL_DET else []), None
    label, left, _, bare = title_span(text, m, inside, s, e)
    if (held := _HELD_ITS.search(text, s, left)) and m.text.lower().startswith(MEETING_STEMS) and " of " not in label:
        label = f"{label} of {' '.join(held.group(1).split())}"  # "the working group … held its first meeting"
    left = min(left, m.start)  # a quoted name after the word starts the title, not the activity's clause
    quoted = quoted_after(text, m, e)
    if quoted is not None:  # 'within the project "Strengthening ..."': a name, never a back-reference
        label, bare = " ".join(text[quoted[0] : quoted[1]].split()), False
        named = [d for d in reader.drafts if " ".join(d.label.split()).lower() == " ".join(label.split()).lower()]
        if named:
            return named[-1:], None
    if before == "same" and word_before(text, left, s) == "the" and len(label.split()) == 2:
        earlier = [d for d in reader.drafts if lex.is_a(d.type, m.iri)]
        if earlier:
            return earlier[-1:], None  # "a workshop under the same project"
    if bare and before in ANAPHOR_DET:
        # "the project": the latest project; "the session" after "a field exercise": that exercise
        earlier = _antecedent(reader, m.iri) or (
            [] if lex.is_a(m.iri, str(IAC.Project)) else [d for d in reader.in_paragraph if not lex.is_a(d.type, str(IAC.Project))][-1:]
        )
        if earlier:
            return earlier, None
        other_kind = event is not None and not (
            lex.is_a(event.type, m.iri) or lex.is_a(m.iri, event.type) or lex.is_a(m.iri, str(IAC.Project))
        )
        own_date = _dated_clause(text, m, inside, day=not other_kind)
        if (event is not None and not (other_kind and own_date)) or (reader.drafts and not own_date):
            return [], None  # "the workshop served as a forum": the page's event, not a new one; but on an
            # exercise's page, "the field exercise planned under the project for 2017" is another one
        # "The in-field exercise took place on 24 September 2009" with none named before: a new one
    if bare and (not before or has_cyrillic(m.text)):  # "Réunion organisée par ...", "По итогам миссии ...": the word
        # alone opening its sentence, or alone in Russian, which has no articles
        earlier = _antecedent(reader, m.iri, m.text)
        if earlier:
            return earlier, None
    if event is not None and word_before(text, left, s) in ANAPHOR_DET and len(label.split()) <= 3 and lex.is_a(event.type, m.iri):
        return [event], None  # "the two-day seminar" on the seminar's own page
    if proposed(text, s, m, e) or reader.recommending:
        return [], None  # "participants recommended a regional exercise": a proposal, not an activity
    if reader.visiting:
        return [], None  # "14 марта  Душанбе  Заключительное совещание …" in the programme of a mission: a day of it
    if _SECRETARIAT_IN.search(text, max(s, m.start - 60), m.start):
        return [], None  # "Участие секретариата в совещаниях партнёрских организаций": others' meetings, core work
    if _FUNDING.search(text, max(s, m.start - 40), m.start):
        return [], None  # "supported through an extra-budgetary project": how it was paid for, not a project told
    if _SERIES.search(text, max(s, left - 24), left):
        return [], None  # "продолжит серию командно-штабных учений", "a series of table-top exercises": many, none named
    if latest is not None and restated(text, s, left):
        return [], None  # "hosted a consultation, the second meeting held within ...": the same one again
    if latest is not None and text[left - 1 : left] == "(" and lex.is_a(latest.type, m.iri):
        return [], None  # "the project on … (Danube Delta Project – DDP)": its short name
    host = event or (reader.in_paragraph[-1] if reader.in_paragraph else None) or latest
    not_projects = [d for d in reader.drafts if not lex.is_a(d.type, str(IAC.Project))]
    if host is None and not_projects and part_of_day(text, s, e):
        return not_projects[-1:], None  # "In the afternoon, a round table with operators": a part of the mission told
    if host is not None and day_of_event(text, s, e):
        return [host], None  # "the next two days were devoted to a joint visit": a part of the event
    host = host or (reader.drafts[0] if reader.drafts else None)
    if host is not None and _BRIEFING.match(label) and not lex.is_a(host.type, str(IAC.Project)):
        return [host], None  # "held a debriefing meeting with the authorities": a part of the mission (a project's
        # final meeting, "Итоговое совещание проекта", is an activity of its own)
    if word_before(text, left, s) in ANAPHOR_DET | {"le", "la", "l"} and (
        again := [
            d for d in reader.drafts if lex.is_a(d.type, m.iri) and " ".join(d.label.lower().split()) == " ".join(label.lower().split())
        ]
    ):
        return again[-1:], None  # "le Dialogue politique national sur la sécurité industrielle en Arménie", named again
    if word_before(text, left, s) in ANAPHOR_DET and len(label.split()) <= 4:
        words = " ".join(label.lower().split())
        same = [
            d
            for d in reader.drafts
            if " ".join(d.label.lower().split()).endswith(words)
            or len(words.split()) >= 2
            and " ".join(d.label.lower().split()).startswith(words + " ")
        ]
        if same:  # "three phases: a technical workshop, ..."; then "The technical workshop was hosted by"
            return same[-1:], None
    if word_before(text, left, s) in ANAPHOR_DET and len(label.split()) >= 3:
        own = [x.span for x in inside if x.kind == "DATE" and x.start > m.end]
        shorter = [
            d
            for d in reader.drafts
            if d.type == m.iri
            and same_name(d.label, label, most=None)
            and not (own and d.start and not any(lo <= d.start <= hi or d.start.startswith(lo) for lo, hi in own))
        ]
        if shorter:  # "The National Policy Dialogue in Kyrgyzstan" after "… National Policy Dialogue on industrial safety in Kyrgyzstan"
            return shorter[-1:], None
    if word_before(text, left, s) not in ANAPHOR_DET and (lead := _NAMED_BEFORE.search(text[max(s, m.start - 50) : m.start])):
        about = [d for d in reader.drafts if lex.is_a(d.type, m.iri) and _says_after(d.label, m.text, lead.group(1).lower().split())]
        if len(about) == 1:  # "The Isfara project" after "Project on tailings safety in the Isfara river basin"
            return about, None
    if word_before(text, left, s) in ANAPHOR_DET and (topic := _premodified(label, m.text)):
        about = [d for d in reader.drafts if lex.is_a(d.type, m.iri) and _says_after(d.label, m.text, topic)]
        if len(about) == 1:  # "The hazard mapping workshop" after "Technical workshop on hazard mapping of industrial sites"
            return about, None
    if word_before(text, left, s) in ANAPHOR_DET and len(label.split()) <= 4:
        untitled = [d for d in reader.in_paragraph or reader.drafts[-1:] if lex.is_a(d.type, m.iri) and d.label.lower() == m.text.lower()]
        if untitled:  # "launched on 11 March 2025 at a meeting in Skopje. The launch meeting agreed …": it, now titled
            untitled[-1].label = label
            return untitled[-1:], None
    if (
        word_before(text, left, s) in ANAPHOR_DET
        and len(label.split()) <= 4
        and _LAUNCH.search(label)
        and (launched := [d for d in reader.drafts if lex.is_a(d.type, str(IAC.PolicyDialogue))])
    ):
        return launched[-1:], None  # "Montenegro today launched its National Policy Dialogue … The launch meeting in Podgorica"
    if has_cyrillic(m.text) and len(label.split()) >= 2:
        same = [
            d
            for d in reader.drafts
            if lex.is_a(d.type, m.iri)
            and (same_words(label, d.label) or (d.start is None and len(d.label.split()) <= 3 and same_words(d.label, label)))
        ]  # "Вводный семинар. … вводный семинар проекта"
        if same:  # "В заключительном семинаре приняли участие" after "Заключительный семинар – 1 декабря"
            if _nominative(label) and not _nominative(same[-1].label) and len(label.split()) >= len(same[-1].label.split()):
                same[-1].label = label  # a title reads in the nominative: "национальный политический диалог"
            elif (
                len(label.split()) > len(same[-1].label.split())
                and not same_words(label, same[-1].label)
                and _nominative(label)
                and same[-1].segment_kind != "heading"
            ):
                same[-1].label = label  # the run-in head "Вводный семинар." named in full: "вводный семинар проекта" (a
                # heading's title stays: "Заключительный семинар", not "… для представления итогов проекта")
            return same[-1:], None
    if quoted is None and event is not None and is_the_event(event, lex, m, label, inside):
        return [event], None  # "organizes a two-day national workshop" on the workshop's page
    return [], (label, left)
