"""A query's words read as the glossary's terms (ontology/glossary.ttl): words of the programme's field with
their equivalents in English, Russian and French ("inspectors" → term:inspector, whose words include
"инспектор" and "inspecteur"). Search scores such a word as the best of its term's words that an entry holds,
so a query finds text in the other languages, and text that says the same in other words ("lecturers",
"преподавателей"). Words are compared by their stems (ingest.lexical), a term's word of several words
("early warning") as consecutive words."""

from __future__ import annotations

from ingest.lexical import words


class Glossary:
    def __init__(self, terms: dict[str, dict[str, str]]) -> None:
        """terms: term IRI -> its words -> their language (Lexicon.terms)."""
        # each term's word as the stems of its words (and whether it is English), by the stems of its first word
        self._starting: dict[str, list[tuple[str, tuple[frozenset[str], ...], bool]]] = {}
        for iri, names in sorted(terms.items()):
            for name, lang in sorted(names.items()):
                stems = tuple(frozenset(word) for word in words(name))
                for stem in stems[0] if stems else ():
                    self._starting.setdefault(stem, []).append((iri, stems, lang == "en"))
        for candidates in self._starting.values():  # (the longest first: "early warning" before "warning")
            candidates.sort(key=lambda candidate: -len(candidate[1]))

    def find(self, text: str) -> list[tuple[frozenset[str], frozenset[str], bool]]:
        """The terms text's words name, in order, each as (the term IRIs, the stems of the words that name it,
        whether they are English words): a word of several terms ("анализ": analysis, review) names them all;
        the longest match wins."""
        said = words(text)
        found, at = [], 0
        while at < len(said):
            iris: set[str] = set()
            length, english = 0, False
            for stem in said[at]:
                for iri, stems, in_english in self._starting.get(stem, ()):
                    if len(stems) < length or at + len(stems) > len(said):
                        continue
                    if all(need & set(have) for need, have in zip(stems, said[at : at + len(stems)], strict=False)):
                        if len(stems) > length:
                            iris, length, english = set(), len(stems), False
                        iris.add(iri)
                        english |= in_english
            if length:
                found.append((frozenset(iris), frozenset(s for word in said[at : at + length] for s in word), english))
                at += length
            else:
                at += 1
        return found
