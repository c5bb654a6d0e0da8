"""Activity words that name no activity, in English, French and Russian: drafts ("проект закона", "projet de
loi"), statutory meetings of Convention bodies, back-references without an article ("L'atelier", "Семинар"),
document links and related-news blocks, generic training. Small documents written for these tests."""

from __future__ import annotations

import pytest
from conftest import extract_text

from ingest.shapes import chrome, event_part, file_row, link_block_heading, modifier


def _labels(models, tmp_path, name: str, text: str) -> list[str]:
    return [a.label for a in extract_text(models, tmp_path, name, text)]


def _at(text: str, word: str) -> bool:
    """modifier() at the end of the last occurrence of word in text."""
    return modifier(text, text.rindex(word) + len(word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        pytest.param("Le Parlement examine le projet de loi sur la sécurité industrielle.", "projet", True, id="fr-bill"),
        pytest.param("Le projet sur la sécurité des barrages a commencé en 2021.", "projet", False, id="fr-project"),
        pytest.param("L'avant-projet de loi est transmis pour avis au Conseil d'État.", "projet", True, id="fr-preliminary-bill"),
        pytest.param("Участники обсудили проект национального плана действий.", "проект", True, id="ru-draft-plan"),
        pytest.param("Правительство внесло проект закона о промышленной безопасности.", "проект", True, id="ru-draft-law"),
        pytest.param("В 2020 году начался проект по безопасности плотин.", "проект", False, id="ru-project"),
        pytest.param("Начался проект «Безопасные плотины».", "проект", False, id="ru-project-quoted"),
    ],
)
def test_drafts_are_documents(text, word, expected):
    assert _at(text, word) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        pytest.param(
            "The plan was adopted by the Conference of the Parties at its eleventh meeting (Geneva, 2020).", "meeting", True, id="en-cop"
        ),
        pytest.param("Le plan a été adopté par la Conférence des Parties à sa onzième réunion.", "réunion", True, id="fr-cop"),
        pytest.param("План утверждён Конференцией Сторон на ее десятом совещании.", "совещании", True, id="ru-cop"),
        pytest.param("Working Group on Implementation\nThirtieth meeting\nGeneva, 3 May 2024", "meeting", True, id="en-header"),
        pytest.param(
            "The national working group met in Astana for its third meeting on 4 May 2022.", "meeting", False, id="en-national-group"
        ),
        pytest.param("SESSION ORDINAIRE DE 2010-2011", "SESSION", True, id="fr-parliament"),
        pytest.param(
            "9. The Conference decided that its fourteenth meeting would take place in Geneva.", "meeting", True, id="en-conference-short"
        ),
        pytest.param("La Conférence a décidé que sa prochaine réunion aurait lieu à Genève.", "réunion", True, id="fr-conference-short"),
        pytest.param(
            "Делегация приняла участие в одиннадцатом совещании Конференции Сторон в Женеве.", "совещании", True, id="ru-cop-genitive"
        ),
        pytest.param("The Bureau will hold a further meeting in spring.", "meeting", True, id="en-bureau-further"),
        pytest.param(
            "Депутаты Жогорку Кенеша на заседании в среду приняли закон о присоединении к Конвенции.",
            "заседании",
            True,
            id="ru-parliament-sitting-voting-a-law",
        ),
        pytest.param(
            "UNECE held a meeting for members of parliament on the benefits of accession.",
            "meeting",
            False,
            id="en-meeting-for-parliamentarians",
        ),
    ],
)
def test_statutory_meetings(text, word, expected):
    assert _at(text, word) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        pytest.param("Atelier sur les barrages à Tbilissi\nL'atelier a réuni trente experts.", "L'atelier", True, id="fr-definite"),
        pytest.param("Atelier à Tbilissi\nCette mission fait suite à l'atelier.", "mission", False, id="fr-no-earlier-mission"),
        pytest.param("Atelier à Tbilissi\nL'atelier régional sur les barrages aura lieu en mai.", "L'atelier", False, id="fr-complement"),
        pytest.param(
            "Mission à Achgabat\nL'atelier fait suite à la mission d'évaluation effectuée en juin 2018.",
            "mission",
            False,
            id="fr-elided-complement",
        ),
        pytest.param("Семинар по плотинам в Ереване\nСеминар был организован министерством.", "Семинар", True, id="ru-bare-subject"),
        pytest.param("Семинар по плотинам в Ереване\nПо итогам семинара приняты рекомендации.", "семинара", True, id="ru-genitive-frame"),
        pytest.param("Миссия в Ереван\nОбе миссии прошли успешно.", "Обе миссии", True, id="ru-both"),
        pytest.param(
            "Семинар в Ереване\nВ мае пройдёт национальный семинар по плотинам.", "национальный семинар", False, id="ru-new-seminar"
        ),
        pytest.param("В Ереване состоялась техническая миссия.", "миссия", False, id="ru-first-mention"),
    ],
)
def test_back_references_without_an_article(text, word, expected):
    assert _at(text, word) is expected


