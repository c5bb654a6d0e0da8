"""Names across scripts: a name the lexicon does not know, written in Cyrillic in the query and in Latin letters
in the text or the other way round ("Севезо" and "Seveso", "Grodno" and "Гродно", "Syr Darya" and "Сырдарья"),
found by how it sounds. Each word is romanised, then reduced to a key that ignores what the conventions of
English, French and Russian romanisation spell differently (kh/h, z/s between vowels, y/i, ou/u, doubled
letters); a Cyrillic word is keyed by its Russian stem, so that its case endings do not count.

Only names are matched: the query's capitalised words (and pairs of them: "Syr Darya") that the lexicon does not
already name, against the capitalised words of the other script in the indexed text."""

from __future__ import annotations

import difflib
import re

from ingest.lexical import fold, stem_ru
from ingest.morph import has_cyrillic

CUTOFF = 0.85  # how near (difflib's ratio) two keys must be to name the same thing
MIN_KEY = 4  # shorter keys match too much by chance

_ROMAN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
        "ї": "i",
        "є": "e",
        "ў": "u",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "ә": "a",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
    }
)
_SOUNDS = (
    ("shch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
)
_ADJECTIVE = re.compile(r"(?:[eio]n)?sk$")
_NAME = re.compile(r"\b[A-ZА-ЯЁ][^\W\d_]{3,}\b")


def key(word: str) -> str:
    """How a word sounds, in Latin letters: "Севезо" and "Seveso" → "seves"; "Гродно" and "Grodno" → "grodn"."""
    word = word.lower()
    if has_cyrillic(word):
        word = stem_ru(word).translate(_ROMAN)
    word = fold(word)
    for written, sound in _SOUNDS:
        word = word.replace(written, sound)
    word = re.sub(r"c(?=[eiy])", "s", word).replace("ch", "\0").replace("c", "k").replace("\0", "ch")
    word = word.replace("y", "i").replace("z", "s")
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"[aeiou]$", "", word)  # (the Latin spelling's last vowel, as a Russian stem drops it)


class Names:
    """The capitalised words of a body of text, by script, to find a query's names in the other script."""

    def __init__(self, texts) -> None:
        # cyrillic? -> first letter -> key -> words; the words of adjectives apart, under adjective (see other_script)
        self._keys: dict[bool, dict[str, dict[str, set[str]]]] = {False: {}, True: {}}
        self._adjectives: dict[str, dict[str, set[str]]] = {}
        seen: set[str] = set()
        for text in texts:
            for word in _NAME.findall(text):
                if word in seen:
                    continue
                seen.add(word)
                cyrillic, k = has_cyrillic(word), key(word)
                if len(k) >= MIN_KEY:
                    self._keys[cyrillic].setdefault(k[0], {}).setdefault(k, set()).add(word)
                base = _ADJECTIVE.sub("", k) if cyrillic else k  # ("Гродненской" as "Гродно")
                if base != k and len(base) >= MIN_KEY:
                    self._adjectives.setdefault(base[0], {}).setdefault(base, set()).add(word)

    def other_script(self, query: str, known: str = "") -> list[tuple[str, list[str]]]:
        """The query's names (capitalised words, and pairs of them, that are not in known) with the words of the
        other script that sound like them: [("Севезо", ["Seveso"])]; a Latin name with no Cyrillic word of its
        sound, with the Russian adjectives made of it ("Grodno": "Гродненской", when no text says "Гродно")."""
        words = [w for w in re.findall(r"[^\W\d_]+", query) if w[:1].isupper() and w not in known]
        candidates = words + [
            a + b
            for a, b in zip(words, words[1:], strict=False)
            if (f"{a} {b}" in query or f"{a}-{b}" in query) and has_cyrillic(a) == has_cyrillic(b)
        ]
        out = []
        for word in candidates:
            k = key(word)
            if len(k) < MIN_KEY:
                continue
            found = _sounding(k, self._keys[not has_cyrillic(word)].get(k[0], {}))
            if not found and not has_cyrillic(word):
                found = _sounding(k, self._adjectives.get(k[0], {}))
            if found:
                out.append((word, found))
        return out


def _sounding(k: str, keys: dict[str, set[str]]) -> list[str]:
    """The words under the keys equal to k or near it."""
    close = [k] if k in keys else difflib.get_close_matches(k, keys, n=3, cutoff=CUTOFF)
    return sorted({w for c in close for w in keys[c]})
