"""The words of the date grammar (ingest.dates), taken from Unicode CLDR through Babel, not typed by hand.

Month names: every CLDR form in English, Russian and French (wide and abbreviated; the "format" context,
the genitive in Russian, "ноября", and the "stand-alone" one, the nominative, "ноябрь"), the Russian
prepositional ("в ноябре") derived from the nominative, each also without accents ("decembre"), and every
prefix of three letters or more that names one month only ("Sept.", "févr", "нояб"). Unit names: the long
CLDR names of measurement units in every count form ("tonnes", "hectares", "тонн"): "2006 tonnes" is no year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableMapping
from functools import lru_cache
from typing import cast

from babel import localedata
from babel.dates import get_month_names

LANGUAGES = ("en", "ru", "fr")
UNIT_LOCALES = ("en", "en_GB", "ru", "fr")  # en_GB says "tonnes", en "metric tons"
MIN_PREFIX = 3


def _plain(word: str) -> str:
    """The word without accents: "décembre" -> "decembre" (the breve of Cyrillic й stays: a letter of its own)."""
    kept = (c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c) or c == "\u0306")
    return unicodedata.normalize("NFC", "".join(kept))


def _ru_prepositional(nominative: str) -> str:
    """ "ноябрь" -> "ноябре", "май" -> "мае", "март" -> "марте": the case of "в ноябре 2019 года"."""
    return nominative[:-1] + "е" if nominative[-1] in "ьй" else nominative + "е"


@lru_cache(maxsize=1)
def month_words() -> tuple[dict[str, int], frozenset[str]]:
    """Every month word (lowercase, no final dot) to its number 1-12; and those written capitalised in
    every language that has them (English "may", not French "mai"), for the year-less forms."""
    sources: dict[str, set[tuple[int, bool]]] = {}  # word -> {(month, capitalised)}
    prefixes: dict[str, set[tuple[int, bool]]] = {}

    def add(table, word, number, capital):
        table.setdefault(word, set()).add((number, capital))

    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, lang).items():
                    capital, word = name[:1].isupper(), name.lower().rstrip(".")
                    words = {word}
                    if lang == "ru" and width == "wide" and context == "stand-alone":
                        words.add(_ru_prepositional(word))
                    for w in words | {_plain(w) for w in words}:
                        add(sources, w, number, capital)
                    if width == "wide":
                        for w in {word, _plain(word)}:
                            for n in range(MIN_PREFIX, len(w)):
                                add(prefixes, w[:n], number, capital)
    table = {w: s for w, s in prefixes.items() if w not in sources} | sources
    months = {w: next(iter(s))[0] for w, s in table.items() if len({n for n, _ in s}) == 1}
    capitalised = frozenset(w for w in months if all(c for _, c in table[w]))
    return months, capitalised


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """The first word of the long name of every CLDR measurement unit, in every count form ("tonnes")."""
    words = set()
    for loc in UNIT_LOCALES:
        # (through LocaleDataDict, which resolves CLDR's aliases: Babel 2.19 gives some forms as (alias, overrides))
        for key, forms in localedata.LocaleDataDict(cast("MutableMapping", localedata.load(loc)))["unit_patterns"].items():
            if key.startswith(("concentr", "graphics", "speed-light", "energy-calorie-it")) or "gasoline" in key:
                continue  # ("{0} parties par million", "{0} эм", "{0} скорость света", "{0} международной калории", "{0} gas E")
            for count, pattern in dict(forms.get("long", {})).items():
                # (not the Japanese units of Babel 2.19, whose names are words: "{0} to [JP]", "{0} sun [JP]")
                if count == "per" or not isinstance(pattern, str) or "{0}" not in pattern or "JP]" in pattern:
                    continue
                first = re.match(r"[^\W\d_]{2,}", pattern.split("{0}", 1)[1].strip(" \u00a0\u202f"))
                if first and first.group().lower() not in ("de", "of"):  # ("{0} of mercury": no unit's own word)
                    words.add(first.group().lower())
    return frozenset(words)


def alternation(words) -> str:
    """A regex matching any of the words, as a trie ("jan(?:uary|v(?:ier)?)?"): longest first, and fast,
    since a failing position costs one character test instead of one per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
