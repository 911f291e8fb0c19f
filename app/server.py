"""Run the app on a local address, without debug mode unless asked."""

from __future__ import annotations

import logging
from pathlib import Path

from app.factory import create_app


def serve(path: Path, host: str = "127.0.0.1", port: int = 8050, debug: bool = False, lang: str = "nl") -> int:
    """Serve the cases at ``path`` (a file or a folder) until interrupted."""
    if not path.exists():
        print(f"Niet gevonden / not found: {path}")
        return 2
    # Request lines carry no case content, but keep werkzeug quiet: it is noise in a meeting room.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(path, lang=lang)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Let op: casusbeeld is bereikbaar voor anderen op het netwerk ({host}).")
    print(f"casusbeeld: http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/  (Ctrl+C stopt)")
    app.run(host=host, port=port, debug=debug)
    return 0
