"""Activity words, in English, French and Russian, that do not name a new activity where they stand.
Pure functions of the document text and the end of the word; nothing is loaded at import time (Russian
grammar comes from ingest.morph, on the first Cyrillic word).

- A draft: "проект дорожной карты", "projet de loi", "le présent projet de décret" name a document.
- A statutory meeting of a Convention body: "at its twelfth meeting", "à sa douzième réunion",
  "на ее одиннадцатом совещании", "Working Group on Implementation, Twenty-eighth meeting", "yearly
  meeting". Meetings of national working groups and steering committees stay activities.
- A back-reference without an article: in French "L'atelier s'inscrit dans", "Cette mission fait suite",
  "les conclusions du séminaire"; in Russian "Семинар был организован", "В ходе миссии", "По итогам
  заседания", "Целью проекта является". The word stands alone (no adjective before it, no complement
  after it) and the page has already named an activity of its kind; English back-references are read by
  ingest.extract itself ("the workshop"), except after a document noun ("the outcome of the workshop").
"""

from __future__ import annotations

import re

from ingest.morph import has_cyrillic

_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?|\d+")
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s)|\n|—|\|")

# Kinds of activity words, by stem, in the three languages: a back-reference needs an earlier word of its kind.
_KINDS = (
    ("seminar", "séminaire", "seminaire", "семинар", "workshop", "atelier"),
    ("workshop", "atelier", "семинар", "совещан"),
    ("training", "formation", "тренинг", "обучени", "учебн", "курс"),
    ("mission", "миссi", "мисси", "visit", "визит"),
    ("meeting", "réunion", "reunion", "совещан", "заседан", "встреч", "session", "сесси"),
    ("project", "projet", "проект"),
    ("exercise", "exercice", "учени", "учебн"),
    ("consultation", "консультац"),
    ("dialogue", "dialog", "диалог"),
    ("round", "table", "стол"),
)
MEETING_STEMS = ("meeting", "réunion", "reunion", "session", "совещан", "заседан", "сесси", "встреч")  # words naming a meeting

