"""The search index beside the store: for each document, its activities and passages as texts, their
metadata, and their sentence vectors.

Layout of STORE.search/: manifest.json (model name, weights SHA-256, dimensions), and for each document
NAME.json (the document's IRI, the SHA-256 of the source it was built from, its vectors' file name, and
its entries) and NAME.TOKEN.npy (vectors, one row per entry). A document is written vectors first, then its
NAME.json renamed into place, which is the commit: a reader sees the old version or the new one, never
half of each. The version lets ingest tell that the store and the index hold the same document (see
ingest.repair). An index built with another model is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from ingest.build import activity_iri, document_iri
from ingest.embed import DIMENSIONS
from ingest.errors import IngestError
from ingest.lexical import SYMBOL
from ingest.read import Document
from ingest.records import Activity, Extraction
from ingest.reference import Lexicon

TYPE_WORDS = {
    "TrainingSession": "training session",
    "TableTopExercise": "table-top exercise",
    "InFieldExercise": "field exercise",
    "PolicyDialogue": "policy dialogue",
    "TechnicalMission": "technical mission",
    "AdvisoryService": "advisory service",
}


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
    donors: tuple[str, ...] = ()  # who funded it, and the countries of the organisations among them
    planned: bool = False  # a source lists it as planned (a workplan's), not as held


def _name(lexicon: Lexicon, iri: str) -> str:
    return lexicon.preferred.get(iri) or iri.rsplit("/", 1)[-1]


def entries_for(extraction: Extraction, lexicon: Lexicon) -> list[Entry]:
    """The document's activities and passages as index entries. Pure."""
    activities = [(str(activity_iri(a)), a) for a in extraction.activities]
    return document_entries(extraction.document, extraction.document.title, activities, lexicon)


