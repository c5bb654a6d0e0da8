"""What a page says about itself (ingest/context.py): its date, datelines, and days named relative to it; and how
extraction uses them, on small documents written for the test."""

import pytest
from conftest import extract_text, read_text

from ingest.context import dateline, document_date, relative_day
from ingest.extract import extract


def _read(tmp_path, text, name="page.html"):
    return read_text(tmp_path, name, text)


def _page(*blocks):
    return "<html><body><article>" + "".join(blocks) + "</article></body></html>"


def _activities(models, tmp_path, *blocks):
    return extract(_read(tmp_path, _page(*blocks)), models.nlp, models.lexicon).activities


@pytest.mark.parametrize(
    "blocks, day",
    [
        pytest.param(("<h1>Experts meet</h1>", "<p>Almaty, 12 May 2022. Experts met.</p>"), "2022-05-12", id="dateline"),
        pytest.param(
            ("<h1>Эксперты встретились</h1>", "<p>Ашхабад, 26 января 2018 г. — Эксперты встретились.</p>"), "2018-01-26", id="ru-dateline"
        ),
        pytest.param(
            ("<h1>Réunion d'experts</h1>", "<p>Genève, le 19 octobre 2022</p>", "<p>Les experts.</p>"), "2022-10-19", id="fr-dateline-le"
        ),
        pytest.param(
            ("<h1>Experts meet</h1>", "<p>17 May 2023 | Environment | Industrial Accidents</p>"), "2023-05-17", id="date-and-tags-line"
        ),
        pytest.param(("<h1>Dam safety review 2015</h1>", "<p>Experts met.</p>"), "2015", id="title-year-only"),
    ],
)
def test_the_date_of_a_page(tmp_path, blocks, day):
    assert document_date(_read(tmp_path, _page(*blocks))) == day


@pytest.mark.parametrize(
    "sentence, page, before, day",
    [
        pytest.param("The working group met today in Astana.", "2023-05-17", None, "2023-05-17", id="today"),
        pytest.param("Yesterday the expert group met.", "2018-01-24", None, "2018-01-23", id="yesterday"),
        pytest.param("Вчера в Бишкеке прошло совещание.", "2021-10-05", None, "2021-10-04", id="ru-yesterday"),
        pytest.param("The following day, a training was held.", None, ("2023-05-17", "2023-05-17"), "2023-05-18", id="following-day"),
        pytest.param("Le lendemain, une visite a eu lieu.", None, ("2019-10-20", "2019-10-21"), "2019-10-22", id="fr-lendemain"),
        pytest.param("На следующий день состоялся тренинг.", None, ("2016-06-07", "2016-06-07"), "2016-06-08", id="ru-next-day"),
        pytest.param("On the eve, a press briefing was held.", None, ("2019-03-05", "2019-03-06"), "2019-03-04", id="eve"),
        pytest.param("The following day, a visit.", None, ("2019-10", "2019-10"), None, id="anchor-not-a-day"),
        pytest.param("The training was held in Astana.", "2023-05-17", None, None, id="no-relative-word"),
    ],
)
def test_relative_days(sentence, page, before, day):
    assert relative_day(sentence, page, before) == day


def test_a_dateline_is_not_the_events_date_but_gives_its_venue(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Experts discuss accession</h1>",
        "<p>Ashgabat, 24 January 2018. Yesterday the national expert group met.</p>",
        "<p>The expert group meeting was organized by the State Committee of Turkmenistan.</p>",
    )
    meeting = next(a for a in acts if a.label == "expert group meeting")
    assert (meeting.start, meeting.place) == ("2018-01-23", "https://w3id.org/iac/id/place/ashgabat-tm")


def test_a_russian_dateline_and_a_date_in_the_same_sentence(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>В Ашхабаде обсудили присоединение к Конвенции</h1>",
        "<p>Ашхабад, 26 января 2018 г. — Накануне, 25 января, прошло совещание экспертной группы Туркменистана.</p>",
    )
    assert [(a.start, a.place) for a in acts] == [("2018-01-25", "https://w3id.org/iac/id/place/ashgabat-tm")]


