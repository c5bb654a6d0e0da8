"""Per-document limits: a file over the size limit is not read, and reading, extracting, building,
checking and embedding one document (all that comes before its first write) must end within the time limit. Both are settings (IACKG_MAX_DOCUMENT_MB,
IACKG_DOCUMENT_TIMEOUT; 0 switches a limit off)."""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_MAX_MB = 20.0
DEFAULT_TIMEOUT = 60.0


class DocumentTimeout(BaseException):
    """Raised by SIGALRM in the middle of a document's work. A BaseException, so that no library's
    `except Exception` swallows it; ingest catches it and names the file."""


@dataclass(frozen=True)
class Limits:
    max_mb: float = DEFAULT_MAX_MB  # 0: no size limit
    timeout: float = DEFAULT_TIMEOUT  # seconds; 0: no time limit

    @classmethod
    def from_env(cls) -> Limits:
        return cls(_number("IACKG_MAX_DOCUMENT_MB", DEFAULT_MAX_MB), _number("IACKG_DOCUMENT_TIMEOUT", DEFAULT_TIMEOUT))

    def too_big(self, size: int) -> str | None:
        """Why a file of size bytes is skipped, or None."""
        if self.max_mb and size > self.max_mb * 1024 * 1024:
            return (
                f"{size / 1024 / 1024:.1f} MB is over the {self.max_mb:g} MB limit (IACKG_MAX_DOCUMENT_MB, "
                "--max-document-mb); skipped, not read: split the file or raise the limit"
            )
        return None

    def too_slow(self) -> str:
        return (
            f"took longer than {self.timeout:g} s (IACKG_DOCUMENT_TIMEOUT, --document-timeout); skipped, "
            "nothing stored: split the file or raise the limit"
        )


def _number(variable: str, default: float) -> float:
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{variable}={raw!r} is not a number; give a number (0 switches the limit off)") from None
    if value < 0:
        raise ValueError(f"{variable}={raw!r} is negative; give a number >= 0 (0 switches the limit off)")
    return value


@contextmanager
def time_limit(seconds: float):
    """Raise DocumentTimeout in this block after seconds (ITIMER_REAL and SIGALRM). It interrupts Python
    code only, between bytecodes: a long call into C ends first. Off the main thread, or with seconds 0,
    there is no limit. A timer already set by someone else is put back afterwards."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout()

    began = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    earlier, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, earlier - (time.monotonic() - began)))
