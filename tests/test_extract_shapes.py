"""Shapes of real page text that extraction reads (ingest/context.py, ingest/shapes.py, ingest/labels.py), each on a
small document written for the test: the page's year, an event header, back-references, and words that name
activities without naming one (modifiers, link blocks, agenda slots, page chrome)."""

import pytest
from conftest import extract_text, read_text

from ingest.context import document_year

_read = read_text
_activities = extract_text


def _page(*blocks):
    return "<html><body><article>" + "".join(blocks) + "</article></body></html>"


@pytest.mark.parametrize(
    "blocks, year",
    [
        pytest.param(("<h1>Experts meet on dam safety</h1>", "<p>Almaty, 12 May 2022. Experts met.</p>"), 2022, id="dateline"),
        pytest.param(
            ("<h1>Experts meet on dam safety</h1>", "<p>Published: 03 June 2019</p>", "<p>Experts met.</p>"), 2019, id="published-line"
        ),
        pytest.param(("<h1>Experts meet on dam safety</h1>", "<p>Date: 14 February 2018</p>"), 2018, id="date-line"),
        pytest.param(("<h1>Experts meet on dam safety</h1>", "<p>21.11.2016</p>"), 2016, id="bare-date-line"),
        pytest.param(("<h1>Dam safety review 2015</h1>", "<p>Experts met in spring.</p>"), 2015, id="title-year"),
        pytest.param(
            ("<h1>Experts meet on dam safety</h1>", "<p><em>Ministry of Environmental Protection — 6 November 2026</em></p>"),
            2026,
            id="byline",
        ),
        pytest.param(("<h1>Experts meet on dam safety</h1>", "<p>Experts met in spring.</p>"), None, id="none"),
    ],
)
def test_the_year_of_a_page(tmp_path, blocks, year):
    assert document_year(_read(tmp_path, "page.html", _page(*blocks))) == year


def test_a_day_and_month_are_read_in_the_datelines_year(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Inspectors trained in northern Kazakhstan</h1>",
            "<p>ALMATY, 12 May 2022</p>",
            "<p>On the 9th and 10th of May, inspectors attended a training course on the inspection of tailings dams.</p>",
        ),
    )
    assert [(a.label, a.start, a.end) for a in acts] == [("training course on the inspection of tailings dams", "2022-05-09", "2022-05-10")]


def test_an_event_header_gives_dates_and_venue_to_the_title(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        _page(
            "<h1>Subregional seminar on land-use planning around hazardous sites</h1>",
            "<p>3 March (09:30) - 4 March (17:00) 2020</p>",
            "<p>Tbilisi, Georgia</p>",
            "<p>The two-day seminar brings together planners from Armenia and Georgia.</p>",
        ),
    )
    assert len(acts) == 1
    a = acts[0]
    assert a.label == "Subregional seminar on land-use planning around hazardous sites"
    assert (a.start, a.end) == ("2020-03-03", "2020-03-04")
    assert a.place and a.place.endswith("tbilisi-ge")


def test_a_back_reference_joins_the_event_it_names(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "press.html",
        _page(
            "<h1>Rivers and risks</h1>",
            "<p>UNECE held a national workshop on accident prevention in Chisinau on 4 April 2019.</p>",
            "<p>The workshop served as a forum for the inspectorates. The workshop looked back on earlier work.</p>",
        ),
    )
    assert [a.label for a in acts] == ["national workshop on accident prevention"]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The project team visited the site.", id="project-team"),
        pytest.param("Experts from the three project countries met.", id="project-countries"),
        pytest.param("The exercise director explained the rules.", id="exercise-director"),
        pytest.param("Experts presented how they define consultation zones around Seveso establishments.", id="consultation-zones"),
        pytest.param("The OSCE Project Co-ordinator in Ukraine supported the event.", id="project-co-ordinator"),
        pytest.param("Experts presented consultation distances and planning tools.", id="consultation-distances"),
        pytest.param("A study visit of Albanian planners to Slovenia was proposed by Albania in April 2025.", id="proposed-after"),
        pytest.param("A train-the-trainer course for municipal planners might be useful in the future.", id="might-be-useful"),
        pytest.param(
            "The authorities should consider, together with Ukraine, a joint exercise on an oil spill.", id="consider-together-with"
        ),
    ],
)
def test_an_activity_word_modifying_a_noun_is_no_activity(models, tmp_path, sentence):
    assert _activities(models, tmp_path, "note.txt", f"Notes\n\n{sentence}\n") == ()


def test_link_blocks_agenda_slots_and_page_chrome_are_not_read_as_activities(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "page.html",
        _page(
            "<p>This site uses cookies. By continuing you accept our cookie policy.</p>",
            "<p>Home / Events / Seminar on safety reports</p>",
            "<h1>Seminar on safety reports in Central Asia</h1>",
            "<p>Dates: 5-6 May 2021</p>",
            "<p>Seminar programme</p>",
            "<h2>Agenda</h2>",
            "<ul><li>09:00–10:30 Session 1: the opening session</li><li>11:00–12:30 Session 2: case studies</li></ul>",
            "<p>Participants joined the closing session after lunch.</p>",
            "<h2>Related news</h2>",
            "<ul><li>Training on inspections held in Bishkek</li><li>Workshop report published</li></ul>",
        ),
    )
    assert [a.label for a in acts] == ["Seminar on safety reports in Central Asia"]


@pytest.mark.parametrize(
    "name, text, labels",
    [
        pytest.param(
            "phases.md",
            "# Dam project\n\n## Project phases\n\n"
            "- **Kick-off meeting** – Sofia, 17–18 March 2015. The parties agreed the plan.\n"
            "- **Technical workshop on spill modelling** – Ruse, 9–10 June 2015.\n",
            ["Kick-off meeting", "Technical workshop on spill modelling"],
            id="md-bold-title",
        ),
        pytest.param(
            "activities.html",
            _page(
                "<h1>Tailings project in Georgia</h1>",
                "<h2>Project activities</h2>",
                "<ul><li><strong>Kick-off meeting</strong>, Tbilisi, 5 March 2019: agreement on the workplan.</li>"
                "<li><strong>Expert mission to the tailings dam</strong> (Madneuli mine), 9–12 June 2020, postponed from April.</li>"
                "<li><strong>Final workshop</strong>, held online on 24 November 2020.</li></ul>",
            ),
            ["Kick-off meeting", "Expert mission to the tailings dam", "Final workshop"],
            id="html-title-before-venue-and-date",
        ),
        pytest.param(
            "plan.md",
            "# Plan de travail\n\n## Activités prévues\n\n"
            "- **Atelier sous-régional sur la sécurité des barrages pour l'Asie centrale**, à Almaty, en 2023.\n"
            "- Exercice sur table transfrontière sur le Danube, au second semestre 2024.\n",
            ["Atelier sous-régional sur la sécurité des barrages pour l'Asie centrale", "Exercice sur table transfrontière sur le Danube"],
            id="fr-title-before-venue-and-date",
        ),
        pytest.param(
            "plan-ru.md",
            "# План работы\n\n## Мероприятия\n\n"
            "1. Субрегиональное совещание по оценке рисков для стран Кавказа (Армения, Азербайджан, Грузия), г. Тбилиси, II квартал 2022 г.\n"
            "2. Совместный проект по предотвращению загрязнения реки Днестр для Молдовы и Украины (2021–2022 гг.), при поддержке Германии.\n",
            ["Субрегиональное совещание по оценке рисков для стран Кавказа", "Совместный проект по предотвращению загрязнения реки Днестр"],
            id="ru-title-before-venue-and-beneficiaries",
        ),
        pytest.param(
            "timeline.md",
            "# Syr Darya project\n\n## Project phases\n\n"
            "- 22 March 2023 – Kick-off meeting of the national teams, Tashkent\n"
            "- Spring 2024 – Joint field exercise on the river, with the deployment of booms (planned)\n",
            ["Kick-off meeting of the national teams", "Joint field exercise on the river"],
            id="date-before-title",
        ),
        pytest.param(
            "phases.md",
            "# Natech project\n\n## Project activities\n\n- 14/03/2023 – Inception meeting of the project working group (online)\n",
            ["Inception meeting of the project working group"],
            id="slashed-date-before-title",
        ),
        pytest.param(
            "plan2.md",
            "# Work plan 2019–2020\n\n**A.1 National Policy Dialogue on industrial safety in Serbia**\n\n"
            "Lead: Switzerland\n\n**B.2 Technical mission to Ashgabat on accession**\n\nLead: Finland\n",
            ["National Policy Dialogue on industrial safety in Serbia", "Technical mission to Ashgabat on accession"],
            id="numbered-bold-headings",
        ),
    ],
)
def test_a_list_items_title_ends_before_its_venue_dates_and_remarks(models, tmp_path, name, text, labels):
    assert [a.label for a in _activities(models, tmp_path, name, text)] == labels


