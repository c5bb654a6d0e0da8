"""The check for an external SPARQL server, which would itself make a SERVICE call: the query is parsed
(rdflib's SPARQL 1.1 grammar, codepoint escapes expanded first) and refused if any part of it is a SERVICE
pattern, or if it mentions "service" at all and cannot be parsed. (The embedded store needs no check: its
query workers have no network, see server/sandbox.py.)"""

from __future__ import annotations

from ingest.sparqltext import unescape
from server.errors import ApiError

REFUSAL = (
    "SERVICE (federated query) is disabled on this endpoint, which makes no outbound requests. "
    "Query the other endpoint yourself, or load its data here."
)


def _has_service(node) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_service(value) for value in node)
    if hasattr(node, "asList") and not isinstance(node, str):
        return any(_has_service(value) for value in node)
    return False


def refuse_service(query: str) -> None:
    """400 if the query could make its server call another endpoint."""
    text = unescape(query)
    if "service" not in text.lower():  # the keyword cannot be spelled without these letters
        return
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - pyparsing raises several kinds; any of them means "not checked"
        raise ApiError(400, f"This query mentions SERVICE and could not be checked ({type(exc).__name__}: {exc}); {REFUSAL}") from exc
    if _has_service(parsed):
        raise ApiError(400, REFUSAL)