# ---------------------------------------------------------------------------------------------- drafts
_DOC_STEMS_RU = (
    "план",
    "закон",
    "карт",
    "перечн",
    "перечен",
    "документ",
    "решени",
    "рекомендац",
    "доклад",
    "отчет",
    "отчёт",
    "руководств",
    "положени",
    "программ",
    "стратеги",
    "концепци",
    "соглашени",
    "постановлени",
    "протокол",
    "методик",
    "правил",
    "указ",
    "кодекс",
    "письм",
    "резолюц",
    "устав",
    "текст",
    "списк",
    "спис",
    "реестр",
    "порядк",
    "инструкц",
    "регламент",
    "повестк",
    "бюджет",
    "договор",
    "меморандум",
    "заявк",
    "предложени",
    "стандарт",
    "норм",
    "требовани",
)
_DRAFT_FR = re.compile(
    r"\s+(?:de|d['’])\s*(?:la\s+|l['’]|les\s+)?(?:loi|décret|decret|plan|rapport|décision|decision|document|ordre|"
    r"feuille|liste|texte|règlement|reglement|arrêté|arrete|accord|stratégie|strategie|recommandation|"
    r"conclusion|budget|résolution|resolution|directive|code|convention|protocole|mandat|lettre|note|"
    r"communiqué|amendement|ordonnance|circulaire|programme de travail)",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------- statutory meetings
_POSSESSIVE = {"its", "their", "sa", "son", "leur", "ее", "её", "его", "их", "своем", "своём", "своей", "свое", "своё"}
_RECURRING = re.compile(
    r"^(?:yearly|annual|regular|periodic|monthly|weekly|ordinary|extraordinary|ежегодн|регулярн|очередн|внеочередн|annuel|périodique|mensuel|plenary|пленарн|plénière)"
)
# a Convention body named short, capitalised: "meeting of the Conference", "the Working Group's meeting"
_PER_YEAR = r"(?:(?:per|a|each|every)\s+year\s+)?"  # "Two meetings per year of the Working Group"
_BODY_SHORT = re.compile(r"\s+" + _PER_YEAR + r"of\s+the\s+(?:Conference|Bureau|Working\s+Group|Parties|Meeting\s+of\s+the\s+Parties)\b")
_BODY_NAMED = re.compile(r"\b(?:[Tt]he|[Ll]a|[Ll]e)\s+(?:Conference|Bureau|Conférence)\b|\b(?:Конференци|Президиум)[а-яё]*\b")
_BODY_OWNER = re.compile(r"(?:Conference|Group|Bureau)['’]s\s+$")
_BODIES = re.compile(
    (
        r"(?:conference|meeting) of the parties|working group on (?:implementation|development)|joint expert group|"
        r"\bbureau\b|conférence des parties|groupe de travail (?:de l['’]application|du développement)|"
        r"конференци\w* сторон|совещани\w* сторон|рабоч\w+ групп\w+ по (?:осуществлению|развитию)|президиум|"
        r"\bparties (?:to|à) la convention|\bparties to the convention|сторон\w* конвенции"
    ).replace(" ", r"\s+"),  # across a line break
    re.IGNORECASE,
)

_HEADER_BODY = re.compile(r"(?:" + _BODIES.pattern + r")[\s,.:;–-]*(?:[^\W\d_][\w-]*\s+){0,2}$", re.IGNORECASE)
# ordinals from the twentieth: only standing bodies number their sessions so far
_HIGH_ORDINAL = re.compile(
    r"(?i)(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)(?:ieth|y-\w+)$|(?:двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност)\w*$"
    r"|(?:vingt|trent|quarant|cinquant|soixant|quatre-vingt)\w*ième$"
)

# ------------------------------------------------------------------------------------ back-references
_DET_FR = {"l", "le", "la", "les", "cet", "cette", "ce", "ces", "du", "au", "aux"}
_COMPLEMENT_FR = re.compile(  # "mission d'évaluation": the elided "d'" is followed by its word, not a space
    r"\s*(?:d['’]\w|(?:sur|de|du|des|pour|en|à|au|aux|consacrée?s?|relati(?:f|ve)s?|intitulée?s?|portant|"
    r"(?:sous-)?régionale?s?|(?:sous-)?regionale?s?|nationale?s?|nationaux|internationale?s?|techniques?|"
    r"pilotes?|conjointe?s?|transfrontières?|«|\"|“|\()(?=[\s'’«\"“(]|$))",
    re.IGNORECASE,
)
_DOC_NOUN_EN = re.compile(
    r"\b(?:outcomes?|results?|conclusions|report|reports|programme|agenda|minutes|proceedings|findings|"
    r"recommendations|summary|materials|participants|organizers|organisers)\s+of\s+(?:the|this|that)\s*$",
    re.IGNORECASE,
)
_COMPLEMENT_RU = {"по", "для", "о", "об", "на", "с", "со", "«", '"', "„", "“", "между", "против"}
_SEVERAL_RU = {"оба", "обе", "обеих", "обоих", "эти", "этих", "этими", "все", "всех", "двух", "трех", "трёх", "обоим", "обеим"}
_SEVERAL_FR = {"deux", "trois", "quatre", "plusieurs"}
_DOC_PREV_RU = (
    "акт",
    "документ",
    "доклад",
    "решени",
    "резолюц",
    "протокол",
    "материал",
    "повестк",
    "программ",
    "итогам",
    "итогах",
    "отчет",
    "отчёт",
    "замысл",
    "сценари",
    "легенд",
)  # "по итогам семинара", "по замыслу учений"; not
# "итоговое совещание", the final meeting
_DOC_PREV_FR = re.compile(
    r"\b(?:acte final|document final|rapport|actes|procès-verbal|compte rendu|ordre du jour|programme|conclusions|résultats|"
    r"recommandations|déclaration)\s+(?:du|de la|de l['’]|des)\s*$",
    re.IGNORECASE,
)
_DOC_PREV_EN = re.compile(
    r"\b(?:final act|outcome document|declaration|proceedings|minutes|report|conclusions)\s+of\s+the\s+(?:[A-Z]\w+\s+){0,2}$",
)
_MONTHS_RU = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")


def _kind(head: str) -> tuple[str, ...] | None:
    head = head.lower()
    for kind in _KINDS:
        if any(head.startswith(stem) for stem in kind):
            return kind
    return None


def _named_before(text: str, pos: int, kind: tuple[str, ...]) -> bool:
    earlier = text[:pos].lower()
    return any(stem in earlier for stem in kind)


# a sentence whose lines may be wrapped ("the Conference of\nthe Parties") ends only at a stop or a blank line
_WRAPPED_END = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")


def _sentence_start(text: str, pos: int, ends: re.Pattern = _SENTENCE_END) -> int:
    starts = [m.end() for m in ends.finditer(text, max(0, pos - 300), pos)]
    return starts[-1] if starts else max(0, pos - 300)


def _words_after(text: str, end: int, n: int = 3) -> list[str]:
    """The next n words after end, stopping at punctuation other than quotes; quotes are words."""
    out = []
    for m in re.finditer(r"[«\"„“(]|[^\W_][\w’'-]*|[^\s\w]", text[end : end + 80]):
        token = m.group()
        if re.fullmatch(r"[^\w«\"„“(]", token):
            break
        out.append(token)
        if len(out) == n:
            break
    return out


def _russian_complement(word: str) -> bool:
    """After a Russian activity word: a preposition or quote opening a title, a name, or a genitive phrase."""
    from ingest.morph import parses  # noqa: PLC0415

    low = word.lower()
    if low in _COMPLEMENT_RU or word[:1].isupper() or re.fullmatch(r"[A-Z]+", word):
        return True
    if not has_cyrillic(word):
        return False
    readings = parses(word)
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in readings[:2])


