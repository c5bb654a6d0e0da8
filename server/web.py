"""The pages people use: home (one box, what the graph holds, a timeline and a map), search results with
facets, answered questions with their map and SPARQL, and the SPARQL editor. Charts and maps are inline SVG
made here (server/atlas.py, the templates in hubs/): nothing is loaded from elsewhere. Every page has a JSON
twin (?format=json or Accept: application/json; server/negotiate.py)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, jsonify, render_template, request

from ingest.vocab import ID, prologue
from server.api import ask_answer, clean_query, search_answer
from server.negotiate import HTML, JSON, offers, only
from server.sparql import internal, run_query
from server.state import state

bp = Blueprint("web", __name__)

QUESTION = re.compile(r"^\s*(which|what|who|where|when|how|list|show|tell|is|are|did|does|do)\b|\?\s*$", re.IGNORECASE)
COUNTRY = f"{ID}country/"


def country_points(iris: set[str] | None = None) -> dict[str, dict]:
    """A point for each country in the map's frame (the mean of its places: capital and venues), for the home
    page's JSON twin."""
    from server.atlas import FRAME

    rows = run_query(internal("country-points")).values()
    west, east, south, north = FRAME
    points = {}
    for r in rows:
        lat, lon = float(r["la"]), float(r["lo"])
        if (iris is None or r["c"] in iris) and west <= lon <= east and south <= lat <= north:
            points[r["c"]] = {"iri": r["c"], "name": r["name"], "iso3": r["iso3"], "lat": round(lat, 3), "lon": round(lon, 3)}
    return points


def overview() -> dict:
    counts = run_query(internal("totals")).values()[0]
    per_country = run_query(internal("activities-per-country")).values()
    timeline = state().saved.get()["activities-timeline"]
    years: dict[str, dict[str, int]] = {}
    for row in run_query(timeline.text).values():
        years.setdefault(row["year"], {})[row["type"]] = int(row["activities"])
    points = country_points({r["c"] for r in per_country})
    for r in per_country:
        if r["c"] in points:
            points[r["c"]]["activities"] = int(r["n"])
    return {
        "activities": int(counts["activities"]),
        "documents": int(counts["documents"]),
        "countries": len(per_country),
        "timeline": years,
        "map": sorted(points.values(), key=lambda p: -p.get("activities", 0)),
    }


@bp.route("/")
@offers(HTML, JSON)
def home(wants: str):
    data = overview()
    if wants == JSON:
        return jsonify(data)
    return _home_page(data)


def _home_page(data: dict, empty: bool = False) -> str:
    from server.hubs import filled_years, map_data

    counts = {p["iri"]: {"own": p.get("activities", 0), "via": 0} for p in data["map"]}
    return render_template("web/home.html", data=data, years=filled_years(data["timeline"]), map=map_data(counts), empty=empty)


@bp.route("/search")
@offers(HTML, JSON)
def search(wants: str):
    raw = request.args.get("q")
    if wants == HTML and (raw is None or not raw.strip()):
        return _home_page(overview(), empty=True), 400
    query = clean_query(raw)
    asked = None
    if QUESTION.search(query) and not any(request.args.get(f) for f in ("country", "year", "type", "topic")):
        asked = ask_answer(query, request.args)
        if asked["template"] is not None:
            if wants == JSON:
                return jsonify(asked)
            titles = {a["iri"]: a["label"] for a in asked["activities"] or []}  # (activity IRI -> its title, for the evidence)
            titles |= {r["activity"]: r["title"] for r in asked["rows"] if r.get("activity") and r.get("title")}
            titles |= {e["activity"]: e["title"] for e in asked["evidence"] if e.get("title") and e["activity"] not in titles}
            return render_template(
                "web/answer.html",
                answer=asked,
                map=_answer_map(asked),
                titles=titles,
                editor=f"/editor?{urlencode({'query': asked['sparql']})}",
            )
    answer = asked["search"] if asked is not None else search_answer(query, request.args)
    if wants == JSON:
        return jsonify({**answer, "can_answer": asked["can_answer"]} if asked is not None else answer)
    base = {k: v for k, v in request.args.items() if k in ("q", "country", "year", "type", "topic")}  # (a facet starts at page 1)
    return render_template(
        "web/search.html", answer=answer, base=base, urlencode=urlencode, can_answer=asked["can_answer"] if asked is not None else None
    )


def _answer_map(answer: dict) -> dict | None:
    """The countries the answer's rows name (their IRIs or ISO codes) on the map, by their activities where the
    rows count them, those reached only through a region marked; None when none of them is on the map."""
    from server.hubs import map_data

    counts: dict[str, dict] = {}
    for row in answer["rows"]:
        named = {v for v in row.values() if v.startswith(COUNTRY)} | ({COUNTRY + row["iso3"]} if row.get("iso3") else set())
        number = row.get("activities", "1")
        for iri in named:
            count = counts.setdefault(iri, {"own": 0, "via": 0})
            count["via" if row.get("qualifies", "").startswith("through") else "own"] += int(number) if number.isdigit() else 1
    drawn = map_data(counts) if counts else None
    return drawn if drawn and any(s["count"] for s in drawn["shapes"]) else None


@bp.route("/editor")
@only(HTML)
def editor():
    from server.share import shared_query

    saved = [{"name": q.name, "title": q.title, "sparql": q.text} for q in state().saved.get().values()]
    initial, name = request.args.get("query"), "Query"
    if request.args.get("shared"):
        initial, name = shared_query(request.args["shared"]), "Shared query"
    config = {
        "endpoint": request.host_url.rstrip("/") + "/sparql",
        "complete": "/api/complete",
        "share": "/api/share",
        "map": "/api/map",
        "saved": saved,
        "initial": initial,
        "initialName": name,
        "defaultQuery": prologue() + "\nSELECT ?activity ?title ?start WHERE {\n  ?activity a iac:Workshop ; rdfs:label ?title ; "
        "schema:startDate ?start .\n}\nORDER BY DESC(STR(?start))\nLIMIT 20\n",
    }
    return render_template("web/editor.html", config=config, saved=saved)
