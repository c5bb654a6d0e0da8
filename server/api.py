"""/api/search, /api/ask and /api/vocabulary: search, questions and the editor's completions, as JSON.
The pages in server/web.py show the same answers."""

from __future__ import annotations

import re
import threading

from flask import Blueprint, current_app, jsonify, request

from ingest.errors import IngestError
from server.errors import ApiError

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_QUERY_CHARS = 1000
MAX_PAGE = 1000  # (k results a page: far past what a person reads)
_lock = threading.Lock()


def searcher():
    """The Searcher, built on first use (loading the model takes seconds) and kept for the app's life."""
    state = current_app.extensions["iackg"]
    with _lock:
        if state.searcher is None:
            from ingest.search import Searcher

            models = state.models
            try:
                entries, vectors = state.index.load(models.encoder)
            except IngestError as exc:
                raise ApiError(503, f"Search is not available: {exc}") from exc
            state.searcher = Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)
        return state.searcher


def asker():
    state = current_app.extensions["iackg"]
    found = searcher()  # (before the lock, which searcher takes too)
    with _lock:
        if state.asker is None:
            from ingest.ask import Asker

            models = state.models
            state.asker = Asker(state.saved(), models.encoder, models.nlp, models.lexicon, searcher=found)
        return state.asker


def clean_query(raw: str | None) -> str:
    """The q parameter, checked: present, not too long, no control characters."""
    if raw is None or not raw.strip():
        raise ApiError(400, "Give the words to search for in q, e.g. /api/search?q=tailings+safety+in+Central+Asia")
    if len(raw) > MAX_QUERY_CHARS:
        raise ApiError(400, f"The query is {len(raw)} characters long; keep it under {MAX_QUERY_CHARS}.")
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw):
        raise ApiError(400, "The query holds control characters; send plain text.")
    return " ".join(raw.split())


def search_answer(query: str, args) -> dict:
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
    return searcher().search(query, k=k, mode=mode, country=args.get("country") or None, year=args.get("year") or None,
                             type_=args.get("type") or None, topic=args.get("topic") or None, page=page)


def can_answer() -> list[dict]:
    """What questions have answers: each saved query's title and its first example question."""
    return [{"name": name, "title": q.title, "example": q.examples[0]}
            for name, q in sorted(current_app.extensions["iackg"].saved().items()) if q.examples]


