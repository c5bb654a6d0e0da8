"""No outbound requests: a generated corpus of SPARQL texts that try to make the endpoint call out with
SERVICE (or LOAD), each aimed at a listener on 127.0.0.1.

Every case goes through the Flask test client by the three protocol routes (POST
application/sparql-query, GET ?query=, POST form) and, for a subset, against a live `iackg serve`. For
every case: the listener saw no connection, the answer is not a 5xx, and it holds nothing the listener
could have sent. A refusal (400, or 403 for an update) and a local answer made without calling out (200)
both pass.

The HTTP variant answers valid SPARQL JSON results carrying a marker, so an outbound call that succeeded
would show in the answer as well as in the listener's count.
"""

from __future__ import annotations

import json
import select
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ALLOWED = (200, 400, 403)

# Placeholders filled per test: %IRI% is <http://127.0.0.1:PORT/sparql>, %BASE% is http://127.0.0.1:PORT/,
# %PORT% the listener's port.
PLAIN = "SELECT * WHERE { %SERVICE% }"
CALL = "SERVICE %IRI% { ?x ?y ?z }"


def _escape_all(text: str) -> str:
    return "".join(f"\\u{ord(c):04X}" for c in text)


# How the keyword is written (SPARQL's \u and \U escapes stand for the characters they name).
KEYWORDS = {
    "upper": "SERVICE",
    "lower": "service",
    "title": "Service",
    "mixed": "sErViCe",
    "silent": "SERVICE SILENT",
    "silent-lower": "service silent",
    "silent-mixed": "SeRvIcE sIlEnT",
    "u-first": "\\u0053ERVICE",
    "u-middle": "SERV\\u0049CE",
    "U-first": "\\U00000053ERVICE",
    "u-lower": "\\u0073ervice",
    "u-all": _escape_all("SERVICE"),
    "u-silent": "SERVICE \\u0053ILENT",
    "u-keyword-and-silent": "\\u0053ERVICE SILEN\\u0054",
}

# How the service IRI is written: (prologue, IRI or variable, binding clause before the SERVICE).
IRIS = {
    "iri-plain": ("", "%IRI%", ""),
    "iri-u-path": ("", "<http://127.0.0.1:%PORT%/\\u0073parql>", ""),
    "iri-u-scheme": ("", "<\\u0068ttp://127.0.0.1:%PORT%/sparql>", ""),
    "iri-u-colon": ("", "<http\\u003A//127.0.0.1:%PORT%/sparql>", ""),
    "iri-U-host": ("", "<http://\\U00000031\\u0032\\u0037.0.0.1:%PORT%/sparql>", ""),
    "iri-fragment": ("", "<http://127.0.0.1:%PORT%/sparql#x>", ""),
    "prefixed": ("PREFIX r: <%BASE%>\n", "r:sparql", ""),
    "prefixed-empty": ("PREFIX : <%BASE%>\n", ":sparql", ""),
    "prefixed-u-iri": ("PREFIX r: <http://127.0.0.1:%PORT%/\\u0073>\n", "r:parql", ""),
    "base-relative": ("BASE <%BASE%>\n", "<sparql>", ""),
    "base-empty": ("BASE <%BASE%sparql>\n", "<>", ""),
    "base-then-prefix": ("BASE <%BASE%>\nPREFIX r: <>\n", "r:sparql", ""),
    "var-values-before": ("", "?s", "VALUES ?s { %IRI% }"),
    "var-values-after": ("", "?s", None),  # the VALUES block comes after the SERVICE
    "var-values-outside": ("", "?s", "OUTSIDE"),  # the VALUES block after the group (a query's trailing VALUES)
    "var-bind": ("", "?s", "BIND(%IRI% AS ?s)"),
    "var-bind-iri": ("", "?s", 'BIND(IRI("http://127.0.0.1:%PORT%/sparql") AS ?s)'),
    "var-bind-concat": ("", "?s", 'BIND(IRI(CONCAT("http://127.0.0.1:", "%PORT%", "/sparql")) AS ?s)'),
    "var-dollar": ("", "$s", "VALUES $s { %IRI% }"),
}

