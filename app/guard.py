"""What every request meets before the app sees it: a Host allow-list, a size limit, security headers.

* **Host allow-list**: a page from another site cannot reach the app through DNS rebinding — a request whose
  ``Host`` is not one of the allowed names (loopback by default) is refused with 421.
* **Size limit**: a request body over :data:`models.limits.MAX_REQUEST_BYTES` is refused with 413 before it
  is read.
* **Headers** on every response: a Content-Security-Policy (only this server's scripts, the page's own inline
  scripts by hash, no frames, no plugins), ``X-Frame-Options: DENY``, ``nosniff``, no referrer.
* **Forged callbacks**: a callback request that is not what the page sends is answered 400, not 500.

Messages are short plain text in Dutch and English: they reach a browser, not a person reading a log.
"""

from __future__ import annotations

from collections.abc import Iterable

import dash
from flask import Response, request
from werkzeug.exceptions import HTTPException

from models.limits import MAX_REQUEST_BYTES

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

CSP_FIXED = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
             "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
             "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""Styles stay inline-capable: Dash and plotly.js set element styles from JavaScript."""

MESSAGES = {
    421: "Onbekend adres: deze server antwoordt alleen op de namen die hij kent. / "
         "Unknown address: this server only answers to the names it knows.",
    413: "Te groot: dit verzoek is groter dan casusbeeld aanneemt. / Too large: casusbeeld does not accept "
         "a request this big.",
    400: "Ongeldig verzoek. / Invalid request.",
}


def host_name(host: str) -> str:
    """The name part of a ``Host`` header (``[::1]:8050`` → ``::1``, ``Example:80`` → ``example``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def install(app: dash.Dash, allowed_hosts: Iterable[str] = LOOPBACK_NAMES) -> None:
    """Guard every request to ``app`` (see the module docstring)."""
    allowed = {name.lower().strip("[]") for name in allowed_hosts}
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    policy: dict[str, str] = {}

    def refuse(status: int) -> Response:
        return Response(MESSAGES[status], status=status, mimetype="text/plain; charset=utf-8")

    @server.before_request
    def _check() -> Response | None:
        if "*" not in allowed and host_name(request.host or "") not in allowed:
            return refuse(421)
        if (request.content_length or 0) > MAX_REQUEST_BYTES:
            return refuse(413)
        return None

    @server.after_request
    def _headers(response: Response) -> Response:
        if not policy:
            hashes = " ".join(app.csp_hashes())  # already quoted: 'sha256-…'
            policy["csp"] = f"{CSP_FIXED}; script-src 'self' {hashes}"  # no 'unsafe-eval': WebGL traces work without
        response.headers["Content-Security-Policy"] = policy["csp"]
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    @server.errorhandler(Exception)
    def _failed(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            status = error.code or 500
            return refuse(status) if status in MESSAGES else error  # type: ignore[return-value]
        if request.path.endswith("/_dash-update-component") and isinstance(error, KeyError | TypeError
                                                                             | ValueError | AttributeError
                                                                             | IndexError):
            server.logger.warning("callback request refused: %s", type(error).__name__)
            return refuse(400)
        raise error
