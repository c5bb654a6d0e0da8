"""/sparql: the SPARQL 1.1 Protocol, read-only, with no outbound requests.

GET ?query=, POST form, or POST application/sparql-query; default-graph-uri and named-graph-uri select the
dataset (by default the union of all graphs). Results by q-weighted Accept, with format= as an override
(server/negotiate.py).
A GET without a query returns the service description (Turtle or JSON-LD), or a page for browsers.
"""

from __future__ import annotations

import functools
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.exceptions import NotAcceptable

from ingest.sparqltext import UPDATE_WORDS, form, nesting
from ingest.vocab import PREFIXES, prologue
from server import negotiate
from server.admission import Busy
from server.errors import ApiError
from server.pool import QueryFailed, QueryTimeout, Request
from server.results import GRAPH_FORMATS, Result, serialize
from server.state import state

bp = Blueprint("sparql", __name__)

# What /sparql answers a query in, by result kind, in order of preference (the first answers a request without
# Accept): media type -> format name of server/results.py. application/json and the plain XML types are aliases.
BINDINGS_TYPES = {
    negotiate.SRJ: "json",
    negotiate.SRX: "xml",
    negotiate.CSV: "csv",
    negotiate.TSV: "tsv",
    negotiate.JSON: "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {mimetype: name for name, mimetype in GRAPH_FORMATS.items()}


def check_query(query: str) -> None:
    """Refuse what a public, read-only endpoint must not run: updates (403), and queries nested deeper than
    IACKG_MAX_DEPTH (400), which would overflow the parser. SERVICE is not looked for here: the query
    workers have no network (server/sandbox.py), so the engine itself refuses it (see run_query)."""
    first = form(query)
    if first in UPDATE_WORDS:
        raise ApiError(403, f"This endpoint is read-only: {first} is a SPARQL update, and updates are refused. The data is unchanged.")
    limit = int(current_app.config["MAX_DEPTH"])
    depth = nesting(query)
    if depth > limit:
        raise ApiError(
            400,
            f"The query nests {depth} levels deep (brackets, or unary operators in a row); this endpoint "
            f"parses at most {limit} (IACKG_MAX_DEPTH). Flatten it.",
        )


def read_protocol() -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(query, default graphs, named graphs) from a SPARQL 1.1 Protocol request: at most one query, from the
    URL (GET), a form body or a direct application/sparql-query body, in UTF-8; the graphs from the URL or form."""
    if request.mimetype == "application/sparql-update" or "update" in request.values:  # values: query string and form
        raise ApiError(403, "This endpoint is read-only: SPARQL updates are refused. The data is unchanged.")
    queries = list(request.args.getlist("query"))
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype not in ("application/sparql-query", "application/x-www-form-urlencoded", "multipart/form-data"):
            raise ApiError(
                415,
                f"POST a query as application/sparql-query or as a form (application/x-www-form-urlencoded), not {mimetype or 'no content type'}.",
            )
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise ApiError(415, f"The body is declared as charset={charset}; the SPARQL protocol takes UTF-8 only. Send it as UTF-8.")
        if mimetype == "application/sparql-query":
            try:
                queries.append(request.get_data().decode("utf-8"))
            except UnicodeDecodeError as exc:
                raise ApiError(400, f"The query body is not valid UTF-8 (bad byte at offset {exc.start}); send it as UTF-8.") from exc
        else:
            queries += request.form.getlist("query")
            if not queries:
                raise ApiError(
                    400,
                    "The form has no query parameter. Send query=... (a SPARQL query); GET /sparql without one gives the service description.",
                )
    if len(queries) > 1:
        raise ApiError(
            400,
            f"The request carries {len(queries)} queries (query= given more than once, or a query both in the URL "
            "and in the body); send exactly one.",
        )
    query = queries[0] if queries else None
    defaults = tuple(request.values.getlist("default-graph-uri"))
    named = tuple(request.values.getlist("named-graph-uri"))
    for graph in defaults + named:
        _check_graph_iri(graph)
    if query is not None and not query.strip():
        raise ApiError(400, "The query parameter is empty.")
    return query, defaults, named


def _check_graph_iri(graph: str) -> None:
    import pyoxigraph as ox

    try:
        ox.NamedNode(graph)
    except ValueError as exc:
        raise ApiError(
            400,
            f"default-graph-uri or named-graph-uri {graph!r} is not an absolute IRI ({exc}); "
            "name a graph of this store, e.g. https://w3id.org/iac/id/doc/... (see the service description).",
        ) from exc


def _choices() -> dict[str, tuple[str, str] | NotAcceptable]:
    """The negotiated (format, MIME type) for each result kind, before the kind is known; a 406 to raise for a
    kind that nothing asked for fits."""
    choices: dict[str, tuple[str, str] | NotAcceptable] = {}
    for kind, table in (("bindings", BINDINGS_TYPES), ("graph", GRAPH_TYPES)):
        try:
            mimetype = negotiate.choose(list(table))
            choices[kind] = (table[mimetype], mimetype)
        except NotAcceptable as exc:
            choices[kind] = exc
    return choices


def respond(result: Result, choices: dict | None = None) -> Response:
    choices = choices or _choices()
    chosen = choices["graph" if result.kind == "graph" else "bindings"]
    if isinstance(chosen, NotAcceptable):
        raise chosen
    fmt, mimetype = chosen
    body = result.body if result.body is not None else serialize(result, fmt)
    response = Response(body, mimetype=mimetype)  # (werkzeug adds "; charset=utf-8" to a text/ type)
    response.headers["X-IACKG-Row-Limit"] = str(current_app.config["ROW_LIMIT"])
    if result.truncated:
        response.headers["X-IACKG-Truncated"] = "true"
        response.headers["Warning"] = f'199 iackg "results truncated to the first {result.limit} rows (IACKG_ROW_LIMIT)"'
    return response


PREFIX_PAIRS = tuple(PREFIXES.items())  # what a query may use undeclared (ingest.vocab.PREFIXES), as a Request holds it
INTERNAL = Path(__file__).resolve().parent / "rq"  # the server's own queries, one NAME.rq each


@functools.cache
def internal(name: str) -> str:
    """The server's own query server/rq/NAME.rq, with the prefix table's prologue."""
    return prologue() + (INTERNAL / f"{name}.rq").read_text(encoding="utf-8")


def about(name: str, iri: str) -> list[dict[str, str]]:
    """The rows of the server's own query NAME with ?node bound to the IRI, as a VALUES block that pyoxigraph
    writes (an IRI it cannot write names nothing: 404), never pasted into the text. (Not as a substitution:
    pyoxigraph binds only variables the query projects, and these group.)"""
    import pyoxigraph as ox

    from ingest.sparqltext import inline_values

    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise ApiError(404, f"<{iri}> is not an IRI this graph could hold; try the search box.") from exc
    return run_query(inline_values(internal(name), {"node": node})).values()


def run_query(query: str, defaults=(), named=(), substitutions=(), choices: dict | None = None) -> Result:
    """Check and run a query on the app's engine; failures become ApiErrors with the right status. With
    choices, the worker serialises the result in the negotiated format."""
    check_query(query)
    config = current_app.config

    def name(choice) -> str | None:  # (a format negotiated for the worker to serialise in, or None)
        return choice[0] if isinstance(choice, tuple) else None

    formats = (name(choices["bindings"]), name(choices["graph"])) if choices else (None, None)
    request_ = Request(
        query,
        tuple(defaults),
        tuple(named),
        tuple(substitutions),
        int(config["ROW_LIMIT"]),
        PREFIX_PAIRS,
        formats,
        base_iri=request.host_url + "sparql",
    )  # relative IRIs resolve against the endpoint
    try:
        return state().engine.run(request_, float(config["QUERY_TIMEOUT"]), client=request.remote_addr or "")
    except QueryTimeout as exc:
        raise ApiError(503, f"{exc} (IACKG_QUERY_TIMEOUT). Narrow the query or add a LIMIT.", {"Retry-After": "1"}) from exc
    except Busy as exc:
        raise ApiError(503, f"{exc}; try again in {exc.retry_after} s.", {"Retry-After": str(exc.retry_after)}) from exc
    except QueryFailed as exc:
        if exc.kind == "syntax":
            raise ApiError(400, f"SPARQL syntax error: {exc}") from exc
        if exc.kind == "outbound":
            from server.outbound import REFUSAL

            raise ApiError(400, REFUSAL) from exc
        if exc.kind == "memory":
            raise ApiError(503, f"{exc}. Narrow the query or add a LIMIT.", {"Retry-After": "5"}) from exc
        raise ApiError(500, f"The query failed: {exc}") from exc


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    query, defaults, named = read_protocol()
    if query is None:
        return service_description()
    choices = _choices()
    return respond(run_query(query, defaults, named, choices=choices), choices)


def service_description():
    """The service description as RDF, or a page for browsers, in one of description.MEDIA_TYPES."""
    from server.description import MEDIA_TYPES, describe

    rdflib_format, mimetype = MEDIA_TYPES[negotiate.choose(list(MEDIA_TYPES))]
    graph = describe(request.base_url)
    if rdflib_format is None:
        return Response(
            render_template("sparql/service.html", turtle=graph.serialize(format="turtle"), queries=state().saved.get()),
            mimetype="text/html",
        )
    response = Response(graph.serialize(format=rdflib_format, auto_compact=True), mimetype=mimetype)
    if mimetype.startswith("text/"):
        response.charset = "utf-8"
    return response