def test_dateline_shapes(models, tmp_path):
    doc = _read(tmp_path, _page("<p>Chisinau (Republic of Moldova), 28.09.2021. A seminar was held.</p>"))
    from ingest.extract import _Reader

    seg = next(s for s in doc.segments if "Chisinau" in doc.text[s.start : s.end])
    mentions = _Reader(doc, models.nlp, models.lexicon).mentions(seg)
    town, day, end = dateline(doc.text, seg.start, seg.end, mentions)
    assert (town.text, day.dates[0], doc.text[end:].lstrip().startswith("A seminar")) == ("Chisinau", "2021-09-28", True)


def test_the_following_day_follows_the_activity_before(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Kazakhstan steps up cooperation on tailings safety</h1>",
        "<p>17 May 2023 | Environment</p>",
        "<p>The working group met today in Astana for a meeting on tailings safety.</p>",
        "<p>The following day, a practical training for inspectors was held in Astana.</p>",
    )
    assert [a.start for a in acts] == ["2023-05-17", "2023-05-18"]


def test_a_quoted_project_name_is_a_project_not_a_back_reference(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Moldova and Ukraine rehearse spill response</h1>",
        "<p>On 28 September 2021 specialists of Moldova and Ukraine took part in a joint table-top exercise.</p>",
        '<p>The exercise was organized within the project "Safer Dniester basin" financed by Switzerland.</p>',
    )
    assert sorted(a.label for a in acts) == ["Safer Dniester basin", "joint table-top exercise"]


def test_a_bare_russian_word_refers_back_to_its_project(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Совещание в Ашхабаде</h1>",
        "<p>Встреча состоялась в рамках проекта «Промышленная безопасность в Центральной Азии».</p>",
        "<p>Проект, рассчитанный на 2016–2018 годы, финансирует Российская Федерация.</p>",
    )
    project = next(a for a in acts if "Центральной Азии" in a.label)
    assert (project.start, project.end, len(acts)) == ("2016", "2018", 1)


def test_a_project_page_names_its_project_and_its_phases_are_part_of_it(models, tmp_path):
    text = (
        "# Safer rivers in the lower Danube basin\n\n*Project for Bulgaria, Romania and Serbia*\n\n"
        "**Period:** March 2009 – March 2010\n**Beneficiaries:** Bulgaria, Romania, Serbia\n\n"
        "## Phases\n\n1. **Kick-off meeting** – Sofia, 17–18 March 2009.\n2. **Final workshop** – Belgrade, early 2010.\n"
    )
    acts = extract(_read(tmp_path, text, "project.md"), models.nlp, models.lexicon).activities
    project = next(a for a in acts if a.label == "Safer rivers in the lower Danube basin")
    assert (project.start, project.end, project.beneficiaries) == (
        "2009-03",
        "2010-03",
        tuple(f"https://w3id.org/iac/id/country/{c}" for c in ("BGR", "ROU", "SRB")),
    )
    assert [a.part_of for a in acts if a is not project] == [project.key, project.key]


def test_a_project_line_under_an_event_title(models, tmp_path):
    text = (
        "# Первое заседание рабочей группы по безопасности хвостохранилищ\n\n"
        "**Проект:** «Безопасные хвостохранилища Узбекистана» (2021–2023 гг.)\n**Дата:** 15 июня 2022 г.\n"
        "**Место проведения:** г. Ташкент\n**Финансирование:** Федеральное министерство окружающей среды Германии\n"
    )
    acts = extract(_read(tmp_path, text, "agenda.md"), models.nlp, models.lexicon).activities
    project = next(a for a in acts if a.label == "Безопасные хвостохранилища Узбекистана")
    meeting = next(a for a in acts if a is not project)
    assert (project.start, project.end) == ("2021", "2023")
    assert (meeting.start, meeting.place, meeting.donors, meeting.part_of) == (
        "2022-06-15",
        "https://w3id.org/iac/id/place/tashkent-uz",
        ("https://w3id.org/iac/id/country/DEU",),
        project.key,
    )