def test_table_columns_are_known_by_their_words(models, tmp_path):
    text = (
        "# Activities 2023–2024\n\n| No. | Activity | Lead/supporting countries | Beneficiary countries | Timing |\n|---|---|---|---|---|\n"
        "| 1 | Training on land-use planning | Belgium | Albania, Montenegro | 2023 |\n"
    )
    acts = _activities(models, tmp_path, "plan.md", text)
    assert [(a.label, a.beneficiaries, a.donors, a.start) for a in acts] == [
        (
            "Training on land-use planning",
            ("https://w3id.org/iac/id/country/ALB", "https://w3id.org/iac/id/country/MNE"),
            ("https://w3id.org/iac/id/country/BEL",),
            "2023",
        )
    ]


@pytest.mark.parametrize(
    "name, text, labels",
    [
        pytest.param(
            "report.txt",
            "REPORT OF THE TECHNICAL MISSION TO SERBIA ON NATECH ACCIDENTS\n\nBelgrade, 3–5 April 2017\n\nThe mission met the inspectors.\n",
            ["Technical mission to serbia on natech accidents"],
            id="capitals-and-report-of",
        ),
        pytest.param(
            "cop.txt",
            "Report of the Conference\n\nThe twelfth meeting of the Conference of the Parties was held in Geneva.\n\n"
            "## Date and venue of the next meeting\n\nThe Working Group's meeting will take place in 2025.\n",
            [],
            id="statutory-meetings",
        ),
        pytest.param(
            "news.html",
            _page(
                "<h1>Joint table-top exercise on a chemical spill on the Debed river</h1>",
                "<p>Specialists from Armenia and Georgia met in Rustavi for a three-day table-top exercise on 5 June 2024.</p>",
            ),
            ["Joint table-top exercise on a chemical spill on the Debed river"],
            id="short-name-takes-the-titles",
        ),
    ],
)
def test_titles_and_statutory_meetings_of_whole_pages(models, tmp_path, name, text, labels):
    assert [a.label for a in _activities(models, tmp_path, name, text)] == labels


def test_a_bold_read_also_line_opens_a_block_of_links(models, tmp_path):
    text = (
        "# Вторая встреча руководящего комитета\n\n25.04.2023 в Бишкеке состоялось второе заседание руководящего комитета.\n\n"
        "---\n\n**Читайте также:**\n\n- Спасатели приняли участие в международных учениях в Казахстане\n"
    )
    assert [a.label for a in _activities(models, tmp_path, "news.md", text)] == ["второе заседание руководящего комитета"]


def test_an_agenda_caption_naming_the_meeting_bare_is_that_meeting(models, tmp_path):
    text = (
        "# Dialogue politique national sur la sécurité industrielle en Albanie\n\n## Première réunion du comité de pilotage\n\n"
        "**Tirana (Albanie), les 14 et 15 mars 2024**\nMinistère de l'environnement, salle 3\n\n"
        "Réunion organisée par la CEE-ONU et le ministère, avec le soutien financier de la Suisse.\n\n"
        "### Ordre du jour\n\n1. **Activités de renforcement des capacités** (9 h 30 – 11 h 00). Bilan.\n\n"
        "2. **Questions diverses, date de la prochaine réunion et clôture** (12 h 30 – 13 h 00).\n"
    )
    acts = _activities(models, tmp_path, "agenda.md", text)
    assert [(a.label, a.start, a.end) for a in acts] == [("Première réunion du comité de pilotage", "2024-03-14", "2024-03-15")]


def test_a_site_near_a_town_is_part_of_the_title(models, tmp_path):
    text = "# Новости\n\n26 апреля 2023 года участники совершили технический визит на хвостохранилище вблизи г. Кара-Балта.\n"
    assert [a.label for a in _activities(models, tmp_path, "news.md", text)] == [
        "технический визит на хвостохранилище вблизи г. Кара-Балта"
    ]


def test_the_lede_gives_its_venue_with_its_dates_to_the_activity_named_next(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Inspectors learn to assess dam safety</h1>",
            "<p>Twenty inspectors were trained from 12 to 14 September 2023 in the city of Karakol on the inspection of tailings dams.</p>",
            "<p>The training is part of a joint project launched in 2022.</p>",
        ),
    )
    training = next(a for a in acts if a.type.endswith("TrainingSession"))
    assert (training.start, training.end, training.place) == ("2023-09-12", "2023-09-14", "https://w3id.org/iac/id/place/karakol-kg")
    assert "https://w3id.org/iac/id/topic/inspection" in training.topics
    project = next(a for a in acts if a.type.endswith("Project"))
    assert (project.start, project.end) == ("2022", None)  # launched then, not ended


def test_a_facts_table_makes_a_project_page_and_its_listed_countries_are_all_its_beneficiaries(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "project.html",
        _page(
            "<h1>Ili River: joint response to accidental pollution, phase II</h1>",
            "<table><tr><th>Period</th><td>March 2022 to June 2024</td></tr><tr><th>Countries</th><td>Kazakhstan, Uzbekistan</td></tr>"
            "<tr><th>Donor</th><td>Finland</td></tr></table>",
            "<h2>Activities and milestones</h2>",
            "<ul><li>4 April 2022 – Kick-off meeting of the national teams, Almaty.</li></ul>",
            "<p>The river also crosses Kyrgyzstan. The kick-off meeting was attended by the emergency services of both countries, "
            "and Kyrgyzstan was invited to follow the project as an observer.</p>",
        ),
    )
    assert [(a.type.rsplit("#")[-1], a.label) for a in acts] == [
        ("Project", "Ili River: joint response to accidental pollution, phase II"),
        ("Meeting", "Kick-off meeting of the national teams"),  # "the kick-off meeting" is this one
    ]
    country = "https://w3id.org/iac/id/country/"
    assert acts[0].beneficiaries == (country + "KAZ", country + "UZB")
    assert (acts[0].start, acts[0].end) == ("2022-03", "2024-06")


def test_a_russian_title_named_again_in_another_case_is_the_same_activity(models, tmp_path):
    text = (
        "# Проект по безопасности плотин\n\n## Мероприятия проекта\n\n"
        "- Заключительный семинар – 1 декабря 2023 г., в режиме онлайн.\n\n"
        "В заключительном семинаре приняли участие также эксперты из Казахстана.\n"
    )
    acts = _activities(models, tmp_path, "project.md", text)
    assert [(a.label, a.start) for a in acts if a.type.endswith("Seminar")] == [("Заключительный семинар", "2023-12-01")]


def test_a_russian_title_takes_the_headlines_nominative(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Стартовал национальный политический диалог по промышленной безопасности</h1>",
            "<p>Бишкек, 4 октября 2021 г. — Сегодня состоялось первое заседание руководящего комитета "
            "национального политического диалога по промышленной безопасности.</p>",
        ),
    )
    assert "национальный политический диалог по промышленной безопасности" in [a.label for a in acts]


