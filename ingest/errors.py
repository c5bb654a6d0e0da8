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


class QueryTimeout(StoreError):
    """A query ran past the timeout its caller gave. The server answers it with 503, not 500."""


class DiskFull(StoreError):
    """The disk under the store or the search index is full. Ingest stops: every later file would fail too."""


def disk_full(exc: BaseException | None) -> bool:
    """Whether exc (or what it was raised from) says that no space is left (ENOSPC, EDQUOT, EFBIG)."""
    import errno

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return True
        text = str(exc).lower()
        if "no space left" in text or "os error 28" in text or "disk quota exceeded" in text:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class ParameterError(IngestError):
    """A saved query was given a missing, unknown or unresolvable parameter."""
