"""The web pages through Flask's test client: 404s, JSON twins, content negotiation, escaping."""

import json
import re

import pytest


@pytest.mark.parametrize("path", ["/id/activity/no-such-thing", "/id/country/XXX", "/ontology/NoSuchTerm", "/no/such/page"])
def test_unknown_pages_get_a_helpful_404(client, path):
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 404 and b'role="search"' in response.data and b"saved queries" in response.data


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=tailings",
        "/search?q=Which+countries+joined+the+implementation+phase%3F",
        "/id/country/KGZ",
        "/id/doc/danube-delta-exercises-2015.txt",
        "/ontology/Workshop",
        "/queries/",
    ],
)
def test_every_page_has_a_json_twin(client, path):
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert json.loads(response.data)


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")])
def test_entity_rdf_twins(client, accept, fmt):
    from rdflib import Graph, URIRef

    response = client.get("/id/region/central-asia", headers={"Accept": accept})
    graph = Graph().parse(data=response.data, format=fmt)
    assert (
        URIRef("https://w3id.org/iac/id/region/central-asia"),
        URIRef("https://w3id.org/iac/ontology#member"),
        URIRef("https://w3id.org/iac/id/country/KAZ"),
    ) in graph


def test_activity_page_embeds_schema_org(client):
    page = client.get("/id/activity/2012-10-22-trainingsession-08cd288dab").data.decode()
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    data = json.loads(page[start : page.index("</script>", start)])
    assert data["@type"] == "Event" and data["startDate"] == "2012-10-22" and data["location"]["name"] == "Split"


def test_document_view_marks_the_quote(client):
    page = client.get("/id/doc/split-inspection-training-2012.html", query_string={"start": 218, "end": 531}).data.decode()
    assert 'id="focus"' in page and 'class="m-city"' in page


def test_input_is_escaped(client):
    page = client.get("/search", query_string={"q": "<script>alert(1)</script>"}).data.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_editor_and_its_vocabulary(client):
    page = client.get("/editor").data.decode()
    assert "vendor/yasgui/yasgui.min.js" in page and "Countries with tailings (TMF) activities" in page
    terms = client.get("/api/vocabulary").json["terms"]
    assert {"iac:Workshop", "iac:beneficiary", "country:KGZ", "topic:land-use-planning"} <= set(terms)
    assert client.get("/static/vendor/yasgui/LICENSE.txt").status_code == 200


def test_home_counts(client):
    data = client.get("/?format=json").json
    assert (data["activities"], data["documents"]) == (50, 8)
    assert {p["iso3"] for p in data["map"]} >= {"KAZ", "TJK", "MKD", "SRB"}


@pytest.mark.parametrize(
    "typed, found",
    [
        ("country:ka", "country:KAZ"),
        ("country:Ka", "country:KAZ"),
        ("Kazakh", "country:KAZ"),
        ("Казах", "country:KAZ"),
        ("ouzbék", "country:UZB"),
        ("iac:train", "iac:TrainingSession"),
        ("хвост", "topic:tailings-management-facilities"),
    ],
)
def test_the_editor_completes_names_in_any_case_accents_and_language(client, typed, found):
    terms = client.get("/api/complete", query_string={"q": typed}).json["terms"]
    assert terms and terms[0]["name"] == found and terms[0]["label"]


def test_a_shared_query_gets_a_short_stable_link_that_opens_the_editor_on_it(client, app):
    query = "SELECT ?r WHERE { ?r a <https://w3id.org/iac/ontology#Region> }"
    first = client.post("/api/share", json={"query": query}).json
    assert re.fullmatch(r"/s/[0-9a-f]{12}", first["url"]) and client.post("/api/share", data={"query": query}).json == first
    opened = client.get(first["url"])
    assert opened.status_code == 302 and opened.headers["Location"].endswith(f"/editor?shared={first['id']}")
    page = client.get(opened.headers["Location"]).get_data(as_text=True)
    assert "ontology#Region" in page and len(first["link"]) < 60
    assert client.get("/s/000000000000").status_code == 404 and client.get("/s/..%2Fsecret").status_code == 404
    assert client.post("/api/share", json={"query": " "}).status_code == 400
    assert client.post("/api/share", json={"query": "x" * 100_001}).status_code == 413
