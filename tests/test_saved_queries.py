"""Saved queries: the listing, parameters bound as terms, and expected answers on the bundled corpus."""

import csv
import io
import json

import pytest

from ingest.errors import ParameterError
from ingest.sparqltext import inline_values
from server.cli import main
from server.query.saved import bind, load_saved

REQUIRED = [
    "tmf-countries",
    "activities-by-country",
    "implementation-phase-countries",
    "activities-timeline",
    "activities-by-topic",
    "activities-by-working-area",
    "country-profile",
]


def rows(client, name, **params):
    response = client.get(f"/queries/{name}", query_string=params, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.data
    return response.json["rows"]


def test_listing(client):
    listed = client.get("/queries/", headers={"Accept": "application/json"}).json["queries"]
    names = {q["name"]: q for q in listed}
    assert set(REQUIRED) <= set(names)
    assert names["activities-by-country"]["params"][0]["name"] == "country"
    assert all(q["title"] and q["description"] for q in listed)
    page = client.get("/queries/")
    assert page.mimetype == "text/html" and b"Countries with tailings" in page.data


def test_tmf_countries(client):
    got = {r["iso3"]: r for r in rows(client, "tmf-countries")}
    assert sorted(got) == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert {iso3: int(r["activities"]) for iso3, r in got.items()} == {
        "KAZ": 8,
        "KGZ": 6,
        "TJK": 7,
        "TKM": 6,
        "UZB": 6,
    }  # with the pilot's inception workshop (tests/data/TOPICS.md, rule 5)
    assert all(r["qualifies"] == "named directly; also through Central Asia" for r in got.values())
    assert "Pilot project on tailings safety in Kazakhstan" in got["KAZ"]["evidence"]


def test_tmf_countries_through_a_region_only(store_copy, models, tmp_path):
    """Countries reached only through a region say so."""
    from ingest.pipeline import ingest_paths

    doc = tmp_path / "caucasus-tailings.txt"
    doc.write_text("Workshop on tailings safety for the Caucasus (3-4 May 2022), Tbilisi, Georgia.\n", encoding="utf-8")
    ingest_paths([doc], store_copy, models)
    answer = store_copy.query(load_saved()["tmf-countries"].text)
    got = {r["iso3"].value: r["qualifies"].value for r in answer}
    assert got["GEO"] == got["ARM"] == got["AZE"] == "through Caucasus"
    assert got["KAZ"] == "named directly; also through Central Asia"


@pytest.mark.parametrize(
    "country", ["North Macedonia", "the former Yugoslav Republic of Macedonia", "MKD", "mkd", "Republic of North Macedonia"]
)
def test_activities_by_country_accepts_names_and_codes(client, country):
    got = rows(client, "activities-by-country", country=country)
    assert len(got) == 12
    through = sorted(r["start"] for r in got if r["throughRegion"])
    assert through == ["2005-12-14", "2007-12", "2008-10-21", "2017-02-21", "2021", "2021-10-27"]
    assert {r["throughRegion"] for r in got if r["throughRegion"]} == {"South-Eastern Europe"}


def test_unknown_country_is_a_clear_400(client):
    response = client.get("/queries/activities-by-country", query_string={"country": "Narnia"}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and "Narnia" in response.json["error"]["message"] and "ISO3" in response.json["error"]["message"]
    missing = client.get("/queries/activities-by-country", headers={"Accept": "application/json"})
    assert missing.status_code == 400 and "missing parameter country" in missing.json["error"]["message"]


def test_parameters_are_bound_not_pasted(client, models):
    saved = load_saved()["activities-by-topic"]
    hostile = '"} } SELECT * WHERE { ?s ?p ?o } #'
    with pytest.raises(ParameterError):
        bind(saved, {"topic": hostile}, models.lexicon)
    iri = bind(load_saved()["country-profile"], {"country": "KGZ"}, models.lexicon)["country"]
    assert str(iri) == "<https://w3id.org/iac/id/country/KGZ>"
    assert hostile not in inline_values(saved.text, {"topic": iri})


def test_implementation_phase_countries(client):
    got = rows(client, "implementation-phase-countries")
    assert sorted(r["iso3"] for r in got) == sorted(
        ["ALB", "ARM", "AZE", "BLR", "BGR", "HRV", "GEO", "KAZ", "MKD", "MDA", "ROU", "SRB", "UKR", "UZB"]
    )
    assert all(r["completedPreparatory"] == "true" and "joined the implementation phase" in r["quote"] for r in got)


def test_activities_timeline(client):
    got = {(r["year"], r["type"]): int(r["activities"]) for r in rows(client, "activities-timeline")}
    assert sum(got.values()) == 46  # 50 activities, 4 undated
    assert got[("2010", "Training session")] == 3
    assert got[("2021", "Workshop")] == 2 and got[("2015", "Table-top exercise")] == 1


@pytest.mark.parametrize("topic, expected", [("TMF", 9), ("land-use planning", 3), ("inspection", 3), ("prevention", 5)])
def test_activities_by_topic(client, topic, expected):
    got = rows(client, "activities-by-topic", topic=topic)
    assert len(got) == expected


def test_activities_by_working_area(client):
    got = {r["workingArea"]: int(r["activities"]) for r in rows(client, "activities-by-working-area")}
    assert got == {
        "identification of hazardous activities": 5,
        "notification of hazardous activities": 0,
        "prevention": 5,
        "preparedness": 0,
        "response and mutual assistance": 1,
        "information to and public participation": 0,
    }


def test_country_profile(client):
    [kgz] = rows(client, "country-profile", country="Kyrgyz Republic")
    assert (kgz["iso3"], kgz["m49"], kgz["wikidata"]) == ("KGZ", "417", "http://www.wikidata.org/entity/Q813")
    assert (kgz["direct"], kgz["throughRegions"], kgz["firstYear"], kgz["lastYear"]) == ("5", "12", "2005", "2021")
    assert "Central Asia" in kgz["regions"] and kgz["phases"] == ""
    [alb] = rows(client, "country-profile", country="Albania")
    assert alb["phases"] == "implementation phase"
    [lie] = rows(client, "country-profile", country="LIE")
    assert (lie["direct"], lie["throughRegions"]) == ("0", "0")


def test_formats(client):
    as_csv = client.get("/queries/tmf-countries", query_string={"format": "csv"})
    assert as_csv.mimetype == "text/csv" and len(list(csv.reader(io.StringIO(as_csv.data.decode())))) == 6
    srj = client.get("/queries/tmf-countries", headers={"Accept": "application/sparql-results+json"})
    assert len(srj.json["results"]["bindings"]) == 5
    page = client.get("/queries/activities-by-country", query_string={"country": "Kyrgyzstan"})
    assert page.mimetype == "text/html" and b"Awareness-raising workshop for Kyrgyzstan" in page.data
    form = client.get("/queries/activities-by-country")
    assert form.status_code == 200 and b'name="country"' in form.data
    assert client.get("/queries/no-such-query").status_code == 404


def test_cli_runs_saved_queries(runner, corpus_store_path):
    result = runner.invoke(
        main,
        [
            "--store",
            str(corpus_store_path),
            "query",
            "--name",
            "activities-by-country",
            "--param",
            "country=the former Yugoslav Republic of Macedonia",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 12
    bad = runner.invoke(main, ["--store", str(corpus_store_path), "query", "--name", "country-profile", "--param", "country=Atlantis"])
    assert bad.exit_code == 2 and "Atlantis" in bad.output
    listing = runner.invoke(main, ["--store", str(corpus_store_path), "query", "--list"])
    assert all(name in listing.output for name in REQUIRED)