# Where the SERVICE clause sits.
PLACES = {
    "top": "SELECT * WHERE { %SERVICE% }",
    "no-where": "SELECT * { %SERVICE% }",
    "optional": "SELECT * WHERE { ?a ?b ?c OPTIONAL { %SERVICE% } } LIMIT 1",
    "optional-first": "SELECT * WHERE { OPTIONAL { %SERVICE% } }",
    "union": "SELECT * WHERE { { ?a a ?t } UNION { %SERVICE% } } LIMIT 5",
    "minus": "SELECT * WHERE { ?a a ?t MINUS { %SERVICE% } } LIMIT 5",
    "filter-exists": "SELECT * WHERE { ?a a ?t FILTER EXISTS { %SERVICE% } } LIMIT 5",
    "filter-not-exists": "SELECT * WHERE { ?a a ?t FILTER NOT EXISTS { %SERVICE% } } LIMIT 5",
    "bind-exists": "SELECT * WHERE { BIND(EXISTS { %SERVICE% } AS ?e) }",
    "subquery": "SELECT * WHERE { { SELECT * WHERE { %SERVICE% } LIMIT 1 } }",
    "subquery-deep": "SELECT * WHERE { { SELECT ?x WHERE { { SELECT * WHERE { { %SERVICE% } } } } } }",
    "graph": "SELECT * WHERE { GRAPH ?g { %SERVICE% } } LIMIT 1",
    "graph-iri": "SELECT * WHERE { GRAPH <https://w3id.org/iac/id/doc/x> { %SERVICE% } }",
    "nested-groups": "SELECT * WHERE { { { { %SERVICE% } } } }",
    "after-triple": "SELECT * WHERE { ?a a ?t . %SERVICE% } LIMIT 1",
    "having": "SELECT ?x (COUNT(*) AS ?n) WHERE { %SERVICE% } GROUP BY ?x HAVING (COUNT(*) > 0)",
    "ask": "ASK { %SERVICE% }",
    "ask-where": "ASK WHERE { ?a ?b ?c . %SERVICE% }",
    "construct": "CONSTRUCT { ?x ?y ?z } WHERE { %SERVICE% }",
    "construct-where": "CONSTRUCT WHERE { ?x ?y ?z . %SERVICE% }",
    "describe": "DESCRIBE ?x WHERE { %SERVICE% }",
    "describe-star": "DESCRIBE * WHERE { %SERVICE% }",
}

# Text before or around the SERVICE that a scanner which skips comments, strings and IRIs may misread.
HIDERS = {
    "comment-newline": 'SELECT * WHERE {\n# a comment with SERVICE and a " quote\n%SERVICE% }',
    "comment-cr": "SELECT * WHERE { # a comment\r%SERVICE% }",
    "comment-crlf": "SELECT * WHERE { # a comment\r\n%SERVICE% }",
    "long-string-escaped-quote": 'SELECT * { BIND("""a\\"""" AS ?q) %SERVICE% } #"',
    "long-string-escaped-quote-2": 'SELECT * { BIND("""a\\"\\"""" AS ?q) %SERVICE% } #"""',
    "long-string-quotes-inside": 'SELECT * { BIND("""a""b"c""" AS ?q) %SERVICE% } #"',
    "long-single-escaped-quote": "SELECT * { BIND('''a\\'''' AS ?q) %SERVICE% } #'",
    "long-single-inside": "SELECT * { BIND('''a''b'c''' AS ?q) %SERVICE% } #'",
    "short-string-escaped-quote": 'SELECT * { BIND("a\\"" AS ?q) %SERVICE% } #"',
    "short-single-escaped": "SELECT * { BIND('a\\'' AS ?q) %SERVICE% } #'",
    "string-hash": 'SELECT * { BIND("a#b" AS ?q) %SERVICE% }',
    "string-lt": 'SELECT * { BIND("<" AS ?q) %SERVICE% BIND(">" AS ?r) }',
    "string-brace": 'SELECT * { BIND("}" AS ?q) %SERVICE% }',
    "string-backslash-end": 'SELECT * { BIND("a\\\\" AS ?q) %SERVICE% } #"',
    "string-u-quote": 'SELECT * { BIND("a\\u0022" AS ?q) %SERVICE% } #"',
    "iri-u-then-hash": "SELECT * { VALUES ?q { <http://x/\\u0041#> } %SERVICE% }",
    "iri-U-then-hash": "SELECT * { VALUES ?q { <http://x/\\U00000041#> } %SERVICE% }",
    "iri-u-gt": "SELECT * { VALUES ?q { <http://x/\\u003E> } %SERVICE% }",
    "iri-hash-fragment": "SELECT * { VALUES ?q { <http://x/#frag> } %SERVICE% }",
    "prefix-iri-u-hash": "PREFIX q: <http://x/\\u0041#>\nSELECT * { %SERVICE% }",
    "lang-tag": 'SELECT * { BIND("a"@en-GB AS ?q) %SERVICE% }',
    "typed-literal": 'SELECT * { BIND("1"^^<http://www.w3.org/2001/XMLSchema#integer> AS ?q) %SERVICE% }',
    "tabs": "SELECT\t*\tWHERE\t{\t%SERVICE%\t}",
    "newlines": "SELECT\n*\nWHERE\n{\n%SERVICE%\n}",
    "form-feeds": "SELECT\f*\fWHERE\f{\f%SERVICE%\f}",
    "no-spaces": "SELECT*{%SERVICE%}",
}

