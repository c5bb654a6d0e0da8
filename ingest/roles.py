"""Who is who around an activity: beneficiaries, donors, partners, hosts, venues and excluded countries.

Names joined by commas and "and" form a run that shares one role, read from the words just before the
run: "financed by Switzerland" (donor), "experts from Denmark" (partner), "except Albania" (excluded),
"(host: Serbia)" (host). A country right after a city ("Split, Croatia", "Tirana (Albania)") is the
venue's country. Any other country or region is a beneficiary; any other organisation is a partner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.records import Mention

NAMES = ("COUNTRY", "REGION", "ORG", "CITY")

_RUN_GAP = re.compile(r"^\s*(?:,|;|\band\b|\bor\b|&|,\s*and\b|\bas well as\b)?\s*(?:the\s+)?$", re.IGNORECASE)
_VENUE_GAP = re.compile(r"^\s*[,(]\s*(?:the\s+)?$", re.IGNORECASE)
_CUES = [
    ("excluded", re.compile(r"\b(?:except|excluding|other than|apart from|but not)\s+(?:for\s+)?(?:the\s+)?$", re.IGNORECASE)),
    ("donor", re.compile(r"\b(?:(?:financed|funded|sponsored|paid for)\s+(?:jointly\s+|mainly\s+|in part\s+)?by|funding\s+from|donors?:?|grant\s+from)\s+(?:the\s+)?$", re.IGNORECASE)),
    ("host", re.compile(r"\bhost(?:ed by)?:?\s*(?:the\s+)?$", re.IGNORECASE)),
    ("partner", re.compile(r"\b(?:experts?\s+from|specialists?\s+from|support\s+of(?:\s+experts\s+from)?|supported\s+by|in\s+cooperation\s+with|in\s+partnership\s+with|together\s+with|jointly\s+with|co-?organi[sz]ed\s+(?:with|by)|organi[sz]ed\s+by)\s+(?:the\s+)?$", re.IGNORECASE)),
]


@dataclass
class Roles:
    beneficiaries: list[str] = field(default_factory=list)
    donors: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    venue_countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def add(self, role: str, iri: str) -> None:
        bucket = getattr(self, role)
        if iri not in bucket:
            bucket.append(iri)


def _role(before: str, kind: str) -> str:
    for role, cue in _CUES:
        if cue.search(before):
            if role == "host" and kind not in ("COUNTRY", "CITY"):
                continue
            return {"excluded": "excluded", "donor": "donors", "host": "hosts", "partner": "partners"}[role]
    return "partners" if kind == "ORG" else "beneficiaries"


def assign_roles(mentions: list[Mention], text: str, offset: int, scope_start: int) -> Roles:
    """Roles of the name mentions in one scope. text is the Document text, or a part of it starting at offset."""
    roles = Roles()
    names = sorted((m for m in mentions if m.kind in NAMES), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    previous: Mention | None = None
    for m in names:
        gap = text[previous.end - offset : m.start - offset] if previous else ""
        if m.kind == "CITY":
            roles.add("places", m.iri)
        elif previous is not None and previous.kind == "CITY" and m.kind == "COUNTRY" and _VENUE_GAP.match(gap):
            roles.add("venue_countries", m.iri)
        elif runs and previous is not None and previous.kind != "CITY" and previous in runs[-1] and _RUN_GAP.match(gap):
            runs[-1].append(m)
        else:
            runs.append([m])
        previous = m
    for run in runs:
        head = run[0]
        lo = max(scope_start, head.start - 80)
        before = text[lo - offset : head.start - offset]
        before = re.split(r"[.;]\s", before)[-1]
        for m in run:
            role = _role(before, m.kind)
            if role == "beneficiaries" and m.kind not in ("COUNTRY", "REGION"):
                role = "partners"
            roles.add(role, m.iri)
    return roles
