"""Hub pages: one for every country, region, topic, kind of activity, place and year. A hub says what the thing
is (its names in English, Russian and French, its codes, its Wikidata entry), shows its activities over time (a
country's own and those it had through a region it belongs to, marked as such; a region's own and its members'),
on a timeline with every year in range and on the map, with the topics, partners and documents around them, each
activity with its evidence once. Every such thing named on a hub links to its own hub, and the SPARQL behind the
hub is one click away. The same URL gives JSON (the hub's data) and RDF as every entity page does."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request

from ingest.vocab import ID, ONTOLOGY
from server import atlas
from server.negotiate import HTML, JSON, offers, only
from server.sparql import about, internal, run_query

bp = Blueprint("hubs", __name__)

KINDS = {"country/": "country", "region/": "region", "topic/": "topic", "place/": "place"}
SHOWN = 25  # activities listed before "show all"


def kind_of(iri: str) -> str | None:
    """Which kind of hub an IRI has: country, region, topic, place, type (a kind of activity), or None."""
    if iri.startswith(ID):
        rest = iri[len(ID) :]
        return next((kind for prefix, kind in KINDS.items() if rest.startswith(prefix)), None)
    if iri.startswith(ONTOLOGY) and iri[len(ONTOLOGY) :] in activity_types():
        return "type"
    return None


def most_specific(kinds: list[str]) -> str:
    """Of an activity's classes (IRIs), the local name of the one no other is a subclass of ("Project", not
    "Activity"; "TableTopExercise", not "Exercise")."""
    parents = type_parents()
    names = [k.rsplit("#", 1)[-1] for k in kinds]
    broader = {p for n in names for p in parents.get(n, ())}
    return next((n for n in sorted(names) if n not in broader), names[0] if names else "Activity")


def type_parents() -> dict[str, set[str]]:
    """Each kind of activity's broader kinds (local names), all the way up."""
    rows = run_query(internal("activity-kind-parents")).values()
    out: dict[str, set[str]] = {}
    for r in rows:
        if r["c"].startswith(ONTOLOGY) and r["p"].startswith(ONTOLOGY):
            out.setdefault(r["c"][len(ONTOLOGY) :], set()).add(r["p"][len(ONTOLOGY) :])
    return out


def activity_types() -> dict[str, str]:
    """The kinds of activity (local name -> label): iac:Activity and its subclasses."""
    rows = run_query(internal("activity-kinds")).values()
    return {r["c"][len(ONTOLOGY) :]: r["l"] for r in rows if r["c"].startswith(ONTOLOGY)}


_VIA_NAME = '. ?via skos:prefLabel ?viaName FILTER(LANGMATCHES(LANG(?viaName), "en"))'


def selection(kind: str, iri: str) -> str:
    """The graph pattern that binds ?activity to the hub's activities, and ?via to the region (or member country)
    through which it has them, unbound for its own."""
    node = f"<{iri}>"
    if kind == "country":
        return (
            f"{{ ?activity iac:beneficiary {node} }} UNION "
            f"{{ ?activity iac:beneficiary ?via . ?via iac:member {node} {_VIA_NAME} FILTER NOT EXISTS {{ ?activity iac:beneficiary {node} }} }}"
        )
    if kind == "region":
        return (
            f"{{ ?activity iac:beneficiary {node} }} UNION "
            f"{{ ?activity iac:beneficiary ?via . {node} iac:member ?via {_VIA_NAME} FILTER NOT EXISTS {{ ?activity iac:beneficiary {node} }} }}"
        )
    if kind == "topic":
        return f"?activity iac:topic|iac:workingArea {node} ."
    if kind == "place":
        return f"?activity schema:location {node} ."
    if kind == "type":
        return f"?activity a/rdfs:subClassOf* {node} ."
    if kind == "year":
        year = int(iri)
        return f'?activity a iac:Activity ; schema:startDate ?when FILTER(SUBSTR(STR(?when), 1, 4) = "{year:04d}")'
    raise ValueError(kind)


