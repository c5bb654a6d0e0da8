"""The Flask app: settings, the query engine and the app's state, blueprints, CORS and the error handler."""

from __future__ import annotations

import atexit
import re
from pathlib import Path

from flask import Flask, jsonify
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ingest.vocab import IAC, ID, ONTOLOGY, PREFIXES, SCHEMA, WGS84
from server import config


def build_app(test_config: dict | None = None) -> Flask:
    from flask_cors import CORS

    from ingest.index import SearchIndex
    from ingest.pipeline import Models
    from server import api, entities, errors, hubs, queries, share, sparql, web
    from server.engine import open_engine
    from server.negotiate import JSON, only
    from server.query.saved import QUERIES_DIR
    from server.state import State

    app = Flask(__name__)
    app.config.from_mapping(config.defaults())
    app.config.from_prefixed_env("IACKG")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_BODY"])
    engine = open_engine(app.config)
    atexit.register(engine.close)
    index = SearchIndex.beside(None if app.config["SPARQL_ENDPOINT"] else str(app.config["STORE"]))
    state = State(
        engine,
        Models(),
        Path(app.config.get("QUERIES_DIR") or QUERIES_DIR),
        index,
        float(app.config["QUERY_TIMEOUT"]),
        generation=index.generation(),
    )
    app.extensions["iackg"] = state  # (read through server.state.state())
    app.before_request(state.follow_store)
    CORS(
        app,
        origins=app.config["CORS_ORIGINS"],
        send_wildcard=app.config["CORS_ORIGINS"] == "*",
        expose_headers=["X-IACKG-Truncated", "X-IACKG-Row-Limit", "Warning"],
    )
    app.register_error_handler(Exception, errors.handle)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(entities.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(hubs.bp)
    app.register_blueprint(share.bp)
    _filters(app)

    @app.route("/health")
    @only(JSON)
    def health():
        return jsonify({"status": "ok", "engine": type(engine).__name__, **engine.figures()})  # never waits on a query

    return app


# IRIs written short: prefix:name for the vocabularies, the path alone under our own IDs ("country/KAZ")
SHORT = {namespace: f"{prefix}:" for prefix, namespace in PREFIXES.items() if not namespace.startswith(str(ID))} | {str(ID): ""}


WORDS = {
    str(term): words
    for term, words in (  # properties and classes in people's words
        (RDF.type, "is a"),
        (RDFS.label, "name"),
        (SKOS.prefLabel, "name"),
        (SKOS.altLabel, "also called"),
        (RDFS.comment, "description"),
        (PROV.wasDerivedFrom, "derived from"),
        (OWL.sameAs, "same as"),
        (SCHEMA.startDate, "start"),
        (SCHEMA.endDate, "end"),
        (SCHEMA.location, "venue"),
        (SCHEMA.superEvent, "part of"),
        (SCHEMA.eventStatus, "status"),
        (SCHEMA.eventAttendanceMode, "attendance"),
        (DCTERMS.title, "title"),
        (DCTERMS.source, "source"),
        (IAC.iso3, "ISO 3-letter code"),
        (IAC.iso2, "ISO 2-letter code"),
        (IAC.m49, "UN M49 code"),
        (SKOS.inScheme, "in scheme"),
        (IAC.workingArea, "working area"),
        (IAC.evidence, "evidence"),
        (WGS84.lat, "latitude"),
        (WGS84.long, "longitude"),
    )
}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def when(start: str, end: str = "") -> str:
    """An ISO date or period (2019, 2019-11, 2019-11-20) in words: "20–21 November 2019", "2021–2022"."""

    def parts(date: str) -> tuple:
        bits = date.split("-")
        return (
            bits[0],
            MONTHS[int(bits[1]) - 1] if len(bits) > 1 and bits[1].isdigit() and 1 <= int(bits[1]) <= 12 else "",
            str(int(bits[2])) if len(bits) > 2 and bits[2].isdigit() else "",
        )

    def one(year: str, month: str, day: str) -> str:
        return " ".join(p for p in (day, month, year) if p)

    if not start:
        return ""
    a = parts(start)
    if not end or end == start:
        return one(*a)
    b = parts(end)
    if a[0] == b[0] and a[1] == b[1] and a[2] and b[2]:
        return f"{a[2]}–{b[2]} {a[1]} {a[0]}"
    if a[0] == b[0] and a[1] and b[1] and not a[2] and not b[2]:
        return f"{a[1]} – {b[1]} {a[0]}"
    return f"{one(*a)} – {one(*b)}" if (a[1] or b[1]) else f"{a[0]}–{b[0]}"


def _filters(app: Flask) -> None:
    @app.template_filter("href")
    def href(iri: str) -> str:
        """Our IRIs link to their pages here; others stay as they are."""
        if iri.startswith(str(ID)):
            return "/id/" + iri[len(str(ID)) :]
        if iri.startswith(ONTOLOGY):
            return "/ontology/" + iri.split("#", 1)[1]
        return iri

    @app.template_filter("words")
    def words(iri: str) -> str:
        """A property or class in people's words ("derived from", "Training session"); the IRI stays on hover."""
        if iri in WORDS:
            return WORDS[iri]
        local = re.split(r"[#/]", iri.rstrip("/"))[-1]
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).replace("-", " ").replace("_", " ")
        if local[:1].islower():  # a property: "workingArea" -> "working area"
            return spaced.lower()
        if iri.startswith(ONTOLOGY) and local[:1].isupper():  # one of our classes: "TrainingSession" -> "Training session"
            return spaced[:1] + spaced[1:].lower()
        return spaced  # anything else as it is written ("KAZ")

    @app.template_filter("period")
    def period(start: str, end: str = "") -> str:
        """Dates as people write them: "20–21 November 2019", "March 2009 – June 2010", "2021–2022"."""
        return when(start or "", end or "")

    @app.template_filter("short")
    def short(iri: str) -> str:
        for long, prefix in SHORT.items():
            if iri.startswith(long):
                return prefix + iri[len(long) :]
        return iri
