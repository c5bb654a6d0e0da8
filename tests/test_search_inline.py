"""Search over a handful of inline entries, with the real model: names across scripts (server.query.translit: a name
written in Cyrillic in the query and in Latin letters in the text, or the other way round, is found by how it
sounds), words of the field in the other languages (the glossary), document symbols, donors named, and a
country's own activities before its region's."""

import pytest

from ingest.index import Entry
from server.query.search import Searcher
from server.query.translit import Names, key


@pytest.mark.parametrize(
    "cyrillic, latin",
    [
        ("Севезо", "Seveso"),
        ("Гродно", "Grodno"),
        ("Худжанд", "Khujand"),
        ("Маднеули", "Madneuli"),
        ("Ташкенте", "Tashkent"),
        ("Сырдарья", "Syrdarya"),
    ],
)
def test_a_name_sounds_the_same_in_both_scripts(cyrillic, latin):
    assert key(cyrillic)[:5] == key(latin)[:5]


def test_a_query_name_is_matched_in_the_other_script_only():
    names = Names(["The Seveso III Directive was discussed in Grodno.", "Авария в Гродненской области, бассейн Сырдарьи."])
    assert names.other_script("семинар Севезо III") == [("Севезо", ["Seveso"])]
    assert names.other_script("Syr Darya meetings") == [("SyrDarya", ["Сырдарьи"])]  # (two words written as one)
    # no Cyrillic word sounds like "Grodno", so the Russian adjective made of it stands for it
    assert names.other_script("Grodno ammonia leak") == [("Grodno", ["Гродненской"])]
    assert names.other_script("Seveso directive") == []  # (the text in the same script is found by its words)
    assert names.other_script("Севезо", known="Севезо") == []  # (a name the lexicon knows is matched by its names)
    assert names.other_script("семинар по безопасности") == []  # (lower-case words are not names)


C = "https://w3id.org/iac/id/country/"
CHE, KAZ = C + "CHE", C + "KAZ"
CENTRAL_ASIA = tuple(C + c for c in ("KAZ", "KGZ", "TJK", "TKM", "UZB"))


def _entry(doc, n, text, kind="passage", countries=(), donors=(), type_="Project", planned=False):
    iri = f"{doc}#{n}" if kind == "passage" else f"{doc}/activity/{n}"
    return Entry(
        iri,
        kind,
        doc,
        text,
        text[:40],
        "https://w3id.org/iac/ontology#" + type_ if kind == "activity" else "",
        None,
        None,
        countries,
        countries,
        (),
        text,
        donors=donors,
        planned=planned,
    )


@pytest.fixture(scope="module")
def small(models):
    entries = [
        _entry("doc/grodno", 1, "13 марта на пищевом предприятии Гродненской области произошла утечка аммиака."),
        _entry("doc/grodno", 2, "Прибывшие подразделения МЧС ликвидировали утечку аммиака, пострадавших нет."),
        _entry("doc/seveso", 1, "A national workshop on the Seveso III Directive was held in Baku for inspectors."),
        _entry("doc/report", 1, "ECE/CP.TEIA/2099/7 Report of the mission on the notification system."),
        _entry("doc/report", 2, "technical mission on the notification system", kind="activity"),
        _entry("doc/other", 1, "An ammonia leak at a cold store was reported to the competent authority in the region."),
        _entry("doc/other", 2, "A workshop on land-use planning was held near hazardous industrial sites in Yerevan."),
        _entry("doc/other2", 1, "A training course on the notification system of the Convention for central authorities."),
        _entry("doc/geneva", 1, "project meeting on tailings safety in Geneva", kind="activity", countries=(CHE,)),
        _entry("doc/astana", 1, "project on tailings safety in Kazakhstan", kind="activity", countries=(KAZ,), donors=(CHE,)),
        _entry("doc/region", 1, "subregional workshop on industrial safety for Central Asia", kind="activity", countries=CENTRAL_ASIA),
        _entry("doc/national", 1, "national workshop on industrial safety", kind="activity", countries=(KAZ,)),
        _entry("doc/year-words", 1, "Отчёт о работе в прошлом году и планы в текущем году и в следующем году."),
        _entry("doc/2022", 1, "The national workshop was held in Baku in 2022."),
        _entry("doc/held", 1, "seminar on safety reports for Armenia", kind="activity", type_="Seminar"),
        _entry("doc/plan", 1, "seminar on safety reports for Armenia", kind="activity", type_="Seminar", planned=True),
        _entry("doc/minsk", 2, "event on hazard identification in Minsk", kind="activity", type_="TechnicalMission"),
        _entry("doc/minsk", 1, "event on hazard identification in Minsk", kind="activity", type_="Seminar"),
        _entry("doc/dnipro", 1, "Проект для студентов и преподавателей университетов о хвостохранилищах", kind="activity"),
        _entry("doc/students", 1, "A project on tailings with mining companies and local residents", kind="activity"),
        _entry("doc/natech", 1, "Atelier sur les accidents industriels causés par les séismes et les inondations"),
    ]
    vectors = models.encoder.encode([e.text for e in entries])
    return Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)