def test_a_heading_naming_an_activity_is_one_activity_with_its_section(models, tmp_path):
    text = (
        "# Work plan of the Assistance Programme, 2025–2026\n\n"
        "### 1.2 Training on land-use planning around hazardous sites\n\n"
        "**Dates:** 14–15 May 2025\n**Venue:** Tirana\n\n"
        "The training will bring together planners of Albania and Montenegro.\n\n"
        "### 1.3 Project phases\n\nThe phases are described in the annex.\n"
    )
    acts = extract(_read(tmp_path, text, "workplan.md"), models.nlp, models.lexicon).activities
    assert [(a.label, a.start, a.end, a.place) for a in acts] == [
        ("Training on land-use planning around hazardous sites", "2025-05-14", "2025-05-15", "https://w3id.org/iac/id/place/tirana-al")
    ]
    assert acts[0].beneficiaries == ("https://w3id.org/iac/id/country/ALB", "https://w3id.org/iac/id/country/MNE")


def test_on_an_events_page_its_kind_named_again_is_the_event(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>National workshop on tailings safety in Kyrgyzstan</h1>",
        "<p>13 October - 14 October 2021</p><p>Bishkek Kyrgyzstan</p>",
        "<p>The secretariat organizes a two-day national workshop in Bishkek, financed by Switzerland.</p>",
        "<p>A similar workshop will be held in Tajikistan in 2022.</p>",
    )
    assert [(a.label, a.start) for a in acts] == [
        ("National workshop on tailings safety in Kyrgyzstan", "2021-10-13"),
        ("similar workshop", "2022"),
    ]
    assert acts[0].donors == ("https://w3id.org/iac/id/country/CHE",)


def test_an_apposition_and_a_recommendation_name_no_new_activity(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Stakeholders discuss industrial safety</h1>",
        "<p>On 4 October 2021 the Ministry hosted a stakeholder consultation on industrial safety in Bishkek, "
        "the second meeting held within the dialogue.</p>",
        "<p>The participants recommended continuing the work with a regional table-top exercise in 2022.</p>",
    )
    assert [a.label for a in acts] == ["stakeholder consultation on industrial safety"]


def test_a_national_activity_is_for_the_country_it_is_held_in(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Experts review legislation</h1>",
        "<p>The project covers Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.</p>",
        "<p>A national workshop to discuss the report is planned for April 2018 in Ashgabat.</p>",
    )
    workshop = next(a for a in acts if a.label == "national workshop")
    assert workshop.beneficiaries == ("https://w3id.org/iac/id/country/TKM",)


def test_a_russian_event_header_with_labelled_lines(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Учебное мероприятие по Системе уведомления о промышленных авариях для стран Кавказа</h1>",
        "<p>Даты: 13 декабря (10:00) – 14 декабря (18:00) 2011</p>",
        "<p>Место проведения: Тбилиси, Грузия</p>",
        "<p>Учебное мероприятие проводится для пунктов связи в Армении, Азербайджане и Грузии.</p>",
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2011-12-13", "2011-12-14", "https://w3id.org/iac/id/place/tbilisi-ge")]


def test_a_town_then_dates_line_under_the_title(models, tmp_path):
    text = (
        "TECHNICAL MISSION TO KAZAKHSTAN ON SAFETY REPORTS\n\nPavlodar, 3–5 April 2018\n\nThe mission met the inspectors of the region.\n"
    )
    acts = extract(_read(tmp_path, text, "report.txt"), models.nlp, models.lexicon).activities
    assert [(a.start, a.end, a.place) for a in acts] == [("2018-04-03", "2018-04-05", "https://w3id.org/iac/id/place/pavlodar-kz")]


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        pytest.param("<p>An advisory mission to Ukraine on accident prevention is planned from 2023.</p>", "2023", None, id="en-from"),
        pytest.param("<p>Des services consultatifs à l'Ukraine sont fournis à partir de 2023.</p>", "2023", None, id="fr-a-partir-de"),
        pytest.param(
            "<p>A workshop for Armenia will be held from 27 to 29 October 2019.</p>", "2019-10-27", "2019-10-29", id="from-a-range"
        ),
    ],
)
def test_an_activity_begun_from_a_date_has_no_end(models, tmp_path, sentence, start, end):
    acts = _activities(models, tmp_path, "<h1>Work plan</h1>", sentence)
    assert [(a.start, a.end) for a in acts] == [(start, end)]


