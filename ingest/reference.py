"""The ontology and reference data (ontology/*.ttl), and the Lexicon the extractor reads from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ingest.vocab import IAC

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_files(directory: Path = ONTOLOGY_DIR) -> list[Path]:
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no Turtle files in {directory}: the ontology folder is missing")
    return files


def load_reference(directory: Path = ONTOLOGY_DIR) -> Graph:
    """All of ontology/*.ttl in one graph (ontology, shapes, countries, regions, places, topics)."""
    graph = Graph()
    for path in ontology_files(directory):
        graph.parse(path, format="turtle")
    return graph


def _names(graph: Graph, node: URIRef) -> list[str]:
    labels = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label) for o in graph.objects(node, p)}
    return sorted(labels)


@dataclass(frozen=True)
class Lexicon:
    """Names to look for in text, by kind, each mapped to the IRI it means."""

    names: dict[str, dict[str, str]]  # kind -> name -> IRI (kinds: COUNTRY REGION CITY ORG PROGRAMME PHASE CONVENTION)
    triggers: dict[str, str]  # activity word ("training session") -> class IRI
    topics: dict[str, str]  # topic name -> concept IRI
    working_areas: frozenset[str]
    place_country: dict[str, str]  # place IRI -> country IRI
    region_members: dict[str, frozenset[str]]
    superclasses: dict[str, frozenset[str]]  # activity class IRI -> itself and its activity superclasses
    programme_countries: frozenset[str] = field(default=frozenset())  # members of any region
    preferred: dict[str, str] = field(default_factory=dict)  # IRI -> English skos:prefLabel (or rdfs:label)
    languages: dict[str, str] = field(default_factory=dict)  # activity word or topic name -> its language tag, where not English

    def is_a(self, cls: str, ancestor: str) -> bool:
        return ancestor in self.superclasses.get(cls, frozenset({cls}))


def build_lexicon(graph: Graph) -> Lexicon:
    """Read the lexicon off the reference graph. Pure: no file access."""
    kinds = {
        "COUNTRY": IAC.Country, "REGION": IAC.Region, "CITY": IAC.Place, "ORG": IAC.Organisation,
        "PROGRAMME": IAC.Programme, "PHASE": IAC.Phase, "CONVENTION": IAC.Convention,
    }
    names: dict[str, dict[str, str]] = {}
    for kind, cls in kinds.items():
        table: dict[str, str] = {}
        for node in sorted(graph.subjects(RDF.type, cls)):
            for name in _names(graph, node):
                table.setdefault(name, str(node))
        names[kind] = table

    activity_classes = {str(c) for c in graph.transitive_subjects(RDFS.subClassOf, IAC.Activity)}
    superclasses = {
        c: frozenset(str(s) for s in graph.transitive_objects(URIRef(c), RDFS.subClassOf) if str(s) in activity_classes)
        for c in activity_classes
    }
    trigger_labels = [(o, c) for c in sorted(activity_classes) for o in graph.objects(URIRef(c), SKOS.altLabel)]
    triggers = {str(o).lower(): c for o, c in trigger_labels}
    english = {str(o).lower() for o, _ in trigger_labels if o.language in (None, "en")}
    languages = {str(o).lower(): o.language for o, _ in trigger_labels if str(o).lower() not in english}

    concepts = set(graph.subjects(RDF.type, SKOS.Concept)) | set(graph.subjects(RDF.type, IAC.WorkingArea))
    topics = {name.lower(): str(c) for c in sorted(concepts) for name in _names(graph, c)}
    for c in concepts:
        for p in (SKOS.prefLabel, SKOS.altLabel):
            languages.update({str(o).lower(): o.language for o in graph.objects(c, p) if o.language not in (None, "en")})
    languages = {k: v for k, v in languages.items() if v is not None}
    working_areas = frozenset(str(c) for c in graph.subjects(RDF.type, IAC.WorkingArea))

    place_country = {str(s): str(o) for s, o in graph.subject_objects(IAC.country) if (s, RDF.type, IAC.Place) in graph}
    members = {
        str(r): frozenset(str(c) for c in graph.objects(r, IAC.member)) for r in graph.subjects(RDF.type, IAC.Region)
    }
    preferred = {}
    for prop in (RDFS.label, SKOS.prefLabel):  # a preferred label wins over a label; English over other languages
        for s, o in sorted(graph.subject_objects(prop), key=lambda so: getattr(so[1], "language", None) in (None, "en")):
            preferred[str(s)] = str(o)
    return Lexicon(
        preferred=preferred,
        languages=languages,
        names=names,
        triggers=triggers,
        topics=topics,
        working_areas=working_areas,
        place_country=place_country,
        region_members=members,
        superclasses=superclasses,
        programme_countries=frozenset().union(*members.values()) if members else frozenset(),
    )
