"""`iackg serve`: the web front end and the SPARQL endpoint, served by waitress."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", type=int, help="Request threads (default: IACKG_THREADS or 8).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, threads: int | None) -> None:
    """Serve the SPARQL 1.1 endpoint (/sparql) and saved queries (/queries/) on waitress.

    Answers from the embedded store (--store), or from an external server with --sparql-endpoint; an
    ingest into the served store is seen at once. Settings come from IACKG_* environment variables (see
    the README): IACKG_QUERY_TIMEOUT, IACKG_ROW_LIMIT, IACKG_MAX_BODY, IACKG_WORKERS, IACKG_QUEUE,
    IACKG_SLOW_AFTER, IACKG_EXPENSIVE_QUERIES, IACKG_EXPENSIVE_PER_CLIENT, IACKG_WORKER_MEMORY_MB,
    IACKG_MAX_DEPTH, IACKG_CACHE_MB, IACKG_THREADS, IACKG_CORS_ORIGINS.
    """
    from waitress import serve as waitress_serve

    from server import create_app

    settings = {"STORE": ctx.obj["store"]}
    if ctx.obj.get("sparql_endpoint"):
        settings["SPARQL_ENDPOINT"] = ctx.obj["sparql_endpoint"]
    try:
        app = create_app(settings)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    threads = threads or int(app.config["THREADS"])
    c = app.config
    held = int(c["WORKERS"]) + int(c["QUEUE"]) + int(c["EXPENSIVE_QUERIES"])
    if not c["SPARQL_ENDPOINT"] and threads <= held:
        click.echo(
            f"warning: {threads} threads can all be held by queries (WORKERS + QUEUE + EXPENSIVE_QUERIES = {held}); "
            "/health and pages may then wait. Raise IACKG_THREADS or lower IACKG_QUEUE.",
            err=True,
        )
    # (the last line a newcomer reads: where to go; the endpoint for SPARQL clients beside it)
    click.echo(f"serving with {threads} threads; SPARQL endpoint http://{host}:{port}/sparql; Ctrl-C stops", err=True)
    click.echo(f"open http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="iackg", channel_timeout=120)
