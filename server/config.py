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
    "CACHE_MB": (64, "Megabytes of query results the server keeps for repeated queries on the embedded store (0: off). The served store cannot change while the server runs."),
    "WORKERS": (3, "Query worker processes for the embedded store."),
    "THREADS": (8, "Request threads of the waitress server."),
    "CORS_ORIGINS": ("*", "Origins allowed to call the endpoint from a browser (CORS)."),
}


def defaults() -> dict:
    return {key: value for key, (value, _) in DEFAULTS.items()}