def selected(name: str, kind: str, iri: str) -> str:
    """The hub query server/rq/NAME.rq with its SELECTION line replaced by the hub's choice of activities."""
    text = internal(name)
    if "  # SELECTION\n" not in text:
        raise ValueError(f"server/rq/{name}.rq has no '  # SELECTION' line for a hub's activities")
    return text.replace("  # SELECTION\n", f"  {selection(kind, iri)}\n")


def activities_query(kind: str, iri: str) -> str:
    """The SPARQL behind a hub: its activities with their kind, dates, venue and the region they came through."""
    return selected("hub-activities", kind, iri)


def _around(kind: str, iri: str) -> list[dict[str, str]]:
    """The topics, partners, donors and beneficiaries of the hub's activities, with their English labels."""
    return run_query(selected("hub-around", kind, iri)).values()


def _evidence(kind: str, iri: str) -> list[dict[str, str]]:
    return run_query(selected("hub-evidence", kind, iri)).values()


def _names(iri: str) -> dict:
    """What the thing is: its names by language, codes, Wikidata entry, and its regions or members."""
    rows = about("hub-names", iri)
    rank = {"prefLabel": 0, "label": 1, "altLabel": 2}
    rows.sort(key=lambda r: rank.get(r["p"].rsplit("#", 1)[-1], 3))
    regions = about("hub-regions", iri)
    names: dict[str, list[str]] = {}
    out: dict = {
        "codes": {},
        "wikidata": None,
        "members": [],
        "regions": [{"iri": r["r"], "label": r["label"]} for r in regions],
        "comment": None,
        "country": None,
        "broader": [],
    }
    for r in rows:
        p, o = r["p"], r["o"]
        local = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if local in ("prefLabel", "altLabel", "label"):
            lang = r["lang"][:2] or "en"
            names.setdefault(lang, [])
            if o.lower() not in (n.lower() for n in names[lang]):
                names[lang].append(o)
        elif local in ("iso3", "iso2", "m49"):
            out["codes"][local] = o
        elif local == "sameAs" and o.startswith("http://www.wikidata.org/"):
            out["wikidata"] = o
        elif local == "member":
            out["members"].append({"iri": o, "label": r["label"] or o.rsplit("/", 1)[-1]})
        elif local == "comment":
            out["comment"] = o
        elif local == "country":
            out["country"] = {"iri": o, "label": r["label"] or o.rsplit("/", 1)[-1]}
        elif local == "subClassOf" and o.startswith(ONTOLOGY):
            out["broader"].append({"iri": o, "label": r["label"] or o[len(ONTOLOGY) :]})
    out["names"] = names
    out["members"].sort(key=lambda m: m["label"])
    return out


