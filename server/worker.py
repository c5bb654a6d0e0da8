"""A query worker process: `python -m server.worker STORE`. Reads Requests from standard input, answers
Results on standard output (multiprocessing Connection framing). Started and killed by server.pool."""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection


def main() -> None:
    incoming, outgoing = Connection(0, writable=False), Connection(1, readable=False)
    sys.stdout = sys.stderr  # nothing else may write to the answer channel
    try:
        import pyoxigraph as ox

        from server.pool import execute

        store = ox.Store.read_only(sys.argv[1])
    except Exception as exc:  # noqa: BLE001 - report any start-up failure to the parent, then stop
        outgoing.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    outgoing.send(("ready", None))
    while True:
        try:
            request = incoming.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            outgoing.send(("ok", execute(store, request)))
        except SyntaxError as exc:
            outgoing.send(("syntax", str(exc)))
        except Exception as exc:  # noqa: BLE001 - a worker reports every failure to its caller and lives on
            outgoing.send(("error", f"{type(exc).__name__}: {exc}"))


if __name__ == "__main__":
    main()
