"""The IAC vocabulary in one place: a typo in a term is an AttributeError, not a silent new IRI."""

import functools

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

OURS = "https://w3id.org/iac/"  # every IRI the project mints starts so: the ontology's and the IDs'
ONTOLOGY = f"{OURS}ontology#"
ID = Namespace(f"{OURS}id/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

PROGRAMME = ID["programme"]
CONVENTION = ID["convention"]
PREPARATORY_PHASE = ID["phase/preparatory"]
IMPLEMENTATION_PHASE = ID["phase/implementation"]


class IAC(DefinedNamespace):
    """Terms of ontology/iac.ttl."""

    _fail = True
    _NS = Namespace(ONTOLOGY)

    # classes
    Activity: URIRef
    TrainingSession: URIRef
    Workshop: URIRef
    Seminar: URIRef
    Project: URIRef
    TechnicalMission: URIRef
    Meeting: URIRef
    Consultation: URIRef
    PolicyDialogue: URIRef
    Exercise: URIRef
    InFieldExercise: URIRef
    TableTopExercise: URIRef
    AdvisoryService: URIRef
    Programme: URIRef
    Phase: URIRef
    Convention: URIRef
    WorkingArea: URIRef
    Country: URIRef
    Region: URIRef
    Place: URIRef
    Organisation: URIRef
    Document: URIRef
    Evidence: URIRef
    # properties
    beneficiary: URIRef
    donor: URIRef
    partner: URIRef
    host: URIRef
    country: URIRef
    member: URIRef
    iso3: URIRef
    iso2: URIRef
    m49: URIRef
    geonamesId: URIRef
    demonym: URIRef
    donorCountry: URIRef
    Water: URIRef
    Term: URIRef
    unece: URIRef
    topic: URIRef
    workingArea: URIRef
    hasWorkingArea: URIRef
    programme: URIRef
    hasPhase: URIRef
    completedPhase: URIRef
    joinedPhase: URIRef
    activityType: URIRef
    evidence: URIRef
    text: URIRef
    format: URIRef
    sha256: URIRef
    segmentKind: URIRef


# The one prefix table: SPARQL queries may use these without declaring them, and Turtle, TriG and RDF/XML
# written anywhere (the endpoint, the CLI, exports) abbreviate with them.
PREFIXES = {
    "iac": ONTOLOGY,
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "country": f"{ID}country/",
    "region": f"{ID}region/",
    "place": f"{ID}place/",
    "topic": f"{ID}topic/",
    "activity": f"{ID}activity/",
}


@functools.cache
def prologue() -> str:
    """PREFIXES as a SPARQL prologue, for a query that is shown to people or sent elsewhere."""
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
