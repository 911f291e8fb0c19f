"""The shared state of a workshop in one SQLite file: workshops, participants, contributions and the facilitator's
steps (hide, show, merge, move, a perspective's colour), each of which can be undone.

Nothing is kept in process memory: every call opens its own connection (WAL mode, a busy timeout), so several
gunicorn workers, threads and a reloaded page all see the same state. Each workshop has a ``version`` that every
change raises in the same transaction; the wall polls it and redraws only when it moved.

Each perspective gets its colour once, when its first participant joins (the case's own for a perspective the case
has, else the first free palette colour), and keeps it until the group chooses another (:meth:`set_colour`, a step
that can be undone).

A participant is known by a random token (kept in their browser's cookie); the store keeps only its hash. Every
participant call names the workshop it is for, and a token of another workshop is refused (``None``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.workshop_schema import give_colour, known_perspective, prepare, stored_colours
from app.workshop_steps import record, record_colour, set_colours, undo_last
from models.contribution import KINDS, Contribution, validated_payload

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Join codes: no 0/O or 1/I to confuse when read off a wall."""
CODE_LENGTH = 5
MAX_NAME = 60
MAX_PERSPECTIVE = 60
STORE_NAME = ".casusbeeld-workshops.sqlite3"
STORE_KEY = "CASUSBEELD_WORKSHOP_DB"
"""``app.server.config`` key: the path of the workshop store (see :func:`store_path`)."""

@dataclass(frozen=True)
class Workshop:
    id: int
    case_key: str
    code: str
    created: str
    open: bool
    answers_open: bool
    version: int
    persons: tuple[tuple[str, str], ...]
    """(id, label) of the case's persons when the workshop opened: what a participant can link a relation to."""
    events: tuple[tuple[str, str], ...] = ()
    """(id, "date · title") of the case's events when the workshop opened: what a participant's link may join."""
    colours: tuple[tuple[str, str], ...] = ()
    """(perspective, #rrggbb): each participant's perspective's colour, given on joining, changed by the group."""


@dataclass(frozen=True)
class Participant:
    id: int
    workshop: int
    name: str
    perspective: str


ENV_PATH = "CASUSBEELD_WORKSHOP_DB"
"""Environment variable naming the store file when it should not sit in the case folder."""


def store_path(cases: Path | None, configured: Path | None = None) -> Path | None:
    """Where the workshop store lives: ``configured``, else the file ``$CASUSBEELD_WORKSHOP_DB`` names, else a hidden
    file in the case folder (beside a single case file); None without any of them."""
    if configured is None and os.environ.get(ENV_PATH):
        configured = Path(os.environ[ENV_PATH])
    if configured is not None:
        return configured
    if cases is None:
        return None
    return (cases if cases.is_dir() else cases.parent) / STORE_NAME


def open_store(path: Path | None, create: bool = False) -> WorkshopStore | None:
    """The store at ``path``; None without a path, or when the file is not there yet and ``create`` is false (so
    merely looking for workshops leaves no file behind)."""
    if path is None or not (create or path.exists()):
        return None
    return WorkshopStore(path)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", errors="replace")).hexdigest()


def normal_code(code: Any) -> str:
    """A typed join code as stored: upper case, spaces and dashes dropped."""
    return "".join(ch for ch in str(code or "").upper() if ch.isalnum())[:CODE_LENGTH * 2]


