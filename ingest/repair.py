"""One truth for a document across the store and the search index.

The store is the truth: a document's named graph keeps its text (iac:text), title, format, source SHA-256
and activities with their evidence. The search index records, for each document, the version (SHA-256)
it was built from. They agree on a document when the index holds the store's version. This module
- rebuilds a document's index entries from its named graph alone (no source file, no spaCy);
- finishes a document an interrupted ingest left in the store but not in the index (ingest.journal);
- compares the two (`iackg doctor`) and rebuilds the index from the store (`iackg reindex`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ingest.errors import IngestError
from ingest.index import Entry, IndexError_, SearchIndex, document_entries
from ingest.journal import Journal
from ingest.read import Document, resegment
from ingest.records import Activity, Evidence
from ingest.reference import Lexicon
from ingest.vocab import IAC, OA, SCHEMA

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCTERMS = "http://purl.org/dc/terms/"


def _graph(store, name: str) -> dict[str, dict[str, list]]:
    """The named graph as {subject: {predicate: [objects]}} (pyoxigraph terms)."""
    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        t = t.triple if hasattr(t, "triple") else t
        out[t.subject.value][t.predicate.value].append(t.object)
    return out


def _one(node: dict[str, list], predicate: str) -> str | None:
    values = node.get(str(predicate))
    return values[0].value if values else None


def stored_entries(store, name: str, lexicon: Lexicon) -> tuple[str, list[Entry]]:
    """(sha256, index entries) of document name, from its named graph alone. The same entries as ingest
    gives, but for the order of names and topics, which the graph does not keep."""
    graph = _graph(store, name)
    doc = graph.get(name) or {}
    text = _one(doc, IAC.text)
    if text is None:
        raise IngestError(f"the store has no text for <{name}>: ingest its source file again")
    fmt, sha = _one(doc, IAC.format) or "txt", _one(doc, IAC.sha256) or ""
    document = Document(_one(doc, DCTERMS + "identifier") or name.rsplit("/", 1)[-1], "", fmt, sha, text, resegment(text, fmt))
    title = _one(doc, DCTERMS + "title") or document.name
    activities = []
    for iri, node in graph.items():
        types = {t.value for t in node.get(RDF_TYPE, ())}
        if str(IAC.Activity) not in types or name not in {o.value for o in node.get(PROV_DERIVED, ())}:
            continue
        activities.append((iri, _activity(graph, node, types, lexicon)))
    activities.sort(key=lambda pair: (min((e.start for e in pair[1].evidence), default=0), pair[0]))
    return sha, document_entries(document, title, activities, lexicon)


def _activity(graph, node, types: set[str], lexicon: Lexicon) -> Activity:
    specific = max(sorted(types - {str(IAC.Activity)}) or [str(IAC.Activity)], key=lambda t: len(lexicon.superclasses.get(t, ())))
    evidence = []
    for ev in node.get(str(IAC.evidence), ()):
        annotation = graph.get(ev.value, {})
        target = graph.get(_one(annotation, OA.hasTarget) or "", {})
        selectors = [graph.get(s.value, {}) for s in target.get(str(OA.hasSelector), ())]
        exact = next((v for s in selectors if (v := _one(s, OA.exact)) is not None), "")
        start = next((int(v) for s in selectors if (v := _one(s, OA.start)) is not None), 0)
        end = next((int(v) for s in selectors if (v := _one(s, OA.end)) is not None), start)
        evidence.append(Evidence(start, end, exact, _one(annotation, IAC.segmentKind) or "paragraph"))
    iris = lambda p: tuple(sorted(o.value for o in node.get(str(p), ())))  # noqa: E731
    return Activity(
        key="",
        type=specific,
        label=_one(node, RDFS_LABEL) or "",
        start=_one(node, SCHEMA.startDate),
        end=_one(node, SCHEMA.endDate),
        place=_one(node, SCHEMA.location),
        online=_one(node, SCHEMA.eventAttendanceMode) == str(SCHEMA.OnlineEventAttendanceMode),
        planned=_one(node, SCHEMA.eventStatus) == str(SCHEMA.EventScheduled),
        beneficiaries=iris(IAC.beneficiary),
        donors=iris(IAC.donor),
        partners=(),
        hosts=(),
        topics=iris(IAC.topic),
        working_areas=(),
        part_of=None,
        evidence=tuple(sorted(evidence, key=lambda e: (e.start, e.end))),
    )


def reembed(store, index: SearchIndex, name: str, lexicon: Lexicon, encoder) -> int:
    """Write document name's index entries from the store; returns how many activities it has."""
    sha, entries = stored_entries(store, name, lexicon)
    index.write(name, entries, encoder.encode([e.text for e in entries]), sha)
    return sum(e.kind == "activity" for e in entries)


