"""Edit mode: the item forms (open, show/hide fields, check as you type, submit, delete) and undo/redo.

Every accepted change goes through :mod:`models.editing` (the loader's rules) and
:func:`app.edit_store.committed` (the case store plus the undo history); nothing is kept on the server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, html, no_update

from app.auth import current_user
from app.edit_store import committed, current_data, redone, undone
from app.state import remember
from layouts.components import edit_forms
from layouts.components.i18n import normal_lang
from layouts.texts import text
from models.editing import delete_item, find_item, put_item, references

ADD_BUTTONS = {"edit-add-event": "events", "edit-add-person": "persons", "edit-add-organisation": "organisations",
               "edit-add-relationship": "relationships", "edit-add-annotation": "annotations"}
SELECTION_COLLECTION = {"event": "events", "person": "persons", "organisation": "organisations"}
SINGULAR = {"events": "event", "persons": "person", "organisations": "organisation",
            "relationships": "relationship", "annotations": "annotation"}


def form_title(collection: str, item_id: str | None, lang: str) -> str:
    return text(f"edit_{'change' if item_id else 'add'}_{SINGULAR[collection]}", lang)


def preset_for(collection: str, selection: dict[str, str] | None, as_of_day: dt.date | None) -> dict[str, Any]:
    """Sensible defaults for a new item from what the user clicked (not from an item the last edit selected:
    adding a person and then an event must not quietly make her part of that event)."""
    preset: dict[str, Any] = {}
    if (selection or {}).get("via") == "edit":
        return preset
    kind, item = (selection or {}).get("kind"), (selection or {}).get("id")
    if collection == "events":
        if kind == "person":
            preset["persons"] = [item]
        elif kind == "organisation":
            preset["organisation"] = item
    if collection == "annotations":
        if kind == "event":
            preset["target.events"] = [item]
        elif kind == "person":
            preset["target.persons"] = [item]
    if collection == "relationships" and kind == "person":
        preset["source"] = item
    if collection == "persons" and kind == "organisation":
        preset.update(kind="professional", organisation=item)
    return preset


LAYER_DEFAULT_TYPE = {"formal": "meeting", "lived": "experience"}
"""The event type a new event starts with on each side of the line."""


def type_for_layer(layer: str | None, current: str | None) -> str | None:
    """The type a new event should take when its layer is switched: the other side's default, but only while the
    type is still this side's default (a type the user chose is never overwritten); None: leave it."""
    if layer not in LAYER_DEFAULT_TYPE or current == LAYER_DEFAULT_TYPE[layer]:
        return None
    if current in (None, "", *LAYER_DEFAULT_TYPE.values()):
        return LAYER_DEFAULT_TYPE[layer]
    return None


def field_values(states: list[dict[str, Any]]) -> dict[str, Any]:
    """``{dotted name: value}`` from the states of the ALL-matched form fields."""
    return {state["id"]["field"]: state.get("value") for state in states}


def _feedback(problems: list[Any], lang: str) -> Any:
    if not problems:
        return None
    return [html.Div(p.message(lang)) for p in problems]


def check_form(collection: str, item_id: str | None, values: dict[str, Any], data: dict[str, Any], lang: str,
               show_all: bool) -> tuple[list[Any], Any]:
    """Messages per form field (in form order) and the general message, for the form's current values."""
    item = edit_forms.edited_item(collection, values, find_item(data, collection, item_id) if item_id else None,
                                  item_id)
    if collection == "annotations" and not item_id:
        item.setdefault("created", dt.datetime.now().replace(microsecond=0).isoformat())
    result = put_item(data, collection, item)
    names = list(values)
    if result.ok:
        return [None] * len(names), None
    by_field, general = edit_forms.problems_by_field(collection, result.item_path, result.problems)
    shown = [_feedback(by_field.get(name, []) if show_all or _filled(values.get(name)) else [], lang)
             for name in names]
    hidden_count = sum(len(v) for k, v in by_field.items() if k in names and not (show_all or _filled(values.get(k))))
    general_text = _feedback(general, lang) if show_all or not hidden_count else None
    return shown, general_text


def _filled(value: Any) -> bool:
    return value not in (None, "", [], False)


