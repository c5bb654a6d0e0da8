"""Stage 1, read, for .html: the page's content blocks become Document text and segments (see ingest.read)."""

from __future__ import annotations

from ingest.read import Segment

_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote", "pre", "figcaption", "div", "section", "article", "td", "th", "caption")
_CHROME = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "button", "template", "svg", "iframe", "menu")


def html_segments(raw: str) -> tuple[str, list[Segment]]:
    """Content blocks of the page, in order; navigation chrome (nav, header, footer, aside, scripts) is dropped.
    Linear in the size of the page, however deeply its elements nest (no recursion, no rescans of subtrees)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup.find_all(_CHROME):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ("navigation", "banner", "contentinfo")}):
        tag.decompose()
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    group = 0
    last_parent = None
    body = soup.body or soup
    blocks = body.find_all(_BLOCKS)
    outer = _with_block_inside(blocks)
    in_row: dict[int, bool] = {}
    has_h1 = soup.find("h1") is not None
    seen_title = False
    for el in blocks:
        if el.name in ("td", "th") and _inside(el, "tr", in_row):
            continue
        if id(el) in outer and el.name != "tr":
            continue
        if el.name == "tr":
            cell_texts = [" ".join(c.get_text(" ").split()) for c in el.find_all(("td", "th"))]
            block = " | ".join(cell_texts)
        else:
            block = " ".join(el.get_text(" ").split())
        if not block:
            continue
        start = pos + (2 if parts else 0)
        parts.append(block)
        pos = start + len(block)
        if el.name in ("li", "tr"):
            if el.parent is not last_parent:
                group += 1
            last_parent = el.parent
        else:
            last_parent = None
        if el.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            kind = "title" if not seen_title and (el.name == "h1" or not has_h1) else "heading"
            seen_title = seen_title or kind == "title"
        elif el.name == "li":
            kind = "list-item"
        elif el.name == "tr":
            kind = "table-header" if el.find("th") is not None and el.find("td") is None else "table-row"
        else:
            kind = "paragraph"
        cells: tuple[tuple[int, int], ...] = ()
        if el.name == "tr":
            spans, cpos = [], start
            for cell in cell_texts:
                spans.append((cpos, cpos + len(cell)))
                cpos += len(cell) + 3
            cells = tuple(spans)
        segments.append(Segment(kind, start, pos, cells, group if kind in ("list-item", "table-row", "table-header") else -1))
    return "\n\n".join(parts), segments


def _with_block_inside(blocks) -> set[int]:
    """ids of the elements that have one of blocks below them. Each ancestor is marked once, and the walk up
    stops at the first one already marked: linear in the number of elements."""
    marked: set[int] = set()
    for el in blocks:
        parent = el.parent
        while parent is not None and id(parent) not in marked:
            marked.add(id(parent))
            parent = parent.parent
    return marked


def _inside(el, name: str, memo: dict[int, bool]) -> bool:
    """Whether el has an ancestor called name. memo[id(tag)] says whether tag is called name or has such an
    ancestor; it is filled for every element on the way up, so that each is visited once."""
    path, tag, found = [], el.parent, False
    while tag is not None:
        if id(tag) in memo:
            found = memo[id(tag)]
            break
        if tag.name == name:
            found = True
            break
        path.append(tag)
        tag = tag.parent
    for seen in path:
        memo[id(seen)] = found
    return found