class WorkshopStore:
    """Workshops, participants and contributions in the SQLite file at ``path`` (made on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            prepare(con)

    @contextlib.contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=NORMAL")
            if write:
                con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                if write:
                    con.execute("ROLLBACK")
                raise
            if write:
                con.execute("COMMIT")
        finally:
            con.close()

    # --- workshops ---------------------------------------------------------------------------------------------

    def open_workshop(self, case_key: str, persons: Sequence[tuple[str, str]] = (),
                      events: Sequence[tuple[str, str]] = (), perspectives: Sequence[dict[str, Any]] = ()
                      ) -> Workshop:
        """A new open workshop on the case called ``case_key``, with a fresh join code; ``persons`` and ``events``
        (id, label) are what participants may refer to, ``perspectives`` the case's own (their colours kept)."""
        with self._connect(write=True) as con:
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if con.execute("SELECT 1 FROM workshops WHERE code = ?", (code,)).fetchone() is None:
                    break
            known = [{k: str(p.get(k, "")) for k in ("key", "label", "colour")} for p in perspectives]
            cursor = con.execute("INSERT INTO workshops (case_key, code, created, persons, events, colours) "
                                 "VALUES (?, ?, ?, ?, ?, ?)",
                                 (case_key, code, _now(), json.dumps([list(p) for p in persons]),
                                  json.dumps([list(e) for e in events]), json.dumps({"case": known, "given": {}})))
            workshop_id = int(cursor.lastrowid or 0)
        found = self.workshop(workshop_id)
        assert found is not None
        return found

    def workshop(self, workshop_id: int) -> Workshop | None:
        with self._connect() as con:
            row = con.execute("SELECT * FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        return _workshop(row) if row else None

    def by_code(self, code: str) -> Workshop | None:
        """The open workshop with join code ``code`` (typed loosely), or None."""
        with self._connect() as con:
            row = con.execute("SELECT * FROM workshops WHERE code = ? AND open = 1", (normal_code(code),)).fetchone()
        return _workshop(row) if row else None

    def open_for_case(self, case_key: str) -> Workshop | None:
        """The newest open workshop on ``case_key`` (the facilitator's page finds it again after a reload)."""
        with self._connect() as con:
            row = con.execute("SELECT * FROM workshops WHERE case_key = ? AND open = 1 ORDER BY id DESC LIMIT 1",
                              (case_key,)).fetchone()
        return _workshop(row) if row else None

    def move_case(self, old_key: str, new_key: str) -> int:
        """Tie the open workshops on ``old_key`` to ``new_key`` (the case was saved under a new file name): how
        many moved."""
        with self._connect(write=True) as con:
            ids = [int(r[0]) for r in con.execute("SELECT id FROM workshops WHERE case_key = ? AND open = 1",
                                                  (old_key,))]
            con.execute("UPDATE workshops SET case_key = ? WHERE case_key = ? AND open = 1", (new_key, old_key))
            for workshop_id in ids:
                _bump(con, workshop_id)
        return len(ids)

    def close_workshop(self, workshop_id: int) -> None:
        """Close a workshop: its code no longer lets anyone join or add."""
        self._change(workshop_id, "UPDATE workshops SET open = 0 WHERE id = ?", (workshop_id,))

    def set_answers_open(self, workshop_id: int, shown: bool) -> None:
        """Show (or hide again) the participants' answers together on the wall."""
        self._change(workshop_id, "UPDATE workshops SET answers_open = ? WHERE id = ?", (int(shown), workshop_id))

    def version(self, workshop_id: int) -> int:
        """A number that grows with every change to the workshop (-1 when there is no such workshop)."""
        with self._connect() as con:
            row = con.execute("SELECT version FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        return int(row[0]) if row else -1

    def _change(self, workshop_id: int, sql: str, args: tuple) -> None:
        with self._connect(write=True) as con:
            con.execute(sql, args)
            _bump(con, workshop_id)

    # --- participants ------------------------------------------------------------------------------------------

    def join(self, code: str, name: str, perspective: str) -> tuple[Participant, str] | None:
        """Join the open workshop with ``code``: the participant and their secret token; None for an unknown or
        closed code or an empty name or perspective. A perspective the case or an earlier participant has, typed
        otherwise ("Ouders" for ``ouder``), is that one (:func:`known_perspective`)."""
        name, perspective = " ".join(str(name or "").split()), " ".join(str(perspective or "").split()).lower()
        if not name or not perspective or len(name) > MAX_NAME or len(perspective) > MAX_PERSPECTIVE:
            return None
        workshop = self.by_code(code)
        if workshop is None:
            return None
        token = secrets.token_urlsafe(32)
        with self._connect(write=True) as con:
            perspective = known_perspective(con, workshop.id, perspective)
            cursor = con.execute("INSERT INTO participants (workshop, name, perspective, token_hash, created) "
                                 "VALUES (?, ?, ?, ?, ?)", (workshop.id, name, perspective, _token_hash(token), _now()))
            give_colour(con, workshop.id, perspective)
            _bump(con, workshop.id)
        return Participant(int(cursor.lastrowid or 0), workshop.id, name, perspective), token

    def set_colour(self, workshop_id: int, perspective: str, colour: str) -> bool:
        """The group's colour for one of the workshop's perspectives (``#rrggbb``); the step can be undone. False
        when it is not one of its participants' perspectives, not a colour, or its colour already."""
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(colour or "")):
            return False
        with self._connect(write=True) as con:
            if con.execute("SELECT 1 FROM participants WHERE workshop = ? AND perspective = ?",
                           (workshop_id, perspective)).fetchone() is None:
                return False
            given = stored_colours(con, workshop_id)["given"]
            if str(given.get(perspective, "")).upper() == colour.upper():
                return False
            record_colour(con, workshop_id, perspective, given.get(perspective))
            set_colours(con, workshop_id, {**given, perspective: colour.upper()})
            _bump(con, workshop_id)
        return True

    def participant(self, token: str | None, workshop_id: int) -> Participant | None:
        """The participant holding ``token`` in the open workshop ``workshop_id``; None for an unknown token, a
        closed workshop, or a token of another workshop (refused)."""
        if not token:
            return None
        with self._connect() as con:
            row = con.execute(
                "SELECT p.* FROM participants p JOIN workshops w ON w.id = p.workshop "
                "WHERE p.token_hash = ? AND w.open = 1", (_token_hash(token),)).fetchone()
        if row is None or int(row["workshop"]) != workshop_id:
            return None
        return Participant(int(row["id"]), int(row["workshop"]), row["name"], row["perspective"])

    def participants(self, workshop_id: int) -> list[Participant]:
        with self._connect() as con:
            rows = con.execute("SELECT * FROM participants WHERE workshop = ? ORDER BY id", (workshop_id,)).fetchall()
        return [Participant(int(r["id"]), int(r["workshop"]), r["name"], r["perspective"]) for r in rows]

    # --- contributions -----------------------------------------------------------------------------------------

    def contribute(self, token: str | None, workshop_id: int, kind: str, payload: Any) -> Contribution | None:
        """Add a participant's contribution; None when the token is refused for this workshop. ``ValueError`` when
        the payload is not what the case accepts for ``kind`` (nothing is stored)."""
        who = self.participant(token, workshop_id)
        if who is None:
            return None
        data = validated_payload(kind, payload)
        with self._connect(write=True) as con:
            cursor = con.execute("INSERT INTO contributions (workshop, participant, kind, payload, created) "
                                 "VALUES (?, ?, ?, ?, ?)", (workshop_id, who.id, kind, json.dumps(data), _now()))
            _bump(con, workshop_id)
        return Contribution(int(cursor.lastrowid or 0), workshop_id, kind, data, who.name, who.perspective)

    def contributions(self, workshop_id: int, participant: int | None = None) -> list[Contribution]:
        """The workshop's contributions in the order they were made, hidden and merged ones included (marked); each
        names the authors of those merged into it (``also_by``)."""
        sql = ("SELECT c.*, p.name, p.perspective FROM contributions c JOIN participants p ON p.id = c.participant "
               "WHERE c.workshop = ? ORDER BY c.id")
        with self._connect() as con:
            rows = [r for r in con.execute(sql, (workshop_id,)).fetchall() if r["kind"] in KINDS]
        also: dict[int, list[tuple[str, str]]] = {}
        for r in rows:
            if r["merged_into"] is not None:
                also.setdefault(int(r["merged_into"]), []).append((r["name"], r["perspective"]))
        return [Contribution(int(r["id"]), int(r["workshop"]), r["kind"], json.loads(r["payload"]), r["name"],
                             r["perspective"], bool(r["hidden"]),
                             int(r["merged_into"]) if r["merged_into"] is not None else None,
                             tuple(also.get(int(r["id"]), ())))
                for r in rows if participant is None or int(r["participant"]) == participant]

    def set_hidden(self, workshop_id: int, contribution_id: int, hidden: bool) -> bool:
        """Hide (or show again) a contribution of the workshop; the step can be undone. False when it is not one
        of the workshop's or already so."""
        with self._connect(write=True) as con:
            row = _row(con, workshop_id, contribution_id)
            if row is None or bool(row["hidden"]) == hidden:
                return False
            record(con, row, "hide" if hidden else "show")
            con.execute("UPDATE contributions SET hidden = ? WHERE id = ?", (int(hidden), contribution_id))
            _bump(con, workshop_id)
        return True

    def merge(self, workshop_id: int, duplicate: int, kept: int) -> bool:
        """Merge ``duplicate`` into ``kept`` (two contributions that say the same): the duplicate leaves the wall
        and the case, ``kept`` keeps its author and names the duplicate's too. False unless both are the workshop's,
        of one kind, and neither is merged already (nor ``kept`` hidden)."""
        with self._connect(write=True) as con:
            gone, stays = _row(con, workshop_id, duplicate), _row(con, workshop_id, kept)
            if gone is None or stays is None or duplicate == kept or gone["kind"] != stays["kind"] \
                    or gone["merged_into"] is not None or stays["merged_into"] is not None or stays["hidden"]:
                return False
            record(con, gone, "merge")
            con.execute("UPDATE contributions SET merged_into = ? WHERE merged_into = ?", (kept, duplicate))
            con.execute("UPDATE contributions SET merged_into = ? WHERE id = ?", (kept, duplicate))
            _bump(con, workshop_id)
        return True

    def move(self, workshop_id: int, contribution_id: int, date: str | None = None, layer: str | None = None
             ) -> bool:
        """Move an added event to another ``date`` and/or side of the line (``layer``: "formal" above, "lived"
        below). False when it is not an event of the workshop or nothing changes; ``ValueError`` for a date or
        side the case refuses (nothing is stored)."""
        with self._connect(write=True) as con:
            row = _row(con, workshop_id, contribution_id)
            if row is None or row["kind"] != "event":
                return False
            payload = json.loads(row["payload"])
            moved = validated_payload("event", {**payload, **({"date": date} if date else {}),
                                                **({"layer": layer} if layer else {})})
            if moved == payload:
                return False
            record(con, row, "move")
            con.execute("UPDATE contributions SET payload = ? WHERE id = ?", (json.dumps(moved), contribution_id))
            _bump(con, workshop_id)
        return True

    def undo(self, workshop_id: int) -> int | str | None:
        """Undo the facilitator's last step (hide, show, merge, move or a colour): the contribution id it concerned
        (the perspective, for a colour), or None when none is left."""
        with self._connect(write=True) as con:
            undone = undo_last(con, workshop_id)
            if undone is not None:
                _bump(con, workshop_id)
        return undone

    def can_undo(self, workshop_id: int) -> bool:
        with self._connect() as con:
            return con.execute("SELECT 1 FROM actions WHERE workshop = ? LIMIT 1", (workshop_id,)).fetchone() \
                is not None


def _row(con: sqlite3.Connection, workshop_id: int, contribution_id: int) -> sqlite3.Row | None:
    return con.execute("SELECT * FROM contributions WHERE id = ? AND workshop = ?",
                       (contribution_id, workshop_id)).fetchone()


def _bump(con: sqlite3.Connection, workshop_id: int) -> None:
    con.execute("UPDATE workshops SET version = version + 1 WHERE id = ?", (workshop_id,))


def _workshop(row: sqlite3.Row) -> Workshop:
    persons = tuple((str(p[0]), str(p[1])) for p in json.loads(row["persons"] or "[]"))
    events = tuple((str(e[0]), str(e[1])) for e in json.loads(row["events"] or "[]"))
    colours = tuple(json.loads(row["colours"] or "{}").get("given", {}).items())
    return Workshop(int(row["id"]), row["case_key"], row["code"], row["created"], bool(row["open"]),
                    bool(row["answers_open"]), int(row["version"]), persons, events, colours)