def _russian_modifier(word: str) -> bool:
    """Before a Russian activity word: an adjective, participle, ordinal or numeral that makes it a title."""
    from ingest.morph import parses  # noqa: PLC0415

    if not has_cyrillic(word):
        return bool(re.fullmatch(r"\d+|[A-Z][\w-]*", word))
    readings = parses(word)
    return readings[0].tag.POS in ("ADJF", "PRTF", "NUMR", "ADJS") or "Anum" in readings[0].tag


def draft(text: str, start: int, end: int) -> bool:
    """ "проект дорожной карты", "projet de loi": a draft document, not a project."""
    head = text[start:end].lower().rsplit("-", 1)[-1]  # "l'avant-projet de loi"
    if head.startswith("projet"):
        return bool(_DRAFT_FR.match(text, end))
    if head.startswith("проект"):
        after = _words_after(text, end)
        if not after or after[0].lower() in _COMPLEMENT_RU or after[0] in '«"„“':
            return False
        return any(w.lower().startswith(_DOC_STEMS_RU) for w in after)
    return False


# The heading of a Convention body's session document: "Working Group on Implementation / Fortieth meeting",
# "Рабочая группа по осуществлению / Двадцать восьмое совещание"
# "Report of the meeting of the Bureau", "Report of the Working Group on Implementation on its fortieth meeting"
_SESSION_HEADER = re.compile(
    r"(?:" + _BODIES.pattern + r")[ \t,.:;–-]*\n\s*(?:[^\W\d_][\w-]*\s+){1,2}(?:meeting|session|réunion|совещание|сессия|заседание)\b"
    r"|\b(?:report|rapport|доклад)\s+(?:of\s+the\s+|de\s+la\s+|du\s+|о\s+работе\s+)?(?:[^\W\d_][\w-]*\s+)?"
    r"(?:meeting|session|réunion|совещания|сессии)\s+(?:of\s+the\s+|de\s+la\s+|du\s+|des\s+)?(?:" + _BODIES.pattern + r")"
    r"|\b(?:report|rapport|доклад)\s+(?:of\s+the\s+|de\s+la\s+|du\s+)?(?:"
    + _BODIES.pattern
    + r")\s+(?:on\s+its|sur\s+(?:sa|les\s+travaux)|о\s+работе)",
    re.IGNORECASE,
)
# What may follow a session named bare: nothing, a punctuation mark, a verb; "on Wednesday", "в четверг"
_NAMED_AFTER = re.compile(
    r"\s+(?:of|on|with|for|between|de|du|des|sur|entre|avec|по|о|об|с|со|между)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d)",
    re.IGNORECASE,
)