def test_a_report_cover_heading_with_its_subtitle_and_date_line_is_the_reports_event(models, tmp_path):
    text = (
        "ЕВРОПЕЙСКАЯ ЭКОНОМИЧЕСКАЯ КОМИССИЯ ООН\nКонвенция о трансграничном воздействии промышленных аварий\n\n"
        "                     Отчёт\n\n     ТЕХНИЧЕСКАЯ МИССИЯ ПО ОЦЕНКЕ ХРАНИЛИЩ ХЛОРА\n          (Республика Молдова)\n\n"
        "          г. Кишинёв, 3–5 июня 2019 г.\n\n1. Миссия проведена по просьбе министерства.\n\n"
        "2. По итогам миссии было решено продолжить работу. Рассмотреть возможность проведения в будущем совместных учений.\n"
    )
    acts = _activities(models, tmp_path, "report.txt", text)
    assert [(a.label, a.start, a.end, a.place, a.beneficiaries) for a in acts] == [
        (
            "Техническая миссия по оценке хранилищ хлора",
            "2019-06-03",
            "2019-06-05",
            "https://w3id.org/iac/id/place/chisinau-md",
            ("https://w3id.org/iac/id/country/MDA",),
        )
    ]


def test_menus_document_tables_and_office_names_are_not_activities(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        _page(
            "<ul><li>Home</li><li>Events</li><li>National workshop on dam safety in Georgia</li></ul>",
            "<h1>National workshop on dam safety in Georgia</h1>",
            "<p>Dates: 5–6 May 2021</p>",
            "<p>Venue: Tbilisi, Georgia</p>",
            "<p>The OSCE Project Co-ordinator in Ukraine shared its experience. The ministry hosts the workshop at its training centre.</p>",
            "<table><tr><th>Title</th><th>Language</th><th>Format</th></tr><tr><td>Provisional programme</td><td>English, Georgian</td><td>PDF</td></tr></table>",
        ),
    )
    assert [(a.label, a.start) for a in acts] == [("National workshop on dam safety in Georgia", "2021-05-05")]


def test_workplan_items_on_statutory_sessions_are_not_activities_and_advisory_support_is_a_service(models, tmp_path):
    text = (
        "# Workplan 2025–2026\n\n## Core activities\n\n- Fourteenth meeting of the Conference of the Parties (Geneva, 2026);\n"
        "- Two meetings per year of the Working Group on Implementation;\n\n## Assistance activities\n\n"
        "- Advisory support to Turkmenistan on accession to the Convention (2025).\n"
    )
    acts = _activities(models, tmp_path, "plan.md", text)
    assert [(a.type.rsplit("#")[-1], a.label) for a in acts] == [
        ("AdvisoryService", "Advisory support to Turkmenistan on accession to the Convention")
    ]


def test_a_capitalised_dateline_alone_and_a_later_sentence_saying_when_it_took_place(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<div>KHARKIV, Ukraine 24 September 2021</div>",
            "<h1>Rescue service instructors learn to identify hazardous activities</h1>",
            "<p>Twenty instructors completed a training course on the identification of hazardous activities. "
            "The course took place in Kharkiv from 21 to 23 September 2021.</p>",
        ),
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2021-09-21", "2021-09-23", "https://w3id.org/iac/id/place/kharkiv-ua")]


def test_a_page_titled_by_its_project_over_project_facts_is_the_projects_page(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "project.html",
        _page(
            "<h1>Project on preparedness for accidental pollution in the Drina River basin</h1>",
            "<dl><dt>Duration</dt><dd>January 2022 – June 2024</dd><dt>Beneficiary countries</dt><dd>Bosnia and Herzegovina, Serbia</dd>"
            "<dt>Funding</dt><dd>Sweden</dd></dl>",
            "<h2>Activities</h2>",
            "<ul><li>Kick-off meeting – Višegrad, 15–16 March 2022</li></ul>",
        ),
    )
    project, meeting = acts
    assert (project.label, project.start, project.end, project.donors) == (
        "Project on preparedness for accidental pollution in the Drina River basin",
        "2022-01",
        "2024-06",
        ("https://w3id.org/iac/id/country/SWE",),
    )
    assert meeting.part_of == project.key and len(meeting.beneficiaries) == 2


@pytest.mark.parametrize(
    "name, text",
    [
        pytest.param(
            "news.html",
            _page(
                "<div>You are here: Home &gt; News &gt; Sub-regional workshop on emergency planning held in Yerevan</div>",
                "<h1>Sub-regional workshop on emergency planning held in Yerevan</h1>",
                "<p>On 17 April 2018 the sub-regional workshop on emergency planning took place in Yerevan, Armenia.</p>",
                "<p><a href='#'>Next: National Advisory Group meeting in Baku »</a></p>",
            ),
            id="you-are-here-and-next-link",
        ),
        pytest.param(
            "news.md",
            "# Sub-regional workshop on emergency planning held in Yerevan\n\n"
            "On 17 April 2018 the sub-regional workshop on emergency planning took place in Yerevan, Armenia. "
            "One day was devoted to a practical exercise. The team held a debriefing meeting with the ministry.\n\n"
            "Armenia has informed the secretariat of its wish to launch a national policy dialogue, to be discussed "
            "by the Working Group at its next meeting. Participants asked the secretariat to consider a national training course.\n\n"
            "**Read also:**\n\n- [Kazakhstan and Kyrgyzstan hold joint exercise on the Chu River](#)\n",
            id="md-parts-wishes-read-also",
        ),
    ],
)
def test_only_the_pages_event_when_the_rest_is_chrome_parts_of_it_or_wishes(models, tmp_path, name, text):
    assert [a.label.lower() for a in _activities(models, tmp_path, name, text)] == ["sub-regional workshop on emergency planning"]


def test_a_projects_tasks_are_not_activities(models, tmp_path):
    text = (
        "# Проект по реке Прут\n\n## Этап 1\n\n- **Стартовое совещание проекта** — 12 февраля 2019 г., Кишинёв.\n"
        "- Инвентаризация опасных объектов в бассейне Прута (февраль – сентябрь 2019 г.).\n"
        "- Подготовка итогового отчёта и рекомендаций (ноябрь – декабрь 2021 г.).\n"
    )
    assert [a.label for a in _activities(models, tmp_path, "project.md", text)] == ["Стартовое совещание проекта"]


def test_agenda_slots_name_only_activities_with_dates_of_their_own(models, tmp_path):
    text = (
        "# Consultation régionale sur la sécurité des résidus miniers en Asie centrale\n\n"
        "Douchanbé (Tadjikistan), les 20 et 21 octobre 2021\n\n## Ordre du jour\n\n"
        "**9 h 00 – 9 h 30** Ouverture et allocutions de bienvenue\n\n"
        "**9 h 30 – 11 h 00** Point 1. Présentations nationales : Kazakhstan, Kirghizistan\n\n"
        "**13 h 30 – 15 h 30** Point 5. Préparation de l'atelier sous-régional prévu à Almaty au printemps 2022\n\n"
        "| Time | Item |\n|---|---|\n| 15:30 – 16:00 | Session 6. Conclusions, including the field exercise planned under the project for 2023 |\n"
    )
    acts = _activities(models, tmp_path, "agenda.md", text)
    assert [(a.type.rsplit("#")[-1], a.start) for a in acts] == [
        ("Consultation", "2021-10-20"),
        ("Workshop", "2022"),
        ("InFieldExercise", "2023"),
    ]
    assert acts[1].place == "https://w3id.org/iac/id/place/almaty-kz"


