"""Titles of activities in Russian and French text, and the language a sentence is written in.

A title is a quoted name next to the activity word ("проекта «Повышение безопасности хвостохранилищ»",
"le projet « Renforcer ... »"), else the noun phrase around it: in Russian the agreeing adjectives to the
left ("первое техническое совещание") and the genitive or prepositional phrase to the right ("семинар по
безопасности хвостохранилищ в Центральной Азии"); in French a few pre-nominal adjectives to the left
("premier atelier") and the adjectives and prepositional phrases to the right ("mission technique en
Serbie", "atelier sur ..."). The phrase is cut before a verb, a date, a venue ("в г. Бишкеке", "à Genève"),
a relative clause or punctuation. Russian words are told apart by pymorphy3 (loaded by ingest.morph).
"""

from __future__ import annotations

import re

from ingest.morph import has_cyrillic, parses
from ingest.records import Mention

_WORD = re.compile(r"[\w’'][\w’'.-]*[\w’']|[\w’']|[^\w\s]")
_PUNCT = set(',.;:()[]–—"“”|*«»!?')
_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“"}

_FR_MARKS = re.compile(r"\b(?:les|des|du|une|est|dans|sur|avec|aux|été|au)\b|\b[ldqs][’']\w", re.IGNORECASE)
_EN_MARKS = re.compile(r"\b(?:the|and|of|was|were|with|has|have|which|from|is)\b", re.IGNORECASE)


def language(sentence: str, trigger: str) -> str:
    """ "ru" for a Cyrillic activity word, "fr" where French function words outnumber English ones, else "en"."""
    if has_cyrillic(trigger):
        return "ru"
    return "fr" if len(_FR_MARKS.findall(sentence)) > len(_EN_MARKS.findall(sentence)) else "en"


def quoted_name(text: str, m: Mention, hi: int) -> tuple[int, int] | None:
    """The span inside a quotation that follows the activity word: «...», “...”, "..."."""
    gap = re.match(r"[ \u00a0]{0,2}", text[m.end : hi])
    at = m.end + (gap.end() if gap else 0)
    if at >= hi or text[at] not in _QUOTES:
        return None
    close = text.find(_QUOTES[text[at]], at + 1, hi)
    if close < 0 or close - at > 300:
        return None
    inner = text[at + 1 : close]
    start = at + 1 + (len(inner) - len(inner.lstrip()))
    end = close - (len(inner) - len(inner.rstrip()))
    return (start, end) if end > start else None


def _entity(mentions: list[Mention], pos: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= pos < m.end for m in mentions)


def _next_word(words: list[re.Match], i: int) -> str:
    return words[i + 1].group().lower() if i + 1 < len(words) else ""


# ------------------------------------------------------------------------------------ Russian

_RU_STOP_LEFT = {
    "его",
    "ее",
    "её",
    "их",
    "этот",
    "эта",
    "это",
    "эти",
    "этого",
    "этой",
    "этом",
    "этих",
    "данный",
    "данного",
    "который",
    "которая",
    "которое",
    "которые",
    "свой",
    "своего",
    "своей",
    "своём",
    "своем",
    "такой",
    "такого",
    "весь",
    "всех",
    "всей",
    "каждый",
    "оба",
    "обоих",
    "другой",
    "других",
    "другого",
    "наш",
    "ваш",
}
_RU_OPENERS = {"по", "о", "об", "в", "во", "на", "для", "с", "со", "между", "к", "среди", "против"}
_RU_STOP = {
    "который",
    "которая",
    "которое",
    "которые",
    "которого",
    "которой",
    "котором",
    "которых",
    "где",
    "когда",
    "что",
    "чтобы",
    "как",
    "при",
    "а",
    "но",
    "также",
    "был",
    "была",
    "было",
    "были",
    "будет",
    "будут",
    "прошёл",
    "прошел",
    "прошла",
    "прошло",
    "прошли",
    "состоялся",
    "состоялась",
    "состоялось",
    "состоялись",
}
_RU_TRAILING = {"и", "или", "в", "во", "на", "по", "для", "с", "со", "о", "об", "к", "из", "от", "а", "а также"}


def _ru_verb(word: str) -> bool:
    readings = parses(word)
    return bool(readings) and readings[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS")


def _ru_modifier(word: str) -> bool:
    if word.lower() in _RU_STOP_LEFT or not has_cyrillic(word) or re.search(r"дневн|часов", word.lower()):
        return False
    readings = parses(word)[:3]
    return (
        any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in readings)
        or "-" in word
        and word.lower().endswith(("ое", "ый", "ий", "ая", "ые", "ие"))
    )


_RU_PREPOSITIONS = {"на", "по", "в", "во", "о", "об", "к", "при", "для", "от", "из", "за", "с", "со"}
_RU_NEAR = {"вблизи", "около", "близ", "возле", "недалеко"}