def test_row_lines_and_headings():
    assert file_row("Provisional agenda | PDF | PDF")
    assert file_row("| Программа | PDF | - | DOCX |")
    assert not file_row("Workshop on dams | 5 May 2021 | Tbilisi")
    for heading in ("Related news", "Новости по теме", "Похожие новости", "Actualités liées", "Voir aussi", "Документы"):
        assert link_block_heading(heading), heading
    assert chrome("List of Meetings and Events - All")
    assert event_part("group", "exercise") and event_part("mapping", "exercise") and not event_part("field", "exercise")


def test_generic_training_and_thought_exercises():
    assert _at("Training of inspectors who pass on their knowledge at home", "Training")
    assert not _at("A training for inspectors was held in Almaty on 5 May 2021.", "training")
    assert _at("Ils se sont rendus à l'usine pour un exercice d'examen conjoint du rapport de sécurité.", "exercice")
    assert _at("Les activités seront mises en œuvre au cours de l'exercice biennal 2019-2020.", "exercice")
    assert not _at("Formation en ligne sur le Système de notification des accidents industriels", "Formation")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Le guide réunit des exemples de cartes de risques et de procédures de consultation du public.", "consultation"),
        ("Land-use plans are adopted after a public consultation of the residents.", "consultation"),
        ("Проект плана выносится на общественные обсуждения.", "обсуждения"),
    ],
)
def test_a_public_consultation_is_a_step_of_a_procedure(text, word):
    assert _at(text, word)
    assert not _at("A national consultation on industrial safety took place in Bishkek on 4 May 2021.", "consultation")


EN_PAGE = """<html><body>
<h1>Workshop on dam safety in Georgia</h1>
<p>Dates: 5-6 May 2021</p>
<p>Venue: Tbilisi, Georgia</p>
<p>The workshop brings together inspectors from Georgia. It is held in the margins of the meeting of the Working Group
on Implementation at its twentieth meeting.</p>
<table>
<tr><th>Document</th><th>English</th><th>Russian</th></tr>
<tr><td>Provisional agenda</td><td>PDF</td><td>PDF</td></tr>
<tr><td>Workshop conclusions</td><td>PDF</td><td>-</td></tr>
<tr><td>Programme</td><td>PDF</td><td>PDF</td></tr>
</table>
<h3>Related news</h3>
<ul><li>Seminar on land-use planning held in Minsk</li><li>Table-top exercise on the Prut river</li></ul>
</body></html>
"""

RU_PAGE = """<html><body>
<h1>В Ереване прошёл семинар по безопасности плотин</h1>
<p>Ереван, 12 мая 2022 г. — Сегодня в Ереване начался национальный семинар по безопасности плотин.</p>
<p>Семинар организован министерством по чрезвычайным ситуациям. В работе семинара участвуют 30 специалистов.
По итогам семинара будет подготовлен проект национального плана действий.</p>
<h3>Новости по теме</h3>
<ul><li>В Душанбе прошло учение по ликвидации аварии</li><li>Тренинг для инспекторов в Алматы</li></ul>
</body></html>
"""

