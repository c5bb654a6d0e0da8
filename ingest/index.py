"""The search index beside the store: for each document, its activities and passages as texts, their
metadata, and their sentence vectors.

Layout of STORE.search/: manifest.json (model name, weights SHA-256, dimensions), and for each document
NAME.json (entries) and NAME.npy (vectors, one row per entry). Re-ingesting a document rewrites both
files, so nothing stale remains; an index built with another model is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from ingest.build import activity_iri, document_iri
from ingest.errors import IngestError
from ingest.records import Extraction
from ingest.reference import Lexicon

TYPE_WORDS = {"TrainingSession": "training session", "TableTopExercise": "table-top exercise", "InFieldExercise": "field exercise",
              "PolicyDialogue": "policy dialogue", "TechnicalMission": "technical mission", "AdvisoryService": "advisory service"}


class IndexError_(IngestError):
    """The search index is missing, damaged, or built with another model."""


@dataclass(frozen=True)
class Entry:
    iri: str  # the activity, or the document for a passage
    kind: str  # activity or passage
    doc: str  # document IRI
    text: str  # what is embedded and matched
    label: str
    type: str  # activity class IRI, or "" for a passage
    start: str | None
    end: str | None
    countries: tuple[str, ...]  # beneficiary countries, members of beneficiary regions, the venue's country
    beneficiaries: tuple[str, ...]
    topics: tuple[str, ...]
    quote: str  # evidence text
    activities: tuple[str, ...] = ()  # for a passage: the activities it is evidence of
    place: str = ""  # the venue's name, or "online"


def _name(lexicon: Lexicon, iri: str) -> str:
    return lexicon.preferred.get(iri) or iri.rsplit("/", 1)[-1]


def entries_for(extraction: Extraction, lexicon: Lexicon) -> list[Entry]:
    """The document's activities and passages as index entries. Pure."""
    document = extraction.document
    doc = str(document_iri(document.name))
    entries = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for a in extraction.activities:
        iri = str(activity_iri(a))
        kind = a.type.rsplit("#", 1)[-1]
        countries = {b for b in a.beneficiaries if "/country/" in b}
        for b in a.beneficiaries:
            countries |= lexicon.region_members.get(b, frozenset())
        if a.place and a.place in lexicon.place_country:
            countries.add(lexicon.place_country[a.place])
        place = f" in {_name(lexicon, a.place)}" if a.place else (" online" if a.online else "")
        when = f" ({a.start}{'' if a.end in (None, a.start) else ' to ' + a.end})" if a.start else ""
        words = [a.label + ".", f"{TYPE_WORDS.get(kind, kind.lower())}{place}{when}."]
        if a.beneficiaries:
            words.append("For " + ", ".join(_name(lexicon, b) for b in a.beneficiaries) + ".")
        if a.topics:
            words.append("Topics: " + ", ".join(_name(lexicon, t) for t in a.topics) + ".")
        quote = a.evidence[0].exact if a.evidence else ""
        venue = _name(lexicon, a.place) if a.place else ("online" if a.online else "")
        entries.append(Entry(iri, "activity", doc, " ".join(words), a.label, a.type, a.start, a.end, tuple(sorted(countries)),
                             a.beneficiaries, a.topics, " ".join(quote.split()), place=venue))
        for ev in a.evidence:
            spans.setdefault(iri, []).append((ev.start, ev.end))
    for seg in document.segments:
        text = " ".join(document.text[seg.start : seg.end].split())
        if len(text) < 25:
            continue
        inside = tuple(iri for iri, ranges in spans.items() if any(s < seg.end and seg.start < e for s, e in ranges))
        entries.append(Entry(f"{doc}#{seg.start}-{seg.end}", "passage", doc, text, document.title, "", None, None, (), (), (), text, inside))
    return entries


class SearchIndex:
    def __init__(self, store_path: str | Path) -> None:
        self.path = Path(str(store_path).rstrip("/") + ".search")

    @classmethod
    def beside(cls, store_path: str | Path | None) -> SearchIndex:
        """STORE.search/ for an embedded store; for an external one (None), IACKG_INDEX.search/ (default var/remote)."""
        return cls(store_path if store_path is not None else os.environ.get("IACKG_INDEX", "var/remote"))

    def _files(self, doc: str) -> tuple[Path, Path]:
        stem = quote(doc.rsplit("/", 1)[-1], safe="")
        return self.path / f"{stem}.json", self.path / f"{stem}.npy"

    def check_model(self, encoder) -> None:
        manifest = self.path / "manifest.json"
        wanted = {"model": encoder.name, "sha256": encoder.sha256, "dimensions": encoder.dimensions}
        if not manifest.exists():
            self.path.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps(wanted, indent=1) + "\n")
            return
        found = json.loads(manifest.read_text())
        if found != wanted:
            raise IndexError_(f"the search index at {self.path} was built with {found.get('model')} ({found.get('sha256', '?')[:12]}), "
                              f"not {encoder.name} ({encoder.sha256[:12]}); delete {self.path} and ingest again")

    def write(self, doc: str, entries: list[Entry], vectors) -> None:
        """Replace one document's entries and vectors (each file written whole, then renamed into place)."""
        import numpy as np

        meta, array = self._files(doc)
        self.path.mkdir(parents=True, exist_ok=True)
        tmp_meta, tmp_array = meta.with_suffix(".json.tmp"), array.with_suffix(".npy.tmp")
        tmp_meta.write_text(json.dumps([asdict(e) for e in entries], ensure_ascii=False))
        with open(tmp_array, "wb") as out:
            np.save(out, vectors.astype(np.float32))
        os.replace(tmp_array, array)
        os.replace(tmp_meta, meta)

    def load(self, encoder=None):
        """(entries, vectors) of every document; encoder, when given, must match the manifest."""
        import numpy as np

        if encoder is not None:
            if not (self.path / "manifest.json").exists():
                raise IndexError_(f"no search index at {self.path}: ingest documents first")
            self.check_model(encoder)
        entries, arrays = [], []
        for meta in sorted(self.path.glob("*.json")):
            if meta.name == "manifest.json":
                continue
            rows = [Entry(**{**e, "countries": tuple(e["countries"]), "beneficiaries": tuple(e["beneficiaries"]),
                             "topics": tuple(e["topics"]), "activities": tuple(e["activities"])}) for e in json.loads(meta.read_text())]
            vectors = np.load(meta.with_suffix(".npy"))
            if len(rows) != len(vectors):
                raise IndexError_(f"{meta} and its vectors disagree ({len(rows)} entries, {len(vectors)} vectors); ingest that document again")
            entries += rows
            arrays.append(vectors)
        matrix = np.vstack(arrays) if arrays else np.zeros((0, 384), dtype=np.float32)
        return entries, matrix
