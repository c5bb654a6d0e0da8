"""Errors carry their HTTP status; one handler renders every exception as JSON, HTML or plain text.

An ApiError or a werkzeug HTTPException keeps its status and message. Anything else is a bug: it is logged
with its traceback and answered 500 in the client's format. /api/ answers JSON whatever the client asks.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Response, current_app, json, render_template, request
from werkzeug.exceptions import HTTPException, NotAcceptable

from server import negotiate

# What an error can be told in; the JSON family all get the JSON body.
ERROR_TYPES = [negotiate.TEXT, negotiate.JSON, negotiate.SRJ, negotiate.JSONLD, negotiate.HTML]


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None) -> None:
        self.status = status
        self.message = message
        self.headers = headers or {}
        super().__init__(message)


def _format() -> str:
    """The error's media type: format= in the URL where it names one an error can take, else Accept, else text."""
    if request.path.startswith("/api/"):
        return negotiate.JSON
    try:
        chosen = negotiate.choose(ERROR_TYPES, default=negotiate.TEXT, values=request.args)
    except NotAcceptable:  # (format= names something an error cannot be, perhaps the very error)
        chosen = negotiate.from_accept(ERROR_TYPES, default=negotiate.TEXT)
    return negotiate.JSON if chosen in (negotiate.JSON, negotiate.SRJ, negotiate.JSONLD) else chosen


def render(status: int, title: str, message: str, headers: dict | None = None) -> Response:
    chosen = _format()
    if chosen == negotiate.JSON:
        body = json.dumps({"error": {"status": status, "title": title, "message": message}})
        response = Response(body, status, mimetype="application/json")
    elif chosen == negotiate.HTML:
        response = Response(render_template("error.html", status=status, title=title, message=message), status, mimetype="text/html")
    else:
        response = Response(f"{status} {title}\n\n{message}\n", status, mimetype="text/plain")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def handle(exc: Exception) -> Response:
    """The app's one error handler (registered in server/app.py for Exception)."""
    if isinstance(exc, ApiError):
        return render(exc.status, HTTPStatus(exc.status).phrase, exc.message, exc.headers)
    if isinstance(exc, HTTPException):
        message = exc.description or ""
        if exc.code == 413:
            message = f"The request body is larger than {current_app.config['MAX_BODY']} bytes (IACKG_MAX_BODY)."
        headers = {k: v for k, v in exc.get_headers() if k in ("Allow", "Retry-After", "WWW-Authenticate")}
        return render(exc.code or 500, exc.name, message, headers)
    current_app.logger.error("Exception on %s [%s]", request.path, request.method, exc_info=exc)
    return render(
        500,
        "Internal Server Error",
        f"The server failed on this request ({type(exc).__name__}); the error is "
        "logged. Try again, and report it with the URL and the time if it persists.",
    )
