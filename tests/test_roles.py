"""Roles of the countries around an activity, read from the words before and after them, in English,
Russian and French: beneficiaries, donors, partners, hosts, and countries that have no role at all."""

from __future__ import annotations

import pytest
from conftest import extract_text

from ingest.roles import assign_roles

C = "https://w3id.org/iac/id/country/"


def _roles(models, text: str):
    doc = models.nlp(text)
    from ingest.records import Mention

    mentions = [Mention(e.label_, e.start_char, e.end_char, e.text, e.ent_id_) for e in doc.ents]
    return assign_roles(mentions, text, 0, 0)


def _codes(iris) -> set[str]:
    return {i.rsplit("/", 1)[-1] for i in iris}


@pytest.mark.parametrize(
    ("text", "role", "codes"),
    [
        pytest.param("A workshop for Armenia and Georgia.", "beneficiaries", {"ARM", "GEO"}, id="en-for"),
        pytest.param("The training was financed by Sweden and Norway.", "donors", {"SWE", "NOR"}, id="en-financed-by"),
        pytest.param("The course was held with financial support from Austria.", "donors", {"AUT"}, id="en-financial-support"),
        pytest.param("Belgium generously funded the seminar.", "donors", {"BEL"}, id="en-donor-after"),
        pytest.param("Lectures were given by trainers from Finland and Poland.", "partners", {"FIN", "POL"}, id="en-trainers-from"),
        pytest.param("The meeting was hosted by Georgia.", "hosts", {"GEO"}, id="en-hosted-by"),
        pytest.param(
            "The kick-off meeting was hosted by the Ministry of Environment of Romania.", "hosts", {"ROU"}, id="en-hosted-by-ministry-of"
        ),
        pytest.param("Ведущие: Италия. Страны-бенефициары: Армения, Грузия.", "partners", {"ITA"}, id="ru-workplan-lead"),
        pytest.param("Lead: Switzerland. Beneficiary countries: Albania.", "partners", {"CHE"}, id="en-workplan-lead"),
        pytest.param(
            "В качестве экспертов выступили специалисты Федерального ведомства окружающей среды Швейцарии и Министерства "
            "окружающей среды Словении.",
            "partners",
            {"SVN", "foen"},
            id="ru-second-body-of-experts",
        ),
        pytest.param(
            "Как сообщает газета «Нейтральный Туркменистан», итоги будут представлены на совещании.",
            "others",
            {"TKM"},
            id="ru-newspaper-title",
        ),
        pytest.param("Observers from Romania followed the drill.", "others", {"ROU"}, id="en-observers"),
        pytest.param("The tailings dams drain into neighbouring Uzbekistan.", "others", {"UZB"}, id="en-neighbouring"),
        pytest.param(
            "Several facilities lie within 1 km of rivers flowing to Kazakhstan and Uzbekistan.",
            "others",
            {"KAZ", "UZB"},
            id="en-flowing-to",
        ),
        pytest.param("Река Чу течёт в Казахстан.", "others", {"KAZ"}, id="ru-flows-into"),
        pytest.param(
            "Specialists from Armenia and Azerbaijan took part in the drill.",
            "beneficiaries",
            {"ARM", "AZE"},
            id="en-specialists-took-part",
        ),
        pytest.param("Armenia and Georgia are Parties to the Convention.", "others", {"ARM", "GEO"}, id="en-parties"),
        pytest.param("Evaluators from Switzerland gave feedback to both teams.", "partners", {"CHE"}, id="en-evaluators"),
        pytest.param("The pipeline crosses the Pripyat river, which flows on into Ukraine.", "others", {"UKR"}, id="en-flows-on-into"),
        pytest.param(
            "They discussed the joint plan being prepared with Uzbekistan for the Syr Darya.", "others", {"UZB"}, id="en-prepared-with"
        ),
        pytest.param("Kazakhstan should share the results with the Russian Federation.", "others", {"RUS"}, id="en-share-with"),
        pytest.param(
            "The mission was funded by the UN Regular Programme of Technical Cooperation and by Switzerland.",
            "donors",
            {"CHE"},
            id="en-and-by",
        ),
        pytest.param(
            "The mission team had two experts, one from Germany and one from Hungary.", "partners", {"DEU", "HUN"}, id="en-one-from"
        ),
        pytest.param(
            "Staff of the Homyel region, which borders the Russian Federation and Ukraine, took part.",
            "others",
            {"RUS", "UKR"},
            id="en-borders",
        ),
        pytest.param("Romania, as a neighbouring Party, participated in the test.", "others", {"ROU"}, id="en-as-observer"),
        pytest.param(
            "В состав миссии вошли эксперт Национального института промышленной среды (Франция).",
            "partners",
            {"FRA"},
            id="ru-expert-institute-country",
        ),
        pytest.param("Семинар для Армении и Грузии.", "beneficiaries", {"ARM", "GEO"}, id="ru-dlya"),
        pytest.param(
            "A workshop for Moldova and Ukraine, with the participation of Romania.", "participants", {"ROU"}, id="en-participation"
        ),
        pytest.param("Семинар прошёл при участии Казахстана.", "participants", {"KAZ"}, id="ru-pri-uchastii"),
        pytest.param("L'atelier, avec la participation de la Roumanie.", "participants", {"ROU"}, id="fr-participation"),
        pytest.param(
            "Le séminaire est financé par l'Office fédéral de l'environnement (OFEV) de la Suisse.",
            "donors",
            {"CHE", "foen"},
            id="fr-organisations-country-funds",
        ),
        pytest.param("Trainers came from the OSCE Programme Office of Tajikistan.", "others", {"TJK"}, id="en-organisations-country"),
        pytest.param(
            "Facilities could affect the Irtysh basin downstream in the Russian Federation.", "others", {"RUS"}, id="en-downstream"
        ),
        pytest.param(
            "Parties that had such accidents, among them Hungary, after the Ajka red sludge spill, will speak.",
            "others",
            {"HUN", "ajka-hu"},
            id="en-after-the-spill",
        ),
        pytest.param("Проект выполняется при финансовой поддержке Швеции.", "donors", {"SWE"}, id="ru-financial-support"),
        pytest.param("Занятия провели эксперты из Финляндии и Польши.", "partners", {"FIN", "POL"}, id="ru-experts-from"),
        pytest.param("Работа продолжает проект, выполненный ранее в Казахстане.", "others", {"KAZ"}, id="ru-earlier-in"),
        pytest.param("Un atelier pour l'Arménie et la Géorgie.", "beneficiaries", {"ARM", "GEO"}, id="fr-pour"),
        pytest.param("La formation est financée par la Suède.", "donors", {"SWE"}, id="fr-finance-par"),
        pytest.param("Des experts de la Finlande ont présenté leurs méthodes.", "partners", {"FIN"}, id="fr-experts-de"),
        pytest.param("La réunion, avec le soutien de la Belgique, a duré deux jours.", "donors", {"BEL"}, id="fr-soutien-de"),
        pytest.param(
            "The mission team comprised two experts, from Germany and Hungary.", "partners", {"DEU", "HUN"}, id="en-experts-comma-from"
        ),
        pytest.param(
            "В состав миссии вошёл эксперт Министерства внутренних дел Финляндии.", "partners", {"FIN"}, id="ru-expert-of-a-ministry"
        ),
        pytest.param("Расходы покрыты за счёт взноса Швейцарии.", "donors", {"CHE"}, id="ru-contribution"),
        pytest.param(
            "L'atelier est financé par le ministère de la Transition écologique de la France.",
            "donors",
            {"FRA"},
            id="fr-financed-by-a-ministry-of",
        ),
        pytest.param(
            "The office is hosted by the Regional Environmental Center for Central and Eastern Europe in Hungary.",
            "others",
            {"eastern-europe"},
            id="en-a-bodys-name",
        ),
    ],
)
def test_role_is_read_from_the_words_around(models, text, role, codes):
    roles = _roles(models, text)
    assert _codes(getattr(roles, role)) == codes
    if role != "beneficiaries":
        assert not _codes(roles.beneficiaries) & codes


