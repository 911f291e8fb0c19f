"""Who saved which version of a case file: one line per save in ``.casusbeeld-saves.jsonl`` in the case folder.

Written only when people log in (:func:`app.auth.current_user`); login-free use on one's own computer leaves
no such file. The record stays beside the files rather than inside them: a pseudonymised case file is shared
beyond the team (analysts, a report), its savers' names are not. Each line is JSON with ``time`` (UTC),
``user``, ``file``, ``action`` (``save`` or ``save_as``) and ``version`` (the saved bytes' fingerprint,
:func:`models.saving.fingerprint`), so a team can tell who wrote the version on disk. Lines are appended with
``O_APPEND`` (one ``write`` each), so workers saving at the same time do not interleave.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from app.auth import current_user

AUDIT_FILE = ".casusbeeld-saves.jsonl"


def record_save(path: Path, version: str | None, action: str = "save") -> None:
    """Note that the logged-in person saved ``path`` (nothing when nobody is logged in)."""
    user = current_user()
    if user is None:
        return
    line = json.dumps({"time": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), "user": user,
                       "file": path.name, "action": action, "version": version}, ensure_ascii=False)
    fd = os.open(path.parent / AUDIT_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def saves(folder: Path, name: str | None = None) -> list[dict[str, Any]]:
    """The recorded saves in ``folder`` (of file ``name`` only, when given), oldest first."""
    try:
        lines = (folder / AUDIT_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and (name is None or entry.get("file") == name):
            found.append(entry)
    return found


def last_saver(path: Path, version: str | None) -> str | None:
    """Who saved the version ``version`` of ``path``, if recorded."""
    for entry in reversed(saves(path.parent, path.name)):
        if entry.get("version") == version:
            user = entry.get("user")
            return user if isinstance(user, str) else None
    return None
