"""The Flask app: settings, the query engine, blueprints, CORS and error handling."""

from __future__ import annotations

import atexit
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
    stats: dict | None = None
    searcher: object = None
    asker: object = None
    vocabulary: list | None = None
    _saved: dict = field(default_factory=dict)

    def saved(self) -> dict:
        from ingest.saved import load_saved

        if not self._saved:
            self._saved = load_saved(self.queries_dir)
        return self._saved


def build_app(test_config: dict | None = None) -> Flask:
    from flask_cors import CORS

    from ingest.pipeline import Models
    from ingest.saved import QUERIES_DIR
    from ingest.store import PREFIXES
    from server import api, entities, errors, queries, sparql, web
    from server.engine import LocalEngine, RemoteEngine

    app = Flask(__name__)
    app.config.from_mapping(config.defaults())
    app.config.from_prefixed_env("IACKG")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_BODY"])
    if app.config["SPARQL_ENDPOINT"]:
        engine = RemoteEngine(app.config["SPARQL_ENDPOINT"])
    else:
        engine = LocalEngine(str(app.config["STORE"]), int(app.config["WORKERS"]), float(app.config["CACHE_MB"]))
        atexit.register(engine.close)
    app.extensions["iackg"] = State(engine, Models(), tuple(PREFIXES.items()), app.config.get("QUERIES_DIR") or QUERIES_DIR)
    CORS(app, origins=app.config["CORS_ORIGINS"], send_wildcard=app.config["CORS_ORIGINS"] == "*",
         expose_headers=["X-IACKG-Truncated", "X-IACKG-Row-Limit", "Warning"])
    errors.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(entities.bp)
    app.register_blueprint(web.bp)
    _filters(app)

    @app.route("/health")
    def health():
        return jsonify({"status": "ok", "engine": type(engine).__name__})

    return app


SHORT = {"https://w3id.org/iac/ontology#": "iac:", "https://schema.org/": "schema:", "http://www.w3.org/2004/02/skos/core#": "skos:",
         "http://www.w3.org/2000/01/rdf-schema#": "rdfs:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
         "http://www.w3.org/ns/prov#": "prov:", "http://purl.org/dc/terms/": "dcterms:", "http://www.w3.org/2002/07/owl#": "owl:",
         "https://w3id.org/iac/id/": "", "http://www.w3.org/ns/oa#": "oa:"}


def _filters(app: Flask) -> None:
    @app.template_filter("href")
    def href(iri: str) -> str:
        """Our IRIs link to their pages here; others stay as they are."""
        if iri.startswith("https://w3id.org/iac/id/"):
            return "/id/" + iri[len("https://w3id.org/iac/id/"):]
        if iri.startswith("https://w3id.org/iac/ontology#"):
            return "/ontology/" + iri.split("#", 1)[1]
        return iri

    @app.template_filter("short")
    def short(iri: str) -> str:
        for long, prefix in SHORT.items():
            if iri.startswith(long):
                return prefix + iri[len(long):]
        return iri
