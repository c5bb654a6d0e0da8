"""Where an activity's title starts and ends around the word that names it.

"the secretariat held a Subregional Workshop on Strengthening Industrial Safety in Central Asia on 25-26
September 2018" gives "Subregional Workshop on Strengthening Industrial Safety in Central Asia": up to
three modifiers to the left, stopping at a determiner or preposition; to the right, up to a punctuation
mark, a verb, a date, a city, or "in"/"on" before one of those.
"""

from __future__ import annotations

import re

from ingest.records import Mention
from ingest.titles import language, phrase_span, quoted_name

_WORD = re.compile(r"[\w’'][\w’'.-]*[\w’']|[\w’']|[^\w\s]")
_STOP_LEFT = {
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "both", "each",
    "every", "any", "of", "in", "on", "at", "for", "to", "by", "with", "from", "and", "or", "but", "held",
    "organised", "organized", "was", "is", "are", "were", "be", "been", "within", "under", "during", "after",
    "before", "convene", "co-convene", "hold", "holds", "run", "runs",
}
_STOP_RIGHT = {
    "was", "is", "are", "were", "be", "been", "will", "would", "shall", "can", "could", "may", "might", "has",
    "have", "had", "which", "that", "who", "where", "when", "while", "as", "at", "now", "today", "opens",
    "opened", "took", "takes", "followed", "follows", "runs", "ran", "helps", "helped", "closes", "closed",
    "began", "begins", "gets", "got", "held", "gave", "gives", "brought", "brings", "carried", "organised",
    "organized", "convened", "rehearsed", "share", "shares", "belong", "belongs", "aims", "aimed", "starts",
    "started", "ended", "ends", "run", "under", "through", "via", "funded", "financed", "supported",
}
# the first word after the activity word must start a prepositional phrase or a name; any other word is a verb
# or a noun the activity word modifies ("the workshop served", "the mission team")
_OPENERS = {"on", "of", "for", "in", "to", "with", "about", "concerning", "regarding", "between", "among"}
_TRAILING = {"and", "or", "of", "the", "for", "to", "in", "on", "with", "a", "an", "by"}


def entity_at(mentions: list[Mention], pos: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= pos < m.end for m in mentions)


def next_entity(mentions: list[Mention], pos: int) -> Mention | None:
    later = [m for m in mentions if m.start >= pos and m.kind != "TOPIC"]
    return min(later, key=lambda m: m.start) if later else None


def word_before(text: str, pos: int, lo: int) -> str:
    words = list(_WORD.finditer(text, lo, pos))
    return words[-1].group().lower() if words else ""


def title_span(text: str, m: Mention, mentions: list[Mention], lo: int, hi: int) -> tuple[str, int, int, bool]:
    """The activity's title around its trigger word m, within text[lo:hi]: (title, start, end, bare) where
    bare means no modifier and nothing after the trigger ("the project"). Russian and French sentences take
    the rules of ingest.titles: a quoted name after the trigger, else the noun phrase around it."""
    lang = language(text[lo:hi], m.text)
    if lang != "en":
        quoted = quoted_name(text, m, hi)
        left, right = quoted or phrase_span(text, m, mentions, lo, hi, lang)
        return " ".join(text[left:right].split()), left, right, quoted is None and left == m.start and right == m.end
    left = m.start
    words = list(_WORD.finditer(text, lo, m.start))
    taken = 0
    for w in reversed(words):
        word = w.group()
        if word.lower() in _STOP_LEFT or not re.match(r"\w", word) or taken == 3 or entity_at(mentions, w.start(), ("COUNTRY", "REGION", "CITY", "DATE", "ORG")):
            break
        left, taken = w.start(), taken + 1
    right = m.end
    count = 0
    for w in _WORD.finditer(text, m.end, hi):
        word = w.group()
        nxt = next_entity(mentions, w.end())
        if word in ",.;:()[]–—\"“”|" or word.lower() in _STOP_RIGHT or count == 18:
            break
        if count == 0 and word.lower() not in _OPENERS and not re.match(r"[A-Z0-9]", word):
            break
        if entity_at(mentions, w.start(), ("DATE", "CITY", "ACTIVITY", "ONLINE")):
            break
        if word.lower() in ("in", "on", "from") and nxt is not None and nxt.kind in ("CITY", "DATE") and nxt.start - w.end() <= 2:
            break
        right, count = w.end(), count + 1
    tail = list(_WORD.finditer(text, m.end, right))
    while tail and tail[-1].group().lower() in _TRAILING:
        tail.pop()
    right = tail[-1].end() if tail else m.end
    return text[left:right].replace("\n", " "), left, right, left == m.start and right == m.end
