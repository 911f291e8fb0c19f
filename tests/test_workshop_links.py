"""Links and perspectives from a workshop: a participant's arrow between events is checked by the case's own
model, drawn over the wall's timeline in their colour and saved with its author; each participant's perspective
gets a stable colour (the case's own when it has that perspective, the group's choice when changed) and is saved
into the case's ``perspectives`` in the colour the wall used."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.factory import create_app
from app.participant import COOKIE, PREFIX
from app.state import pack
from app.workshop_store import STORE_NAME, WorkshopStore
from layouts.contributions import PALETTE
from models import validate_case_data
from models.contribution import item_id, perspective_key, validated_payload, with_contributions
from models.saving import fingerprint
from tests.dash_calls import find_callback, payload
from tests.test_workshop_app import call

ROOT = Path(__file__).resolve().parent.parent
DAAN = "werkplaats_daan.json"
EVENT = {"date": "2021-03", "layer": "lived", "type": "experience"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "sample_cases" / DAAN, tmp_path / DAAN)
    return tmp_path


def test_a_link_is_checked_by_the_case_model() -> None:
    assert validated_payload("link", {"source": "e01", "target": "e02", "label": "leidde tot"}) == {
        "source": "e01", "target": "e02", "label": "leidde tot"}
    for wrong in ({"source": "e01", "target": "e01", "label": "leidde tot"},  # to itself
                  {"source": "e01", "target": "e02", "label": "x" * 41},  # longer than a short word
                  {"source": "e01", "target": "e02", "author": "Bo"},  # the author is the store's to set
                  {"source": "e 01", "target": "e02"}):  # not an id
        with pytest.raises(ValueError):
            validated_payload("link", wrong)


def test_a_saved_link_has_its_author_and_leaves_with_a_hidden_event(folder: Path) -> None:
    data = json.loads((folder / DAAN).read_text(encoding="utf-8"))
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(DAAN)
    _, bo = store.join(workshop.code, "Bo", "ouder") or (None, "")
    new = store.contribute(bo, workshop.id, "event", {**EVENT, "title": "Ruzie"})
    assert new
    to_new = store.contribute(bo, workshop.id, "link", {"source": "e03", "target": item_id(workshop.id, "event",
                                                                                         new.id)})
    between = store.contribute(bo, workshop.id, "link", {"source": "e05", "target": "e06", "label": "reactie op"})
    assert to_new and between
    saved = with_contributions(data, workshop.id, store.contributions(workshop.id))
    added = [link for link in saved["links"] if "added_by" in link]
    assert added == [
        {"id": item_id(workshop.id, "link", to_new.id), "source": "e03", "target": item_id(workshop.id, "event",
                                                                                          new.id),
         "label": "leidde tot", "author": "Bo", "added_by": {"name": "Bo", "perspective": "ouder"}},
        {"id": item_id(workshop.id, "link", between.id), "source": "e05", "target": "e06", "label": "reactie op",
         "author": "Bo", "added_by": {"name": "Bo", "perspective": "ouder"}}]
    assert saved["links"][:len(data["links"])] == data["links"]
    validate_case_data(saved)
    store.set_hidden(workshop.id, new.id, True)  # the event leaves, and the arrow to it with it
    again = with_contributions(saved, workshop.id, store.contributions(workshop.id))
    assert [link.get("id") for link in again["links"] if "added_by" in link] == [item_id(workshop.id, "link",
                                                                                         between.id)]


def test_a_store_made_before_links_takes_them_and_keeps_what_it_had(tmp_path: Path) -> None:
    path = tmp_path / STORE_NAME
    store = WorkshopStore(path)
    workshop = store.open_workshop("x.json")
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    first = store.contribute(anna, workshop.id, "event", {**EVENT, "title": "Eerder"})
    assert first and store.set_hidden(workshop.id, first.id, True)
    with sqlite3.connect(path) as con:  # the contributions table as the first version made it
        made = con.execute("SELECT sql FROM sqlite_master WHERE name = 'contributions'").fetchone()[0]
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("PRAGMA legacy_alter_table=ON")  # the actions table keeps naming 'contributions'
        con.execute("ALTER TABLE contributions RENAME TO c_old")
        con.execute(made.replace(", 'link'", ""))
        con.execute("INSERT INTO contributions SELECT * FROM c_old")
        con.execute("DROP TABLE c_old")
    with sqlite3.connect(path) as con:
        assert "'link'" not in con.execute("SELECT sql FROM sqlite_master WHERE name = 'contributions'").fetchone()[0]
    reopened = WorkshopStore(path)
    assert reopened.contribute(anna, workshop.id, "link", {"source": "e01", "target": "e02"})
    assert [(c.kind, c.hidden) for c in reopened.contributions(workshop.id)] == [("event", True), ("link", False)]
    assert reopened.undo(workshop.id) == first.id  # the facilitator's steps still reach their contribution


def test_perspectives_get_stable_colours_the_case_s_own_first(tmp_path: Path) -> None:
    store = WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop("x.json", perspectives=[{"key": "ouder", "label": "Ouders", "colour": "#D55E00"}])
    for name, perspective in (("Anna", "school"), ("Bo", "ouder"), ("Chris", "jeugdbeschermer"), ("Dik", "school")):
        assert store.join(workshop.code, name, perspective)
    colours = dict(store.workshop(workshop.id).colours)
    free = [c for c in PALETTE if c != "#D55E00"]
    assert colours == {"school": free[0], "Ouders": "#D55E00", "jeugdbeschermer": free[1]}  # as the case names it
    assert not store.set_colour(workshop.id, "wijkteam", "#123456")  # nobody took part from it
    assert not store.set_colour(workshop.id, "school", "red")
    assert store.set_colour(workshop.id, "school", "#123abc")
    assert dict(store.workshop(workshop.id).colours)["school"] == "#123ABC"
    assert perspective_key("Wijkteam Oost/Noord") == "wijkteam-oost-noord"
    assert perspective_key("jeugd-GGZ") == "jeugd-ggz"


def test_a_participant_s_link_reaches_the_wall_in_their_colour_and_the_file_with_perspectives(
        folder: Path) -> None:
    client = create_app(folder).server.test_client()
    case = {"blob": pack((folder / DAAN).read_bytes()), "name": DAAN, "source": "file", "revision": 0,
            "dirty": False, "clean": "x", "base": fingerprint((folder / DAAN).read_bytes())}
    _, out = call(client, "/", "workshop-open", 1, {"case-store.data": case}, "workshop-store")
    shown = out["workshop-store"]["data"]
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.workshop(shown["id"])
    assert workshop and dict(workshop.events)["e03"].endswith("Ruzies thuis worden heftiger")
    _, token = store.join(workshop.code, "Eva", "Wijkteam Oost") or (None, "")
    _, bo_token = store.join(workshop.code, "Bo", "ouder") or (None, "")
    client.set_cookie(COOKIE, token, path=PREFIX)
    session = {"p-session.data": {"code": workshop.code}, "p-added.data": 0}
    _, out = call(client, PREFIX, "p-link-add", 1, {**session, "p-link-source.value": "e03",
                                                    "p-link-word.value": "reactie op",
                                                    "p-link-target.value": "e03"}, "p-link-feedback")
    assert "verschillende" in json.dumps(out)  # to itself: refused
    _, out = call(client, PREFIX, "p-link-add", 1, {**session, "p-link-source.value": "e03",
                                                    "p-link-word.value": "reactie op",
                                                    "p-link-target.value": "e99"}, "p-link-feedback")
    assert "verschillende" in json.dumps(out)  # no such event
    _, out = call(client, PREFIX, "p-link-add", 1, {**session, "p-link-source.value": "e03",
                                                    "p-link-word.value": "reactie op",
                                                    "p-link-target.value": "e05"}, "p-link-feedback")
    assert out["p-added"]["data"] == 1
    assert store.contribute(bo_token, workshop.id, "event", {**EVENT, "title": "Bo ziet het"})
    colours = dict(store.workshop(workshop.id).colours)
    assert colours["Ouders"] == "#D55E00"  # the case's own colour for 'Ouders'
    version = {"id": workshop.id, "version": store.version(workshop.id)}
    _, out = call(client, "/", "workshop-version", version, {"workshop-store.data": shown, "case-store.data": case,
                                                             "lang.value": "nl"}, "workshop-overlay")
    overlay = out["workshop-overlay"]["data"]
    assert [(link["source"], link["target"], link["word"], link["colour"]) for link in overlay["links"]] == [
        ("e03", "e05", "reactie op", colours["wijkteam oost"])]
    assert colours["wijkteam oost"] in json.dumps(out["workshop-join"])  # the legend's chip, same colour
    call(client, "/", "edit-save", 1, {"case-store.data": case, "lang.value": "nl"}, "save-status")
    saved = json.loads((folder / DAAN).read_text(encoding="utf-8"))
    assert [(link["source"], link["target"], link["label"], link["added_by"]) for link in saved["links"]
            if "added_by" in link] == [("e03", "e05", "reactie op", {"name": "Eva", "perspective": "wijkteam oost"})]
    perspectives = {p["key"]: p for p in saved["perspectives"]}
    assert perspectives["wijkteam-oost"] == {"key": "wijkteam-oost", "label": "wijkteam oost",
                                             "colour": colours["wijkteam oost"]}
    assert perspectives["ouder"]["colour"] == "#D55E00" and perspectives["ouder"]["persons"] == ["moeder", "vader"]
    validate_case_data(saved)


def test_the_group_s_colour_choice_reaches_the_wall_s_legend_and_the_file(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    case = {"blob": pack((folder / DAAN).read_bytes()), "name": DAAN, "source": "file", "revision": 0,
            "dirty": False, "clean": "x", "base": fingerprint((folder / DAAN).read_bytes())}
    _, out = call(client, "/", "workshop-open", 1, {"case-store.data": case}, "workshop-store")
    shown = out["workshop-store"]["data"]
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.workshop(shown["id"])
    assert workshop is not None
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    assert store.contribute(anna, workshop.id, "event", {**EVENT, "title": "Anna's"})
    # the facilitator clicks the purple swatch of 'school' (a pattern-matching button, as the page sends it)
    spec = find_callback(client.get("/_dash-dependencies").get_json(), "workshop-colour", "n_clicks")
    button = {"type": "workshop-colour", "perspective": "school", "colour": "#6A3D9A"}
    body = payload(spec, json.dumps(button, sort_keys=True, separators=(",", ":")) + ".n_clicks", {
        "workshop-colour.n_clicks": [{"id": button, "property": "n_clicks", "value": 1}],
        "workshop-store.data": shown})
    assert client.post("/_dash-update-component", json=body).status_code == 200
    assert dict(store.workshop(workshop.id).colours)["school"] == "#6A3D9A"
    version = {"id": workshop.id, "version": store.version(workshop.id)}
    _, out = call(client, "/", "workshop-version", version, {"workshop-store.data": shown, "case-store.data": case,
                                                             "lang.value": "nl"}, "workshop-overlay")
    assert "#6A3D9A" in json.dumps(out["workshop-join"])  # the legend's chip
    marks = [t for t in out["workshop-overlay"]["data"]["traces"] if t["name"] == "workshop-overlay"]
    assert [t["marker"]["color"] for t in marks] == ["#6A3D9A"]
    call(client, "/", "edit-save", 1, {"case-store.data": case, "lang.value": "nl"}, "save-status")
    saved = json.loads((folder / DAAN).read_text(encoding="utf-8"))
    assert {p["key"]: p["colour"] for p in saved["perspectives"]}["school"] == "#6A3D9A"


def test_opening_the_arrow_tab_offers_the_events_others_added_since(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(DAAN, events=[("e01", "2014-02-11 · Geboorte van Daan")])
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    _, bo = store.join(workshop.code, "Bo", "ouder") or (None, "")
    client.set_cookie(COOKIE, anna, path=PREFIX)
    added = store.contribute(bo, workshop.id, "event", {**EVENT, "title": "Bo's moment"})
    hidden = store.contribute(bo, workshop.id, "event", {**EVENT, "title": "Weggehaald"})
    assert added and hidden and store.set_hidden(workshop.id, hidden.id, True)
    _, out = call(client, PREFIX, "p-tabs", "link", {"p-session.data": {"code": workshop.code}}, "p-mine")
    assert out["p-link-target"]["options"] == [
        {"label": "11-2-2014 · Geboorte van Daan", "value": "e01"},
        {"label": "3-2021 · Bo's moment", "value": item_id(workshop.id, "event", added.id)}]
