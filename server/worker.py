"""A query worker process: `python -m server.worker STORE MEMORY_MB`. Reads Requests from standard input,
answers Results on standard output (multiprocessing Connection framing), running each on the embedded
store (ingest.store.Store, read-only) with server.pool.execute. Started and killed by server.pool.

Before it opens the store the worker gives up the network (no socket but a Unix one: SERVICE cannot reach
anything) and caps its memory. Queries run on a thread with a large stack, so that the parser's recursion
on a deeply nested query (within the server's nesting limit) cannot overflow it. ("reopen",) makes it open
the store again, to see what ingest wrote since.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from multiprocessing.connection import Connection

STACK_MB = 256


def _answer(store, request) -> tuple[str, object]:
    from server.pool import execute

    try:
        return "ok", execute(store, request)
    except SyntaxError as exc:
        return "syntax", str(exc)
    except OSError as exc:  # the network is closed to this process: a SERVICE call ends here
        if exc.errno == 1 or "os error 1" in str(exc) or "service" in request.query.lower():
            return "outbound", str(exc)
        return "error", f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - a worker reports every failure to its caller and lives on
        if "service" in str(exc).lower():  # e.g. SERVICE ?var: refused like any other SERVICE
            return "outbound", str(exc)
        return "error", f"{type(exc).__name__}: {exc}"


def serve(incoming: Connection, outgoing: Connection, path: str) -> None:
    from ingest.store import Store

    store = Store(path, read_only=True)
    outgoing.send(("ready", None))
    while True:
        try:
            request = incoming.recv()
        except EOFError:
            return
        if request is None:
            return
        if isinstance(request, tuple) and request[0] == "reopen":
            del store
            store = Store(path, read_only=True)
            outgoing.send(("reopened", None))
            continue
        outgoing.send(_answer(store, request))


def main() -> None:
    incoming, outgoing = Connection(0, writable=False), Connection(1, readable=False)
    sys.stdout = sys.stderr  # nothing else may write to the answer channel
    path, memory_mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0
    try:
        from server.sandbox import cap_memory, deny_network

        if not deny_network():
            outgoing.send(("failed", "could not close the network to the query worker (seccomp is unavailable here)"))
            return
        cap_memory(memory_mb)
        threading.stack_size(STACK_MB * 1024 * 1024)
    except Exception as exc:  # noqa: BLE001 - report any start-up failure to the parent, then stop
        outgoing.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    failure: list[str] = []

    def run() -> None:
        try:
            serve(incoming, outgoing, path)
        except Exception as exc:  # noqa: BLE001
            failure.append(f"{type(exc).__name__}: {exc}")

    thread = threading.Thread(target=run, name="query")
    thread.start()
    thread.join()
    if failure:
        with contextlib.suppress(OSError):
            outgoing.send(("failed", failure[0]))


if __name__ == "__main__":
    main()
