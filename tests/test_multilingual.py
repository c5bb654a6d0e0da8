"""Russian and French text: names of countries, regions, towns and organisations, activity words and topics
are recognised (Russian ones in any inflected form), and a small document in each language yields its
activity with country and place."""

from __future__ import annotations

import pytest
from conftest import extract_text

from ingest.morph import has_cyrillic, lemmas

ID = "https://w3id.org/iac/id/"
IAC = "https://w3id.org/iac/ontology#"


def _ents(models, text: str) -> set[tuple[str, str, str]]:
    return {(e.text, e.label_, e.ent_id_) for e in models.nlp(text).ents}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Семинар прошёл в Кыргызстане.", ("Кыргызстане", "COUNTRY", f"{ID}country/KGZ"), id="ru-country-prepositional"),
        pytest.param(
            "Эксперты Республики Таджикистан", ("Республики Таджикистан", "COUNTRY", f"{ID}country/TJK"), id="ru-long-form-genitive"
        ),
        pytest.param("при участии Армении", ("Армении", "COUNTRY", f"{ID}country/ARM"), id="ru-country-genitive"),
        pytest.param(
            "делегация Российской Федерации", ("Российской Федерации", "COUNTRY", f"{ID}country/RUS"), id="ru-two-words-inflected"
        ),
        pytest.param("для Белоруссии и Молдовы", ("Белоруссии", "COUNTRY", f"{ID}country/BLR"), id="ru-short-form"),
        pytest.param("в г. Душанбе", ("Душанбе", "CITY", f"{ID}place/dushanbe-tj"), id="ru-town-indeclinable"),
        pytest.param("в Алматы", ("Алматы", "CITY", f"{ID}place/almaty-kz"), id="ru-almaty"),
        pytest.param("совещание в Нур-Султане", ("Нур-Султане", "CITY", f"{ID}place/astana-kz"), id="ru-old-name-inflected"),
        pytest.param("в Кишиневе", ("Кишиневе", "CITY", f"{ID}place/chisinau-md"), id="ru-yo-written-e"),
        pytest.param("ДУШАНБЕ, 5 марта", ("ДУШАНБЕ", "CITY", f"{ID}place/dushanbe-tj"), id="ru-capitals"),
        pytest.param("страны Центральной Азии", ("Центральной Азии", "REGION", f"{ID}region/central-asia"), id="ru-region"),
        pytest.param("при поддержке ОБСЕ", ("ОБСЕ", "ORG", f"{ID}org/osce"), id="ru-org"),
        pytest.param("на семинаре", ("семинаре", "ACTIVITY", f"{IAC}Seminar"), id="ru-seminar-prepositional"),
        pytest.param("итоги учений", ("учений", "ACTIVITY", f"{IAC}Exercise"), id="ru-exercises-genitive"),
        pytest.param("участники тренинга", ("тренинга", "ACTIVITY", f"{IAC}TrainingSession"), id="ru-training-genitive"),
        pytest.param("Командно-штабные учения", ("Командно-штабные учения", "ACTIVITY", f"{IAC}TableTopExercise"), id="ru-table-top"),
        pytest.param("в рабочем совещании", ("рабочем совещании", "ACTIVITY", f"{IAC}Workshop"), id="ru-workshop"),
        pytest.param("un atelier au Kirghizistan", ("Kirghizistan", "COUNTRY", f"{ID}country/KGZ"), id="fr-country"),
        pytest.param("la mission en Biélorussie", ("Biélorussie", "COUNTRY", f"{ID}country/BLR"), id="fr-cldr-name"),
        pytest.param("les experts de l'Ouzbékistan", ("Ouzbékistan", "COUNTRY", f"{ID}country/UZB"), id="fr-elided-article"),
        pytest.param("à Douchanbé", ("Douchanbé", "CITY", f"{ID}place/dushanbe-tj"), id="fr-town"),
        pytest.param("réunion à Genève", ("Genève", "CITY", f"{ID}place/geneva-ch"), id="fr-geneva"),
        pytest.param("pays d'Asie centrale", ("Asie centrale", "REGION", f"{ID}region/central-asia"), id="fr-region"),
        pytest.param("Deux ateliers ont eu lieu", ("ateliers", "ACTIVITY", f"{IAC}Workshop"), id="fr-plural"),
        pytest.param("un exercice sur table", ("exercice sur table", "ACTIVITY", f"{IAC}TableTopExercise"), id="fr-table-top"),
        pytest.param("une session de formation", ("session de formation", "ACTIVITY", f"{IAC}TrainingSession"), id="fr-training"),
        pytest.param("le dialogue politique national", ("dialogue politique", "ACTIVITY", f"{IAC}PolicyDialogue"), id="fr-policy-dialogue"),
    ],
)
def test_names_and_words_are_recognised(models, text, expected):
    assert expected in _ents(models, text)


