"""/queries/: the saved queries of queries/*.rq, each as HTML, JSON, CSV, TSV or SPARQL results, parameters bound as
RDF terms."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from ingest.errors import ParameterError
from ingest.vocab import OURS
from server.errors import ApiError
from server.negotiate import CSV, HTML, JSON, SRJ, SRX, TSV, offers
from server.query.saved import bind
from server.results import to_term
from server.sparql import BINDINGS_TYPES, respond, run_query
from server.state import state

bp = Blueprint("queries", __name__, url_prefix="/queries")


def _describe(saved) -> dict:
    return {
        "name": saved.name,
        "title": saved.title,
        "description": saved.description,
        "params": [{"name": p.name, "type": p.type, "help": p.help} for p in saved.params],
    }


@bp.route("/")
@offers(HTML, JSON)
def index(wants: str):
    saved = state().saved.get()
    if wants == JSON:
        return jsonify({"queries": [_describe(q) for q in saved.values()]})
    return render_template("queries/index.html", queries=saved.values())


@bp.route("/<name>")
@offers(HTML, JSON, CSV, TSV, SRJ, SRX)
def run(name: str, wants: str):
    saved = state().saved.get().get(name)
    if saved is None:
        raise ApiError(404, f"No saved query called {name!r}; see /queries/ for the list.")
    values = {p.name: request.args[p.name] for p in saved.params if p.name in request.args}
    if wants == HTML and len(values) < len(saved.params):
        return render_template("queries/run.html", query=saved, values=values, result=None, error=None)
    try:
        bound = bind(saved, values, state().models.lexicon)
    except ParameterError as exc:
        if wants == HTML:
            return render_template("queries/run.html", query=saved, values=values, result=None, error=str(exc)), 400
        raise ApiError(400, str(exc)) from exc
    result = run_query(saved.text, substitutions=tuple((k, to_term(v)) for k, v in bound.items()))
    if wants == HTML:
        from server.api import _labels

        iris = {v for row in result.values() for v in row.values() if v.startswith(OURS) and " " not in v}
        return render_template("queries/run.html", query=saved, values=values, result=result, error=None, labels=_labels(iris, "en"))
    if wants != JSON:  # the SPARQL results formats
        response = respond(result, {"bindings": (BINDINGS_TYPES[wants], wants)})
        if wants in (CSV, TSV):
            response.headers["Content-Disposition"] = f'inline; filename="{name}.{BINDINGS_TYPES[wants]}"'
        return response
    body = {
        **_describe(saved),
        "bindings": {k: v.value for k, v in bound.items()},
        "columns": result.vars,
        "rows": result.values(),
        "truncated": result.truncated,
    }
    return jsonify(body)
