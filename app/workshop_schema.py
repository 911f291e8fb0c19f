"""The workshop store's tables (SQLite), what a store file made by an earlier version gets on opening, and the
perspectives' colours a workshop keeps."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from layouts.contributions import PALETTE
from models.contribution import case_perspective

CONTRIBUTIONS = """CREATE TABLE IF NOT EXISTS contributions (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id),
    participant INTEGER NOT NULL REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('event', 'person', 'relationship', 'answer', 'link')),
    payload TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL)"""
ACTIONS_TABLE = """CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id),
    contribution INTEGER REFERENCES contributions(id), kind TEXT NOT NULL, before TEXT NOT NULL,
    created TEXT NOT NULL)"""
"""The facilitator's steps, each with what undoing it puts back; a colour step concerns no contribution."""
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS workshops (
    id INTEGER PRIMARY KEY, case_key TEXT NOT NULL, code TEXT NOT NULL UNIQUE, created TEXT NOT NULL,
    open INTEGER NOT NULL DEFAULT 1, answers_open INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 0,
    persons TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS participants (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id), name TEXT NOT NULL,
    perspective TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
{CONTRIBUTIONS};
{ACTIONS_TABLE};
CREATE INDEX IF NOT EXISTS contributions_by_workshop ON contributions (workshop, id);
CREATE INDEX IF NOT EXISTS workshops_by_case ON workshops (case_key, open);
"""
ADDED_COLUMNS = {
    "contributions": (("merged_into", "INTEGER"),),
    "workshops": (("events", "TEXT NOT NULL DEFAULT '[]'"), ("colours", "TEXT NOT NULL DEFAULT '{}'")),
}
"""Columns added since the first version: the contribution merged into; the case's events when the workshop
opened (what a link may start or end at) and each perspective's colour."""


def prepare(con: sqlite3.Connection) -> None:
    """Make the tables, add the columns a store file made before lacks, let its contributions table take links
    (its kind check was made for four kinds) and its actions table take colour steps (made for contributions'
    steps only): each such table is copied into one made anew."""
    con.executescript(SCHEMA)
    for table, columns in ADDED_COLUMNS.items():
        known = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in known:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    if "'link'" not in _made(con, "contributions"):
        _remake(con, "contributions", CONTRIBUTIONS, lambda made: "'link'" not in made,
                before_copy=("ALTER TABLE {new} ADD COLUMN merged_into INTEGER",),
                after=("CREATE INDEX IF NOT EXISTS contributions_by_workshop ON contributions (workshop, id)",))
    if _only_contribution_steps(_made(con, "actions")):
        _remake(con, "actions", ACTIONS_TABLE, _only_contribution_steps)


def _made(con: sqlite3.Connection, table: str) -> str:
    row = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    return str(row[0]) if row else ""


def _only_contribution_steps(made: str) -> bool:
    return re.search(r"\bcontribution\s+INTEGER\s+NOT\s+NULL", made, flags=re.IGNORECASE) is not None


def _remake(con: sqlite3.Connection, table: str, create: str, stale: Callable[[str], bool],
            before_copy: Sequence[str] = (), after: Sequence[str] = ()) -> None:
    """Copy ``table`` into one made by ``create`` (its ``CREATE TABLE``) and ``before_copy`` (``{new}`` names the
    new table), then ``after``; in one transaction, and not when ``stale`` no longer holds of the table's SQL
    (another worker did it meanwhile)."""
    new = f"{table}_remade"
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("BEGIN IMMEDIATE")
    try:
        if stale(_made(con, table)):
            con.execute(create.replace(f"{table} (", f"{new} (", 1))
            for statement in before_copy:
                con.execute(statement.format(new=new))
            columns = ", ".join(row[1] for row in con.execute(f"PRAGMA table_info({table})"))
            con.execute(f"INSERT INTO {new} ({columns}) SELECT {columns} FROM {table}")
            con.execute(f"DROP TABLE {table}")
            con.execute(f"ALTER TABLE {new} RENAME TO {table}")
            for statement in after:
                con.execute(statement)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("PRAGMA foreign_keys=ON")


def stored_colours(con: sqlite3.Connection, workshop_id: int) -> dict[str, Any]:
    """The workshop's colours column: the case's perspectives when it opened, and each perspective's colour."""
    row = con.execute("SELECT colours FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
    found = json.loads(row[0] or "{}") if row else {}
    return {"case": list(found.get("case", [])), "given": dict(found.get("given", {}))}


def known_perspective(con: sqlite3.Connection, workshop_id: int, typed: str) -> str:
    """The perspective a participant typed as the workshop knows it: the case's own (by the label the case gives
    it, as the wall's legend and the side panel show it: typed "ouder" or "OUDERS" is the case's "Ouders") or an
    earlier participant's, when it is one of those typed otherwise (:func:`case_perspective`: any case, a Dutch
    plural); else as typed."""
    colours = stored_colours(con, workshop_id)
    found = case_perspective(typed, colours["case"])
    if found is not None and (found.get("label") or found.get("key")):
        return str(found.get("label") or found["key"])
    earlier = case_perspective(typed, [{"key": given, "label": given} for given in colours["given"]])
    return str(earlier["key"]) if earlier is not None else typed


def give_colour(con: sqlite3.Connection, workshop_id: int, perspective: str) -> None:
    """A perspective new to the workshop gets its colour once: the case's own for a perspective the case has,
    else the first palette colour nobody has (so it stays the same however many join later)."""
    colours = stored_colours(con, workshop_id)
    if perspective in colours["given"]:
        return
    known = case_perspective(perspective, colours["case"])
    taken = {c.upper() for c in [*colours["given"].values(), *(p.get("colour", "") for p in colours["case"])]}
    free = [c for c in PALETTE if c.upper() not in taken] or [PALETTE[len(colours["given"]) % len(PALETTE)]]
    colours["given"][perspective] = known["colour"] if known and known.get("colour") else free[0]
    con.execute("UPDATE workshops SET colours = ? WHERE id = ?", (json.dumps(colours), workshop_id))
