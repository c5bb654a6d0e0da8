"""The compact form gold annotations are written in: short names instead of IRIs.

countries are ISO3 codes ("MKD"), regions "region:central-asia", places "place:split-hr", organisations
"org:osce", topics and working areas their slug ("land-use-planning"), activity types the class name.
"""

from __future__ import annotations

from ingest.records import Extraction


def short(iri: str | None) -> str | None:
    if iri is None:
        return None
    if "#" in iri:
        return iri.rsplit("#", 1)[1]
    if iri.startswith("https://schema.org/"):
        return "schema:" + iri.rsplit("/", 1)[1]
    kind, _, name = iri.rpartition("/")
    kind = kind.rsplit("/", 1)[-1]
    return name if kind in ("country", "topic") else f"{kind}:{name}"


def compact(extraction: Extraction) -> dict:
    by_key = {a.key: a for a in extraction.activities}
    activities = []
    for a in extraction.activities:
        activities.append({
            "type": short(a.type),
            "label": a.label,
            "start": a.start,
            "end": a.end,
            "place": short(a.place),
            "online": a.online,
            "planned": a.planned,
            "beneficiaries": sorted(short(x) for x in a.beneficiaries),
            "donors": sorted(short(x) for x in a.donors),
            "partners": sorted(short(x) for x in a.partners),
            "hosts": sorted(short(x) for x in a.hosts),
            "topics": sorted(short(x) for x in a.topics),
            "working_areas": sorted(short(x) for x in a.working_areas),
            "part_of": by_key[a.part_of].label if a.part_of else None,
        })
    facts = sorted([short(f.subject), short(f.predicate), short(f.object) if f.datatype is None else f.object] for f in extraction.facts)
    return {"document": extraction.document.name, "activities": activities, "facts": facts}


def dumps(gold: dict) -> str:
    """JSON with one line per field, so that a reviewer reads (and diffs) a gold file field by field."""
    import json

    lines = ["{", f' "document": {json.dumps(gold["document"])},', ' "activities": [']
    for i, activity in enumerate(gold["activities"]):
        fields = [f'  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}' for k, v in activity.items()]
        lines.append("  {\n " + ",\n ".join(fields) + "\n  }" + ("," if i < len(gold["activities"]) - 1 else ""))
    lines.append(" ],")
    facts = ",\n".join(f"  {json.dumps(f, ensure_ascii=False)}" for f in gold["facts"])
    lines.append(' "facts": [' + ("\n" + facts + "\n " if facts else "") + "]")
    lines.append("}")
    return "\n".join(lines) + "\n"
