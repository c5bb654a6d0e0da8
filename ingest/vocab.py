"""The IAC vocabulary in one place: a typo in a term is an AttributeError, not a silent new IRI."""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

ID = Namespace("https://w3id.org/iac/id/")
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
    _NS = Namespace("https://w3id.org/iac/ontology#")

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
