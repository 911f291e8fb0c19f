"""Run the app on a local address, without debug mode unless asked."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from app.factory import create_app
from app.guard import LOOPBACK_NAMES

WILDCARDS = ("0.0.0.0", "::")

NO_AUTH = ("casusbeeld start niet op {host}: er is geen inlog ingesteld, dus iedereen op het netwerk zou de "
           "casussen kunnen lezen. Zet er een reverse proxy met inlog en TLS voor en start met --behind-proxy.\n"
           "casusbeeld does not start on {host}: no login is configured, so anyone on the network could read the "
           "cases. Put a reverse proxy with login and TLS in front and start with --behind-proxy.")


def serve(path: Path, host: str = "127.0.0.1", port: int = 8050, debug: bool = False, lang: str = "nl",
          behind_proxy: bool = False, allowed_hosts: Sequence[str] = ()) -> int:
    """Serve the cases at ``path`` (a file or a folder) until interrupted.

    Beyond loopback the app refuses to start unless ``behind_proxy`` says a reverse proxy handles login;
    ``allowed_hosts`` are the names the app answers to besides loopback (the proxy's, e.g. ``casus.example.nl``).
    """
    if not path.exists():
        print(f"Niet gevonden / not found: {path}")
        return 2
    loopback = host in LOOPBACK_NAMES
    if not loopback and not behind_proxy:
        print(NO_AUTH.format(host=host))
        return 2
    names = [*LOOPBACK_NAMES, *allowed_hosts, *([] if loopback or host in WILDCARDS else [host])]
    # Request lines carry no case content, but keep werkzeug quiet: it is noise in a meeting room.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(path, lang=lang, allowed_hosts=names)
    if not loopback:
        print(f"Let op: casusbeeld is bereikbaar op het netwerk ({host}), achter een reverse proxy.\n"
              f"Note: casusbeeld is reachable on the network ({host}), behind a reverse proxy. "
              f"Names answered: {', '.join(names)}")
    print(f"casusbeeld: http://{'127.0.0.1' if host in WILDCARDS else host}:{port}/  (Ctrl+C stopt)")
    app.run(host=host, port=port, debug=debug)
    return 0