def test_a_wrapped_year_a_day_before_a_project_and_a_second_activitys_own_date(models, tmp_path):
    text = (
        "# Seminar in Minsk\n\nMinsk, 15 November 2012. The seminar looked back on the plans that the countries prepared in\n"
        "2009-2010, and on what was achieved since a similar seminar was held in Chisinau in November\n"
        "2009. Several countries reported progress.\n"
    )
    similar = [a for a in _activities(models, tmp_path, "press.md", text) if a.label == "similar seminar"]
    assert [(a.start, a.end) for a in similar] == [("2009-11", "2009-11")]
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Experts in Ashgabat review legislation</h1>",
            "<p><em>Ashgabat, 24 January 2018.</em> Yesterday the national expert group of the project on industrial safety met in Ashgabat.</p>",
            "<p>The expert group meeting was organized by the State Committee with the support of UNECE.</p>",
        ),
    )
    assert [(a.label, a.start) for a in acts if a.type.endswith("Meeting")] == [("expert group meeting", "2018-01-23")]


def test_an_event_headers_venue_line_may_name_the_hall(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        _page(
            "<h1>Seminar on the prevention of natural-hazard-triggered accidents</h1>",
            "<p>13 December (10:00) - 14 December (18:00) 2011</p>",
            "<p>Geneva Switzerland, Palais des Nations, Room VII</p>",
            "<p>The seminar helps countries understand how floods trigger accidents.</p>",
        ),
    )
    assert [(a.start, a.end, a.place) for a in acts] == [("2011-12-13", "2011-12-14", "https://w3id.org/iac/id/place/geneva-ch")]


def test_plural_activities_in_several_towns_are_one_each(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>National workshop on the Seveso III Directive in Baku</h1>",
            "<p>Baku, 17 November 2016. A national workshop on the Seveso III Directive was held in Baku from 15 to 17 November 2016.</p>",
            "<p>The event follows similar national workshops held earlier in 2016 in Chisinau and Yerevan, and will be "
            "followed by a regional exchange in 2017. Both workshops were funded by the European Union.</p>",
        ),
    )
    similar = [(a.label, a.start, a.end, a.place.rsplit("/")[-1], a.beneficiaries[0][-3:]) for a in acts if a.label.startswith("similar")]
    assert similar == [
        ("similar national workshops", "2016", "2016", "chisinau-md", "MDA"),
        ("similar national workshops", "2016", "2016", "yerevan-am", "ARM"),
    ]


def test_two_activities_named_together_each_take_their_own_country_dates_and_participants(models, tmp_path):
    text = (
        "Capacity building on the Seveso Directives\n\nAs a continuation, two sub-regional workshops on the Seveso Directives "
        "have been organised, the first one in Ukraine in September, 2013 with the participation of representatives from "
        "Armenia, Georgia and Ukraine, and the second one in Belarus in December, 2013 with the participation of "
        "representatives from Azerbaijan, Belarus and Moldova.\n\nThe exchange of experts on the Seveso Directives held in "
        "Brasov, Romania from 28 April to 1 May 2014 was the final event.\n"
    )
    acts = _activities(models, tmp_path, "overview.txt", text)
    assert [(a.label, a.start, sorted(b[-3:] for b in a.beneficiaries)) for a in acts[:2]] == [
        ("sub-regional workshops on the Seveso Directives", "2013-09", ["ARM", "GEO", "UKR"]),
        ("sub-regional workshops on the Seveso Directives", "2013-12", ["AZE", "BLR", "MDA"]),
    ]
    assert (acts[2].type.rsplit("#")[-1], acts[2].start, acts[2].place.rsplit("/")[-1]) == ("Activity", "2014-04-28", "brasov-ro")


@pytest.mark.parametrize(
    "sentence",
    [
        "Представители министерства в формате видеоконференции приняли участие в семинаре по безопасности плотин 5 мая 2021 года.",
        "Les experts ont participé par visioconférence à un atelier sur la sécurité des barrages le 5 mai 2021.",
    ],
)
def test_a_videoconference_is_online(models, tmp_path, sentence):
    acts = _activities(models, tmp_path, "news.txt", "Новости\n\n" + sentence + "\n")
    assert [a.online for a in acts] == [True]


def test_a_heading_run_into_its_paragraph_names_the_activity_once(models, tmp_path):
    text = (
        "Tailings safety for students\n\nFINAL WORKSHOP The project team organized Final Workshop at the "
        "National Mining University in Dnipro on May 16-18, 2017. The workshop presented the results.\n"
    )
    assert [(a.label.lower(), a.start) for a in _activities(models, tmp_path, "news.txt", text)] == [("final workshop", "2017-05-16")]


def test_a_title_quoting_the_projects_name_is_titled_by_the_quotation(models, tmp_path):
    text = (
        'Start of the Project "Tailings Safety for Students in Ukraine" 13.07.2016\n\n'
        "The starting workshop of the project took place on July 12, 2016 in Dnipro, Ukraine.\n"
    )
    acts = _activities(models, tmp_path, "news.txt", text)
    assert [a.label for a in acts] == ["Tailings Safety for Students in Ukraine", "starting workshop of the project"]


@pytest.mark.parametrize(
    "text",
    [
        "# План\n\n### 3. Совместное полевое учение на реке Днестр\n\nУчение запланировано на 2026 год и продолжит серию "
        "командно-штабных учений, проведённых ранее.\n",
        "# Plan\n\n### 3. Joint field exercise on the Dniester river\n\nThe exercise is planned for 2026 and continues a series "
        "of table-top exercises held under earlier workplans.\n",
    ],
)
def test_a_series_of_earlier_activities_names_none(models, tmp_path, text):
    acts = _activities(models, tmp_path, "plan.md", text)
    assert [a.start for a in acts] == ["2026"]


def test_report_and_agenda_parts_are_not_activities(models, tmp_path):
    report = (
        "REPORT OF THE TECHNICAL MISSION TO BELARUS ON PIPELINE SAFETY\n\nMinsk, 15-18 April 2019\n\n"
        "1. The mission started with an opening meeting with the ministry on 15 April 2019.\n"
    )
    assert [a.label.lower() for a in _activities(models, tmp_path, "report.txt", report)] == [
        "technical mission to belarus on pipeline safety"
    ]
    agenda = (
        "# Семинар по планированию землепользования\n\nДушанбе, 20–21 ноября 2019 г.\n\n## Программа\n\n"
        "| Время | Мероприятие |\n|---|---|\n| 09:00–10:00 | Открытие семинара |\n| 18:30 | Ужин от имени принимающей стороны |\n\n"
        "## Кратко о проекте\n\nСеминар проводится в рамках проекта.\n"
    )
    assert [a.label for a in _activities(models, tmp_path, "agenda.md", agenda)] == ["Семинар по планированию землепользования"]


@pytest.mark.parametrize(
    "name, text, towns",
    [
        pytest.param(
            "press.txt",
            "Ташкент, 12 мая 2023 г.\n\nСеминар в Чирчике завершил цикл мероприятий, начатый в октябре 2022 года, когда "
            "однодневные региональные семинары по системам управления безопасностью прошли в Фергане и Навои.\n",
            ["fergana-uz", "navoiy-uz"],
            id="ru-plural",
        ),
        pytest.param(
            "press.md",
            "# Exercise on the Amu Darya\n\nThe scenario drew on the inventories compiled at the national workshops "
            "held under the same project in Dashoguz in May 2025 and in Urgench in June 2025.\n",
            ["dasoguz-tm", "urganch-uz"],
            id="en-under-the-project",
        ),
    ],
)
def test_plural_activities_over_two_towns_in_more_shapes(models, tmp_path, name, text, towns):
    acts = [a for a in _activities(models, tmp_path, name, text) if a.place and a.type.rsplit("#")[-1] in ("Seminar", "Workshop")]
    assert sorted(a.place.rsplit("/")[-1] for a in acts)[-2:] == towns


