"""Titles of activities in English, Russian and French prose: a quoted name next to the activity word, else
the noun phrase around it, cut before a verb, a date, a venue or a clause; sentences split before Cyrillic
and accented capitals and quotation marks."""

from __future__ import annotations

import pytest

from ingest.extract import _SENTENCE, extract
from ingest.read import read
from ingest.titles import language


def _labels(models, tmp_path, name: str, text: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [a.label for a in extract(read(path), models.nlp, models.lexicon).activities]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        pytest.param("Семинар прошёл в г. Бишкеке. Участники обсудили план.", 2, id="ru-town-abbreviation-kept"),
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
    ],
)
def test_title(models, tmp_path, name: str, text: str, label: str) -> None:
    assert label in _labels(models, tmp_path, name, text)
