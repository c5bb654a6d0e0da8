"""/api/search, /api/ask and /api/vocabulary: search, questions and the editor's completions, as JSON.
The pages in server/web.py show the same answers."""

from __future__ import annotations

import re

from flask import Blueprint, jsonify, request

from ingest.lexical import fold
from ingest.vocab import OURS, prologue
from server.errors import ApiError
from server.negotiate import JSON, only
from server.query.search import MAX_QUERY
from server.state import state

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_PAGE = 1000  # (k results a page: far past what a person reads)


def clean_query(raw: str | None) -> str:
    """The q parameter, checked: present, not too long, no control characters."""
    if raw is None or not raw.strip():
        raise ApiError(400, "Give the words to search for in q, e.g. /api/search?q=tailings+safety+in+Central+Asia")
    if len(raw) > MAX_QUERY:
        raise ApiError(400, f"The query is {len(raw)} characters long; keep it under {MAX_QUERY}.")
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw):
        raise ApiError(400, "The query holds control characters; send plain text.")
    return " ".join(raw.split())


def search_answer(query: str, args) -> dict:
    """The search answer's JSON (server.query.answers.Answer.to_json) for the query and the request's k, mode, page
    and facets; 400 for a bad one."""
    try:
        k = int(args.get("k", 10))
    except ValueError as exc:
        raise ApiError(400, f"k must be a whole number, not {args.get('k')!r}") from exc
    if not 1 <= k <= 100:
        raise ApiError(400, "k must be between 1 and 100")
    mode = args.get("mode", "hybrid")
    if mode not in ("hybrid", "bm25", "dense"):
        raise ApiError(400, "mode is hybrid, bm25 or dense")
    try:
        page = int(args.get("page", 1))
    except ValueError as exc:
        raise ApiError(400, f"page must be a whole number, not {args.get('page')!r}") from exc
    if not 1 <= page <= MAX_PAGE:
        raise ApiError(400, f"page must be between 1 and {MAX_PAGE}")
    answer = (
        state()
        .searcher.get()
        .search(
            query,
            k=k,
            mode=mode,
            country=args.get("country") or None,
            year=args.get("year") or None,
            type_=args.get("type") or None,
            topic=args.get("topic") or None,
            page=page,
        )
    )
    return answer.to_json()


def can_answer() -> list[dict]:
    """What questions have answers: each saved query's title and its first example question."""
    return [{"name": name, "title": q.title, "example": q.examples[0]} for name, q in sorted(state().saved.get().items()) if q.examples]


def ask_answer(question: str, args=None) -> dict:
    """A question answered by a saved query, with the SPARQL that answers it; else search results (made
    with args: k, mode and facets, as for /api/search)."""
    from server.query.ask import activity_iris, evidence_query, grouped_evidence, widened
    from server.query.understand import language
    from server.results import to_term
    from server.sparql import run_query

    match = state().asker.get().match(question)
    if match is None:
        return {
            "question": question,
            "template": None,
            "sparql": None,
            "rows": [],
            "evidence": [],
            "message": "No saved query fits this question; these are search results instead.",
            "can_answer": can_answer(),
            "search": search_answer(question, args or {}),
        }

    def run(m):  # the match's query with its parameters bound
        return run_query(m.text, substitutions=tuple((k, to_term(v)) for k, v in m.bindings.items()))

    result = run(match)
    rows = result.values()
    relaxed = None
    if not rows and (wider := widened(match)) is not None:  # none of that kind: every kind, said so
        match, relaxed = wider
        result = run(match)
        rows = result.values()
    lang = language(question)
    # the graph's names in the question's language: of the IRIs in the rows (so that a table shows names, not
    # codes), and, in Russian or French, of the English names in them ("Kazakhstan", "Belgrade"), as `labels`
    # (IRI or English name -> name)
    cells = {v for row in rows for v in row.values()}
    named = {}
    if lang != "en":
        named_by = state().models.lexicon.named_by
        named = {v: named_by[v] for v in cells if v in named_by}
    found = _labels({v for v in cells if v.startswith(OURS) and " " not in v} | set(named.values()), lang)
    labels = {k: v for k, v in found.items() if k in cells} | {name: found[iri] for name, iri in named.items() if iri in found}
    iris = activity_iris(rows)
    evidence = grouped_evidence(run_query(evidence_query(iris)).values()) if iris else []
    # where and when: the answer's own activities, else the activities a search for the question finds
    searched = state().searcher.get().search(question, k=30)
    topics = {t.rsplit("/", 1)[-1] for t in searched.understood["topics"]}
    related = [r for r in searched.results if not r.is_document and (not topics or topics & set(r.topics))]
    if iris:
        related = [r for r in related if r.iri in iris] or related
    related_json = [r.to_json() for r in related[:10]]
    return {
        "question": question,
        "template": {"name": match.query.name, "title": match.query.title, "similarity": round(match.similarity, 3)},
        "parameters": match.values,
        "bindings": {k: v.value for k, v in match.bindings.items()},
        "sparql": match.sparql,
        "columns": result.vars,
        "rows": rows,
        "truncated": result.truncated,
        "evidence": evidence,
        "search": None,
        "activities": related_json,
        "relaxed": relaxed,
        "reading": match.reading,
        "lang": lang,
        "labels": labels,
    }


