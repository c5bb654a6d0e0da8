"""Topics of activities (ontology/topics.ttl, matched by ingest.nlp): the ways English, Russian and French
text names each topic yield it, and topic words in institutions' names or idioms yield nothing."""

from __future__ import annotations

import pytest
from conftest import extract_text

TOPIC = "https://w3id.org/iac/id/topic/"


def _topics(models, text: str) -> set[str]:
    doc = models.nlp(text)
    return {span.label_.removeprefix(TOPIC) for span in doc.spans["topics"]}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        pytest.param("a seminar on the safety of TMFs in Armenia", "tailings-management-facilities", id="en-tmf-abbreviation"),
        pytest.param("inventory of tailings storage facilities", "tailings-management-facilities", id="en-tailings-storage"),
        pytest.param("Capacity-building on hazard identification", "identification", id="en-hazard-identification"),
        pytest.param("a group exercise on identifying hazardous activities", "identification", id="en-identifying"),
        pytest.param("Online training on the Industrial Accident Notification System", "notification", id="en-ian-system"),
        pytest.param("exchange messages through the IAN System", "notification", id="en-ian-abbreviation"),
        pytest.param("a training course on emergency planning", "preparedness", id="en-emergency-planning"),
        pytest.param(
            "joint management of accidental pollution of the Syr Darya", "transboundary-water-pollution", id="en-accidental-pollution"
        ),
        pytest.param(
            "the prevention of accidental water pollution in the Caucasus",
            "transboundary-water-pollution",
            id="en-prevention-of-water-pollution",
        ),
        pytest.param(
            "cooperation for accident prevention and response on the Dniester", "emergency-response", id="en-prevention-and-response"
        ),
        pytest.param("launch meeting of the NPD", "national-policy-dialogue", id="en-npd"),
        pytest.param("informing the public about hazardous sites", "public-information", id="en-informing-public"),
        pytest.param("по безопасности хвостохранилищ", "tailings-management-facilities", id="ru-tailings-genitive-plural"),
        pytest.param("по предотвращению аварийного загрязнения вод", "transboundary-water-pollution", id="ru-accidental-water-pollution"),
        pytest.param("по предотвращению аварийного загрязнения вод", "prevention", id="ru-prevention-dative"),
        pytest.param("реагированию на загрязнение реки Сырдарья", "emergency-response", id="ru-response-to-pollution"),
        pytest.param("учение по реагированию на аварии", "emergency-response", id="ru-response-to-accidents"),
        pytest.param("по уведомлению и взаимной помощи", "notification", id="ru-notification"),
        pytest.param("по уведомлению и взаимной помощи", "response", id="ru-mutual-assistance"),
        pytest.param("по Системе уведомления о промышленных авариях ЕЭК ООН", "notification", id="ru-ian-system"),
        pytest.param("национального политического диалога", "national-policy-dialogue", id="ru-npd-genitive"),
        pytest.param("по вопросам планирования землепользования", "land-use-planning", id="ru-land-use-planning"),
        pytest.param("по идентификации опасных видов деятельности", "identification", id="ru-identification"),
        pytest.param("к присоединению к Конвенции", "accession", id="ru-accession"),
        pytest.param("Укрепление готовности к аварийному загрязнению вод", "preparedness", id="ru-preparedness-for"),
        pytest.param("учения по ликвидации последствий трансграничной аварии", "response", id="ru-consequence-management"),
        pytest.param("по реагированию на аварийный разлив нефтепродуктов", "transboundary-water-pollution", id="ru-accidental-spill"),
        pytest.param("la sécurité des résidus miniers", "tailings-management-facilities", id="fr-tailings"),
        pytest.param(
            "la prévention de la pollution accidentelle de l’eau", "transboundary-water-pollution", id="fr-water-pollution-curly-elision"
        ),
        pytest.param("la prévention de la pollution accidentelle de l'eau", "prevention", id="fr-prevention"),
        pytest.param("Services consultatifs sur la prevention des accidents", "prevention", id="fr-unaccented"),
        pytest.param("le Système de notification des accidents industriels", "notification", id="fr-ian-system"),
        pytest.param("l'élaboration des plans d'urgence externes", "preparedness", id="fr-emergency-plans-plural"),
        pytest.param("les mécanismes d'assistance mutuelle", "response", id="fr-mutual-assistance"),
        pytest.param("l'information du public", "public-information", id="fr-public-information"),
        pytest.param("un séminaire sur l'aménagement du territoire", "land-use-planning", id="fr-land-use-planning"),
        pytest.param("la maîtrise de l'urbanisation autour des sites", "land-use-planning", id="fr-urbanisation"),
        pytest.param("l'examen des rapports de sécurité", "safety-reports", id="fr-safety-reports"),
        pytest.param("strengthening cooperation with a focus on notification", "notification", id="en-notification-alone"),
        pytest.param("to discuss how to notify one another quickly", "notification", id="en-notify"),
        pytest.param("обсудили с оператором план действий на случай прорыва дамбы", "preparedness", id="ru-plan-in-case-of"),
        pytest.param("проект по управлению опасностями и кризисными ситуациями в дельте", "emergency-response", id="ru-crisis-situations"),
        pytest.param("a technical workshop on hazard mapping of industrial sites", "identification", id="en-hazard-mapping"),
        pytest.param("обсудили перечень опасных объектов в бассейне реки", "identification", id="ru-list-of-hazardous-sites"),
        pytest.param("Дорожная карта присоединения Республики Узбекистан к Конвенции", "accession", id="ru-accession-with-country-between"),
    ],
)
def test_phrase_yields_topic(models, text, topic):
    assert topic in _topics(models, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        pytest.param("in response to the request of the Government", "response", id="en-in-response-to"),
        pytest.param("in response to the request of the Government", "emergency-response", id="en-in-response-to-er"),
        pytest.param("held at the Ministry of Ecology, Spatial Planning and Urbanism", "land-use-planning", id="en-ministry-name"),
        pytest.param("representatives of the Directorate for Emergency Management", "emergency-response", id="en-directorate-name"),
        pytest.param("presented by its Emergency Management Service", "emergency-response", id="en-service-name"),
        pytest.param("the head of the Crisis Management State Academy", "emergency-response", id="en-academy-name"),
        pytest.param("specialists of the Sector for Emergency Management of the Ministry", "emergency-response", id="en-sector-name"),
        pytest.param("ministries in charge of environment, interior and emergency management", "emergency-response", id="en-portfolios"),
        pytest.param("for 24 inspectors and operators", "inspection", id="en-inspectors-are-an-audience"),
        pytest.param("major-accident prevention policies of operators", "prevention", id="en-prevention-policy"),
        pytest.param("представители Инспекции по защите окружающей среды", "inspection", id="ru-inspectorate-name"),
        pytest.param(
            "ведомств, отвечающих за предупреждение промышленных аварий, готовность к ним и реагирование",
            "emergency-response",
            id="ru-duties",
        ),
        pytest.param("deux inspecteurs de la Direction générale de la prévention des risques", "prevention", id="fr-directorate-name"),
        pytest.param("en réponse à la demande du ministère", "emergency-response", id="fr-en-reponse-a"),
    ],
)
def test_phrase_yields_no_topic(models, text, topic):
    assert topic not in _topics(models, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Ministry hosted a workshop on crisis management.", id="en-after-institution-sentence"),
        pytest.param("The Office in Bishkek organised emergency management training.", id="en-office-in-city"),
    ],
)
def test_topic_after_an_institution_still_counts(models, text):
    assert "emergency-response" in _topics(models, text)


