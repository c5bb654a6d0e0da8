"""Where queries run: the embedded store through worker processes, or an external SPARQL server."""

from __future__ import annotations

from pathlib import Path

from server.cache import ResultCache
from server.pool import QueryPool, Request
from server.results import Result, from_answer


class LocalEngine:
    """The embedded store through the query pool; results cached per store generation."""

    def __init__(self, store_path: str, workers: int, cache_mb: float = 0, **limits) -> None:
        if not (Path(store_path) / "CURRENT").exists():
            raise FileNotFoundError(f"no store at {store_path}: run `iackg --store {store_path} ingest corpus` first")
        self.store_path = store_path
        self.pool = QueryPool(store_path, workers, **limits)
        self.cache = ResultCache(int(cache_mb * 1_000_000)) if cache_mb > 0 else None

    def refresh(self) -> None:
        """The store changed under us: workers reopen it, and no cached answer of before is served again."""
        self.pool.refresh()
        if self.cache is not None:
            self.cache.clear()

    def run(self, request: Request, timeout: float, client: str = "") -> Result:
        if self.cache is None:
            return self.pool.run(request, timeout, client)
        key = (self.pool.generation, request)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        result = self.pool.run(request, timeout, client)
        self.cache.put(key, result)
        return result

    def close(self) -> None:
        self.pool.close()


class RemoteEngine:
    """An external SPARQL 1.1 server. Its own timeout stops its work; ours only stops waiting."""

    def __init__(self, endpoint: str) -> None:
        from ingest.remote import RemoteStore

        self.store = RemoteStore(endpoint)

    def refresh(self) -> None:
        pass

    def run(self, request: Request, timeout: float, client: str = "") -> Result:
        import pyoxigraph as ox

        from ingest.saved import inline_values
        from server.outbound import refuse_service
        from server.pool import QueryFailed, _from_term

        refuse_service(request.query)  # the external server would make the call: decide before sending
        self.store.timeout = timeout
        query = request.query
        if request.substitutions:
            query = inline_values(query, {k: _from_term(ox, v) for k, v in request.substitutions})
        try:
            answer = self.store.query(query, prefixes=dict(request.prefixes), default_graphs=request.default_graphs,
                                      named_graphs=request.named_graphs)
        except SyntaxError as exc:
            raise QueryFailed("syntax", str(exc)) from exc
        return from_answer(answer, request.limit)

    def close(self) -> None:
        pass

