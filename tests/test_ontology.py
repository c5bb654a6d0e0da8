"""The ontology and reference data: they parse, document themselves, and hold what other parts rely on."""

import pytest
from conftest import ROOT
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ingest.vocab import IAC, ID

ONTOLOGY = ROOT / "ontology"
UNECE = {
    "ALB",
    "AND",
    "ARM",
    "AUT",
    "AZE",
    "BLR",
    "BEL",
    "BIH",
    "BGR",
    "CAN",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "GEO",
    "DEU",
    "GRC",
    "HUN",
    "ISL",
    "IRL",
    "ISR",
    "ITA",
    "KAZ",
    "KGZ",
    "LVA",
    "LIE",
    "LTU",
    "LUX",
    "MLT",
    "MCO",
    "MNE",
    "NLD",
    "MKD",
    "NOR",
    "POL",
    "PRT",
    "MDA",
    "ROU",
    "RUS",
    "SMR",
    "SRB",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
    "CHE",
    "TJK",
    "TUR",
    "TKM",
    "UKR",
    "GBR",
    "USA",
    "UZB",
}


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in sorted(ONTOLOGY.glob("*.ttl"))])
def test_every_file_parses(path):
    assert len(Graph().parse(path, format="turtle")) > 0


def test_only_turtle_in_the_ontology_folder():
    assert {p.suffix for p in ONTOLOGY.iterdir()} == {".ttl"}


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY / "iac.ttl")


def test_every_term_has_a_label_and_a_comment(ontology):
    terms = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(IAC._NS))}
    assert len(terms) > 40
    for term in terms:
        assert (term, RDFS.label, None) in ontology and (term, RDFS.comment, None) in ontology, term


def test_required_classes_are_activities(ontology):
    for name in (
        "TrainingSession",
        "Workshop",
        "Seminar",
        "Project",
        "TechnicalMission",
        "Meeting",
        "Consultation",
        "PolicyDialogue",
        "Exercise",
        "InFieldExercise",
        "TableTopExercise",
        "AdvisoryService",
    ):
        assert IAC.Activity in set(ontology.transitive_objects(IAC[name], RDFS.subClassOf)), name


def test_standard_vocabularies_are_reused(ontology):
    supers = {str(o) for o in ontology.objects(None, RDFS.subClassOf)}
    assert "https://schema.org/Event" in supers and "http://www.w3.org/ns/prov#Activity" in supers
    assert "http://www.w3.org/ns/oa#Annotation" in supers


def test_countries(models):
    graph = models.reference
    countries = {str(o): s for s, o in graph.subject_objects(IAC.iso3)}
    assert set(countries) >= UNECE
    for iso3 in UNECE:
        node = countries[iso3]
        assert str(graph.value(node, IAC.m49)).isdigit()
        assert str(graph.value(node, OWL.sameAs)).startswith("http://www.wikidata.org/entity/Q")
        assert graph.value(node, IAC.unece) == Literal(True)
    assert graph.value(countries["MKD"], SKOS.prefLabel) == Literal("North Macedonia", lang="en")
    assert str(graph.value(countries["MKD"], IAC.m49)) == "807"


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Kyrgyz Republic", "KGZ"),
        ("Moldova", "MDA"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Russia", "RUS"),
        ("Kosovo", "XKX"),
        ("Republic of Serbia", "SRB"),
    ],
)
def test_historical_and_variant_names(models, name, iso3):
    assert models.lexicon.names["COUNTRY"][name] == str(ID[f"country/{iso3}"])


def test_regions_and_their_members(models):
    members = models.lexicon.region_members
    short = {r.rsplit("/", 1)[1]: {c.rsplit("/", 1)[1] for c in m} for r, m in members.items()}
    assert short["central-asia"] == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert short["caucasus"] == {"ARM", "AZE", "GEO"}
    assert short["eastern-europe"] == {"BLR", "MDA", "UKR"}
    assert short["eecca"] == short["central-asia"] | short["caucasus"] | short["eastern-europe"]
    assert short["south-eastern-europe"] == {"ALB", "BIH", "HRV", "MNE", "MKD", "SRB"}
    for region in members:
        assert models.reference.value(URIRef(region), URIRef("http://purl.org/dc/terms/source")) is not None


def test_places_have_a_country_and_geonames_id(models):
    graph = models.reference
    places = set(graph.subjects(RDF.type, IAC.Place))
    assert len(places) > 50
    for place in places:
        assert graph.value(place, IAC.country) is not None
    split = ID["place/split-hr"]
    assert str(graph.value(split, IAC.geonamesId)) == "3190261"
    assert graph.value(split, IAC.country) == ID["country/HRV"]


def test_topic_scheme(models):
    topics = models.lexicon.topics
    for label in (
        "tmf",
        "mine tailings",
        "land-use planning",
        "safety reports",
        "indicators and criteria",
        "accession",
        "national policy dialogue",
        "awareness raising",
        "prevention",
        "safety management systems",
        "inspection",
        "transboundary water pollution",
        "emergency response and crisis management",
        "capacity building",
    ):
        assert label in topics, label
    assert topics["tmf"].endswith("/tailings-management-facilities")
    assert len(models.lexicon.working_areas) == 6


def test_programme_and_phases(models):
    graph = models.reference
    phases = set(graph.objects(ID["programme"], IAC.hasPhase))
    assert phases == {ID["phase/preparatory"], ID["phase/implementation"]}


def test_reference_build_script_is_committed():
    assert (ROOT / "ingest" / "build_reference.py").exists()
    header = (ONTOLOGY / "countries.ttl").read_text(encoding="utf-8").splitlines()[0]
    assert "ingest.build_reference" in header
