"""The W3C SPARQL 1.1 Protocol query tests (data-sparql11/protocol/manifest.ttl), run on /sparql.

Each case is one request of the manifest, with its expected status and content types. The dataset cases of
the manifest name the graphs http://kasei.us/2009/09/sparql/data/data1.rdf ... data3.rdf; here they name
three document graphs of the corpus store instead (D1, D2, D3), and also check that the dataset is restricted
to the graphs named. The update cases expect a 4xx; this endpoint is read-only, so it refuses them all.
"""

import io
from urllib.parse import urlencode

import pytest
from rdflib.query import Result

D1 = "https://w3id.org/iac/id/doc/danube-delta-exercises-2015.txt"
D2 = "https://w3id.org/iac/id/doc/split-inspection-training-2012.html"
D3 = "https://w3id.org/iac/id/doc/central-asia-workshop-2018.txt"

ASK_TYPES = ("application/sparql-results+xml", "application/sparql-results+json")
SELECT_TYPES = ASK_TYPES + ("text/tab-separated-values", "text/csv")
GRAPH_TYPES = ("application/rdf+xml", "application/rdf+json", "text/turtle")
DIRECT = "application/sparql-query"
FORM = "application/x-www-form-urlencoded"


def answer(response) -> bool:
    """The boolean of an ASK result in SPARQL JSON or XML."""
    fmt = "json" if response.mimetype.endswith("json") else "xml"
    return Result.parse(io.BytesIO(response.data), format=fmt).askAnswer


def graphs_bound(response, var: str = "g") -> set[str]:
    return {b[var]["value"] for b in response.json["results"]["bindings"] if var in b}


def case(id, method, params=(), body=None, content_type=None, status=200, types=ASK_TYPES, expect=True, check=None, accept=None):
    """One request of the manifest: params go in the URL; expect is the ASK answer (None: not an ASK); check,
    when given, looks further at the response."""
    return pytest.param(method, list(params), body, content_type, accept, status, types, expect, check, id=id)


