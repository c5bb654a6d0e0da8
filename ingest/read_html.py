"""Stage 1, read, for .html: the page's content blocks become Document text and segments (see ingest.read)."""

from __future__ import annotations

import re

from ingest.read import TAGS_LINE, Segment, pad_cells

_BLOCKS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "tr",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figcaption",
    "div",
    "section",
    "article",
    "td",
    "th",
    "caption",
)
_CHROME = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "button", "template", "svg", "iframe", "menu")


def html_segments(raw: str) -> tuple[str, list[Segment], str, str]:
    """Content blocks of the page, in order, the language it declares ("" when none; see _declared) and its
    <title> ("" when none: its date may be the only one the page gives, as in a newsletter's issue).
    Navigation chrome (nav, header, footer, aside, scripts) is dropped. Text lying loose next to blocks
    (`<div><h2>…</h2>Some text<p>…</p></div>`) is a paragraph of its own. Linear in the size of the page,
    however deeply its elements nest (no recursion, no rescans of subtrees)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    declared = _declared(soup)
    head_title = " ".join(soup.title.get_text(" ").split()) if soup.title is not None else ""
    for tag in soup.find_all(_CHROME):
        tag.decompose()
    for tag in soup.find_all(role=("navigation", "banner", "contentinfo")):
        tag.decompose()
    for tag in soup.find_all(class_=_TAGS_CLASS):  # <ul class="tags"><li>Dniester</li>…: one "Tags: …" line
        words = [" ".join(t.get_text(" ").split()) for t in tag.find_all(("li", "a"))] or [" ".join(tag.get_text(" ").split())]
        line = " · ".join(w for w in words if w)
        tag.name, tag.attrs = "p", {}
        tag.string = line if TAGS_LINE.match(line) else f"Tags: {line}"
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    group = width = 0  # width: the cells of the current table's header
    last_parent = None
    body = soup.body or soup
    outer = _with_block_inside(body.find_all(_BLOCKS))
    has_h1 = soup.find("h1") is not None
    seen_title = False
    after_dt = False  # the block read last was a <dt>
    for el in _content(body, outer):
        if isinstance(el, list):  # loose text and inline elements between blocks
            block = _loose_text(el)
        elif el.name == "tr":
            cell_texts = [" ".join(c.get_text(" ").split()) for c in el.find_all(("td", "th"))]
            block = " | ".join(cell_texts)
        else:
            block = " ".join(el.get_text(" ").split())
        if not block:
            continue
        name = None if isinstance(el, list) else el.name
        if name == "dd" and after_dt:  # <dt>Donor</dt><dd>Germany</dd>: one line, "Donor: Germany"
            key, prev = parts.pop(), segments.pop()
            block = f"{key.rstrip(' :')}: {block}"
            parts.append(block)
            pos = prev.start + len(block)
            segments.append(Segment("metadata", prev.start, pos))
            after_dt = False
            continue
        after_dt = name == "dt"
        if name in ("p", "div") and (lines := _key_lines(el)):  # "Dates: …<br>Venue: …": a line each
            for line in lines:
                start = pos + (2 if parts else 0)
                parts.append(line)
                pos = start + len(line)
                segments.append(Segment("metadata", start, pos))
            last_parent = None
            continue
        start = pos + (2 if parts else 0)
        parts.append(block)
        pos = start + len(block)
        if name in ("li", "tr"):
            parent = el.parent  # the rows of a table with <thead> and <tbody> are one group, under one header
            parent = parent.parent if name == "tr" and parent.name in ("thead", "tbody", "tfoot") and parent.parent else parent
            if parent is not last_parent:
                group += 1
            last_parent = parent
        else:
            last_parent = None
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            kind = "title" if not seen_title and (name == "h1" or not has_h1) else "heading"
            seen_title = seen_title or kind == "title"
        elif name == "li":
            kind = "list-item"
        elif name == "tr":
            kind = "table-header" if el.find("th") is not None and el.find("td") is None else "table-row"
        else:
            kind = "paragraph"
        cells: tuple[tuple[int, int], ...] = ()
        if name == "tr":
            spans, cpos = [], start
            for cell in cell_texts:
                spans.append((cpos, cpos + len(cell)))
                cpos += len(cell) + 3
            cells = tuple(spans)
        segment = Segment(kind, start, pos, cells, group if kind in ("list-item", "table-row", "table-header") else -1)
        if kind == "table-row" and segments and segments[-1].group == group and segments[-1].kind.startswith("table"):
            segment = pad_cells(segment, width)
        elif kind.startswith("table"):
            width = len(cells)
        segments.append(segment)
    return "\n\n".join(parts), segments, declared, head_title


_TAGS_CLASS = re.compile(r"(?:^|[-_])(?:tags?|keywords)$", re.IGNORECASE)  # "tags", "article-tags", "post_tags"
_KEY = re.compile(r"^[^\W\d][\w ()/'’-]{1,30}:\s*\S")  # "Dates: 11 October 2016", "Место проведения: Тбилиси"


def _key_lines(el) -> list[str]:
    """The lines of a block split by <br>, when most of them read "Key: value"; [] otherwise."""
    if el.find("br") is None:
        return []
    lines: list[list[str]] = []
    current: list[str] = []
    for node in el.descendants:
        if getattr(node, "name", None) == "br":
            lines.append(current)
            current = []
        elif isinstance(node, str):
            current.append(node)
    lines.append(current)
    texts = [" ".join("".join(parts).split()) for parts in lines]
    texts = [t for t in texts if t]
    keyed = sum(1 for t in texts if _KEY.match(t))
    return texts if len(texts) >= 2 and keyed >= 2 and keyed * 2 > len(texts) else []


def _declared(soup) -> str:
    """The language tag the page declares, as written ("fr-FR", "ru_RU"): <html lang> (or xml:lang), else
    <meta http-equiv="content-language">, else <meta property="og:locale"> (or name=); "" when none."""
    html = soup.find("html")
    for value in (html.get("lang"), html.get("xml:lang")) if html is not None else ():
        if isinstance(value, str) and value.strip():
            return value.strip()
    og_locale = re.compile("^og:locale$", re.I)
    for attrs in ({"http-equiv": re.compile("^content-language$", re.I)}, {"property": og_locale}, {"name": og_locale}):
        meta = soup.find("meta", attrs=attrs)
        if meta is not None and isinstance(meta.get("content"), str) and meta["content"].strip():
            return meta["content"].split(",")[0].strip()
    return ""


def _content(root, outer: set[int]):
    """What root holds, in document order: elements read whole (blocks), and lists of the strings and inline
    elements that lie loose between blocks (read as one paragraph each). An element with a block inside is
    not read whole, its children are; a table row is, cells and all. Iterative: a stack of child iterators."""
    from bs4 import CData, NavigableString, Tag

    stack = [iter(root.children)]
    run: list = []
    while stack:
        node = next(stack[-1], None)
        if node is not None and not isinstance(node, Tag):
            if type(node) in (NavigableString, CData):  # not comments, doctypes or processing instructions
                run.append(node)
            continue
        if node is not None and node.name in ("head", "title"):  # a page without <body>: its <head> is no content
            continue
        if node is not None and node.name not in _BLOCKS and id(node) not in outer:
            run.append(node)  # an inline element: <a>, <b>, <span> ...
            continue
        if run:
            yield run
            run = []
        if node is None:
            stack.pop()
        elif node.name == "tr" or id(node) not in outer:
            yield node
        else:
            stack.append(iter(node.children))


def _loose_text(run: list) -> str:
    """The text of a run of loose strings and inline elements; none when all of it is link text (a "Skip to
    main content" link before the page's blocks is navigation, not content)."""
    from bs4 import Tag

    text = " ".join(node.get_text(" ") if isinstance(node, Tag) else str(node) for node in run)
    links = [a for node in run if isinstance(node, Tag) for a in ([node] if node.name == "a" else node.find_all("a"))]
    if len("".join(text.split())) <= sum(len("".join(a.get_text().split())) for a in links):
        return ""
    return " ".join(text.split())


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
