"""Frozen records passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.read import Document


@dataclass(frozen=True)
class Mention:
    """A recognised entity. Offsets count characters of Document.text."""

    kind: str  # COUNTRY REGION CITY ORG PROGRAMME PHASE CONVENTION ONLINE ACTIVITY DATE TOPIC
    start: int
    end: int
    text: str
    iri: str = ""  # what it means: the class IRI for ACTIVITY, the concept for TOPIC
    plural: bool = False  # ACTIVITY only: "workshops"
    dates: tuple[str, str] | None = None  # DATE only: (start, end) as XSD lexical forms

    @property
    def span(self) -> tuple[str, str]:
        """A DATE's (start, end); an error for a mention that holds no dates."""
        if self.dates is None:
            raise ValueError(f"the {self.kind} mention {self.text!r} holds no dates")
        return self.dates


@dataclass(frozen=True)
class Evidence:
    """An exact span of Document.text that a fact was read from."""

    start: int
    end: int
    exact: str
    segment_kind: str


@dataclass(frozen=True)
class Activity:
    key: str  # identity: equal keys, from any document, are the same activity
    type: str
    label: str
    start: str | None
    end: str | None
    place: str | None
    online: bool
    planned: bool
    beneficiaries: tuple[str, ...]
    donors: tuple[str, ...]
    partners: tuple[str, ...]
    hosts: tuple[str, ...]
    topics: tuple[str, ...]
    working_areas: tuple[str, ...]
    part_of: str | None  # key of the larger activity
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Fact:
    """A statement about the Programme, its phases or the Convention, with the text it came from."""

    subject: str
    predicate: str
    object: str
    datatype: str | None  # None: object is an IRI; else the XSD datatype local name of a literal
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    document: Document
    activities: tuple[Activity, ...]
    facts: tuple[Fact, ...]
