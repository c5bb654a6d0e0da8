"""read -> extract -> build -> validate -> store, for many files, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal
from rdflib.namespace import SH, SKOS

from ingest.build import build, document_iri
from ingest.errors import BadDocument, StoreError
from ingest.extract import extract
from ingest.nlp import build_nlp
from ingest.read import read
from ingest.reference import Lexicon, build_lexicon, load_reference
from ingest.store import Store
from ingest.validate import validate
from ingest.vocab import IAC

if TYPE_CHECKING:
    from ingest.index import SearchIndex

REFERENCE_CLASSES = {IAC.Country, IAC.Region, IAC.Place, SKOS.Concept}


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # ingested, unchanged, error
    activities: int = 0
    message: str = ""


class Models:
    """The reference graph, lexicon, shapes and spaCy pipeline, loaded once, on first use."""

    @cached_property
    def reference(self) -> Graph:
        return load_reference()

    @cached_property
    def lexicon(self) -> Lexicon:
        return build_lexicon(self.reference)

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


def index_for(store) -> SearchIndex:
    """The search index of an embedded or external store (see SearchIndex.beside)."""
    from ingest.index import SearchIndex

    return SearchIndex.beside(store.path if isinstance(store, Store) else None)


def ingest_file(path: Path, store: Store, models: Models, check: bool = True, index=None) -> Outcome:
    """One document, one transaction. Raises nothing for bad input: the outcome says what went wrong."""
    try:
        document = read(path)
    except BadDocument as exc:
        return Outcome(str(path), "error", message=str(exc))
    name = str(document_iri(document.name))
    if store.graph_sha(name) == document.sha256:
        return Outcome(str(path), "unchanged")
    extraction = extract(document, models.nlp, models.lexicon)
    graph = build(extraction, models.lexicon)
    if check:
        report = validate(graph + models.reference, models.document_shapes)
        if not report.conforms:
            return Outcome(str(path), "error", message=f"{path}: extracted data does not conform to the shapes; nothing stored.\n{report.text}")
    try:
        store.replace_graph(name, graph)
    except StoreError as exc:
        return Outcome(str(path), "error", message=f"{path}: {exc}; the store keeps its earlier version")
    if index is not None:
        from ingest.index import entries_for

        entries = entries_for(extraction, models.lexicon)
        index.write(name, entries, models.encoder.encode([e.text for e in entries]))
    return Outcome(str(path), "ingested", len(extraction.activities))


def ingest_paths(paths: Iterable[str | Path], store: Store, models: Models | None = None, check: bool = True,
                 progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda files: files, embed: bool = True) -> list[Outcome]:
    """Ingest files and folders; with embed, also (re)write each document's search index entries."""
    models = models or Models()
    files, outcomes = expand(paths)
    store.sync_reference()
    index = None
    if embed:
        index = index_for(store)
        index.check_model(models.encoder)
    names: dict[str, Path] = {}
    for path in progress(files):
        if path.name in names:  # a document is known by its file name
            outcomes.append(Outcome(str(path), "error", message=f"{path}: same file name as {names[path.name]}, which this run "
                                    "already ingested; rename one of them (documents are identified by file name)"))
            continue
        names[path.name] = path
        outcomes.append(ingest_file(path, store, models, check, index))
    return outcomes