@pytest.mark.parametrize(
    "text",
    [
        "Семинар по взаимному оповещению об авариях прошёл в Бишкеке.",
        "Стороны проверили порядок взаимного уведомления.",
        "The two delegations practised alerting each other through the system.",
    ],
)
def test_mutual_notification_in_russian_is_notification(models, text):
    assert "notification" in _topics(models, text)


_activities = extract_text


def test_a_titled_activity_is_about_its_title_and_what_it_is_said_to_focus_on(models, tmp_path):
    """Topic words a sentence about the event merely touches (who attended, what a guest presented) are not its
    topics when its title names one; a sentence saying what it covered adds its topics."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Inspectors trained on safety reports in Pancevo</h1>"
        "<p>On 4 and 5 November 2025, inspectors and officers of the emergency response services met in Pancevo, Serbia,"
        " for a national workshop on the assessment of safety reports.</p>"
        "<p>The workshop also covered the inspection of Seveso establishments. Experts from Slovenia presented the"
        " contingency plans of the Sava basin.</p>"
        "</article></body></html>",
    )
    workshop = next(a for a in acts if "workshop" in a.label)
    assert {t.rsplit("/", 1)[1] for t in workshop.topics} == {"safety-reports", "inspection"}


def test_an_activity_whose_title_names_no_topic_takes_its_sentences_topics(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Experts meet in Almaty</h1>"
        "<p>On 3 March 2024 a national workshop was held in Almaty, Kazakhstan, where experts looked at tailings"
        " dams and accidental water pollution.</p>"
        "</article></body></html>",
    )
    assert {t.rsplit("/", 1)[1] for t in acts[0].topics} == {"tailings-management-facilities", "transboundary-water-pollution"}


def test_an_exercise_is_about_emergency_response_besides_its_scenario(models, tmp_path):
    """Whatever it simulates, an exercise practises the response to an emergency."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Joint table-top exercise on a tailings dam failure</h1>"
        "<p>On 12 May 2022 rescuers of Kazakhstan and Uzbekistan met in Shymkent, Kazakhstan, for a joint table-top"
        " exercise on a tailings dam failure.</p>"
        "</article></body></html>",
    )
    exercise = next(a for a in acts if "exercise" in a.label)
    assert {t.rsplit("/", 1)[1] for t in exercise.topics} == {"tailings-management-facilities", "emergency-response"}


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        pytest.param(
            [
                "On 6 June 2024 officials of Kyrgyzstan and Tajikistan met in Khujand for a joint table-top exercise on a "
                "tailings dam failure.",
                "The day before, a training session on tailings inspection was held in Khujand.",
                "During the scenario, the participants sent notifications through the Industrial Accident Notification "
                "System and requested mutual assistance.",
            ],
            {"notification", "response"},
            id="en-scenario",
        ),
        pytest.param(
            [
                "27 сентября 2018 года на реке Припять прошли совместные учения Беларуси и Украины по ликвидации разлива нефтепродуктов.",
                "Отдельно отрабатывался порядок оповещения по каналам Системы уведомления о промышленных авариях.",
            ],
            {"notification"},
            id="ru-practised",
        ),
        pytest.param(
            [
                "11 сентября на реке Чу прошло совместное полевое учение спасателей Кыргызстана и Казахстана.",
                "По сценарию учения, в результате прорыва дамбы хвостохранилища в реку поступили стоки.",
            ],
            {"tailings-management-facilities"},
            id="ru-scenario-naming-the-exercise",
        ),
    ],
)
def test_what_an_exercise_practised_is_what_it_is_about(models, tmp_path, paragraphs, expected):
    """TOPICS.md rule 3: what the exercise told last practised, in a paragraph of its own ("During the scenario, …",
    "Отдельно отрабатывался …"), is among its topics, not the training's told after it."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article><h1>News</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>",
    )
    exercise = next(a for a in acts if "Exercise" in a.type)
    assert expected <= _slugs(exercise), _slugs(exercise)
    assert not expected & set().union(*(_slugs(a) for a in acts if "Exercise" not in a.type and "Project" not in a.type))


# --- the written convention, tests/data/TOPICS.md ------------------------------------------------------------


def _slugs(activity) -> set[str]:
    return {t.rsplit("/", 1)[1] for t in activity.topics}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a table-top exercise on a chemical spill on the Debed river", id="en-spill-on-river"),
        pytest.param(
            "simulating an accident at a plant upstream, with a release of process chemicals into the river", id="en-release-into-river"
        ),
        pytest.param("a command-post exercise on an oil spill reaching Lake Ohrid", id="en-lake"),
        pytest.param("учение по ликвидации аварийного сброса в реку Чу", id="ru-discharge-into-river"),
        pytest.param("exercice sur un déversement dans le fleuve", id="fr-spill-into-river"),
    ],
)
def test_an_accident_reaching_waters_is_about_water_pollution(models, text):
    """Rule 4: a spill, release or accident reaching a river, lake or basin, without the word "pollution"."""
    assert "transboundary-water-pollution" in _topics(models, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The accident happened in 2019. The river was not affected.", id="en-other-sentence"),
        pytest.param("ministries responsible for industrial safety and water resources", id="en-no-accident"),
        pytest.param(
            "Конвенции о трансграничном воздействии промышленных аварий и Конвенции по охране и использованию трансграничных водотоков",
            id="ru-two-conventions-names",
        ),
    ],
)
def test_waters_alone_are_no_water_pollution(models, text):
    assert "transboundary-water-pollution" not in _topics(models, text)


def test_a_river_the_page_names_once_is_water_where_named_alone(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Moldova and Ukraine rehearse a joint response</h1>"
        "<p>On 14 June 2023 rescuers met in Soroca, Moldova, for a table-top exercise on a release of fuel oil into the"
        " Dniester upstream of the town.</p><p>The Dniester river forms the border for over 300 km.</p>"
        "</article></body></html>",
    )
    exercise = next(a for a in acts if "exercise" in a.label)
    assert _slugs(exercise) == {"emergency-response", "transboundary-water-pollution"}


def test_a_title_names_every_topic_whose_name_it_holds(models):
    """Names of different topics may overlap: "prevention of accidental water pollution" names both."""
    assert {"prevention", "transboundary-water-pollution"} <= _topics(models, "a workshop on the prevention of accidental water pollution")


_PROJECT_PAGE = (
    "<html><body><article>"
    "<h1>Project on strengthening the safety of tailings management facilities in Armenia</h1>"
    "<p>The project ran from March 2021 to June 2022 and focused on emergency preparedness at tailings dams.</p>"
    "<p>A kick-off meeting was held in Yerevan, Armenia, on 16 March 2021.</p>"
    "<p>A training on hazard identification followed in Vanadzor, Armenia, on 12 October 2021.</p>"
    "<p>An Armenian delegation later shared the results of a similar project.</p>"
    "</article></body></html>"
)


def test_a_part_of_a_project_naming_no_topic_takes_the_projects_topics_but_its_working_areas(models, tmp_path):
    acts = _activities(models, tmp_path, "project.html", _PROJECT_PAGE)
    project = next(a for a in acts if a.label.startswith("Project"))
    kickoff = next(a for a in acts if "kick-off" in a.label)
    assert "preparedness" in _slugs(project)
    assert kickoff.part_of == project.key
    assert _slugs(kickoff) == {"tailings-management-facilities"}


def test_a_part_naming_its_own_topic_keeps_its_own(models, tmp_path):
    acts = _activities(models, tmp_path, "project.html", _PROJECT_PAGE)
    training = next(a for a in acts if "training" in a.label)
    assert _slugs(training) == {"identification"}


def test_a_page_telling_one_project_first_has_its_generic_events_as_parts(models, tmp_path):
    """A report whose first activity is a project: its "technical workshop" and "final workshop" are the project's."""
    acts = _activities(
        models,
        tmp_path,
        "report.txt",
        "Summary report\n\n1. The secretariat prepared a pilot project on joint management of spills of hazardous"
        " substances into the Danube River for Bulgaria, Romania and Serbia. The project ran from March to November 2009.\n\n"
        "2. A technical workshop was held in Vidin, Bulgaria, on 16 and 17 June 2009.\n\n"
        "3. A final workshop was held in Sofia, Bulgaria, on 17 and 18 November 2009.\n",
    )
    project = next(a for a in acts if "project" in a.label)
    for label in ("technical workshop", "final workshop"):
        part = next(a for a in acts if a.label == label)
        assert part.part_of == project.key
        assert "transboundary-water-pollution" in _slugs(part)