def hub(kind: str, iri: str, year: str | None = None) -> dict:
    """Everything a hub page shows, as plain data (its JSON twin)."""
    types = activity_types()
    rows = run_query(activities_query(kind, iri)).values()
    around = _around(kind, iri)
    quotes = _evidence(kind, iri)
    first_quote: dict[str, dict] = {}
    documents: dict[str, dict] = {}
    for q in quotes:
        first_quote.setdefault(q["activity"], {"quote": q["quote"], "source": q["source"], "start": q["start"], "end": q["end"]})
        doc = documents.setdefault(
            q["source"], {"iri": q["source"], "title": q["sourceTitle"] or q["source"].rsplit("/", 1)[-1], "activities": set()}
        )
        doc["activities"].add(q["activity"])
    topics: dict[str, dict] = {}
    partners: dict[str, dict] = {}
    beneficiaries: dict[str, list[str]] = {}
    by_activity: dict[str, list[dict]] = {}
    for r in around:
        rel = r["rel"].rsplit("#", 1)[-1]
        label = r["label"] or r["o"].rsplit("/", 1)[-1]
        if rel in ("topic", "workingArea"):
            t = topics.setdefault(r["o"], {"iri": r["o"], "label": label, "activities": set()})
            t["activities"].add(r["activity"])
            by_activity.setdefault(r["activity"], []).append({"iri": r["o"], "label": label})
        elif rel in ("partner", "donor"):
            p = partners.setdefault(r["o"], {"iri": r["o"], "label": label, "role": rel, "activities": set()})
            p["activities"].add(r["activity"])
        elif rel == "beneficiary":
            beneficiaries.setdefault(r["activity"], []).append(r["o"])
    activities = []
    for r in rows:
        type_name = most_specific(r["types"].split())
        activities.append(
            {
                "iri": r["activity"],
                "title": r["title"],
                "type": type_name,
                "type_label": types.get(type_name, type_name),
                "start": r["start"],
                "end": r["end"] if r["end"] != r["start"] else "",
                "year": r["start"][:4] if r["start"] else "",
                "place": {"iri": r["place"], "label": r["placeName"]} if r["place"] else None,
                "through": {"iri": r["through"], "label": r["throughName"] or r["through"].rsplit("/", 1)[-1]} if r["through"] else None,
                "topics": sorted({t["iri"]: t for t in by_activity.get(r["activity"], [])}.values(), key=lambda t: t["label"]),
                "evidence": first_quote.get(r["activity"]),
            }
        )
    counts = [_counted(t) for t in topics.values()]
    if kind == "topic":
        counts = [t for t in counts if t["iri"] != iri]
    data = {
        "iri": iri,
        "kind": kind,
        **(_names(iri) if kind != "year" else {"names": {"en": [iri]}}),
        "activities": activities,
        "total": len(activities),
        "direct": sum(a["through"] is None for a in activities),
        "timeline": timeline(activities, kind),
        "topics": sorted(counts, key=lambda t: (-t["count"], t["label"]))[:12],
        "partners": sorted((_counted(p) for p in partners.values()), key=lambda p: (-p["count"], p["label"]))[:12],
        "documents": sorted((_counted(d) for d in documents.values()), key=lambda d: (-d["count"], d["title"])),
        "sparql": activities_query(kind, iri),
        "countries": country_counts(activities, beneficiaries),
    }
    if kind == "type":
        data["label"] = types.get(iri[len(ONTOLOGY) :], iri)
    elif kind == "year":
        data["label"] = iri
    else:
        data["label"] = (data["names"].get("en") or next(iter(data["names"].values()), [iri.rsplit("/", 1)[-1]]))[0]
    if year:
        data["shown_year"] = year
        data["activities"] = [a for a in activities if a["year"] == year]
    return data


def _counted(item: dict) -> dict:
    """The item with the number of its activities in place of their set."""
    return {**{k: v for k, v in item.items() if k != "activities"}, "count": len(item["activities"])}


THROUGH = {"country": "Through a region", "region": "For a member country"}  # the timeline's series of the others


def timeline(activities: list[dict], kind: str = "") -> dict:
    """Activities per year by kind, every year from the first to the last (empty ones too), and the kinds; on a
    country's or region's hub, those it had through a region (or that its members had) are one series of their
    own, last."""
    years: dict[str, dict[str, int]] = {}
    for a in activities:
        if a["year"]:
            counts = years.setdefault(a["year"], {})
            series = THROUGH[kind] if a["through"] and kind in THROUGH else a["type_label"]
            counts[series] = counts.get(series, 0) + 1
    out = filled_years(years)
    if kind in THROUGH and THROUGH[kind] in out["types"]:
        out["types"] = [t for t in out["types"] if t != THROUGH[kind]] + [THROUGH[kind]]
        out["through"] = THROUGH[kind]
    return out


def filled_years(years: dict[str, dict[str, int]]) -> dict:
    """A timeline ({year: {kind: count}}) with every year from the first to the last, empty ones too."""
    numbers = sorted(int(y) for y in years if y.isdigit())
    if not numbers:
        return {"years": [], "types": [], "top": 0}
    table = {y: dict(years.get(str(y), {})) for y in range(numbers[0], numbers[-1] + 1)}
    kinds = sorted({k for counts in table.values() for k in counts})
    return {
        "years": [{"year": y, "counts": counts, "total": sum(counts.values())} for y, counts in table.items()],
        "types": kinds,
        "top": max(sum(c.values()) for c in table.values()) or 1,
    }


