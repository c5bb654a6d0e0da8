"""Questions answered by saved queries, with the SPARQL shown; search when no query fits."""

import json

import pytest


@pytest.mark.parametrize(
    "question, template, check",
    [
        pytest.param(
            "Which countries had TMF training?",
            "countries-by-topic-and-kind",  # (no training on tailings here:
            lambda rows: sorted(r["iso3"] for r in rows) == ["KAZ", "KGZ", "TJK", "TKM", "UZB"],
            id="tmf",
        ),  # every kind, said so)
        pytest.param(
            "What activities took place in Serbia?",
            "activities-by-country",
            lambda rows: len(rows) >= 10 and any(r["place"] == "Belgrade" for r in rows),
            id="serbia",
        ),
        pytest.param(
            "Which countries joined the implementation phase?",
            "implementation-phase-countries",
            lambda rows: len(rows) == 14,
            id="implementation",
        ),
        pytest.param(
            "How many workshops were held per year?",
            "kind-per-year",
            lambda rows: any(r["kind"].endswith("#Workshop") and r["year"] == "2021" for r in rows),
            id="kind-per-year",
        ),
        pytest.param(
            "How did activity change over time?",
            "activities-timeline",
            lambda rows: any(r["type"] == "Workshop" and r["year"] == "2021" for r in rows),
            id="timeline",
        ),
        pytest.param(
            "What was done on land-use planning?",
            "activities-by-topic",
            lambda rows: len(rows) == 3 and all("land-use planning" in r["title"] for r in rows),
            id="land-use",
        ),
        pytest.param(
            "What took place in Belgrade?",
            "activities-by-place",
            lambda rows: rows and all(r["activity"].startswith("https://w3id.org/iac/id/activity/") for r in rows),
            id="place",
        ),
        pytest.param(
            "What happened between 2015 and 2016?",
            "activities-in-period",
            lambda rows: (
                rows
                and all(r["start"][:4] <= "2016" and (r["end"] or r["start"])[:4] >= "2015" for r in rows)
                and {r["start"][:4] for r in rows} >= {"2015", "2016"}
            ),
            id="period",
        ),
        pytest.param(
            "Activities in Central Asia",
            "activities-by-region",
            lambda rows: len(rows) >= 10 and all(r["region"].endswith("/central-asia") for r in rows),
            id="region",
        ),
        pytest.param(
            "How many activities per country?",
            "activities-per-country",
            lambda rows: {r["iso3"] for r in rows} >= {"KAZ", "SRB"} and all(int(r["activities"]) > 0 for r in rows),
            id="per-country",
        ),
        pytest.param(
            "Какие мероприятия проводились в Сербии?",
            "activities-by-country",
            lambda rows: len(rows) >= 10 and any(r["place"] == "Belgrade" for r in rows),
            id="ru-serbia-inflected",
        ),
    ],
)
def test_required_questions(client, question, template, check):
    response = client.get("/api/ask", query_string={"q": question})
    body = response.json
    assert response.status_code == 200 and body["template"]["name"] == template, body.get("template")
    assert check(body["rows"]), body["rows"][:3]
    assert body["sparql"].lstrip().startswith("# title:") and "SELECT" in body["sparql"]
    if body["bindings"]:
        assert "VALUES" in body["sparql"] and all(v in body["sparql"] for v in body["bindings"].values())


def test_shown_sparql_runs_as_it_stands(client):
    body = client.get("/api/ask", query_string={"q": "What activities took place in Serbia?"}).json
    again = client.post("/sparql", data={"query": body["sparql"]}, headers={"Accept": "application/sparql-results+json"})
    assert len(again.json["results"]["bindings"]) == len(body["rows"])


def test_evidence_comes_along(client):
    body = client.get("/api/ask", query_string={"q": "What was done on land-use planning?"}).json
    assert body["evidence"] and all(
        q["quote"] and q["source"].startswith("https://w3id.org/iac/id/doc/") and int(q["end"]) > int(q["start"])
        for e in body["evidence"]
        for q in e["quotes"]
    )
    activities = [e["activity"] for e in body["evidence"]]
    assert len(activities) == len(set(activities))  # each activity once, with all its quotes


def test_former_names_fill_parameters(client):
    body = client.get("/api/ask", query_string={"q": "What activities took place in the former Yugoslav Republic of Macedonia?"}).json
    assert body["template"]["name"] == "activities-by-country"
    assert body["bindings"]["country"] == "https://w3id.org/iac/id/country/MKD" and len(body["rows"]) == 12


