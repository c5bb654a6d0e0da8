"""Figures about a store, for `iackg stats` and `make run`."""

from __future__ import annotations

from ingest.stores import GraphStore, solutions
from ingest.vocab import ONTOLOGY

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE {{ {body} }}"


def _count(store: GraphStore, body: str) -> int:
    return int(next(iter(solutions(store.query(_COUNT.format(body=body)))))["n"].value)


def summary(store: GraphStore) -> dict:
    iac = ONTOLOGY
    by_type = {}
    rows = solutions(
        store.query(
            f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label (COUNT(DISTINCT ?a) AS ?n) WHERE {{
          ?a a ?t . ?t rdfs:subClassOf* <{iac}Activity> ; rdfs:label ?label .
          FILTER NOT EXISTS {{ ?a a ?sub . ?sub rdfs:subClassOf ?t . FILTER(?sub != ?t) }}
        }} GROUP BY ?label ORDER BY DESC(?n) ?label"""
        )
    )
    for row in rows:
        by_type[row["label"].value] = int(row["n"].value)
    return {
        "documents": len(store.documents()),
        "triples": _count(store, "GRAPH ?g { ?s ?p ?o }"),
        "activities": _count(store, f"SELECT DISTINCT ?a WHERE {{ ?a a <{iac}Activity> }}"),
        "countries_benefiting": _count(
            store,
            f"SELECT DISTINCT ?c WHERE {{ ?a <{iac}beneficiary> ?b . {{ ?b a <{iac}Country> BIND(?b AS ?c) }} UNION {{ ?b <{iac}member> ?c }} }}",
        ),
        "facts": _count(
            store,
            "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?p { "
            + " ".join(f"<{iac}{p}>" for p in ("completedPhase", "joinedPhase", "activityType", "hasWorkingArea"))
            + f" <https://schema.org/startDate> <{iac}beneficiary> }} FILTER NOT EXISTS {{ ?s a <{iac}Activity> }} }}",
        ),
        "by_type": by_type,
    }