def session_document(text: str) -> bool:
    """Whether the document is a Convention body's session paper: its heading names the body and the session."""
    return _SESSION_HEADER.search(text, 0, 1500) is not None


def statutory(text: str, start: int, end: int, before: list[str]) -> bool:
    """A session of a Convention body ("adopted by the Conference of the Parties at its twelfth meeting",
    "Working Group on Implementation, Twenty-eighth meeting"), of a parliament ("session ordinaire"), or a
    recurring one ("yearly meeting"): not a programme activity."""
    head = text[start:end].lower()
    if not head.startswith(MEETING_STEMS):
        return False
    near = [w.lower() for w in before[-2:]]
    if (
        len(near) == 2
        and (n := re.fullmatch(r"(\d+) (?:st|nd|rd|th|e|er|ème|[яйоеа])", " ".join(near)))
        and int(n.group(1)) >= 20
        or near
        and _HIGH_ORDINAL.match(near[-1])
    ):
        return True  # "Inland Transport Committee, 80th session", "thirtieth session": a standing body's, not the Programme's
    if (near and _RECURRING.match(near[-1])) or re.match(
        r"\s+(?:ordinaire|extraordinaire|plénière|pleniere)\b", text[end : end + 16], re.IGNORECASE
    ):
        return True
    if _PARLIAMENT.search(text, _sentence_start(text, start), min(len(text), end + 120)) and _VOTED.search(
        text, start, min(len(text), end + 160)
    ):
        return True  # "Депутаты Жогорку Кенеша на заседании в среду приняли закон": a sitting of parliament, voting a law
    if len(near) == 2 and near[0] in _POSSESSIVE and near[1] in ("next", "prochaine", "следующем", "следующей", "следующее"):
        return True  # "report to the Working Group at its next meeting"
    if (
        near
        and near[-1] in ("next", "further", "prochaine", "следующего", "следующее", "следующем")
        and (_BODIES.search(text, _sentence_start(text, start), start) or _BODY_NAMED.search(text, _sentence_start(text, start), start))
    ):
        return True  # "The Bureau will hold a further meeting", "сроки следующего совещания Конференции"
    if re.match(
        r"\s+(?:Конференци\w*\s+Сторон|Совещани\w*\s+Сторон|Рабочей\s+группы\s+по\s+(?:осуществлению|развитию)|Президиума)",
        text[end : end + 60],
    ):
        return True  # "одиннадцатом совещании Конференции Сторон"
    if any(w in _POSSESSIVE for w in near) and (
        _BODIES.search(text, _sentence_start(text, start, _WRAPPED_END), start)
        or _BODY_NAMED.search(text, _sentence_start(text, start), start)
    ):
        return True  # "the Conference of the Parties at its twelfth meeting", "The Conference decided that its
        # fourteenth meeting"; a national group's "its second meeting" stays
    if not _NAMED_AFTER.match(text, end) and session_document(text):
        return True  # in the body's session paper, "The meeting was attended", "its forty-first meeting"
    if _HEADER_BODY.search(text, max(0, start - 150), start):
        return True  # a document header: "Working Group on Implementation / Twenty-eighth meeting"
    if _BODY_SHORT.match(text, end) or _BODY_OWNER.search(text, max(0, start - 40), start):
        return True  # "the twelfth meeting of the Conference", "the Working Group's meeting"
    return bool(
        re.match(r"\s+" + _PER_YEAR + r"(?:of the|de la|du|des)\s+(?:" + _BODIES.pattern + ")", text[end : end + 80], re.IGNORECASE)
    )


