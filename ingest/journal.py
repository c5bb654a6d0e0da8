"""The ingest journal: which document is between its store write and its index write.

Ingest writes a document to the store first (one transaction), then its search index entries (committed
by one rename). Before the store write it records the document here, and clears the record once the
index holds the same version. A record found at the start of the next run means that run was killed in
between; ingest.repair.finish then brings the index in line with the store, whatever files that run is
given. The record is one small JSON file, STORE.search/journal, replaced whole (never half-written).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pending:
    doc: str  # document IRI
    sha256: str  # the version being written
    path: str  # the source file


class Journal:
    def __init__(self, folder: Path) -> None:
        self.file = Path(folder) / "journal"

    def begin(self, doc: str, sha256: str, path: str) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump({"doc": doc, "sha256": sha256, "path": path}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.file)

    def end(self) -> None:
        self.file.unlink(missing_ok=True)

    def pending(self) -> Pending | None:
        """The interrupted document, if any. A record that does not parse (the disk filled while writing
        it, before the store was touched) is dropped."""
        try:
            record = json.loads(self.file.read_text(encoding="utf-8"))
            return Pending(record["doc"], record["sha256"], record.get("path", ""))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            self.end()
            return None