def ask_answer(question: str, args=None) -> dict:
    """A question answered by a saved query, with the SPARQL that answers it; else search results (made
    with args: k, mode and facets, as for /api/search)."""
    from ingest.ask import activity_iris, evidence_query, grouped_evidence, widened
    from ingest.understand import language
    from server.results import to_term
    from server.sparql import run_query

    match = asker().match(question)
    if match is None:
        return {"question": question, "template": None, "sparql": None, "rows": [], "evidence": [],
                "message": "No saved query fits this question; these are search results instead.",
                "can_answer": can_answer(), "search": search_answer(question, args or {})}
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
        named_by = current_app.extensions["iackg"].models.lexicon.named_by
        named = {v: named_by[v] for v in cells if v in named_by}
    found = _labels({v for v in cells if v.startswith("https://w3id.org/iac/") and " " not in v} | set(named.values()), lang)
    labels = {k: v for k, v in found.items() if k in cells} | {name: found[iri] for name, iri in named.items() if iri in found}
    iris = activity_iris(rows)
    evidence = grouped_evidence(run_query(evidence_query(iris)).values()) if iris else []
    # where and when: the answer's own activities, else the activities a search for the question finds
    found = searcher().search(question, k=30)
    topics = {t.rsplit("/", 1)[-1] for t in found["understood"]["topics"]}
    related = [r for r in found["results"] if r["type"] != "Document" and (not topics or topics & set(r["topics"]))]
    if iris:
        related = [r for r in related if r["iri"] in iris] or related
    related = related[:10]
    return {
        "question": question,
        "template": {"name": match.query.name, "title": match.query.title, "similarity": round(match.similarity, 3)},
        "parameters": match.values, "bindings": {k: v.value for k, v in match.bindings.items()},
        "sparql": match.sparql, "columns": result.vars, "rows": rows, "truncated": result.truncated,
        "evidence": evidence, "search": None, "activities": related, "relaxed": relaxed, "reading": match.reading,
        "lang": lang, "labels": labels,
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
    query = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s (COALESCE(SAMPLE(?p), SAMPLE(?r), SAMPLE(?a), SAMPLE(?u)) AS ?label) WHERE {{ VALUES ?s {{ {values} }}
  OPTIONAL {{ ?s skos:prefLabel ?p FILTER (LANG(?p) = "{lang}") }} OPTIONAL {{ ?s rdfs:label ?r FILTER (LANG(?r) = "{lang}") }}
  OPTIONAL {{ ?s skos:altLabel ?a FILTER (LANG(?a) = "{lang}") }} OPTIONAL {{ ?s rdfs:label ?u FILTER (LANG(?u) = "") }} }} GROUP BY ?s"""
    return {row["s"]: row["label"] for row in run_query(query).values() if row.get("label")}


@bp.route("/search")
def search():
    return jsonify(search_answer(clean_query(request.args.get("q")), request.args))


@bp.route("/ask")
def ask():
    return jsonify(ask_answer(clean_query(request.args.get("q")), request.args))


@bp.route("/vocabulary")
def vocabulary():
    """Prefixed names of our classes, properties and entities, for the editor's autocompletion, with their
    English labels."""
    return jsonify({"terms": [t["name"] for t in _vocabulary()], "labels": {t["name"]: t["label"] for t in _vocabulary() if t["label"]}})


@bp.route("/complete")
def complete():
    """Completions for what the editor's cursor is on: "country:ka" or "Kazakh" or "Казах" finds country:KAZ by
    its name in English, Russian or French (case and accents ignored); "iac:train" finds iac:TrainingSession."""
    typed = (request.args.get("q") or "").strip()[:100]
    prefix, _, rest = typed.rpartition(":") if ":" in typed else ("", "", typed)
    key = _fold(rest)
    if not key and not prefix:
        return jsonify({"terms": []})
    out = []
    for t in _vocabulary():
        if prefix and not t["name"].startswith(prefix + ":"):
            continue
        if t["local"].startswith(key) or any(word.startswith(key) for word in t["words"]):
            out.append(t)
    out.sort(key=lambda t: (not t["local"].startswith(key), len(t["name"]), t["name"]))
    return jsonify({"terms": [{"name": t["name"], "label": t["label"]} for t in out[:40]]})


def _fold(text: str) -> str:
    """Lower case, without accents ("Sécurité" → "securite"; "Ёлка" → "елка")."""
    from ingest.lexical import fold

    return fold(text.lower())


def _vocabulary() -> list[dict]:
    """Each prefixed name of the reference data (classes, properties, countries, regions, topics, places...) with
    its local name folded, its English label and the folded words of all its labels (en, ru, fr), built once."""
    import re

    from rdflib.namespace import RDFS, SKOS

    from ingest.store import PREFIXES

    state = current_app.extensions["iackg"]
    if state.vocabulary is None:
        reference = state.models.reference
        names: dict[str, dict] = {}
        for term in set(reference.subjects()) | set(reference.predicates()) | set(reference.objects()):
            iri = str(term)
            for prefix, namespace in PREFIXES.items():
                if iri.startswith(namespace) and len(iri) > len(namespace) and "/" not in iri[len(namespace):]:
                    labels = [o for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel) for o in reference.objects(term, p)]
                    english = next((str(o) for o in labels if getattr(o, "language", None) in (None, "en")), "")
                    words = {w for o in labels for w in re.findall(r"\w+", _fold(str(o)))} | {_fold(str(o)) for o in labels}
                    local = iri[len(namespace):]
                    names[f"{prefix}:{local}"] = {"name": f"{prefix}:{local}", "local": _fold(local), "label": english, "words": words}
        state.vocabulary = sorted(names.values(), key=lambda t: t["name"])
    return state.vocabulary