def test_a_recommendation_in_a_workplan_list_is_no_activity(models, tmp_path):
    text = (
        "# Plan de travail 2019–2020\n\n## Activités prévues\n\n- Exercice sur table sur la Tisza (2020).\n"
        "- Il est recommandé aux pays qui n'ont pas présenté d'auto-évaluation de le faire avant la fin de 2020.\n"
    )
    assert [a.label for a in _activities(models, tmp_path, "plan.md", text)] == ["Exercice sur table sur la Tisza"]


def test_a_projects_final_meeting_is_an_activity(models, tmp_path):
    text = (
        "# Повышение безопасности трубопроводов в Грузии\n\n- Сроки реализации: март 2022 г. – декабрь 2024 г.\n"
        "- Страны-бенефициары: Грузия\n\n## Этапы проекта\n\n### Этап 5. Подведение итогов\n\n"
        "Итоговое совещание проекта в онлайн-формате планируется провести в декабре 2024 г. На нём будут представлены результаты.\n"
    )
    acts = _activities(models, tmp_path, "project.md", text)
    assert [(a.label, a.start) for a in acts][1:] == [("Итоговое совещание проекта", "2024-12")]


def test_an_untitled_activity_takes_the_title_it_is_named_by_next(models, tmp_path):
    text = (
        "# Report\n\nThe national policy dialogue in North Macedonia was launched on 11 March 2025 at a meeting in Skopje. "
        "The launch meeting agreed on the composition of a Steering Committee.\n"
    )
    meetings = [
        (a.label, a.start, a.place.rsplit("/")[-1]) for a in _activities(models, tmp_path, "report.md", text) if a.type.endswith("Meeting")
    ]
    assert meetings == [("launch meeting", "2025-03-11", "skopje-mk")]


def test_a_shorter_name_after_the_is_the_activity_unless_dated_otherwise(models, tmp_path):
    text = (
        "# News\n\nBishkek, 4 October 2021. The ministry hosted the launch of the National Policy Dialogue on industrial "
        "safety in Kyrgyzstan today. The National Policy Dialogue in Kyrgyzstan is financed by Switzerland. It continued "
        "the Policy Dialogue in Kyrgyzstan held in Osh in June 2019.\n"
    )
    dialogues = [a.label for a in _activities(models, tmp_path, "news.md", text) if a.type.endswith("PolicyDialogue")]
    assert dialogues[0] == "National Policy Dialogue on industrial safety in Kyrgyzstan" and len(dialogues) == 2


def test_a_review_of_legislation_is_an_advisory_service(models, tmp_path):
    text = "# Turkmenistan\n\nIn 2022 UNECE carried out a review of national industrial safety legislation for Turkmenistan.\n"
    acts = _activities(models, tmp_path, "news.md", text)
    assert [(a.type.rsplit("#")[-1], a.start) for a in acts] == [("AdvisoryService", "2022")]


def test_plural_activities_with_each_date_before_its_town(models, tmp_path):
    text = (
        "# Actualités\n\nParis, le 20 mars 2023. Les deux ateliers nationaux sur la maîtrise de l'urbanisation se sont "
        "tenus les 14 et 15 mars à Tbilissi, puis le 17 mars à Erevan.\n"
    )
    acts = _activities(models, tmp_path, "news.md", text)
    assert [(a.start, a.end, a.place.rsplit("/")[-1]) for a in acts] == [
        ("2023-03-14", "2023-03-15", "tbilisi-ge"),
        ("2023-03-17", "2023-03-17", "yerevan-am"),
    ]


def test_project_facts_keyed_funded_by_and_project_beneficiary(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "project.html",
        _page(
            "<h1>Project on tailings safety in Georgia</h1>",
            "<dl><dt>Duration:</dt><dd>January 2019 – June 2021</dd><dt>Funded by:</dt><dd>Germany</dd>"
            "<dt>Project beneficiary:</dt><dd>Georgia</dd></dl>",
            "<h2>Project activities</h2>",
            "<ul><li><strong>Kick-off meeting</strong>, Tbilisi, 5 March 2019.</li></ul>",
        ),
    )
    assert (acts[0].start, acts[0].end, acts[0].donors) == ("2019-01", "2021-06", ("https://w3id.org/iac/id/country/DEU",))


def test_an_items_key_lines_are_facts_and_in_consultation_with_names_no_consultation(models, tmp_path):
    text = (
        "# Assistance Programme: activities in 2025\n\n## Activities\n\n4. A **workshop on location criteria** was held in Comrat on 17-18 June 2025.\n"
        "   - Period: June 2025\n   - Beneficiary: Republic of Moldova\n\n"
        "Prepared by the secretariat in consultation with the Chair.\n"
    )
    assert [a.label for a in _activities(models, tmp_path, "report.md", text)] == ["workshop on location criteria"]


def test_an_exercise_as_a_whole_is_the_exercise(models, tmp_path):
    text = (
        "ОТЧЁТ\n\nСОВМЕСТНОЕ ПОЛЕВОЕ УЧЕНИЕ НА РЕКЕ ДНЕСТР\n\nг. Сороки, 28.09.2021\n\n"
        "1. Учение проведено силами двух стран.\n\n2. Цели учения в целом достигнуты.\n"
    )
    assert len(_activities(models, tmp_path, "report.txt", text)) == 1


def test_a_workplans_core_rows_are_not_programme_activities(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "workplan.md",
        (
            "# Workplan\n\n## Core activities, 2025–2026\n\n"
            "| No. | Activity | Lead | Timing |\n|---|---|---|---|\n"
            "| C.1 | Meetings of the Working Group on Implementation (two per year) | Working Group | 2025–2026 |\n"
            "| C.2 | Meetings of the Bureau | Bureau | 2025–2026 |\n"
            "| C.3 | Fifteenth meeting of the Conference of the Parties | Secretariat | December 2028 |\n"
            "| C.4 | Maintenance of the online application of the notification system | Secretariat | 2025–2026 |\n"
            "| C.5 | Review of the industrial safety legislation of Armenia | Armenia | 2026 |\n"
        ),
    )
    assert [(a.label, a.type.rsplit("#", 1)[1]) for a in acts] == [
        ("Review of the industrial safety legislation of Armenia", "AdvisoryService")
    ]


def test_a_summary_table_restating_the_paragraphs_adds_no_activity(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "rapport.md",
        (
            "# Activités menées en 2022\n\n"
            "14. Le secrétariat a poursuivi en 2022 l'appui aux pays bénéficiaires.\n\n"
            "15. Une mission consultative sur le projet de loi relatif à la sécurité industrielle s'est rendue à Chisinau "
            "du 5 au 7 octobre 2022, à la demande de la République de Moldova.\n\n"
            "## Récapitulatif\n\n"
            "| Activité | Bénéficiaires | Dates | Lieu | Financement |\n|---|---|---|---|---|\n"
            "| Mission consultative (législation) | République de Moldova | 5-7.10.2022 | Chisinau | Suisse |\n"
        ),
    )
    assert len(acts) == 1
    a = acts[0]
    assert a.label.startswith("mission consultative sur le projet de loi")
    assert (a.start, a.end, a.place.rsplit("/", 1)[1]) == ("2022-10-05", "2022-10-07", "chisinau-md")
    assert [d.rsplit("/", 1)[1] for d in a.donors] == ["CHE"]


