"""The iackg command line, the one console script. Exit codes: 0 ok, 1 data does not conform, 2 error (bad
input, bad query). Each command lives in a module of this package and is registered here:

- data.py: ingest, export, query, validate, stats
- repair.py: reindex, doctor
- questions.py: search, ask, eval (search, ask, extract)
- serve.py: serve
"""

from __future__ import annotations

import click

from server.cli import data, questions, repair, serve
from server.cli.common import DEFAULT_STORE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store",
    envvar="IACKG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder of the on-disk Oxigraph store (env IACKG_STORE).",
)
@click.option(
    "--sparql-endpoint",
    envvar="IACKG_SPARQL_ENDPOINT",
    metavar="URL",
    help="Use an external SPARQL 1.1 server instead of the embedded store: its query endpoint (env IACKG_SPARQL_ENDPOINT).",
)
@click.option(
    "--update-endpoint",
    envvar="IACKG_UPDATE_ENDPOINT",
    metavar="URL",
    help="The external server's SPARQL 1.1 update endpoint, which `ingest` writes to (env IACKG_UPDATE_ENDPOINT).",
)
@click.version_option(package_name="iackg")
@click.pass_context
def main(ctx: click.Context, store: str, sparql_endpoint: str | None, update_endpoint: str | None) -> None:
    """iackg: the knowledge graph of the UNECE Industrial Accidents Convention's Assistance and Cooperation
    Programme. Ingest documents, then query, validate, export or serve the graph."""
    ctx.obj = {"store": store, "sparql_endpoint": sparql_endpoint, "update_endpoint": update_endpoint}


for command in (
    data.ingest,
    data.export,
    data.query,
    data.validate,
    data.stats,
    repair.reindex,
    repair.doctor,
    questions.search,
    questions.ask,
    questions.evaluate_group,
    serve.serve,
):
    main.add_command(command)