# The SERVICE clause itself with odd spacing and comments between its tokens.
CLAUSES = {
    "tab-between": "SERVICE\t%IRI%\t{ ?x ?y ?z }",
    "newline-between": "SERVICE\n%IRI%\n{ ?x ?y ?z }",
    "formfeed-between": "SERVICE\f%IRI%\f{\f?x ?y ?z\f}",
    "no-space-before-brace": "SERVICE %IRI%{?x ?y ?z}",
    "no-space-before-iri": "SERVICE%IRI%{?x ?y ?z}",
    "comment-before-iri": "SERVICE # why not\n %IRI% { ?x ?y ?z }",
    "comment-before-silent": "SERVICE # hm\nSILENT # hm\n%IRI% { ?x ?y ?z }",
    "comment-with-iri-chars": "SERVICE #<http://x/>\"'}\n%IRI% { ?x ?y ?z }",
    "empty-pattern": "SERVICE %IRI% { }",
    "two-services": "SERVICE %IRI% { ?x ?y ?z } SERVICE SILENT %IRI% { ?x ?y ?w }",
}

REPROS = {
    "review-repro-long-string": 'SELECT * { BIND("""a\\"""" AS ?q) SERVICE <http://127.0.0.1:%PORT%/sparql> { ?x ?y ?z } } #"',
    "review-repro-iri-u-hash": "SELECT * { VALUES ?q { <http://x/\\u0041#> } SERVICE <http://127.0.0.1:%PORT%/sparql> { ?x ?y ?z } }",
}

# Updates that would fetch from the listener: refused (403, or 400 as a query that does not parse).
UPDATES = {
    "load": "LOAD <%BASE%data.ttl>",
    "load-silent": "LOAD SILENT <%BASE%data.ttl>",
    "load-into": "LOAD <%BASE%data.ttl> INTO GRAPH <http://x/g>",
    "load-lower": "load <%BASE%data.ttl>",
    "load-u-keyword": "\\u004COAD <%BASE%data.ttl>",
    "load-after-comment": "# SELECT\nLOAD <%BASE%data.ttl>",
    "load-after-prefix": "PREFIX r: <%BASE%>\nLOAD r:data.ttl",
    "load-after-long-string-prefix": "PREFIX q: <http://x/\\u0041#>\nLOAD <%BASE%data.ttl>",
    "insert-where-service": "INSERT { ?x ?y ?z } WHERE { SERVICE %IRI% { ?x ?y ?z } }",
    "insert-data-then-load": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> } ; LOAD <%BASE%data.ttl>",
    "select-then-load": "SELECT * { ?s ?p ?o } LIMIT 1 ; LOAD <%BASE%data.ttl>",
}


def _service(keyword: str = "SERVICE", iri: str = "%IRI%", binding: str = "") -> str:
    clause = f"{keyword} {iri} {{ ?x ?y ?z }}"
    if binding is None:
        return f"{clause} VALUES ?s {{ %IRI% }}"
    return f"{binding} {clause}".strip()