def _near(text: str, words: list[re.Match], i: int, mentions: list[Mention]) -> int | None:
    """The end of "вблизи г. Кара-Балта" opening at words[i]: a site named by the town it is near is part of the
    name ("технический визит на хвостохранилище вблизи г. Кара-Балта"), not the venue."""
    j = i + 1
    if j + 1 < len(words) and words[j].group().lower() in ("г", "пос", "с") and words[j + 1].group() == ".":
        j += 2
    if j >= len(words) or not words[j].group()[:1].isupper():
        return None
    town = next((m for m in mentions if m.kind == "CITY" and m.start <= words[j].start() < m.end), None)
    return town.end if town is not None else words[j].end()


def _company(word: str) -> bool:
    """After "с": who takes part ("с представителями", "с участием", "при поддержке"), not what is done."""
    reading = next(iter(parses(word)[:1]), None)
    return (
        reading is not None
        and reading.tag.case == "ablt"
        and ("anim" in reading.tag or reading.normal_form in ("участие", "поддержка", "помощь", "привлечение", "содействие"))
    )


def _ru_right(text: str, m: Mention, mentions: list[Mention], hi: int) -> int:
    words = list(_WORD.finditer(text, m.end, hi))
    right = skip_to = m.end
    for i, w in enumerate(words):
        word, low = w.group(), w.group().lower()
        if w.start() < skip_to:
            continue
        if low in _RU_NEAR and i > 0 and (near := _near(text, words, i, mentions)) is not None:
            right = skip_to = near
            continue
        if word in _PUNCT or low in _RU_STOP or i == 18 or not has_cyrillic(word) and not re.match(r"[A-Z0-9]", word):
            break
        if _entity(mentions, w.start(), ("DATE", "CITY", "ONLINE")):
            break
        if _entity(mentions, w.start(), ("ACTIVITY",)) and i > 0 and words[i - 1].group().lower() in ("и", "или", ","):
            break
        nxt = _next_word(words, i)
        if low in ("в", "во", "на") and (
            nxt in ("г.", "г", "городе", "районе", "рамках", "ходе", "формате", "течение", "целом") or nxt.endswith("формате")
        ):
            break
        if (
            low in ("в", "во", "на", "с", "со")
            and i + 1 < len(words)
            and _entity(mentions, words[i + 1].start(), ("CITY", "DATE", "ONLINE"))
        ):
            break
        if (
            low == "для"
            and i + 1 < len(words)
            and _entity(mentions, words[i + 1].start(), ("COUNTRY",))
            and "," in text[words[i + 1].start() : hi][:60]
        ):
            break  # "семинар … для Албании, Боснии и Герцеговины, …": whom it was for, a list, not its title
        if (
            has_cyrillic(word)
            and low not in _RU_OPENERS
            and _ru_verb(word)
            and not (i > 0 and words[i - 1].group().lower() in _RU_PREPOSITIONS and any(p.tag.POS == "NOUN" for p in parses(word)[:3]))
        ):
            break  # (not "по реагированию на разлив нефти": after a preposition, "разлив" is the noun)
        if low in ("с", "со") and i + 1 < len(words) and _company(words[i + 1].group()):
            break  # "круглый стол с представителями министерств", "семинар с участием экспертов"; not "учение с отработкой оповещения"
        if m.text.isupper() and has_cyrillic(word) and not word.isupper():
            break  # a capitalised heading runs into the next line
        opening = i == 0 and low not in _RU_OPENERS and not (word.isupper() and len(word) >= 2)  # ("проекта ЕЭК ООН по …")
        if opening and not any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent" for p in parses(word)[:3]):
            break
        right = w.end()
    return right


def _hyphen_start(text: str, m: Mention, lo: int) -> int:
    """Where the word that the activity word ends starts: "онлайн-совещание", "pré-réunion"."""
    left = m.start
    while left > lo and text[left - 1] == "-" and left - 2 >= lo and text[left - 2].isalnum():
        left -= 1
        while left > lo and text[left - 1].isalnum():
            left -= 1
    return left


def _cases(word: str) -> set[str]:
    return {p.tag.case for p in parses(word)[:4] if p.tag.case}


def _ru_left(text: str, m: Mention, lo: int, mentions: list[Mention]) -> int:
    """Where the agreeing modifiers before a Russian activity word start: "второй национальный семинар"; not
    a participle agreeing with another noun ("работу, начатую ознакомительной миссией")."""
    left = _hyphen_start(text, m, lo)
    right = _cases(text[left : m.end].split()[0]) if text[left : m.end].split() else set()
    for taken, w in enumerate(reversed(list(_WORD.finditer(text, lo, left)))):
        if taken == 3 or not _ru_modifier(w.group()) or _entity(mentions, w.start(), ("COUNTRY", "REGION", "CITY", "DATE", "ORG")):
            break
        cases = _cases(w.group())
        if right and cases and not cases & right:
            break
        left, right = w.start(), cases or right
    return left


# ------------------------------------------------------------------------------------ French

