"""Question answering over a folder of documents with expected answers (the development set's
tests/data/dev/ask-questions.json): how many questions get the right answer, by intent and by language, and
how many off-topic or unanswerable ones are declined.

A questions file is JSON: [{"question", "lang", "intent", "answer": {"activities": [[FILE, gold label], ...]} |
{"countries": [ISO3, ...]} | {"organisations_or_countries": ["SWE", "org:osce", ...]} | {"counts": {KEY: n}} |
{"declined": true}}]. The documents are ingested into a throw-away store; a question is answered when a saved
query fits it (server.query.ask), and the entities of its rows (activities, countries, organisations) are compared
with the expected ones: right when their F1 is at least RIGHT_F1 (counts: at least RIGHT_F1 of the expected
counts within COUNT_TOLERANCE, since the graph counts an event two documents tell once). A
declined question is right when no saved query fits, or the one that fits finds nothing ("activities for
Portugal": none).
"""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.vocab import ID

RIGHT_F1 = 0.9
COUNT_TOLERANCE = 0.15  # a count within 15% (or 1) of the expected one is right: the expected counts are of gold records


@dataclass(frozen=True)
class Outcome:
    question: str
    lang: str
    intent: str
    declined_expected: bool
    answered: bool  # a saved query fitted
    f1: float  # of the answer's entities against the expected ones (1.0 for a rightly declined question)
    right: bool
    template: str | None


def load_questions(path: Path) -> list[dict]:
    """The questions of path. Raises IngestError naming the file when it cannot be used."""
    from server.query.evaluate_graded import load_items

    return load_items(path, "questions", {"question": str, "answer": dict}, '[{"question": …, "lang": …, "intent": …, "answer": {…}}]')


def _iri(code: str) -> str:
    """ "KAZ" -> country IRI, "org:osce" / "region:central-asia" -> their IRIs."""
    kind, _, name = code.partition(":")
    return str(ID[f"{kind}/{name}"]) if name else str(ID[f"country/{code}"])


def expected(answer: dict, activities: dict[tuple[str, str], str]) -> tuple[str, set[str] | dict[str, int]]:
    """What kind of answer is expected, and its entities (IRIs) or counts."""
    if answer.get("declined"):
        return "declined", set()
    if "activities" in answer:
        return "entities", {activities.get((doc, label), f"missed:{doc}:{label}") for doc, label in answer["activities"]}
    if "counts" in answer:
        return "counts", {str(k): int(v) for k, v in answer["counts"].items()}
    codes = answer.get("countries") or answer.get("organisations_or_countries") or []
    return "entities", {_iri(c) for c in codes}


def f1(got: set[str], want: set[str]) -> float:
    if not got and not want:
        return 1.0
    hit = len(got & want)
    return 2 * hit / (len(got) + len(want)) if hit else 0.0


def _counts(rows: list[dict[str, str]]) -> dict[str, int]:
    """{key: n} from rows holding one numeric cell and one key cell (a country IRI or code, or a year)."""
    out = {}
    for row in rows:
        numbers = [v for v in row.values() if v.isdigit() and len(v) != 4]
        keys = [v.rsplit("/", 1)[-1] for v in row.values() if v and v not in numbers]
        if len(numbers) == 1 and keys:
            out[keys[0]] = int(numbers[0])
    return out


def score(item: dict, answered: bool, template: str | None, rows: list[dict[str, str]], activities: dict[tuple[str, str], str]) -> Outcome:
    kind, want = expected(item["answer"], activities)
    declined = kind == "declined"
    if declined or not answered:
        value = 1.0 if declined and not (answered and rows) else 0.0  # (a query that fits and finds none declines too)
    elif isinstance(want, dict):  # counts: each count within COUNT_TOLERANCE (the graph merges an event two documents tell)
        got = _counts(rows)
        value = sum(abs(got.get(k, 0) - n) <= max(1, COUNT_TOLERANCE * n) for k, n in want.items()) / len(want) if want else 1.0
    else:
        entities = {v for row in rows for v in row.values() if v.startswith(str(ID))}
        entities |= {_iri(v) for row in rows for v in row.values() if re.fullmatch(r"[A-Z]{3}", v)}  # an "iso3" column
        relevant = {e for e in entities if any(e.startswith(str(ID[p])) for p in ("activity/", "country/", "org/", "region/"))}
        if any("/activity/" in w for w in want):
            relevant = {e for e in relevant if "/activity/" in e}
        else:
            relevant = {e for e in relevant if "/activity/" not in e}
        value = f1(relevant, set(want))
    return Outcome(
        item["question"], item.get("lang", "en"), item.get("intent", ""), declined, answered, round(value, 3), value >= RIGHT_F1, template
    )


def run(items: list[dict], docs: Path, gold_dir: Path, models) -> list[Outcome]:
    """Ingest docs into a throw-away store, then ask every question."""
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from ingest.stores import solutions
    from ingest.vocab import PREFIXES
    from server.query.ask import Asker
    from server.query.evaluate_graded import index_folder
    from server.query.saved import load_saved

    searcher, _, activities = index_folder(docs, gold_dir, models)  # (search finds the activity a question names)
    asker = Asker(load_saved(), models.encoder, models.nlp, models.lexicon, searcher=searcher)
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        failed = [o for o in ingest_paths([docs], store, models, check=False, embed=False) if o.status == "error"]
        if failed:
            raise IngestError(f"{failed[0].path}: could not be ingested for the questions ({failed[0].message})")
        for item in items:
            try:
                match = asker.match(item["question"])
            except IngestError:  # a parameter the question names but the graph does not know: not answered
                match = None
            rows: list[dict[str, str]] = []
            if match is not None:
                result = solutions(store.query(match.sparql, prefixes=PREFIXES))
                variables = [v.value for v in result.variables]
                rows = [{v: (row[v].value if row[v] is not None else "") for v in variables} for row in result]
            outcomes.append(score(item, match is not None, match.query.name if match else None, rows, activities))
        store.close()
    return outcomes


def summary(outcomes: list[Outcome]) -> dict:
    """Share right, overall, among answerable and declined questions, by intent and by language."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups["all"].append(o)
        groups["declined (expected)" if o.declined_expected else "answerable"].append(o)
        groups[f"intent:{o.intent}"].append(o)
        groups[f"lang:{o.lang}"].append(o)
        if o.lang in ("ru", "fr"):
            groups["lang:ru+fr"].append(o)
    return {
        g: {"right": round(sum(o.right for o in v) / len(v), 3), "mean F1": round(sum(o.f1 for o in v) / len(v), 3), "questions": len(v)}
        for g, v in sorted(groups.items())
    }


def markdown(table: dict) -> str:
    lines = ["| questions | n | right | mean F1 |", "|---|---|---|---|"]
    lines += [f"| {g} | {row['questions']} | {row['right']:.3f} | {row['mean F1']:.3f} |" for g, row in table.items()]
    return "\n".join(lines)