def test_a_similar_project_is_no_parent(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Final workshop of the Georgian tailings project</h1>"
        "<p>On 24 November 2020 the final workshop was held online; a delegation of Armenia presented the results of a"
        " similar project completed in 2018 at the final workshop.</p>"
        "</article></body></html>",
    )
    similar = [a.key for a in acts if "similar" in a.label]
    assert all(a.part_of not in similar or a.part_of is None for a in acts)
    assert not any(a.part_of for a in acts if "final workshop" in a.label.lower())


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The aim of the project is a joint contingency plan for the river.", id="en-aim"),
        pytest.param("Целью проекта является разработка совместного плана действий.", id="ru-aim"),
        pytest.param("Le projet vise à renforcer la sécurité des résidus miniers.", id="fr-vise-a"),
    ],
)
def test_an_aim_says_what_an_activity_is_about(text):
    from ingest.drafts import says_focus

    assert says_focus(text, 0, len(text))


def test_a_dialogues_steering_committee_meeting_is_its_part(models, tmp_path):
    """A policy dialogue runs, like a project, over months; its meetings are its parts and take its topics."""
    acts = _activities(
        models,
        tmp_path,
        "npd.html",
        "<html><body><article>"
        "<h1>National Policy Dialogue on industrial safety in Montenegro</h1>"
        "<p>The National Policy Dialogue on industrial safety started in Podgorica, Montenegro, in March 2023.</p>"
        "<p>The first technical meeting of the Steering Committee took place in Podgorica on 12 June 2023.</p>"
        "</article></body></html>",
    )
    dialogue = next(a for a in acts if a.label.startswith("National Policy Dialogue"))
    meeting = next(a for a in acts if "Steering Committee" in a.label)
    assert meeting.part_of == dialogue.key
    assert _slugs(meeting) == {"national-policy-dialogue"}


