"""Entity pages: every IRI under https://w3id.org/iac/id/ has a page at /id/..., with its label, facts,
"what links here" and evidence quotes; the same URL gives JSON, Turtle, JSON-LD or N-Triples by Accept or
format= (PAGE_TYPES). A document's page is the document view: its text with the evidence quotes
highlighted (the one asked for with ?start=&end= stands out)."""

from __future__ import annotations

import json
from itertools import pairwise
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ingest.vocab import IAC, ID, ONTOLOGY
from server import hubs
from server.errors import ApiError
from server.negotiate import HTML, JSON, JSONLD, NTRIPLES, TURTLE, offers
from server.sparql import about, run_query
from server.state import state

bp = Blueprint("entities", __name__)

RDF_TYPES = {TURTLE: "turtle", JSONLD: "jsonld", NTRIPLES: "ntriples"}  # media type -> format name of server/results.py
PAGE_TYPES = (HTML, JSON, *RDF_TYPES)
LABEL = (str(SKOS.prefLabel), str(RDFS.label), str(DCTERMS.title))


def _iri(rest: str) -> str:
    return f"{ID}{rest}"


def _node(iri: str) -> ox.NamedNode:
    """The IRI as a term for query text; one that is not a valid IRI (a space, <, ", >...) names nothing here."""
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise ApiError(
            404,
            f"<{iri}> is not a valid IRI ({exc}), so nothing in the graph is called that. "
            "Try the search box, or /queries/ for ready-made questions.",
        ) from exc


def _check_path() -> None:
    """400 for a URL path whose %-escapes are not UTF-8 (werkzeug would pass them on as U+FFFD). PATH_INFO
    holds the decoded bytes as latin-1 under waitress; REQUEST_URI, where the server sets it, the raw path."""
    raw = [request.environ.get("PATH_INFO", "").encode("latin-1", "replace")]
    if request.environ.get("REQUEST_URI"):
        raw.append(unquote_to_bytes(request.environ["REQUEST_URI"].split("?", 1)[0]))
    for path in raw:
        try:
            path.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(
                400,
                f"The path {request.path!r} is not UTF-8 once its %-escapes are decoded (byte {exc.start}); "
                "IRIs here are UTF-8, then percent-encoded.",
            ) from exc


def script_json(data) -> str:
    """JSON safe inside an HTML <script> element: <, >, & and the JavaScript line separators escaped, so that
    no text in it (</script>, <!--) can end the element or change how the browser reads it."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def describe(iri: str) -> dict:
    node = _node(iri).value
    facts = about("entity-facts", node)
    if not facts:
        raise ApiError(404, f"Nothing in the graph is called <{iri}>. Try the search box, or /queries/ for ready-made questions.")
    links, evidence = about("entity-links", node), about("entity-evidence", node)
    labels = [f["o"] for f in facts if f["p"] in LABEL]
    types = [f["o"] for f in facts if f["p"] == str(RDF.type)]
    return {
        "iri": iri,
        "label": labels[0] if labels else iri.rsplit("/", 1)[-1],
        "types": types,
        "facts": [f for f in facts if f["p"] != str(IAC.text)],
        "links": links,
        "evidence": evidence,
    }


def _schema_jsonld(entity: dict) -> str | None:
    """schema.org Event JSON-LD for activity pages, for search engines and other tools."""
    if str(IAC.Activity) not in entity["types"]:
        return None
    facts: dict[str, list[dict]] = {}
    for f in entity["facts"]:
        facts.setdefault(f["p"], []).append(f)

    def first(p):
        return facts.get(p, [{}])[0].get("o")

    doc = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": entity["iri"],
        "name": entity["label"],
        "startDate": first("https://schema.org/startDate"),
        "endDate": first("https://schema.org/endDate"),
    }
    place = facts.get("https://schema.org/location", [{}])[0]
    if place:
        doc["location"] = {"@type": "Place", "@id": place.get("o"), "name": place.get("label")}
    doc = {k: v for k, v in doc.items() if v}
    return script_json(doc)


@bp.route("/ontology/<name>")
@offers(*PAGE_TYPES)
def term(name: str, wants: str):
    """A class or property of the IAC ontology (https://w3id.org/iac/ontology#NAME)."""
    return _page(f"{ONTOLOGY}{name}", False, wants)


@bp.route("/id/<path:rest>")
@offers(*PAGE_TYPES)
def entity(rest: str, wants: str):
    return _page(_iri(rest), rest.startswith("doc/"), wants)


def _page(iri: str, is_document: bool, wants: str):
    _check_path()
    node = _node(iri)
    if wants in RDF_TYPES:
        from server.results import serialize

        result = run_query(f"CONSTRUCT {{ {node} ?p ?o }} WHERE {{ {node} ?p ?o }}")
        if not result.graph:
            raise ApiError(404, f"Nothing in the graph is called <{iri}>.")
        return Response(serialize(result, RDF_TYPES[wants]), mimetype=wants)
    data = describe(iri)
    kind = None if is_document else hubs.kind_of(iri)
    if kind is not None:  # a country, region, topic, place or kind of activity: its hub
        data["hub"] = hubs.hub(kind, iri, request.args.get("year"))
    if wants == JSON:
        return current_app.response_class(json.dumps(data, ensure_ascii=False), mimetype="application/json")
    if kind is not None:
        return hubs.render_hub(data["hub"], data)
    if is_document:
        return document_view(iri, data)
    return render_template("entities/entity.html", entity=data, schema_jsonld=_schema_jsonld(data))


def document_view(iri: str, data: dict):
    node = _node(iri).value
    text = about("document-text", node)[0]["text"]
    spans = sorted({(int(e["start"]), int(e["end"])) for e in about("document-spans", node)})
    try:
        focus = (int(request.args["start"]), int(request.args["end"])) if "start" in request.args else None
    except ValueError:
        focus = None
    return render_template("entities/document.html", entity=data, pieces=annotate(text, spans, focus, mentions(text)))


def mentions(text: str) -> list[tuple[int, int, str, str]]:
    """The entities the ingest pipeline recognises in the text: (start, end, kind, IRI or "")."""
    doc = state().models.nlp(text.replace("\n", " "))
    found = [(e.start_char, e.end_char, e.label_.lower(), e.ent_id_ if e.ent_id_.startswith(str(ID)) else "") for e in doc.ents]
    return found + [(s.start_char, s.end_char, "topic", s.label_) for s in doc.spans.get("topics", [])]


def annotate(
    text: str, evidence: list[tuple[int, int]], focus, found: list[tuple[int, int, str, str]]
) -> list[tuple[str, str | None, str | None, str]]:
    """The text cut where any highlight starts or ends: (piece, evidence kind: None/"evidence"/"focus",
    mention kind or None, the mention's IRI or ""). Overlapping mentions: the first one found wins."""
    cuts = sorted({0, len(text), *(p for s, e in evidence for p in (s, e)), *(p for s, e, _, _ in found for p in (s, e))})
    pieces = []
    for start, end in pairwise(cuts):
        mark = next(("focus" if focus == (s, e) else "evidence" for s, e in evidence if s <= start and end <= e), None)
        kind, iri = next(((k, i) for s, e, k, i in found if s <= start and end <= e), (None, ""))
        pieces.append((text[start:end], mark, kind, iri))
    return pieces
