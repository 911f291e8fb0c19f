"""Run the app: on gunicorn with one or more worker processes, or on Dash's development server for --debug.

Workers share nothing in memory: each builds its own app from the case folder, every browser tab keeps its
own state, and saving compares the file on disk under a lock (:mod:`models.saving`), so two people saving
the same file through two workers get one save and one "Opslaan als…".
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from app.auth import AuthConfig, read_accounts
from app.factory import create_app
from app.guard import LOOPBACK_NAMES

WILDCARDS = ("0.0.0.0", "::")

NO_PROXY = ("casusbeeld start niet op {host}: op het netwerk hoort een reverse proxy met TLS ervoor (anders gaan "
            "wachtwoorden en casussen onversleuteld over het netwerk). Zet er een voor en start met --behind-proxy.\n"
            "casusbeeld does not start on {host}: on the network a reverse proxy with TLS belongs in front (else "
            "passwords and cases cross the network unencrypted). Put one in front and start with --behind-proxy.")
NO_AUTH = ("casusbeeld start niet: er is geen inlog ingesteld, dus iedereen die de server bereikt zou de casussen "
           "kunnen lezen. Geef een accountbestand (--users BESTAND, aan te maken met 'casusbeeld users add NAAM') "
           "of laat de proxy inloggen (--trust-user-header X-Remote-User).\n"
           "casusbeeld does not start: no login is configured, so anyone reaching the server could read the cases. "
           "Give an accounts file (--users FILE, made with 'casusbeeld users add NAME') or let the proxy log people "
           "in (--trust-user-header X-Remote-User).")
HEADER_NEEDS_PROXY = ("--trust-user-header alleen samen met --behind-proxy: zonder proxy kan iedereen die kop zelf "
                      "meesturen. / --trust-user-header only with --behind-proxy: without a proxy anyone can send "
                      "that header themselves.")
NO_ACCOUNTS = ("Het accountbestand {file} bestaat niet of bevat geen accounts; maak er een met 'casusbeeld users "
               "add NAAM --file {file}'. / The accounts file {file} is missing or holds no accounts; make one with "
               "'casusbeeld users add NAME --file {file}'.")

THREADS_PER_WORKER = 4
KEEPALIVE_SECONDS = 30
"""An idle browser connection stays open this long (gunicorn's 2 s default closes it between two clicks, and a
click sent just as it closes fails); idle connections wait in the worker's selector, not in a thread."""
TIMEOUT_SECONDS = 180
"""A PDF export of a large case may take a while; a worker silent for longer is restarted."""


def serve(path: Path, host: str = "127.0.0.1", port: int = 8050, debug: bool = False, lang: str = "nl",
          behind_proxy: bool = False, allowed_hosts: Sequence[str] = (), workers: int = 1,
          users_file: Path | None = None, user_header: str | None = None) -> int:
    """Serve the cases at ``path`` (a file or a folder) until interrupted.

    Beyond loopback the app refuses to start unless ``behind_proxy`` says a reverse proxy with TLS is in front;
    behind a proxy it also needs a login: ``users_file`` (accounts, see :mod:`app.auth`) or ``user_header``
    (the proxy's authenticated-user header). ``users_file`` asks for a login on loopback too.
    ``allowed_hosts`` are the names the app answers to besides loopback (the proxy's, e.g. ``casus.example.nl``).
    ``workers`` gunicorn processes serve the folder; ``debug`` runs Dash's development server instead.
    """
    if not path.exists():
        print(f"Niet gevonden / not found: {path}")
        return 2
    loopback = host in LOOPBACK_NAMES
    auth, refusal = auth_config(host, behind_proxy, users_file, user_header)
    if refusal:
        print(refusal)
        return 2
    if user_header and not loopback:
        print(f"Let op: met --trust-user-header hoort casusbeeld alleen via de proxy bereikbaar te zijn; bind aan "
              f"127.0.0.1, anders kan wie {host} bereikt de kop {user_header} zelf meesturen.\n"
              f"Note: with --trust-user-header casusbeeld should be reachable through the proxy only; bind to "
              f"127.0.0.1, else anyone reaching {host} can send the {user_header} header themselves.")
    names = [*LOOPBACK_NAMES, *allowed_hosts, *([] if loopback or host in WILDCARDS else [host])]
    if not loopback:
        print(f"Let op: casusbeeld is bereikbaar op het netwerk ({host}), achter een reverse proxy.\n"
              f"Note: casusbeeld is reachable on the network ({host}), behind a reverse proxy. "
              f"Names answered: {', '.join(names)}")
    shown = "127.0.0.1" if host in WILDCARDS else f"[{host}]" if ":" in host else host
    print(f"casusbeeld: http://{shown}:{port}/  (Ctrl+C stopt)")
    if debug:
        # Request lines carry no case content, but keep werkzeug quiet: it is noise in a meeting room.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        create_app(path, lang=lang, allowed_hosts=names, auth=auth).run(host=host, port=port, debug=True)
        return 0
    CasusbeeldServer(path, lang, names, bind=f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                     workers=workers, auth=auth).run()
    return 0


def auth_config(host: str, behind_proxy: bool, users_file: Path | None, user_header: str | None
                ) -> tuple[AuthConfig, str | None]:
    """How people log in, or why the server must not start (a message in Dutch and English)."""
    if host not in LOOPBACK_NAMES and not behind_proxy:
        return AuthConfig(), NO_PROXY.format(host=host)
    if user_header and not behind_proxy:
        return AuthConfig(), HEADER_NEEDS_PROXY
    if users_file is not None and not read_accounts(users_file):
        return AuthConfig(), NO_ACCOUNTS.format(file=users_file)
    if behind_proxy and users_file is None and not user_header:
        return AuthConfig(), NO_AUTH
    # one secret for every worker (the cookie a worker signs, the others accept); a new one each start
    # unless the admin sets CASUSBEELD_SECRET_KEY, so a restart logs everyone out
    secret = os.environ.get("CASUSBEELD_SECRET_KEY") or secrets.token_hex(32)
    return AuthConfig(users_file=users_file, user_header=user_header or None, secure_cookie=behind_proxy,
                      secret_key=secret), None


def gunicorn_options(bind: str, workers: int) -> dict[str, Any]:
    """gunicorn settings: threads per worker, no access log (request lines name case files), quiet errors."""
    return {
        "bind": bind, "workers": max(1, workers), "worker_class": "gthread", "threads": THREADS_PER_WORKER,
        "timeout": TIMEOUT_SECONDS, "graceful_timeout": 10, "keepalive": KEEPALIVE_SECONDS, "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning", "preload_app": False, "proc_name": "casusbeeld",
    }


class CasusbeeldServer(BaseApplication):
    """gunicorn running the app; each worker builds its own app after it starts (nothing shared)."""

    def __init__(self, path: Path, lang: str, names: Sequence[str], *, bind: str, workers: int,
                 auth: AuthConfig | None = None) -> None:
        self.path, self.lang, self.names, self.auth = path, lang, list(names), auth
        self.options = gunicorn_options(bind, workers)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return create_app(self.path, lang=self.lang, allowed_hosts=self.names, auth=self.auth).server
