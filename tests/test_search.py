"""Semantic search: the verified model, the index beside the store, hybrid ranking, query understanding,
and the API's answers to good and bad queries."""

import json
import shutil

import pytest
from conftest import CORPUS

from ingest.embed import MODEL_SHA256, ModelError, model_dir
from ingest.index import IndexError_, SearchIndex
from ingest.pipeline import ingest_paths
from server.query.search import NO_RESULTS, Searcher


@pytest.fixture(scope="module")
def searcher(corpus_store_path, models):
    entries, vectors = SearchIndex(corpus_store_path).load(models.encoder)
    return Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)


def labels(answer, n=None):
    return [r["label"] for r in answer["results"][:n]]


def test_model_is_verified(tmp_path):
    assert (model_dir() / "model.safetensors").exists()
    fake = tmp_path / "all-MiniLM-L6-v2"
    fake.mkdir()
    (fake / "model.safetensors").write_bytes(b"not the weights")
    with pytest.raises(ModelError, match=MODEL_SHA256):
        model_dir(tmp_path)


def test_index_beside_the_store(corpus_store_path, models):
    index = SearchIndex(corpus_store_path)
    manifest = json.loads((index.path / "manifest.json").read_text())
    assert manifest == {"model": "sentence-transformers/all-MiniLM-L6-v2", "sha256": MODEL_SHA256, "dimensions": 384}
    entries, vectors = index.load(models.encoder)
    assert len(entries) == len(vectors) and vectors.shape[1] == 384
    assert sum(e.kind == "activity" for e in entries) == 54  # 50 activities, 4 of them in two documents


def test_an_index_from_another_model_is_refused(store_copy, models):
    index = SearchIndex(store_copy.path)
    manifest = index.path / "manifest.json"
    manifest.write_text(json.dumps({"model": "some/other-model", "sha256": "0" * 64, "dimensions": 768}))
    with pytest.raises(IndexError_, match="other-model"):
        index.load(models.encoder)


def test_reingest_replaces_a_documents_vectors(store_copy, models, tmp_path):
    edited = tmp_path / "tmf-pilot-kazakhstan-2018.html"
    shutil.copy(CORPUS / edited.name, edited)
    edited.write_text(edited.read_text(encoding="utf-8").replace("an inception workshop", "a launch workshop"), encoding="utf-8")
    ingest_paths([edited], store_copy, models)
    entries, vectors = SearchIndex(store_copy.path).load(models.encoder)
    labels_now = {e.label for e in entries if e.doc.endswith("tmf-pilot-kazakhstan-2018.html")}
    assert "launch workshop" in labels_now and "inception workshop" not in labels_now
    assert len(entries) == len(vectors)


@pytest.mark.parametrize(
    "query, expected",
    [
        pytest.param("mining waste dams", "tailings", id="tailings-paraphrase"),
        pytest.param("oil spill response drill near the Danube", "exercise", id="exercise-paraphrase"),
        pytest.param("planning where factories may be built near towns", "land-use planning", id="land-use-paraphrase"),
    ],
)
def test_paraphrases_find_activities(searcher, query, expected):
    top = " ".join(labels(searcher.search(query, k=3).to_json())).lower()
    assert expected in top, labels(searcher.search(query, k=3).to_json())


def test_historical_names_filter(searcher):
    answer = searcher.search("trainings in North Macedonia", k=20).to_json()
    assert answer["understood"]["countries"] == ["https://w3id.org/iac/id/country/MKD"]
    assert answer["results"] and all("North Macedonia" in r["countries"] or not r["countries"] for r in answer["results"][:3])
    assert "former Yugoslav Republic of Macedonia" in answer["results"][0]["label"]


def test_years_raise_what_matches_them_and_keep_the_rest(searcher):
    """ "workshops since 2019": the activities of those years first (with the documents that describe them); the
    rest follow, never deleted (a page about the years without an activity dated in them still answers)."""
    answer = searcher.search("workshops since 2019", k=50).to_json()
    assert answer["understood"]["years"] == [2019, 9999]
    activities = [r for r in answer["results"] if r["type"] != "Document"]
    within = [bool(r["start"] and (r["end"] or r["start"])[:4] >= "2019") for r in activities]
    assert within[:5] == [True] * 5 and False in within


def test_hybrid_beats_each_ranking_alone_on_a_paraphrase(searcher):
    query = "mine waste storage safety project in Kazakhstan"
    assert "tailings" in labels(searcher.search(query, k=1).to_json())[0].lower()


