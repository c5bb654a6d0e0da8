"""Where the server's queries run: the embedded store through worker processes (LocalEngine), or a remote
store queried from the request's own thread (RemoteEngine). Both answer the Engine protocol, and both run
a query with server.pool.execute on a store of the store protocol (ingest.stores.GraphStore)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ingest.stores import GraphStore
from server.cache import ResultCache
from server.pool import QueryFailed, QueryPool, Request, execute
from server.results import Result


class Engine(Protocol):
    def run(self, request: Request, timeout: float, client: str = "") -> Result:
        """The answer within timeout seconds; QueryTimeout, QueryBusy or QueryFailed if there is none."""
        ...

    def refresh(self) -> None:
        """The store changed under us (ingest wrote to it): answer from what it holds now."""
        ...

    def figures(self) -> dict:
        """Counters for /health, read without waiting on any query."""
        ...

    def close(self) -> None: ...


def open_engine(config) -> Engine:
    """The engine the app's settings ask for: IACKG_SPARQL_ENDPOINT, else the embedded store IACKG_STORE."""
    from ingest.stores import open_store

    if config["SPARQL_ENDPOINT"]:
        return RemoteEngine(open_store(config["STORE"], config["SPARQL_ENDPOINT"]))
    return LocalEngine(
        str(config["STORE"]),
        int(config["WORKERS"]),
        float(config["CACHE_MB"]),
        queue_size=int(config["QUEUE"]),
        slow_after=float(config["SLOW_AFTER"]),
        expensive=int(config["EXPENSIVE_QUERIES"]),
        per_client=int(config["EXPENSIVE_PER_CLIENT"]),
        memory_mb=float(config["WORKER_MEMORY_MB"]),
    )


class LocalEngine:
    """The embedded store through the query pool, whose timeout stops a query's work; results cached per
    store generation."""

    def __init__(self, store_path: str, workers: int, cache_mb: float = 0, **limits) -> None:
        if not (Path(store_path) / "CURRENT").exists():
            raise FileNotFoundError(f"no store at {store_path}: run `iackg --store {store_path} ingest corpus` first")
        self.store_path = store_path
        self.pool = QueryPool(store_path, workers, **limits)
        self.cache = ResultCache(int(cache_mb * 1_000_000)) if cache_mb > 0 else None

    def refresh(self) -> None:
        """Workers reopen the store, and no cached answer of before is served again."""
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

    def figures(self) -> dict:
        return {"queries": self.pool.admission.figures()}

    def close(self) -> None:
        self.pool.close()


class RemoteEngine:
    """A remote store (an external SPARQL 1.1 server). Its own timeout stops its work; ours only stops
    waiting. Each query's timeout is its own (ingest.remote)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def refresh(self) -> None:
        pass

    def run(self, request: Request, timeout: float, client: str = "") -> Result:
        from server.outbound import refuse_service

        refuse_service(request.query)  # the external server would make the call: decide before sending
        try:
            return execute(self.store, request, timeout)
        except SyntaxError as exc:
            raise QueryFailed("syntax", str(exc)) from exc

    def figures(self) -> dict:
        return {}

    def close(self) -> None:
        self.store.close()
