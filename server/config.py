"""Settings: defaults here, then IACKG_* environment variables, then the app factory's test_config.
Every setting is documented in the README's settings table (a test checks)."""

from __future__ import annotations

DEFAULTS = {
    "STORE": ("var/store", "Folder of the embedded Oxigraph store the endpoint serves."),
    "SPARQL_ENDPOINT": (None, "Answer from this external SPARQL 1.1 query endpoint instead of the embedded store."),
    "UPDATE_ENDPOINT": (None, "SPARQL 1.1 update endpoint of the external server, for `ingest`."),
    "QUERY_TIMEOUT": (10, "Seconds a query may run; then its worker process is killed and the client gets 503."),
    "ROW_LIMIT": (10000, "Most rows (or triples) a query returns; more are cut, and the response says so."),
    "MAX_BODY": (1_000_000, "Largest request body in bytes; larger gets 413."),
    "CACHE_MB": (
        64,
        "Megabytes of query results the server keeps for repeated queries on the embedded store (0: off); emptied whenever ingest changes the store.",
    ),
    "WORKERS": (3, "Query worker processes for normal queries on the embedded store."),
    "QUEUE": (16, "Queries that may wait for a free worker; one more gets 503 with Retry-After at once."),
    "SLOW_AFTER": (
        1.0,
        "Seconds after which a running query counts as expensive (0.25 s while other queries wait for a worker): its worker drops to the lowest CPU priority and a fresh worker takes its place for normal queries.",
    ),
    "EXPENSIVE_QUERIES": (
        2,
        "Expensive queries that may run at once; a query that becomes expensive when none is free is stopped (503, Retry-After). A query seen running long asks for its slot before it takes a worker.",
    ),
    "EXPENSIVE_PER_CLIENT": (1, "Expensive queries one client address may run at once."),
    "WORKER_MEMORY_MB": (
        1024,
        "Memory a query worker may use (its data segment); a query that needs more is stopped with 503 (0: no cap).",
    ),
    "MAX_DEPTH": (500, "Deepest nesting a query may have (brackets, or unary operators in a row); deeper gets 400."),
    "THREADS": (
        24,
        "Request threads of the waitress server; keep it above WORKERS + QUEUE + EXPENSIVE_QUERIES so that /health and pages always find a thread.",
    ),
    "CORS_ORIGINS": ("*", "Origins allowed to call the endpoint from a browser (CORS)."),
}


def defaults() -> dict:
    return {key: value for key, (value, _) in DEFAULTS.items()}
