"""Lexical analysis for BM25 (ingest/lexical.py): stems in three languages, stop words dropped."""

from ingest.lexical import analyse


def test_russian_forms_meet_on_their_stem():
    assert analyse("хвостохранилищам")[0] == analyse("хвостохранилищ")[0]
    assert analyse("по безопасности") == analyse("безопасность")  # "по" is a stop word


def test_latin_words_carry_their_english_and_french_stems():
    assert "train" in analyse("trainings") and "format" in analyse("formations") and "format" in analyse("formation")
    assert analyse("the workshop and the") == analyse("workshops")


def test_codes_and_names_are_kept():
    assert "kumbel" in analyse("Kumbel") and "2023" in analyse("ECE/CP.TEIA/WG.1/2023/INF.4")


def test_accents_and_yo_do_not_keep_words_apart():
    """ "Ouzbekistan" typed without its accent meets "Ouzbékistan"; "объём" meets "объем"."""
    assert analyse("Ouzbekistan sécurité") == analyse("Ouzbékistan securite")
    assert analyse("объём") == analyse("объем") != []