def test_russian_topics(models):
    doc = models.nlp("по безопасности хвостохранилищ")
    assert [s.label_ for s in doc.spans["topics"]] == [f"{ID}topic/tailings-management-facilities"]


def test_a_russian_dative_is_no_town(models):
    """ "Баку" is the city; "баков" (of tanks) and lowercase words are not."""
    assert not {e for e in _ents(models, "Объём баков и баку") if e[1] == "CITY"}


def test_french_false_friend_only_in_french(models):
    assert not any(e[1] == "ACTIVITY" for e in _ents(models, "The formation of a working group"))
    assert ("formation", "ACTIVITY", f"{IAC}TrainingSession") in _ents(models, "La formation des inspecteurs")


def test_english_preferred_labels_stay_english(models):
    preferred = models.lexicon.preferred
    assert preferred[f"{ID}country/KGZ"] == "Kyrgyzstan"
    assert preferred[f"{ID}place/dushanbe-tj"] == "Dushanbe"
    assert preferred[f"{ID}region/central-asia"] == "Central Asia"


def test_morphology_is_loaded_lazily():
    assert has_cyrillic("в Бишкеке") and not has_cyrillic("in Bishkek")
    assert "бишкек" in lemmas("Бишкеке")


@pytest.mark.parametrize(
    ("name", "text", "type_", "place", "country"),
    [
        pytest.param(
            "ru-seminar.txt",
            "Семинар в Душанбе\n\n3–5 марта 2020 года в г. Душанбе прошёл национальный семинар по безопасности "
            "хвостохранилищ для Республики Таджикистан.\n",
            "Seminar",
            "place/dushanbe-tj",
            "country/TJK",
            id="ru",
        ),
        pytest.param(
            "fr-atelier.txt",
            "Atelier à Bichkek\n\nDu 3 au 5 mars 2022, un atelier national sur la sécurité des résidus miniers pour "
            "le Kirghizistan s'est tenu à Bichkek.\n",
            "Workshop",
            "place/bishkek-kg",
            "country/KGZ",
            id="fr",
        ),
    ],
)
def test_small_document_yields_its_activity(models, tmp_path, name, text, type_, place, country):
    activities = extract_text(models, tmp_path, name, text)
    assert [(a.type, a.place, a.beneficiaries) for a in activities] == [(IAC + type_, ID + place, (ID + country,))]
    assert activities[0].start is not None


FR_NPD = """<html><body>
<h1>La France accompagne la Géorgie dans son dialogue politique</h1>
<p>ECE/ENV/24/P11 — Publié le 14 mars 2024</p>
<p>Tbilissi, le 14 mars 2024 – Le Comité directeur du Dialogue politique national sur la sécurité industrielle en
Géorgie a tenu hier sa troisième réunion.</p>
<p>Engagé en 2022, le Dialogue politique national sur la sécurité industrielle en Géorgie bénéficie du soutien
financier de la France. Un atelier national sur l'aménagement du territoire se tiendra à Batoumi en juin 2024. Les
participants y étudieront les méthodes utilisées en France.</p>
</body></html>
"""