@pytest.mark.parametrize(
    "name, text",
    [
        pytest.param(
            "wgi.txt",
            (
                "Working Group on Implementation\nFortieth meeting\nGeneva, 5 and 6 March 2024\n\n"
                "1. The Working Group held its fortieth meeting in Geneva on 5 and 6 March 2024.\n\n"
                "2. The meeting was attended by members from Austria, Finland and Serbia.\n\n"
                "3. The Working Group agreed to hold its forty-first meeting on 16 and 17 September 2024. The Chair closed "
                "the meeting on Wednesday, 6 March 2024.\n"
            ),
            id="en-header",
        ),
        pytest.param(
            "bureau.txt",
            (
                "Bureau\n\nReport of the meeting of the Bureau\nGeneva, 3-4 March 2026\n\n"
                "1. Members from Austria and Czechia took part. The Chair closed the meeting on 4 March 2026.\n"
            ),
            id="en-report-of",
        ),
        pytest.param(
            "rg.txt",
            (
                "Рабочая группа по осуществлению\nДвадцать восьмое совещание\nЖенева, 23–24 июня 2020 года\n\n"
                "1. 24 июня в Женеве состоялась заключительная встреча, на которой эксперты представили выводы.\n"
            ),
            id="ru-header",
        ),
    ],
)
def test_a_convention_bodys_session_paper_names_no_activity_in_its_meetings(models, tmp_path, name, text):
    assert _activities(models, tmp_path, name, text) == ()


def test_a_bare_back_reference_passes_over_a_mission_of_years_before(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "report.txt",
        (
            "Доклад о технической миссии в Республику Узбекистан\n\n"
            "1. Секретариат провёл техническую миссию в Ташкенте 3–5 марта 2020 года.\n\n"
            "2. Миссия продолжила работу, начатую ознакомительной миссией в Узбекистан в ноябре 2011 г.\n\n"
            "3. 4 марта участники миссии посетили комбинат в г. Алмалык.\n"
        ),
    )
    old = next(a for a in acts if a.start == "2011-11")
    assert old.place is None


@pytest.mark.parametrize(
    "name, text",
    [
        pytest.param(
            "leak.html",
            _page(
                "<h1>Ammonia leak in Smederevo port</h1>",
                "<p>SMEDEREVO, Serbia – Residents were evacuated on Monday after ammonia escaped at a warehouse. The company "
                "recalled that it held its annual on-site emergency drill in April last year with the fire brigade.</p>",
            ),
            id="en-annual-drill",
        ),
        pytest.param(
            "chlore.html",
            _page(
                "<h1>Утечка хлора в Шымкенте</h1>",
                "<p>Отметим, что на этом объекте в прошлом году проводились плановые учения городских аварийных служб по "
                "ликвидации утечки хлора.</p>",
            ),
            id="ru-routine-drill",
        ),
        pytest.param(
            "ppi.html",
            _page(
                "<h1>Exercice de sécurité civile sur un site Seveso</h1>",
                "<p>Le 12 mars 2024, la préfecture a organisé en France un exercice grandeur nature de déclenchement du plan "
                "particulier d'intervention d'un établissement chimique.</p>",
            ),
            id="fr-national-drill",
        ),
    ],
)
def test_routine_and_national_drills_are_not_the_programmes_exercises(models, tmp_path, name, text):
    assert _activities(models, tmp_path, name, text) == ()


def test_a_russian_project_page_with_its_facts_table_and_a_statement_of_aims(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "project.html",
        _page(
            "<h1>Укрепление готовности к аварийному загрязнению вод в бассейне реки Днестр</h1>",
            "<table><tr><th>Страны</th><td>Республика Молдова, Украина</td></tr>",
            "<tr><th>Срок реализации</th><td>2017–2019 гг.</td></tr>",
            "<tr><th>Финансирование</th><td>Германия</td></tr></table>",
            "<p>Задачи проекта: составить перечень опасных объектов и проверить порядок оповещения в ходе учений.</p>",
            "<h2>Мероприятия проекта</h2>",
            "<h3>Стартовое совещание, Кишинёв, 14–15.03.2017</h3>",
            "<p>Представители министерств двух стран утвердили план работы.</p>",
        ),
    )
    project, meeting = acts
    assert (project.label, project.start, project.end) == (
        "Укрепление готовности к аварийному загрязнению вод в бассейне реки Днестр",
        "2017",
        "2019",
    )
    assert meeting.part_of == project.key and meeting.start == "2017-03-14"


def test_an_agenda_under_a_bare_title_dates_the_heading_that_names_the_event(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "programme.md",
        (
            "# ПРОГРАММА\n\n## Национальный семинар по планированию землепользования\n\n"
            "**Ереван, Республика Армения, 16–17 мая 2023 г.**\n\n"
            "Место проведения: гостиница «Ани Плаза»\n\n"
            "| Время | Пункт программы |\n|---|---|\n| 09:00–09:30 | Регистрация участников |\n"
        ),
    )
    assert [(a.start, a.end, a.place.rsplit("/", 1)[1]) for a in acts] == [("2023-05-16", "2023-05-17", "yerevan-am")]


def test_an_event_header_as_a_two_cell_table_and_who_only_observes(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        _page(
            "<h1>Joint table-top exercise for Azerbaijan and Georgia on accidental pollution of the Kura River</h1>",
            "<table><tr><th>Dates</th><td>16 - 17 April 2024</td></tr><tr><th>Venue</th><td>Rustavi, Georgia</td></tr></table>",
            "<p>The Kura River rises in Türkiye, crosses Georgia and then flows into Azerbaijan.</p>",
            "<p>Authorities of Azerbaijan and Georgia will work through a simulated release of crude oil. Representatives "
            "of Armenia will attend as observers.</p>",
        ),
    )
    a = acts[0]
    assert (a.start, a.end, a.place.rsplit("/", 1)[1]) == ("2024-04-16", "2024-04-17", "rustavi-ge")
    assert [b.rsplit("/", 1)[1] for b in a.beneficiaries] == ["AZE", "GEO"]


def test_a_report_title_in_capitals_wrapped_over_lines_is_one_title_written_as_the_page_writes_its_names(models, tmp_path):
    text = (
        "UNITED NATIONS ECONOMIC COMMISSION FOR EUROPE\n\n"
        "                  TECHNICAL MISSION TO KYRGYZSTAN\n"
        "       ON THE IDENTIFICATION OF HAZARDOUS ACTIVITIES\n\n"
        "                       (Kyrgyz Republic)\n\n"
        "                 Bishkek, 10–12 June 2024\n\n"
        "1. The technical mission was carried out at the request of the Ministry of Emergency Situations of "
        "Kyrgyzstan, which has been a beneficiary of the Programme since 2004.\n"
    )
    acts = _activities(models, tmp_path, "report.txt", text)
    assert [(a.label, a.start, a.end) for a in acts] == [
        ("Technical mission to Kyrgyzstan on the identification of hazardous activities", "2024-06-10", "2024-06-12")
    ]


def test_a_mission_report_names_no_new_activity_in_its_recommendations_its_afternoons_or_what_it_was(models, tmp_path):
    text = (
        "TECHNICAL MISSION TO AZERBAIJAN\n\nBaku, 9–11 April 2019\n\n"
        "1.   The technical mission took place in Baku from 9 to 11 April 2019 at the request of Azerbaijan.\n\n"
        "2.   This was the second mission of the Programme to the country.\n\n"
        "3.   On 10 April, the team visited an oil terminal. In the afternoon, a round table with operators "
        "discussed safety reports.\n\n"
        "IV. Recommendations\n\n"
        "4.   The mission recommends that the Ministry:\n\n"
        "     (a) organize, possibly in autumn 2019, a national training on the evaluation of safety reports;\n"
    )
    acts = _activities(models, tmp_path, "report.txt", text)
    assert [(a.label, a.start) for a in acts] == [("Technical mission to Azerbaijan", "2019-04-09")]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("A field exercise on the Isfara is foreseen for 2025, subject to funding.", id="en-subject-to-funding"),
        pytest.param("Следующее заседание комитета планируется провести в первой половине 2024 года.", id="ru-next-session"),
        pytest.param("Операторы обязаны не реже одного раза в год проводить учения персонала.", id="ru-yearly-drill"),
        pytest.param("En 2023, la préfecture a organisé l'exercice du plan particulier d'intervention du site.", id="fr-ppi-drill"),
    ],
)
def test_what_is_conditional_next_or_required_every_year_is_no_activity(models, tmp_path, sentence):
    assert _activities(models, tmp_path, "news.html", _page("<h1>News</h1>", f"<p>{sentence}</p>")) == ()