def test_api_search(client):
    response = client.get("/api/search", query_string={"q": "tailings safety in Central Asia", "k": 5})
    body = response.json
    assert response.status_code == 200 and body["query"] == "tailings safety in Central Asia"
    first = body["results"][0]
    assert set(first) >= {"iri", "label", "type", "score", "start", "end", "countries", "snippet", "source"}
    assert first["place"] in ("Almaty", "")
    assert "<mark>" in first["snippet"] and len(body["results"]) == 5
    assert {"country", "year", "type", "topic"} == set(body["facets"])
    narrowed = client.get("/api/search", query_string={"q": "tailings safety", "country": "TJK"}).json
    assert narrowed["results"] and all("Tajikistan" in r["countries"] or "Central Asia" in r["countries"] for r in narrowed["results"])


@pytest.mark.parametrize("q", ["", "   ", "x" * 10240, "tailings\x00safety", "\x1b[31mred"])
def test_bad_queries_get_400_not_500(client, q):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 400 and response.json["error"]["message"]


def test_odd_but_valid_queries_answer(client):
    for q in ("<script>alert(1)</script>", "SELECT * WHERE { ?s ?p ?o }", "ünïcödé Тбилиси", "??"):
        response = client.get("/api/search", query_string={"q": q})
        assert response.status_code == 200
        assert "<script>" not in json.dumps(response.json["results"])


