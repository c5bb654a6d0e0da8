"""Hub pages (server/hubs.py) over the bundled corpus, and the map they draw (server/atlas.py): what a country,
region, topic, kind of activity, place or year is, its activities over time (its own and through a region), the
map, and links to the hubs of everything they name, in people's words."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, free_port, wait_for

from server import atlas

C = "https://w3id.org/iac/id/country/"


def test_the_atlas_holds_the_programmes_countries_in_its_frame():
    names = {s.name for s in atlas.shapes()}
    assert {
        "Kazakhstan",
        "Serbia",
        "Montenegro",
        "Kosovo",
        "Macedonia",
        "Armenia",
        "Tajikistan",
        "Republic of Moldova" if "Republic of Moldova" in names else "Moldova",
    } <= names
    assert "Brazil" not in names and "Japan" not in names
    x, y = atlas.project(71.4, 51.2)  # Astana lies inside the frame
    assert 0 < x < atlas.WIDTH and 0 < y < atlas.HEIGHT


@pytest.mark.parametrize("count, shade", [(0, 0), (1, 1), (2, 1), (3, 2), (10, 3), (11, 4), (20, 4), (21, 5), (300, 5)])
def test_shade_classes(count, shade):
    assert atlas.shade(count) == shade


def test_labels_never_overlap_even_in_the_balkans():
    small = [
        "Montenegro",
        "Kosovo",
        "Macedonia",
        "Albania",
        "Serbia",
        "Bosnia and Herz.",
        "Croatia",
        "Slovenia",
        "Armenia",
        "Georgia",
        "Azerbaijan",
    ]
    shapes = [s for s in atlas.shapes() if s.name in small]
    placed = atlas.place_labels([(s, s.name, s.m49 or s.name) for s in shapes])
    assert len(placed) == len(shapes)
    boxes = [(p["x"] - len(p["text"]) * 3.03, p["y"] - 11, p["x"] + len(p["text"]) * 3.03, p["y"] + 2) for p in placed]
    assert not any(atlas._overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert any(p["leader"] for p in placed)  # (Montenegro and Kosovo are too small to hold their names)


def test_a_country_hub_says_what_it_is_and_what_it_had_own_and_through_its_regions(client):
    body = client.get("/id/country/KAZ", headers={"Accept": "application/json"}).get_json()
    hub = body["hub"]
    assert hub["kind"] == "country" and hub["label"] == "Kazakhstan"
    assert "Казахстан" in hub["names"]["ru"] and hub["names"]["fr"] and hub["names"]["en"][0] == "Kazakhstan"
    assert hub["codes"] == {"iso2": "KZ", "iso3": "KAZ", "m49": "398"} and hub["wikidata"].endswith("/Q232")
    assert {r["label"] for r in hub["regions"]} >= {"Central Asia"}
    through = [a for a in hub["activities"] if a["through"]]
    assert through and hub["direct"] == hub["total"] - len(through) and hub["direct"] > 0
    assert {a["through"]["label"] for a in through} <= {"Central Asia", "Eastern Europe, the Caucasus and Central Asia"}
    assert hub["timeline"]["types"][-1] == "Through a region"  # (the timeline marks them as a series of their own)
    assert sum(y["counts"].get("Through a region", 0) for y in hub["timeline"]["years"]) == sum(bool(a["year"]) for a in through)
    years = [y["year"] for y in hub["timeline"]["years"]]
    assert years == list(range(years[0], years[-1] + 1)) and any(y["total"] == 0 for y in hub["timeline"]["years"])
    assert "Activity" not in {a["type"] for a in hub["activities"]}  # each activity's most specific kind
    assert sum(a["evidence"] is not None for a in hub["activities"]) >= hub["total"] - 2
    assert hub["countries"][C + "KAZ"]["own"] == hub["direct"]


def test_a_hub_page_names_things_in_words_and_links_each_to_its_hub(client):
    html = client.get("/id/country/KAZ").get_data(as_text=True)
    visible = re.sub(r"<[^>]+>", " ", html.split("All facts about")[0])
    assert "country/KAZ" not in visible and "ontology#" not in visible and "TrainingSession" not in visible
    assert 'href="/id/topic/tailings-management-facilities"' in html and 'href="/id/region/central-asia"' in html
    assert 'href="/ontology/Project"' in html and 'href="/id/place/almaty-kz"' in html
    assert re.search(r'<a href="/id/country/TJK" data-iso3="TJK"', html)  # the map: every country is a link
    assert "See the SPARQL behind this list" in html and "/editor?query=" in html


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/id/region/central-asia", "region"),
        ("/id/topic/land-use-planning", "topic"),
        ("/ontology/Workshop", "type"),
        ("/id/place/almaty-kz", "place"),
        ("/year/2019", "year"),
    ],
)
def test_every_kind_of_hub(client, path, kind):
    hub = client.get(path + "?format=json").get_json()
    hub = hub.get("hub", hub)
    assert hub["kind"] == kind and hub["activities"], path
    assert client.get(path).status_code == 200
    if kind == "region":
        assert {m["label"] for m in hub["members"]} >= {"Kazakhstan", "Tajikistan"}
    if kind == "type":
        assert all(a["type"] in ("Workshop",) for a in hub["activities"])
    if kind == "year":
        assert all(a["start"].startswith("2019") for a in hub["activities"])


def test_a_year_filters_a_hubs_list_and_an_empty_year_says_so(client):
    hub = client.get("/id/country/KAZ?year=2019&format=json").get_json()["hub"]
    assert hub["shown_year"] == "2019" and all(a["year"] == "2019" for a in hub["activities"])
    assert "No activity began in 2006" in client.get("/year/2006").get_data(as_text=True)
    assert client.get("/year/3000").status_code == 404


def test_the_sparql_behind_a_hub_gives_its_list(client):
    hub = client.get("/id/topic/tailings-management-facilities?format=json").get_json()["hub"]
    rows = client.get("/sparql", query_string={"query": hub["sparql"]}, headers={"Accept": "application/sparql-results+json"}).get_json()
    assert {b["activity"]["value"] for b in rows["results"]["bindings"]} == {a["iri"] for a in hub["activities"]}


def test_answer_tables_show_names_and_fold_long_cells(client):
    html = client.get("/search?q=Which+countries+had+TMF+training%3F").get_data(as_text=True)
    table = html.split('<table class="answer answer-cards">')[1].split("</table>")[0]
    assert ">tailings management facilities</a>" in table and ">Activity</a>" in table
    assert "ontology#Activity</td>" not in table and "<details" in table


def test_the_editors_map_view_draws_the_countries_it_is_sent(client):
    html = client.post("/api/map", json={"counts": {C + "KAZ": 3, C + "SRB": 12}}).get_data(as_text=True)
    assert re.search(r'data-iso3="KAZ" data-count="3"', html) and re.search(r'data-iso3="SRB" data-count="12"', html)
    assert 'class="region region-' in html  # (the Programme's regions outlined)
    for bad in ({"counts": "KAZ"}, {"counts": {C + "KAZ": "three"}}, ["KAZ"]):
        response = client.post("/api/map", json=bad)
        assert response.status_code == 400 and "counts" in response.get_json()["error"]["message"]


@pytest.mark.parametrize(
    "start, end, said",
    [
        ("2019-11-20", "2019-11-21", "20–21 November 2019"),
        ("2019-11-20", "", "20 November 2019"),
        ("2021", "2022", "2021–2022"),
        ("2009-03", "2010-06", "March 2009 – June 2010"),
        ("2019-11-30", "2019-12-02", "30 November 2019 – 2 December 2019"),
        ("2018", "2018", "2018"),
    ],
)
def test_dates_in_words(start, end, said):
    from server.app import when

    assert when(start, end) == said


def test_an_activity_page_names_its_properties_in_words(client):
    html = client.get("/id/activity/2012-10-22-trainingsession-08cd288dab").get_data(as_text=True)
    visible = re.sub(r"<[^>]+>", " ", html)
    assert "derived from" in visible and "beneficiary" in visible and "is a" in visible
    assert "prov:wasDerivedFrom" not in visible and "rdf:type" not in visible
    assert 'title="http://www.w3.org/ns/prov#wasDerivedFrom"' in html  # (the IRI on hover)


def _install(tmp_path, pip: str) -> subprocess.CompletedProcess:
    """The Makefile's install recipe with pip replaced by a shell command (and no venv made: PY is true)."""
    return subprocess.run(
        [
            "make",
            "-s",
            "-f",
            str(ROOT / "Makefile"),
            f"VENV={tmp_path}",
            "PY=true",
            f"PIP={pip}",
            "RETRY_PAUSE=0",
            f"{tmp_path}/.installed",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # (runs make)
def test_the_install_is_quiet_and_says_what_failed(tmp_path):
    """pip's output goes to a log, shown only when a step fails; a failed step is tried three times (a download
    cut off half-way is fetched again) before the install gives up and says where the log is."""
    done = _install(tmp_path, "sh -c 'echo pip chatter' --")
    assert done.returncode == 0 and "pip chatter" not in done.stdout and done.stdout.strip().splitlines()[-1] == "installed"
    assert "pip chatter" in (tmp_path / "install.log").read_text()
    (tmp_path / ".installed").unlink()
    failed = _install(tmp_path, "sh -c 'echo pip says no; exit 1' --")
    log = (tmp_path / "install.log").read_text()
    assert failed.returncode != 0 and "pip says no" in failed.stdout and f"install failed: see {tmp_path}/install.log" in failed.stdout
    assert log.count("pip says no") == 3 and "attempt 3 failed" in log and not (tmp_path / ".installed").exists()


def test_serve_ends_with_where_to_go(corpus_store_path):
    """`serve` ends with "open http://HOST:PORT/"."""
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "iackg"), "--store", str(corpus_store_path), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1] == f"open http://127.0.0.1:{port}/", lines