def test_a_french_release_with_its_dateline_yesterday_and_its_dialogue_named_twice(models, tmp_path):
    """'Tbilissi, le 14 mars 2024 –' dates the page; 'hier' is the day before; the dialogue named as the committee's,
    and again with its article, is one process begun in 2022; 'se tiendra' ends a title; France, which 'accompagne'
    Georgia and whose methods are studied, is no beneficiary."""
    acts = {a.type.rsplit("#", 1)[1]: a for a in extract_text(models, tmp_path, "communique.html", FR_NPD)}
    assert sorted(acts) == ["Meeting", "PolicyDialogue", "Workshop"]
    assert (acts["Meeting"].start, acts["Meeting"].place) == ("2024-03-13", "https://w3id.org/iac/id/place/tbilisi-ge")
    assert acts["PolicyDialogue"].start == "2022"
    assert acts["Workshop"].label == "atelier national sur l'aménagement du territoire"
    assert all(a.beneficiaries == ("https://w3id.org/iac/id/country/GEO",) for a in acts.values())


RU_MISSION = """ОТЧЁТ О ТЕХНИЧЕСКОЙ МИССИИ

1. С 14 по 16 мая 2019 г. секретариат провёл техническую миссию в Республику Таджикистан. В состав миссии вошли
два эксперта — из Швеции и Австрии.

2. 14 мая участники миссии провели встречи с представителями министерств. Специалисты заинтересованы в
практическом обучении.

3. По итогам миссии стороны договорились о проведении национального учебного семинара. Семинар планируется
провести в Душанбе в октябре 2019 года.
"""


def test_a_russian_mission_report_its_appointments_wishes_and_the_seminar_it_planned(models, tmp_path):
    """Experts "— из Швеции" help; the mission's "встречи с представителями" and a wish for "практическом обучении"
    are no activities; "Семинар" refers back to the "учебного семинара" (a training) and dates it."""
    acts = extract_text(models, tmp_path, "otchet.txt", RU_MISSION)
    assert [(a.type.rsplit("#", 1)[1], a.start, a.beneficiaries) for a in acts] == [
        ("TechnicalMission", "2019-05-14", ("https://w3id.org/iac/id/country/TJK",)),
        ("TrainingSession", "2019-10", ("https://w3id.org/iac/id/country/TJK",)),
    ]


RU_REPORT = """        Доклад о технической миссии в Республику Армения
        (Ереван, Гюмри, 3–5 апреля 2018 года)

1. Миссия была проведена в рамках Программы помощи. В её состав вошли два члена Рабочей группы (Швеция, Австрия).

Приложение I

Программа миссии

3 апреля   Ереван    Встреча в Министерстве по чрезвычайным ситуациям
5 апреля   Гюмри     Заключительное совещание с национальными органами
"""

RU_PROJECT = """<html><body><h1>Безопасность хвостохранилищ в Армении</h1>
<table><tr><td>Сроки</td><td>июль 2015 – декабрь 2016</td></tr><tr><td>Страны-бенефициары</td><td>Армения</td></tr></table>
<p>Мероприятия</p>
<p>Вводный семинар. 24 сентября 2015 года в Ереване состоялся вводный семинар проекта.</p>
</body></html>
"""


def test_a_russian_report_cover_its_members_and_the_programme_of_its_mission(models, tmp_path):
    """'(Ереван, Гюмри, 3–5 апреля 2018 года)' under the report's heading dates its mission; members of the Working
    Group '(Швеция, Австрия)' help; the days of 'Программа миссии' are no activities of their own."""
    acts = extract_text(models, tmp_path, "doklad.txt", RU_REPORT)
    assert [(a.type.rsplit("#", 1)[1], a.start, a.end, a.beneficiaries) for a in acts] == [
        ("TechnicalMission", "2018-04-03", "2018-04-05", ("https://w3id.org/iac/id/country/ARM",))
    ]


def test_a_russian_run_in_head_and_the_sentence_naming_it_in_full_are_one_activity(models, tmp_path):
    acts = extract_text(models, tmp_path, "proekt.html", RU_PROJECT)
    seminars = [a for a in acts if a.type.endswith("Seminar")]
    assert [(a.label, a.start) for a in seminars] == [("вводный семинар проекта", "2015-09-24")]


