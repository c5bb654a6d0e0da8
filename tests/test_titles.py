"""Titles of activities in English, Russian and French prose: a quoted name next to the activity word, else
the noun phrase around it, cut before a verb, a date, a venue or a clause; sentences split before Cyrillic
and accented capitals and quotation marks."""

from __future__ import annotations

import pytest
from conftest import extract_text

from ingest.extract import _SENTENCE
from ingest.titles import language


def _labels(models, tmp_path, name: str, text: str) -> list[str]:
    return [a.label for a in extract_text(models, tmp_path, name, text)]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        pytest.param("Семинар прошёл в г. Бишкеке. Участники обсудили план.", 2, id="ru-town-abbreviation-kept"),
        pytest.param("Совещание пройдёт в декабре 2024 г. На нём будут представлены итоги.", 2, id="ru-year-abbreviation-ends"),
        pytest.param("L'atelier a eu lieu. « Le projet » continue. Évaluation faite.", 3, id="fr-guillemets-accented"),
        pytest.param("The seminar took place. Experts met.", 2, id="en-unchanged"),
    ],
)
def test_sentence_split(text: str, pieces: int) -> None:
    assert len(_SENTENCE.split(text)) == pieces


@pytest.mark.parametrize(
    ("sentence", "trigger", "lang"),
    [
        pytest.param("Семинар прошёл", "Семинар", "ru", id="ru"),
        pytest.param("L'atelier sur la sécurité des barrages a eu lieu dans la capitale.", "atelier", "fr", id="fr"),
        pytest.param("The workshop on dam safety was held in the capital.", "workshop", "en", id="en"),
    ],
)
def test_language(sentence: str, trigger: str, lang: str) -> None:
    assert language(sentence, trigger) == lang