def test_cli_search(runner, corpus_store_path):
    from server.cli import main

    result = runner.invoke(main, ["--store", str(corpus_store_path), "search", "tailings in Kazakhstan", "--json", "-k", "3"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["results"]) == 3
    empty = runner.invoke(main, ["--store", str(corpus_store_path), "search", "  "])
    assert empty.exit_code == 2
    second = runner.invoke(main, ["--store", str(corpus_store_path), "search", "tailngs in Kazakhstan", "-k", "3", "--page", "2"])
    assert second.exit_code == 0 and "page 2 of" in second.output and "searched as: tailings in Kazakhstan" in second.output


@pytest.mark.parametrize(
    "query", ["pizza recipes", "xqzv kjwp lrrt", "футбольный чемпионат мира", "recette tarte tatin", "семинар Севезо"]
)  # (a kind of activity named, of which the corpus has none, and a name it lacks)
def test_a_query_nothing_is_about_gets_no_relevant_results(searcher, query):
    answer = searcher.search(query).to_json()
    assert answer["relevant"] is False and answer["results"] == [] and answer["total"] == 0
    assert answer["message"] == NO_RESULTS[answer["lang"]] and not any(answer["facets"].values())


@pytest.mark.parametrize(
    "query", ["becoming a party to the treaty", "planning where factories may be built near towns", "Giurgiulesti", "Казахстан", "учения"]
)
def test_a_paraphrase_a_rare_name_or_a_country_or_kind_named_in_russian_is_answered(searcher, query):
    assert searcher.search(query).to_json()["relevant"] is True


def test_no_relevant_results_in_html_and_json(client):
    page = client.get("/search", query_string={"q": "pizza recipes"})
    assert page.status_code == 200 and "No relevant results" in page.get_data(as_text=True)
    body = client.get("/api/search", query_string={"q": "pizza recipes"}).json
    assert body["relevant"] is False and body["results"] == [] and body["message"] == "no relevant results"


@pytest.mark.parametrize(
    "query, years",
    [
        ("activities between 2015 and 2017", [2015, 2017]),
        ("workshops from 2016 to 2019", [2016, 2019]),
        ("training in 2021", [2021, 2021]),
        ("workshops since 2019", [2019, 9999]),
        ("projects 2016-2019", [2016, 2019]),
        ("семинары с 2016 по 2019 год", [2016, 2019]),
        ("учения с 2015 года", [2015, 9999]),
        ("ateliers entre 2015 et 2017", [2015, 2017]),
        ("formations depuis 2018", [2018, 9999]),
        ("workshops before 2010", [0, 2009]),
        ("семинары до 2010 года", [0, 2009]),
        ("exercises until 2012", [0, 2012]),
    ],
)
def test_a_span_of_years_is_read_whole(searcher, query, years):
    assert searcher.search(query).to_json()["understood"]["years"] == years


def test_a_misspelt_or_unaccented_name_is_read_as_the_name(searcher):
    """ "tailngs safety Kyrgystan": read as "tailings safety Kyrgyzstan", said so (read_as), and understood."""
    answer = searcher.search("tailngs safety Kyrgystan").to_json()
    assert answer["read_as"] == "tailings safety Kyrgyzstan" and answer["query"] == "tailngs safety Kyrgystan"
    assert answer["understood"]["countries"] == ["https://w3id.org/iac/id/country/KGZ"] and answer["results"]
    assert searcher.search("Ouzbekistan").to_json()["understood"]["countries"] == ["https://w3id.org/iac/id/country/UZB"]
    assert "read_as" not in searcher.search("tailings safety").to_json()


def test_a_thing_named_in_one_language_finds_text_in_another(searcher):
    """A Russian kind of activity and topic ("семинар … землепользования") finds the English workshops on
    land-use planning: each named thing is matched by its names in English, Russian and French."""
    results = searcher.search("семинары по планированию землепользования", k=5).to_json()["results"]
    assert any("land-use planning" in r["label"].lower() for r in results), [r["label"] for r in results]
    plain = searcher.search("семинары по планированию землепользования", k=5, mode="bm25").to_json()["results"]
    assert not any("land-use planning" in r["label"].lower() for r in plain)  # (plain BM25 matches words, not things)


def test_a_document_competes_with_its_activities(searcher):
    """A passage speaks for its document as well as for the activities it is evidence of: documents rank among
    activities, raised by the activities they describe."""
    results = searcher.search("Subregional workshop on mine tailings safety in Central Asia", k=10).to_json()["results"]
    assert {"Document", "Workshop"} <= {r["type"] for r in results}


def test_results_come_in_pages_and_facets_in_words(client):
    """page=2 gives the next results (none repeated); every facet value is there, with its label and IRI; the
    page links to the next one and folds long facets under "more"."""
    first = client.get("/api/search", query_string={"q": "workshop", "k": 5}).json
    second = client.get("/api/search", query_string={"q": "workshop", "k": 5, "page": 2}).json
    assert first["pages"] >= 2 and second["page"] == 2 and second["results"]
    assert not {r["iri"] for r in first["results"]} & {r["iri"] for r in second["results"]}
    countries = first["facets"]["country"]
    assert sum(f["count"] for f in countries) >= len(countries) > 8
    mkd = next(f for f in countries if f["value"] == "MKD")
    assert mkd["label"] == "North Macedonia" and mkd["iri"] == "https://w3id.org/iac/id/country/MKD"
    assert next(f for f in first["facets"]["type"] if f["value"] == "Workshop")["label"].lower() == "workshop"
    page = client.get("/search", query_string={"q": "workshop", "k": 5}).get_data(as_text=True)
    assert 'rel="next"' in page and "page=2" in page and "more</summary>" in page and ">North Macedonia</a>" in page
    assert client.get("/api/search", query_string={"q": "workshop", "page": "0"}).status_code == 400


def test_snippets_mark_whole_words_and_keep_entities_whole():
    from server.query.search import highlight

    snippet = highlight("Training & restraint: the AT&T training of trainers in Almaty", "train amp almaty")
    assert snippet == (
        "<mark>Training</mark> &amp; restraint: the AT&amp;T <mark>training</mark> of <mark>trainers</mark> in <mark>Almaty</mark>"
    )


@pytest.mark.parametrize("query", ["online events", "онлайн мероприятия", "activités en ligne"])
def test_online_is_understood_in_three_languages(searcher, query):
    answer = searcher.search(query).to_json()
    assert answer["understood"]["online"] is True and answer["relevant"] is True


@pytest.mark.parametrize(
    "query, topic",
    [
        ("rapports de sécurité Serbie", "safety-reports"),
        ("résidus miniers", "tailings-management-facilities"),
        ("Planification territoriale Arménie", "land-use-planning"),
    ],
)
def test_a_short_french_query_names_its_topic(searcher, query, topic):
    """A French topic name is read in a query of a few words, with no article to tell its language."""
    assert searcher.search(query).to_json()["understood"]["topics"] == [f"https://w3id.org/iac/id/topic/{topic}"]


@pytest.mark.parametrize(
    "query, water",
    [
        ("учения на Днестре", "dniester"),
        ("exercice sur le Dniestr", "dniester"),
        ("Syr Darya expert meetings", "syr-darya"),
        ("Danube exercises", "danube"),
    ],
)
def test_a_river_is_named_in_any_language(searcher, query, water):
    """Rivers are matched by all their names (ontology/waters.ttl): "на Днестре" finds what English pages say of
    the Dniester."""
    mentions = searcher.search(query).to_json()["understood"]["mentions"]
    assert [m[0] for m in mentions if m[2].endswith("/water/" + water)][:1] == ["WATER"]
    assert not any(m[0] == "WATER" for m in searcher.search("или что-то ещё").to_json()["understood"]["mentions"])
