"""The Flask app: settings, the query engine, blueprints, CORS and error handling."""

from __future__ import annotations

import atexit
import re
import threading
from dataclasses import dataclass, field

from flask import Flask, jsonify

from server import config


@dataclass
class State:
    """What the app holds for its lifetime: the engine, the models (reference data, spaCy pipeline and
    encoder, each loaded once, on first use), cached statistics."""

    engine: object
    models: object
    prefixes: tuple
    queries_dir: object
    index: object = None  # the search index, whose generation file says when ingest changed the store
    stats: dict | None = None
    searcher: object = None
    asker: object = None
    vocabulary: list | None = None
    generation: str = ""
    _saved: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def follow_store(self) -> None:
        """If ingest changed the store since the last request, drop everything derived from it at once:
        workers reopen the store, cached results, statistics, the search index and completions reload."""
        token = self.index.generation()
        if token == self.generation:
            return
        with self._lock:
            if token == self.generation:
                return
            self.engine.refresh()
            self.stats = self.searcher = self.asker = self.vocabulary = None
            self.generation = token

    def saved(self) -> dict:
        from ingest.saved import load_saved

        if not self._saved:
            self._saved = load_saved(self.queries_dir)
        return self._saved


def build_app(test_config: dict | None = None) -> Flask:
    from flask_cors import CORS

    from ingest.index import SearchIndex
    from ingest.pipeline import Models
    from ingest.saved import QUERIES_DIR
    from ingest.store import PREFIXES
    from server import api, entities, errors, hubs, queries, share, sparql, web
    from server.engine import open_engine

    app = Flask(__name__)
    app.config.from_mapping(config.defaults())
    app.config.from_prefixed_env("IACKG")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_BODY"])
    engine = open_engine(app.config)
    atexit.register(engine.close)
    index = SearchIndex.beside(None if app.config["SPARQL_ENDPOINT"] else str(app.config["STORE"]))
    state = State(engine, Models(), tuple(PREFIXES.items()), app.config.get("QUERIES_DIR") or QUERIES_DIR, index)
    state.generation = index.generation()
    app.extensions["iackg"] = state
    app.before_request(state.follow_store)
    CORS(app, origins=app.config["CORS_ORIGINS"], send_wildcard=app.config["CORS_ORIGINS"] == "*",
         expose_headers=["X-IACKG-Truncated", "X-IACKG-Row-Limit", "Warning"])
    errors.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(entities.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(hubs.bp)
    app.register_blueprint(share.bp)
    _filters(app)

    @app.route("/health")
    def health():
        return jsonify({"status": "ok", "engine": type(engine).__name__, **engine.figures()})  # never waits on a query

    return app


SHORT = {"https://w3id.org/iac/ontology#": "iac:", "https://schema.org/": "schema:", "http://www.w3.org/2004/02/skos/core#": "skos:",
         "http://www.w3.org/2000/01/rdf-schema#": "rdfs:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
         "http://www.w3.org/ns/prov#": "prov:", "http://purl.org/dc/terms/": "dcterms:", "http://www.w3.org/2002/07/owl#": "owl:",
         "https://w3id.org/iac/id/": "", "http://www.w3.org/ns/oa#": "oa:"}


WORDS = {  # properties and classes in people's words
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "is a", "http://www.w3.org/2000/01/rdf-schema#label": "name",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "name", "http://www.w3.org/2004/02/skos/core#altLabel": "also called",
    "http://www.w3.org/2000/01/rdf-schema#comment": "description", "http://www.w3.org/ns/prov#wasDerivedFrom": "derived from",
    "http://www.w3.org/2002/07/owl#sameAs": "same as", "https://schema.org/startDate": "start", "https://schema.org/endDate": "end",
    "https://schema.org/location": "venue", "https://schema.org/superEvent": "part of", "https://schema.org/eventStatus": "status",
    "https://schema.org/eventAttendanceMode": "attendance", "http://purl.org/dc/terms/title": "title", "http://purl.org/dc/terms/source": "source",
    "https://w3id.org/iac/ontology#iso3": "ISO 3-letter code", "https://w3id.org/iac/ontology#iso2": "ISO 2-letter code",
    "https://w3id.org/iac/ontology#m49": "UN M49 code", "http://www.w3.org/2004/02/skos/core#inScheme": "in scheme",
    "https://w3id.org/iac/ontology#workingArea": "working area", "https://w3id.org/iac/ontology#evidence": "evidence",
    "http://www.w3.org/2003/01/geo/wgs84_pos#lat": "latitude", "http://www.w3.org/2003/01/geo/wgs84_pos#long": "longitude",
}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def when(start: str, end: str = "") -> str:
    """An ISO date or period (2019, 2019-11, 2019-11-20) in words: "20–21 November 2019", "2021–2022"."""
    def parts(date: str) -> tuple:
        bits = date.split("-")
        return (bits[0], MONTHS[int(bits[1]) - 1] if len(bits) > 1 and bits[1].isdigit() and 1 <= int(bits[1]) <= 12 else "",
                str(int(bits[2])) if len(bits) > 2 and bits[2].isdigit() else "")

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
        if iri.startswith("https://w3id.org/iac/id/"):
            return "/id/" + iri[len("https://w3id.org/iac/id/"):]
        if iri.startswith("https://w3id.org/iac/ontology#"):
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
        if iri.startswith("https://w3id.org/iac/ontology#") and local[:1].isupper():  # one of our classes: "TrainingSession" -> "Training session"
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
                return prefix + iri[len(long):]
        return iri