def test_an_activity_following_up_a_dialogue_is_not_its_part(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "mission.html",
        "<html><body><article>"
        "<h1>Mission technique en Serbie</h1>"
        "<p>Du 4 au 6 novembre 2019, deux experts de l'Ineris ont effectué une mission technique en Serbie. Cette mission"
        " fait suite au dialogue politique national sur la sécurité industrielle lancé par la Serbie en 2018.</p>"
        "</article></body></html>",
    )
    mission = next(a for a in acts if a.label.startswith("mission"))
    assert mission.part_of is None


def test_an_activity_named_with_a_projects_part_is_its_part_too(models, tmp_path):
    """ "The workshop [the project's] built on the first technical workshop …": the first one is the project's too."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Second technical workshop on hazard management</h1>"
        "<p>The second technical workshop on hazard management was organized in Izmail, Ukraine, on 5 October 2012"
        " under the project on hazard and crisis management in the Danube Delta.</p>"
        "<p>The workshop built on the first technical workshop on hazard management, held in Chisinau in May 2012.</p>"
        "</article></body></html>",
    )
    project = next(a for a in acts if a.label.startswith("project"))
    first = next(a for a in acts if a.label.startswith("first"))
    assert first.part_of == project.key
    assert "emergency-response" in _slugs(first)


def test_an_event_is_not_about_its_findings(models, tmp_path):
    """A mission report's findings ("no criteria for identifying hazardous activities") are not what it covered."""
    acts = _activities(
        models,
        tmp_path,
        "mission.md",
        "# Technical mission to Turkmenistan on industrial safety legislation\n\n"
        "Dates: 14-16 March 2023\n\nVenue: Ashgabat, Turkmenistan\n\n"
        "The mission met representatives of the Ministry of Emergency Situations.\n\n"
        "The legislation does not yet contain criteria for the identification of hazardous activities.\n",
    )
    mission = next(a for a in acts if "mission" in a.label.lower())
    assert "identification" not in _slugs(mission)


