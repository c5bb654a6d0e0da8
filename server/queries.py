"""/queries/: the saved queries of queries/*.rq, each as HTML, JSON or CSV, parameters bound as RDF terms."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ingest.saved import ParameterError, bind
from server.errors import ApiError
from server.results import serialize_bindings, to_term
from server.sparql import respond, run_query

bp = Blueprint("queries", __name__, url_prefix="/queries")


def _wants() -> str:
    wanted = request.args.get("format", "").lower()
    if wanted in ("json", "csv", "html", "sparql-json"):
        return wanted
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "text/csv", "application/sparql-results+json"], default="text/html")
    return {"text/html": "html", "application/json": "json", "text/csv": "csv", "application/sparql-results+json": "sparql-json"}[best]


def _describe(saved) -> dict:
    return {"name": saved.name, "title": saved.title, "description": saved.description,
            "params": [{"name": p.name, "type": p.type, "help": p.help} for p in saved.params]}


@bp.route("/")
def index():
    saved = current_app.extensions["iackg"].saved()
    if _wants() == "json":
        return jsonify({"queries": [_describe(q) for q in saved.values()]})
    return render_template("queries/index.html", queries=saved.values())


@bp.route("/<name>")
def run(name: str):
    saved = current_app.extensions["iackg"].saved().get(name)
    if saved is None:
        raise ApiError(404, f"No saved query called {name!r}; see /queries/ for the list.")
    wants = _wants()
    values = {p.name: request.args[p.name] for p in saved.params if p.name in request.args}
    if wants == "html" and len(values) < len(saved.params):
        return render_template("queries/run.html", query=saved, values=values, result=None, error=None)
    try:
        bound = bind(saved, values, current_app.extensions["iackg"].models.lexicon)
    except ParameterError as exc:
        if wants == "html":
            return render_template("queries/run.html", query=saved, values=values, result=None, error=str(exc)), 400
        raise ApiError(400, str(exc)) from exc
    result = run_query(saved.text, substitutions=tuple((k, to_term(v)) for k, v in bound.items()))
    if wants == "html":
        from server.api import _labels

        iris = {v for row in result.values() for v in row.values() if v.startswith("https://w3id.org/iac/") and " " not in v}
        return render_template("queries/run.html", query=saved, values=values, result=result, error=None, labels=_labels(iris, "en"))
    if wants == "csv":
        response = Response(serialize_bindings(result, "csv"), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
        return response
    if wants == "sparql-json":
        return respond(result)
    body = {**_describe(saved), "bindings": {k: v.value for k, v in bound.items()}, "columns": result.vars,
            "rows": result.values(), "truncated": result.truncated}
    return jsonify(body)