def finish(store, index: SearchIndex, lexicon: Lexicon, encoder) -> str | None:
    """Finish what a killed ingest left between the store and the index (ingest.journal): the index takes
    the store's version of the document, or drops it if the store has none. Returns the document, if any."""
    journal = Journal(index.path)
    pending = journal.pending()
    if pending is None:
        return None
    stored = store.graph_sha(pending.doc)
    if stored is None:
        index.remove(pending.doc)
    elif index.version(pending.doc) != stored:
        reembed(store, index, pending.doc, lexicon, encoder)
    journal.end()
    index.bump_generation()
    return pending.doc


@dataclass(frozen=True)
class Report:
    """What `iackg doctor` found. Each list holds document IRIs, but broken holds messages."""

    documents: int  # in the store
    missing: tuple[str, ...] = ()  # in the store, not in the index
    stale: tuple[str, ...] = ()  # in both, at another version
    orphans: tuple[str, ...] = ()  # in the index, not in the store
    broken: tuple[str, ...] = ()  # why index files do not load
    broken_docs: tuple[str, ...] = field(default=(), repr=False)  # the documents of those files, where known
    unreadable: tuple[str, ...] = field(default=(), repr=False)  # NAME.json files that do not parse

    @property
    def consistent(self) -> bool:
        return not (self.missing or self.stale or self.orphans or self.broken)

    def to_repair(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.missing) | set(self.stale) | set(self.broken_docs)))


def check(store, index: SearchIndex) -> Report:
    """Compare the store's documents (and versions) with the index's, loading every index file."""
    stored = {name: store.graph_sha(name) for name in store.documents()}
    versions: dict[str, str] = {}
    broken, broken_docs, unreadable = [], [], []
    for meta, record in index.records().items():
        if "error" in record:
            broken.append(record["error"])
            unreadable.append(str(meta))
            continue
        try:
            index.load_one(meta, record)
        except IndexError_ as exc:
            broken.append(str(exc))
            broken_docs.append(record.get("doc", ""))
            continue
        versions[record.get("doc", "")] = record.get("sha256", "")
    known = set(versions) | set(broken_docs)
    return Report(
        documents=len(stored),
        missing=tuple(sorted(n for n in stored if n not in known)),
        stale=tuple(sorted(n for n in stored if n in versions and versions[n] != stored[n])),
        orphans=tuple(sorted(n for n in known if n and n not in stored)),
        broken=tuple(broken),
        broken_docs=tuple(sorted(d for d in broken_docs if d in stored)),
        unreadable=tuple(unreadable),
    )


def reindex(store, index: SearchIndex, lexicon: Lexicon, encoder, names: tuple[str, ...] | None = None) -> list[str]:
    """Rebuild the index entries of names (all documents when None) from the store; with None, also drop
    index files of documents the store does not have, and unreadable ones. Returns the documents written."""
    index.check_model(encoder)
    docs = list(names) if names is not None else store.documents()
    for name in docs:
        reembed(store, index, name, lexicon, encoder)
    if names is None:
        keep = {index._files(d)[0].name for d in docs}
        for meta in index.records():
            if meta.name not in keep:
                index.remove_file(meta)
        index.sweep()
    Journal(index.path).end()
    index.bump_generation()
    return docs


def mend(store, index: SearchIndex, report: Report, lexicon: Lexicon, encoder) -> list[str]:
    """Make the index agree with the store where report says it does not: drop entries of documents the
    store lacks and files that do not parse, rebuild the others from the store. Returns the documents written."""
    from pathlib import Path

    index.check_model(encoder)
    for meta in report.unreadable:
        Path(meta).unlink(missing_ok=True)
    for doc in report.orphans:
        index.remove(doc)
    index.sweep()
    return reindex(store, index, lexicon, encoder, names=report.to_repair())


def doc_name(iri: str) -> str:
    """The file name a document IRI stands for."""
    from urllib.parse import unquote

    return unquote(iri.rsplit("/", 1)[-1])