FR_PAGE = """<html><body>
<h1>Un atelier sur la sécurité des barrages à Douchanbé</h1>
<p>Douchanbé, le 3 juin 2022 — Un atelier national sur la sécurité des barrages s'est ouvert aujourd'hui à Douchanbé.</p>
<p>L'atelier s'inscrit dans un projet financé par la Suisse. La formation des inspecteurs reste une priorité.
Les conclusions de l'atelier seront publiées. Le Parlement examine un projet de loi sur les barrages.</p>
<h3>Actualités liées</h3>
<ul><li>Séminaire sur l'aménagement du territoire à Minsk</li><li>Exercice sur table sur le Prut</li></ul>
</body></html>
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param("event.html", EN_PAGE, 1, id="en-event-page"),
        pytest.param("novosti.html", RU_PAGE, 1, id="ru-news"),
        pytest.param("actualite.html", FR_PAGE, 2, id="fr-news"),
    ],
)
def test_small_pages_name_only_their_own_activities(models, tmp_path, name, text, expected):
    labels = _labels(models, tmp_path, name, text)
    assert len(labels) == expected, labels
    for word in ("agenda", "conclusions", "Programme", "land-use", "Prut", "Душанбе", "Тренинг", "проект", "loi", "formation", "meeting"):
        assert not any(word in label for label in labels), (word, labels)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The twelfth meeting of the Conference was held in Geneva.", id="short-conference"),
        pytest.param("The Working Group's meeting will take place in 2025.", id="body-owner"),
    ],
)
def test_statutory_sessions_named_short(sentence):
    from ingest.nonevents import not_new

    assert not_new(sentence, sentence.index("meeting") + len("meeting"))


NEWSLETTER = """<html><head><title>Programme Weekly – Issue 310 – 9 December 2019</title></head><body>
<header><h1>Programme Weekly</h1><p>Issue 310 | 9 December 2019</p></header>
<section><h2>Statistics: the Bureau reviews migration data</h2>
<p>Meeting in Geneva, the Bureau discussed new guidance on census data.</p></section>
<section><h2>Georgian rescuers trained on notification</h2>
<p>On 2 and 3 December, rescuers gathered in Kutaisi for a national training on the notification of accidents,
with a session on the experience of Armenia. It was supported through an extra-budgetary project funded by Sweden.
Participants discussed the possibility of a future project on river basins.</p></section>
<section><h2>Upcoming</h2><ul><li>Inland Transport Committee, 82nd session, 18–21 February 2020, Geneva</li></ul></section>
</body></html>
"""


def test_a_newsletters_items_take_the_issues_year_and_name_only_what_was_held(models, tmp_path):
    """A digest dates its items without a year (the issue's <title> gives it); 'Meeting in Geneva, the Bureau …'
    opens with a verb; a session within the training, the project that paid for it, a project only discussed and a
    standing committee's '82nd session' are no activities."""
    acts = extract_text(models, tmp_path, "weekly.html", NEWSLETTER)
    assert [(a.label, a.start, a.end) for a in acts] == [("national training on the notification of accidents", "2019-12-02", "2019-12-03")]


def test_a_premodified_back_reference_is_the_row_it_names(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "project.md",
        "# Project on hazard mapping in the Drin basin\n\n"
        "| No. | Activity | Dates | Venue |\n|---|---|---|---|\n"
        "| 1 | Technical workshop on hazard mapping of industrial sites | 4–5 May 2023 | Shkodër, Albania |\n\n"
        "The hazard mapping workshop brought together 30 experts from Albania and Montenegro.\n",
    )
    assert sum("workshop" in a.label for a in acts) == 1


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            "cop.html",
            "<html><body><h1>Eighth meeting of the Conference of the Parties</h1><h2>Documents</h2><table>"
            "<tr><th>Symbol</th><th>Title</th><th>Languages</th></tr><tr><td>ECE/CP.TEIA/28</td><td>Provisional agenda</td>"
            "<td>E F R</td></tr><tr><td>ECE/CP.TEIA/2014/3</td><td>Draft workplan for 2015–2016</td><td>E F R</td></tr>"
            "</table></body></html>",
            [],
            id="a-table-of-documents",
        ),
        pytest.param(
            "events.md",
            "# Events\n\n## Committee on Environmental Policy, thirtieth session\n\n10 - 11 September 2024\n\nGeneva, Switzerland\n",
            [],
            id="a-standing-body-s-thirtieth-session",
        ),
        pytest.param(
            "incendie.html",
            "<html><body><h1>Incendie sur un site Seveso</h1><p>Le préfet rappelle qu'un exercice de plan"
            " particulier d'intervention a eu lieu en 2023. Une réunion publique d'information se tiendra le 12 mai 2025.</p>"
            "</body></html>",
            [],
            id="fr-ppi-drill-and-public-meeting",
        ),
        pytest.param(
            "plan.md",
            "# Workplan 2023–2024\n\n- Участие секретариата в совещаниях партнёрских организаций.\n"
            "- Seminar on land-use planning in Armenia (2023).\n",
            ["Seminar on land-use planning in Armenia"],
            id="participation-of-the-secretariat",
        ),
        pytest.param(
            "report.md",
            "# Progress report 2013\n\n7. Requests for a fact-finding mission to Turkmenistan were received in 2013."
            " The authorities asked for further help, possibly a training on inspection in 2014.\n",
            [],
            id="requested-and-possible",
        ),
        pytest.param(
            "post.md",
            "Last week I joined a technical mission to Kazakhstan. Early warning came up in every single meeting.\n",
            ["technical mission to Kazakhstan"],
            id="every-single-meeting",
        ),
        pytest.param(
            "report.txt",
            "4. The secretariat recalled the decisions taken by the Conference of\nthe Parties at its seventh meeting"
            " (Stockholm, 14-16 November 2012).\n",
            [],
            id="a-body-named-across-a-line-break",
        ),
        pytest.param(
            "cp.html",
            "<html><body><p>Les Parties à la Convention se sont réunies à La Haye en novembre 2010 pour leur"
            " sixième réunion.</p></body></html>",
            [],
            id="fr-the-parties-their-sixth-meeting",
        ),
        pytest.param(
            "bulletin.html",
            "<html><body><h1>Бюллетень № 4</h1><p>В этом выпуске: семинар по самооценке · настольное"
            " учение с коллегами · Конференция Сторон</p></body></html>",
            [],
            id="ru-a-newsletters-contents-line",
        ),
        pytest.param(
            "tor.html",
            "<html><head><title>Consultant – legal review | UN Careers consultancy notice</title></head><body>"
            "<h1>Consultant – legal review</h1><p>The consultant will organize a national consultation in Ashgabat in"
            " April 2026 and present the review.</p></body></html>",
            [],
            id="a-consultancy-notice-names-duties",
        ),
        pytest.param(
            "about.html",
            "<html><body><h1>About the programme</h1><p>Depending on needs, it can take the form of"
            " training, workshops, technical missions or projects.</p></body></html>",
            [],
            id="kinds-of-activity",
        ),
        pytest.param(
            "ofev.html",
            "<html><body><p>La Suisse soutient depuis plus de dix ans des projets sur les résidus miniers"
            " en Asie centrale, notamment au Kazakhstan et au Kirghizistan.</p></body></html>",
            [],
            id="fr-places-by-example",
        ),
    ],
)
def test_what_a_page_names_but_nobody_held(models, tmp_path, name, text, expected):
    assert _labels(models, tmp_path, name, text) == expected