@pytest.mark.parametrize(
    "text",
    [
        "# Training in Ohrid\n\nA training on the inspection of hazardous sites was held in Ohrid on 5-7 October 2010. Participants "
        "came from Albania, Serbia and the host country.\n",
        "# Обучение в Охриде\n\n5-7 октября 2010 года в Охриде прошло обучение инспекторов. В нём участвовали Албания, Сербия и "
        "принимающая страна.\n",
        "# Formation à Ohrid\n\nUne formation des inspecteurs a eu lieu à Ohrid du 5 au 7 octobre 2010. Y ont participé l'Albanie, "
        "la Serbie et le pays hôte.\n",
    ],
)
def test_the_host_country_among_the_beneficiaries_is_the_venues(models, tmp_path, text):
    """ "Participants came from Albania, Serbia and the host country": North Macedonia, where Ohrid is, too."""
    activities = extract_text(models, tmp_path, "ohrid.md", text)
    assert _codes(activities[0].beneficiaries) == {"ALB", "SRB", "MKD"}


def test_venue_country_without_comma(models):
    roles = _roles(models, "Venue: Geneva Switzerland")
    assert _codes(roles.venue_countries) == {"CHE"}
    assert not roles.beneficiaries


@pytest.mark.parametrize(
    ("name", "text", "codes"),
    [
        pytest.param(
            "en.md",
            "# News\n\nA national workshop for Tajikistan on tailings safety took place in Dushanbe on 3 May 2022, "
            "with financial support from Germany. Trainers from Kazakhstan presented the methodology.\n",
            {"TJK"},
            id="en",
        ),
        pytest.param(
            "ru.md",
            "# Новости\n\nНациональный семинар для Таджикистана по безопасности хвостохранилищ прошёл в Душанбе 3 мая 2022 года "
            "при финансовой поддержке Германии. Эксперты из Казахстана представили методику.\n",
            {"TJK"},
            id="ru",
        ),
        pytest.param(
            "fr.md",
            "# Actualités\n\nUn atelier national pour le Tadjikistan sur la sécurité des résidus miniers a eu lieu à Douchanbé le 3 mai 2022, "
            "financé par l'Allemagne. Des experts du Kazakhstan ont présenté la méthode.\n",
            {"TJK"},
            id="fr",
        ),
    ],
)
def test_small_document_names_only_its_beneficiary(models, tmp_path, name, text, codes):
    activities = extract_text(models, tmp_path, name, text)
    assert activities
    for activity in activities:
        assert _codes(activity.beneficiaries) == codes


