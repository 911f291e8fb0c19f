"""Edit mode without a browser: forms read back to items, messages land on the right field, stores change."""

import json
from pathlib import Path

import pytest

from app.callbacks.edit import check_form, delete_impact, preset_for
from app.callbacks.save import saved_path
from app.edit_store import committed, current_data, data_bytes, is_edit, redone, restore_draft, saved, undone
from app.state import content_hash, pack
from layouts.components import edit_forms
from models import validate_case_data
from models.editing import put_item
from tests.case_builders import case_data


def _store(data: dict) -> dict:
    blob = pack(data_bytes(data))
    return {"blob": blob, "name": "casus.json", "source": "file", "base": "f0", "revision": 0, "dirty": False,
            "clean": content_hash(blob)}


@pytest.mark.parametrize(("typed", "stored"), [
    ("2015", "2015"), ("12-3-2015", "2015-03-12"), ("3-2015", "2015-03"), ("ca. 2015", "~2015"),
    ("ongeveer 3-2015", "~2015-03"), ("~2015-03-12", "~2015-03-12"), ("  2015-03 ", "2015-03"), ("", ""),
])
def test_dates_as_people_type_them(typed, stored):
    assert edit_forms.normal_date(typed) == stored


def test_read_form_nests_dotted_fields_and_drops_hidden_ones():
    values = edit_forms.form_values("events", None)
    values.update({"date": "1-2-2021", "title": "Plaatsing", "type": "placement", "placement.setting": "foster_family",
                   "decision.rationale": "verborgen"})
    item = edit_forms.read_form("events", values)
    assert item["date"] == "2021-02-01"
    assert item["placement"] == {"setting": "foster_family"}  # crisis False is left out
    assert "decision" not in item  # only shown for decisions
    assert "approximate" not in item


def test_form_values_round_trip_an_existing_item():
    data = case_data()
    event = data["events"][0]
    item = edit_forms.edited_item("events", edit_forms.form_values("events", event), event)
    assert validate_case_data(put_item(data, "events", item).data).event_map()["e1"] == \
        validate_case_data(data).event_map()["e1"]


def test_fields_the_form_does_not_show_are_kept_and_hidden_ones_dropped():
    old = {"id": "e9", "date": "2020", "layer": "formal", "type": "placement", "title": "Plaatsing",
           "placement": {"setting": "foster_family", "crisis": True}, "extra_field_from_a_newer_version": 1}
    values = edit_forms.form_values("events", old)
    assert values["placement.crisis"] is True
    values["type"] = "meeting"  # placement fields are now hidden: the placement goes
    item = edit_forms.edited_item("events", values, old)
    assert "placement" not in item and item["extra_field_from_a_newer_version"] == 1 and item["id"] == "e9"


def test_custom_annotation_tag_replaces_the_chosen_one():
    values = {"tag": "question", edit_forms.CUSTOM_TAG: " krachtenveld ", "text": "x", "target.events": ["e1"]}
    assert edit_forms.read_form("annotations", values)["tag"] == "krachtenveld"


def test_problems_land_on_their_field():
    values = edit_forms.form_values("events", None)
    values.update(date="2021-02-30", title="x")
    shown, general = check_form("events", None, values, case_data(), "nl", show_all=True)
    by_name = dict(zip(values, shown, strict=True))
    assert by_name["date"] and not by_name["title"]
    assert general is None
    values.update(date="2021-02-28", persons=["niemand"])
    shown, _ = check_form("events", None, values, case_data(), "nl", show_all=True)
    assert "niemand" in str(dict(zip(values, shown, strict=True))["persons"])


def test_empty_required_fields_are_only_reported_after_an_attempt():
    values = edit_forms.form_values("events", None)
    quiet, general = check_form("events", None, values, case_data(), "nl", show_all=False)
    assert not any(quiet) and general is None
    loud, _ = check_form("events", None, values, case_data(), "nl", show_all=True)
    assert dict(zip(values, loud, strict=True))["date"]