def test_a_name_written_in_the_other_script_finds_the_text(small):
    """ "Севезо" finds the English page on the Seveso Directive; "Grodno" the Russian one on "Гродненской области"."""
    assert small.search("семинар Севезо III").to_json()["results"][0]["iri"] == "doc/seveso"
    grodno = [r["iri"] for r in small.search("Grodno ammonia leak").to_json()["results"]]
    assert "doc/grodno" in grodno[:2], grodno  # (beside the English page on an ammonia leak)


@pytest.mark.parametrize(
    "query, top",
    [
        ("projects for university lecturers and students", {"doc/dnipro/activity/1"}),  # (Russian text, English query)
        ("earthquakes and floods causing chemical accidents", {"doc/natech"}),  # (French text)
        ("fuite d'ammoniac", {"doc/grodno", "doc/other"}),  # (French query: the Russian and the English ammonia leak)
        ("утечка аммиака на предприятии", {"doc/grodno"}),
    ],
)
def test_a_word_of_the_field_finds_text_in_other_languages(small, query, top):
    """A word of the glossary (ontology/glossary.ttl) matches its equivalents in the other languages and the
    words people use for it: "lecturers" finds "преподавателей", "earthquakes" "séismes"."""
    results = [r["iri"] for r in small.search(query).to_json()["results"]]
    assert set(results[: len(top)]) == top, results


def test_a_snippet_marks_the_words_that_matched_in_another_language(small):
    """ "lecturers" matched "преподавателей": the Russian snippet marks it, and "Grodno" the Russian adjective's town."""
    result = small.search("projects for university lecturers and students").to_json()["results"][0]
    assert "<mark>преподавателей</mark>" in result["snippet"] and "<mark>студентов</mark>" in result["snippet"], result
    leak = next(r for r in small.search("fuite d'ammoniac").to_json()["results"] if r["iri"] == "doc/grodno")
    assert "<mark>утечка</mark>" in leak["snippet"] or "<mark>утечку</mark>" in leak["snippet"], leak


def test_a_russian_query_of_the_fields_words_is_relevant_over_english_text(models):
    """ "утечка аммиака" has no word of the English text, but the glossary's: it is answered, not declined."""
    entries = [
        _entry("doc/leak", 1, "An ammonia leak at a cold store was reported to the authorities."),
        _entry("doc/dam", 1, "A tailings dam failure released water into the river."),
    ]
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    answer = searcher.search("утечка аммиака").to_json()
    assert answer["relevant"] and answer["results"][0]["iri"] == "doc/leak", answer
    assert not searcher.search("чемпионат мира по футболу").to_json()["relevant"]


def test_the_glossary_reads_a_querys_words_as_its_terms(models):
    from server.query.glossary import Glossary

    glossary = Glossary(models.lexicon.terms)
    term = "https://w3id.org/iac/id/term/"
    found = [sorted(i.rsplit("/", 1)[-1] for i in iris) for iris, _, _ in glossary.find("inspectors of tailings dams")]
    assert found == [["inspector"], ["dam"]]  # ("tailings" is a topic's word, not the glossary's)
    found = [(sorted(i.rsplit("/", 1)[-1] for i in iris), english) for iris, _, english in glossary.find("an early warning system")]
    assert found == [(["alert"], True)]  # (two words as one)
    assert {term + "review", term + "analysis"} <= set(glossary.find("анализ")[0][0])  # (a word of two terms names both)
    assert glossary.find("fuite d'ammoniac")[0][2] is False  # (French)
    assert glossary.find("pizza recipes") == []


def test_a_document_symbol_finds_its_document_and_what_it_describes(small):
    results = [r["iri"] for r in small.search("ECE/CP.TEIA/2099/7").to_json()["results"]]
    assert set(results[:2]) == {"doc/report", "doc/report/activity/2"}, results