@pytest.mark.parametrize(
    ("name", "text", "label"),
    [
        pytest.param(
            "en-headline.txt",
            "OSCE supports sub-regional workshop on mine tailings safety in Almaty\n\nThe workshop ended on 21 November 2019.\n",
            "sub-regional workshop on mine tailings safety",
            id="en-headline-verb-not-in-title",
        ),
        pytest.param(
            "ru-phrase.txt",
            "15 мая 2022 года в г. Ташкенте состоялся национальный семинар по оценке рисков на химических предприятиях. Эксперты обсудили планы.\n",
            "национальный семинар по оценке рисков на химических предприятиях",
            id="ru-noun-phrase-cut-before-full-stop-and-verb",
        ),
        pytest.param(
            "ru-venue.txt",
            "Министерство провело учения по реагированию на аварийные разливы в г. Атырау 3 июня 2021 года.\n",
            "учения по реагированию на аварийные разливы",
            id="ru-cut-before-venue",
        ),
        pytest.param(
            "ru-quoted.txt",
            "Совещание прошло 4 апреля 2022 года в рамках проекта «Безопасность нефтебаз в Казахстане», который финансирует Германия.\n",
            "Безопасность нефтебаз в Казахстане",
            id="ru-quoted-name",
        ),
        pytest.param(
            "fr-phrase.txt",
            "Le 12 mars 2021, les autorités ont organisé un premier atelier national sur la planification d'urgence à Genève.\n",
            "premier atelier national sur la planification d'urgence",
            id="fr-noun-phrase-cut-before-venue",
        ),
        pytest.param(
            "fr-quoted.txt",
            "La réunion du 3 février 2020 s'inscrit dans le projet « Prévenir les pollutions accidentelles du Danube ».\n",
            "Prévenir les pollutions accidentelles du Danube",
            id="fr-quoted-name",
        ),
        pytest.param(
            "en-phrase.txt",
            "On 5 May 2021 the ministry held a national workshop on chemical risk assessment in Almaty.\n",
            "national workshop on chemical risk assessment",
            id="en-noun-phrase",
        ),
        pytest.param(
            "en-acronym.txt",
            "In 2023 Serbia began a National Policy Dialogue (NPD) on chemical safety under the Convention.\n",
            "National Policy Dialogue (NPD) on chemical safety",
            id="en-parenthesis-in-the-name-kept",
        ),
        pytest.param(
            "en-org.txt",
            "The course was part of the OSCE project to improve dam safety in Armenia, funded by Sweden.\n",
            "OSCE project to improve dam safety in Armenia",
            id="en-organisation-acronym-kept",
        ),
        pytest.param(
            "en-purpose.txt",
            "In June 2022 the ministry held a national workshop to discuss the draft law with operators.\n",
            "national workshop",
            id="en-what-an-event-is-for-cut",
        ),
        pytest.param(
            "en-same.txt",
            "The course follows a national workshop on the same project held in Dushanbe in June 2021.\n",
            "national workshop",
            id="en-back-reference-cut",
        ),
        pytest.param(
            "en-hyphen.txt",
            "A pre-meeting for the field exercise took place in Vidin on 2 May 2019.\n",
            "pre-meeting for the field exercise",
            id="en-hyphenated-trigger-and-activity-inside-name",
        ),
        pytest.param(
            "en-upcoming.txt",
            "The project also supports the upcoming subregional workshop on dam safety for Central Asia.\n",
            "subregional workshop on dam safety for Central Asia",
            id="en-word-of-time-dropped",
        ),
        pytest.param(
            "en-republic.txt",
            "The ministry held a seminar on hazard identification in the Republic of Moldova on 3 May 2021.\n",
            "seminar on hazard identification",
            id="en-venue-state-cut",
        ),
        pytest.param(
            "en-town.txt",
            "On 28 September 2021 the two countries held a joint table-top exercise in Vornicesti to test notification.\n",
            "joint table-top exercise",
            id="en-unknown-town-cut",
        ),
        pytest.param(
            "ru-republic.txt",
            "15 мая 2022 года состоялось второе заседание рабочей группы по безопасности плотин в Республике Казахстан.\n",
            "второе заседание рабочей группы по безопасности плотин",
            id="ru-venue-state-cut",
        ),
        pytest.param(
            "ru-beneficiaries.txt",
            "В 2021 году начался совместный проект по предотвращению загрязнения реки Днестр для Молдовы и Украины.\n",
            "совместный проект по предотвращению загрязнения реки Днестр",
            id="ru-project-beneficiary-list-cut",
        ),
        pytest.param(
            "ru-npd-kept.txt",
            "В 2022 году начался национальный политический диалог по промышленной безопасности в Республике Молдова.\n",
            "национальный политический диалог по промышленной безопасности в Республике Молдова",
            id="ru-state-in-a-dialogue-name-kept",
        ),
        pytest.param(
            "fr-republic.txt",
            "Un séminaire sur l'identification des risques en République de Moldova a eu lieu le 3 mai 2021.\n",
            "séminaire sur l'identification des risques",
            id="fr-venue-state-cut",
        ),
        pytest.param(
            "fr-long.txt",
            "Le projet de la CEE-ONU sur le renforcement de la sécurité des barrages de résidus miniers et la "
            "prévention de la pollution accidentelle des rivières en Asie centrale a commencé en 2022.\n",
            "projet de la CEE-ONU sur le renforcement de la sécurité des barrages de résidus miniers et la "
            "prévention de la pollution accidentelle des rivières en Asie centrale",
            id="fr-long-name-kept-whole",
        ),
        pytest.param(
            "ru-hyphen.txt",
            "28 сентября 2021 года состоялось подготовительное онлайн-совещание национальных экспертов.\n",
            "подготовительное онлайн-совещание национальных экспертов",
            id="ru-modifier-joined-by-hyphen",
        ),
        pytest.param(
            "ru-with-what.txt",
            "В 2020 году пройдёт командно-штабное учение по реагированию на аварию с отработкой оповещения населения.\n",
            "командно-штабное учение по реагированию на аварию с отработкой оповещения населения",
            id="ru-s-what-is-done-stays",
        ),
        pytest.param(
            "ru-with-whom.txt",
            "5 мая 2021 года прошёл круглый стол по безопасности плотин с представителями министерств.\n",
            "круглый стол по безопасности плотин",
            id="ru-s-who-takes-part-goes",
        ),
        pytest.param(
            "en-held-its-meeting.txt",
            "Within the project, the inter-institutional working group on tailings safety held its first meeting in "
            "Tashkent on 22 June 2022.\n",
            "first meeting of the inter-institutional working group on tailings safety",
            id="en-whose-meeting-it-is",
        ),
        pytest.param(
            "ru-in-the-nominative.txt",
            "В 2019 году эксперты приняли участие в заключительном семинаре проекта в Тбилиси.\n",
            "заключительный семинар проекта",
            id="ru-title-in-the-nominative",
        ),
        pytest.param(
            "ru-participle-of-another-noun.txt",
            "Миссия продолжила работу, начатую ознакомительной миссией в Узбекистан в ноябре 2011 г.\n",
            "ознакомительная миссия в Узбекистан",
            id="ru-participle-agreeing-elsewhere-left-out",
        ),
        pytest.param(
            "ru-noun-read-as-a-verb.txt",
            "Совместное полевое учение по реагированию на разлив нефти в реку Кура запланировано на сентябрь 2024 г.\n",
            "Совместное полевое учение по реагированию на разлив нефти в реку Кура",
            id="ru-razliv-after-a-preposition-is-a-noun",
        ),
        pytest.param(
            "ru-in-the-area-of-a-town.txt",
            "Техническая миссия на насосную станцию нефтепровода в районе г. Гянджи прошла 23–24 мая 2023 г.\n",
            "Техническая миссия на насосную станцию нефтепровода",
            id="ru-v-rayone-g-is-the-venue",
        ),
    ],
)
def test_title(models, tmp_path, name: str, text: str, label: str) -> None:
    assert label in _labels(models, tmp_path, name, text)


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        pytest.param("технической миссии в Республику Узбекистан", "техническая миссия в Республику Узбекистан", id="genitive-feminine"),
        pytest.param("второго заседания рабочей группы", "второе заседание рабочей группы", id="neuter-complement-kept"),
        pytest.param("национальном семинаре по идентификации", "национальный семинар по идентификации", id="prepositional"),
        pytest.param("совместных полевых учений", "совместные полевые учения", id="plural"),
        pytest.param("Трёхдневного тренинга", "Трёхдневный тренинг", id="capital-and-yo-kept"),
        pytest.param("первое заседание", "первое заседание", id="already-nominative"),
        pytest.param("учения", "учения", id="may-be-nominative-unchanged"),
        pytest.param("Workshop on tailings", "Workshop on tailings", id="not-russian"),
    ],
)
def test_a_russian_title_reads_in_the_nominative(phrase: str, nominative: str) -> None:
    from ingest.morph import nominative as to_nominative

    assert to_nominative(phrase) == nominative


