"""The workshop store's tables (SQLite), what a store file made by an earlier version gets on opening, and the
perspectives' colours a workshop keeps."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from layouts.contributions import PALETTE
from models.contribution import case_perspective

CONTRIBUTIONS = """CREATE TABLE IF NOT EXISTS contributions (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id),
    participant INTEGER NOT NULL REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('event', 'person', 'relationship', 'answer', 'link')),
    payload TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL)"""
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS workshops (
    id INTEGER PRIMARY KEY, case_key TEXT NOT NULL, code TEXT NOT NULL UNIQUE, created TEXT NOT NULL,
    open INTEGER NOT NULL DEFAULT 1, answers_open INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 0,
    persons TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS participants (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id), name TEXT NOT NULL,
    perspective TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
{CONTRIBUTIONS};
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id),
    contribution INTEGER NOT NULL REFERENCES contributions(id), kind TEXT NOT NULL, before TEXT NOT NULL,
    created TEXT NOT NULL);
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
    """Make the tables, add the columns a store file made before lacks, and let its contributions table take
    links (its kind check was made for four kinds: the table is copied into one with the new check)."""
    con.executescript(SCHEMA)
    for table, columns in ADDED_COLUMNS.items():
        known = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in known:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    made = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contributions'").fetchone()
    if made and "'link'" not in made[0]:
        _take_links(con)


def _take_links(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("BEGIN IMMEDIATE")
    try:
        made = con.execute("SELECT sql FROM sqlite_master WHERE name = 'contributions'").fetchone()[0]
        if "'link'" in made:  # another worker did it meanwhile
            con.execute("COMMIT")
            return
        con.execute(CONTRIBUTIONS.replace("contributions (", "contributions_with_links (", 1))
        con.execute("ALTER TABLE contributions_with_links ADD COLUMN merged_into INTEGER")
        columns = ", ".join(row[1] for row in con.execute("PRAGMA table_info(contributions)"))
        con.execute(f"INSERT INTO contributions_with_links ({columns}) SELECT {columns} FROM contributions")
        con.execute("DROP TABLE contributions")
        con.execute("ALTER TABLE contributions_with_links RENAME TO contributions")
        con.execute("CREATE INDEX IF NOT EXISTS contributions_by_workshop ON contributions (workshop, id)")
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
    """The perspective a participant typed as the workshop knows it: the case's own (by its key) or an earlier
    participant's, when it is one of those typed otherwise (:func:`case_perspective`: any case, a Dutch plural);
    else as typed."""
    colours = stored_colours(con, workshop_id)
    found = case_perspective(typed, colours["case"])
    if found is not None and found.get("key"):
        return str(found["key"])
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
