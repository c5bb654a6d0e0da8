"""Where an activity's title starts and ends around the word that names it.

"the secretariat held a Subregional Workshop on Strengthening Industrial Safety in Central Asia on 25-26
September 2018" gives "Subregional Workshop on Strengthening Industrial Safety in Central Asia": up to
three modifiers to the left, stopping at a determiner or preposition; to the right, up to a punctuation
mark, a verb, a date, a city, or "in"/"on" before one of those. A parenthesis that names no place or date
belongs to the name ("National Policy Dialogue (NPD) on industrial safety"); a phrase that points back
("on the same project", "for the same six countries") or, after an event, says what it is for ("workshop
to discuss the report") does not. An acronym of an organisation just before the name stays ("UNECE project
to ..."); words of time ("upcoming", "next") go. Then, in every language, `trim_tail` drops
a project's closing phrase that only lists beneficiary countries ("for Kazakhstan and Uzbekistan") and an
event's closing state it took place in ("in the Republic of Moldova", "в Республике Казахстан").
"""

from __future__ import annotations

import re

from ingest.records import Mention
from ingest.titles import language, phrase_span, quoted_name

_WORD = re.compile(r"[\w’'][\w’'.-]*[\w’']|[\w’']|[^\w\s]")
_STOP_LEFT = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "both",
    "each",
    "every",
    "any",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "by",
    "with",
    "from",
    "and",
    "or",
    "but",
    "held",
    "organised",
    "organized",
    "was",
    "is",
    "are",
    "were",
    "be",
    "been",
    "within",
    "under",
    "during",
    "after",
    "before",
    "convene",
    "co-convene",
    "hold",
    "holds",
    "run",
    "runs",
    # headline verbs: "OSCE supports sub-regional workshop", "Kyrgyzstan hosts training"
    "supports",
    "hosts",
    "launches",
    "opens",
    "organizes",
    "organises",
    "conducts",
    "completes",
    "concludes",
    "starts",
    "begins",
    "announces",
    "welcomes",
    "helps",
    "backs",
    "joins",
    "attends",
    "marks",
    "organize",
    "organise",
    "conduct",
    "attend",
    "follows",
    "followed",
    "follow",
    "precedes",
    "preceded",
    "continues",
}
# words of time before the name: part of the phrase, not of the title
_DROP_LEFT = re.compile(r"(?i)^(upcoming|forthcoming|recent|latest|next|previous|new)$")
_STOP_RIGHT = {
    "was",
    "is",
    "are",
    "were",
    "be",
    "been",
    "will",
    "would",
    "shall",
    "can",
    "could",
    "may",
    "might",
    "has",
    "have",
    "had",
    "which",
    "that",
    "who",
    "where",
    "when",
    "while",
    "as",
    "at",
    "now",
    "today",
    "opens",
    "opened",
    "took",
    "takes",
    "followed",
    "follows",
    "runs",
    "ran",
    "helps",
    "helped",
    "closes",
    "closed",
    "began",
    "begins",
    "gets",
    "got",
    "held",
    "gave",
    "gives",
    "brought",
    "brings",
    "carried",
    "organised",
    "organized",
    "convened",
    "rehearsed",
    "share",
    "shares",
    "belong",
    "belongs",
    "aims",
    "aimed",
    "starts",
    "started",
    "ended",
    "ends",
    "run",
    "under",
    "through",
    "via",
    "funded",
    "financed",
    "supported",
    "met",
    "meets",
    "discussed",
    "discusses",
    "reviewed",
    "reviews",
    "agreed",
    "agrees",
    "gathered",
    "gathers",
    "continued",
    "continues",
    "included",
    "includes",
    "focused",
    "focuses",
    "presented",
    "presents",
}
# the first word after the activity word must start a prepositional phrase or a name; any other word is a verb
# or a noun the activity word modifies ("the workshop served", "the mission team")
_OPENERS = {"on", "of", "for", "in", "to", "with", "about", "concerning", "regarding", "between", "among"}
_TRAILING = {"and", "or", "of", "the", "for", "to", "in", "on", "with", "a", "an", "by"}
_BREAK = set(',.;:()[]–—"“”|*_')
# a phrase pointing back to something named before: "on the same project", "for these countries"
_BACK = {"same", "this", "these", "that", "those", "its", "their", "such"}
# classes whose titles are names of a whole undertaking, not of an event held somewhere
_NAMES = ("#Project", "#PolicyDialogue", "#AdvisoryService", "#Programme", "#Phase")
_FOR = {"for", "pour", "для"}
_IN = {"in", "в", "во", "en", "au", "dans"}
_JOIN = {"and", "et", "и", ",", "the", "la", "le", "l'", "l’"}
# verbs that open what an event is for: "a workshop to discuss the report", "an exercise to test ..."
_PURPOSE = {
    "discuss",
    "present",
    "review",
    "test",
    "share",
    "exchange",
    "agree",
    "prepare",
    "develop",
    "assess",
    "identify",
    "raise",
    "launch",
    "validate",
    "finalize",
    "finalise",
    "evaluate",
    "address",
    "promote",
    "help",
    "train",
    "learn",
    "practise",
    "practice",
    "examine",
    "consider",
    "adopt",
    "define",
    "plan",
    "explore",
    "facilitate",
    "introduce",
    "demonstrate",
    "check",
    "verify",
    "update",
    "draft",
    "analyse",
    "analyze",
    "set",
    "provide",
    "collect",
    "compare",
    "see",
    "visit",
    "inform",
    "brief",
    "coordinate",
}
_REPUBLIC = re.compile(r"(?i)r[eé]publi|республик")


