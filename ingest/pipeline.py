"""read -> extract -> build -> validate -> store, for many files, one transaction per document."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal
from rdflib.namespace import SH, SKOS

from ingest.budget import DocumentTimeout, Limits, time_limit
from ingest.build import build, document_iri
from ingest.errors import BadDocument, DiskFull, IngestError, StoreError, disk_full
from ingest.extract import extract
from ingest.journal import Journal
from ingest.nlp import build_nlp
from ingest.read import read
from ingest.reference import Lexicon, build_lexicon, load_gazetteer, load_reference
from ingest.stores import GraphStore
from ingest.validate import validate
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.index import SearchIndex

REFERENCE_CLASSES = {IAC.Country, IAC.Region, IAC.Place, SKOS.Concept}


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # ingested, repaired (index entries rebuilt from the store), unchanged, error
    activities: int = 0
    message: str = ""
    disk_full: bool = False  # not stored because the disk is full


class Models:
    """The reference graph, lexicon, shapes and spaCy pipeline, loaded once, on first use. The reference
    graph is what the store holds and documents are validated beside; the gazetteer's towns go to the
    lexicon only (ingest.reference)."""

    @cached_property
    def reference(self) -> Graph:
        return load_reference()

    @cached_property
    def lexicon(self) -> Lexicon:
        return build_lexicon(self.reference, load_gazetteer())

    @cached_property
    def nlp(self):
        return build_nlp(self.lexicon)

    @cached_property
    def encoder(self):
        from ingest.embed import Encoder

        return Encoder()

    @cached_property
    def shapes(self) -> Graph:
        from ingest.reference import ONTOLOGY_DIR

        return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")

    @cached_property
    def document_shapes(self) -> Graph:
        """The shapes a document's own graph must meet: those targeting reference classes (countries,
        regions, places, topics) are switched off, since the reference data does not change per document."""
        shapes = Graph() + self.shapes
        for shape in list(shapes.subjects(SH.targetClass, None)):
            if shapes.value(shape, SH.targetClass) in REFERENCE_CLASSES:
                shapes.add((shape, SH.deactivated, Literal(True)))
        return shapes


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Outcome]]:
    """Files to ingest, in order; folders are walked, skipping hidden files and README files.
    A path that does not exist is an error outcome."""
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts) and not child.name.upper().startswith("README"):
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            errors.append(Outcome(str(path), "error", message=f"{path}: no such file or folder"))
    return files, errors


def index_for(store: GraphStore) -> SearchIndex:
    """The search index beside an embedded store, or at IACKG_INDEX for a remote one (store.path is None)."""
    from ingest.index import SearchIndex

    return SearchIndex.beside(store.path)


def ingest_file(
    path: Path, store: GraphStore, models: Models, check: bool = True, index: SearchIndex | None = None, limits: Limits = Limits()
) -> Outcome:
    """One document: its own failure boundary, within its size and time limits, in one store transaction.
    Whatever goes wrong with the file comes back as an error outcome naming it; only DiskFull is raised.

    Unchanged means that the store and (with index) the search index both hold this version; when only
    the store does, the index entries are rebuilt from the store ("repaired"). Order of writes: the journal
    names the document, the store takes it (one transaction), the index takes it (one rename), the journal
    is cleared; a run killed in between is finished by the next (ingest.repair.finish). The time limit covers
    reading, extracting, building, checking and embedding: everything before the first write."""
    from ingest.index import entries_for

    name = str(document_iri(path.name))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read() names what is wrong with the file
    if why := limits.too_big(size):
        return Outcome(str(path), "error", message=f"{path}: {why}")
    began = time.monotonic()
    try:
        with time_limit(limits.timeout):
            document = read(path)
    except DocumentTimeout:
        return Outcome(str(path), "error", message=f"{path}: {limits.too_slow()}")
    except BadDocument as exc:
        return Outcome(str(path), "error", message=str(exc))
    except Exception as exc:
        return _failed(path, "reading", exc)
    with _writing(path, "checking the store for"):
        stored = store.graph_sha(name)
        if stored == document.sha256:
            if index is None or index.version(name) == document.sha256:
                return Outcome(str(path), "unchanged")
            from ingest.repair import reembed

            return Outcome(
                str(path),
                "repaired",
                reembed(store, index, name, models.lexicon, models.encoder),
                message="the store had this version, the search index did not",
            )
    left = limits.timeout - (time.monotonic() - began) if limits.timeout else 0
    try:
        if limits.timeout and left <= 0:
            raise DocumentTimeout()
        with time_limit(left):
            extraction = extract(document, models.nlp, models.lexicon)
            graph = build(extraction, models.lexicon)
            report = validate(graph + models.reference, models.document_shapes) if check else None
            if index is not None and (report is None or report.conforms):  # embedding, too, before anything is written
                entries = entries_for(extraction, models.lexicon)
                vectors = models.encoder.encode([e.text for e in entries])
    except DocumentTimeout:
        return Outcome(str(path), "error", message=f"{path}: {limits.too_slow()}")
    except Exception as exc:
        return _failed(path, "extracting", exc)
    if report is not None and not report.conforms:
        return Outcome(str(path), "error", message=f"{path}: extracted data does not conform to the shapes; nothing stored.\n{report.text}")
    if index is not None:
        journal = Journal(index.path)
        with _writing(path, "recording in the ingest journal"):
            journal.begin(name, document.sha256, str(path))
    with _writing(path, "storing"):
        try:
            store.replace_graph(name, graph)
        except StoreError as exc:
            if disk_full(exc):
                raise
            return Outcome(str(path), "error", message=f"{path}: {exc}; the store keeps its earlier version")
    if index is not None:
        with _writing(path, "writing the search index of"):
            index.write(name, entries, vectors, document.sha256)
            journal.end()
    return Outcome(str(path), "ingested", len(extraction.activities))


def _failed(path: Path, stage: str, exc: Exception) -> Outcome:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return Outcome(
        str(path),
        "error",
        message=f"{path}: unexpected {type(exc).__name__} while {stage} it{at}: {exc}; skipped, "
        "nothing stored. The other files go on; please report this with the file",
    )


@contextmanager
def _writing(path: Path, what: str):
    """Turn a full disk into DiskFull naming the file; other errors pass."""
    try:
        yield
    except DiskFull:
        raise
    except Exception as exc:
        if disk_full(exc):
            raise DiskFull(f"{path}: disk full while {what} it ({exc})") from exc
        raise


def ingest_paths(
    paths: Iterable[str | Path],
    store: GraphStore,
    models: Models | None = None,
    check: bool = True,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda files: files,
    embed: bool = True,
    limits: Limits | None = None,
) -> list[Outcome]:
    """Ingest files and folders; with embed, also (re)write each document's search index entries. First,
    finish what a killed run left between the store and the index. After each document committed, bump
    the index generation (a running server reloads). A full disk stops the run: the file being written and
    all after it come back as errors with disk_full set; what was stored before stays."""
    from ingest.repair import doc_name, finish

    models = models or Models()
    limits = limits or Limits.from_env()
    files, outcomes = expand(paths)
    store.sync_reference()
    search = index_for(store)
    index = None
    if embed:
        index = search
        index.check_model(models.encoder)
        if (finished := finish(store, index, models.lexicon, models.encoder)) is not None:
            outcomes.append(Outcome(doc_name(finished), "repaired", message="finished what an interrupted ingest left"))
    if files:  # load the models before any document's time limit starts
        _ = models.nlp, models.reference
        if check:
            _ = models.document_shapes
    names: dict[str, Path] = {}
    for i, path in enumerate(progress(files)):
        if path.name in names:  # a document is known by its file name
            outcomes.append(
                Outcome(
                    str(path),
                    "error",
                    message=f"{path}: same file name as {names[path.name]}, which this run "
                    "already ingested; rename one of them (documents are identified by file name)",
                )
            )
            continue
        names[path.name] = path
        try:
            outcome = ingest_file(path, store, models, check, index, limits)
        except DiskFull as exc:
            outcomes.append(Outcome(str(path), "error", message=str(exc), disk_full=True))
            outcomes += [Outcome(str(p), "error", message=f"{p}: not stored (disk full)", disk_full=True) for p in files[i + 1 :]]
            break
        except (IngestError, OSError) as exc:  # the store or the index failed while this file was written
            outcomes.append(
                Outcome(
                    str(path),
                    "error",
                    message=f"{path}: {exc}; run `iackg doctor` to see what the store and the search index hold, and ingest it again",
                )
            )
            continue
        outcomes.append(outcome)
        if outcome.status in ("ingested", "repaired"):
            try:
                search.bump_generation()
            except OSError as exc:
                if not disk_full(exc):
                    raise
                outcomes += [Outcome(str(p), "error", message=f"{p}: not stored (disk full)", disk_full=True) for p in files[i + 1 :]]
                break
    return outcomes