def _labels(iris: set[str], lang: str) -> dict[str, str]:
    """The graph's labels in lang (en, ru, fr) of the IRIs an answer holds (countries, regions, topics, towns, kinds
    of activity, activities): its preferred label, else its label, else an alternative one, else a label with no
    language (an activity's title as written)."""
    import pyoxigraph as ox

    from server.sparql import run_query

    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    query = (
        prologue()
        + f"""SELECT ?s (COALESCE(SAMPLE(?p), SAMPLE(?r), SAMPLE(?a), SAMPLE(?u)) AS ?label) WHERE {{ VALUES ?s {{ {values} }}
  OPTIONAL {{ ?s skos:prefLabel ?p FILTER (LANG(?p) = "{lang}") }} OPTIONAL {{ ?s rdfs:label ?r FILTER (LANG(?r) = "{lang}") }}
  OPTIONAL {{ ?s skos:altLabel ?a FILTER (LANG(?a) = "{lang}") }} OPTIONAL {{ ?s rdfs:label ?u FILTER (LANG(?u) = "") }} }} GROUP BY ?s"""
    )
    return {row["s"]: row["label"] for row in run_query(query).values() if row.get("label")}


@bp.route("/search")
@only(JSON)
def search():
    return jsonify(search_answer(clean_query(request.args.get("q")), request.args))


@bp.route("/ask")
@only(JSON)
def ask():
    return jsonify(ask_answer(clean_query(request.args.get("q")), request.args))


@bp.route("/vocabulary")
@only(JSON)
def vocabulary():
    """Prefixed names of our classes, properties and entities, for the editor's autocompletion, with their
    English labels."""
    terms = state().vocabulary.get()
    return jsonify({"terms": [t["name"] for t in terms], "labels": {t["name"]: t["label"] for t in terms if t["label"]}})


@bp.route("/complete")
@only(JSON)
def complete():
    """Completions for what the editor's cursor is on: "country:ka" or "Kazakh" or "Казах" finds country:KAZ by
    its name in English, Russian or French (case and accents ignored); "iac:train" finds iac:TrainingSession."""
    typed = (request.args.get("q") or "").strip()[:100]
    prefix, _, rest = typed.rpartition(":") if ":" in typed else ("", "", typed)
    key = fold(rest.lower())
    if not key and not prefix:
        return jsonify({"terms": []})
    out = []
    for t in state().vocabulary.get():
        if prefix and not t["name"].startswith(prefix + ":"):
            continue
        if t["local"].startswith(key) or any(word.startswith(key) for word in t["words"]):
            out.append(t)
    out.sort(key=lambda t: (not t["local"].startswith(key), len(t["name"]), t["name"]))
    return jsonify({"terms": [{"name": t["name"], "label": t["label"]} for t in out[:40]]})
