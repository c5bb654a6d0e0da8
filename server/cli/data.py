"""The commands on the graph itself: ingest, export, query, validate and stats."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from ingest.budget import DEFAULT_MAX_MB, DEFAULT_TIMEOUT
from ingest.errors import IngestError
from server.cli.common import Exit2, cell, open_store, table


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of each document before storing it.")
@click.option("--no-embed", is_flag=True, help="Skip the search index (sentence vectors) for these documents.")
@click.option(
    "--max-document-mb",
    type=click.FloatRange(min=0),
    envvar="IACKG_MAX_DOCUMENT_MB",
    default=DEFAULT_MAX_MB,
    show_default=True,
    help="Skip a file larger than this, unread (0: no limit; env IACKG_MAX_DOCUMENT_MB).",
)
@click.option(
    "--document-timeout",
    type=click.FloatRange(min=0),
    envvar="IACKG_DOCUMENT_TIMEOUT",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one document may take to read, extract and check; a slower one is skipped (0: no limit; env IACKG_DOCUMENT_TIMEOUT).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    no_validate: bool,
    no_embed: bool,
    max_document_mb: float,
    document_timeout: float,
    quiet: bool,
) -> None:
    """Ingest documents (.txt, .md, .html, .pdf) or folders of them.

    Each document is extracted, checked against the SHACL shapes and stored as its own named graph, in one
    transaction, then its search index entries are written: a bad file (unreadable, too big, too slow, or
    one that makes extraction fail) is reported by name and skipped, and the store keeps what it had.
    Re-ingesting a file that the store and the search index both hold does nothing; an edited file replaces
    its earlier facts; one missing from the index (an interrupted run, --no-embed) gets its entries back.
    A full disk stops the run and names the files not stored. Exit 2 if any file failed.
    """
    from ingest.budget import Limits
    from ingest.pipeline import Models, expand, ingest_paths

    store = open_store(ctx)
    files, _ = expand(paths)

    def progress(items):
        if quiet or len(files) < 2:
            return items
        from tqdm import tqdm

        return tqdm(items, total=len(files), unit="doc", desc="ingesting", file=sys.stderr)

    try:
        outcomes = ingest_paths(
            paths,
            store,
            Models(),
            check=not no_validate,
            progress=progress,
            embed=not no_embed,
            limits=Limits(max_document_mb, document_timeout),
        )
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    closed = _close(store)
    failed = [o for o in outcomes if o.status == "error"]
    full = [o for o in outcomes if o.disk_full]
    for outcome in outcomes:
        if outcome.status == "error":
            if not outcome.disk_full or outcome is full[0]:
                click.echo(f"error: {outcome.message}", err=True)
        elif not quiet:
            count = f"{outcome.activities} {'activity' if outcome.activities == 1 else 'activities'}"
            detail = {"ingested": count, "repaired": f"{count}; search index entries rebuilt from the store: {outcome.message}"}.get(
                outcome.status, "unchanged, skipped"
            )
            click.echo(f"{outcome.status}: {outcome.path} ({detail})")
    if full:
        click.echo(
            f"error: disk full at {store.location}: not stored: "
            f"{', '.join(Path(o.path).name for o in full)}; free space and run ingest again (what was stored before is kept)",
            err=True,
        )
    if closed:
        click.echo(f"error: {closed}", err=True)
    if not quiet:
        done = sum(o.status == "ingested" for o in outcomes)
        repaired = sum(o.status == "repaired" for o in outcomes)
        repairs = f"{repaired} repaired, " if repaired else ""
        click.echo(f"{done} ingested, {repairs}{sum(o.status == 'unchanged' for o in outcomes)} unchanged, {len(failed)} failed")
    if failed or closed:
        sys.exit(2)


def _close(store) -> str:
    """Close (flush) the store; what went wrong, or ""."""
    from ingest.errors import disk_full

    try:
        store.close()
    except Exception as exc:
        if disk_full(exc):
            return (
                f"disk full while flushing the store at {store.location} ({exc}): free space and run ingest again; "
                "documents already committed are kept, and ingest checks every file again"
            )
        return f"could not close the store at {store.location}: {exc}; run `iackg doctor` before serving it"
    return ""


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["nquads", "trig", "turtle", "ntriples", "jsonld"]),
    default="nquads",
    show_default=True,
    help="nquads, trig and jsonld keep the named graphs; turtle and ntriples merge them.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here instead of standard output.")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export the whole graph: documents, ontology and reference data."""
    store = open_store(ctx, read_only=True)
    data = store.export(fmt)
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@click.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), required=False)
@click.option("--name", "-n", help="Run the saved query queries/NAME.rq instead of a file.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A saved query's parameter, e.g. country=MKD.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def query(ctx: click.Context, file, name: str | None, params: tuple[str, ...], list_saved: bool, fmt: str) -> None:
    """Run a SPARQL query from FILE (.rq) or - (standard input), or a saved query by --name, over the union
    of all graphs.

    Prefixes iac:, schema:, skos:, rdfs:, prov:, oa:, country:, region:, topic: and place: are predeclared.
    Saved query parameters are bound as RDF terms, never pasted into the query: a country may be given by
    name, former name or ISO3 code (--param country="Kyrgyz Republic").
    """
    import pyoxigraph as ox

    from ingest.errors import IngestError, ParameterError
    from ingest.vocab import PREFIXES
    from server.query.saved import bind, load_saved

    saved = load_saved()
    if list_saved:
        for q in saved.values():
            args = " ".join(f"--param {p.name}=<{p.type}>" for p in q.params)
            click.echo(f"{q.name}: {q.title}" + (f"  [{args}]" if args else ""))
        return
    if (file is None) == (name is None):
        raise Exit2("give either FILE (or - for standard input) or --name NAME; --list shows the saved queries")
    store = open_store(ctx, read_only=True)
    substitutions = {}
    if name is not None:
        if name not in saved:
            raise Exit2(f"no saved query {name!r}; saved queries: {', '.join(saved)}")
        try:
            values = dict(p.split("=", 1) for p in params)
        except ValueError as exc:
            raise Exit2(f"--param takes KEY=VALUE, got {params!r}") from exc
        from ingest.pipeline import Models

        try:
            substitutions = bind(saved[name], values, Models().lexicon)
        except ParameterError as exc:
            raise Exit2(str(exc)) from exc
        text, source = saved[name].text, f"queries/{name}.rq"
    else:
        text, source = file.read(), file.name
    try:
        result = store.query(text, prefixes=PREFIXES, substitutions=substitutions)
    except SyntaxError as exc:
        raise Exit2(f"{source}: SPARQL syntax error: {exc}") from exc
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    if isinstance(result, ox.QueryBoolean):
        click.echo(json.dumps({"boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower())
        return
    if not isinstance(result, ox.QuerySolutions):
        triples = [t.triple if hasattr(t, "triple") else t for t in result]
        sys.stdout.buffer.write(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"")
        return
    variables = [v.value for v in result.variables]
    rows = [[cell(row[v]) for v in variables] for row in result]
    if fmt == "json":
        click.echo(json.dumps([dict(zip(variables, row, strict=False)) for row in rows], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)
    else:
        click.echo(table(variables, rows))


@click.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the whole store against the SHACL shapes in ontology/shapes.ttl.

    Every activity needs a title, a source document and text evidence; dates must be xsd:date,
    xsd:gYearMonth or xsd:gYear; beneficiaries must be countries or regions. Prints pySHACL's report.
    Exit 0 if the data conforms, 1 if it does not, 2 on error.
    """
    from rdflib import Dataset, Graph

    from ingest.pipeline import Models
    from ingest.validate import validate as shacl

    try:
        store = open_store(ctx, read_only=True)
        data = Graph()  # every named graph's triples, whether or not the default graph has them
        quads = Dataset().parse(data=store.export("nquads").decode("utf-8"), format="nquads")
        for s_, p_, o_, _ in quads.quads((None, None, None, None)):
            data.add((s_, p_, o_))
        report = shacl(data, Models().shapes)
    except (IngestError, click.ClickException) as exc:
        raise Exit2(str(exc)) from exc
    click.echo(report.text.strip())
    sys.exit(0 if report.conforms else 1)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Summarise the graph: documents, triples, activities by type, countries reached."""
    from ingest.summary import summary

    store = open_store(ctx, read_only=True)
    figures = summary(store)
    if as_json:
        click.echo(json.dumps(figures, indent=1, ensure_ascii=False))
        return
    click.echo(f"store: {store.location}")
    for key in ("documents", "triples", "activities", "countries_benefiting", "facts"):
        click.echo(f"{key.replace('_', ' ')}: {figures[key]}")
    click.echo("activities by type:")
    for kind, count in figures["by_type"].items():
        click.echo(f"  {kind}: {count}")