RU_EXERCISE = """<html><body><h1>На реке Чу прошли совместные учения</h1>
<p>11 сентября 2019 года вблизи города Токмок прошло совместное полевое учение МЧС Кыргызской Республики и МЧС
Республики Казахстан.</p>
<p>Накануне в Токмоке состоялась настольная тренировка оперативных штабов.</p>
<p>На следующий день специалисты собрались в Бишкеке на семинар по подведению итогов учения.</p>
<p>Учения стали этапом проекта ЕЭК ООН по укреплению сотрудничества Кыргызстана и Казахстана. Наблюдателями на учении
выступили представители Таджикистана и Узбекистана.</p>
</body></html>
"""


def test_a_russian_exercise_its_eve_the_day_after_and_its_observers(models, tmp_path):
    """'Накануне' dates the table-top the day before the field exercise; 'На следующий день' is the day after the
    exercise, not after its eve; the observers' countries are no beneficiaries; 'проекта ЕЭК ООН по …' keeps its name."""
    acts = {a.type.rsplit("#", 1)[1]: a for a in extract_text(models, tmp_path, "ucheniya.html", RU_EXERCISE)}
    assert (acts["TableTopExercise"].start, acts["Seminar"].start) == ("2019-09-10", "2019-09-12")
    assert all(
        a.beneficiaries == ("https://w3id.org/iac/id/country/KAZ", "https://w3id.org/iac/id/country/KGZ")
        for k, a in acts.items()
        if k.endswith("Exercise")
    )
    assert acts["Project"].label.startswith("проект ЕЭК ООН по укреплению сотрудничества")


def test_a_country_that_contributes_is_a_donor(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "actualite.html",
        "<html><body><h1>Des inspecteurs belges à Minsk</h1><p>Deux inspecteurs belges ont participé à une formation"
        " organisée à Minsk (Bélarus) du 18 au 20 octobre 2016. Cette formation s'inscrivait dans le Programme d'assistance,"
        " auquel la Belgique contribue depuis plusieurs années.</p></body></html>",
    )
    assert [(a.beneficiaries, a.donors) for a in acts] == [
        (("https://w3id.org/iac/id/country/BLR",), ("https://w3id.org/iac/id/country/BEL",))
    ]


def test_a_russian_headline_telling_its_meeting_took_place_is_the_meeting_dated_by_the_story(models, tmp_path):
    """ "Состоялось второе заседание …" over the news's day "28.02.2025": one meeting, held on the day the story names;
    "Эксперты ЕЭК ООН из Швеции" are partners, not beneficiaries."""
    acts = extract_text(
        models,
        tmp_path,
        "news.html",
        "<html><body><article>"
        "<h1>Состоялось второе заседание Руководящего комитета Национального политического диалога по промышленной"
        " безопасности</h1>"
        "<time>28.02.2025</time>"
        "<p>27 февраля 2025 года в г. Душанбе под председательством министра состоялось второе заседание Руководящего комитета Национального"
        " политического диалога по промышленной безопасности в Республике Таджикистан. Эксперты ЕЭК ООН из Швеции"
        " представили опыт своей страны.</p><p>По итогам заседания одобрен план работы на 2025 год.</p>"
        "</article></body></html>",
    )
    meetings = [a for a in acts if "заседание" in a.label]
    assert [(a.label.split()[0], a.start) for a in meetings] == [("второе", "2025-02-27")]
    assert all(c.endswith(("TJK",)) for c in meetings[0].beneficiaries)


def test_a_project_named_by_its_owner_is_the_project_named_in_full(models, tmp_path):
    """ "finance depuis janvier 2025 un projet de la CEE-ONU … Le projet de renforcement … jusqu'en 2026": one project."""
    acts = extract_text(
        models,
        tmp_path,
        "ofev.html",
        "<html><body><article>"
        "<h1>Résidus miniers : un nouveau projet</h1>"
        "<p>L'OFEV finance depuis janvier 2025 un projet de la Commission économique des Nations Unies pour l'Europe.</p>"
        "<p>Le projet de renforcement de la sécurité des résidus miniers au Tadjikistan et en Ouzbékistan se déroulera"
        " jusqu'en 2026.</p></article></body></html>",
    )
    projects = [a for a in acts if a.type.endswith("Project")]
    assert [(a.label.split()[2], a.start) for a in projects] == [("renforcement", "2025-01")]
