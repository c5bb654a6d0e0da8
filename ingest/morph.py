"""Russian morphology for matching names and activity words in their inflected forms.

"в Кыргызстане", "Республики Таджикистан", "семинаре", "учений" are matched by lemma: each Cyrillic word
of a text and of a name is reduced to its dictionary forms (pymorphy3, with the OpenCorpora dictionary
shipped in its wheel), and a name matches where every word shares a lemma with the text's word. The
analyser loads on the first Cyrillic word (about 0.1 s), never at import time; lemmas are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3  # noqa: PLC0415 (loaded only when a Russian text arrives)

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """pymorphy3's readings of a Russian word (part of speech, case, lemma), most likely first."""
    return tuple(_analyzer().parse(word))


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form the word may have, and the word itself, lowercase, ё read as е."""
    if not has_cyrillic(word):
        return frozenset({word.lower()})
    return frozenset({_plain(word)} | {_plain(p.normal_form) for p in parses(word)})


@lru_cache(maxsize=20_000)
def name_lemmas(word: str) -> frozenset[str]:
    """The lemmas of a word as written in a name or term, in the nominative ("Баку" is the city, not the
    dative of "бак"); all its lemmas where no reading is nominative."""
    if not has_cyrillic(word):
        return frozenset({word.lower()})
    readings = parses(word)
    nominative = {_plain(p.normal_form) for p in readings if p.tag.case in (None, "nomn")}
    return frozenset({_plain(word)} | (nominative or {_plain(p.normal_form) for p in readings}))


_MODIFIER = ("ADJF", "PRTF", "NUMR")


def nominative(phrase: str) -> str:
    """A Russian noun phrase's head in the nominative, its complements as they are: "технической миссии в
    Республику Узбекистан" -> "техническая миссия в Республику Узбекистан", "второго заседания рабочей группы"
    -> "второе заседание рабочей группы". Unchanged when the head may already be nominative, or is not read."""
    words = phrase.split(" ")
    head = None
    for i, word in enumerate(words[:5]):
        readings = parses(word) if has_cyrillic(word) else ()
        if not readings:
            return phrase
        if any(p.tag.POS == "NOUN" for p in readings[:3]) and not all(p.tag.POS in _MODIFIER for p in readings[:1]):
            head = i
            break
        if not any(p.tag.POS in _MODIFIER for p in readings[:3]):
            return phrase
    if head is None:
        return phrase
    nouns = [p for p in parses(words[head]) if p.tag.POS == "NOUN" and p.tag.case]
    shared = {(p.tag.case, p.tag.number) for p in nouns}
    for word in words[:head]:
        shared &= {(p.tag.case, p.tag.number) for p in parses(word) if p.tag.POS in _MODIFIER}
    if not shared or any(case == "nomn" for case, _ in shared):
        return phrase
    noun = next(p for p in nouns if (p.tag.case, p.tag.number) in shared)
    number = noun.tag.number
    out = []
    for word in words[:head]:
        reading = next(
            p
            for p in parses(word)
            if p.tag.POS in _MODIFIER
            and (p.tag.case, p.tag.number) == (noun.tag.case, number)
            and (number == "plur" or p.tag.gender in (None, noun.tag.gender))
        )
        form = reading.inflect({"nomn", number} if number == "plur" else {"nomn", number, noun.tag.gender or "masc"})
        if form is None:
            return phrase
        out.append(form.word)
    form = noun.inflect({"nomn", number})
    if form is None:
        return phrase
    out.append(form.word)
    out = [_like(new, old) for new, old in zip(out, words, strict=False)]
    return " ".join(out + words[head + 1 :])


def _like(new: str, old: str) -> str:
    """new written as old is: capitalised, upper case, ё kept where old had it."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new
