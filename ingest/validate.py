"""Stage 4, validate: SHACL over the data, with the reference data beside it so classes resolve."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    graph: Graph


def validate(data: Graph, shapes: Graph) -> Report:
    """data must hold the ontology and reference data too (rdfs:subClassOf, country types)."""
    from pyshacl import validate as shacl

    conforms, report_graph, report_text = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return Report(bool(conforms), str(report_text), report_graph)
