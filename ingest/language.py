"""The language of a document, for stage 1, read: declared by the page, or guessed from its text.

Document.language is an ISO 639-1 code: "en", "ru" or "fr", the languages of the programme's documents.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru", "fr")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")
_FRENCH = re.compile(r"\b(?:les|des|du|aux|une|pour|dans|avec|sur|est|été|à|et|la|le|qui|par)\b|\b[dl]['’]\w", re.IGNORECASE)
_ENGLISH = re.compile(r"\b(?:the|and|of|to|for|with|on|is|was|were|by|that|which|from)\b", re.IGNORECASE)


def language(text: str, declared: str = "") -> str:
    """The declared language ("fr-FR", "ru_RU", "EN" from an HTML page), cut to its primary subtag, when it is one
    of LANGUAGES; otherwise guessed from the text: "ru" where more than a third of the letters are Cyrillic, "fr"
    where French function words outnumber English ones, else "en"."""
    primary = re.split(r"[-_]", declared.strip(), maxsplit=1)[0].lower()
    if primary in LANGUAGES:
        return primary
    letters = len(_LETTER.findall(text)) or 1
    if len(_CYRILLIC.findall(text)) / letters > 1 / 3:
        return "ru"
    return "fr" if len(_FRENCH.findall(text)) > len(_ENGLISH.findall(text)) else "en"
