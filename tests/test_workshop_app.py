"""The workshop through HTTP, as a phone and the wall send it: a forged request for another workshop is refused,
two workers (two app instances on one folder) share one workshop, a reload finds the participant again, and the
wall's poll sends nothing while nothing changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.factory import create_app
from app.participant import COOKIE, PREFIX
from app.state import pack, unpack
from app.workshop_store import STORE_NAME, WorkshopStore
from models import validate_case_data
from models.saving import fingerprint

ROOT = Path(__file__).resolve().parent.parent
LISA = "lisa_gesloten_jeugdzorg.json"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "sample_cases" / LISA, tmp_path / LISA)
    return tmp_path


def dependency(client: Any, prefix: str, input_id: str, output: str = "") -> dict[str, Any]:
    deps = client.get(prefix + "_dash-dependencies").get_json()
    return next(d for d in deps if any(i["id"] == input_id for i in d["inputs"]) and output in d["output"])


def call(client: Any, prefix: str, input_id: str, value: Any, states: dict[str, Any],
         output: str = "") -> tuple[int, dict[str, Any]]:
    """Send the callback request the page sends when ``input_id`` changes to ``value``, with ``states`` (id.prop →
    value; the rest None) to the callback whose outputs name ``output``: (status, the response's outputs by id)."""
    dep = dependency(client, prefix, input_id, output)
    names = dep["output"].strip(".").split("...")
    outputs = [{"id": n.rsplit(".", 1)[0], "property": n.rsplit(".", 1)[1]} for n in names]
    inputs = [{**i, "value": value if i["id"] == input_id else states.get(f"{i['id']}.{i['property']}")}
              for i in dep["inputs"]]
    state = [{**s, "value": states.get(f"{s['id']}.{s['property']}")} for s in dep["state"]]
    body = {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0], "inputs": inputs,
            "state": state, "changedPropIds": [f"{input_id}.{inputs[0]['property']}"]}
    response = client.post(prefix + "_dash-update-component", json=body)
    data = response.get_json(silent=True) or {}
    return response.status_code, data.get("response", {})


def add_event(client: Any, code: str, title: str) -> tuple[int, dict[str, Any]]:
    return call(client, PREFIX, "p-event-add", 1, {
        "p-event-title.value": title, "p-event-date.value": "12-3-2021", "p-event-layer.value": "formal",
        "p-event-type.value": "meeting", "p-session.data": {"code": code}, "p-added.data": 0})


