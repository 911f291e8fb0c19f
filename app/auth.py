"""Who is using the app: login when casusbeeld serves more than this computer.

Three ways to run, chosen by the admin when starting ``casusbeeld serve``:

* **No login** (the default on loopback): one person on their own computer; :func:`current_user` is None.
* **Accounts file** (``--users FILE``): one ``name:password-hash`` line per person, written by
  ``casusbeeld users add NAME`` (werkzeug's salted scrypt hash) and edited by the admin — a removed line ends
  that person's sessions at their next request. ``/login`` shows a small form (Dutch or English); a signed
  session cookie (HttpOnly, SameSite=Strict, Secure behind a TLS proxy) keeps the login; ``/logout`` ends it.
* **Trusted proxy header** (``--trust-user-header X-Remote-User --behind-proxy``): the reverse proxy logs
  people in and names them in that header; a request without it is refused.

:func:`current_user` is the one question the rest of the app asks ("who saves this", "who wrote this note").
It only needs Flask's request context, so other parts (e.g. a workshop's participants) can use it too.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import dash
from flask import Response, g, has_request_context, redirect, request, session
from markupsafe import escape
from werkzeug.security import check_password_hash, generate_password_hash

from layouts.components.i18n import normal_lang
from layouts.texts import text

NAME_PATTERN = re.compile(r"^[\w.@+-]{1,60}$")
"""Account names: letters, digits and ``. @ + - _`` (no colon: it separates name and hash in the file)."""

MIN_PASSWORD_LENGTH = 10
SESSION_HOURS = 12
"""A login lasts a working day (then the signed cookie expires and the login page shows again)."""

FILE_HEADER = ("# casusbeeld accounts: one 'name:password hash' line per person.\n"
               "# Add or change with: casusbeeld users add NAME --file THIS-FILE; delete a line to remove someone.\n")

OPEN_PATHS = ("/login", "/logout")
PARTICIPANT_PREFIX = "/meedoen"
"""Workshop participants join with a workshop code, not an account: their page checks its own token
(:mod:`app.participant`), so the login does not stand in front of it."""


@dataclass(frozen=True)
class AuthConfig:
    """How people log in; ``required`` is false only for the login-free loopback use."""

    users_file: Path | None = None
    user_header: str | None = None
    secure_cookie: bool = False
    secret_key: str | None = None

    @property
    def required(self) -> bool:
        return self.users_file is not None or self.user_header is not None


def current_user() -> str | None:
    """The logged-in person's name for this request, or None (no login in use, or no request)."""
    if not has_request_context():
        return None
    user = g.get("casusbeeld_user")
    return user if isinstance(user, str) else None


# --- the accounts file ---------------------------------------------------------------------------------------

_cache: dict[Path, tuple[tuple[int, int], dict[str, str]]] = {}


def read_accounts(path: Path) -> dict[str, str]:
    """``{name: password hash}`` from the accounts file (re-read when it changes; empty when missing)."""
    try:
        stat = path.stat()
    except OSError:
        return {}
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    accounts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        name, hashed = line.split(":", 1)
        if NAME_PATTERN.match(name.strip()) and hashed.strip():
            accounts[name.strip()] = hashed.strip()
    _cache[path] = (key, accounts)
    return accounts


def write_accounts(path: Path, accounts: dict[str, str]) -> None:
    """Write the accounts file atomically, readable by its owner only."""
    body = FILE_HEADER + "".join(f"{name}:{hashed}\n" for name, hashed in sorted(accounts.items()))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(body)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def set_password(path: Path, name: str, password: str) -> bool:
    """Add ``name`` or change their password; True when the account is new."""
    if not NAME_PATTERN.match(name):
        raise ValueError(name)
    accounts = dict(read_accounts(path))
    new = name not in accounts
    accounts[name] = generate_password_hash(password)
    write_accounts(path, accounts)
    return new


def remove_account(path: Path, name: str) -> bool:
    """Remove ``name``; False when there was no such account."""
    accounts = dict(read_accounts(path))
    if accounts.pop(name, None) is None:
        return False
    write_accounts(path, accounts)
    return True


def check_login(path: Path, name: str, password: str) -> bool:
    """Whether ``password`` is ``name``'s (the hash is checked even for an unknown name: equal timing)."""
    hashed = read_accounts(path).get(name)
    matched = check_password_hash(hashed or _DUMMY_HASH, password)
    return hashed is not None and matched