_FR_BEFORE = re.compile(
    r"(?i)^(premi[eè]re?|second[e]?|\w+i[eè]me|nouvel(le)?|nouveau|derni[eè]re?|dernier|grand[e]?|vaste|"
    r"prochaine?|futur[e]?|seconde?)$"
)
_FR_ADJ = re.compile(
    r"(?i)^[\w-]+(al|ale|aux|ales|ique|iques|ier|ière|iers|ières|aire|aires|if|ive|ifs|ives|el|elle|els|elles|"
    r"ien|ienne|ais|aise|ain|aine|ial|iale|ère|ère|iste|able|ible|eur|rice)$|^(pilote|conjointe?s?|commune?s?|"
    r"transfrontières?|technique|politique|interministérielle?|interinstitutionnelle?|en ligne)$"
)
_FR_OPENERS = {"de", "du", "des", "sur", "à", "au", "aux", "en", "pour", "entre", "consacré", "consacrée", "relatif", "relative"}
_FR_STOP = {
    "qui",
    "que",
    "dont",
    "où",
    "lorsque",
    "quand",
    "a",
    "ont",
    "est",
    "sont",
    "sera",
    "seront",
    "était",
    "fut",
    "avait",
    "fait",
    "font",
    "par",
    "organisé",
    "organisée",
    "organisés",
    "organisées",
    "tenu",
    "tenue",
    "tenus",
    "réuni",
    "réunit",
    "finance",
    "financé",
    "financée",
    "soutenu",
    "soutenue",
    "mais",
    "ainsi",
    "avec",
    "grâce",
    "lors",
    "pendant",
    "depuis",
    "dès",
    "le",
    "les",
    "la",
    "l",
    "un",
    "une",
    "lancé",
    "lancée",
    "prévu",
    "prévue",
    "prévus",
    "prévues",
    "réalisé",
    "réalisée",
    "mené",
    "menée",
    "effectué",
    "effectuée",
    "achevé",
    "achevée",
    "initié",
    "initiée",
    "mis",
    "mise",
    "accueilli",
    "accueillie",
    "animé",
    "animée",
    "destiné",
    "destinée",
    "se",
    "ne",
    "bénéficie",
    "bénéficient",
    "permet",
    "permettra",
    "offre",
    "offrira",
    "vise",
    "visait",
    "tiendra",
    "tiendront",
    "réunira",
    "aura",
    "auront",
    "comprend",
    "comprendra",
    "constitue",
    "constituera",
    "porte",
    "portera",
}
_FR_TRAILING = {"et", "ou", "de", "du", "des", "à", "au", "aux", "en", "pour", "sur", "la", "le", "les", "l'", "d'"}


def _fr_verb(word: str) -> bool:
    low = word.lower()
    return bool(re.match(r"^(s|qu|n)['’]", low)) or bool(re.search(r"(aient|ait|era|eront|iront|ira)$", low))


def _fr_right(text: str, m: Mention, mentions: list[Mention], hi: int) -> int:
    words = list(_WORD.finditer(text, m.end, hi))
    right, in_phrase = m.end, False
    for i, w in enumerate(words):
        word, low = w.group(), w.group().lower()
        if word in _PUNCT or i == 30 or _fr_verb(word) or _entity(mentions, w.start(), ("DATE", "CITY", "ONLINE")):
            break
        if low in _FR_STOP and not (in_phrase and low in ("le", "les", "la", "l", "un", "une", "avec")):
            break
        if _entity(mentions, w.start(), ("ACTIVITY",)) and i > 0 and words[i - 1].group().lower() in ("et", "ou"):
            break
        if (
            low in ("à", "au", "en", "dans", "le", "les", "du")
            and i + 1 < len(words)
            and _entity(mentions, words[i + 1].start(), ("CITY", "DATE", "ONLINE"))
        ):
            break
        if low in _FR_OPENERS or low.startswith(("d'", "d’", "l'", "l’")):
            in_phrase = True
        elif not in_phrase and not _FR_ADJ.match(word):
            break
        right = w.end()
    return right


def _fr_left(text: str, m: Mention, lo: int) -> int:
    left = _hyphen_start(text, m, lo)
    for taken, w in enumerate(reversed(list(_WORD.finditer(text, lo, left)))):
        if taken == 2 or not _FR_BEFORE.match(w.group()):
            break
        left = w.start()
    return left


# ------------------------------------------------------------------------------------ both


def phrase_span(text: str, m: Mention, mentions: list[Mention], lo: int, hi: int, lang: str) -> tuple[int, int]:
    """The noun phrase around the activity word m in a Russian or French sentence text[lo:hi]."""
    if lang == "ru":
        left, right, trailing = _ru_left(text, m, lo, mentions), _ru_right(text, m, mentions, hi), _RU_TRAILING
    else:
        left, right, trailing = _fr_left(text, m, lo), _fr_right(text, m, mentions, hi), _FR_TRAILING
    tail = list(_WORD.finditer(text, m.end, right))
    while tail and (tail[-1].group().lower() in trailing or tail[-1].group() in _PUNCT):
        tail.pop()
    return left, tail[-1].end() if tail else m.end