def entity_at(mentions: list[Mention], pos: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= pos < m.end for m in mentions)


def next_entity(mentions: list[Mention], pos: int) -> Mention | None:
    later = [m for m in mentions if m.start >= pos and m.kind != "TOPIC"]
    return min(later, key=lambda m: m.start) if later else None


def word_before(text: str, pos: int, lo: int) -> str:
    words = list(_WORD.finditer(text, lo, pos))
    return words[-1].group().lower() if words else ""


def event(m: Mention) -> bool:
    """An activity held somewhere (a workshop, a mission), not the name of a project or dialogue."""
    return not m.iri.endswith(_NAMES)


def trim_tail(text: str, m: Mention, mentions: list[Mention], right: int) -> int:
    """The end of the title text[..right] once a project's closing list of beneficiary countries ("project on
    ... for Kazakhstan and Uzbekistan", "для Казахстана и Узбекистана") and an event's closing state it was
    held in ("in the Republic of Moldova", "в Республике Казахстан") are dropped. An event's "for" list stays
    ("training ... for Kyrgyzstan and Tajikistan"), so does a list naming a region ("for Central Asia"), and
    so does a country that is all the name has after the activity word ("Project for Armenia"). After an
    event, a closing "in" and one capitalised word that names no known country, region or organisation is a
    town the gazetteer lacks ("exercise in Vornicesti") and goes too."""
    words = list(_WORD.finditer(text, m.end, right))
    places = [e for e in mentions if e.kind in ("COUNTRY", "REGION") and m.end <= e.start < right]
    i, named = len(words) - 1, []
    while i >= 0:
        w = words[i]
        inside = next((e for e in places if e.start <= w.start() < e.end), None)
        if inside is not None:
            named.append(inside)
            while i >= 0 and words[i].start() >= inside.start:
                i -= 1
        elif w.group().lower() in _JOIN and named:
            i -= 1
        else:
            break
    if (
        len(words) >= 2
        and words[-2].group() == "in"
        and re.fullmatch(r"[A-Z][a-z]+", words[-1].group())
        and event(m)
        and not entity_at(mentions, words[-1].start(), ("COUNTRY", "REGION", "ORG", "TOPIC", "ACTIVITY"))
    ):
        return _rstrip(text, m.end, words[-2].start())
    if i < 1 or not named:  # nothing before the phrase but the activity word
        return right
    prep, cut = words[i].group().lower(), words[i].start()
    kinds = {e.kind for e in named}
    if prep in _FOR and kinds == {"COUNTRY"} and not event(m):
        return _rstrip(text, m.end, cut)
    if prep in _IN and len(named) == 1 and _REPUBLIC.search(named[0].text) and event(m):
        return _rstrip(text, m.end, cut)
    return right


