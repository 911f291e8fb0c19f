"""The annotations panel and the facilitator's reflection notes: pure content, filter, highlights, saving."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import dash_bootstrap_components as dbc
from dash import html, no_update

from app.callbacks.notes import reflection_values, saved_reflections
from app.edit_store import committed, current_data
from app.navigation import after_edit, highlights, navigate
from app.state import content_hash, pack
from layouts.components.annotations_panel import (
    REFLECTION_CARDS,
    annotation_highlights,
    annotations_content,
    filtered,
    find_reflection,
    other_reflections,
    reflection_texts,
    reflections_card,
    reflections_shown,
    tag_options,
    target_events,
    upsert_reflection,
    used_tags,
)
from layouts.components.details import details
from layouts.texts import text
from models import load_case
from models.case_view import CaseView
from models.editing import checked

ROOT = Path(__file__).resolve().parent.parent
LISA = ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json"


def _walk(component: Any):
    yield component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from _walk(child)
    elif children is not None:
        yield from _walk(children)


def _text(component: Any) -> str:
    return " ".join(str(c) for c in _walk(component) if isinstance(c, (str, int, float)))


def _ids(component: Any, kind: str) -> list[Any]:
    return [c.id for c in _walk(component) if isinstance(getattr(c, "id", None), dict) and c.id.get("type") == kind]


def lisa_data() -> dict[str, Any]:
    return json.loads(LISA.read_text("utf-8"))


def view_of(data: dict[str, Any]) -> CaseView:
    result = checked(data)
    assert result.case is not None, result.problems
    return CaseView.build(result.case, "test")


def lisa() -> CaseView:
    return CaseView.build(load_case(LISA), "lisa")


# --- annotations panel -----------------------------------------------------------------------------------------

def test_panel_lists_every_annotation_with_tag_text_author_date_and_targets():
    view = lisa()
    for lang in ("nl", "en"):
        panel = annotations_content(view, lang)
        shown = _text(panel)
        for note in view.case.annotations:
            assert note.text in shown
        assert "Kantelpunt".lower() in shown.lower() or "turning point" in shown.lower()
        assert "14 " in shown and "2025" in shown  # created 2025-02-14, as a day
        assert "facilitator" in shown
        assert view.person_names["coach"] in shown  # n06 is about the coach
        assert _ids(panel, "annotation") == [{"type": "annotation", "index": n.id} for n in view.case.annotations]
        assert _ids(panel, "edit-open") == []  # no change buttons outside edit mode


def test_edit_mode_adds_a_change_button_per_annotation():
    view = lisa()
    panel = annotations_content(view, "nl", edit=True)
    assert _ids(panel, "edit-open") == [{"type": "edit-open", "collection": "annotations", "id": n.id}
                                        for n in view.case.annotations]


def test_filter_by_tag_and_the_tags_in_use():
    view = lisa()
    assert used_tags(view) == ["parallel_pattern", "missing_information", "turning_point", "question"]
    assert [o["value"] for o in tag_options(view, "en")] == used_tags(view)
    assert [n.id for n in filtered(view, "parallel_pattern")] == ["n02", "n05"]
    assert len(filtered(view, None)) == len(view.case.annotations)
    panel = annotations_content(view, "nl", "question")
    assert [i["index"] for i in _ids(panel, "annotation")] == ["n04", "n06"]
    assert text("notes_none", "nl") in _text(annotations_content(view, "nl", "no-such-tag"))


def test_custom_tags_are_listed_after_the_suggested_ones():
    data = lisa_data()
    data["annotations"][0]["tag"] = "Zelf bedacht"
    view = view_of(data)
    assert used_tags(view)[-1] == "Zelf bedacht"
    assert {"label": "Zelf bedacht", "value": "Zelf bedacht"} in tag_options(view, "nl")


def test_user_text_is_inert():
    data = lisa_data()
    data["annotations"][0]["text"] = "<script>alert(1)</script>"
    panel = annotations_content(view_of(data), "nl")
    assert "<script>alert(1)</script>" in [c for c in _walk(panel) if isinstance(c, str)]


def test_selected_annotation_is_marked():
    panel = annotations_content(lisa(), "nl", selected="n03")
    items = [c for c in _walk(panel) if isinstance(c, html.Li)]
    assert next(i for i in items if "selected" in i.className).children[0].id["index"] == "n03"


# --- selection and highlights ----------------------------------------------------------------------------------

def test_clicking_an_annotation_selects_it_and_a_second_click_clears_it():
    view = lisa()
    nav = navigate(view, {"type": "annotation", "index": "n02"}, 1, None, None, False)
    assert nav.selection == {"kind": "annotation", "id": "n02"}
    again = navigate(view, {"type": "annotation", "index": "n02"}, 2, nav.selection, None, False)
    assert again.selection is None
    assert navigate(view, {"type": "annotation", "index": "n02"}, 0, None, None, False).selection is no_update


def test_an_annotation_highlights_its_events_and_persons():
    view = lisa()
    timeline, network = highlights(view, {"kind": "annotation", "id": "n02"})
    assert timeline == {"highlight_events": ["e039"]}
    event_persons = list(view.events["e039"].persons)
    assert set(network["highlight_persons"]) == {"groepsleider", "jb", "vader", "moeder", *event_persons}
    assert network["highlight_events"] == ["e039"]
    assert (timeline, network) == annotation_highlights(view, "n02")


def test_a_persons_only_annotation_highlights_the_persons_on_both_views():
    timeline, network = highlights(lisa(), {"kind": "annotation", "id": "n06"})
    assert timeline == {"highlight_persons": ["coach"]}
    assert network == {"highlight_persons": ["coach"]}


def test_a_period_annotation_highlights_the_events_in_it():
    view = lisa()
    note = next(a for a in view.case.annotations if a.id == "n04")
    events = target_events(view, note)
    assert events
    for event_id in events:
        event = view.events[event_id]
        assert event.end_day() >= dt.date(2013, 1, 1) and event.start_day() <= dt.date(2021, 8, 31)
    assert highlights(view, {"kind": "annotation", "id": "n04"})[0] == {"highlight_events": events}


def test_unknown_annotation_highlights_nothing_and_is_dropped_after_an_edit():
    view = lisa()
    assert highlights(view, {"kind": "annotation", "id": "nope"}) == ({}, {})
    assert after_edit(view, {"kind": "annotation", "id": "nope"}) is None
    assert after_edit(view, {"kind": "annotation", "id": "n01"}) == {"kind": "annotation", "id": "n01"}


def test_details_of_an_annotation():
    view = lisa()
    shown = _text(details(view, {"kind": "annotation", "id": "n01"}, "nl"))
    assert text("kind_annotation", "nl") in shown
    assert view.events["e063"].title in shown and view.events["e066"].title in shown
    assert "14 februari 2025" in shown


# --- reflection notes ------------------------------------------------------------------------------------------

NOW = dt.datetime(2026, 3, 4, 10, 30, 15, 123)


def test_upsert_adds_changes_and_removes_a_note():
    data = lisa_data()
    added = upsert_reflection(data, 3, "card3_q2", "Wat vond Lisa zelf?", NOW)
    assert added is not None and added.ok and added.data is not None
    notes = added.data["reflections"]
    assert notes == [{"id": notes[0]["id"], "card": 3, "question": "Welke informatie ontbreekt?",
                      "text": "Wat vond Lisa zelf?", "updated": "2026-03-04T10:30:15"}]
    assert upsert_reflection(added.data, 3, "card3_q2", "Wat vond Lisa zelf?", NOW) is None  # unchanged
    changed = upsert_reflection(added.data, 3, "card3_q2", "Anders", NOW + dt.timedelta(hours=1))
    assert changed is not None and changed.data is not None
    assert [(n["id"], n["text"], n["updated"]) for n in changed.data["reflections"]] == [
        (notes[0]["id"], "Anders", "2026-03-04T11:30:15")]
    removed = upsert_reflection(changed.data, 3, "card3_q2", "  ", NOW)
    assert removed is not None and removed.data is not None and not removed.data.get("reflections")
    assert upsert_reflection(data, 3, "card3_q2", "", NOW) is None  # nothing to remove


def test_a_note_matches_its_question_in_either_language_and_keeps_its_author():
    data = lisa_data()
    data["reflections"] = [{"id": "note1", "card": 4, "question": text("card4_q1", "en"), "text": "Oma",
                            "author": "facilitator"},
                           {"id": "note2", "card": 3, "question": "Een eigen vraag", "text": "Eigen"}]
    view = view_of(data)
    texts = reflection_texts(view)
    assert texts["card4_q1"] == "Oma" and texts["card3_q1"] == ""
    assert set(texts) == {k for keys in REFLECTION_CARDS.values() for k in keys}
    assert [n.id for n in other_reflections(view)] == ["note2"]
    assert find_reflection(data["reflections"], 3, "card4_q1") is None  # the card must match too
    result = upsert_reflection(data, 4, "card4_q1", "Oma en tante", NOW)
    assert result is not None and result.data is not None
    note = result.data["reflections"][0]
    assert note["id"] == "note1" and note["author"] == "facilitator" and note["text"] == "Oma en tante"


def test_saving_a_typed_note_is_an_undoable_edit_that_makes_the_case_unsaved():
    data = lisa_data()
    blob = pack(json.dumps(data).encode("utf-8"))
    store = {"blob": blob, "revision": 0, "clean": content_hash(blob), "dirty": False}
    box = {"type": "reflection", "card": 3, "key": "card3_q1"}
    result = saved_reflections(data, [(box, "Veel boosheid")])
    assert result is not None and result.data is not None
    new_store, history = committed(store, None, result.data)
    assert new_store["dirty"] and history["undo"] == [blob]
    saved = current_data(new_store)
    assert saved is not None and saved["reflections"][0]["text"] == "Veel boosheid"
    assert saved_reflections(saved, [(box, "Veel boosheid")]) is None
    assert saved_reflections(data, [({**box, "card": 4}, "x")]) is None  # a box that is not one of ours


def test_boxes_are_refilled_only_where_the_case_differs():
    data = lisa_data()
    data["reflections"] = [{"id": "note1", "card": 3, "question": text("card3_q1", "nl"), "text": "Zorg"}]
    view = view_of(data)
    shown = [{"id": {"type": "reflection", "card": 3, "key": k}} for k in ("card3_q1", "card3_q2")]
    assert reflection_values(view, shown, ["", ""]) == ["Zorg", no_update]
    assert reflection_values(view, shown, ["Zorg", "oud"]) == [no_update, ""]


def test_reflection_card_has_a_box_per_question_and_shows_when_notes_exist():
    card = reflections_card("nl")
    boxes = [c for c in _walk(card) if isinstance(c, dbc.Textarea)]
    assert [b.id["key"] for b in boxes] == [k for keys in REFLECTION_CARDS.values() for k in keys]
    assert all(b.readOnly for b in boxes)
    assert text("card3_q1", "nl") in _text(card)
    view = lisa()
    assert not reflections_shown(view, False) and reflections_shown(view, True) and not reflections_shown(None, True)
    data = lisa_data()
    data["reflections"] = [{"id": "note1", "card": 3, "question": "x", "text": "y"}]
    assert reflections_shown(view_of(data), False)
