"""The compact form gold annotations are written in: short names instead of IRIs.

countries are ISO3 codes ("MKD"), regions "region:central-asia", places "place:split-hr", organisations
"org:osce", topics and working areas their slug ("land-use-planning"), activity types the class name.
"""

from __future__ import annotations

from ingest.evaluate_extract import compact, short  # noqa: F401 - one conversion, shared with `iackg eval extract`


def dumps(gold: dict) -> str:
    """JSON with one line per field, so that a reviewer reads (and diffs) a gold file field by field."""
    import json

    lines = ["{", f' "document": {json.dumps(gold["document"])},', ' "activities": [']
    for i, activity in enumerate(gold["activities"]):
        fields = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in activity.items()]
        lines.append("  {\n " + ",\n ".join(fields) + "\n  }" + ("," if i < len(gold["activities"]) - 1 else ""))
    lines.append(" ],")
    facts = ",\n".join(f"  {json.dumps(f, ensure_ascii=False)}" for f in gold["facts"])
    lines.append(' "facts": [' + ("\n" + facts + "\n " if facts else "") + "]")
    lines.append("}")
    return "\n".join(lines) + "\n"
