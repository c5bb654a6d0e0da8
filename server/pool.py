"""Queries run in worker processes, so that a timeout really stops a query's work.

pyoxigraph cannot interrupt a running query. Each worker process opens the store read-only, without
network and with capped memory (server/worker.py), and runs one query at a time. `size` workers serve
normal queries. A query still running after slow_after seconds (PRESSURE_AFTER while other queries wait
for a worker) becomes expensive (server/admission.py):
its worker is given the lowest CPU priority and replaced by a fresh one, so that normal queries keep
their workers; it is stopped at its timeout, or at once when no expensive slot is free. A worker that
dies (memory cap, crash) is logged with what it was running and replaced.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection

from ingest.errors import QueryTimeout  # the one timeout error, stores and pool alike
from server.admission import Admission, Busy
from server.results import Result, from_answer, from_term, serialize

PRESSURE_AFTER = 0.25  # seconds after which a running query counts as expensive while others wait for a worker


class QueryBusy(Busy):
    """No worker or expensive slot for this query now (see Busy.retry_after)."""


class QueryFailed(Exception):
    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind  # syntax, outbound, memory, crash or error
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
    base_iri: str | None = None  # relative IRIs in the query resolve against it


def execute(store, request: Request, timeout: float | None = None) -> Result:
    """Run one query on a store (ingest.stores.GraphStore); keep at most request.limit rows (or triples). With
    request.formats, the result also carries its serialisation (Result.body), made here."""
    answer = store.query(
        request.query,
        prefixes=dict(request.prefixes),
        base_iri=request.base_iri,
        default_graphs=request.default_graphs,
        named_graphs=request.named_graphs,
        substitutions={k: from_term(v) for k, v in request.substitutions},
        timeout=timeout,
    )
    result = from_answer(answer, request.limit)
    results_format, graph_format = request.formats
    fmt = graph_format if result.kind == "graph" else results_format
    if fmt is not None:
        result.body = serialize(result, fmt)
        result.rows, result.graph = [], b""
    return result


class _Worker:
    """A `python -m server.worker STORE MEMORY_MB` process, spoken to over its standard input and output;
    what it writes to standard error is logged, and its last lines kept to explain how it stopped."""

    def __init__(self, store_path: str, memory_mb: float, generation: int) -> None:
        self.generation = generation
        self.demoted = False
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.worker", store_path, str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            close_fds=True,
        )
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None  # (both are pipes)
        self.send_conn = Connection(os.dup(stdin.fileno()), readable=False)
        self.conn = Connection(os.dup(stdout.fileno()), writable=False)
        stdin.close()
        stdout.close()
        self.said: deque[str] = deque(maxlen=5)
        threading.Thread(target=self._log, daemon=True).start()
        if not self.conn.poll(60):
            self.kill()
            raise RuntimeError(f"query worker for {store_path} did not start within 60 s")
        try:
            status, detail = self.conn.recv()
        except EOFError:
            status, detail = "died", "; ".join(self.said) or "see the log above"
        if status != "ready":
            self.kill()
            raise RuntimeError(f"query worker for {store_path} failed to start: {detail}")

    def _log(self) -> None:
        for raw in self.process.stderr or ():
            line = raw.decode("utf-8", "replace").rstrip()
            self.said.append(line)
            print(f"iackg: query worker {self.process.pid}: {line}", file=sys.stderr, flush=True)

    def send(self, request) -> None:
        self.send_conn.send(request)

    def demote(self) -> None:
        """Lowest CPU priority: what it runs now is expensive, and normal queries come first."""
        self.demoted = True
        pid = self.process.pid
        try:  # on Linux a nice value belongs to each thread: the query runs on one of the worker's own
            threads = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
        except OSError:
            threads = [pid]
        for thread in threads:
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, thread, 19)

    def death(self, request: Request, memory_mb: float) -> QueryFailed:
        """Why the worker stopped while running request, logged, as the error to answer."""
        try:
            code = self.process.wait(2)
        except subprocess.TimeoutExpired:
            code = None
        time.sleep(0.05)  # let the log thread read its last words
        said = " ".join(self.said)
        how = signal.Signals(-code).name if code is not None and code < 0 else f"exit status {code}"
        print(
            f"iackg: query worker {self.process.pid} stopped ({how}) running a query of {len(request.query)} characters: "
            f"{request.query[:200]!r}",
            file=sys.stderr,
            flush=True,
        )
        if "memory allocation" in said or "MemoryError" in said or "bad_alloc" in said:
            return QueryFailed(
                "memory", f"the query needed more than the {memory_mb:g} MB a query worker may use (IACKG_WORKER_MEMORY_MB) and was stopped"
            )
        return QueryFailed("crash", f"the query worker stopped ({how}) while running this query; it was logged and a new worker started")

    def kill(self) -> None:
        self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        for conn in (self.conn, self.send_conn):
            with contextlib.suppress(OSError):
                conn.close()


class QueryPool:
    def __init__(
        self,
        store_path: str,
        size: int = 3,
        *,
        queue_size: int = 8,
        slow_after: float = 1.0,
        expensive: int = 2,
        per_client: int = 1,
        memory_mb: float = 1024,
    ) -> None:
        self.store_path = str(store_path)
        self.size = size
        self.slow_after = slow_after
        self.memory_mb = memory_mb
        self.admission = Admission(queue_size, expensive, per_client)
        # queries of shapes not seen answering quickly may hold all workers but one, kept for those that have
        self._untried = threading.BoundedSemaphore(max(1, size - 1))
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # the last used worker has the warmest cache
        self._closed = False
        self.generation = 0
        self.restarts = 0
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        return _Worker(self.store_path, self.memory_mb, self.generation)

    def _replace(self) -> None:
        def start():
            if self._closed:
                return
            try:
                self._idle.put(self._start())
            except RuntimeError as exc:  # the pool runs one worker short; say so where operators look
                print(f"iackg: could not restart a query worker: {exc}", file=sys.stderr, flush=True)
                return
            self.restarts += 1

        threading.Thread(target=start, daemon=True).start()

    def refresh(self) -> None:
        """The store changed: every worker opens it again before its next query."""
        self.generation += 1

    def _checkout(self, deadline: float, give_up=lambda: False) -> _Worker | None:
        """An idle worker that sees the current store, waiting until deadline at most; None as soon as
        give_up() is true (checked every 0.1 s while waiting)."""
        while True:
            left = deadline - time.monotonic()
            try:
                worker = self._idle.get(timeout=max(0.0, min(0.1, left)))
            except queue.Empty:
                if give_up():
                    return None
                if left <= 0.1:
                    raise QueryBusy(f"all {self.size} query workers stayed busy until the query's timeout", 2) from None
                continue
            if worker.generation == self.generation:
                return worker
            generation = self.generation
            try:
                worker.send(("reopen",))
                if worker.conn.poll(30) and worker.conn.recv()[0] == "reopened":
                    worker.generation = generation
                    return worker
            except (EOFError, OSError):
                pass
            worker.kill()
            self._replace()

    def _retire(self, worker: _Worker) -> None:
        """A worker that ran an expensive query was replaced when it was demoted: it stops now."""
        if worker.demoted:
            worker.kill()
        else:
            self._idle.put(worker)

    def _lost(self, worker: _Worker) -> None:
        worker.kill()
        if not worker.demoted:
            self._replace()

    def _watch(self, worker: _Worker, kind: str, client: str, deadline: float) -> int | None:
        """Wait for a normal query's answer until it is found expensive: running longer than slow_after, or
        than PRESSURE_AFTER while other queries wait for a worker. Then it needs an expensive slot: it takes
        one and its worker is demoted (and replaced), or it is stopped (QueryBusy). None: it answered, or
        reached its deadline, in time."""
        started = time.monotonic()
        while True:
            now = time.monotonic()
            limit = self.slow_after if not self.admission.waiting else min(self.slow_after, PRESSURE_AFTER)
            if now - started >= limit:
                break
            if now >= deadline or worker.conn.poll(max(0.0, min(0.05, started + limit - now, deadline - now))):
                return None
        self.admission.remember(kind)
        try:
            slot = self.admission.take_slot(client, deadline)
        except Busy as exc:
            self._lost(worker)
            raise QueryBusy(f"the query ran long (IACKG_SLOW_AFTER) and was stopped: {exc}", exc.retry_after) from None
        worker.demote()
        self._replace()
        return slot

    def run(self, request: Request, timeout: float, client: str = "") -> Result:
        from ingest.sparqltext import shape

        deadline = time.monotonic() + timeout
        kind = shape(request.query)
        slot = self.admission.take_slot(client, deadline) if self.admission.is_known(kind) else None
        gate = None if slot is not None or self.admission.is_cheap(kind) else self._untried
        untried = None  # the gate, once this query holds it
        try:
            self.admission.enter_queue()
            try:  # a query whose shape is found expensive while it waits asks for its slot at once
                if gate is not None:
                    if not gate.acquire(timeout=max(0.0, deadline - time.monotonic())):
                        raise QueryBusy(f"{self.size - 1} queries of untried shapes kept every worker busy until the query's timeout", 2)
                    untried = gate
                worker = self._checkout(deadline, give_up=lambda: slot is None and self.admission.is_known(kind))
                if worker is None:
                    slot = self.admission.take_slot(client, deadline)
                    worker = self._checkout(deadline)
                    assert worker is not None  # (without give_up it waits for one, or raises QueryBusy)
            finally:
                self.admission.leave_queue()
            if slot is not None:
                worker.demote()
                self._replace()
            try:
                worker.send(request)
                if slot is None:
                    slot = self._watch(worker, kind, client, deadline)
                    if slot is None and worker.conn.poll(0):  # answered within slow_after
                        self.admission.note_cheap(kind)
                if untried is not None:  # answered, or demoted and replaced: it holds no normal worker now
                    untried.release()
                    untried = None
                if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                    self._lost(worker)
                    raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
                status, payload = worker.conn.recv()
            except (EOFError, OSError) as exc:
                failure = worker.death(request, self.memory_mb)
                self.admission.remember(kind)  # were it tried again, it would run in the expensive lane
                self._lost(worker)
                raise failure from exc
            self._retire(worker)
        finally:
            self.admission.release(slot)
            if untried is not None:
                untried.release()
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
            with contextlib.suppress(OSError):
                worker.send(None)
            worker.kill()
