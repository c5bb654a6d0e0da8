"""Words for lexical (BM25) matching in English, Russian and French: lower-cased, the stop words of the three
languages dropped, each word stemmed by Snowball (PyStemmer): a Cyrillic word by the Russian stemmer
("хвостохранилищам", "хвостохранилищ" → "хвостохранилищ"), a Latin one by the English and the French stemmers,
both stems kept ("trainings" → "train"; "formations" → "format"), so that no guess of a text's language is
needed and a French query meets French text as an English one meets English."""

from __future__ import annotations

import functools
import re
import unicodedata

from ingest.morph import has_cyrillic

_WORD = re.compile(r"(?u)\b\w\w+\b")
SYMBOL = re.compile(r"\b[A-Za-z]+(?:[/.][A-Za-z0-9]+){2,}\b")  # a document symbol: ECE/CP.TEIA/WG.1/2023/INF.4


@functools.cache
def _stemmers():
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_FRENCH, STOPWORDS_RUSSIAN

    stops = frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_FRENCH) | frozenset(STOPWORDS_RUSSIAN)
    return Stemmer.Stemmer("english"), Stemmer.Stemmer("french"), Stemmer.Stemmer("russian"), stops


@functools.lru_cache(maxsize=200_000)
def _stems(word: str) -> tuple[str, ...]:
    english, french, _, _ = _stemmers()
    if has_cyrillic(word):
        return (stem_ru(word),)
    word = fold(word)  # "Ouzbekistan" as "Ouzbékistan"
    en, fr = english.stemWord(word), french.stemWord(word)
    return (en,) if en == fr else (en, fr)


def stem_ru(word: str) -> str:
    """A Russian word's Snowball stem (ё as е)."""
    return _stemmers()[2].stemWord(word.replace("ё", "е"))


def fold(word: str) -> str:
    """A Latin word without its accents ("sécurité" → "securite")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def analyse(text: str) -> list[str]:
    """The stems of text's words, in order, stop words left out."""
    return [stem for stems in words(text) for stem in stems]


def words(text: str) -> list[tuple[str, ...]]:
    """The stems of each of text's words, in order, stop words left out ("Inspectors of dams" →
    [("inspector",), ("dam",)])."""
    stops = _stemmers()[3]
    return [_stems(word) for word in _WORD.findall(text.lower()) if word not in stops]


def coverage(text: str, vocabulary, also: frozenset[str] = frozenset()) -> float:
    """The share of text's words (stop words left out) that the vocabulary (or also) holds by one of their
    stems; 1.0 for text with no such word."""
    stems = words(text)
    if not stems:
        return 1.0
    return sum(any(stem in vocabulary or stem in also for stem in word) for word in stems) / len(stems)
