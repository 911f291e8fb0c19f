"""The facilitator's steps in the workshop store (hide, show, merge, move, colour): each is recorded with what
undoing it puts back, and :func:`undo_last` undoes the newest, whatever its kind."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from app.workshop_schema import stored_colours

STEPS = ("hide", "show", "merge", "move", "colour")
"""The facilitator's steps: the first four record the contribution as it was before, ``colour`` a perspective's
colour before the group chose another."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def record(con: sqlite3.Connection, row: sqlite3.Row, kind: str) -> None:
    """Record a step on the contribution ``row`` with what undoing it puts back."""
    before: dict[str, Any] = {"hidden": int(row["hidden"]), "payload": row["payload"],
                              "merged_into": row["merged_into"]}
    if kind == "merge":
        before["carried"] = [int(r[0]) for r in con.execute("SELECT id FROM contributions WHERE merged_into = ?",
                                                            (row["id"],))]
    con.execute("INSERT INTO actions (workshop, contribution, kind, before, created) VALUES (?, ?, ?, ?, ?)",
                (row["workshop"], row["id"], kind, json.dumps(before), _now()))


def record_colour(con: sqlite3.Connection, workshop_id: int, perspective: str, colour: str | None) -> None:
    """Record that ``perspective`` had ``colour`` (None: none yet) before the group chose another."""
    con.execute("INSERT INTO actions (workshop, contribution, kind, before, created) VALUES (?, NULL, ?, ?, ?)",
                (workshop_id, "colour", json.dumps({"perspective": perspective, "colour": colour}), _now()))


def set_colours(con: sqlite3.Connection, workshop_id: int, given: dict[str, str]) -> None:
    """Keep ``given`` as the workshop's perspectives' colours (the case's perspectives unchanged)."""
    colours = {**stored_colours(con, workshop_id), "given": given}
    con.execute("UPDATE workshops SET colours = ? WHERE id = ?", (json.dumps(colours), workshop_id))


def undo_last(con: sqlite3.Connection, workshop_id: int) -> int | str | None:
    """Undo the newest step: the contribution id it concerned (the perspective, for a colour step), or None when
    none is left. The caller raises the workshop's version."""
    row = con.execute("SELECT id, contribution, kind, before FROM actions WHERE workshop = ? "
                      "ORDER BY id DESC LIMIT 1", (workshop_id,)).fetchone()
    if row is None:
        return None
    before = json.loads(row["before"])
    con.execute("DELETE FROM actions WHERE id = ?", (row["id"],))
    if row["kind"] == "colour":
        given = stored_colours(con, workshop_id)["given"]
        if before.get("colour"):
            given[before["perspective"]] = before["colour"]
        else:
            given.pop(before["perspective"], None)
        set_colours(con, workshop_id, given)
        return str(before["perspective"])
    # what had been merged into a merged duplicate went along with it: back to the duplicate
    con.executemany("UPDATE contributions SET merged_into = ? WHERE id = ?",
                    [(row["contribution"], carried) for carried in before.get("carried", [])])
    con.execute("UPDATE contributions SET hidden = ?, payload = ?, merged_into = ? WHERE id = ?",
                (before["hidden"], before["payload"], before["merged_into"], row["contribution"]))
    return int(row["contribution"])