def test_a_markdown_facts_table_without_a_header_and_a_list_of_its_activities(models, tmp_path):
    text = (
        "# Strengthening industrial safety in the Dniester River basin\n\n| | |\n|---|---|\n"
        "| **Beneficiary countries** | Republic of Moldova, Ukraine |\n| **Duration** | April 2019 – December 2021 |\n"
        "| **Funding** | Germany |\n\n## Activities\n\n"
        '- **Table-top exercise "Dniester 2020"** – Mohyliv-Podilskyi (Ukraine), 25 February 2020. A fuel spill was simulated.\n'
        "- **Joint field exercise** – near Otaci (Republic of Moldova), 14 September 2021. It had first been planned "
        "for May 2020 but was postponed.\n"
        "- **Final conference** – online, 30 November 2021. The results were presented.\n"
    )
    acts = _activities(models, tmp_path, "project.md", text)
    assert [(a.type.rsplit("#", 1)[1], a.start, a.end) for a in acts] == [
        ("Project", "2019-04", "2021-12"),
        ("TableTopExercise", "2020-02-25", "2020-02-25"),
        ("InFieldExercise", "2021-09-14", "2021-09-14"),
        ("Meeting", "2021-11-30", "2021-11-30"),
    ]
    assert all(a.part_of == acts[0].key for a in acts[1:])


def test_a_teaser_naming_two_activities_then_the_paragraphs_telling_each(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "ineris.html",
        _page(
            "<h1>L'Ineris appuie la Géorgie dans l'inspection des sites industriels</h1>",
            "<p>Publié le 28/11/2019</p>",
            "<p>Mission d'expertise à Tbilissi puis formation d'inspecteurs à Batoumi : l'Institut a accompagné cet automne "
            "les autorités géorgiennes.</p>",
            "<p>Deux experts de l'Ineris se sont rendus à Tbilissi du 16 au 18 septembre 2019. Cette mission d'expertise a "
            "permis de faire le point sur le cadre réglementaire.</p>",
            "<p>L'Ineris a conçu une formation à l'inspection des établissements à risques, dispensée du 19 au 21 novembre à Batoumi.</p>",
        ),
    )
    assert [(a.type.rsplit("#", 1)[1], a.start, a.end) for a in acts] == [
        ("TechnicalMission", "2019-09-16", "2019-09-18"),
        ("TrainingSession", "2019-11-19", "2019-11-21"),
    ]


def test_a_process_started_today_has_its_launch_meeting_today(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Montenegro launches a National Policy Dialogue</h1>",
            "<p>Published: 09 March 2023</p>",
            "<p>Montenegro today became the second country of South-Eastern Europe to start a National Policy Dialogue on "
            "industrial safety.</p>",
            "<p>The launch meeting of the NPD, held at the Ministry, gathered around 40 representatives.</p>",
        ),
    )
    assert [a.start for a in acts] == ["2023-03-09", "2023-03-09"]


def test_plural_sessions_applied_to_places_are_not_one_activity_in_each(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        _page(
            "<h1>Land-use planning seminar in Yerevan</h1>",
            "<p>On 30 September 2019 a national seminar on land-use planning was held in Yerevan, Armenia. During "
            "practical sessions the participants applied these approaches to two industrial zones of Yerevan and Vanadzor.</p>",
        ),
    )
    assert [a.label for a in acts] == ["national seminar on land-use planning"]


def test_russian_plural_consultations_by_their_adjective_one_in_each_town(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "project.html",
        _page(
            "<h1>Проект по бассейну Сырдарьи</h1>",
            "<h2>Национальные консультации</h2>",
            "<p>Весной 2022 г. были проведены национальные консультации с участием местных властей: в Худжанде "
            "(5 мая 2022 г.), Оше (18 мая 2022 г.) и Шымкенте (26 мая 2022 г.).</p>",
            "<h2>Совместные полевые учения</h2>",
            "<p>Учения прошли 18 сентября 2022 г. в Гулистане.</p>",
        ),
    )
    assert [(a.start, a.place.rsplit("/", 1)[1]) for a in acts] == [
        ("2022-05-05", "khujand-tj"),
        ("2022-05-18", "osh-kg"),
        ("2022-05-26", "shymkent-kz"),
        ("2022-09-18", "guliston-uz"),
    ]


def test_a_report_paragraph_with_a_bold_lead_in_is_prose_not_a_fact_line(models, tmp_path):
    text = (
        "# Деятельность в 2018 году\n\n"
        "**Грузия.** 24–25 апреля 2018 г. в Тбилиси состоялось национальное учебное занятие по применению "
        "контрольных показателей и критериев.\n\n"
        "**Республика Молдова и Украина.** 20 ноября 2018 г. в Одессе было проведено командно-штабное учение по "
        "реагированию на аварийное загрязнение реки Днестр.\n"
    )
    acts = _activities(models, tmp_path, "report.md", text)
    assert [(a.type.rsplit("#", 1)[1], a.start, a.place.rsplit("/", 1)[1]) for a in acts] == [
        ("TrainingSession", "2018-04-24", "tbilisi-ge"),
        ("TableTopExercise", "2018-11-20", "odesa-ua"),
    ]
    assert {t.rsplit("/", 1)[1] for t in acts[1].topics} == {"emergency-response", "transboundary-water-pollution"}


def test_an_agenda_header_line_town_dash_dates_with_the_venue_line_run_into_it(models, tmp_path):
    text = (
        "# Subregional workshop on emergency preparedness for South-Eastern Europe\n\n"
        "**Skopje, North Macedonia – 16-17 April 2024**\nVenue: Government of North Macedonia, conference hall "
        '"Makedonija", Ilindenska bb\n\nOrganized by the secretariat of the Convention with support from Norway.\n\n'
        "## Provisional programme\n\n| Time | Session |\n|---|---|\n| 09:00 – 09:30 | Opening of the workshop |\n"
    )
    acts = _activities(models, tmp_path, "agenda.md", text)
    assert [(a.start, a.end, a.place.rsplit("/", 1)[1]) for a in acts] == [("2024-04-16", "2024-04-17", "skopje-mk")]


def test_a_report_cover_in_capitals_over_two_towns_and_its_dates(models, tmp_path):
    """A cover title whose first line is in capitals reads in sentence case; 'Gyumri and Vanadzor, 3–5.10.2023' is
    its venue line; what its Recommendations name and the neighbours along a border add no beneficiary."""
    acts = extract_text(
        models,
        tmp_path,
        "report.txt",
        "        TECHNICAL MISSION TO ARMENIA\n"
        "   on the safety of tailings management facilities\n"
        "        Gyumri and Vanadzor, 3–5.10.2023\n\n"
        "1. At the request of the Ministry of Emergency Situations, the secretariat organized a technical mission to"
        " support Armenia in assessing its tailings dams.\n\n"
        "2. Two of the dams lie near the borders with Georgia and Azerbaijan.\n\n"
        "Recommendations\n\n"
        "3. Share the inventory with Georgia.\n",
    )
    assert [(a.label, a.start, a.end, a.place, a.beneficiaries) for a in acts] == [
        (
            "Technical mission to Armenia on the safety of tailings management facilities",
            "2023-10-03",
            "2023-10-05",
            "https://w3id.org/iac/id/place/gyumri-am",
            ("https://w3id.org/iac/id/country/ARM",),
        )
    ]


