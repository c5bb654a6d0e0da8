"""Plural activity words that name one activity in each place of their clause: "similar national workshops
held earlier in 2016 in Chisinau and Yerevan", "two workshops, the first one in Ukraine in September 2013 …,
and the second one in Belarus …", "однодневные семинары … прошли в Фергане и Навои". Reads the sentence and
what ingest.extract's reader (passed as `reader`) knows; makes the activities through it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.coref import PLURAL_DET, proposed
from ingest.drafts import Draft, Info
from ingest.labels import title_span, word_before
from ingest.morph import has_cyrillic, parses
from ingest.records import Mention
from ingest.roles import Roles
from ingest.shapes import modifier
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.extract import _Reader as Reader

_CLAUSE_END = re.compile(
    r",\s*(?:and(?!\s+(?:the\s+)?(?:second|third|fourth|last|other|another)\b)|which|while)\b|\band\s+(?:will|was|were|has|have|is|are)\b|;|\s[–—]\s"
)


_WHERE = {"in", "at", "near", "в", "во", "на", "à", "en", "au", "aux", "près", "one", "first", "г"}  # "… one in Ukraine"


def russian_plural(words: str) -> bool:
    """A Russian activity word (the last of `words`) that can only be plural: "семинары", "тренинги" (not
    "учения", also singular), or is plural by the adjective before it: "национальные консультации"."""
    if not has_cyrillic(words):
        return False
    *before, last = words.split()
    readings = parses(last)[:4]
    if readings and all(r.tag.number == "plur" for r in readings):
        return True
    if last.lower().startswith("учени"):
        return False  # "совместные полевые учения": one exercise, said in the plural as Russian says it
    adjective = parses(before[-1])[:4] if before and has_cyrillic(before[-1]) else ()
    return (
        any(r.tag.number == "plur" for r in readings)
        and bool(adjective)
        and all(r.tag.POS in ("ADJF", "PRTF") and r.tag.number == "plur" for r in adjective)
    )


_EXAMPLES = re.compile(
    r"(?i)\b(?:notamment|including|in\s+particular|such\s+as|for\s+example|в\s+том\s+числе|включая|например|par\s+exemple|en\s+particulier)\b"
)


def each_place(reader: Reader, m: Mention, inside: list[Mention], s: int, e: int) -> list[tuple[Draft, int]]:
    """ "similar national workshops held earlier in 2016 in Chisinau and Yerevan", "two workshops, the first
    one in Ukraine in September 2013 …, and the second one in Belarus in December 2013": one activity in each
    town (or country named after "in") of its clause, when it names two or more and the words do not point
    back ("both workshops"). Each takes the dates and participants said between its place and the next."""
    if word_before(reader.text, m.start, s) in PLURAL_DET or modifier(reader.text, m.end):
        return []
    later = [x.start for x in inside if x.kind == "ACTIVITY" and x.start > m.start and not reader.lex.is_a(x.iri, str(IAC.Project))]
    clause = _CLAUSE_END.search(reader.text, m.end, e)  # ("… held under the same project in A and B": still its clause)
    end = min([*later, clause.start() if clause else e])
    places = [
        x
        for x in inside
        if m.end <= x.start < end
        and (x.kind == "CITY" or x.kind == "COUNTRY" and word_before(reader.text, x.start, s) in ("in", "в", "во", "en", "au"))
    ]
    if len(places) < 2 or proposed(reader.text, s, m, e) or word_before(reader.text, places[0].start, s) not in _WHERE:
        return []  # (held in the places, not "applied to two industrial zones of Yerevan and Vanadzor")
    if _EXAMPLES.search(reader.text, m.end, places[0].start):
        return []  # "des projets … en Asie centrale, notamment au Kazakhstan et au Kirghizistan": where, by example
    label = re.sub(
        r"(?i)^(?:two|three|four|five|several|deux|trois|quatre|plusieurs|два|две|три|четыре|несколько)\s+",
        "",
        title_span(reader.text, m, inside, s, e)[0],
    )
    shared = reader.info(inside, m.start, places[0].start)
    before = [x for x in inside if x.kind == "DATE" and s <= x.start < m.start]
    if shared.dates is None and len(before) == 1:  # "начатый в октябре 2022 года, когда семинары прошли в …"
        shared.dates = before[0].dates
    out = []
    # "les 14 et 15 mars à Tbilissi, puis le 17 mars à Erevan": each place's dates come before it
    date_first = any(x.kind == "DATE" and m.end <= x.start < places[0].start for x in inside)
    for k, place in enumerate(places):  # not prose: each is for its own countries, not the lede's
        own = reader.info(inside, place.end, places[k + 1].start if k + 1 < len(places) else end)
        if date_first:
            dates = reader.info(inside, places[k - 1].end if k else m.end, place.start).dates
            own = Info(dates, own.roles, own.online, own.topics)
        draft = reader.new(m.iri, label, "paragraph", False, (s, e))
        reader.settled.add(id(draft))
        draft.take(Info(own.dates or shared.dates, Roles(participants=own.roles.participants), shared.online, shared.topics + own.topics))
        if place.kind == "CITY":
            draft.place = place.iri
        else:
            draft.venue_country = place.iri
        out.append((draft, e))
    return out