def test_a_country_named_as_donor_raises_what_it_funded(small):
    """ "funded by Switzerland" raises the project Switzerland funded over one held in Switzerland; a country
    that funded nothing here ("financed for Kazakhstan") is still whom an activity was for."""
    funded = small.search("tailings projects funded by Switzerland").to_json()
    assert funded["understood"]["donors"] == [CHE]
    assert [r["iri"] for r in funded["results"]][0] == "doc/astana/activity/1"
    assert [r["iri"] for r in small.search("tailings projects in Switzerland").to_json()["results"]][0] == "doc/geneva/activity/1"
    assert [r["iri"] for r in small.search("tailings project financed for Kazakhstan").to_json()["results"]][0] == "doc/astana/activity/1"


def test_a_countrys_own_activities_come_before_its_regions(small):
    """A country named raises what is for it alone (or with one other) fully, and a region's activity it shares
    with more countries half as much: both are there, the national one first."""
    results = [r["iri"] for r in small.search("industrial safety workshops Kazakhstan").to_json()["results"]]
    assert results.index("doc/national/activity/1") < results.index("doc/region/activity/1"), results
    regional = [r["iri"] for r in small.search("industrial safety workshops in Central Asia").to_json()["results"]]
    assert regional[0] == "doc/region/activity/1", regional  # (a region named wants the region's activities)


def test_a_kin_of_the_kind_named_rises_too(small):
    """ "workshops": a seminar (skos:related in the ontology; one language's "семинар" is another's "workshop")
    rises half as much, above another kind."""
    results = [r["iri"] for r in small.search("hazard identification workshops in Minsk").to_json()["results"]]
    assert results.index("doc/minsk/activity/1") < results.index("doc/minsk/activity/2"), results


def test_a_dates_words_are_no_match_but_its_year_is(small):
    """ "что было в 2022 году": the page that says 2022, not the one that says "году" three times."""
    results = [r["iri"] for r in small.search("что было в 2022 году").to_json()["results"]]
    assert results[0] == "doc/2022", results


@pytest.mark.parametrize(
    "query, first",
    [
        ("planned seminars on safety reports", "doc/plan/activity/1"),
        ("séminaires prévus sur les rapports de sécurité", "doc/plan/activity/1"),
        ("which seminars on safety reports took place", "doc/held/activity/1"),
        ("какие семинары по декларациям безопасности прошли", "doc/held/activity/1"),
    ],
)
def test_what_is_planned_or_what_was_held_as_the_query_asks(small, query, first):
    """A workplan's activity (planned) for "planned", "prévus"; one that was held for "took place", "прошли"."""
    answer = small.search(query).to_json()
    results = [r["iri"] for r in answer["results"]]
    assert results[0] == first, results
    assert answer["understood"]["planned"] is (first == "doc/plan/activity/1")  # (how it was read, in the JSON)


@pytest.mark.parametrize(
    "name, text",
    [
        ("plan.md", "# Plan de travail 2025-2026\n\n## Arménie\n\nSéminaire national sur les rapports de sécurité pour l'Arménie, 2025.\n"),
        (
            "plan-ru.md",
            "# План работы на 2025–2026 годы\n\n## Армения\n\nНациональный семинар по декларациям безопасности для Армении, 2025 год.\n",
        ),
        ("plan-en.md", "# Workplan 2025-2026\n\n## Armenia\n\nNational seminar on safety reports for Armenia, 2025.\n"),
    ],
)
def test_a_workplans_activities_are_planned(models, tmp_path, name, text):
    """A workplan (by its title, in English, French or Russian) lists what is planned, not what was held."""
    from conftest import extract_text

    activities = extract_text(models, tmp_path, name, text)
    assert activities and all(a.planned for a in activities)


def test_a_word_only_a_short_line_holds_finds_its_document(models, tmp_path):
    """Short lines (a date, a heading, a menu) are no passage each, but together one: a word only they hold
    ("Hotline") still finds the page."""
    from ingest.index import document_entries
    from ingest.read import read

    page = tmp_path / "page.md"
    page.write_text(
        "# News\n\nHotline 112\n\nPublished: 3 March 2021\n\n"
        "A national workshop on the safety of tailings management facilities was held in Dushanbe.\n"
    )
    entries = document_entries(read(page), "News", [], models.lexicon)
    short = [e for e in entries if "Hotline" in e.text]
    assert len(short) == 1 and "Published: 3 March 2021" in short[0].text, [e.text for e in entries]
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    assert [r["iri"] for r in searcher.search("hotline").to_json()["results"]] == [entries[0].doc]