def test_a_post_dates_its_mission_by_its_publication_and_its_three_days(models, tmp_path):
    """'Published 26 September 2022' gives the year; 'Three very full days, 19–21 September, in Oskemen' are the days
    and the town of the only activity told; 'The launch meeting' of a dialogue launched on the page is the launch."""
    acts = extract_text(
        models,
        tmp_path,
        "post.md",
        "**An expert** · 2nd\nTailings safety | Independent expert\nPublished 26 September 2022 · Edited\n\n---\n\n"
        "Last week I joined a technical mission to East Kazakhstan on tailings safety.\n\n"
        "Three very full days, 19–21 September, in Oskemen: meetings with the emergency department.\n",
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2022-09-19", "2022-09-21", "https://w3id.org/iac/id/place/ust-kamenogorsk-kz")]
    npd = extract_text(
        models,
        tmp_path,
        "npd.html",
        "<html><body><h1>Montenegro launches its National Policy Dialogue</h1><p>Podgorica, 11 February 2025 – Montenegro today"
        " launched its National Policy Dialogue on Industrial Safety. The launch meeting in Podgorica brought together"
        " 45 representatives of ministries.</p></body></html>",
    )
    assert [a.type.rsplit("#", 1)[1] for a in npd] == ["PolicyDialogue"]


def test_a_premodifying_name_refers_to_the_row_it_names(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "report.md",
        "# Progress report\n\n| Country | Date | Activity |\n|---|---|---|\n"
        "| Tajikistan | Oct. 2013 – Dec. 2014 | Project on tailings safety in the Isfara river basin |\n\n"
        "5. The Isfara project started with an inception meeting in Khujand on 16 October 2013.\n",
    )
    assert sorted(a.label for a in acts) == ["Project on tailings safety in the Isfara river basin", "inception meeting"]


def test_training_that_goes_on_is_no_event_and_dates_nothing_after_it(models, tmp_path):
    """'Training of the new users will continue online in early 2022' is a line of work; its year is not the date of
    the exercise the next paragraph names."""
    acts = extract_text(
        models,
        tmp_path,
        "highlights.html",
        "<html><body><h1>Autumn highlights</h1><p>The new platform went live in October. Training of the new users will"
        " continue online in early 2022.</p><p>Experts took part as observers in a table-top exercise on the Dniester."
        " The exercise took place in Chisinau on 16-17 November 2021.</p></body></html>",
    )
    assert [(a.label, a.start) for a in acts] == [("table-top exercise on the Dniester", "2021-11-16")]


def test_a_byline_names_the_publisher_not_an_event(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "news.html",
        "<html><body><main><h1>Inspectors trained in Balti</h1>"
        "<p>Mission to Moldova · Published 17 October 2019</p>"
        "<p>BALTI, 17 October 2019 – Twenty inspectors completed a training course on the inspection of hazardous"
        " installations, organized by the OSCE Mission to Moldova and UNECE.</p></main></body></html>",
    )
    assert labels == ["training course on the inspection of hazardous installations"]


def test_a_cancelled_workplan_row_is_no_activity(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "workplan.md",
        "# Status of the workplan 2019–2020\n\n"
        "| Activity | Country | Status | Dates |\n|---|---|---|---|\n"
        "| Workshop on tailings safety | Armenia | Held | 12–13 March 2019 |\n"
        "| National seminar on land-use planning | Albania | Cancelled | – |\n",
    )
    assert labels == ["Workshop on tailings safety"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            "fr-wish.html",
            "<html><body><main><h1>Mission d'experts à Erevan</h1><p>Du 4 au 7 avril 2016, deux experts"
            " ont effectué une mission d'expertise à Erevan. L'Arménie a exprimé le souhait d'accueillir ses inspecteurs"
            " en France pour une visite d'étude.</p></main></body></html>",
            id="fr-souhait",
        ),
        pytest.param(
            "ru-possibility.html",
            "<html><body><main><h1>Учение на реке Припять</h1><p>20 сентября 2017 года в Гомеле"
            " прошло командно-штабное учение. Стороны договорились обсудить возможность проведения полевых учений на"
            " реке.</p></main></body></html>",
            id="ru-vozmozhnost",
        ),
    ],
)
def test_a_wished_or_possible_activity_is_not_held(models, tmp_path, name, text):
    assert len(_labels(models, tmp_path, name, text)) == 1


