"""Run the app: on gunicorn with one or more worker processes, or on Dash's development server for --debug.

Workers share nothing in memory: each builds its own app from the case folder, every browser tab keeps its
own state, and saving compares the file on disk under a lock (:mod:`models.saving`), so two people saving
the same file through two workers get one save and one "Opslaan als…".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from app.factory import create_app
from app.guard import LOOPBACK_NAMES

WILDCARDS = ("0.0.0.0", "::")

NO_AUTH = ("casusbeeld start niet op {host}: er is geen inlog ingesteld, dus iedereen op het netwerk zou de "
           "casussen kunnen lezen. Zet er een reverse proxy met inlog en TLS voor en start met --behind-proxy.\n"
           "casusbeeld does not start on {host}: no login is configured, so anyone on the network could read the "
           "cases. Put a reverse proxy with login and TLS in front and start with --behind-proxy.")

THREADS_PER_WORKER = 4
TIMEOUT_SECONDS = 180
"""A PDF export of a large case may take a while; a worker silent for longer is restarted."""


def serve(path: Path, host: str = "127.0.0.1", port: int = 8050, debug: bool = False, lang: str = "nl",
          behind_proxy: bool = False, allowed_hosts: Sequence[str] = (), workers: int = 1) -> int:
    """Serve the cases at ``path`` (a file or a folder) until interrupted.

    Beyond loopback the app refuses to start unless ``behind_proxy`` says a reverse proxy handles login;
    ``allowed_hosts`` are the names the app answers to besides loopback (the proxy's, e.g. ``casus.example.nl``).
    ``workers`` gunicorn processes serve the folder; ``debug`` runs Dash's development server instead.
    """
    if not path.exists():
        print(f"Niet gevonden / not found: {path}")
        return 2
    loopback = host in LOOPBACK_NAMES
    if not loopback and not behind_proxy:
        print(NO_AUTH.format(host=host))
        return 2
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
        create_app(path, lang=lang, allowed_hosts=names).run(host=host, port=port, debug=True)
        return 0
    CasusbeeldServer(path, lang, names, bind=f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                     workers=workers).run()
    return 0


def gunicorn_options(bind: str, workers: int) -> dict[str, Any]:
    """gunicorn settings: threads per worker, no access log (request lines name case files), quiet errors."""
    return {
        "bind": bind, "workers": max(1, workers), "worker_class": "gthread", "threads": THREADS_PER_WORKER,
        "timeout": TIMEOUT_SECONDS, "graceful_timeout": 10, "accesslog": None, "errorlog": "-",
        "loglevel": "warning", "preload_app": False, "proc_name": "casusbeeld",
    }


class CasusbeeldServer(BaseApplication):
    """gunicorn running the app; each worker builds its own app after it starts (nothing shared)."""

    def __init__(self, path: Path, lang: str, names: Sequence[str], *, bind: str, workers: int) -> None:
        self.path, self.lang, self.names = path, lang, list(names)
        self.options = gunicorn_options(bind, workers)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return create_app(self.path, lang=self.lang, allowed_hosts=self.names).server