def test_a_paragraph_that_tells_no_activity_goes_on_with_the_one_before_it(models):
    """ "On the second day, …" tells of the course the paragraph before it names: a word only it holds finds the
    page and, after it, that course; not the activity of a paragraph further away."""
    doc, course, visit = "doc/khujand", "doc/khujand/activity/course", "doc/khujand/activity/visit"
    entries = [
        Entry(
            course,
            "activity",
            doc,
            "training course on tailings safety",
            "training course on tailings safety",
            "https://w3id.org/iac/ontology#TrainingSession",
            None,
            None,
            (),
            (),
            (),
            "A training course was held.",
        ),
        Entry(
            visit,
            "activity",
            doc,
            "site visit to a mine",
            "site visit to a mine",
            "https://w3id.org/iac/ontology#Activity",
            None,
            None,
            (),
            (),
            (),
            "The visit followed.",
        ),
        Entry(
            f"{doc}#0-60",
            "passage",
            doc,
            "A training course on tailings safety was held in Khujand for inspectors.",
            "News",
            "",
            None,
            None,
            (),
            (),
            (),
            "",
            activities=(course,),
        ),
        Entry(
            f"{doc}#61-140",
            "passage",
            doc,
            "On the second day, participants drafted an emergency plan for the Kyzylsai site.",
            "News",
            "",
            None,
            None,
            (),
            (),
            (),
            "",
        ),
        Entry(
            f"{doc}#141-200",
            "passage",
            doc,
            "Later the experts visited a mine near the town.",
            "News",
            "",
            None,
            None,
            (),
            (),
            (),
            "",
            activities=(visit,),
        ),
    ]
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    assert [r["iri"] for r in searcher.search("Kyzylsai").to_json()["results"]] == [doc, course]


def test_a_river_the_query_names_raises_what_the_documents_naming_it_describe(models):
    """ "командно-штабное учение Днестр": a table-top exercise of a page on the Dniester comes before one of a page
    that never names it, though their own entries read alike (the river is in the page, not in the title)."""

    def page(doc, river):
        return [
            Entry(
                f"{doc}/activity/1",
                "activity",
                doc,
                "joint table-top exercise on a chemical spill",
                "joint table-top exercise",
                "https://w3id.org/iac/ontology#TableTopExercise",
                None,
                None,
                (),
                (),
                (),
                "A joint table-top exercise was held.",
            ),
            Entry(
                f"{doc}#0-80",
                "passage",
                doc,
                f"The basin of the {river} has many chemical plants near the border.",
                "News",
                "",
                None,
                None,
                (),
                (),
                (),
                "",
            ),
        ]  # (a passage of no activity: it raises the activity only through its page)

    entries = page("doc/canal", "canal") + page("doc/dniester", "Dniester")
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    ranked = [r["iri"] for r in searcher.search("командно-штабное учение Днестр").to_json()["results"]]
    assert ranked.index("doc/dniester/activity/1") < ranked.index("doc/canal/activity/1")


def test_a_page_comes_with_the_activity_it_describes(models):
    """A page whose own words do not match (they tell where and when) still answers through the activity it describes, after
    that activity, and is named by its own title, not the activity's."""
    doc, course = "doc/tbilisi", "doc/tbilisi/activity/1"
    entries = [
        Entry(
            course,
            "activity",
            doc,
            "Training on the Industrial Accident Notification System for the Caucasus. training session.",
            "Учебное мероприятие по Системе уведомления",
            "https://w3id.org/iac/ontology#TrainingSession",
            None,
            None,
            (),
            (),
            (),
            "Учебное мероприятие по Системе уведомления.",
        ),
        Entry(
            f"{doc}#0-90",
            "passage",
            doc,
            "Мероприятие прошло в Тбилиси пятого мая, его открыл заместитель министра.",
            "Новости ЕЭК ООН",
            "",
            None,
            None,
            (),
            (),
            (),
            "Учебное мероприятие прошло в Тбилиси.",
            activities=(course,),
        ),
        Entry(
            "doc/other#0-60",
            "passage",
            "doc/other",
            "A press release on a chemical plant inspection in another country.",
            "Other news",
            "",
            None,
            None,
            (),
            (),
            (),
            "A press release.",
        ),
    ]
    searcher = Searcher(entries, models.encoder.encode([e.text for e in entries]), models.encoder, models.nlp, models.lexicon)
    results = searcher.search("notification system training").to_json()["results"]
    ranked = [r["iri"] for r in results]
    assert ranked[:2] == [course, doc], ranked
    assert results[1]["label"] == "Новости ЕЭК ООН" and results[1]["type"] == "Document"