def test_a_digests_item_is_for_the_country_its_heading_names(models, tmp_path):
    """ "## Украина: в Киеве подготовили тренеров …" after an item on Armenia: the training is Ukraine's."""
    acts = extract_text(
        models,
        tmp_path,
        "digest.md",
        "# Дайджест новостей\n\n**Выпуск 3/2013 (март)**\n\n"
        "## Армения: семинар по самооценке\n\n12–13 марта в Ереване прошёл национальный семинар по применению"
        " показателей и критериев для Армении.\n\n## Украина: в Киеве подготовили тренеров\n\n"
        "С 26 по 28 февраля в Киеве состоялось обучение тренеров по инспектированию опасных объектов.\n",
    )
    training = next(a for a in acts if "обучение" in a.label)
    seminar = next(a for a in acts if "семинар" in a.label)
    assert _codes(training.beneficiaries) == {"UKR"} and (training.start, training.end) == ("2013-02-26", "2013-02-28")
    assert seminar.start == "2013-03-12"


@pytest.mark.parametrize(
    ("text", "role", "codes"),
    [
        pytest.param("The project was financed by the German Environment Agency.", "donors", {"DEU"}, id="donor"),
        pytest.param("Funded by: the German Environment Agency, through the Advisory Assistance Programme", "donors", {"DEU"}, id="field"),
        pytest.param("Trainers from the Swedish Civil Contingencies Agency led the exercise.", "partners", {"SWE"}, id="partner"),
    ],
)
def test_a_national_body_named_by_its_countrys_adjective_stands_for_the_country(models, text, role, codes):
    """ "the German Environment Agency", known by no name of its own, is Germany in the role its words give it; it
    is never a beneficiary."""
    roles = _roles(models, text)
    assert _codes(getattr(roles, role)) == codes and not roles.beneficiaries


def test_a_known_body_keeps_its_own_name(models):
    """ "the Swiss Federal Office for the Environment" is FOEN, an organisation the reference data knows."""
    roles = _roles(models, "The project was financed by the Swiss Federal Office for the Environment.")
    assert _codes(roles.donors) == {"foen"}