# A parliament and its members: their sittings are not programme activities
_PARLIAMENT = re.compile(
    r"(?i)\b(?:parliament\w*|MPs|deputies|senators?|депутат\w*|парламент\w*|Жогорку\s+Кенеш\w*|Мажилис\w*|сенатор\w*|Верховн\w+\s+Рад\w*"
    r"|Милли\s+Меджлис\w*|Меджлис\w*|Олий\s+Мажлис\w*|Национальн\w+\s+собрани\w*|Skupštin\w*|députés?|sénateurs?|Assemblée\s+nationale|parlement\w*)\b"
)


_VOTED = re.compile(
    r"(?i)\b(?:adopted|passed|ratified|approved|voted|приня\w*|одобри\w*|ратифицирова\w*|проголосова\w*|adopt[ée]\w*|ratifi[ée]\w*|vot[ée]\w*)\b"
)


_DRILL = ("exercise", "drill", "exercice", "учени", "тренировк")
_ROUTINE = re.compile(r"^(?:yearly|annual|regular|routine|scheduled|periodic|ежегодн|регулярн|планов|annuel|périodique)", re.IGNORECASE)


# "the exercise of the off-site plan" (plan particulier d'intervention, POI): a drill the law requires of an operator
_STATUTORY_PLAN = re.compile(
    r"\s+(?:du|de|de\s+son|d['’]un|de\s+leur)\s+(?:plan\s+(?:particulier\s+d['’]intervention|d['’]opération\s+interne)|PPI|POI)\b",
    re.IGNORECASE,
)
_EVERY_YEAR = re.compile(
    r"(?:once|twice)\s+a\s+year|every\s+(?:year|two\s+years|three\s+years)|раз\w*\s+в\s+(?:год|\w+\s+года)|ежегодно|не\s+реже|"
    r"(?:une|deux)\s+fois\s+par\s+an|tous\s+les\s+(?:ans|trois\s+ans)",
    re.IGNORECASE,
)


def routine_drill(text: str, start: int, end: int, before: list[str]) -> bool:
    """An operator's or a city's routine drill ("its annual on-site emergency drill", "плановые учения городских
    аварийных служб", "не реже одного раза в год проводить учения", "l'exercice du plan particulier
    d'intervention"): exercises the Programme organises are not held every year."""
    if not text[start : start + 12].lower().startswith(_DRILL):
        return False
    return (
        any(_ROUTINE.match(w) for w in before[-3:])
        or bool(_STATUTORY_PLAN.match(text, end))
        or bool(_EVERY_YEAR.search(" ".join(before[-8:])))
    )


def part_of_document(text: str, start: int, before: list[str]) -> bool:
    """ "the Final Act of the Conference", "итоговый документ Софийского совещания", "le rapport de la
    mission": a document of the event, named in a page about something else."""
    if _DOC_PREV_EN.search(text, max(0, start - 80), start) or _DOC_PREV_FR.search(text, max(0, start - 60), start):
        return True
    if has_cyrillic(text[start : start + 3]):
        prior = [w.lower() for w in before[-2:]]
        if prior and prior[-1].startswith(_DOC_PREV_RU):
            return True
        return len(prior) == 2 and prior[0].startswith(_DOC_PREV_RU) and _russian_modifier(before[-1])
    return False


_THOUGHT_EXERCISE = re.compile(
    r"\s+(?:d['’]|de\s+)(?:examen|réflexion|reflexion|cartographie|évaluation|evaluation|inventaire|recensement|analyse|bilan|"
    r"auto-évaluation|hiérarchisation|priorisation)\b|\s+(?:in|of)\s+(?:mapping|reviewing|stocktaking|reflection|prioriti[sz]ing)\b",
    re.IGNORECASE,
)