def country_counts(activities: list[dict], beneficiaries: dict[str, list[str]]) -> dict[str, dict]:
    """For the map: each country's number of the hub's activities, as a beneficiary itself or through a region."""
    members = region_members()
    out: dict[str, dict] = {}
    for a in activities:
        for b in beneficiaries.get(a["iri"], []):
            if "/country/" in b:
                out.setdefault(b, {"own": 0, "via": 0})["own"] += 1
            for c in members.get(b, ()):
                out.setdefault(c, {"own": 0, "via": 0})["via"] += 1
    return out


def region_members() -> dict[str, list[str]]:
    rows = run_query(internal("region-members")).values()
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["r"], []).append(r["c"])
    return out


def map_data(counts: dict[str, dict], focus: str | None = None) -> dict:
    """The map of the countries' counts (own activities, or through a region when they have none of their own)."""
    rows = run_query(internal("map-countries")).values()
    countries, numbers, marked = {}, {}, set()
    for r in rows:
        key = r["m49"] or f"name:{r['name']}"
        countries[key] = {"iri": r["c"], "iso3": r["iso3"], "name": r["name"]}
        c = counts.get(r["c"])
        if c:
            numbers[key] = c["own"] + c["via"]
            if not c["own"]:
                marked.add(key)
    drawn = atlas.draw(countries, numbers, frozenset(marked))
    drawn["regions"] = region_outlines(drawn["shapes"])
    drawn["focus"] = next((s["key"] for s in drawn["shapes"] if s["iri"] == focus), None) if focus else None
    return drawn


REGION_MOST = 8  # a region of more members (EECCA) is a group of the others, not drawn as one


def region_outlines(shapes: list[dict]) -> list[dict]:
    """The Programme's regions as groups on the map: each region's member countries, outlined in its colour."""
    by_iri = {s["iri"]: s for s in shapes if s["iri"]}
    rows = run_query(internal("map-regions")).values()
    out: list[dict] = []
    for r in rows:
        members = r["members"].split()
        if len(members) <= REGION_MOST:  # (its members' shapes, by their keys: the map draws them once)
            out.append({"iri": r["r"], "label": r["label"], "n": len(out), "members": [by_iri[m]["key"] for m in members if m in by_iri]})
    return out


@bp.route("/api/map", methods=["POST"])
@only(HTML)
def map_fragment():
    """The map of the countries a query's results name ({"counts": {country IRI: number}}), as an HTML fragment
    for the editor's Map view."""
    from server.errors import ApiError

    body = request.get_json(silent=True)
    counts = body.get("counts") if isinstance(body, dict) else None
    if not isinstance(counts, dict) or not all(isinstance(v, (int, float)) for v in counts.values()):
        raise ApiError(400, 'Send {"counts": {"https://w3id.org/iac/id/country/KAZ": 3, ...}} as JSON.')
    drawn = map_data({iri: {"own": int(n), "via": 0} for iri, n in counts.items() if isinstance(iri, str)})
    return render_template("hubs/map.html", map=drawn)


@bp.route("/year/<int:year>")
@offers(HTML, JSON)
def year_hub(year: int, wants: str):
    """The activities that began in a year."""
    if not 1900 <= year <= 2100:
        abort(404)
    data = hub("year", str(year))
    if not data["activities"]:
        data["empty"] = True
    if wants == JSON:
        return jsonify(data)
    return render_hub(data)


def render_hub(data: dict, entity: dict | None = None) -> str:
    """The hub page; entity: the thing's facts (entities.describe), for its "all facts" section."""
    from urllib.parse import urlencode

    return render_template(
        "hubs/hub.html",
        hub=data,
        entity=entity,
        map=map_data(data["countries"], data["iri"]),
        shown=SHOWN,
        editor=f"/editor?{urlencode({'query': data['sparql']})}",
    )