def _generate() -> list:
    cases = []
    for name, keyword in KEYWORDS.items():
        cases.append(pytest.param(PLAIN.replace("%SERVICE%", _service(keyword)), id=f"keyword-{name}"))
    for name, (prologue, iri, binding) in IRIS.items():
        if binding == "OUTSIDE":
            text = f"SELECT * WHERE {{ {_service(iri=iri)} }} VALUES ?s {{ %IRI% }}"
        else:
            text = prologue + PLAIN.replace("%SERVICE%", _service(iri=iri, binding=binding))
        cases.append(pytest.param(text, id=f"iri-{name}"))
        if iri.startswith(("?", "$")):  # a variable service with SILENT too: a 200 must still not have called out
            silent = text.replace(f"SERVICE {iri}", f"SERVICE SILENT {iri}")
            cases.append(pytest.param(silent, id=f"iri-{name}-silent"))
    for name, place in PLACES.items():
        cases.append(pytest.param(place.replace("%SERVICE%", CALL), id=f"place-{name}"))
    cases.append(pytest.param(PLACES["optional"].replace("%SERVICE%", "SERVICE SILENT %IRI% { ?x ?y ?z }"), id="place-optional-silent"))
    for name, hider in HIDERS.items():
        cases.append(pytest.param(hider.replace("%SERVICE%", CALL), id=f"hide-{name}"))
        cases.append(pytest.param(hider.replace("%SERVICE%", CALL.replace("SERVICE", "\\u0053ERVICE")), id=f"hide-{name}-u-keyword"))
    for name, clause in CLAUSES.items():
        cases.append(pytest.param(PLAIN.replace("%SERVICE%", clause), id=f"clause-{name}"))
    for name, text in REPROS.items():
        cases.append(pytest.param(text, id=name))
    return cases


CASES = _generate()
UPDATE_CASES = [pytest.param(text, id=f"update-{name}") for name, text in UPDATES.items()]

# The cases also sent to the live server: one of each kind, and every bypass seen in review.
LIVE_IDS = {
    "keyword-upper",
    "keyword-lower",
    "keyword-silent",
    "keyword-u-first",
    "keyword-U-first",
    "iri-iri-u-path",
    "iri-prefixed",
    "iri-base-relative",
    "iri-var-values-before",
    "iri-var-bind",
    "place-optional",
    "place-union",
    "place-filter-exists",
    "place-subquery",
    "place-graph",
    "place-ask",
    "place-construct",
    "place-describe",
    "hide-comment-newline",
    "hide-long-string-escaped-quote",
    "hide-long-single-escaped-quote",
    "hide-iri-u-then-hash",
    "hide-string-hash",
    "hide-comment-cr",
    "clause-comment-before-iri",
    "review-repro-long-string",
    "review-repro-iri-u-hash",
}
LIVE_CASES = [case for case in CASES if case.id in LIVE_IDS]
assert len(LIVE_CASES) == len(LIVE_IDS), sorted(LIVE_IDS - {case.id for case in LIVE_CASES})
# The cases also aimed at a listener that answers, kept short: the ones a keyword scanner is likeliest to miss.
HTTP_IDS = {
    case.id for case in CASES if case.id.startswith(("review-", "hide-long", "hide-iri-u", "keyword-u", "keyword-silent", "iri-var"))
}
HTTP_IDS |= {
    "hide-comment-cr",
    "keyword-upper",
    "iri-prefixed",
    "iri-base-relative",
    "place-optional",
    "place-ask",
    "place-construct",
    "place-describe",
}
HTTP_CASES = [case for case in CASES if case.id in HTTP_IDS]


def fill(template: str, port: int) -> str:
    base = f"http://127.0.0.1:{port}/"
    return template.replace("%IRI%", f"<{base}sparql>").replace("%BASE%", base).replace("%PORT%", str(port))


class HttpListener:
    """A SPARQL endpoint on 127.0.0.1 that answers any request with JSON results carrying a marker, and
    counts the connections and requests it got."""

    def __init__(self) -> None:
        self.marker = f"outbound-{uuid.uuid4().hex}"
        self.connections = 0
        self.requests: list[str] = []
        listener = self
        body = json.dumps(
            {
                "head": {"vars": ["x", "y", "z", "w"]},
                "results": {"bindings": [{v: {"type": "literal", "value": self.marker} for v in ("x", "y", "z", "w")}]},
            }
        ).encode()

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                listener.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(min(length, 1_000_000))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:
                listener.connections += 1
                return True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.timeout = 0.1
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(2)


@pytest.fixture()
def http_listener():
    listening = HttpListener()
    yield listening
    listening.close()