def test_the_meetings_a_mission_held_on_its_days_are_its_programme(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "report.txt",
        "ОТЧЁТ О ТЕХНИЧЕСКОЙ МИССИИ\n\n"
        "1. Техническая миссия в Азербайджанскую Республику состоялась 10.04.2024–12.04.2024 в г. Баку.\n\n"
        "2. 10.04.2024 члены миссии провели рабочие встречи в Министерстве по чрезвычайным ситуациям.\n",
    )
    assert len(labels) == 1 and "миссия" in labels[0].lower()


def test_an_exercise_named_by_its_kind_alone_is_the_one_the_page_tells_after(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "project.md",
        "# Project on preparedness in the Chu basin\n\n"
        "Expected results:\n\n1. A joint contingency plan for the Chu, tested in an exercise.\n\n"
        "Project activities:\n\n- **Table-top exercise on a chemical spill on the Chu River** — Tokmok, 5–6 September 2024.\n",
    )
    assert "exercise" not in labels and "Table-top exercise on a chemical spill on the Chu River" in labels


def test_the_words_of_a_document_symbol_name_no_activity(models, tmp_path):
    """A report's running header keeps its symbol for search ("TEIA/mission/GEO/2031"): its "mission" is no event."""
    page = (
        "Industrial Accidents Convention            TEIA/mission/GEO/2031\n"
        "Assistance and Cooperation Programme               Page {n} of 2\n\n"
    )
    text = (
        page.format(n=1) + "                REPORT ON A VISIT TO THE RIONI BASIN\n\n"
        "1. Experts of the secretariat visited two fuel depots in Poti on 4 May 2031.\n\n\f"
        + page.format(n=2)
        + "2. They met the emergency service of the port.\n"
    )
    labels = _labels(models, tmp_path, "report.txt", text)
    assert not any("TEIA" in label for label in labels), labels
