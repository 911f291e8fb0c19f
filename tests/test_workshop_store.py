"""The workshop store: joining, contributing, refusing other workshops' tokens, hiding and undoing, versions,
and state shared between connections and processes."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from app.workshop_store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ENV_PATH,
    STORE_NAME,
    WorkshopStore,
    normal_code,
    store_path,
)
from models import validate_case_data
from models.contribution import item_id, with_contributions
from models.saving import case_bytes
from tests.case_builders import BASE_CASE

EVENT = {"title": "Ruzie thuis", "date": "2021-05-02", "layer": "lived", "type": "experience"}


@pytest.fixture
def store(tmp_path: Path) -> WorkshopStore:
    return WorkshopStore(tmp_path / "ws.sqlite3")


def test_open_workshop_has_a_short_readable_code_and_is_found_by_it(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json", [("kind", "Kind")])
    assert len(workshop.code) == CODE_LENGTH and set(workshop.code) <= set(CODE_ALPHABET)
    assert store.by_code(workshop.code.lower()) == workshop  # typed loosely on a phone
    assert store.by_code(f" {workshop.code[:2]}-{workshop.code[2:]} ") == workshop
    assert workshop.persons == (("kind", "Kind"),)
    assert store.open_for_case("lisa.json") == workshop
    assert store.open_for_case("noor.json") is None


def test_join_gives_a_token_that_names_the_participant(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json")
    joined = store.join(workshop.code, "  Anna  de Vries ", " Ouder ")
    assert joined is not None
    who, token = joined
    assert (who.name, who.perspective) == ("Anna de Vries", "ouder")
    assert store.participant(token, workshop.id) == who
    assert store.participants(workshop.id) == [who]


@pytest.mark.parametrize(("code", "name", "perspective"), [("ZZZZZ", "Anna", "ouder"), (None, "", "ouder"),
                                                            (None, "Anna", " "), (None, "A" * 61, "ouder")])
def test_join_refuses_unknown_codes_and_empty_names(store: WorkshopStore, code: str | None, name: str,
                                                    perspective: str) -> None:
    workshop = store.open_workshop("lisa.json")
    assert store.join(code or workshop.code, name, perspective) is None
    assert store.participants(workshop.id) == []


def test_a_token_of_workshop_a_is_refused_for_workshop_b(store: WorkshopStore) -> None:
    a, b = store.open_workshop("lisa.json"), store.open_workshop("noor.json")
    joined = store.join(a.code, "Anna", "school")
    assert joined is not None
    _, token = joined
    assert store.participant(token, b.id) is None
    assert store.contribute(token, b.id, "event", EVENT) is None
    assert store.contributions(b.id) == []
    assert store.version(b.id) == 0  # nothing changed in B
    assert store.participant("not-a-token", a.id) is None
    assert store.participant(None, a.id) is None


def test_closing_a_workshop_refuses_its_code_and_tokens(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json")
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    store.close_workshop(workshop.id)
    assert store.by_code(workshop.code) is None
    assert store.join(workshop.code, "Bo", "ouder") is None
    assert store.contribute(token, workshop.id, "event", EVENT) is None


def test_contributions_are_checked_by_the_case_models(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json")
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    added = store.contribute(token, workshop.id, "event", EVENT)
    assert added is not None and added.payload == EVENT and (added.name, added.perspective) == ("Anna", "school")
    for kind, payload in [("event", {**EVENT, "date": "31-31-2021"}), ("event", {**EVENT, "layer": "middle"}),
                          ("event", {**EVENT, "id": "e1"}), ("person", {"label": "", "kind": "family"}),
                          ("relationship", {"source": "kind", "target": "vader", "type": "hates"}),
                          ("answer", {"question": "why", "text": "Iets"}), ("answer", {"question": "see", "text": " "}),
                          ("spell", {"x": 1}), ("event", {**EVENT, "added_by": {"name": "Eve"}})]:
        with pytest.raises(ValueError):
            store.contribute(token, workshop.id, kind, payload)
    assert [c.id for c in store.contributions(workshop.id)] == [added.id]


def test_every_change_raises_the_version(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json")
    seen = [store.version(workshop.id)]
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    seen.append(store.version(workshop.id))
    added = store.contribute(token, workshop.id, "person", {"label": "Buurvrouw", "kind": "network"})
    assert added is not None
    seen.append(store.version(workshop.id))
    store.set_hidden(workshop.id, added.id, True)
    seen.append(store.version(workshop.id))
    store.set_answers_open(workshop.id, True)
    seen.append(store.version(workshop.id))
    assert seen == sorted(set(seen)) and len(seen) == 5
    assert store.version(999) == -1


def test_hide_unhide_and_undo(store: WorkshopStore) -> None:
    workshop = store.open_workshop("lisa.json")
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    first = store.contribute(token, workshop.id, "event", EVENT)
    second = store.contribute(token, workshop.id, "event", {**EVENT, "title": "Weggelopen"})
    assert first and second and not store.can_undo(workshop.id)
    assert store.set_hidden(workshop.id, first.id, True)
    assert not store.set_hidden(workshop.id, first.id, True)  # already hidden: no step to undo
    assert store.set_hidden(workshop.id, second.id, True)
    assert [c.hidden for c in store.contributions(workshop.id)] == [True, True]
    assert store.undo(workshop.id) == second.id
    assert [c.hidden for c in store.contributions(workshop.id)] == [True, False]
    assert store.undo(workshop.id) == first.id
    assert [c.hidden for c in store.contributions(workshop.id)] == [False, False]
    assert store.undo(workshop.id) is None


def test_hiding_is_limited_to_the_workshops_own_contributions(store: WorkshopStore) -> None:
    a, b = store.open_workshop("lisa.json"), store.open_workshop("noor.json")
    _, token = store.join(a.code, "Anna", "school") or (None, "")
    added = store.contribute(token, a.id, "event", EVENT)
    assert added is not None
    assert not store.set_hidden(b.id, added.id, True)
    assert not store.contributions(a.id)[0].hidden


def test_state_is_shared_between_store_objects_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    one = WorkshopStore(path)
    workshop = one.open_workshop("lisa.json")
    _, token = one.join(workshop.code, "Anna", "school") or (None, "")
    two = WorkshopStore(path)  # another worker, or the same one after a reload
    assert two.participant(token, workshop.id) is not None
    assert two.contribute(token, workshop.id, "event", EVENT) is not None
    assert len(one.contributions(workshop.id)) == 1
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _add_events(path: str, token: str, workshop: int, count: int) -> None:
    store = WorkshopStore(Path(path))
    for i in range(count):
        assert store.contribute(token, workshop, "event", {**EVENT, "title": f"Gebeurtenis {i}"}) is not None


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    store = WorkshopStore(path)
    workshop = store.open_workshop("lisa.json")
    tokens = [(store.join(workshop.code, name, "school") or (None, ""))[1] for name in ("Anna", "Bo")]
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_events, args=(str(path), token, workshop.id, 15)) for token in tokens]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert len(store.contributions(workshop.id)) == 30
    assert store.version(workshop.id) == 2 + 30


def test_store_path_sits_in_the_case_folder_unless_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PATH, raising=False)
    case = tmp_path / "lisa.json"
    case.write_text("{}")
    assert store_path(tmp_path) == tmp_path / STORE_NAME
    assert store_path(case) == tmp_path / STORE_NAME
    assert store_path(tmp_path, tmp_path / "elders.db") == tmp_path / "elders.db"
    assert store_path(None) is None
    monkeypatch.setenv(ENV_PATH, str(tmp_path / "env.db"))
    assert store_path(tmp_path) == tmp_path / "env.db"
    assert normal_code("ab-c d1") == "ABCD1"


def test_visible_contributions_join_the_case_with_their_authors(store: WorkshopStore) -> None:
    workshop = store.open_workshop("test.json")
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    _, bo = store.join(workshop.code, "Bo", "ouder") or (None, "")
    event = store.contribute(anna, workshop.id, "event", EVENT)
    person = store.contribute(bo, workshop.id, "person", {"label": "Buurvrouw", "kind": "network"})
    assert event and person
    tie = store.contribute(bo, workshop.id, "relationship", {"source": item_id(workshop.id, "person", person.id),
                                                             "target": "kind", "type": "supportive"})
    answer = store.contribute(anna, workshop.id, "answer", {"question": "missing", "text": "De stem van school"})
    hidden = store.contribute(anna, workshop.id, "event", {**EVENT, "title": "Verborgen"})
    assert tie and answer and hidden
    store.set_hidden(workshop.id, hidden.id, True)
    data = with_contributions(BASE_CASE, workshop.id, store.contributions(workshop.id))
    case = validate_case_data(data)
    added = {e.id: e for e in case.events if e.added_by}
    assert [e.title for e in added.values()] == ["Ruzie thuis"]
    assert added[item_id(workshop.id, "event", event.id)].added_by.model_dump() == {"name": "Anna",
                                                                                    "perspective": "school",
                                                                                    "also": []}
    assert [p.label for p in case.persons if p.added_by] == ["Buurvrouw"]
    assert [(r.type.value, r.added_by.name) for r in case.relationships if r.added_by] == [("supportive", "Bo")]
    assert [(n.question, n.text, n.author) for n in case.reflections if n.added_by] == [
        ("Wat ontbreekt?", "De stem van school", "Anna")]
    # merging again (the next poll) replaces the workshop's items rather than adding them twice
    again = with_contributions(data, workshop.id, store.contributions(workshop.id))
    assert again == data
    # hiding the person takes the relation to it out too; the file still loads
    store.set_hidden(workshop.id, person.id, True)
    fewer = validate_case_data(with_contributions(data, workshop.id, store.contributions(workshop.id)))
    assert not [p for p in fewer.persons if p.added_by] and not [r for r in fewer.relationships if r.added_by]
    assert len(fewer.events) == len(BASE_CASE["events"]) + 1
    assert b'"added_by"' in case_bytes(case) and b'"added_by"' not in case_bytes(validate_case_data(BASE_CASE))
    assert json.loads(case_bytes(fewer))["events"][-1]["added_by"] == {"name": "Anna", "perspective": "school"}


def test_merge_keeps_one_item_with_both_authors_and_undo_splits_it_again(store: WorkshopStore) -> None:
    workshop = store.open_workshop("test.json")
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    _, bo = store.join(workshop.code, "Bo", "ouder") or (None, "")
    first = store.contribute(anna, workshop.id, "event", EVENT)
    second = store.contribute(bo, workshop.id, "event", {**EVENT, "title": "Ruzie thuis (ook)"})
    person = store.contribute(bo, workshop.id, "person", {"label": "Buurvrouw", "kind": "network"})
    assert first and second and person
    assert not store.merge(workshop.id, duplicate=person.id, kept=first.id)  # not of one kind
    assert not store.merge(workshop.id, duplicate=first.id, kept=first.id)
    before = store.version(workshop.id)
    assert store.merge(workshop.id, duplicate=second.id, kept=first.id)
    assert store.version(workshop.id) > before
    assert not store.merge(workshop.id, duplicate=second.id, kept=first.id)  # merged already
    by_id = {c.id: c for c in store.contributions(workshop.id)}
    assert by_id[second.id].merged_into == first.id and not by_id[second.id].shown
    assert by_id[first.id].also_by == (("Bo", "ouder"),)
    case = validate_case_data(with_contributions(BASE_CASE, workshop.id, list(by_id.values())))
    added = [e for e in case.events if e.added_by]
    assert [e.title for e in added] == ["Ruzie thuis"]  # one event, both authors
    assert json.loads(case_bytes(case))["events"][-1]["added_by"] == {
        "name": "Anna", "perspective": "school", "also": [{"name": "Bo", "perspective": "ouder"}]}
    assert store.undo(workshop.id) == second.id
    by_id = {c.id: c for c in store.contributions(workshop.id)}
    assert by_id[second.id].shown and by_id[first.id].also_by == ()


def test_merging_a_merged_pair_into_a_third_carries_both_and_undo_restores_the_pair(store: WorkshopStore) -> None:
    workshop = store.open_workshop("test.json")
    tokens = [store.join(workshop.code, name, "school") or (None, "") for name in ("A", "B", "C")]
    a, b, c = (store.contribute(token, workshop.id, "event", {**EVENT, "title": f"Titel {i}"})
               for i, (_, token) in enumerate(tokens))
    assert a and b and c
    assert store.merge(workshop.id, duplicate=c.id, kept=b.id)
    assert store.merge(workshop.id, duplicate=b.id, kept=a.id)
    by_id = {x.id: x for x in store.contributions(workshop.id)}
    assert by_id[a.id].also_by == (("B", "school"), ("C", "school"))
    assert (by_id[b.id].merged_into, by_id[c.id].merged_into) == (a.id, a.id)
    store.undo(workshop.id)
    by_id = {x.id: x for x in store.contributions(workshop.id)}
    assert (by_id[b.id].merged_into, by_id[c.id].merged_into) == (None, b.id)
    assert by_id[b.id].also_by == (("C", "school"),)


def test_move_changes_date_and_side_checked_by_the_case_and_undo_moves_back(store: WorkshopStore) -> None:
    workshop = store.open_workshop("test.json")
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    event = store.contribute(anna, workshop.id, "event", EVENT)
    person = store.contribute(anna, workshop.id, "person", {"label": "Buurvrouw", "kind": "network"})
    assert event and person
    assert store.move(workshop.id, event.id, layer="formal")
    assert store.move(workshop.id, event.id, date="2020-01")
    assert not store.move(workshop.id, event.id, date="2020-01")  # nothing changes: no step
    assert not store.move(workshop.id, person.id, date="2020")  # only events move
    with pytest.raises(ValueError):
        store.move(workshop.id, event.id, date="31-31-2020")
    with pytest.raises(ValueError):
        store.move(workshop.id, event.id, layer="middle")
    assert store.contributions(workshop.id)[0].payload == {**EVENT, "layer": "formal", "date": "2020-01"}
    other = store.open_workshop("noor.json")
    assert not store.move(other.id, event.id, layer="lived")  # another workshop's
    assert store.undo(workshop.id) == event.id
    assert store.contributions(workshop.id)[0].payload == {**EVENT, "layer": "formal"}
    assert store.undo(workshop.id) == event.id
    assert store.contributions(workshop.id)[0].payload == EVENT
    assert not store.can_undo(workshop.id)


def test_undo_takes_the_last_step_of_any_kind_and_is_seen_by_another_worker(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    one, two = WorkshopStore(path), WorkshopStore(path)
    workshop = one.open_workshop("test.json")
    _, anna = one.join(workshop.code, "Anna", "school") or (None, "")
    first = one.contribute(anna, workshop.id, "event", EVENT)
    second = one.contribute(anna, workshop.id, "event", {**EVENT, "title": "Anders"})
    assert first and second
    assert one.set_hidden(workshop.id, first.id, True)
    assert not one.merge(workshop.id, duplicate=second.id, kept=first.id)  # not into a hidden one
    assert one.move(workshop.id, second.id, layer="formal")
    assert two.undo(workshop.id) == second.id  # the facilitator's page reached the other worker
    assert [(c.hidden, c.payload["layer"]) for c in one.contributions(workshop.id)] == [(True, "lived"),
                                                                                       (False, "lived")]
    assert two.undo(workshop.id) == first.id and not one.contributions(workshop.id)[0].hidden


def test_a_store_made_before_merges_and_moves_gets_the_new_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE contributions (id INTEGER PRIMARY KEY, workshop INTEGER NOT NULL,
            participant INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
            hidden INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL);""")
    con.close()
    WorkshopStore(path)
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(contributions)")}
    assert "merged_into" in columns
