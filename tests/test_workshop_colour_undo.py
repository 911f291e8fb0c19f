"""The facilitator's colour change is a step like hide, merge and move: "Ongedaan maken" puts the colour back,
in the order the steps were taken, seen by every worker; a store file made before colour steps takes them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.callbacks.workshop import facilitator_step
from app.workshop_store import STORE_NAME, WorkshopStore

EVENT = {"title": "Ruzie thuis", "date": "2021-05-02", "layer": "lived", "type": "experience"}


def colours(store: WorkshopStore, workshop_id: int) -> dict[str, str]:
    found = store.workshop(workshop_id)
    assert found is not None
    return dict(found.colours)


def test_a_colour_change_is_undone_in_turn_with_the_other_steps(tmp_path: Path) -> None:
    store, other = WorkshopStore(tmp_path / STORE_NAME), WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop("x.json")
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    given = colours(store, workshop.id)["school"]
    added = store.contribute(token, workshop.id, "event", EVENT)
    assert added and store.set_hidden(workshop.id, added.id, True)
    version = store.version(workshop.id)
    assert store.set_colour(workshop.id, "school", "#7f3c8d")
    assert store.set_colour(workshop.id, "school", "#8C564B")
    assert not store.set_colour(workshop.id, "school", "#8c564b")  # the same colour: no step to undo
    assert colours(store, workshop.id)["school"] == "#8C564B" and store.version(workshop.id) == version + 2
    assert other.undo(workshop.id) == "school"  # another worker undoes: the colour before the last change
    assert colours(store, workshop.id)["school"] == "#7F3C8D" and store.version(workshop.id) == version + 3
    assert other.undo(workshop.id) == "school"
    assert colours(store, workshop.id)["school"] == given
    assert store.contributions(workshop.id)[0].hidden  # the hide before the colour changes is still there
    assert store.undo(workshop.id) == added.id and not store.contributions(workshop.id)[0].hidden
    assert store.undo(workshop.id) is None and not store.can_undo(workshop.id)


def test_the_wall_s_undo_button_puts_the_colour_back(tmp_path: Path) -> None:
    store = WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop("x.json")
    assert store.join(workshop.code, "Bo", "ouder")
    given = colours(store, workshop.id)["ouder"]
    assert store.set_colour(workshop.id, "ouder", "#009E73") and store.can_undo(workshop.id)
    assert facilitator_step(store, workshop.id, "workshop-undo", [], None) is None
    assert colours(store, workshop.id)["ouder"] == given and not store.can_undo(workshop.id)


def test_a_store_made_before_colour_steps_keeps_its_steps_and_takes_colour_steps(tmp_path: Path) -> None:
    path = tmp_path / STORE_NAME
    store = WorkshopStore(path)
    workshop = store.open_workshop("x.json")
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    added = store.contribute(token, workshop.id, "event", EVENT)
    assert added and store.set_hidden(workshop.id, added.id, True)
    with sqlite3.connect(path) as con:  # the actions table as the versions before colour steps made it
        con.executescript("""
            ALTER TABLE actions RENAME TO actions_old;
            CREATE TABLE actions (
                id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL REFERENCES workshops(id),
                contribution INTEGER NOT NULL REFERENCES contributions(id), kind TEXT NOT NULL,
                before TEXT NOT NULL, created TEXT NOT NULL);
            INSERT INTO actions SELECT * FROM actions_old;
            DROP TABLE actions_old;""")
    reopened = WorkshopStore(path)
    given = colours(reopened, workshop.id)["school"]
    assert reopened.set_colour(workshop.id, "school", "#7F3C8D")
    assert reopened.undo(workshop.id) == "school" and colours(reopened, workshop.id)["school"] == given
    assert reopened.undo(workshop.id) == added.id and not reopened.contributions(workshop.id)[0].hidden
