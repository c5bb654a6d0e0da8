"""Stage 3, build: an Extraction becomes the RDF graph of its document. Pure.

The document's language goes to dct:language and tags its activities' labels. A town of the gazetteer that
the document's activities or facts name is described in the document's graph (its labels, country,
coordinates and GeoNames id, as places.ttl describes a core place): the store holds a town while a
document names it, and no other.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ingest.dates import datatype
from ingest.language import language
from ingest.records import Activity, Evidence, Extraction
from ingest.reference import Lexicon, Town
from ingest.vocab import IAC, ID, OA, PROGRAMME, SCHEMA, WGS84

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def label_language(label: str, document_language: str) -> str:
    """A label in Cyrillic is Russian; a Latin one in a Russian document ("TMF workshop") is English."""
    if _CYRILLIC.search(label):
        return "ru"
    return "en" if document_language == "ru" else document_language


def describe_town(graph: Graph, town: Town) -> None:
    node = URIRef(town.iri)
    graph.add((node, RDF.type, IAC.Place))
    graph.add((node, RDFS.label, Literal(town.label, lang="en")))
    graph.add((node, SKOS.prefLabel, Literal(town.label, lang="en")))
    for name, lang in town.names:
        graph.add((node, SKOS.altLabel, Literal(name, lang=lang)))
    graph.add((node, IAC.country, URIRef(town.country)))
    graph.add((node, WGS84.lat, Literal(town.lat, datatype=XSD.decimal)))
    graph.add((node, WGS84.long, Literal(town.long, datatype=XSD.decimal)))
    if town.geonames_id:
        graph.add((node, IAC.geonamesId, Literal(town.geonames_id)))
        graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{town.geonames_id}/")))


def document_iri(name: str) -> URIRef:
    """A document is known by its file name: re-ingesting a file of the same name replaces it."""
    return ID["doc/" + quote(name, safe="")]


def key_iri(key: str, kind: str, start: str | None) -> URIRef:
    """Deterministic: the same key, from any document, gives the same IRI."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return ID[f"activity/{start or 'undated'}-{kind.lower()}-{digest}"]


def activity_iri(activity: Activity) -> URIRef:
    return key_iri(activity.key, activity.type.rsplit("#", 1)[-1], activity.start)


def _date(lexical: str) -> Literal:
    return Literal(lexical, datatype=XSD[datatype(lexical)])


def _evidence(graph: Graph, doc: URIRef, name: str, ev: Evidence) -> URIRef:
    node = ID[f"evidence/{quote(name, safe='')}/{ev.start}-{ev.end}"]
    target, quote_sel, position = URIRef(f"{node}#target"), URIRef(f"{node}#quote"), URIRef(f"{node}#position")
    graph.add((node, RDF.type, IAC.Evidence))
    graph.add((node, RDF.type, OA.Annotation))
    graph.add((node, OA.motivatedBy, OA.identifying))
    graph.add((node, OA.hasTarget, target))
    graph.add((node, IAC.segmentKind, Literal(ev.segment_kind)))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, doc))
    graph.add((target, OA.hasSelector, quote_sel))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote_sel, RDF.type, OA.TextQuoteSelector))
    graph.add((quote_sel, OA.exact, Literal(ev.exact)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(ev.start, datatype=XSD.integer)))
    graph.add((position, OA.end, Literal(ev.end, datatype=XSD.integer)))
    return node


def build(extraction: Extraction, lexicon: Lexicon) -> Graph:
    document = extraction.document
    doc = document_iri(document.name)
    graph = Graph()
    graph.add((doc, RDF.type, IAC.Document))
    graph.add((doc, DCTERMS.title, Literal(document.title)))
    graph.add((doc, DCTERMS.identifier, Literal(document.name)))
    graph.add((doc, IAC.format, Literal(document.format)))
    graph.add((doc, IAC.sha256, Literal(document.sha256)))
    graph.add((doc, IAC.text, Literal(document.text)))
    lang = document.language or language(document.text)
    graph.add((doc, DCTERMS.language, Literal(lang, datatype=DCTERMS.RFC4646)))

    kinds = {a.key: (a.type.rsplit("#", 1)[-1], a.start) for a in extraction.activities}
    for activity in extraction.activities:
        node = activity_iri(activity)
        for cls in sorted(lexicon.superclasses.get(activity.type, {activity.type}) | {activity.type, str(IAC.Activity)}):
            graph.add((node, RDF.type, URIRef(cls)))
        graph.add((node, RDFS.label, Literal(activity.label, lang=label_language(activity.label, lang))))
        if activity.start:
            graph.add((node, SCHEMA.startDate, _date(activity.start)))
            if activity.end:  # an activity begun "from 2023" has not ended
                graph.add((node, SCHEMA.endDate, _date(activity.end)))
        if activity.place:
            graph.add((node, SCHEMA.location, URIRef(activity.place)))
        if activity.online:
            graph.add((node, SCHEMA.eventAttendanceMode, SCHEMA.OnlineEventAttendanceMode))
        if activity.planned:
            graph.add((node, SCHEMA.eventStatus, SCHEMA.EventScheduled))
        for predicate, values in (
            (IAC.beneficiary, activity.beneficiaries),
            (IAC.donor, activity.donors),
            (IAC.partner, activity.partners),
            (IAC.host, activity.hosts),
            (IAC.topic, activity.topics),
            (IAC.workingArea, activity.working_areas),
        ):
            for value in values:
                graph.add((node, predicate, URIRef(value)))
        if activity.part_of is not None and activity.part_of in kinds:
            graph.add((node, SCHEMA.superEvent, key_iri(activity.part_of, *kinds[activity.part_of])))
        graph.add((node, IAC.programme, PROGRAMME))
        graph.add((node, PROV.wasDerivedFrom, doc))
        for ev in activity.evidence:
            graph.add((node, IAC.evidence, _evidence(graph, doc, document.name, ev)))

    for fact in extraction.facts:
        subject = URIRef(fact.subject)
        obj = URIRef(fact.object) if fact.datatype is None else Literal(fact.object, datatype=XSD[fact.datatype])
        graph.add((subject, URIRef(fact.predicate), obj))
        graph.add((subject, PROV.wasDerivedFrom, doc))
        graph.add((subject, IAC.evidence, _evidence(graph, doc, document.name, fact.evidence)))
    for town in sorted({str(o) for o in graph.objects() if isinstance(o, URIRef)} & lexicon.towns.keys()):
        describe_town(graph, lexicon.towns[town])
    return graph