def _rstrip(text: str, lo: int, right: int) -> int:
    tail = list(_WORD.finditer(text, lo, right))
    while tail and (tail[-1].group().lower() in _TRAILING or tail[-1].group() in _BREAK - {")"}):
        tail.pop()
    return tail[-1].end() if tail else lo


def _left(text: str, m: Mention, mentions: list[Mention], lo: int) -> tuple[int, int]:
    """(where the phrase starts, where the title starts): up to three modifiers to the left; an
    organisation's acronym right before them joins the title, leading words of time leave it."""
    words = list(_WORD.finditer(text, lo, m.start))
    left, taken = m.start, 0
    if len(words) >= 2 and words[-1].group() == "-" and words[-1].end() == m.start and re.match(r"\w", words[-2].group()):
        left = words[-2].start()  # "Pre-meeting": the trigger ends a hyphenated word
        words = words[:-2]
    acronym = None
    for w in reversed(words):
        word = w.group()
        if entity_at(mentions, w.start(), ("ORG",)) and word.isupper() and len(word) <= 8:
            acronym = w.start()
            break
        if (
            word.lower() in _STOP_LEFT
            or not re.match(r"\w", word)
            or taken == 3
            or entity_at(mentions, w.start(), ("COUNTRY", "REGION", "CITY", "DATE", "ORG"))
        ):
            break
        left, taken = w.start(), taken + 1
    title = left
    for w in _WORD.finditer(text, left, m.start):
        if not _DROP_LEFT.match(w.group()):
            break
        after = _WORD.search(text, w.end(), m.end)  # (there is one: the activity word)
        title = after.start() if after else m.start
    return left, acronym if acronym is not None else title


def _parenthesis(text: str, at: int, mentions: list[Mention], hi: int) -> int | None:
    """The end of a parenthesis opening at `at` that belongs to the name: short, naming no place or date."""
    close = text.find(")", at, min(hi, at + 60))
    if close < 0 or not text[at + 1 : close].strip() or re.match(r"\s*\d", text[at + 1 : close]):
        return None
    if any(e.kind in ("DATE", "CITY", "COUNTRY", "REGION", "ONLINE", "ACTIVITY") and at < e.start < close for e in mentions):
        return None
    return close + 1


def _inside_name(words: list[re.Match], i: int) -> bool:
    """Whether words[i] follows a preposition and "the" with at most two modifiers between."""
    before = [w.group().lower() for w in words[max(0, i - 4) : i]]
    for k in range(len(before) - 1, 0, -1):
        if before[k] == "the":
            return before[k - 1] in _OPENERS and len(before) - k <= 3
    return False