def send(client, route: str, query: str):
    accept = {"Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"}
    if route == "post-body":
        return client.post("/sparql", data=query.encode(), content_type="application/sparql-query", headers=accept)
    if route == "get":
        return client.get("/sparql", query_string={"query": query}, headers=accept)
    return client.post("/sparql", data={"query": query}, headers=accept)


ROUTES = ["post-body", "get", "post-form"]


def settled(listener) -> int:
    """The listener's count once every connection already made has been accepted: one still waiting in the
    backlog makes the socket readable (the accept loops poll every 0.05-0.1 s)."""
    sock = listener.server.socket if isinstance(listener, HttpListener) else listener.sock
    deadline = time.monotonic() + 2
    while select.select([sock], [], [], 0)[0] and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.01)
    return listener.connections


def check(status: int, body: bytes, listener, marker: str | None = None, route: str = "post-body") -> None:
    made = settled(listener)
    assert made == 0, f"{route}: the server connected to the listener {made} time(s) (status {status}: {body[:300]!r})"
    assert status < 500, f"{route}: status {status}: {body[:300]!r}"
    assert status in ALLOWED, f"{route}: status {status}: {body[:300]!r}"
    if marker is not None:
        assert marker.encode() not in body, f"{route}: the answer carries data from the listener: {body[:300]!r}"
    assert b"outbound-" not in body


@pytest.mark.parametrize("template", CASES)
def test_service_never_calls_out(client, listener, template):
    query = fill(template, listener.port)
    for route in ROUTES:
        response = send(client, route, query)
        check(response.status_code, response.data, listener, route=route)


@pytest.mark.parametrize("template", UPDATE_CASES)
def test_update_that_would_fetch_is_refused(client, listener, template):
    query = fill(template, listener.port)
    for route in ROUTES:
        response = send(client, route, query)
        check(response.status_code, response.data, listener, route=route)
        assert response.status_code in (400, 403), route


@pytest.mark.parametrize("template", UPDATE_CASES)
def test_update_by_update_routes_is_refused(client, listener, template):
    text = fill(template, listener.port)
    for response in (
        client.post("/sparql", data={"update": text}),
        client.post("/sparql", data=text.encode(), content_type="application/sparql-update"),
        client.get("/sparql", query_string={"update": text}),
    ):
        check(response.status_code, response.data, listener)
        assert response.status_code in (400, 403)


@pytest.mark.parametrize("template", HTTP_CASES)
def test_service_never_reaches_an_answering_endpoint(client, http_listener, template):
    response = send(client, "post-body", fill(template, http_listener.port))
    check(response.status_code, response.data, http_listener, http_listener.marker)
    assert http_listener.requests == []


def test_http_listener_answers_sparql_json(http_listener):
    """The answering listener is a working endpoint: what the tests above would see had the server called it."""
    url = f"http://127.0.0.1:{http_listener.port}/sparql?" + urllib.parse.urlencode({"query": "SELECT * {}"})
    with urllib.request.urlopen(url, timeout=5) as response:
        bindings = json.loads(response.read())["results"]["bindings"]
    assert bindings[0]["x"]["value"] == http_listener.marker and http_listener.requests


def _live(url: str, route: str, query: str) -> tuple[int, bytes]:
    headers = {"Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"}
    if route == "get":
        request = urllib.request.Request(url + "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers)
    elif route == "post-body":
        request = urllib.request.Request(
            url + "/sparql", data=query.encode(), headers={**headers, "Content-Type": "application/sparql-query"}
        )
    else:
        request = urllib.request.Request(
            url + "/sparql",
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
        )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.parametrize("template", LIVE_CASES)
def test_live_service_never_calls_out(live_server, listener, template):
    query = fill(template, listener.port)
    for route in ROUTES:
        status, body = _live(live_server, route, query)
        check(status, body, listener, route=route)


@pytest.mark.parametrize("template", [c for c in HTTP_CASES if c.id in LIVE_IDS])
def test_live_service_never_reaches_an_answering_endpoint(live_server, http_listener, template):
    status, body = _live(live_server, "post-form", fill(template, http_listener.port))
    check(status, body, http_listener, http_listener.marker)
    assert http_listener.requests == []


@pytest.mark.parametrize("template", UPDATE_CASES[:4])
def test_live_update_is_refused(live_server, listener, template):
    status, body = _live(live_server, "post-body", fill(template, listener.port))
    check(status, body, listener)
    assert status in (400, 403)
