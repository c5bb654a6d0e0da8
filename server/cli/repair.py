"""The repair commands of the iackg command line: reindex and doctor (the store and the search index
agreeing on every document; see ingest.repair)."""

from __future__ import annotations

import json
import sys

import click

from ingest.errors import IngestError
from server.cli.common import Exit2, load_models, open_store


@click.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the whole search index from the store.

    Each document's entries come from its named graph (its text, title and activities), so the source
    files are not needed; index files of documents the store does not have are dropped. A running server
    reloads when it is done. Exit 2 on error.
    """
    from ingest.pipeline import index_for
    from ingest.repair import reindex as rebuild

    store = open_store(ctx, read_only=True)
    models = load_models()
    index = index_for(store)
    try:
        docs = rebuild(store, index, models.lexicon, models.encoder)
    except (IngestError, OSError) as exc:
        raise Exit2(f"reindex stopped: {exc}; what was rebuilt is kept, run `iackg reindex` again") from exc
    click.echo(f"reindexed {len(docs)} document{'s' if len(docs) != 1 else ''} into {index.path}")


@click.command()
@click.option("--repair", is_flag=True, help="Rebuild the index entries of the mismatched documents from the store, and drop the rest.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.pass_context
def doctor(ctx: click.Context, repair: bool, as_json: bool) -> None:
    """Check that the store and the search index hold the same documents, at the same versions.

    Reports documents in the store missing from the index or there at another version, index entries of
    documents not in the store, and index files that do not load. Exit 0 if they agree, 1 if not (after
    --repair: if they still do not), 2 on error.
    """
    from ingest.pipeline import index_for
    from ingest.repair import check, doc_name, mend

    try:
        store = open_store(ctx, read_only=True)
        index = index_for(store)
        report = check(store, index)
        repaired: list[str] = []
        if repair and not report.consistent:
            models = load_models()
            repaired = mend(store, index, report, models.lexicon, models.encoder)
            after = check(store, index)
        else:
            after = report
    except (IngestError, OSError) as exc:
        raise Exit2(f"doctor: {exc}") from exc
    findings: dict = {
        "store": store.location,
        "index": str(index.path),
        "documents": report.documents,
        "missing": [doc_name(d) for d in report.missing],
        "stale": [doc_name(d) for d in report.stale],
        "orphans": [doc_name(d) for d in report.orphans],
        "broken": list(report.broken),
        "repaired": [doc_name(d) for d in repaired],
        "consistent": after.consistent,
    }
    if as_json:
        click.echo(json.dumps(findings, indent=1, ensure_ascii=False))
    else:
        click.echo(f"store: {findings['store']} ({report.documents} documents)\nindex: {findings['index']}")
        for key, title in (
            ("missing", "in the store, missing from the index"),
            ("stale", "in the index at another version than the store's"),
            ("orphans", "in the index, not in the store"),
            ("broken", "index files that do not load"),
        ):
            if findings[key]:
                click.echo(f"{title}: " + ", ".join(findings[key]))
        if repaired or (repair and report.orphans):
            click.echo(f"repaired: {len(repaired)} rebuilt from the store" + (f", {len(report.orphans)} dropped" if report.orphans else ""))
        click.echo("consistent" if after.consistent else "not consistent: run `iackg doctor --repair`, or `iackg reindex`")
    sys.exit(0 if after.consistent else 1)