def test_presets_follow_the_selection():
    assert preset_for("events", {"kind": "person", "id": "kind"}, None) == {"persons": ["kind"]}
    assert preset_for("annotations", {"kind": "event", "id": "e1"}, None) == {"target.events": ["e1"]}
    assert preset_for("persons", {"kind": "organisation", "id": "gi"}, None) == {"kind": "professional",
                                                                                 "organisation": "gi"}


def test_an_item_the_last_edit_selected_presets_nothing():
    # a facilitator adds a neighbour, then an event: the neighbour is selected but must not be made part of it
    assert preset_for("events", {"kind": "person", "id": "buurvrouw", "via": "edit"}, None) == {}


def test_delete_impact_names_what_else_changes():
    assert "relatie" in delete_impact(case_data(), "persons", "vader", "nl")
    assert "undo" in delete_impact(case_data(), "events", "e3", "en")


def test_commit_undo_redo_and_dirty_flag():
    data = case_data()
    store = _store(data)
    edited = put_item(data, "events", {"date": "2022", "layer": "lived", "type": "experience", "title": "x"}).data
    store2, history = committed(store, {"undo": [], "redo": []}, edited, {"kind": "event", "id": "e4"})
    assert store2["dirty"] and store2["select"] == {"kind": "event", "id": "e4"} and is_edit(store2)
    assert current_data(store2) == edited
    store3, history = undone(store2, history)
    assert current_data(store3) == data and not store3["dirty"]  # back at the opened version
    store4, history = redone(store3, history)
    assert current_data(store4) == edited and store4["dirty"]
    assert redone(store4, history) is None
    clean = saved(store4, base="f1")
    assert not clean["dirty"] and clean["base"] == "f1" and "select" not in clean


def test_restore_draft_only_takes_a_valid_case():
    data = case_data()
    draft = {**_store(data), "dirty": True}
    restored = restore_draft(draft)
    assert restored is not None and restored["dirty"] and current_data(restored) == data
    assert restore_draft({"blob": pack(json.dumps({"title": "kapot"}).encode())}) is None
    assert restore_draft({"blob": "geen base64 !"}) is None
    assert restore_draft(None) is None


def test_saved_path_only_for_files_from_the_case_folder(tmp_path: Path):
    (tmp_path / "casus.json").write_text("{}", "utf-8")
    store = _store(case_data())
    assert saved_path(tmp_path, store) == tmp_path / "casus.json"
    assert saved_path(tmp_path, {**store, "source": "upload"}) is None
    assert saved_path(tmp_path, {**store, "name": "../elders.json"}) is None
    assert saved_path(tmp_path / "casus.json", store) == tmp_path / "casus.json"
    assert saved_path(tmp_path / "casus.json", {**store, "name": "ander.json"}) is None
    assert saved_path(None, store) is None


def test_new_case_dialog_messages_sit_under_their_field():
    from app.callbacks.save import new_case_messages, started_case

    result = started_case("", "Kind", "31-2-2015", "female")
    assert not result.ok
    title, child, birth, other = new_case_messages(result.problems, {"title": "", "child": "Kind",
                                                                     "birth": "31-2-2015"}, False, "nl")
    assert title is None and child is None and other is None  # the empty title waits for "start case"
    assert "2015-02-31" in str(birth)
    title, *_ = new_case_messages(result.problems, {"title": ""}, True, "nl")
    assert title
    made = started_case("Oefencasus", "Kind B.", "3-2015", "female")
    assert made.ok and made.data["persons"][0] == {"id": "p1", "label": "Kind B.", "kind": "family",
                                                   "gender": "female", "birth": "2015-03"}


def test_a_new_event_below_the_line_becomes_an_experience() -> None:
    from app.callbacks.edit import type_for_layer

    assert type_for_layer("lived", "meeting") == "experience"
    assert type_for_layer("formal", "experience") == "meeting"
    assert type_for_layer("lived", "statement_of_need") is None  # a type the user chose stays
    assert type_for_layer("formal", "decision") is None
    assert type_for_layer("lived", "experience") is None