_PUBLIC = re.compile(r"(?i)^(?:public|publique|общественн\w*|публичн\w*)\s|^\S*\s+(?:du\s+public|publiques?|with\s+the\s+public)\b")


_NEEDED = re.compile(
    r"(?i)\b(?:заинтересован\w*|нужда\w*|потребност\w*|необходимост\w*)\s+в\s+(?:\w+\s+)?$"
    r"|\b(?:need|needs|demand|interested)\s+(?:for|in)\s+(?:more\s+|further\s+|\w+\s+)?$"
    r"|\b(?:besoins?|intéress\w*)\s+(?:en|de|d['’]|à|par)\s+(?:\w+\s+)?$"
)


def wanted_or_appointment(text: str, start: int, end: int) -> bool:
    """ "заинтересованы в практическом обучении", "a need for training": wanted, not held; "участники миссии провели
    встречи с представителями …": a mission's appointments, not meetings of their own."""
    if _NEEDED.search(text, max(0, start - 40), start):
        return True
    return (
        text[start:end].lower().startswith("встреч")
        and re.match(r"\s+с\b", text[end : end + 4]) is not None
        and _sentence_start(text, start) != start
    )


_GOES_ON = re.compile(r"(?i)\bwill\s+continue\b|\bcontinues\b|\bongoing\b|\bпродолж\w+|\bse\s+poursuiv\w+|\bcontinuera\b")


def generic_training(text: str, start: int, end: int, before: list[str]) -> bool:
    """ "Training of key staff", "обучение специалистов", "la formation des inspecteurs": training as a line of
    work, with no date in its sentence and no word before it making it an event."""
    head = text[start:end].lower()
    if head.startswith(("exercice", "exercise")) and _THOUGHT_EXERCISE.match(text, end):
        return True  # "un exercice d'examen conjoint du rapport de sécurité": an exercise of thought, not a drill
    if head == "exercice" and re.match(r"\s+(?:biennal|budgétaire|financier|comptable)\b", text[end : end + 14], re.IGNORECASE):
        return True  # "l'exercice biennal 2019-2020": a budget period
    if head.startswith(("consultation", "консультаци", "обсуждени", "réunion", "meeting")) and _PUBLIC.search(
        f"{' '.join(before[-1:])} {text[end : end + 12]}"
    ):
        return True  # "public consultation", "consultation du public": a step of a planning procedure
    if head == "consultation" and before[-1:] in (["in"], ["en"]) and re.match(r"\s+(?:with|avec)\b", text[end : end + 8]):
        return True  # "prepared by the secretariat in consultation with the Chair"
    if head not in ("training", "обучение", "обучения", "обучению", "обучением", "formation"):
        return False
    if head in ("training", "formation") and not re.match(r"\s+(?:of|for|des|de|du|d['’]|pour)\b", text[end : end + 8], re.IGNORECASE):
        return False  # "Training of key staff", "la formation des inspecteurs"; not "Formation en ligne sur le Système …"
    prev = before[-1].lower() if before else ""
    if (
        prev
        and not text[start].isupper()
        and prev
        not in {
            "a",
            "an",
            "the",
            "of",
            "and",
            "provide",
            "provides",
            "providing",
            "offer",
            "offers",
            "for",
            "on",
            "и",
            "а",
            "la",
            "de",
            "et",
            "une",
            "des",
        }
    ):
        return False
    stop = re.search(r"[.!?;\n]", text[end:])
    sentence = text[_sentence_start(text, start) : end + (stop.start() if stop else 200)]
    # (a date does not make it an event when the work goes on: "Training of the new users will continue in 2022")
    return not re.search(r"\d", sentence) or _GOES_ON.search(sentence) is not None


