"""Content negotiation, decided here for every view.

A view offers an ordered list of media types and gets back the one to answer with. `format=` (or `output=`,
which SPARQL clients send) wins over `Accept`; a format= value that is unknown, or that this URL does not
offer, gets 406 naming the value and what the URL offers. Without format=, werkzeug's `best_match` picks from
the q-weighted Accept header; no Accept header gets the first type offered.

format= takes a name from this table (other spellings: ttl and n3 for turtle, nt and n-triples for ntriples,
rdf and rdf+xml for rdfxml, json-ld for jsonld, sparql-json for srj, sparql-xml for srx, txt for text), or
a media type itself. A name that stands for several types gives the first of them that the URL offers, in
the URL's own order:

| format= | media type |
|---|---|
| html | text/html |
| json | the page's JSON twin: application/json; on /sparql, SPARQL JSON results or, for a graph, JSON-LD |
| jsonld | application/ld+json |
| turtle | text/turtle |
| ntriples | application/n-triples |
| rdfxml | application/rdf+xml |
| xml | application/sparql-results+xml, else application/rdf+xml |
| trig | application/trig |
| csv | text/csv |
| tsv | text/tab-separated-values |
| srj | application/sparql-results+json |
| srx | application/sparql-results+xml |
| text | text/plain |
"""

from __future__ import annotations

from functools import wraps

from flask import request
from werkzeug.exceptions import NotAcceptable

HTML = "text/html"
JSON = "application/json"
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"
TRIG = "application/trig"
CSV = "text/csv"
TSV = "text/tab-separated-values"
SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"
TEXT = "text/plain"

# format= name -> the media types it stands for
FORMATS = {
    "html": (HTML,),
    "json": (JSON, SRJ, JSONLD),
    "jsonld": (JSONLD,),
    "turtle": (TURTLE,),
    "ntriples": (NTRIPLES,),
    "rdfxml": (RDFXML,),
    "xml": (SRX, RDFXML, "application/xml", "text/xml"),
    "trig": (TRIG,),
    "csv": (CSV,),
    "tsv": (TSV,),
    "srj": (SRJ,),
    "srx": (SRX,),
    "text": (TEXT,),
}
SPELLINGS = {
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "json-ld": "jsonld",
    "sparql-json": "srj",
    "sparql-xml": "srx",
    "txt": "text",
}


def requested(values=None) -> str:
    """The format= (or output=) value, lower case; "" when there is none. values: where to look, by default the
    URL and a form body (the error handler looks in the URL only: the body may be what failed)."""
    values = request.values if values is None else values
    return (values.get("format") or values.get("output") or "").strip().lower()


def names(offered: list[str]) -> list[str]:
    """The format= names that give one of the offered types."""
    return [name for name, types in FORMATS.items() if any(t in offered for t in types)]


def from_format(offered: list[str], values=None) -> str | None:
    """The offered type that format= names; None without format=. 406 for a value this URL does not offer."""
    wanted = requested(values)
    if not wanted:
        return None
    types = (wanted,) if "/" in wanted else FORMATS.get(SPELLINGS.get(wanted, wanted), ())
    chosen = next((t for t in offered if t in types), None)
    if chosen is None:
        raise NotAcceptable(
            f"format={wanted} is not a format of {request.path}; it offers format= "
            f"{', '.join(names(offered))} (or Accept: {', '.join(offered)})."
        )
    return chosen


def from_accept(offered: list[str], default: str | None = None) -> str:
    """The offered type the Accept header prefers (the first offered without one); default, or 406 without
    a default, when it names none of them."""
    if not request.accept_mimetypes:
        return offered[0]
    best = request.accept_mimetypes.best_match(offered) or default
    if best is None:
        raise NotAcceptable(
            f"None of the Accept types ({request.headers.get('Accept')}) is a format of {request.path}; "
            f"ask for one of {', '.join(offered)}, or add format= ({', '.join(names(offered))})."
        )
    return best


def choose(offered: list[str], default: str | None = None, values=None) -> str:
    """The media type to answer with, of offered (in the view's order of preference): format= first, then Accept."""
    return from_format(offered, values) or from_accept(offered, default)


def offers(*types: str):
    """A view that answers in these media types (the first when Accept names none of them); the chosen one is
    passed to it as `wants`. The list stays on the view as `offers`, for tests and readers."""

    def decorate(view):
        @wraps(view)
        def negotiated(*args, **kwargs):
            return view(*args, wants=choose(list(types), default=types[0]), **kwargs)

        negotiated.offers = types
        return negotiated

    return decorate


def only(media_type: str):
    """A view that answers in one media type, whatever Accept says; format= naming another gets 406."""

    def decorate(view):
        @wraps(view)
        def negotiated(*args, **kwargs):
            choose([media_type], default=media_type)
            return view(*args, **kwargs)

        negotiated.offers = (media_type,)
        return negotiated

    return decorate