CASES = [
    # positive: the three ways to send a query
    case("query_get", "GET", [("query", "ASK {}")]),
    case("query_post_form", "POST", body=urlencode({"query": "ASK {}"}), content_type=FORM),
    case("query_post_direct", "POST", body="ASK {}", content_type=DIRECT),
    # positive: the dataset given by the protocol
    case("query_dataset_default_graph", "POST", [("default-graph-uri", D1)], f"ASK {{ <{D1}> ?p ?o }}", DIRECT),
    case("query_dataset_default_graph_restricted", "POST", [("default-graph-uri", D1)], f"ASK {{ <{D2}> ?p ?o }}", DIRECT, expect=False),
    case(
        "query_dataset_default_graphs_get",
        "GET",
        [("query", f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"), ("default-graph-uri", D1), ("default-graph-uri", D2)],
    ),
    case(
        "query_dataset_default_graphs_post",
        "POST",
        [("default-graph-uri", D1), ("default-graph-uri", D2)],
        f"ASK {{ <{D1}> ?p ?o . <{D2}> ?p ?o }}",
        DIRECT,
    ),
    case(
        "query_dataset_default_graphs_post_form",
        "POST",
        body=urlencode([("query", f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"), ("default-graph-uri", D1), ("default-graph-uri", D2)]),
        content_type=FORM,
    ),
    case(
        "query_dataset_named_graphs_post",
        "POST",
        [("named-graph-uri", D1), ("named-graph-uri", D2)],
        "ASK { GRAPH ?g { ?s ?p ?o } }",
        DIRECT,
    ),
    case(
        "query_dataset_named_graphs_get",
        "GET",
        [
            ("query", f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"),
            ("named-graph-uri", D1),
            ("named-graph-uri", D2),
        ],
    ),
    case(
        "query_dataset_named_graphs_restricted",
        "GET",
        [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), ("named-graph-uri", D1), ("named-graph-uri", D2)],
        types=("application/sparql-results+json",),
        expect=None,
        check=lambda r: graphs_bound(r) == {D1, D2},
        accept="application/sparql-results+json",
    ),
    case(
        "query_dataset_full",
        "POST",
        [("default-graph-uri", D3), ("named-graph-uri", D1), ("named-graph-uri", D2)],
        "SELECT ?g ?x ?s { ?x ?y ?o  GRAPH ?g { ?s ?p ?o } }",
        DIRECT,
        types=("application/sparql-results+json",),
        expect=None,
        check=lambda r: graphs_bound(r) == {D1, D2},
        accept="application/sparql-results+json",
    ),
    case("query_multiple_dataset", "POST", [("default-graph-uri", D2)], f"ASK FROM <{D1}> {{ <{D2}> ?p ?o }}", DIRECT),
    case(
        "query_multiple_dataset_protocol_wins",
        "POST",
        [("default-graph-uri", D2)],
        f"ASK FROM <{D1}> {{ <{D1}> ?p ?o }}",
        DIRECT,
        expect=False,
    ),
    # positive: a content type that fits the query form
    case("query_content_type_select", "POST", body="SELECT (1 AS ?value) {}", content_type=DIRECT, types=SELECT_TYPES, expect=None),
    case("query_content_type_ask", "POST", body="ASK {}", content_type=DIRECT, expect=None),
    case("query_content_type_describe", "POST", body="DESCRIBE <http://example.org/>", content_type=DIRECT, types=GRAPH_TYPES, expect=None),
    case(
        "query_content_type_construct", "POST", body="CONSTRUCT { <s> <p> 1 } WHERE {}", content_type=DIRECT, types=GRAPH_TYPES, expect=None
    ),
    # negative: a 4xx each
    case("bad_query_method", "PUT", [("query", "ASK {}")], status=405),
    case("bad_multiple_queries", "GET", [("query", "ASK {}"), ("query", "SELECT * {}")], status=400),
    case("bad_query_wrong_media_type", "POST", body="ASK {}", content_type="text/plain", status=415),
    case("bad_query_missing_form_type", "POST", body="query=ASK%20%7B%7D", status=415),
    case("bad_query_missing_direct_type", "POST", body="ASK {}", status=415),
    case("bad_query_non_utf8", "POST", body="ASK {}".encode("utf-16"), content_type=DIRECT + "; charset=UTF-16", status=415),
    case("bad_query_non_utf8_undeclared", "POST", body="ASK {}".encode("utf-16"), content_type=DIRECT, status=400),
    case("bad_query_syntax", "GET", [("query", "ASK {")], status=400),
    case("bad_update_get", "GET", [("update", "CLEAR ALL")], status=403),
    case("bad_multiple_updates", "POST", body="update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", content_type=FORM, status=403),
    case("bad_update_wrong_media_type", "POST", body="CLEAR NAMED", content_type="text/plain", status=415),
    case("bad_update_missing_form_type", "POST", body="update=CLEAR%20NAMED", status=415),
    case(
        "bad_update_non_utf8",
        "POST",
        body="CLEAR NAMED".encode("utf-16"),
        content_type="application/sparql-update; charset=UTF-16",
        status=403,
    ),
    case("bad_update_syntax", "POST", body="update=CLEAR%20XYZ", content_type=FORM, status=403),
    case(
        "bad_update_dataset_conflict",
        "POST",
        body=urlencode(
            {
                "using-named-graph-uri": "http://example/people",
                "update": "WITH <http://example/addresses> DELETE { ?p <http://xmlns.com/foaf/0.1/givenName> 'Bill' } "
                "WHERE { ?p <http://xmlns.com/foaf/0.1/givenName> 'Bill' }",
            }
        ),
        content_type=FORM,
        status=403,
    ),
]


@pytest.mark.parametrize("method, params, body, content_type, accept, status, types, expect, check", CASES)
def test_protocol(client, method, params, body, content_type, accept, status, types, expect, check):
    url = "/sparql" + ("?" + urlencode(params) if params else "")
    headers = {"Accept": accept} if accept else {}
    if content_type:
        headers["Content-Type"] = content_type
    response = client.open(url, method=method, data=body, headers=headers)
    assert response.status_code == status, response.data[:500]
    if status != 200:
        return
    assert response.mimetype in types
    if expect is not None:
        assert answer(response) is expect
    if check is not None:
        assert check(response), response.data[:500]