def test_a_stage_numbers_heading_and_a_date_the_event_was_moved_from(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "project.md",
        "# Project for the safety of tailings in Tajikistan\n\n"
        "- Beneficiary country: Tajikistan\n- Duration: 2020–2022\n\n"
        "## Stage 3. Technical mission to the Taboshar tailings\n\n"
        "Postponed from 2020, the mission took place in May 2021.\n",
    )
    mission = next(a for a in acts if "mission" in a.label)
    assert (mission.label, mission.start, mission.end) == ("Technical mission to the Taboshar tailings", "2021-05", "2021-05")


def test_a_second_table_under_the_same_header_is_read(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "plan.md",
        "# Workplan 2027–2028\n\n## Activities in 2027\n\n| No. | Activity | Beneficiary countries |\n|---|---|---|\n"
        "| 1 | Technical mission to Georgia on hazard identification | Georgia |\n\n"
        "## Activities in 2027–2028\n\n| No. | Activity | Beneficiary countries |\n|---|---|---|\n"
        "| 2 | Table-top exercise on the Kura river | Azerbaijan, Georgia |\n",
    )
    assert [(a.label, a.start, a.end) for a in acts] == [
        ("Technical mission to Georgia on hazard identification", "2027", "2027"),
        ("Table-top exercise on the Kura river", "2027", "2028"),
    ]


def test_an_online_event_page_and_the_meeting_it_accompanies(models, tmp_path):
    """'Online meeting' under the date line is the header's venue line, not a meeting; an online seminar takes no
    venue from the session it accompanies ('COP-11, Geneva and online')."""
    acts = extract_text(
        models,
        tmp_path,
        "event.txt",
        "Seminar on tailings safety in Central Asia\n\n03 March 2021 10:00 - 12:00\n\nOnline meeting\n\n"
        "The seminar is organized as an accompanying event of the twelfth meeting of the Conference of the Parties"
        " (COP-12, Geneva and online, 8-10 March 2021).\n",
    )
    assert [(a.label, a.start, a.place, a.online) for a in acts] == [
        ("Seminar on tailings safety in Central Asia", "2021-03-03", None, True)
    ]


def test_the_meeting_after_a_project_is_not_the_project(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "focus.txt",
        "In focus\n\nOn 20-21 November 2019, a subregional workshop will be held in Almaty (Kazakhstan). It will present"
        " the results of the tailings project in Tajikistan (2019-2020). The meeting will bring together representatives"
        " from Kazakhstan, Tajikistan and Uzbekistan.\n",
    )
    project = next(a for a in acts if "project" in a.label)
    assert project.beneficiaries == ("https://w3id.org/iac/id/country/TJK",)


def test_a_participating_line_lists_the_beneficiaries_with_an_escaped_footnote_mark(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "agenda.md",
        "# Subregional seminar on oil terminals\n\n**Durrës, Albania, 16–17 April 2013**\n\n"
        "Organized with financial support from Norway.\n\n"
        "Participating: Albania, Montenegro, Serbia and Kosovo\\*\n\n## Programme\n\n"
        "| Time | Item |\n|---|---|\n| 09:00–09:30 | Opening: Embassy of Norway |\n\n"
        "\\* All references to Kosovo are in the context of resolution 1244 (1999).\n",
    )
    assert [c.rsplit("/", 1)[1] for c in acts[0].beneficiaries] == ["ALB", "MNE", "SRB", "XKX"]


def test_a_town_in_brackets_closing_a_table_title_is_its_venue(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "report.md",
        "# Progress report 2013\n\n| Country | Date | Activity |\n|---|---|---|\n"
        "| Georgia | 25–26 November 2013 | Training on off-site emergency planning (Rustavi) |\n",
    )
    assert [(a.label, a.place) for a in acts] == [("Training on off-site emergency planning", "https://w3id.org/iac/id/place/rustavi-ge")]


def test_an_activity_an_agenda_slot_plans_under_the_project_is_its_part(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "agenda.html",
        "<html><body><main>"
        "<h1>Joint table-top exercise on accidental pollution of the Dniester river</h1>"
        "<p><strong>Dates:</strong> 11 October 2016<br><strong>Venue:</strong> Soroca, Republic of Moldova</p>"
        "<p>The exercise is organized within the project on accident prevention and response on the Dniester.</p>"
        "<ul><li><strong>09:00 &ndash; 09:20</strong> Opening</li><li><strong>16:00 &ndash; 16:30</strong> Conclusions and"
        " next steps, including the field exercise planned under the project for 2017</li></ul></main></body></html>",
    )
    project = next(a for a in acts if a.label.startswith("project"))
    field = next(a for a in acts if a.label == "field exercise")
    assert field.part_of == project.key and field.start == "2017"


def test_a_list_item_telling_a_second_activity_the_next_day(models, tmp_path):
    """ "Training on …, Kutaisi, 20 and 21 October 2019, …, followed the next day by an on-site inspection of …": two
    activities, the second the day after the first, each with its own topics."""
    acts = extract_text(
        models,
        tmp_path,
        "project.html",
        "<html><body><main>"
        "<h1>Project on the safety of tailings management facilities in Georgia</h1>"
        "<p>Activities of the project:</p><ul><li>Training on the TMF methodology, Kutaisi, 20 and 21 October 2019, for 24"
        " inspectors, followed the next day by an on-site inspection of the Chiatura tailings dam that applied the checklist"
        " in practice.</li></ul></main></body></html>",
    )
    training = next(a for a in acts if a.label.startswith("Training"))
    inspection = next(a for a in acts if a.label.startswith("on-site inspection"))
    assert (training.start, training.end) == ("2019-10-20", "2019-10-21")
    assert (inspection.start, inspection.place) == ("2019-10-22", "https://w3id.org/iac/id/place/chiatura-ge")
    assert not any(t.endswith("/inspection") for t in training.topics)


@pytest.mark.parametrize(
    "part, expected",
    [
        ("a training course for inspectors (Almalyk, autumn 2022)", {"UZB"}),  # (held in one of them: for it)
        ("a subregional workshop (Almaty, spring 2023)", {"UZB", "central-asia"}),  # (called subregional: the project's)
    ],
)
def test_a_part_held_in_the_country_of_a_country_and_region_project_is_for_that_country(models, tmp_path, part, expected):
    """A project for Uzbekistan and Central Asia: a part of it held in Uzbekistan, not called regional, is for
    Uzbekistan; a subregional one keeps the project's beneficiaries."""
    acts = _activities(
        models,
        tmp_path,
        "agenda.md",
        (
            "# Agenda\n\n**Project:** Strengthening tailings safety in Uzbekistan and Central Asia (2021-2023)\n\n"
            f"The meeting discussed the project's plan for 2022-2023, including {part}.\n"
        ),
    )
    parts = [a for a in acts if a.part_of]
    assert parts and {b.rsplit("/", 1)[-1] for b in parts[-1].beneficiaries} == expected, [(a.label, a.beneficiaries) for a in acts]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "<h1>Seminar on land-use planning in Minsk</h1><p>On 23 May 2017 a seminar on land-use planning was held in Minsk."
            " Experts of UNECE, Switzerland and Finland presented their approaches to safety distances.</p>",
            {"BLR"},
        ),
        (
            "<h1>La France accompagne l'Arménie</h1><p>Du 4 au 6 juin 2024, un atelier national sur l'aménagement du territoire"
            " s'est tenu à Erevan, avec un financement de la France.</p>",
            {"ARM"},
        ),
    ],
)
def test_a_donor_country_is_never_whom_an_activity_is_for(models, tmp_path, text, expected):
    """Switzerland, Finland, France fund or advise the Programme's activities, never benefit from them
    (iac:donorCountry): the activity is for the country it is held in."""
    acts = _activities(models, tmp_path, "page.html", _page(text))
    assert acts and {b.rsplit("/", 1)[-1] for b in acts[0].beneficiaries} == expected, [(a.label, a.beneficiaries) for a in acts]
