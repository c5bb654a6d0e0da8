"""A bounded LRU cache of query results for the embedded store.

Keys carry the store's generation, and the server clears the cache when ingest changes the store, so a
cached answer is the answer of the store as it is. Results of external endpoints, whose data may change
at any time, are not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from server.results import Result


class ResultCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, tuple[Result, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def _size(result: Result) -> int:
        return len(result.body or b"") + len(result.graph) + 64 * len(result.rows) * max(1, len(result.vars)) + 256

    def get(self, key: tuple) -> Result | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[0]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def put(self, key: tuple, result: Result) -> None:
        size = self._size(result)
        if size > self.max_bytes // 4:  # a huge answer would flush everything else
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (result, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped
