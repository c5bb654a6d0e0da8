"""iackg server: the Flask app (search, questions, hubs, map, SPARQL editor), the SPARQL 1.1 endpoint, saved
queries, and the console script. The README's layout table says which module holds what.

May import ingest; ingest never imports server. Kept light: query worker processes import server.pool,
which must not pull in Flask.
"""


def create_app(test_config=None):
    """The Flask app factory: defaults, then IACKG_* environment variables, then test_config."""
    from server.app import build_app

    return build_app(test_config)
