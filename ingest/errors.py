"""Errors of the ingest package. Each message names the input, what is wrong with it, and what to do."""

from __future__ import annotations


class IngestError(Exception):
    """Base class: something the user can fix."""


class BadDocument(IngestError):
    """A source file that cannot be read as a programme document. It is reported and skipped."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreError(IngestError):
    """The store cannot be opened or written."""