def document_entries(document: Document, title: str, activities: list[tuple[str, Activity]], lexicon: Lexicon) -> list[Entry]:
    """Index entries of a document's (IRI, activity) pairs and of its passages; title labels the passages.
    Pure: ingest gives it a fresh extraction, reindex what the store holds (ingest.repair)."""
    doc = str(document_iri(document.name))
    entries = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for iri, a in activities:
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
        if a.donors:
            words.append("Funded by " + ", ".join(_name(lexicon, d) for d in a.donors) + ".")
        donors = tuple(sorted(set(a.donors) | {lexicon.org_country[d] for d in a.donors if d in lexicon.org_country}))
        quote = a.evidence[0].exact if a.evidence else ""
        venue = _name(lexicon, a.place) if a.place else ("online" if a.online else "")
        entries.append(
            Entry(
                iri,
                "activity",
                doc,
                " ".join(words),
                a.label,
                a.type,
                a.start,
                a.end,
                tuple(sorted(countries)),
                a.beneficiaries,
                a.topics,
                " ".join(quote.split()),
                place=venue,
                donors=donors,
                planned=a.planned,
            )
        )
        for ev in a.evidence:
            spans.setdefault(iri, []).append((ev.start, ev.end))
    short = []  # the short lines: headings, dates, menus
    for seg in document.segments:
        text = " ".join(document.text[seg.start : seg.end].split())
        if len(text) < 25 and not SYMBOL.search(text):  # (a short line is no passage, unless it is the document's symbol)
            short.append((seg, text))
            continue
        inside = tuple(iri for iri, ranges in spans.items() if any(s < seg.end and seg.start < e for s, e in ranges))
        entries.append(Entry(f"{doc}#{seg.start}-{seg.end}", "passage", doc, text, title, "", None, None, (), (), (), text, inside))
    if short:  # together one passage, so that a word only they hold finds the document ("Date: 14 February 2018")
        text = " · ".join(text for _, text in short)
        entries.append(
            Entry(f"{doc}#{short[0][0].start}-{short[-1][0].end}", "passage", doc, text, title, "", None, None, (), (), (), text, ())
        )
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

    # ------------------------------------------------------------------------------------ generation
    # The store's generation: a file in this folder that ingest replaces after every change it commits to the
    # store and this index. A server compares it on each request and reloads what it holds (query workers,
    # result cache, search index) when it changed, so that search, pages and SPARQL see the same documents.

    @property
    def generation_file(self) -> Path:
        return self.path / "generation"

    def generation(self) -> str:
        """A token that changes whenever ingest commits a change ("" before the first)."""
        try:
            st = self.generation_file.stat()
        except FileNotFoundError:
            return ""
        return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"

    def bump_generation(self) -> None:
        """Say that the store or this index changed (a new file, renamed into place: readers never see half)."""
        import uuid

        self.path.mkdir(parents=True, exist_ok=True)
        tmp = self.generation_file.with_suffix(".tmp")
        tmp.write_text(uuid.uuid4().hex + "\n")
        os.replace(tmp, self.generation_file)

    def check_model(self, encoder) -> None:
        manifest = self.path / "manifest.json"
        wanted = {"model": encoder.name, "sha256": encoder.sha256, "dimensions": encoder.dimensions}
        if not manifest.exists():
            self.path.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps(wanted, indent=1) + "\n")
            return
        found = json.loads(manifest.read_text())
        if found != wanted:
            raise IndexError_(
                f"the search index at {self.path} was built with {found.get('model')} ({found.get('sha256', '?')[:12]}), "
                f"not {encoder.name} ({encoder.sha256[:12]}); delete {self.path} and run `iackg reindex`"
            )

    def write(self, doc: str, entries: list[Entry], vectors, sha256: str = "") -> None:
        """Replace one document's entries and vectors: a new vectors file, then NAME.json (naming it and the
        document's version) renamed into place; the old vectors file goes last."""
        import uuid

        import numpy as np

        meta, _ = self._files(doc)
        self.path.mkdir(parents=True, exist_ok=True)
        old = self._vectors_of(meta) if meta.exists() else None
        array = meta.with_name(f"{meta.stem}.{uuid.uuid4().hex[:12]}.npy")
        tmp_meta = meta.with_suffix(".json.tmp")
        try:
            with open(array, "wb") as out:
                np.save(out, vectors.astype(np.float32))
            record = {"doc": doc, "sha256": sha256, "vectors": array.name, "entries": [asdict(e) for e in entries]}
            tmp_meta.write_text(json.dumps(record, ensure_ascii=False))
            os.replace(tmp_meta, meta)
        except BaseException:
            for leftover in (array, tmp_meta):
                leftover.unlink(missing_ok=True)
            raise
        if old is not None and old != array:
            old.unlink(missing_ok=True)

    def remove(self, doc: str) -> None:
        """Drop one document's entries."""
        self.remove_file(self._files(doc)[0])

    def remove_file(self, meta: Path) -> None:
        """Drop a NAME.json (first: the commit), then the vectors it names."""
        vectors = self._vectors_of(meta) if meta.exists() else None
        meta.unlink(missing_ok=True)
        if vectors is not None:
            vectors.unlink(missing_ok=True)

    def sweep(self) -> None:
        """Delete vectors that no NAME.json names, and temporary files, that a killed write left behind."""
        named = {self._vectors_of(m) for m in self.path.glob("*.json") if m.name != "manifest.json"}
        for leftover in [*self.path.glob("*.npy"), *self.path.glob("*.tmp")]:
            if leftover not in named:
                leftover.unlink(missing_ok=True)

    def _vectors_of(self, meta: Path) -> Path | None:
        try:
            record = json.loads(meta.read_text())
        except (OSError, ValueError):
            return None
        return meta.with_name(record["vectors"]) if isinstance(record, dict) else meta.with_suffix(".npy")

    def version(self, doc: str) -> str | None:
        """The SHA-256 of the source this index holds doc from; None when it holds none (or an older format)."""
        meta, _ = self._files(doc)
        try:
            record = json.loads(meta.read_text())
        except (OSError, ValueError):
            return None
        return (record.get("sha256") or None) if isinstance(record, dict) and record.get("doc") == doc else None

    def records(self) -> dict[Path, dict]:
        """Every NAME.json, read but not checked against its vectors: {file: {"doc", "sha256", "vectors",
        "entries"}}; a file that does not parse maps to {"error": why}."""
        out: dict[Path, dict] = {}
        for meta in sorted(self.path.glob("*.json")):
            if meta.name == "manifest.json":
                continue
            try:
                record = json.loads(meta.read_text())
            except (OSError, ValueError) as exc:
                out[meta] = {"error": f"{meta} does not parse ({exc})"}
                continue
            if isinstance(record, list):  # the format before versions: entries only, vectors in NAME.npy
                record = {
                    "doc": record[0]["doc"] if record else "",
                    "sha256": "",
                    "vectors": meta.with_suffix(".npy").name,
                    "entries": record,
                }
            out[meta] = record
        return out

    def load_one(self, meta: Path, record: dict):
        """(entries, vectors) of one NAME.json; raises IndexError_ naming the file when they do not load."""
        import numpy as np

        try:
            rows = [
                Entry(
                    **{
                        **e,
                        "countries": tuple(e["countries"]),
                        "beneficiaries": tuple(e["beneficiaries"]),
                        "topics": tuple(e["topics"]),
                        "activities": tuple(e["activities"]),
                        "donors": tuple(e.get("donors", ())),
                    }
                )
                for e in record["entries"]
            ]
            vectors = np.load(meta.with_name(record["vectors"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexError_(f"{meta} or its vectors do not load ({type(exc).__name__}: {exc}); run `iackg reindex`") from exc
        if len(rows) != len(vectors):
            raise IndexError_(f"{meta} and its vectors disagree ({len(rows)} entries, {len(vectors)} vectors); run `iackg reindex`")
        return rows, vectors

    def load(self, encoder=None):
        """(entries, vectors) of every document; encoder, when given, must match the manifest."""
        import numpy as np

        if encoder is not None:
            if not (self.path / "manifest.json").exists():
                raise IndexError_(f"no search index at {self.path}: ingest documents first")
            self.check_model(encoder)
        entries, arrays = [], []
        for meta, record in self.records().items():
            if "error" in record:
                raise IndexError_(f"{record['error']}; run `iackg reindex`")
            try:
                rows, vectors = self.load_one(meta, record)
            except IndexError_:  # an ingest may have replaced the document between the two reads: read it again
                again = self.records().get(meta, {"error": "gone"})
                if "error" in again:
                    raise
                rows, vectors = self.load_one(meta, again)
            entries += rows
            arrays.append(vectors)
        matrix = np.vstack(arrays) if arrays else np.zeros((0, DIMENSIONS), dtype=np.float32)
        return entries, matrix