_DUMMY_HASH = generate_password_hash(secrets.token_hex(8))


# --- the requests ----------------------------------------------------------------------------------------------

def install(app: dash.Dash, config: AuthConfig, lang: str = "nl") -> None:
    """Require a login for every request to ``app`` as ``config`` says (nothing to do when not required)."""
    if not config.required:
        return
    server = app.server
    server.secret_key = config.secret_key or secrets.token_hex(32)
    server.config.update(SESSION_COOKIE_NAME="casusbeeld_session", SESSION_COOKIE_HTTPONLY=True,
                         SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_SECURE=config.secure_cookie,
                         PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=SESSION_HOURS))

    @server.before_request
    def _who() -> Response | None:
        user = _header_user(config.user_header) if config.user_header else _session_user(config.users_file)
        if user is not None:
            g.casusbeeld_user = user
            return None
        if request.path in OPEN_PATHS and config.users_file is not None:
            return None
        if request.path == PARTICIPANT_PREFIX or request.path.startswith(PARTICIPANT_PREFIX + "/"):
            return None
        if config.user_header:
            return Response(text("login_no_header", lang), status=401, mimetype="text/plain; charset=utf-8")
        if request.method == "GET" and request.path in ("/", ""):
            return redirect("/login?next=" + quote(request.full_path.rstrip("?"), safe="/"))
        return Response(text("login_needed", lang), status=401, mimetype="text/plain; charset=utf-8")

    if config.users_file is None:
        return
    users_file = config.users_file

    @server.route("/login", methods=["GET", "POST"])
    def _login() -> Response:
        shown = normal_lang(request.values.get("lang") or lang)
        target = _local_path(request.values.get("next"))
        if request.method == "POST":
            name = (request.form.get("name") or "").strip()
            if check_login(users_file, name, request.form.get("password") or ""):
                session.clear()
                session.permanent = True
                session["user"] = name
                return redirect(target)
            return Response(login_page(shown, target, failed=True), status=401, mimetype="text/html")
        return Response(login_page(shown, target), mimetype="text/html")

    @server.route("/logout", methods=["GET", "POST"])
    def _logout() -> Response:
        session.clear()
        return redirect("/login?lang=" + normal_lang(request.values.get("lang") or lang))


def _session_user(users_file: Path | None) -> str | None:
    user = session.get("user") if users_file is not None else None
    return user if isinstance(user, str) and user in read_accounts(users_file) else None  # type: ignore[arg-type]


def _header_user(header: str) -> str | None:
    value = (request.headers.get(header) or "").strip()
    return value if 0 < len(value) <= 100 and value.isprintable() else None


def _local_path(target: str | None) -> str:
    """Where to go after logging in: a path on this server only (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login_page(lang: str, target: str, failed: bool = False) -> str:
    """The login form as a self-contained HTML page (no scripts: the guard's CSP needs no exception)."""
    other = "en" if lang == "nl" else "nl"
    error = f'<p class="error" role="alert">{escape(text("login_failed", lang))}</p>' if failed else ""
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{escape(text("login_title", lang))} · casusbeeld</title>
<style>body{{font-family:system-ui,sans-serif;background:#f4f5f7;display:flex;justify-content:center;
margin-top:12vh}}form{{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:20rem}}
label{{display:block;margin:.8rem 0 .2rem}}input{{width:100%;padding:.4rem;box-sizing:border-box;font-size:1rem}}
button{{margin-top:1.2rem;padding:.5rem 1rem;font-size:1rem}}.error{{color:#b00020}}a{{font-size:.9rem}}</style>
</head><body><form method="post" action="/login">
<h1>casusbeeld</h1><p>{escape(text("login_intro", lang))}</p>{error}
<input type="hidden" name="next" value="{escape(target)}"><input type="hidden" name="lang" value="{lang}">
<label for="name">{escape(text("login_name", lang))}</label>
<input id="name" name="name" autocomplete="username" required autofocus>
<label for="password">{escape(text("login_password", lang))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{escape(text("login_submit", lang))}</button>
<p><a href="/login?lang={other}&amp;next={escape(quote(target))}">{"English" if lang == "nl" else "Nederlands"}</a></p>
</form></body></html>"""