def test_a_russian_title_ends_before_the_list_of_countries_it_was_for(models, tmp_path):
    acts = extract_text(
        models,
        tmp_path,
        "otchet.md",
        "**Юго-Восточная Европа.** 8–10 ноября 2016 г. в Скопье прошёл субрегиональный семинар по оценке деклараций"
        " промышленной безопасности для Албании, Сербии и Черногории.\n",
    )
    assert acts[0].label == "субрегиональный семинар по оценке деклараций промышленной безопасности"


def test_a_workplan_rows_number_is_not_its_title(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "plan.md",
        "# Plan de travail 2017–2018\n\n| Activité | Pays | Calendrier |\n|---|---|---|\n"
        "| B.1 Atelier sous-régional sur l'aménagement du territoire | Serbie | mars 2017 |\n"
        "| B.2 Formation nationale sur l'inspection des établissements dangereux | Monténégro | 2018 |\n",
    )
    assert labels == [
        "Atelier sous-régional sur l'aménagement du territoire",
        "Formation nationale sur l'inspection des établissements dangereux",
    ]


def test_a_title_cut_before_its_place_drops_the_word_that_needed_it(models, tmp_path):
    labels = _labels(
        models,
        tmp_path,
        "post.md",
        "Today our rescuers took part in a joint field exercise on the Debed River near Alaverdi, Armenia, on 26 September 2018.\n",
    )
    assert labels == ["joint field exercise on the Debed River"]
