"""Content negotiation and errors on every route: each rule of app.url_map, in each media type its view offers
(server/negotiate.py), by Accept and by format=; a format= the route does not offer gets 406 naming it; an
exception in a view is a 500 in the client's format."""

import logging

import pytest

from server import create_app, negotiate
from server.description import MEDIA_TYPES
from server.sparql import BINDINGS_TYPES, GRAPH_TYPES

# The routes' rules, read from an app over an external endpoint (made without a store, never queried).
RULES = create_app({"SPARQL_ENDPOINT": "http://127.0.0.1:9/sparql", "TESTING": True})

SELECT = "SELECT ?a WHERE { ?a a <https://w3id.org/iac/ontology#Workshop> } LIMIT 3"
CONSTRUCT = "CONSTRUCT { ?a a ?k } WHERE { ?a a ?k } LIMIT 3"
ACTIVITY = "activity/2012-10-22-trainingsession-08cd288dab"
KAZ = "https://w3id.org/iac/id/country/KAZ"

# endpoint -> (path variables, query string, JSON body for a POST)
SAMPLES = {
    "web.search": ({}, {"q": "tailings"}, None),
    "queries.run": ({"name": "tmf-countries"}, {}, None),
    "entities.entity": ({"rest": ACTIVITY}, {}, None),
    "entities.term": ({"name": "Workshop"}, {}, None),
    "hubs.year_hub": ({"year": 2019}, {}, None),
    "hubs.map_fragment": ({}, {}, {"counts": {KAZ: 3}}),
    "api.search": ({}, {"q": "tailings"}, None),
    "api.ask": ({}, {"q": "Which countries had TMF training?"}, None),
    "api.complete": ({}, {"q": "country:ka"}, None),
    "share.share": ({}, {}, {"query": "ASK {}"}),
}
# /sparql offers by what it is sent: results, a graph, or (without a query) its service description
SPARQL = {
    "select": ({"query": SELECT}, {t: t for t in BINDINGS_TYPES}),
    "construct": ({"query": CONSTRUCT}, {t: t for t in GRAPH_TYPES}),
    "description": ({}, {t: sent for t, (_, sent) in MEDIA_TYPES.items()}),
}
UNDECLARED = {"static", "share.open_shared", "sparql.sparql"}  # a file, a redirect, and /sparql above


def _routes() -> list[tuple[str, str, str, dict, dict | None, dict[str, str]]]:
    """(id, method, path, query string, body, {offered type: type sent}) for every route."""
    from flask import url_for

    routes = []
    with RULES.test_request_context():
        for rule in sorted(RULES.url_map.iter_rules(), key=lambda r: r.rule):
            if rule.endpoint in UNDECLARED:
                continue
            variables, query, body = SAMPLES.get(rule.endpoint, ({}, {}, None))
            offered = RULES.view_functions[rule.endpoint].offers
            method = "POST" if "GET" not in rule.methods else "GET"
            routes.append((rule.endpoint, method, url_for(rule.endpoint, **variables), query, body, {t: t for t in offered}))
    for name, (query, offered) in SPARQL.items():
        routes.append((f"sparql-{name}", "GET", "/sparql", query, None, offered))
    return routes


ROUTES = _routes()


def _name(media_type: str, offered: list[str]) -> str:
    """A format= name that gives media_type here; the type itself when no name does."""
    return next((n for n, types in negotiate.FORMATS.items() if next((t for t in offered if t in types), None) == media_type), media_type)


def _send(client, method, path, query, body, **kwargs):
    return client.open(path, method=method, query_string=query, json=body, **kwargs)


CASES = [
    pytest.param(method, path, query, body, media_type, sent, _name(media_type, list(offered)), id=f"{ident}-{media_type}")
    for ident, method, path, query, body, offered in ROUTES
    for media_type, sent in offered.items()
]


def test_every_route_declares_what_it_offers(app):
    """A new route without @offers or @only fails here (and the app under test has the routes read above)."""
    assert sorted(r.rule for r in app.url_map.iter_rules()) == sorted(r.rule for r in RULES.url_map.iter_rules())
    for endpoint, view in app.view_functions.items():
        assert endpoint in UNDECLARED or getattr(view, "offers", None), endpoint