def test_what_the_participants_did_is_the_activity_told_not_the_project_they_discussed(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<p>20–21 ноября 2019 года в Алматы состоялся субрегиональный семинар по безопасности хвостохранилищ.</p>"
        "<p>Участники обменялись опытом по предотвращению аварийного загрязнения водных объектов и обсудили результаты"
        " проекта по безопасности хвостохранилищ в Казахстане.</p>"
        "</article></body></html>",
    )
    seminar = next(a for a in acts if "семинар" in a.label)
    project = next(a for a in acts if "проект" in a.label)
    assert {"prevention", "transboundary-water-pollution"} <= _slugs(seminar)
    assert _slugs(project) == {"tailings-management-facilities"}


def test_the_clause_before_a_new_activity_is_about_the_one_referred_to(models, tmp_path):
    """ "The seminar looked back on the self-assessments … since a similar seminar was held in …"."""
    acts = _activities(
        models,
        tmp_path,
        "news.md",
        "Experts met in Minsk from 6 to 8 June 2012 at a subregional seminar on the implementation of the Strategic Approach.\n\n"
        "The seminar looked back on the self-assessments that the countries prepared, since a similar seminar was held"
        " in Chisinau in November 2009.\n",
    )
    seminar = next(a for a in acts if a.label.startswith("subregional"))
    assert "indicators-and-criteria" in _slugs(seminar)


