"""Facts about the Programme beyond its activity lists, each with the sentence it came from:

- "Since the Assistance and Cooperation Programme began in 2004"      -> programme schema:startDate 2004
- "X, Y ... have completed the preparatory phase and joined the implementation phase"
                                                                      -> X iac:completedPhase / iac:joinedPhase
- "The main activities are training sessions, in-field exercises ..." -> phase iac:activityType class
- "Fifteen countries are now beneficiaries: A, B, ..."                -> programme iac:beneficiary A, B
- a list under "... the following six working areas ...:"            -> convention iac:hasWorkingArea area
"""

from __future__ import annotations

import re

from ingest.read import Segment
from ingest.records import Evidence, Fact, Mention
from ingest.reference import Lexicon
from ingest.roles import assign_roles
from ingest.vocab import CONVENTION, IAC, IMPLEMENTATION_PHASE, PROGRAMME, SCHEMA

_STARTED = re.compile(r"\b(?:began|begun|started|launched|established|created|set up)\b", re.IGNORECASE)
_PHASE_VERB = re.compile(r"\b(completed|finished|joined|entered|moved to|moved into)\s+(?:the\s+)?$", re.IGNORECASE)
_MAIN_ACTIVITIES = re.compile(r"\b(?:main|principal|key)?\s*activities\s+(?:are|include)\b", re.IGNORECASE)
_BENEFICIARIES = re.compile(r"\bbeneficiar(?:y|ies)(?:\s+countries)?\s*(?::|are|include)", re.IGNORECASE)


def _evidence(text: str, start: int, end: int, kind: str) -> Evidence:
    return Evidence(start, end, text[start:end], kind)


def paragraph_facts(
    seg: Segment, bounds: list[tuple[int, int]], mentions: list[Mention], text: str, lexicon: Lexicon, out: list[Fact]
) -> set[int]:
    """Append the facts found in a paragraph's sentences to out; return the indexes of the sentences used."""
    used: set[int] = set()
    phases = [m for m in mentions if m.kind == "PHASE"]
    for index, (s, e) in enumerate(bounds):
        inside = [m for m in mentions if s <= m.start < e]
        sentence = text[s:e]
        evidence = _evidence(text, s, e, seg.kind)
        kinds = {m.kind for m in inside}
        if "PROGRAMME" in kinds and (verb := _STARTED.search(sentence)):
            years = [m for m in inside if m.kind == "DATE" and m.start > s + verb.start() and len(m.span[0]) == 4]
            if years:
                out.append(Fact(str(PROGRAMME), str(SCHEMA.startDate), years[0].span[0], "gYear", evidence))
        countries = [m for m in inside if m.kind == "COUNTRY"]
        for phase in (m for m in inside if m.kind == "PHASE"):
            verb = _PHASE_VERB.search(text[max(s, phase.start - 30) : phase.start])
            if verb and countries:
                predicate = IAC.completedPhase if verb.group(1).lower() in ("completed", "finished") else IAC.joinedPhase
                roles = assign_roles(countries, text, 0, s)
                for iri in roles.beneficiaries:
                    out.append(Fact(iri, str(predicate), phase.iri, None, evidence))
                used.add(index)
        if _MAIN_ACTIVITIES.search(sentence):
            types = [m for m in inside if m.kind == "ACTIVITY" and m.plural]
            phase_iri = phases[0].iri if phases else str(IMPLEMENTATION_PHASE)
            for m in types:
                out.append(Fact(phase_iri, str(IAC.activityType), m.iri, None, evidence))
            if types:
                used.add(index)
        if (hit := _BENEFICIARIES.search(sentence)) and (
            "PROGRAMME" in kinds or any(m.kind == "PROGRAMME" for m in mentions) or "programme" in text[:s].lower()
        ):
            after = [m for m in countries if m.start >= s + hit.end()]
            if len(after) >= 2:
                for m in after:
                    out.append(Fact(str(PROGRAMME), str(IAC.beneficiary), m.iri, None, evidence))
                used.add(index)
    return used


def working_area_fact(seg: Segment, mentions: list[Mention], text: str, lexicon: Lexicon) -> list[Fact]:
    """One item of a list of the Convention's working areas."""
    areas = [m for m in mentions if m.kind == "TOPIC" and m.iri in lexicon.working_areas]
    if not areas:
        return []
    return [Fact(str(CONVENTION), str(IAC.hasWorkingArea), areas[0].iri, None, _evidence(text, seg.start, seg.end, seg.kind))]
