"""Entity pages: every IRI under https://w3id.org/iac/id/ has a page at /id/..., with its label, facts,
"what links here" and evidence quotes; the same URL gives Turtle, JSON-LD or N-Triples by Accept, and JSON
for Accept: application/json. A document's page is the document view: its text with the evidence quotes
highlighted (the one asked for with ?start=&end= stands out)."""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from ingest.vocab import ID
from server.errors import ApiError
from server.sparql import run_query

bp = Blueprint("entities", __name__)

RDF_TYPES = {"text/turtle": ("turtle", "text/turtle"), "application/ld+json": ("jsonld", "application/ld+json"),
             "application/n-triples": ("ntriples", "application/n-triples")}
LABEL = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label", "http://purl.org/dc/terms/title")


def _iri(rest: str) -> str:
    return f"{ID}{rest}"


def _rows(query: str) -> list[dict[str, str]]:
    return run_query(query).values()


def describe(iri: str) -> dict:
    node = str(ox.NamedNode(iri))
    facts = _rows(f"SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE {{ {node} ?p ?o OPTIONAL {{ ?o <{LABEL[0]}>|<{LABEL[1]}> ?l }} }} "
                  "GROUP BY ?p ?o ORDER BY ?p ?o")
    if not facts:
        raise ApiError(404, f"Nothing in the graph is called <{iri}>. Try the search box, or /queries/ for ready-made questions.")
    links = _rows(f"SELECT ?s ?p (SAMPLE(?l) AS ?label) WHERE {{ ?s ?p {node} FILTER(!STRSTARTS(STR(?s), \"{ID}evidence/\")) "
                  f"OPTIONAL {{ ?s <{LABEL[0]}>|<{LABEL[1]}> ?l }} }} GROUP BY ?s ?p ORDER BY ?p ?s LIMIT 300")
    evidence = _rows(f"""PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX iac: <https://w3id.org/iac/ontology#>
        SELECT ?quote ?source ?start ?end WHERE {{ {node} iac:evidence ?e . ?e oa:hasTarget ?t . ?t oa:hasSource ?source ;
        oa:hasSelector ?q, ?pos . ?q oa:exact ?quote . ?pos oa:start ?start ; oa:end ?end }} ORDER BY ?source ?start""")
    labels = [f["o"] for f in facts if f["p"] in LABEL]
    types = [f["o"] for f in facts if f["p"] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"]
    return {"iri": iri, "label": labels[0] if labels else iri.rsplit("/", 1)[-1], "types": types,
            "facts": [f for f in facts if f["p"] != "https://w3id.org/iac/ontology#text"], "links": links, "evidence": evidence}


def _schema_jsonld(entity: dict) -> str | None:
    """schema.org Event JSON-LD for activity pages, for search engines and other tools."""
    if "https://w3id.org/iac/ontology#Activity" not in entity["types"]:
        return None
    facts = {}
    for f in entity["facts"]:
        facts.setdefault(f["p"], []).append(f)
    first = lambda p: facts.get(p, [{}])[0].get("o")
    doc = {"@context": "https://schema.org", "@type": "Event", "@id": entity["iri"], "name": entity["label"],
           "startDate": first("https://schema.org/startDate"), "endDate": first("https://schema.org/endDate")}
    place = facts.get("https://schema.org/location", [{}])[0]
    if place:
        doc["location"] = {"@type": "Place", "@id": place.get("o"), "name": place.get("label")}
    doc = {k: v for k, v in doc.items() if v}
    return json.dumps(doc, ensure_ascii=False).replace("</", "<\\/")


@bp.route("/id/<path:rest>")
def entity(rest: str):
    iri = _iri(rest)
    offered = ["text/html", "application/json", *RDF_TYPES]
    best = request.accept_mimetypes.best_match(offered, default="text/html") if request.accept_mimetypes else "text/html"
    wanted = request.args.get("format")
    if wanted in ("turtle", "jsonld", "ntriples"):
        best = next(m for m, (name, _) in RDF_TYPES.items() if name == wanted)
    if best in RDF_TYPES:
        from server.results import serialize

        result = run_query(f"CONSTRUCT {{ {ox.NamedNode(iri)} ?p ?o }} WHERE {{ {ox.NamedNode(iri)} ?p ?o }}")
        if not result.graph:
            raise ApiError(404, f"Nothing in the graph is called <{iri}>.")
        fmt, mimetype = RDF_TYPES[best]
        return Response(serialize(result, fmt), mimetype=mimetype)
    data = describe(iri)
    if best == "application/json" or wanted == "json":
        return current_app.response_class(json.dumps(data, ensure_ascii=False), mimetype="application/json")
    if rest.startswith("doc/"):
        return document_view(iri, data)
    return render_template("entities/entity.html", entity=data, schema_jsonld=_schema_jsonld(data))


def document_view(iri: str, data: dict):
    text = _rows(f"SELECT ?text WHERE {{ {ox.NamedNode(iri)} <https://w3id.org/iac/ontology#text> ?text }}")[0]["text"]
    spans = sorted({(int(e["start"]), int(e["end"])) for e in _rows(f"""PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?start ?end WHERE {{ ?t oa:hasSource {ox.NamedNode(iri)} ; oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }}""")})
    try:
        focus = (int(request.args["start"]), int(request.args["end"])) if "start" in request.args else None
    except ValueError:
        focus = None
    pieces, pos = [], 0  # (text, kind): kind None, "evidence" or "focus"
    for start, end in spans:
        if start < pos:
            continue
        pieces.append((text[pos:start], None))
        pieces.append((text[start:end], "focus" if focus == (start, end) else "evidence"))
        pos = end
    pieces.append((text[pos:], None))
    return render_template("entities/document.html", entity=data, pieces=pieces)
