"""The language of a document (ingest/language.py): the one the page declares, cut to its primary subtag, when
it is en, ru or fr; else guessed from the text."""

import pytest

from ingest.language import LANGUAGES, language


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        pytest.param("fr-FR", "fr", id="region-subtag-dropped"),
        pytest.param("ru_RU", "ru", id="underscore-locale"),
        pytest.param("EN", "en", id="upper-case"),
        pytest.param("  fr  ", "fr", id="padded"),
        pytest.param("en-Latn-GB", "en", id="several-subtags"),
    ],
)
def test_a_declared_language_wins_over_the_text(declared, expected):
    """Whatever the text reads like, a declared en, ru or fr is the document's language."""
    assert language("Семинар прошёл в Бишкеке. Les experts ont discuté du plan.", declared) == expected


@pytest.mark.parametrize(
    "declared",
    [
        pytest.param("de-DE", id="another-language"),
        pytest.param("", id="none"),
        pytest.param("x-klingon", id="private-tag"),
        pytest.param("french", id="not-a-tag"),
    ],
)
def test_a_declaration_outside_the_three_languages_is_ignored(declared):
    assert language("Национальный семинар по промышленной безопасности прошёл в Ташкенте.", declared) == "ru"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Учения по реагированию на аварии прошли в мае.", "ru", id="russian"),
        pytest.param("Un atelier sur la sécurité des barrages a été organisé à Tbilissi pour les experts.", "fr", id="french"),
        pytest.param("The workshop was held in Tbilisi for the experts of the region.", "en", id="english"),
        pytest.param("L'atelier s'est tenu avec succès.", "fr", id="french-elision-counts"),
        pytest.param("ECE/CP.TEIA/2023/4 — 12.05.2023", "en", id="no-words-defaults-to-english"),
        pytest.param("", "en", id="empty"),
    ],
)
def test_the_language_guessed_from_the_text(text, expected):
    assert language(text) == expected


def test_russian_needs_more_than_a_third_of_the_letters_cyrillic():
    """A Latin text quoting a few Cyrillic words stays English; exactly a third is not enough."""
    assert language("abcdef абв") == "en"  # 3 of 9 letters
    assert language("abcde абв") == "ru"  # 3 of 8
    assert language("The project (проект) was launched in Astana by the ministry.") == "en"


def test_a_tie_of_function_words_reads_as_english():
    assert language("la the") == "en"


def test_every_guess_is_one_of_the_languages():
    assert {language(t) for t in ("и в на", "les des du", "of the and", "", "1234")} <= set(LANGUAGES)
