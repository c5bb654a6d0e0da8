"""Extraction quality: extracted activities against gold annotations, field by field, in the manner of
nervaluate (correct, incorrect, partial, missed, spurious; strict and partial precision, recall and F1).

A gold file is JSON: {"document": file name, "language": "en", "format": "txt", "kind": "...",
"activities": [compact activities], "facts": [...]}, activities in the compact form made by `compact`:
short names instead of IRIs (countries "MKD", regions "region:central-asia", places "place:split-hr",
organisations "org:osce", topics their slug, activity types the class name).

Predicted and gold activities of a document are paired one to one, maximising `similarity`; pairs
below MIN_SIMILARITY are dropped. Unpaired predicted activities are spurious, unpaired gold ones missed.
Fields are scored over the pairs only; a field absent from both sides of a pair is not counted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.morph import has_cyrillic, parses
from ingest.records import Extraction

SCALAR_FIELDS = ("type", "label", "start", "end", "place")
SET_FIELDS = ("beneficiaries", "topics")
FIELDS = SCALAR_FIELDS + SET_FIELDS
ROW_NAMES = {"label": "title", "place": "venue"}  # the names the table gives these fields
MIN_SIMILARITY = 0.45


# --- the compact form -----------------------------------------------------------------------------------


def short(iri: str | None) -> str | None:
    """The short name of an IRI: "MKD", "region:central-asia", "Workshop", "schema:startDate"."""
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
    """An extraction in the form gold annotations are written in."""
    by_key = {a.key: a for a in extraction.activities}

    def sort(xs):
        return sorted(short(x) or "" for x in xs)

    activities = [
        {
            "type": short(a.type),
            "label": a.label,
            "start": a.start,
            "end": a.end,
            "place": short(a.place),
            "online": a.online,
            "planned": a.planned,
            "beneficiaries": sort(a.beneficiaries),
            "donors": sort(a.donors),
            "partners": sort(a.partners),
            "hosts": sort(a.hosts),
            "topics": sort(a.topics),
            "working_areas": sort(a.working_areas),
            "part_of": by_key[a.part_of].label if a.part_of else None,
        }
        for a in extraction.activities
    ]
    facts = sorted([short(f.subject), short(f.predicate), short(f.object) if f.datatype is None else f.object] for f in extraction.facts)
    return {"document": extraction.document.name, "activities": activities, "facts": facts}


# --- gold files -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    path: str  # the gold file
    document: str
    language: str
    format: str
    kind: str
    activities: tuple[dict, ...]


def load_gold(folder: Path) -> list[Gold]:
    """Every DIR/*.json, sorted by name. Raises IngestError naming the folder or file that cannot be used."""
    from ingest.read import FORMATS

    folder = Path(folder)
    if not folder.is_dir():
        raise IngestError(f"{folder}: no such folder of gold files; give --gold DIR holding DOCUMENT.json files")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise IngestError(f"{folder}: no gold files (*.json) in it")
    golds = []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            document, activities = data["document"], data["activities"]
            if not isinstance(document, str) or not isinstance(activities, list):
                raise TypeError("'document' must be a file name and 'activities' a list")
            for a in activities:
                if not isinstance(a, dict) or not isinstance(a.get("label"), str):
                    raise TypeError(f"every activity needs a 'label'; got {a!r:.80}")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise IngestError(
                f'{path}: not a usable gold file ({type(exc).__name__}: {exc}); it must be JSON {{"document": NAME, "activities": [...]}}'
            ) from exc
        fmt = data.get("format") or FORMATS.get(Path(document).suffix.lower(), "other")
        golds.append(Gold(str(path), document, data.get("language") or "en", fmt, data.get("kind") or "", tuple(activities)))
    return golds


# --- alignment ------------------------------------------------------------------------------------------


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def token_f1(a: str | None, b: str | None) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    return 2 * common / (len(ta) + len(tb))


def _lemma(token: str) -> str:
    """A Russian word's dictionary form ("аналогичного" -> "аналогичный"); other words as they are."""
    if not has_cyrillic(token):
        return token
    readings = parses(token)
    return readings[0].normal_form if readings else token


def same_event_words(a: str | None, b: str | None) -> float:
    """Title overlap for pairing: token F1 over dictionary forms, so that a Russian title in another case
    ("аналогичного проекта", "аналогичный проект") still pairs; strict and partial title scores stay on the
    words as written."""
    return token_f1(" ".join(_lemma(t) for t in tokens(a)), " ".join(_lemma(t) for t in tokens(b)))


def dates_near(a: str, b: str) -> bool:
    """Partial agreement of two XSD dates: the same year, or one a prefix of the other ("2019-11", "2019-11-20")."""
    return a.startswith(b) or b.startswith(a) or a[:4] == b[:4]


def similarity(pred: dict, gold: dict) -> float:
    """0..1: title token overlap, by dictionary form (0.5), type equality (0.2), start-date agreement (0.2, half when only near),
    shared beneficiaries (0.1, Jaccard)."""
    ps, gs = pred.get("start"), gold.get("start")
    start = 1.0 if ps == gs else 0.5 if ps and gs and dates_near(ps, gs) else 0.0
    pb, gb = set(pred.get("beneficiaries") or ()), set(gold.get("beneficiaries") or ())
    shared = len(pb & gb) / len(pb | gb) if pb | gb else 0.0
    return (
        0.5 * same_event_words(pred.get("label"), gold.get("label"))
        + 0.2 * (pred.get("type") == gold.get("type"))
        + 0.2 * start
        + 0.1 * shared
    )


def align(predicted: list[dict], gold: list[dict], greedy: bool = False) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index) maximising the total similarity, each at least
    MIN_SIMILARITY: scipy's linear_sum_assignment when installed (and not greedy), else best pair first."""
    scores = [[similarity(p, g) for g in gold] for p in predicted]
    scores = [[s if s >= MIN_SIMILARITY else 0.0 for s in row] for row in scores]
    if not greedy:
        try:
            from scipy.optimize import linear_sum_assignment
        except ImportError:
            greedy = True
    if greedy:
        pairs, used_p, used_g = [], set(), set()
        candidates = sorted((-s, i, j) for i, row in enumerate(scores) for j, s in enumerate(row) if s)
        for _, i, j in candidates:
            if i not in used_p and j not in used_g:
                pairs.append((i, j))
                used_p.add(i)
                used_g.add(j)
        return sorted(pairs)
    if not predicted or not gold:
        return []
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=False) if scores[i][j] > 0)


# --- scoring --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """nervaluate's counts. For set fields, `items` counts the members (correct, missed, spurious)."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0
    items: tuple[int, int, int] = (0, 0, 0)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.correct + other.correct,
            self.incorrect + other.incorrect,
            self.partial + other.partial,
            self.missed + other.missed,
            self.spurious + other.spurious,
            (self.items[0] + other.items[0], self.items[1] + other.items[1], self.items[2] + other.items[2]),
        )


@dataclass(frozen=True)
class Error:
    document: str
    label: str  # the gold activity's title (the predicted one's, when spurious)
    field: str  # "activity", or the field that differed
    kind: str  # missed, spurious, incorrect, partial
    gold: object = None
    predicted: object = None


@dataclass(frozen=True)
class Scored:
    """One document's tallies per field (and "activity") and its errors."""

    gold: Gold
    tallies: dict = field(default_factory=dict)
    errors: tuple[Error, ...] = ()


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def compare(name: str, value_gold, value_pred) -> str | None:
    """correct, partial, incorrect, missed or spurious; None when absent from both."""

    def empty(v):
        return v is None or v == "" or v == [] or v == ()

    if empty(value_gold) and empty(value_pred):
        return None
    if empty(value_pred):
        return "missed"
    if empty(value_gold):
        return "spurious"
    if name in SET_FIELDS:
        return "correct" if set(value_gold) == set(value_pred) else "incorrect"
    if name == "label":
        if _norm(value_gold) == _norm(value_pred):
            return "correct"
        return "partial" if token_f1(value_gold, value_pred) >= 0.5 else "incorrect"
    if name in ("start", "end"):
        return "correct" if value_gold == value_pred else "partial" if dates_near(str(value_gold), str(value_pred)) else "incorrect"
    return "correct" if value_gold == value_pred else "incorrect"


def score_document(gold: Gold, predicted: list[dict], greedy: bool = False) -> Scored:
    """Pure: pair the activities, then tally every field over the pairs."""
    pairs = align(predicted, list(gold.activities), greedy)
    tallies = {"activity": Tally(correct=len(pairs), missed=len(gold.activities) - len(pairs), spurious=len(predicted) - len(pairs))}
    tallies.update({f: Tally() for f in FIELDS})
    errors = [
        Error(gold.document, g["label"], "activity", "missed", gold=g["label"])
        for j, g in enumerate(gold.activities)
        if j not in {j for _, j in pairs}
    ]
    errors += [
        Error(gold.document, p["label"], "activity", "spurious", predicted=p["label"])
        for i, p in enumerate(predicted)
        if i not in {i for i, _ in pairs}
    ]
    for i, j in pairs:
        p, g = predicted[i], gold.activities[j]
        for name in FIELDS:
            outcome = compare(name, g.get(name), p.get(name))
            if outcome is None:
                continue
            items = (0, 0, 0)
            if name in SET_FIELDS:
                gs, ps = set(g.get(name) or ()), set(p.get(name) or ())
                items = (len(gs & ps), len(gs - ps), len(ps - gs))
            tallies[name] += Tally(**{outcome: 1}, items=items)
            if outcome != "correct":
                errors.append(Error(gold.document, g["label"], name, outcome, g.get(name), p.get(name)))
    return Scored(gold, tallies, tuple(errors))


def _prf(hit: float, actual: int, possible: int) -> dict:
    """Precision, recall and F1; all None when nothing was expected and nothing found."""
    if not actual and not possible:
        return {"precision": None, "recall": None, "f1": None}
    p, r = (hit / actual if actual else 0.0), (hit / possible if possible else 0.0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def metrics(name: str, t: Tally) -> dict:
    """Strict (partial counts as incorrect) and partial (half credit; for set fields, micro over members)
    precision, recall and F1, with the counts. A figure with nothing to divide by is None."""
    actual = t.correct + t.incorrect + t.partial + t.spurious
    possible = t.correct + t.incorrect + t.partial + t.missed
    if name in SET_FIELDS:
        cor, mis, spu = t.items
        partial = _prf(cor, cor + spu, cor + mis)
    else:
        partial = _prf(t.correct + 0.5 * t.partial, actual, possible)
    counts = {k: getattr(t, k) for k in ("correct", "incorrect", "partial", "missed", "spurious")}
    return {"strict": _prf(t.correct, actual, possible), "partial": partial, "counts": counts}


def summarise(scored: list[Scored]) -> dict:
    """Figures for all documents, and split by language and by format: {group: {value: {field: metrics}}}."""

    def total(docs: list[Scored]) -> dict:
        out = {}
        for name in ("activity",) + FIELDS:
            t = Tally()
            for s in docs:
                t += s.tallies[name]
            out[name] = metrics(name, t)
        return out

    result = {"all": total(scored), "language": {}, "format": {}}
    for group in ("language", "format"):
        for value in sorted({getattr(s.gold, group) for s in scored}):
            result[group][value] = total([s for s in scored if getattr(s.gold, group) == value])
    return result


def markdown(summary: dict, group: str = "language") -> str:
    """Rows: fields; columns: strict P, R, F1 and partial F1 for all documents, then each value of group."""
    columns = [("all", summary["all"])] + list(summary[group].items())

    def cell(x):
        return "–" if x is None else f"{x:.3f}"

    head = "| field | " + " | ".join(f"{c} P | {c} R | {c} F1 | {c} partial F1" for c, _ in columns) + " |"
    lines = [head, "|---|" + "---|" * 4 * len(columns)]
    for name in ("activity",) + FIELDS:
        cells = []
        for _, figures in columns:
            s = figures[name]["strict"]
            cells += [cell(s["precision"]), cell(s["recall"]), cell(s["f1"]), cell(figures[name]["partial"]["f1"])]
        lines.append(f"| {ROW_NAMES.get(name, name)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