def test_a_policy_dialogue_is_a_process_without_venue_or_end(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Montenegro starts a dialogue</h1>",
        "<p>On 9 March 2023 Montenegro started a National Policy Dialogue on industrial safety in Podgorica.</p>",
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2023-03-09", None, None)]


def test_headings_about_a_page_and_the_next_meeting_name_no_activity(models, tmp_path):
    text = (
        "# Повышение безопасности хвостохранилищ\n\n## О проекте\n\nТекст о проекте.\n\n## Мероприятия проекта\n\n"
        "Список будет дополнен.\n\n## Agenda\n\n- Any other business, date of the next meeting and closing\n"
        "- Participants recommended training on hazard identification for all regions.\n"
    )
    assert extract(_read(tmp_path, text, "page.md"), models.nlp, models.lexicon).activities == ()


def test_a_title_with_its_dates_and_venue_is_the_pages_event(models, tmp_path):
    text = (
        "Train-the-trainer programme on the Seveso Directive, May 11-13, 2009, Sofia, Bulgaria\n\n"
        "The training was part of a work programme for the period 2007 to 2010.\n\n"
        "Participants came from Albania, Serbia and Turkey.\n"
    )
    acts = extract(_read(tmp_path, text, "event.txt"), models.nlp, models.lexicon).activities
    assert [(a.label, a.start, a.end, a.place, len(a.beneficiaries)) for a in acts] == [
        ("Train-the-trainer programme on the Seveso Directive", "2009-05-11", "2009-05-13", "https://w3id.org/iac/id/place/sofia-bg", 3)
    ]


def test_phases_named_in_a_list_then_described_are_one_activity_each(models, tmp_path):
    text = (
        "Managing hazardous spills together\n\n"
        "The partner countries decided on three project phases: a technical workshop and a final workshop.\n\n"
        "The technical workshop was hosted by Romania in Drobeta-Turnu Severin on 16–18 June 2009.\n\n"
        "The final workshop in Sofia held on 17–18 November discussed the results.\n"
    )
    acts = extract(_read(tmp_path, text, "report.txt"), models.nlp, models.lexicon).activities
    assert [(a.label, a.start) for a in acts] == [("technical workshop", "2009-06-16"), ("final workshop", "2009-11-17")]


def test_the_date_of_a_lede_naming_no_activity_goes_to_the_next_paragraphs_activity(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Three countries test cooperation in case of an oil spill</h1>",
        "<p>For the first time, on 24 March 2015, Moldova, Romania and Ukraine tested how they would cooperate.</p>",
        "<p>The test was conducted in Chisinau by simulating an accident (table-top exercise).</p>",
    )
    assert [(a.label, a.start, a.place) for a in acts] == [
        ("table-top exercise", "2015-03-24", "https://w3id.org/iac/id/place/chisinau-md")
    ]


def test_a_later_activity_in_a_sentence_takes_only_its_own_date(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Danube exercise</h1>",
        "<p>A field exercise took place on 24 September 2009.</p>",
        "<p>The field exercise was followed by a workshop devoted to its evaluation held on 25 September 2009 in Negotin.</p>",
    )
    assert [(a.label, a.start) for a in acts] == [("field exercise", "2009-09-24"), ("workshop", "2009-09-25")]


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param(
            "<table><tr><th>Beneficiary countries</th><td>Kazakhstan, Uzbekistan</td></tr><tr><th>Duration</th>"
            "<td>January 2022 – December 2025</td></tr><tr><th>Donor</th><td>Germany</td></tr></table>",
            id="facts-table",
        ),
        pytest.param(
            "<dl><dt>Beneficiary countries</dt><dd>Kazakhstan, Uzbekistan</dd><dt>Duration</dt><dd>2022–2025</dd>"
            "<dt>Donor</dt><dd>Germany</dd></dl>",
            id="definition-list",
        ),
    ],
)
def test_a_title_over_project_facts_is_the_project(models, tmp_path, facts):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Safer tailings in Kazakhstan and Uzbekistan (2022–2025)</h1>",
        facts,
        "<h2>Activities</h2><ul><li>17 February 2022 – Kick-off meeting of the national teams, Tashkent</li></ul>",
    )
    project, meeting = acts
    assert (project.label, project.start, project.end, project.place) == (
        "Safer tailings in Kazakhstan and Uzbekistan",
        "2022",
        "2025",
        None,
    )
    assert project.donors == ("https://w3id.org/iac/id/country/DEU",)
    assert (meeting.start, meeting.part_of, len(meeting.beneficiaries)) == ("2022-02-17", project.key, 2)


