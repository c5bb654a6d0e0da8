"""Reading a SPARQL text's keywords without parsing it: comments, strings and IRIs are skipped, and
variables and prefixed names are told apart from keywords."""

from __future__ import annotations

import re

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})

_SKIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_WORD = re.compile(r"[?$:]?[A-Za-z_][\w-]*:?")


def keywords(query: str) -> list[str]:
    """Upper-cased keywords in order: no variables (?x), prefixed names (ex:Thing) or prefix labels (ex:)."""
    words = _WORD.findall(_SKIP.sub(" ", query))
    return [w.upper() for w in words if not w.startswith(("?", "$", ":")) and not w.endswith(":")]


def form(query: str) -> str:
    """The first keyword after the prologue: SELECT, ASK, CONSTRUCT, DESCRIBE, or an update word ("" if none)."""
    for word in keywords(query):
        if word in QUERY_FORMS or word in UPDATE_WORDS:
            return word
        if word not in ("PREFIX", "BASE"):
            return word
    return ""