@pytest.mark.parametrize("method, path, query, body, media_type, sent, name", CASES)
def test_a_route_answers_in_each_format_it_offers(client, method, path, query, body, media_type, sent, name):
    by_accept = _send(client, method, path, query, body, headers={"Accept": media_type})
    assert by_accept.status_code == 200, by_accept.data[:300]
    assert by_accept.mimetype == sent
    by_format = _send(client, method, path, {**query, "format": name}, body, headers={"Accept": "text/html;q=0.1, */*;q=0.5"})
    assert by_format.status_code == 200, by_format.data[:300]
    assert by_format.mimetype == sent


@pytest.mark.parametrize("method, path, query, body", [pytest.param(m, p, q, b, id=i) for i, m, p, q, b, _ in ROUTES])
def test_an_unknown_format_gets_406_naming_it(client, method, path, query, body):
    response = _send(client, method, path, {**query, "format": "png"}, body, headers={"Accept": "application/json"})
    assert response.status_code == 406
    error = response.json["error"]
    assert error["status"] == 406 and "format=png" in error["message"] and "it offers format=" in error["message"]


@pytest.mark.parametrize(
    "path, value, offered",
    [
        pytest.param("/queries/", "turtle", "html, json", id="queries-turtle"),
        pytest.param("/editor", "json", "html", id="editor-json"),
        pytest.param("/api/vocabulary", "csv", "json", id="api-csv"),
        pytest.param("/sparql", "turtle", "json, xml, csv, tsv, srj, srx", id="ask-turtle"),
    ],
)
def test_a_format_the_route_does_not_offer_gets_406_listing_what_it_does(client, path, value, offered):
    response = client.get(path, query_string={"format": value, **({"query": "ASK {}"} if path == "/sparql" else {})})
    assert response.status_code == 406  # (as JSON where format=json asked for it, or on /api/)
    message = response.json["error"]["message"] if response.is_json else response.text
    assert f"format={value} is not a format of {path}" in message and f"it offers format= {offered} " in message


@pytest.mark.parametrize(
    "value, mimetype",
    [
        pytest.param("json", "application/json", id="json-is-the-json-twin"),
        pytest.param("JSON", "application/json", id="upper-case"),
        pytest.param("sparql-json", "application/sparql-results+json", id="sparql-json"),
        pytest.param("text/csv", "text/csv", id="media-type"),
    ],
)
def test_format_names_on_a_saved_query(client, value, mimetype):
    response = client.get("/queries/tmf-countries", query_string={"format": value}, headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == mimetype


@pytest.mark.parametrize(
    "query, mimetype",
    [
        pytest.param(SELECT, "application/sparql-results+json", id="select-srj"),
        pytest.param(CONSTRUCT, "application/ld+json", id="construct-jsonld"),
        pytest.param(None, "application/ld+json", id="description-jsonld"),
    ],
)
def test_format_json_on_sparql_is_that_pages_json(client, query, mimetype):
    response = client.get("/sparql", query_string={"format": "json", **({"query": query} if query else {})})
    assert response.status_code == 200 and response.mimetype == mimetype


@pytest.fixture()
def broken(app, monkeypatch):
    """/editor raises an exception no one expected."""

    def fail():
        raise RuntimeError("a bug")

    monkeypatch.setitem(app.view_functions, "web.editor", fail)


@pytest.mark.parametrize(
    "accept, mimetype, says",
    [
        pytest.param("application/json", "application/json", None, id="json-client"),
        pytest.param("text/html,application/xhtml+xml,*/*;q=0.8", "text/html", "<h1>500 ", id="browser"),
        pytest.param("*/*", "text/plain", "500 Internal Server Error", id="anything"),
    ],
)
def test_an_exception_in_a_view_is_a_500_in_the_clients_format(client, broken, caplog, accept, mimetype, says):
    with caplog.at_level(logging.ERROR):
        response = client.get("/editor", headers={"Accept": accept})
    assert response.status_code == 500 and response.mimetype == mimetype
    if says is None:
        assert response.json["error"]["status"] == 500 and "RuntimeError" in response.json["error"]["message"]
    else:
        assert says in response.text
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)  # logged with its traceback


def test_a_405_keeps_its_allow_header(client):
    response = client.get("/api/share", headers={"Accept": "application/json"})
    assert response.status_code == 405 and "POST" in response.headers["Allow"] and response.json["error"]["status"] == 405