def test_the_points_a_list_says_participants_will_cover_are_the_events_topics(models, tmp_path):
    """ "Participants will: …; identify priorities for further capacity-building.": each point, with or without a
    verb of focus, is what the event covers; an organisation named in a point is not a partner."""
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        "<html><body><main>"
        "<h1>National workshop on tailings safety in Kyrgyzstan</h1><p>13-14 October 2021, Bishkek, Kyrgyzstan</p>"
        "<p>Participants from the emergency authorities and operators will:</p>"
        "<ul><li>apply the UNECE Safety Guidelines for tailings;</li><li>identify priorities for further capacity-building.</li></ul>"
        "</main></body></html>",
    )
    workshop = next(a for a in acts if "workshop" in a.label)
    assert "capacity-building" in _slugs(workshop)
    assert not any("unece" in p for p in workshop.partners)


def test_a_day_of_the_event_spent_on_a_topic_is_a_topic_of_the_event(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        "<html><body><main>"
        "<h1>Second technical workshop on hazard management</h1><p>16-18 April 2012, Izmail, Ukraine</p>"
        "<p>The workshop built on the first technical workshop on hazard management, held in Chisinau in July 2011."
        " Experts spent the first day on the identification of hazardous activities along the river.</p>"
        "</main></body></html>",
    )
    second = next(a for a in acts if a.label.startswith("Second"))
    assert "identification" in _slugs(second)


def test_what_experts_did_over_the_days_of_the_activity_told_is_its_topic(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>Seveso workshop held in Baku</h1>"
        "<p>From 15 to 17 November 2016, the programme organised a national workshop on major-accident hazards in Baku, Azerbaijan.</p>"
        "<p>Over three days, experts from Italy introduced the content of safety reports and the role of inspections.</p>"
        "</main></body></html>",
    )
    workshop = next(a for a in acts if "workshop" in a.label)
    assert {"safety-reports", "inspection"} <= _slugs(workshop)


