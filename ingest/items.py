"""Item shapes: a list item under a heading about activities ("TITLE (DATES), CITY, COUNTRY"), and a table
row under a header with an activity column. Each item is one activity. Called by ingest.extract's reader,
passed as `reader`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.read import Segment
from ingest.records import Mention
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.extract import _Reader as Reader

HEADER_ROLES = {
    "label": ("activity", "activities", "title", "project", "event", "name"),
    "beneficiaries": ("countries", "country", "beneficiaries", "beneficiary", "for"),
    "support": ("support", "donor", "donors", "funding", "financed by", "partners"),
    "dates": ("dates", "date", "when", "period"),
    "venue": ("venue", "place", "location", "where", "city"),
}


def list_item(reader: Reader, seg: Segment, mentions: list[Mention]) -> None:
    """TITLE (DATES), CITY, COUNTRY"""
    text = reader.text
    date = next((m for m in mentions if m.kind == "DATE" and text[m.start - 1 : m.start] == "(" and ")" in text[m.end : m.end + 2]), None)
    label_end = date.start - 1 if date else seg.end
    label = text[seg.start : label_end].rstrip(" ;.,")
    acts = [m for m in mentions if m.kind == "ACTIVITY" and m.end <= label_end]
    if not acts and date is None and not any(m.kind == "DATE" for m in mentions):
        return  # a menu or link item under "Meetings & Events": no activity word, no date
    cls = acts[0].iri if acts else str(IAC.Activity)
    draft = reader.new(cls, label, seg.kind, False, (seg.start, seg.end))
    draft.take(reader.info(mentions, seg.start, label_end))
    if date:
        venue = reader.info(mentions, date.end, seg.end)
        draft.start, draft.end = date.dates
        draft.place = draft.place or (venue.roles.places[0] if venue.roles.places else None)
        draft.online = draft.online or venue.online
        countries = venue.roles.venue_countries + venue.roles.beneficiaries
        draft.venue_country = countries[0] if countries else draft.venue_country

def header_roles(reader: Reader, seg: Segment) -> dict[str, int]:
    roles = {}
    for index, (start, end) in enumerate(seg.cells):
        name = reader.text[start:end].strip(" *").lower()
        for role, names in HEADER_ROLES.items():
            if name in names and role not in roles:
                roles[role] = index
    return roles

def table_item(reader: Reader, seg: Segment, mentions: list[Mention], columns: dict[str, int], heading_dates) -> None:
    cells = seg.cells

    def cell(role: str) -> tuple[int, int] | None:
        index = columns.get(role)
        return cells[index] if index is not None and index < len(cells) else None

    lstart, lend = cell("label") or (seg.end, seg.end)
    label = reader.text[lstart:lend]
    if not label.strip():  # a short row, or an empty activity cell: no activity to name
        return
    acts = [m for m in mentions if m.kind == "ACTIVITY" and lstart <= m.start < lend]
    draft = reader.new(acts[0].iri if acts else str(IAC.Activity), label, seg.kind, False, (seg.start, seg.end))
    draft.take(reader.info(mentions, lstart, lend))
    if span := cell("beneficiaries"):
        info = reader.info(mentions, *span)
        for iri in info.roles.beneficiaries + info.roles.partners + info.roles.donors:
            if iri.rsplit("/", 2)[-2] in ("country", "region"):
                draft.roles.add("beneficiaries", iri)
        for iri in info.roles.hosts:
            draft.roles.add("hosts", iri)
    if span := cell("support"):
        pos = span[0]
        for part in reader.text[span[0] : span[1]].split(";"):
            part_span = (pos, pos + len(part))
            pos += len(part) + 1
            inside = [m for m in mentions if part_span[0] <= m.start < part_span[1]]
            helper = part.strip().lower().startswith("with")
            for m in inside:
                if m.kind == "COUNTRY" and not helper:
                    draft.roles.add("donors", m.iri)
                elif m.kind in ("COUNTRY", "ORG"):
                    draft.roles.add("partners", m.iri)
    for role in ("dates", "venue"):
        if span := cell(role):
            draft.take(reader.info(mentions, *span))
    if draft.start is None and heading_dates:
        draft.start, draft.end = heading_dates
