"""Errors carry their HTTP status; one handler renders them as JSON, HTML or plain text."""

from __future__ import annotations

from flask import Response, current_app, json, render_template, request
from werkzeug.exceptions import HTTPException


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None) -> None:
        self.status = status
        self.message = message
        self.headers = headers or {}
        super().__init__(message)


def _render(status: int, title: str, message: str, headers: dict | None = None) -> Response:
    best = request.accept_mimetypes.best_match(["text/plain", "application/json", "application/sparql-results+json", "text/html"], default="text/plain")
    if request.path.startswith("/api/") or best in ("application/json", "application/sparql-results+json") or request.args.get("format") == "json":
        body = json.dumps({"error": {"status": status, "title": title, "message": message}})
        response = Response(body, status, mimetype="application/json")
    elif best == "text/html" and request.accept_mimetypes["text/html"] > request.accept_mimetypes["text/plain"]:
        response = Response(render_template("error.html", status=status, title=title, message=message), status, mimetype="text/html")
    else:
        response = Response(f"{status} {title}\n\n{message}\n", status, mimetype="text/plain")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def register(app) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError):
        from http import HTTPStatus

        return _render(exc.status, HTTPStatus(exc.status).phrase, exc.message, exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = exc.description or ""
        if exc.code == 413:
            message = f"The request body is larger than {current_app.config['MAX_BODY']} bytes (IACKG_MAX_BODY)."
        return _render(exc.code or 500, exc.name, message)
