"""Queries run in worker processes, so that a timeout really stops a query's work.

pyoxigraph cannot interrupt a running query. Each worker process opens the store read-only and runs one
query at a time; when a query outlives its timeout the worker is killed (its work stops with it) and a
fresh one starts in the background, while the other workers go on answering at once.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from server.results import Result, from_answer, serialize


class QueryTimeout(Exception):
    pass


class QueryBusy(Exception):
    """Every worker stayed busy for the whole timeout."""


class QueryFailed(Exception):
    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind  # syntax or error
        super().__init__(message)


@dataclass(frozen=True)
class Request:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    substitutions: tuple[tuple[str, tuple], ...] = ()
    limit: int = 10000
    prefixes: tuple[tuple[str, str], ...] = ()
    formats: tuple[str | None, str | None] = (None, None)  # serialise in the worker: (results format, graph format)


def _from_term(ox, term: tuple):
    if term[0] == "uri":
        return ox.NamedNode(term[1])
    if term[0] == "bnode":
        return ox.BlankNode(term[1])
    if term[3]:
        return ox.Literal(term[1], language=term[3])
    return ox.Literal(term[1], datatype=ox.NamedNode(term[2]))


def execute(store, request: Request) -> Result:
    """Run one query on a pyoxigraph store; keep at most request.limit rows (or triples). With
    request.formats, the result also carries its serialisation (Result.body), made here."""
    result = _run(store, request)
    results_format, graph_format = request.formats
    fmt = graph_format if result.kind == "graph" else results_format
    if fmt is not None:
        result.body = serialize(result, fmt)
        result.rows, result.graph = [], b""
    return result


def _run(store, request: Request) -> Result:
    import pyoxigraph as ox

    kwargs = {"prefixes": dict(request.prefixes)}
    if request.default_graphs:  # else the store's default graph, which ingest keeps the union of all graphs
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
    if request.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    if request.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): _from_term(ox, v) for k, v in request.substitutions}
    return from_answer(store.query(request.query, **kwargs), request.limit)


class _Worker:
    """A `python -m server.worker STORE` process, spoken to over its standard input and output."""

    def __init__(self, store_path: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "server.worker", store_path],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        self.send_conn = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.conn = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        if not self.conn.poll(60):
            self.kill()
            raise RuntimeError(f"query worker for {store_path} did not start within 60 s")
        try:
            status, detail = self.conn.recv()
        except EOFError:
            status, detail = "died", "see the log above"
        if status != "ready":
            self.kill()
            raise RuntimeError(f"query worker for {store_path} failed to start: {detail}")

    def send(self, request) -> None:
        self.send_conn.send(request)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        for conn in (self.conn, self.send_conn):
            try:
                conn.close()
            except OSError:
                pass


class QueryPool:
    def __init__(self, store_path: str, size: int = 3) -> None:
        self.store_path = str(store_path)
        self.size = size
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # the last used worker has the warmest cache
        self._closed = False
        self.restarts = 0
        for _ in range(size):
            self._idle.put(_Worker(self.store_path))

    def _replace(self) -> None:
        def start():
            if self._closed:
                return
            try:
                self._idle.put(_Worker(self.store_path))
            except RuntimeError as exc:  # the pool runs one worker short; say so where operators look
                print(f"iackg: could not restart a query worker: {exc}", file=sys.stderr, flush=True)
                return
            self.restarts += 1

        threading.Thread(target=start, daemon=True).start()

    def run(self, request: Request, timeout: float) -> Result:
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryBusy(f"all {self.size} query workers stayed busy for {timeout:g} s") from None
        try:
            worker.send(request)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                worker.kill()
                self._replace()
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            worker.kill()
            self._replace()
            raise QueryFailed("error", f"the query worker died ({exc}); try again") from exc
        self._idle.put(worker)
        if status == "ok":
            return payload
        raise QueryFailed(status, payload)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            try:
                worker.send(None)
            except OSError:
                pass
            worker.kill()