def _right(text: str, m: Mention, mentions: list[Mention], hi: int) -> int:
    right, count, skip_to = m.end, 0, m.end
    words = list(_WORD.finditer(text, m.end, hi))
    for i, w in enumerate(words):
        if w.start() < skip_to:
            continue
        word, low = w.group(), w.group().lower()
        nxt = next_entity(mentions, w.end())
        if word == "(" and (close := _parenthesis(text, w.start(), mentions, hi)) is not None:
            right = skip_to = close
            continue
        if word in _BREAK or low in _STOP_RIGHT or count == 18:
            break
        if count == 0 and low not in _OPENERS and not re.match(r"[A-Z0-9]", word):
            break
        if entity_at(mentions, w.start(), ("ACTIVITY",)) and _inside_name(words, i):
            pass  # "Pre-meeting for the in-field exercise": an activity named inside the name
        elif any(
            a.kind == "ACTIVITY"
            and a.plural
            and a.start <= w.start() < a.end
            and any(t.kind == "TOPIC" and a.start <= t.start < a.end for t in mentions)
            for a in mentions
        ):
            pass  # "project on evaluating safety reports and on-site inspections": a kind of work named as a topic
        elif entity_at(mentions, w.start(), ("CITY",)) and i > 0 and words[i - 1].group().lower() == "to" and m.iri.endswith("Mission"):
            pass  # "technical mission to Ashgabat": where a mission goes is its name
        elif entity_at(mentions, w.start(), ("DATE", "CITY", "ACTIVITY", "ONLINE")):
            break
        if low in ("in", "on", "from") and nxt is not None and nxt.kind in ("CITY", "DATE") and nxt.start - w.end() <= 2:
            break
        after = words[i + 1].group() if i + 1 < len(words) else ""
        if low in _OPENERS and after.lower() in _BACK or low == "the" and after.lower() == "same":
            break  # "national workshop on the same project", "seminar for the same six countries"
        if low == "to" and event(m) and after.lower() in _PURPOSE:
            break  # "a national workshop to discuss the report": what the event is for
        right, count = w.end(), count + 1
    return right


def title_span(text: str, m: Mention, mentions: list[Mention], lo: int, hi: int) -> tuple[str, int, int, bool]:
    """The activity's title around its trigger word m, within text[lo:hi]: (title, start, end, bare) where
    bare means no modifier and nothing after the trigger ("the project"). Russian and French sentences take
    the rules of ingest.titles: a quoted name after the trigger, else the noun phrase around it."""
    lang = language(text[lo:hi], m.text)
    if lang != "en":
        quoted = quoted_name(text, m, hi)
        left, right = quoted or phrase_span(text, m, mentions, lo, hi, lang)
        if quoted is None:
            right = trim_tail(text, m, mentions, right)
        return " ".join(text[left:right].split()), left, right, quoted is None and left == m.start and right == m.end
    left, title = _left(text, m, mentions, lo)
    right = _right(text, m, mentions, hi)
    tail = list(_WORD.finditer(text, m.end, right))
    while tail and tail[-1].group().lower() in _TRAILING:
        tail.pop()
    right = tail[-1].end() if tail else m.end
    right = trim_tail(text, m, mentions, right)
    return " ".join(text[title:right].split()), left, right, left == m.start and right == m.end


def same_name(title: str, label: str, most: int | None = 2) -> bool:
    """Whether `label`, from prose, is the page title `title` with at most `most` of its words left out
    (any number when None; "un séminaire sur l'aménagement du territoire" under "Séminaire international
    sur l'aménagement du territoire"): every word of the label, in order, among the title's; three words
    at least."""
    short, full = re.findall(r"\w+", label.casefold()), re.findall(r"\w+", title.casefold())
    if len(short) < 3 or len(full) <= len(short) or most is not None and len(full) - len(short) > most:
        return False
    words = iter(full)
    return all(word in words for word in short)


def from_capitals(title: str, text: str) -> str:
    """A title written in capitals, in sentence case, each word as the rest of the page writes it:
    "TECHNICAL MISSION TO KYRGYZSTAN" -> "Technical mission to Kyrgyzstan"."""
    words = [_as_written(word, text) for word in title.lower().split(" ")]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _as_written(word: str, text: str) -> str:
    """word as the page writes it inside sentences (after another word): capitalised, in capitals where a word
    not in capitals comes before it ("The UNECE mission", not the title's own capitals), or in lower case."""
    if len(word) < 2 or not word.isalpha():
        return word
    seen, capitals = [], 0
    for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        before = re.search(r"([^\W\d_]+),?[ \t]+$", text[max(0, m.start() - 40) : m.start()])
        if before is None:
            continue
        if not m.group().isupper():
            seen.append(m.group())
        elif not before.group(1).isupper():
            capitals += 1
    if capitals > len(seen):
        return word.upper()  # an acronym: "UNECE"
    return word.capitalize() if seen and 2 * sum(w[0].isupper() for w in seen) > len(seen) else word