def back_reference(text: str, start: int, end: int, before: list[str]) -> bool:
    """A bare French or Russian activity word, or an English one after a document noun, that refers back to
    an activity of its kind already named on the page."""
    head = text[start:end]
    kind = _kind(head)
    if kind is None or not _named_before(text, start, kind):
        return False
    prev = before[-1].lower() if before else ""
    if has_cyrillic(head):
        if prev in _SEVERAL_RU:
            return True
        if prev and _russian_modifier(before[-1]):
            return False
        after = _words_after(text, end, 2)
        if not after:
            return True
        first = after[0].lower()
        if first in ("в", "во") and len(after) > 1:
            nxt = after[1].lower()
            return nxt.startswith(_MONTHS_RU) or nxt.isdigit() or nxt in ("ходе", "рамках", "течение", "том", "этом")
        return not _russian_complement(after[0])
    if prev in _SEVERAL_FR and not _ascii_english(text, start):
        return True
    if prev in _DET_FR:
        return not _COMPLEMENT_FR.match(text, end) and not _ascii_english(text, start)
    if re.match(r"\s+(?:on|for|about|entitled|titled|“|\")", text[end : end + 10]):
        return False
    return bool(_DOC_NOUN_EN.search(text, max(0, start - 60), start))


def _ascii_english(text: str, start: int) -> bool:
    """An English sentence (French determiners "la", "le" are not English words, but "the" is not French)."""
    return bool(re.search(r"\b(?:the|and|of)\b", text[_sentence_start(text, start) : start]))


def _head(text: str, end: int) -> tuple[int, list[str]] | None:
    """Where the activity word ending at end starts, and the words of its sentence before it."""
    lo = _sentence_start(text, end)
    words = list(_WORD.finditer(text, lo, end))
    if not words:
        return None
    head = words[-1]
    start = head.start()
    # French elision: "l'atelier" is one regex word; the activity word starts after the apostrophe
    elided = re.match(r"(?:l|d)['’]", head.group(), re.IGNORECASE)
    before = [w.group() for w in words[:-1]] + (["l"] if elided else [])
    if elided:
        start += 2
    return start, before


def refers_back(text: str, end: int) -> bool:
    """The activity word ending at end refers back to an activity of its kind named earlier on the page."""
    head = _head(text, end)
    return head is not None and back_reference(text, head[0], end, head[1])


def statutory_session(text: str, end: int) -> bool:
    """The activity word ending at end names a session of a Convention body (see statutory)."""
    head = _head(text, end)
    return head is not None and statutory(text, head[0], end, head[1])


def not_new(text: str, end: int) -> bool:
    """The activity word ending at end names no new activity: a draft, a statutory meeting, a back-reference."""
    head = _head(text, end)
    if head is None:
        return False
    start, before = head
    return (
        draft(text, start, end)
        or statutory(text, start, end, before)
        or routine_drill(text, start, end, before)
        or part_of_document(text, start, before)
        or generic_training(text, start, end, before)
        or wanted_or_appointment(text, start, end)
        or back_reference(text, start, end, before)
        or participle(text, start, end, before)
        or every(before)
    )


def every(before: list[str]) -> bool:
    """ "in every single meeting", "на каждом совещании", "à chaque réunion": all of them, none named."""
    return (
        bool(before)
        and before[-1].lower() in ("every", "each", "any", "каждом", "каждой", "chaque")
        or [w.lower() for w in before[-2:]] == ["every", "single"]
    )


# "Meeting in Geneva, the Bureau discussed …": a participle opening the sentence, not a meeting named
_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:in|at|with|on|online|virtually|last|this)\b[^,.;:\n]{0,60},\s+(?:the|its|their|a|an|some|all|both|experts|participants|representatives|delegates)\b"
)


def participle(text: str, start: int, end: int, before: list[str]) -> bool:
    """'Meeting in Geneva, the Bureau discussed …': the word opens the sentence as a verb, naming no meeting."""
    return not before and text[start:end] == "Meeting" and _PARTICIPLE_TAIL.match(text, end) is not None
