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
