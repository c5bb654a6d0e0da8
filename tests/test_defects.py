"""Defects found by an outside review, one test (or a few cases) each, so that they stay fixed."""

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

SD = "http://www.w3.org/ns/sparql-service-description#"
ACTIVITY = "/id/activity/2012-10-22-trainingsession-08cd288dab"
NASTY = "Tailings <!--<script> workshop </script><b>bold</b> & co \u2028\u2029"
SCRIPT_OPEN = '<script type="application/ld+json">'


# 1. A title that opens an HTML comment and a <script> inside the schema.org block blanked the page.


def test_script_json_escapes_everything_that_can_end_or_bend_a_script_block():
    from server.entities import script_json

    text = script_json({"name": NASTY})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert "\\u003c!--\\u003cscript\\u003e" in text and "\\u0026" in text and "\\u2028\\u2029" in text
    assert json.loads(text) == {"name": NASTY}


def test_activity_title_with_comment_and_script_keeps_its_page(client, monkeypatch):
    import server.entities

    real = server.entities.describe

    def describe(iri):
        entity = real(iri)
        return {**entity, "label": NASTY}

    monkeypatch.setattr(server.entities, "describe", describe)
    response = client.get(ACTIVITY, headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.data.decode()
    start = page.index(SCRIPT_OPEN) + len(SCRIPT_OPEN)
    end = page.index("</script>", start)
    script = page[start:end]
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["name"] == NASTY and json.loads(script)["@type"] == "Event"
    rest = page[end:]  # the main content comes after the block, with the title escaped as text
    assert "<main>" in rest and "<h1>Tailings &lt;!--&lt;script&gt; workshop &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; co" in rest
    assert "Facts" in rest and "</html>" in rest


def test_editor_config_script_is_escaped(client):
    page = client.get("/editor").data.decode()
    start = page.index('<script type="application/json" id="editor-config">')
    script = page[start : page.index("</script>", start)].split(">", 1)[1]
    assert "<" not in script and json.loads(script)


# 2. IRIs that are not valid IRIs, or paths that are not UTF-8, gave 500.


@pytest.mark.parametrize(
    "path, status",
    [
        pytest.param("/id/a%FFb", 400, id="id-invalid-utf8"),
        pytest.param("/id/activity/%C3%28", 400, id="id-invalid-utf8-sequence"),
        pytest.param("/id/a%20b", 404, id="id-space"),
        pytest.param("/id/a%3Cb", 404, id="id-less-than"),
        pytest.param("/id/a%3Eb", 404, id="id-greater-than"),
        pytest.param("/id/a%22b", 404, id="id-quote"),
        pytest.param("/id/doc/a%7Bb", 404, id="id-doc-brace"),
        pytest.param("/ontology/a%22b", 404, id="ontology-quote"),
        pytest.param("/ontology/a%20b", 404, id="ontology-space"),
        pytest.param("/ontology/a%3Cb%3E", 404, id="ontology-angle-brackets"),
        pytest.param("/ontology/a%FFb", 400, id="ontology-invalid-utf8"),
    ],
)
@pytest.mark.parametrize("accept", ["text/html", "application/json", "text/turtle"])
def test_invalid_iris_get_a_client_error(client, path, status, accept):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == status, response.data[:300]
    if accept == "application/json":
        assert response.json["error"]["status"] == status
    elif accept == "text/html":
        assert response.mimetype == "text/html" and f"<h1>{status} ".encode() in response.data
        if status == 404:
            assert b'role="search"' in response.data


def test_valid_iris_still_work(client):
    assert client.get("/id/country/KGZ").status_code == 200
    assert client.get("/ontology/Workshop").status_code == 200


# 3. More than one query in a request.


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda c: c.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"), id="get-twice"),
        pytest.param(
            lambda c: c.post("/sparql", data="query=ASK%20%7B%7D&query=ASK%20%7B%7D", content_type="application/x-www-form-urlencoded"),
            id="form-twice",
        ),
        pytest.param(lambda c: c.post("/sparql?query=ASK%20%7B%7D", data={"query": "ASK {}"}), id="url-and-form"),
        pytest.param(
            lambda c: c.post("/sparql?query=ASK%20%7B%7D", data="ASK {}", content_type="application/sparql-query"), id="url-and-direct-body"
        ),
    ],
)
def test_more_than_one_query_is_refused(client, send):
    response = send(client)
    assert response.status_code == 400
    assert "more than once" in response.data.decode()


# 4. A form without a query gave the service description.


@pytest.mark.parametrize(
    "data", [pytest.param({}, id="empty-form"), pytest.param({"default-graph-uri": "https://w3id.org/iac/id/doc/x"}, id="graphs-only")]
)
def test_form_without_query_is_refused(client, data):
    response = client.post("/sparql", data=data, content_type="application/x-www-form-urlencoded", headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "query parameter" in response.json["error"]["message"]


def test_get_without_query_is_still_the_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"


# 5. Content negotiation of the service description.


@pytest.mark.parametrize(
    "accept, mimetype, fmt",
    [
        pytest.param("application/rdf+xml", "application/rdf+xml", "xml", id="rdfxml"),
        pytest.param("application/n-triples", "application/n-triples", "nt", id="ntriples"),
        pytest.param("text/turtle", "text/turtle", "turtle", id="turtle"),
        pytest.param("application/ld+json", "application/ld+json", "json-ld", id="jsonld"),
        pytest.param("*/*", "text/turtle", "turtle", id="anything"),
        pytest.param(None, "text/turtle", "turtle", id="no-accept"),
        pytest.param("text/turtle;q=0.5, application/rdf+xml", "application/rdf+xml", "xml", id="q-weighted"),
    ],
)
def test_service_description_formats(client, accept, mimetype, fmt):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == mimetype
    graph = Graph().parse(data=response.data, format=fmt)
    assert (URIRef("http://localhost/sparql"), RDF.type, URIRef(SD + "Service")) in graph


def test_service_description_format_parameter(client):
    response = client.get("/sparql", query_string={"format": "rdfxml"}, headers={"Accept": "text/turtle"})
    assert response.mimetype == "application/rdf+xml"
    assert client.get("/sparql", query_string={"format": "png"}).status_code == 406


@pytest.mark.parametrize("accept", ["image/png", "application/sparql-results+json", "text/csv"])
def test_service_description_refuses_what_it_cannot_give(client, accept):
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 406
    assert "application/rdf+xml" in response.data.decode()


@pytest.mark.parametrize("path", ["/id/a%FFb", "/ontology/a%FFb"])
def test_undecodable_paths_on_the_real_server(live_server, path):
    """Under waitress, PATH_INFO carries the raw bytes (the test client has already replaced them)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(live_server + path, headers={"Accept": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 400 and json.loads(caught.value.read())["error"]["status"] == 400


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("graph", ["a b", "<https://w3id.org/iac/id/doc/x>", "relative"])
def test_graph_parameters_that_are_not_iris_get_400(client, param, graph):
    response = client.get("/sparql", query_string={"query": "ASK {}", param: graph})
    assert response.status_code == 400 and param in response.data.decode()
