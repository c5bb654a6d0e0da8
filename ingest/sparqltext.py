"""Reading a SPARQL text without parsing it: its keywords, how deeply it nests, and its shape.

Nothing here decides whether a query may make an outbound request: that is the engine's job (see
server/sandbox.py). These readings only help: the first keyword tells a query from an update, the nesting
depth keeps a worker's parser within its stack, the shape lets the server recognise a query it has seen run long.
SPARQL codepoint escapes (\\u0041, \\U00000041) are expanded first, as the grammar says, before any of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.errors import ParameterError

if TYPE_CHECKING:
    import pyoxigraph as ox

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""|\'\'\'(?:[^'\\]|\\[\s\S]|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>(?:[^\W\d][\w.-]*)?:(?:[\w:%\\-]|\.(?=[\w:]))*|[^\W\d][\w-]*)
  | (?P<other>[\s\S])
''',
    re.VERBOSE,
)
_OPEN, _CLOSE, _UNARY = frozenset("{(["), frozenset("})]"), frozenset("!-+^")


def unescape(query: str) -> str:
    """The query with its codepoint escapes expanded (a bad code point stays as written)."""

    def expand(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _CODEPOINT.sub(expand, query)


@dataclass(frozen=True)
class Reading:
    form: str  # the first keyword after the prologue: SELECT, ASK, CONSTRUCT, DESCRIBE, an update word, or ""
    depth: int  # how deeply the query nests: brackets of any kind, and runs of unary operators (!!!x, - - 1)
    shape: str  # the text without constants and comments, variables renamed in order of appearance


@lru_cache(maxsize=2048)
def read(query: str) -> Reading:
    """Form, nesting depth and shape of a query, in one pass over its tokens (remembered per text: a server
    reads the same saved queries again and again)."""
    first = ""
    depth = deepest = run = 0
    names: dict[str, str] = {}
    out = []
    for match in _TOKEN.finditer(unescape(query)):
        kind, text = match.lastgroup, match.group()
        if kind in ("space", "comment"):
            continue
        if kind == "other" and text in _UNARY:  # a recursive-descent parser descends one level for each
            run += 1
        else:
            run = 0
            if kind == "other" and text in _OPEN:
                depth += 1
            elif kind == "other" and text in _CLOSE:
                depth = max(0, depth - 1)
        deepest = max(deepest, depth + run)
        if kind in ("string", "number"):
            out.append("?" if kind == "string" else "0")
        elif kind == "var":
            out.append(names.setdefault(text[1:], f"?v{len(names)}"))
        elif kind == "name" and ":" not in text:
            word = text.upper()
            if not first and word not in ("PREFIX", "BASE"):
                first = word
            out.append(word)
        else:
            out.append(text)
    return Reading(first, deepest, " ".join(out))


def form(query: str) -> str:
    return read(query).form


def nesting(query: str) -> int:
    return read(query).depth


def shape(query: str) -> str:
    """Two queries that differ only in constants, comments and variable names have the same shape."""
    return read(query).shape


def inline_values(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """For remote endpoints, which take no bindings: a VALUES block, written from RDF terms (escaped by
    pyoxigraph), opening the query's top-level WHERE group. Saved queries put parameters there."""
    if not bindings:
        return text
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())
    return open_where(text, f"VALUES ({names}) {{ ({terms}) }}")


def open_where(text: str, block: str) -> str:
    """text with block (SPARQL) on a line of its own opening its top-level WHERE group, where saved queries take
    their parameters and questions narrow them."""
    match = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if match is None:
        raise ParameterError("a query with parameters needs a WHERE clause")
    return f"{text[: match.end()]}\n  {block}\n{text[match.end() :]}"