def test_a_token_of_workshop_a_cannot_add_to_workshop_b(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    a, b = store.open_workshop(LISA), store.open_workshop("noor.json")
    _, token = store.join(a.code, "Anna", "school") or (None, "")
    client.set_cookie(COOKIE, token, path=PREFIX)
    status, out = add_event(client, b.code, "Sluipweg")
    assert status == 200 and "Dit kan niet" in json.dumps(out["p-event-feedback"])
    assert store.contributions(b.id) == [] and store.contributions(a.id) == []
    status, out = add_event(client, a.code, "Overleg school")
    assert "Toegevoegd" in json.dumps(out["p-event-feedback"])
    assert [c.payload["title"] for c in store.contributions(a.id)] == ["Overleg school"]
    assert store.contributions(a.id)[0].payload["date"] == "2021-03-12"  # typed the Dutch way
    client.delete_cookie(COOKIE, path=PREFIX)
    _, out = add_event(client, a.code, "Zonder koekje")
    assert "Dit kan niet" in json.dumps(out["p-event-feedback"])


def test_two_workers_share_one_workshop_and_a_reload_finds_the_participant(folder: Path) -> None:
    one, two = create_app(folder).server.test_client(), create_app(folder).server.test_client()
    workshop = WorkshopStore(folder / STORE_NAME).open_workshop(LISA, [("lisa", "Lisa")])
    _, out = call(one, PREFIX, "p-join", 1, {"p-code.value": workshop.code.lower(), "p-name.value": "Bo",
                                             "p-perspective.value": "Ouder"})
    assert out["p-session"]["data"] == {"code": workshop.code, "name": "Bo", "perspective": "ouder"}
    cookie = one.get_cookie(COOKIE, path=PREFIX)
    assert cookie is not None and cookie.http_only and cookie.same_site == "Strict"
    two.set_cookie(COOKIE, cookie.value, path=PREFIX)  # the phone's next request reaches the other worker
    _, out = add_event(two, workshop.code, "Gesprek met school")
    assert "Toegevoegd" in json.dumps(out["p-event-feedback"])
    _, out = call(two, PREFIX, "p-url", f"?code={workshop.code}", {})  # the phone reloads
    assert out["p-session"]["data"]["name"] == "Bo"
    _, out = call(one, PREFIX, "p-session", {"code": workshop.code}, {}, "p-mine")
    assert "Gesprek met school" in json.dumps(out["p-mine"])
    assert {"label": "Lisa", "value": "lisa"} in out["p-rel-source"]["options"]


def test_an_unknown_code_and_a_missing_name_are_said_so(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    workshop = WorkshopStore(folder / STORE_NAME).open_workshop(LISA)
    _, out = call(client, PREFIX, "p-join", 1, {"p-code.value": "QQQQQ", "p-name.value": "Bo",
                                                "p-perspective.value": "ouder"})
    assert "kennen we niet" in json.dumps(out["p-join-feedback"])
    _, out = call(client, PREFIX, "p-join", 1, {"p-code.value": workshop.code, "p-name.value": " ",
                                                "p-perspective.value": "ouder"})
    assert "Vul je naam" in json.dumps(out["p-join-feedback"])
    assert client.get_cookie(COOKIE, path=PREFIX) is None


def test_the_wall_poll_sends_nothing_until_something_changes(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(LISA)
    shown = {"id": workshop.id, "case": LISA, "url": "http://127.0.0.1/meedoen?code=" + workshop.code}
    known = {"id": workshop.id, "version": store.version(workshop.id), "case": LISA}
    status, _ = call(client, "/", "workshop-tick", 5, {"workshop-store.data": shown, "workshop-version.data": known},
                     "workshop-version")
    assert status == 204  # unchanged: no update at all
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    store.contribute(token, workshop.id, "event", {"title": "Nieuw", "date": "2021", "layer": "lived",
                                                   "type": "experience"})
    status, out = call(client, "/", "workshop-tick", 6, {"workshop-store.data": shown, "workshop-version.data": known},
                       "workshop-version")
    assert status == 200 and out["workshop-version"]["data"] == {"id": workshop.id,
                                                                 "version": store.version(workshop.id), "case": LISA}
    assert len(json.dumps(out)) < 200  # the poll carries a version number and the file name, nothing of the case
    # the same version, but the wall now names the case by the file it was saved as: fetched again
    status, out = call(client, "/", "workshop-tick", 7, {"workshop-store.data": {**shown, "case": "nieuw.json"},
                                                         "workshop-version.data": out["workshop-version"]["data"]},
                       "workshop-version")
    assert status == 200 and out["workshop-version"]["data"]["case"] == "nieuw.json"


def test_a_new_event_is_drawn_over_the_timeline_and_leaves_the_case_as_it_was(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(LISA)
    blob = _blob(folder / LISA)
    case = {"blob": blob, "name": LISA, "source": "file", "revision": 0, "dirty": False, "clean": "x"}
    shown = {"id": workshop.id, "case": LISA, "url": "http://127.0.0.1/meedoen?code=" + workshop.code}
    _, token = store.join(workshop.code, "Anna", "school") or (None, "")
    added = store.contribute(token, workshop.id, "event", {"title": "Nieuw <b>", "date": "2021-03", "layer": "lived",
                                                           "type": "experience"})
    assert added is not None
    states = {"workshop-store.data": shown, "case-store.data": case, "lang.value": "nl"}
    version = {"id": workshop.id, "version": store.version(workshop.id)}
    status, out = call(client, "/", "workshop-version", version, states, "workshop-overlay")
    assert status == 200 and "Nieuw" in json.dumps(out["workshop-list"])
    trace, title = out["workshop-overlay"]["data"]["traces"][:2]
    assert trace["name"] == "workshop-overlay" and trace["customdata"] == [f"ws{workshop.id}-e{added.id}"]
    assert trace["yaxis"] == title["yaxis"] == "y" and title["text"] == ["Nieuw &lt;b&gt;"]  # below the line, inert
    assert "case-store" not in out  # the same case: no view on the wall redraws for an event drawn over it
    # but there is something to save: the save button says so (its own store, not the case store's)
    status, out = call(client, "/", "workshop-version", version, states, "workshop-unsaved")
    assert status == 200 and out["workshop-unsaved"]["data"] is True
    _, out = call(client, "/", "workshop-unsaved", True, {"case-store.data": case, "lang.value": "nl"}, "edit-save")
    assert out["edit-save"]["disabled"] is False and "Niet-opgeslagen" in json.dumps(out["save-status"])
    # a person goes into the case (the geno-sociogram draws it); the event stays over the timeline
    store.contribute(token, workshop.id, "person", {"label": "Buurvrouw", "kind": "network", "gender": "female"})
    version = {"id": workshop.id, "version": store.version(workshop.id)}
    _, out = call(client, "/", "workshop-version", version, states, "workshop-overlay")
    data = json.loads(unpack(out["case-store"]["data"]["blob"]))
    assert [p["label"] for p in data["persons"] if "added_by" in p] == ["Buurvrouw"]
    assert not any("added_by" in e for e in data["events"])
    assert [t["name"] for t in out["workshop-overlay"]["data"]["traces"]][:2] == ["workshop-overlay",
                                                                                  "workshop-overlay-title"]


def _blob(path: Path) -> str:
    return pack(path.read_bytes())


def test_the_facilitator_merges_and_moves_on_the_wall_and_the_saved_file_holds_what_the_wall_shows(
        folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(LISA)
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    _, bo = store.join(workshop.code, "Bo", "ouder") or (None, "")
    event = {"date": "2021-03", "layer": "lived", "type": "experience"}
    first = store.contribute(anna, workshop.id, "event", {**event, "title": "Ruzie over school"})
    second = store.contribute(bo, workshop.id, "event", {**event, "title": "Ruzie om school"})
    third = store.contribute(bo, workshop.id, "event", {**event, "title": "Verhuisd"})
    assert first and second and third
    shown = {"id": workshop.id, "case": LISA, "url": "http://127.0.0.1/meedoen?code=" + workshop.code}
    steps = {"workshop-store.data": shown, "lang.value": "nl"}
    _, out = call(client, "/", "workshop-merge", 1, {**steps, "workshop-picked.data": [first.id]}, "workshop-kick")
    assert "Kies twee" in json.dumps(out["workshop-action-feedback"])  # one picked: nothing merged
    _, out = call(client, "/", "workshop-merge", 1, {**steps, "workshop-picked.data": [second.id, first.id]},
                  "workshop-kick")
    assert out["workshop-picked"]["data"] == []
    call(client, "/", "workshop-move-side", 1, {**steps, "workshop-picked.data": [third.id]}, "workshop-kick")
    _, out = call(client, "/", "workshop-move-date-apply", 1, {**steps, "workshop-picked.data": [third.id],
                                                               "workshop-move-date.value": "2-2020"},
                  "workshop-kick")
    _, out = call(client, "/", "workshop-move-date-apply", 1, {**steps, "workshop-picked.data": [third.id],
                                                               "workshop-move-date.value": "31-31-2020"},
                  "workshop-kick")
    assert "Die datum kennen we niet" in json.dumps(out["workshop-action-feedback"])
    # what the wall draws over the timeline: the merged pair once, the moved event above the line in February
    case = {"blob": _blob(folder / LISA), "name": LISA, "source": "file", "revision": 0, "dirty": False,
            "clean": "x", "base": fingerprint((folder / LISA).read_bytes())}
    version = {"id": workshop.id, "version": store.version(workshop.id)}
    _, out = call(client, "/", "workshop-version", version, {**steps, "case-store.data": case}, "workshop-overlay")
    traces = out["workshop-overlay"]["data"]["traces"]
    on_wall = {i: t["yaxis"] for t in traces if t["name"] == "workshop-overlay" for i in t["customdata"]}
    assert on_wall == {f"ws{workshop.id}-e{first.id}": "y", f"ws{workshop.id}-e{third.id}": "y2"}
    assert "ook: Bo (ouder)" in json.dumps(out["workshop-list"])
    # the facilitator saves: the file holds exactly those, with both authors of the merged one
    _, out = call(client, "/", "edit-save", 1, {"case-store.data": case, "lang.value": "nl"}, "save-status")
    saved = json.loads((folder / LISA).read_text(encoding="utf-8"))
    added = {e["id"]: e for e in saved["events"] if "added_by" in e}
    assert set(added) == set(on_wall)
    assert added[f"ws{workshop.id}-e{first.id}"]["added_by"] == {"name": "Anna", "perspective": "school",
                                                                 "also": [{"name": "Bo", "perspective": "ouder"}]}
    assert (added[f"ws{workshop.id}-e{third.id}"]["layer"], added[f"ws{workshop.id}-e{third.id}"]["date"]) == (
        "formal", "2020-02")
    wall_case = validate_case_data(json.loads(unpack(out["case-store"]["data"]["blob"])))
    assert wall_case == validate_case_data(saved)  # the wall's case is what the file holds
    # an undo reaches the wall at its next poll: the date goes back
    _, out = call(client, "/", "workshop-undo", 1, steps, "workshop-kick")
    assert store.contributions(workshop.id)[2].payload["date"] == "2021-03"


def test_closing_the_workshop_keeps_what_the_wall_showed_in_the_open_case_unsaved(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(LISA)
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    kept = store.contribute(anna, workshop.id, "event", {"title": "Blijft", "date": "2021", "layer": "lived",
                                                         "type": "experience"})
    gone = store.contribute(anna, workshop.id, "event", {"title": "Weg", "date": "2021", "layer": "lived",
                                                         "type": "experience"})
    assert kept and gone and store.set_hidden(workshop.id, gone.id, True)
    case = {"blob": _blob(folder / LISA), "name": LISA, "source": "file", "revision": 0, "dirty": False,
            "clean": "x"}
    shown = {"id": workshop.id, "case": LISA, "url": "http://127.0.0.1/meedoen?code=" + workshop.code}
    _, out = call(client, "/", "workshop-close", 1, {"workshop-store.data": shown, "case-store.data": case},
                  "case-store")
    data = json.loads(unpack(out["case-store"]["data"]["blob"]))
    assert [(e["title"], e["added_by"]["name"]) for e in data["events"] if "added_by" in e] == [("Blijft", "Anna")]
    assert out["case-store"]["data"]["dirty"]


def test_after_save_as_the_workshop_stays_tied_to_the_new_file(folder: Path) -> None:
    client = create_app(folder).server.test_client()
    store = WorkshopStore(folder / STORE_NAME)
    workshop = store.open_workshop(LISA)
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    assert store.contribute(anna, workshop.id, "event", {"title": "Eerste", "date": "2021", "layer": "lived",
                                                         "type": "experience"})
    case = {"blob": _blob(folder / LISA), "name": LISA, "source": "file", "revision": 0, "dirty": True,
            "clean": "x", "base": fingerprint((folder / LISA).read_bytes())}
    _, out = call(client, "/", "save-as-confirm", 1, {"save-as-name.value": "lisa-werkplaats",
                                                      "case-store.data": case, "lang.value": "nl"}, "save-as-modal")
    new_case = out["case-store"]["data"]
    assert new_case["name"] == "lisa-werkplaats.json"
    assert store.open_for_case("lisa-werkplaats.json") == store.workshop(workshop.id)
    assert store.open_for_case(LISA) is None
    # the wall, now on the new file, keeps showing the workshop
    shown = {"id": workshop.id, "case": LISA, "url": "http://127.0.0.1/meedoen?code=" + workshop.code}
    _, out = call(client, "/", "case-store", new_case, {"workshop-store.data": shown}, "workshop-store")
    assert out["workshop-store"]["data"]["id"] == workshop.id
    assert out["workshop-store"]["data"]["case"] == "lisa-werkplaats.json"
    # a later contribution and Opslaan go to the new file; the old one keeps what it had
    assert store.contribute(anna, workshop.id, "event", {"title": "Tweede", "date": "2022", "layer": "lived",
                                                         "type": "experience"})
    before = (folder / LISA).read_bytes()
    call(client, "/", "edit-save", 1, {"case-store.data": {**new_case, "dirty": True}, "lang.value": "nl"},
         "save-status")
    saved = json.loads((folder / "lisa-werkplaats.json").read_text(encoding="utf-8"))
    assert [e["title"] for e in saved["events"] if "added_by" in e] == ["Eerste", "Tweede"]
    assert (folder / LISA).read_bytes() == before