def delete_impact(data: dict[str, Any], collection: str, item_id: str, lang: str) -> str:
    """What deleting an item also changes, in words."""
    refs = references(data, collection, item_id)
    counts: dict[str, set[str]] = {}
    for ref in refs:
        counts.setdefault(ref.collection, set()).add(ref.item_id)
    if not counts:
        return text("edit_delete_confirm_plain", lang)
    parts = [text(f"edit_impact_{name}{'_one' if len(ids) == 1 else ''}", lang, n=len(ids))
             for name, ids in sorted(counts.items())]
    return text("edit_delete_confirm_refs", lang, what=", ".join(parts))


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the edit-mode callbacks to ``app``."""

    @app.callback(
        Output("edit-toolbar", "hidden"), Input("edit-mode", "value"),
    )
    def _toolbar(on: bool) -> bool:
        return not on

    @app.callback(
        Output({"type": "edit-field", "field": "type"}, "value"),
        Input({"type": "edit-field", "field": "layer"}, "value"),
        State({"type": "edit-field", "field": "type"}, "value"), State("edit-form-store", "data"),
        prevent_initial_call=True,
    )
    def _type_follows_layer(layer: str | None, current: str | None, form: Any) -> Any:
        """A quick event added below the line becomes an experience, not an "overleg" (new events only)."""
        if (form or {}).get("id") or (form or {}).get("collection") != "events":
            return no_update
        chosen = type_for_layer(layer, current)
        return chosen if chosen is not None else no_update

    @app.callback(
        Output("edit-modal", "is_open"), Output("edit-modal-title", "children"), Output("edit-form-body", "children"),
        Output("edit-form-store", "data"), Output("edit-delete", "hidden"), Output("edit-delete-confirm", "hidden"),
        Output("edit-delete-text", "children"), Output("edit-general-feedback", "children", allow_duplicate=True),
        *[Input(button, "n_clicks") for button in ADD_BUTTONS],
        Input("edit-selected", "n_clicks"), Input({"type": "edit-open", "collection": ALL, "id": ALL}, "n_clicks"),
        Input("edit-cancel", "n_clicks"),
        State("case-store", "data"), State("selection-store", "data"), State("as-of", "value"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _open_form(*args: Any) -> tuple:
        store, selection, _as_of, lang = args[-4:]
        lang = normal_lang(lang)
        trigger = ctx.triggered_id
        closed = (False, no_update, [], None, True, True, "", None)
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        data = current_data(store)
        if trigger == "edit-cancel" or data is None or not value:
            return closed
        item_id: str | None = None
        if trigger in ADD_BUTTONS:
            collection = ADD_BUTTONS[trigger]
        elif trigger == "edit-selected":
            kind = (selection or {}).get("kind")
            if kind not in SELECTION_COLLECTION:
                return closed
            collection, item_id = SELECTION_COLLECTION[kind], selection["id"]
        elif isinstance(trigger, dict):
            collection, item_id = trigger.get("collection"), trigger.get("id")
            if collection not in edit_forms.FORMS:
                return closed
        else:
            return closed
        item = find_item(data, collection, item_id) if item_id else None
        if item_id and item is None:
            return closed
        body = edit_forms.form_body(collection, item, data, lang, preset_for(collection, selection, None))
        form = {"collection": collection, "id": item_id, "attempted": 0}
        return (True, form_title(collection, item_id, lang), body, form, item_id is None, True, "", None)

    @app.callback(
        Output({"type": "edit-wrap", "field": ALL}, "hidden"),
        Input({"type": "edit-field", "field": ALL}, "value"), State("edit-form-store", "data"),
        prevent_initial_call=True,
    )
    def _show_fields(_values: list[Any], form: dict[str, Any] | None) -> list[bool]:
        values = field_values(ctx.inputs_list[0])
        if not form or form.get("collection") not in edit_forms.FORMS:
            return [False] * len(values)
        specs = {spec.name: spec for spec in edit_forms.FORMS[form["collection"]]}
        return [not edit_forms.field_shown(specs[name], values) if name in specs else False for name in values]

    @app.callback(
        Output({"type": "edit-feedback", "field": ALL}, "children"),
        Output("edit-general-feedback", "children"),
        Input({"type": "edit-field", "field": ALL}, "value"), Input("edit-form-store", "data"),
        State("case-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _check(_values: list[Any], form: dict[str, Any] | None, store: Any, lang: str) -> tuple:
        values = field_values(ctx.inputs_list[0])
        data = current_data(store)
        if not form or data is None or form.get("collection") not in edit_forms.FORMS:
            return [None] * len(values), None
        return check_form(form["collection"], form.get("id"), values, data, normal_lang(lang),
                          bool(form.get("attempted")))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Output("edit-modal", "is_open", allow_duplicate=True),
        Output("edit-form-store", "data", allow_duplicate=True),
        Input("edit-submit", "n_clicks"),
        State({"type": "edit-field", "field": ALL}, "value"), State("edit-form-store", "data"),
        State("case-store", "data"), State("history-store", "data"),
        prevent_initial_call=True,
    )
    def _submit(clicks: int | None, _values: list[Any], form: dict[str, Any] | None, store: Any,
                history: Any) -> tuple:
        data = current_data(store)
        if not clicks or not form or data is None or form.get("collection") not in edit_forms.FORMS:
            return no_update, no_update, no_update, no_update
        collection, item_id = form["collection"], form.get("id")
        old = find_item(data, collection, item_id) if item_id else None
        item = edit_forms.edited_item(collection, field_values(ctx.states_list[0]), old, item_id)
        if collection == "annotations":
            item["created"] = (old or {}).get("created") or dt.datetime.now().replace(microsecond=0).isoformat()
            user = current_user()
            if user and not (old or {}).get("author"):  # with a login, a note is signed by who wrote it
                item["author"] = user
        result = put_item(data, collection, item)
        if not result.ok or result.data is None:
            return no_update, no_update, no_update, {**form, "attempted": int(form.get("attempted") or 0) + 1}
        saved_item = result.data[collection][int(result.item_path.rsplit("[", 1)[1].rstrip("]"))]
        kind = SINGULAR[collection]
        # "via": the item was selected by this edit, not by a click, so it presets no later form
        select = {"kind": kind, "id": saved_item["id"], "via": "edit"} \
            if kind in ("event", "person", "organisation") else None
        new_store, new_history = committed(store, history, result.data, select)
        if result.case is not None:
            remember(new_store, result.case)
        return new_store, new_history, False, None

    @app.callback(
        Output("edit-delete-confirm", "hidden", allow_duplicate=True),
        Output("edit-delete-text", "children", allow_duplicate=True),
        Input("edit-delete", "n_clicks"), State("edit-form-store", "data"), State("case-store", "data"),
        State("lang", "value"),
        prevent_initial_call=True,
    )
    def _ask_delete(clicks: int | None, form: dict[str, Any] | None, store: Any, lang: str) -> tuple:
        data = current_data(store)
        if not clicks or not form or not form.get("id") or data is None:
            return no_update, no_update
        return False, delete_impact(data, form["collection"], form["id"], normal_lang(lang))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Output("edit-modal", "is_open", allow_duplicate=True),
        Output("selection-store", "data", allow_duplicate=True),
        Output("edit-general-feedback", "children", allow_duplicate=True),
        Input("edit-delete-yes", "n_clicks"), State("edit-form-store", "data"), State("case-store", "data"),
        State("history-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _delete(clicks: int | None, form: dict[str, Any] | None, store: Any, history: Any, lang: str) -> tuple:
        data = current_data(store)
        if not clicks or not form or not form.get("id") or data is None:
            return (no_update,) * 5
        result = delete_item(data, form["collection"], form["id"])
        if not result.ok or result.data is None:
            return no_update, no_update, no_update, no_update, _feedback(result.problems, normal_lang(lang))
        new_store, new_history = committed(store, history, result.data)
        if result.case is not None:
            remember(new_store, result.case)
        return new_store, new_history, False, None, None

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Input("edit-undo", "n_clicks"), Input("edit-redo", "n_clicks"),
        State("case-store", "data"), State("history-store", "data"),
        prevent_initial_call=True,
    )
    def _undo_redo(_undo: int | None, _redo: int | None, store: Any, history: Any) -> tuple:
        if not store or not ctx.triggered or not ctx.triggered[0]["value"]:
            return no_update, no_update
        stepped = undone(store, history) if ctx.triggered_id == "edit-undo" else redone(store, history)
        return stepped if stepped is not None else (no_update, no_update)

    @app.callback(
        Output("edit-undo", "disabled"), Output("edit-redo", "disabled"), Output("edit-selected", "disabled"),
        Input("history-store", "data"), Input("selection-store", "data"),
    )
    def _buttons(history: Any, selection: Any) -> tuple[bool, bool, bool]:
        history = history or {}
        return (not history.get("undo"), not history.get("redo"),
                (selection or {}).get("kind") not in SELECTION_COLLECTION)