def test_a_pages_tags_are_the_topics_of_its_event(models, tmp_path):
    """<ul class="tags"> becomes a "Tags: …" line; its topics go to the page's own activity, not to the project."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>Moldova and Ukraine test their cooperation on the Dniester</h1>"
        "<p>On 23 September 2021 Moldova and Ukraine held a joint table-top exercise in Soroca, within the project"
        " on accident response on the Dniester.</p>"
        '<ul class="tags"><li>Dniester</li><li>emergency preparedness</li></ul></main></body></html>',
    )
    exercise = next(a for a in acts if "exercise" in a.label)
    assert "preparedness" in _slugs(exercise)
    assert not any(a.label == "Dniester" for a in acts)


def test_a_headline_saying_what_was_discussed_gives_the_events_topic(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>В Ашхабаде обсудили присоединение к Конвенции</h1>"
        "<p>25 января 2018 года в Ашхабаде состоялось совещание экспертной группы.</p></main></body></html>",
    )
    meeting = next(a for a in acts if "совещание" in a.label)
    assert "accession" in _slugs(meeting)


def test_what_they_did_after_taking_part_is_the_topic_of_the_activity_not_of_its_dialogue(models, tmp_path):
    """ "Today the Ministry hosted a stakeholder consultation …, the second meeting held within the National Policy
    Dialogue …  ¶ Some forty representatives took part. They reviewed … the prevention of industrial accidents": the
    consultation's, not the dialogue's (told last in the sentence)."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>Stakeholders discuss industrial safety in Kyrgyzstan</h1>"
        "<p>Bishkek, 4 October 2021. Today the Ministry of Emergency Situations hosted a stakeholder consultation on"
        " industrial safety, the second meeting held within the National Policy Dialogue on industrial safety in Kyrgyzstan.</p>"
        "<p>Some forty representatives of ministries took part. They reviewed a draft assessment of the legislation on the"
        " prevention of industrial accidents.</p></main></body></html>",
    )
    consultation = next(a for a in acts if "consultation" in a.label)
    dialogue = next(a for a in acts if "Dialogue" in a.label)
    assert "prevention" in _slugs(consultation)
    assert "prevention" not in _slugs(dialogue)


def test_what_the_participants_of_the_one_meeting_a_paragraph_tells_discussed_is_its_topic(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>Проект по реке Сырдарья</h1>"
        "<p>21 декабря 2021 года в онлайн-формате состоялось первое техническое совещание экспертов проекта. Участники"
        " обсудили перечень опасных объектов в бассейне реки.</p></main></body></html>",
    )
    meeting = next(a for a in acts if "совещание" in a.label)
    assert "identification" in _slugs(meeting)


def test_an_earlier_activity_the_event_builds_on_does_not_take_what_its_participants_did(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>Planners and inspectors meet in Ohrid</h1>"
        "<p>The subregional workshop on land-use planning in South-Eastern Europe took place in Ohrid on 4 and 5 June 2019.</p>"
        "<p>The event builds on the UNECE seminar on land-use planning held in Belgrade in May 2018. Participants also"
        " identified topics for future cooperation, including a possible national policy dialogue.</p></main></body></html>",
    )
    seminar = next(a for a in acts if "seminar" in a.label)
    assert "national-policy-dialogue" not in _slugs(seminar)


