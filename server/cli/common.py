"""What the commands share: the store the global options name, the exit with status 2, the models (loaded once
per process), and how a query's rows are shown."""

from __future__ import annotations

import functools

import click

from ingest.errors import IngestError

DEFAULT_STORE = "var/store"


class Exit2(click.ClickException):
    """An error that exits with status 2 (bad input, bad query), its message on stderr."""

    exit_code = 2


def open_store(ctx: click.Context, read_only: bool = False):
    """The embedded store, or the external server given by --sparql-endpoint (ingest.stores.open_store)."""
    from ingest import stores

    try:
        return stores.open_store(ctx.obj["store"], ctx.obj.get("sparql_endpoint"), ctx.obj.get("update_endpoint"), read_only=read_only)
    except IngestError as exc:
        raise Exit2(str(exc)) from exc


@functools.cache
def load_models():
    """One set of models per process: `ask` falling back to `search` loads the encoder once."""
    from ingest.pipeline import Models

    return Models()


def cell(term) -> str:
    if term is None:
        return ""
    return term.value


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]

    def clip(s, w):
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = [" | ".join(clip(h, w).ljust(w) for h, w in zip(header, widths, strict=False)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(clip(c, w).ljust(w) for c, w in zip(row, widths, strict=False)) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