def test_workplan_items_under_bold_headings_take_their_key_lines_and_the_workplans_period(models, tmp_path):
    text = (
        "# Activities for the biennium 2019–2020\n\n**A.1 National Policy Dialogue on industrial safety in Serbia**\n"
        "- Lead: Switzerland (funding); OECD\n- Beneficiary: Serbia\n\n**A.2 Technical mission to Uzbekistan on accession**\n"
        "- Lead: the secretariat\n- Beneficiary: Uzbekistan\n- Timing: first half of 2019\n"
    )
    acts = extract(_read(tmp_path, text, "plan.md"), models.nlp, models.lexicon).activities
    assert [(a.label, a.start, a.end, a.beneficiaries) for a in acts] == [
        ("National Policy Dialogue on industrial safety in Serbia", "2019", "2020", ("https://w3id.org/iac/id/country/SRB",)),
        ("Technical mission to Uzbekistan on accession", "2019", "2019", ("https://w3id.org/iac/id/country/UZB",)),
    ]


def test_header_lines_give_when_and_where_to_the_first_activity(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Armenia and Georgia test their joint response to a spill</h1>",
        "<p>Date: 05.06.2024 – 07.06.2024 | Location: Rustavi, Georgia</p>",
        "<p>Specialists of both countries met for a three-day table-top exercise on a chemical spill.</p>",
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2024-06-05", "2024-06-07", "https://w3id.org/iac/id/place/rustavi-ge")]


def test_an_event_header_written_as_a_list(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "<h1>Atelier national sur la planification d'urgence externe</h1>",
        "<ul><li>Dates : du 15 au 17 mai 2023</li><li>Lieu : Chisinau (République de Moldova)</li></ul>",
        "<p>Cet atelier de trois jours s'adresse aux autorités moldaves.</p>",
    )
    assert [(a.label, a.start, a.end, a.place) for a in acts] == [
        ("Atelier national sur la planification d'urgence externe", "2023-05-15", "2023-05-17", "https://w3id.org/iac/id/place/chisinau-md")
    ]


def test_the_x_with_its_own_day_and_nothing_named_before_is_a_new_activity(models, tmp_path):
    text = (
        "Managing spills together\n\nThe project was launched in 2009 for Bulgaria, Romania and Serbia.\n\n"
        "The in-field exercise took place on 24 September 2009 near Vidin.\n"
    )
    acts = extract(_read(tmp_path, text, "report.txt"), models.nlp, models.lexicon).activities
    assert [(a.label, a.start) for a in acts if a.label == "in-field exercise"] == [("in-field exercise", "2009-09-24")]


def test_a_town_then_les_dates_line_wrapping_onto_the_hall(models, tmp_path):
    text = (
        "# Consultation régionale sur la sécurité des résidus miniers en Asie centrale\n\n"
        "Douchanbé (Tadjikistan), les 20 et 21 octobre 2021\nHôtel Hyatt Regency, salle « Pamir »\n\n"
        "Organisée par la CEE-ONU et l'OSCE.\n"
    )
    acts = extract(_read(tmp_path, text, "agenda.md"), models.nlp, models.lexicon).activities
    assert [(a.start, a.end, a.place) for a in acts] == [("2021-10-20", "2021-10-21", "https://w3id.org/iac/id/place/dushanbe-tj")]


def test_an_activity_that_ended_yesterday_after_two_days(models, tmp_path):
    """ "НУР-СУЛТАН, 9 декабря 2021 г. — Национальный семинар … завершился вчера … В течение двух дней …": 7–8 December."""
    acts = extract_text(
        models,
        tmp_path,
        "news.html",
        "<html><body><main><h1>Семинар по уведомлению об авариях</h1>"
        "<p>НУР-СУЛТАН, 9 декабря 2021 г. — Национальный семинар по уведомлению о промышленных авариях,"
        " организованный ОБСЕ, завершился вчера в столице.</p><p>В течение двух дней около 40 специалистов"
        " рассматривали порядок передачи уведомлений.</p></main></body></html>",
    )
    assert (acts[0].start, acts[0].end) == ("2021-12-07", "2021-12-08")