def test_a_day_of_the_event_with_an_exercise_on_an_accident_is_about_the_response(models, tmp_path):
    """ "Во второй день участники примут участие в упражнении по уведомлению, основанном на гипотетической аварии … с
    угрозой загрязнения реки Кура": a day of the event, without a word of focus, is what it covers."""
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        "<html><body><main>"
        "<h1>Учебное мероприятие по Системе уведомления о промышленных авариях для стран Кавказа</h1>"
        "<p>Даты: 13–14 декабря 2011 года</p><p>Место проведения: Тбилиси, Грузия</p>"
        "<p>Во второй день участники примут участие в упражнении по уведомлению, основанном на гипотетической аварии на"
        " нефтепроводе с угрозой загрязнения реки Кура.</p></main></body></html>",
    )
    assert {"emergency-response", "transboundary-water-pollution", "notification"} <= _slugs(acts[0])


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        pytest.param("Speakers from Hungary will present lessons learned from the red sludge spill.", False, id="lessons-learned"),
        pytest.param("Participants learned how to use the IAN System.", True, id="learned"),
        pytest.param("Les experts ont passé en revue la procédure d'examen des rapports de sécurité.", True, id="fr-passe-en-revue"),
        pytest.param("Experts spent the first day on the identification of hazardous activities.", True, id="spent-a-day-on"),
        pytest.param("Проект помогает странам бассейна согласовать порядок взаимного оповещения.", True, id="ru-helps"),
        pytest.param("Проект направлен на повышение готовности к авариям.", True, id="ru-aimed-at"),
        pytest.param("The project helps countries to agree on joint contingency plans.", True, id="helps-to"),
        pytest.param("The project helped the two countries to align their contingency plans.", True, id="helped-to"),
        pytest.param("With help from Switzerland, the meeting took place in Almaty.", False, id="help-from"),
    ],
)
def test_words_saying_what_an_activity_covered(text, focus):
    from ingest.drafts import says_focus

    assert says_focus(text, 0, len(text)) is focus


def test_what_was_covered_over_the_days_of_the_seminar_told_is_its_topic(models, tmp_path):
    """ "В течение двух дней около 40 специалистов … рассматривали порядок передачи уведомлений об авариях и запросов о
    взаимной помощи": the days of the seminar just told, whoever the sentence's subject."""
    acts = _activities(
        models,
        tmp_path,
        "news.html",
        "<html><body><main>"
        "<h1>В Астане прошёл семинар</h1>"
        "<p>7–8 декабря 2021 года в Нур-Султане прошёл национальный семинар для специалистов МЧС Казахстана.</p>"
        "<p>В течение двух дней около 40 специалистов рассматривали порядок передачи уведомлений об авариях и запросов о"
        " взаимной помощи соседним государствам.</p></main></body></html>",
    )
    seminar = next(a for a in acts if "семинар" in a.label)
    assert {"notification", "response"} <= _slugs(seminar)


def test_what_a_training_programme_covers_is_its_topic(models, tmp_path):
    acts = _activities(
        models,
        tmp_path,
        "event.html",
        "<html><body><main>"
        "<h1>Национальный тренинг по безопасности хвостохранилищ</h1><p>Даты: 14–16 октября 2019 года</p>"
        "<p>Место проведения: Худжанд, Таджикистан</p>"
        "<p>Программа тренинга охватывает порядок проведения инспекционных проверок хвостохранилищ.</p></main></body></html>",
    )
    assert "inspection" in _slugs(acts[0])


def test_a_part_headings_topic_is_what_its_activities_are_about(models, tmp_path):
    """TOPICS.md rule 2: "## B. Safety of tailings management facilities" says what the activities listed under
    it cover (its sub-headings, "**B.1 …**", keep it); a heading that lists kinds ("Policy dialogues and
    advisory services") does not give its kind's topic."""
    acts = _activities(
        models,
        tmp_path,
        "plan.md",
        "# Workplan 2019-2020\n\n"
        "## A. National policy dialogues and advisory services\n\n"
        "1. Advisory mission to Georgia on accession to the Convention (2019).\n\n"
        "## B. Safety of tailings management facilities\n\n"
        "2. Subregional workshop for Central Asia, Almaty (2020).\n\n"
        "3. Technical mission to Armenia (2020).\n",
    )
    by_label = {a.label.split(" ")[0]: _slugs(a) for a in acts}
    assert "tailings-management-facilities" in by_label["Subregional"] and "tailings-management-facilities" in by_label["Technical"], (
        by_label
    )
    assert "national-policy-dialogue" not in by_label["Advisory"], by_label
