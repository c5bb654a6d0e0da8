"""The gazetteer (ontology/gazetteer.ttl): towns are found as venues, common words are not towns, and the
store holds a town's description only once a document names it; documents record their language."""

from __future__ import annotations

import pytest
from conftest import ROOT
from rdflib import Graph

from ingest.build import language
from ingest.extract import extract
from ingest.read import read
from ingest.reference import GAZETTEER, build_lexicon, load_gazetteer, ontology_files

PLACE = "https://w3id.org/iac/id/place/"


def _extract(models, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read(path), models.nlp, models.lexicon)


@pytest.mark.parametrize(
    "text, place",
    [
        pytest.param(
            "Training on tailings safety\n\nA training session on the safety of tailings management facilities was "
            "held in Kutaisi, Georgia, on 12-13 May 2021.\n",
            "kutaisi-ge",
            id="en",
        ),
        pytest.param(
            "Семинар по безопасности хвостохранилищ\n\nСеминар по безопасности хвостохранилищ прошёл в Кутаиси 12–13 мая 2021 года.\n",
            "kutaisi-ge",
            id="ru-inflected",
        ),
        pytest.param(
            "Exercise on the Danube\n\nA table-top exercise on accidental river pollution took place in Vidin, Bulgaria, on 4 June 2019.\n",
            "vidin-bg",
            id="danube-town",
        ),
    ],
)
def test_a_gazetteer_town_is_the_venue(models, tmp_path, text, place):
    activities = _extract(models, tmp_path, "town.txt", text).activities
    assert activities and activities[0].place == PLACE + place, activities


@pytest.mark.parametrize("name", ["Most", "Of", "Along", "Nice", "Bar", "Van", "Mobile", "Мир", "Союз", "Nov", "Police"])
def test_a_common_word_is_no_town(models, name):
    assert name not in models.lexicon.names["CITY"]


def test_a_common_word_at_a_sentence_start_is_no_venue(models, tmp_path):
    text = (
        "Workshop on land-use planning\n\nMost participants of the workshop, held on 3 March 2020, came from the "
        "ministries. Along with them, police officers attended.\n"
    )
    activities = _extract(models, tmp_path, "words.txt", text).activities
    assert all(a.place is None for a in activities), activities


def test_towns_never_shadow_countries_regions_or_core_places(models):
    core = build_lexicon(models.reference)
    for kind in core.names:
        for name, iri in core.names[kind].items():
            assert models.lexicon.names[kind][name] == iri, (kind, name)


def test_the_gazetteer_is_read_for_the_lexicon_only():
    assert GAZETTEER not in {p.name for p in ontology_files()}
    towns = {t.iri: t for t in load_gazetteer()}
    assert len(towns) > 2000
    kutaisi = towns[PLACE + "kutaisi-ge"]
    assert kutaisi.country.endswith("/country/GEO") and kutaisi.geonames_id == "613607"
    assert ("Кутаиси", "ru") in kutaisi.names
    assert len((ROOT / "ontology" / GAZETTEER).read_bytes()) < 1_200_000  # one line per town, lean


def test_the_store_describes_the_towns_its_documents_name(models, tmp_path):
    from ingest.pipeline import ingest_paths
    from ingest.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kutaisi.txt").write_text(
        "Seminar on tailings safety\n\nA seminar on the safety of tailings management "
        "facilities was held in Kutaisi, Georgia, on 12-13 May 2021.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "store")
    assert [o.status for o in ingest_paths([folder], store, models, embed=False)] == ["ingested"]
    rows = list(
        store.query(f"""
        PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>
        SELECT ?label ?country ?lat ?long ?same WHERE {{
          ?activity <https://schema.org/location> <{PLACE}kutaisi-ge> .
          <{PLACE}kutaisi-ge> a <https://w3id.org/iac/ontology#Place> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label ;
            <https://w3id.org/iac/ontology#country> ?country ; wgs:lat ?lat ; wgs:long ?long ;
            <http://www.w3.org/2002/07/owl#sameAs> ?same }}""")
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["label"].value == "Kutaisi" and row["country"].value.endswith("/country/GEO")
    assert 42 < float(row["lat"].value) < 43 and 42 < float(row["long"].value) < 43
    assert row["same"].value == "https://sws.geonames.org/613607/"
    languages = [r["lang"].value for r in store.query("SELECT ?lang WHERE { ?d <http://purl.org/dc/terms/language> ?lang }")]
    assert languages == ["en"]
    labels = list(
        store.query(
            "SELECT (LANG(?l) AS ?lang) WHERE { ?a a <https://w3id.org/iac/ontology#Activity> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        )
    )
    assert labels and {r["lang"].value for r in labels} == {"en"}
    assert not bool(store.query(f"ASK {{ <{PLACE}vidin-bg> ?p ?o }}"))  # a town no document names is not stored
    store.close()


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Семинар по безопасности хвостохранилищ прошёл в Бишкеке.", "ru", id="ru"),
        pytest.param("L'atelier sur la sécurité des installations de stockage de résidus miniers a eu lieu à Tachkent.", "fr", id="fr"),
        pytest.param("The workshop on the safety of tailings was held in Tashkent (Ouzbékistan, as the press wrote).", "en", id="en"),
    ],
)
def test_document_language(text, expected):
    assert language(text) == expected


def test_activity_labels_carry_the_document_language(models, tmp_path):
    from ingest.build import build

    text = "Семинар по безопасности хвостохранилищ\n\nСеминар по безопасности хвостохранилищ прошёл в Кутаиси 12–13 мая 2021 года.\n"
    graph: Graph = build(_extract(models, tmp_path, "ru.txt", text), models.lexicon)
    labels = [o for s, p, o in graph if str(p).endswith("rdf-schema#label") and "/activity/" in str(s)]
    assert labels and all(label.language == "ru" for label in labels)