def test_no_template_falls_back_to_search(client):
    body = client.get("/api/ask", query_string={"q": "bananas"}).json
    assert body["template"] is None and "No saved query fits" in body["message"] and "results" in body["search"]


@pytest.mark.parametrize("q", ["", "x" * 10240, "why\x07"])
def test_bad_questions_get_400(client, q):
    response = client.get("/api/ask", query_string={"q": q})
    assert response.status_code == 400 and response.json["error"]["message"]


def test_cli_ask(runner, corpus_store_path):
    from server.cli import main

    result = runner.invoke(main, ["--store", str(corpus_store_path), "ask", "Which countries joined the implementation phase?", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["template"] == "implementation-phase-countries" and len(body["rows"]) == 14
    text = runner.invoke(main, ["--store", str(corpus_store_path), "ask", "What activities took place in Serbia?"])
    assert "SPARQL:" in text.output and "VALUES" in text.output


def test_an_answer_says_how_it_relaxed_the_question(client):
    """ "Which countries had TMF training?": no training session on tailings in the corpus, so every kind of
    activity on tailings, and the answer says so (JSON and HTML)."""
    body = client.get("/api/ask", query_string={"q": "Which countries had TMF training?"}).json
    assert body["relaxed"].startswith("No training session on tailings") and body["rows"]
    assert body["bindings"]["kind"].endswith("#Activity") and "topic" in body["bindings"]
    page = client.get("/search", query_string={"q": "Which countries had TMF training?"}).get_data(as_text=True)
    assert "No training session on tailings" in page
    # each country's row names its activities, and the answer carries their evidence: quotes with their passages
    listed = {i for r in body["rows"] for i in r["activityList"].split()}
    assert listed and {e["activity"] for e in body["evidence"]} == listed and all(e["quotes"] and e["title"] for e in body["evidence"])
    assert "<h2>Evidence</h2>" in page and "#focus" in page


def test_a_question_no_saved_query_fits_says_what_can_be_answered(client):
    body = client.get("/api/ask", query_string={"q": "Who will win the football cup?"}).json
    assert body["template"] is None and body["can_answer"] and all(q["example"] and q["title"] for q in body["can_answer"])
    page = client.get("/search", query_string={"q": "Who will win the football cup?"}).get_data(as_text=True)
    assert "Questions with answers" in page and body["can_answer"][0]["example"] in page


@pytest.mark.parametrize(
    "question, template, column, expected",
    [
        pytest.param(
            "Who financed the workshop on land-use planning in 2021?",
            "donors-of-activity",
            "donor",
            {"https://w3id.org/iac/id/country/FRA"},
            id="donor",
        ),
        pytest.param(
            "Which country hosted the training in Baku in 2014?",
            "hosts-of-activity",
            "host",
            {"https://w3id.org/iac/id/country/AZE"},
            id="host",
        ),
        pytest.param(
            "Кто финансировал семинар по планированию землепользования в 2021 году?",
            "donors-of-activity",
            "donor",
            {"https://w3id.org/iac/id/country/FRA"},
            id="donor-ru",
        ),
        # (Switzerland funded it through its agency: the agency is named, of Switzerland, and Switzerland not again)
        pytest.param(
            "Who financed the pilot project on tailings safety in Kazakhstan?",
            "donors-of-activity",
            "donor",
            {"https://w3id.org/iac/id/org/foen"},
            id="donor-agency",
        ),
    ],
)
def test_a_question_about_one_activity_finds_it_by_search(client, question, template, column, expected):
    """ "Who financed …?" names an activity in words: the first activity of the kind it names that search finds
    fills the query's activity parameter."""
    body = client.get("/api/ask", query_string={"q": question}).json
    assert body["template"]["name"] == template, body["template"]
    assert {r[column] for r in body["rows"]} == expected and body["bindings"]["activity"].startswith("https://w3id.org/iac/id/activity/")
    assert all(r["of"] == "Switzerland" for r in body["rows"] if r[column].endswith("/org/foen"))


def test_a_kind_the_query_does_not_take_narrows_its_rows_and_says_so(client):
    """ "Which trainings took place in Baku?": the activities of the town, of that kind only, read as such (JSON and
    HTML)."""
    body = client.get("/api/ask", query_string={"q": "Which trainings took place in Baku?"}).json
    assert body["template"]["name"] == "activities-by-place" and body["rows"]
    assert all(r["type"] == "Training session" for r in body["rows"])
    assert "only training session" in body["reading"] and "TrainingSession" in body["sparql"]
    page = client.get("/search", query_string={"q": "Which trainings took place in Baku?"}).get_data(as_text=True)
    assert "Read as:" in page and "only training session" in page


@pytest.mark.parametrize(
    "question",
    [
        "What is the population of Kazakhstan?",
        "capital of Serbia",
        "Сколько стоил проект в Таджикистане?",
        "Quel temps fera-t-il à Bichkek ? météo",
    ],
)
def test_a_question_for_what_the_graph_does_not_hold_is_declined(client, question):
    """Costs, populations, capitals, the weather: no saved query answers them, however well the country or
    topic they name fits one, and search finds nothing relevant either."""
    body = client.get("/api/ask", query_string={"q": question}).json
    assert body["template"] is None and body["search"]["relevant"] is False and body["search"]["results"] == []


def test_a_count_question_gets_counts_and_a_list_question_a_list(client):
    counts = client.get("/api/ask", query_string={"q": "How many activities on tailings per year?"}).json
    listing = client.get("/api/ask", query_string={"q": "Which activities were on tailings?"}).json
    assert counts["template"]["name"] == "topic-per-year" and all(r["activities"].isdigit() for r in counts["rows"])
    assert listing["template"]["name"] == "activities-by-topic" and all(r["activity"] for r in listing["rows"])


def test_the_answer_page_shows_each_activity_once_with_a_link_to_its_passage(client):
    page = client.get("/search", query_string={"q": "What activities took place in Serbia?"}).get_data(as_text=True)
    evidence = page.split("<h2>Evidence</h2>", 1)[1].split("<h2>", 1)[0]
    links = [line.split('"')[1] for line in evidence.split("<li><a href=")[1:]]
    assert links and len(links) == len(set(links))
    assert "?start=" in evidence and "#focus" in evidence


def test_an_answer_speaks_the_questions_language(client):
    """A Russian question gets the graph's Russian labels for what its rows name; a query nothing answers says so
    in its own language."""
    body = client.get("/api/ask", query_string={"q": "Какие мероприятия проводились в Сербии?"}).json
    assert body["lang"] == "ru" and body["labels"]["https://w3id.org/iac/id/country/SRB"] == "Сербия"
    page = client.get("/search", query_string={"q": "Какие мероприятия проводились в Сербии?"}).get_data(as_text=True)
    assert ">Сербия</a>" in page and ">Белград</td>" in page  # (the place column's English name too)
    assert (
        client.get("/api/search", query_string={"q": "футбольный чемпионат мира"}).json["message"]
        == "ничего относящегося к делу не найдено"
    )
    assert client.get("/api/search", query_string={"q": "recette de la tarte tatin"}).json["message"] == "aucun résultat pertinent"
    assert "Aucun résultat pertinent" in client.get("/search", query_string={"q": "recette de la tarte tatin"}).get_data(as_text=True)


@pytest.mark.parametrize(
    "question",
    [
        "Which projects started between 2019 and 2022?",
        "Какие проекты начались в 2019–2022 годах?",
        "Quels projets ont débuté entre 2019 et 2022 ?",
    ],
)
def test_what_began_in_a_period_is_what_started_in_it(client, question):
    """ "Which projects started in …": those that began in the years, not those running into them from before, read
    as such; "Which projects ran …" keeps them all."""
    began = client.get("/api/ask", query_string={"q": question}).json
    ran = client.get("/api/ask", query_string={"q": "Which projects ran between 2019 and 2022?"}).json
    assert began["rows"] and all("2019" <= r["start"][:4] <= "2022" for r in began["rows"]), began["rows"]
    assert "begun 2019–2022" in began["reading"]
    assert {r["activity"] for r in began["rows"]} <= {r["activity"] for r in ran["rows"]}
    assert any(r["start"][:4] < "2019" for r in ran["rows"])


def test_a_kind_inside_a_topics_name_does_not_narrow(models):
    """ "в рамках национальных политических диалогов": the words of the kind (policy dialogue) are the topic's
    name; the question asks for all that was done under the dialogues, their meetings too."""
    from server.query.ask import Asker
    from server.query.saved import load_saved

    asker = Asker(load_saved(), models.encoder, models.nlp, models.lexicon)
    match = asker.match("Какие мероприятия проводились в рамках национальных политических диалогов по промышленной безопасности?")
    assert match.query.name == "activities-by-topic" and match.values == {"topic": "national-policy-dialogue"}
    assert match.kind is None and "narrowed" not in match.sparql
    trainings = asker.match("Which trainings took place in Baku?")
    assert trainings.kind and trainings.kind.endswith("TrainingSession")  # (a kind of its own still narrows)
