"""Short links to queries: POST /api/share keeps a query as STORE.shared/ID.rq (ID: the first 12 hex digits of
its SHA-256, so the same query always gets the same link) and answers /s/ID, which opens the editor on it. A link
outlives the server; nothing is sent anywhere else."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from flask import Blueprint, jsonify, redirect, request

from server.errors import ApiError
from server.negotiate import JSON, only
from server.state import state

bp = Blueprint("share", __name__)

MAX_SHARED = 100_000  # characters of a query that can be shared
_ID = re.compile(r"[0-9a-f]{12}")


def shared_dir() -> Path:
    """STORE.shared/ beside the search index STORE.search/ (for an external store, IACKG_INDEX.shared/)."""
    return state().index.path.with_suffix(".shared")


def shared_query(ident: str) -> str:
    """The text of a shared query; a 404 ApiError for an ID never given out."""
    path = shared_dir() / f"{ident}.rq"
    if not _ID.fullmatch(ident) or not path.is_file():
        raise ApiError(404, f"No shared query is called {ident!r}: a link from /api/share is /s/ and 12 hex digits.")
    return path.read_text(encoding="utf-8")


@bp.route("/api/share", methods=["POST"])
@only(JSON)
def share():
    """Keep a query (form field or JSON member "query") and answer its short link."""
    body = request.get_json(silent=True) if request.is_json else None
    query = (body or {}).get("query") if isinstance(body, dict) else request.form.get("query")
    if not isinstance(query, str) or not query.strip():
        raise ApiError(400, "Nothing to share: send the query as the form field or JSON member 'query'.")
    if len(query) > MAX_SHARED:
        raise ApiError(413, f"The query is {len(query)} characters long; a shared one may have at most {MAX_SHARED}.")
    ident = hashlib.sha256(query.encode("utf-8")).hexdigest()[:12]
    folder = shared_dir()
    path = folder / f"{ident}.rq"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{ident}.{os.getpid()}.tmp"
        partial.write_text(query, encoding="utf-8")
        os.replace(partial, path)  # (whole or not at all)
    return jsonify({"id": ident, "url": f"/s/{ident}", "link": request.host_url.rstrip("/") + f"/s/{ident}"})


@bp.route("/s/<ident>")
def open_shared(ident: str):
    shared_query(ident)  # (404 for an unknown one)
    return redirect(f"/editor?shared={ident}")
