"""Reading a SPARQL text without parsing it: its keywords, how deeply it nests, and its shape.

Nothing here decides whether a query may make an outbound request: that is the engine's job (see
server/sandbox.py). These readings only help: the first keyword tells a query from an update, the nesting
depth keeps a worker's parser within its stack, the shape lets the server recognise a query it has seen run long.
SPARQL codepoint escapes (\\u0041, \\U00000041) are expanded first, as the grammar says, before any of this.
"""

from __future__ import annotations

import re

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""|\'\'\'(?:[^'\\]|\\[\s\S]|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>(?:[^\W\d][\w.-]*)?:(?:[\w:%\\-]|\.(?=[\w:]))*|[^\W\d][\w-]*)
  | (?P<other>[\s\S])
''', re.VERBOSE)
_OPEN, _CLOSE, _UNARY = frozenset("{(["), frozenset("})]"), frozenset("!-+^")


def unescape(query: str) -> str:
    """The query with its codepoint escapes expanded (a bad code point stays as written)."""
    def expand(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _CODEPOINT.sub(expand, query)


def tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) of every token but spaces and comments, kinds: string, iri, var, number, name, other."""
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(unescape(query)) if m.lastgroup not in ("space", "comment")]


def keywords(query: str) -> list[str]:
    """Upper-cased keywords in order: no variables (?x), prefixed names (ex:Thing) or prefix labels (ex:)."""
    return [text.upper() for kind, text in tokens(query) if kind == "name" and ":" not in text]


def form(query: str) -> str:
    """The first keyword after the prologue: SELECT, ASK, CONSTRUCT, DESCRIBE, or an update word ("" if none)."""
    for word in keywords(query):
        if word not in ("PREFIX", "BASE"):
            return word
    return ""


def nesting(query: str) -> int:
    """How deeply the query nests: brackets of any kind, and runs of unary operators (!!!x, - - 1), which a
    recursive-descent parser also descends one level each."""
    depth = deepest = run = 0
    for kind, text in tokens(query):
        if kind == "other" and text in _UNARY:
            run += 1
        else:
            run = 0
            if kind == "other" and text in _OPEN:
                depth += 1
            elif kind == "other" and text in _CLOSE:
                depth = max(0, depth - 1)
        deepest = max(deepest, depth + run)
    return deepest


def shape(query: str) -> str:
    """The query with its constants and comments taken out and its variables renamed in order of appearance:
    two queries that differ only there have the same shape."""
    names: dict[str, str] = {}
    out = []
    for kind, text in tokens(query):
        if kind in ("string", "number"):
            out.append("?" if kind == "string" else "0")
        elif kind == "var":
            out.append(names.setdefault(text[1:], f"?v{len(names)}"))
        elif kind == "name" and ":" not in text:
            out.append(text.upper())
        else:
            out.append(text)
    return " ".join(out)
