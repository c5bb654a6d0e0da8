"""Admission control for the query pool: who may wait for a worker, and who may run long.

- At most `queue` requests wait for a worker; one more is answered 503 with Retry-After at once, so request
  threads are never all tied up waiting and /health and pages keep answering.
- A query that runs longer than the pool's slow_after becomes expensive. At most `expensive` expensive
  queries run at once, and at most `per_client` for one client; a query that needs a slot when none is
  free is stopped at once (503, with Retry-After the time until a slot frees).
- The shape of an expensive query (its text without constants and comments, see sparqltext.shape) is
  remembered for a while: the same query again asks for its expensive slot before it takes a worker, so
  a storm of runaway queries cannot keep the workers from the normal ones.
- The shape of a query that answered quickly is remembered too (is_cheap): the pool keeps one worker for
  such queries, so that runaway queries of shapes never seen cannot take every worker either.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict


class Busy(Exception):
    """No room for this query now; retry_after says when to come back."""

    def __init__(self, message: str, retry_after: float = 1) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(message)


class Admission:
    def __init__(self, queue: int, expensive: int, per_client: int, remember_s: float = 600, remember_max: int = 1000) -> None:
        self.queue, self.expensive, self.per_client = queue, expensive, per_client
        self.remember_s, self.remember_max = remember_s, remember_max
        self.waiting = 0
        self._slots: dict[int, tuple[str, float]] = {}  # slot id -> (client, deadline)
        self._known: OrderedDict[str, float] = OrderedDict()  # shape -> when forgotten
        self._cheap: OrderedDict[str, None] = OrderedDict()  # shapes that answered within slow_after, newest last
        self._lock = threading.Lock()
        self._next = 0
        self.refused = {"queue": 0, "expensive": 0}

    # ------------------------------------------------------------------------------------ waiting for a worker

    def enter_queue(self) -> None:
        with self._lock:
            if self.waiting >= self.queue:
                self.refused["queue"] += 1
                raise Busy(f"{self.waiting} queries are already waiting for a query worker (IACKG_QUEUE)", 1)
            self.waiting += 1

    def leave_queue(self) -> None:
        with self._lock:
            self.waiting -= 1

    # ------------------------------------------------------------------------------------ expensive queries

    def is_known(self, shape: str) -> bool:
        with self._lock:
            until = self._known.get(shape)
            if until is None:
                return False
            if until < time.monotonic():
                del self._known[shape]
                return False
            return True

    def remember(self, shape: str) -> None:
        with self._lock:
            self._known[shape] = time.monotonic() + self.remember_s
            self._known.move_to_end(shape)
            while len(self._known) > self.remember_max:
                self._known.popitem(last=False)

    def note_cheap(self, shape: str) -> None:
        with self._lock:
            self._cheap[shape] = None
            self._cheap.move_to_end(shape)
            while len(self._cheap) > 10 * self.remember_max:
                self._cheap.popitem(last=False)

    def is_cheap(self, shape: str) -> bool:
        """Answered quickly before, and not found expensive since."""
        with self._lock:
            return shape in self._cheap and shape not in self._known

    def take_slot(self, client: str, deadline: float) -> int:
        """A slot for an expensive query of client's, running until deadline at the latest; or Busy."""
        with self._lock:
            now = time.monotonic()
            mine = [d for c, d in self._slots.values() if c == client]
            if len(mine) >= self.per_client:
                self.refused["expensive"] += 1
                raise Busy(
                    f"this client already runs {len(mine)} long {'query' if len(mine) == 1 else 'queries'} "
                    f"(IACKG_EXPENSIVE_PER_CLIENT={self.per_client}); wait for it to finish",
                    min(mine) - now,
                )
            if len(self._slots) >= self.expensive:
                self.refused["expensive"] += 1
                soonest = min(d for _, d in self._slots.values())
                raise Busy(f"{len(self._slots)} long queries are already running (IACKG_EXPENSIVE_QUERIES)", soonest - now)
            self._next += 1
            self._slots[self._next] = (client, deadline)
            return self._next

    def release(self, slot: int | None) -> None:
        if slot is not None:
            with self._lock:
                self._slots.pop(slot, None)

    def figures(self) -> dict:
        with self._lock:
            return {
                "waiting": self.waiting,
                "expensive_running": len(self._slots),
                "known_expensive": len(self._known),
                "refused": dict(self.refused),
            }
