"""What the group adds, in the app: comparing two moments (two geno-sociograms and the timeline with both dates),
card 5's perspective-switch table, and the link editor under a selected event (edit mode).

Edits go through ``edit_store.committed`` like every other edit, so undo works and the case shows as unsaved.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, no_update

from app.edit_store import committed, current_data
from app.state import case_view, remember
from layouts.compare import compare_networks, compare_timeline, default_moments
from layouts.components.compare import link_rows, perspective_rows, switch_table
from layouts.components.i18n import normal_lang
from layouts.view_state import ViewState
from models.editing import checked
from models.group_editing import event_links, with_event_links, with_perspective, without_perspective
from models.partial_date import PartialDate, normal_date

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _day(value: Any) -> dt.date | None:
    """The day typed (ISO or the Dutch way, as in the edit forms: 20-11-2021, 11-2021, 2021), else None."""
    typed = normal_date(str(value or ""))
    try:
        return PartialDate.parse(typed).earliest() if typed else None
    except ValueError:
        return None


def _commit(store: Any, history: Any, data: dict[str, Any]) -> tuple:
    result = checked(data)
    if not result.ok or result.data is None:
        return no_update, no_update
    new_store, new_history = committed(store, history, result.data)
    if result.case is not None:
        remember(new_store, result.case)
    return new_store, new_history


def switch_rows(data: dict[str, Any], person: str, field: str, value: str) -> dict[str, Any]:
    """``data`` with card 5's ``field`` (dilemma or feeling) of ``person`` set to ``value`` (an empty row goes)."""
    rows = [dict(row) for row in data.get("perspective_switch") or []]
    row = next((r for r in rows if r.get("person") == person), None)
    if row is None:
        row = {"person": person}
        rows.append(row)
    if value.strip():
        row[field] = value
    else:
        row.pop(field, None)
    rows = [r for r in rows if r.get("dilemma") or r.get("feeling")]
    new = dict(data)
    if rows:
        new["perspective_switch"] = rows
    else:
        new.pop("perspective_switch", None)
    return new


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the compare, perspective-switch, link-editor and perspective callbacks to ``app``."""
    register_perspectives(app)

    @app.callback(
        Output("compare-a", "value"), Output("compare-b", "value"), Output("switch-persons", "options"),
        Output("switch-persons", "value"),
        Input("case-store", "data"), State("compare-a", "value"), State("compare-b", "value"),
    )
    def _moments(store: Any, a: Any, b: Any) -> tuple:
        view = case_view(store)
        if view is None:
            return None, None, [], []
        first, last = default_moments(view.case)
        options = [{"label": p.label, "value": p.id} for p in view.case.persons]
        chosen = [row.person for row in view.case.perspective_switch]
        return (a or (first.isoformat() if first else None), b or (last.isoformat() if last else None),
                options, chosen)

    @app.callback(
        Output("compare-body", "hidden"), Output("compare-toggle", "aria-expanded"),
        Input("compare-toggle", "n_clicks"), prevent_initial_call=True,
    )
    def _toggle(clicks: int | None) -> tuple:
        shown = bool((clicks or 0) % 2)
        return not shown, "true" if shown else "false"

    @app.callback(
        Output("compare-graph-a", "figure"), Output("compare-graph-b", "figure"),
        Output("compare-timeline", "figure"),
        Input("compare-body", "hidden"), Input("compare-a", "value"), Input("compare-b", "value"),
        Input("case-store", "data"), Input("lang", "value"),
    )
    def _compare(hidden: bool, a: Any, b: Any, store: Any, lang: str) -> tuple:
        view = case_view(store)
        day_a, day_b = _day(a), _day(b)
        if hidden or view is None or day_a is None or day_b is None:
            return no_update, no_update, no_update
        state = ViewState(case=view.key, lang=normal_lang(lang))
        fig_a, fig_b = compare_networks(view.case, state, day_a, day_b)
        return fig_a, fig_b, compare_timeline(view.case, state, day_a, day_b)

    @app.callback(
        Output("switch-table", "children"),
        Input("switch-persons", "value"), Input("edit-mode", "value"), Input("lang", "value"),
        State("case-store", "data"),
    )
    def _switch_table(persons: Any, edit: bool, lang: str, store: Any) -> Any:
        view = case_view(store)
        if view is None:
            return None
        return switch_table(view.case, list(persons or []), normal_lang(lang), bool(edit))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Input({"type": "switch-text", "person": ALL, "field": ALL}, "value"),
        State("case-store", "data"), State("history-store", "data"), State("edit-mode", "value"),
        prevent_initial_call=True,
    )
    def _save_switch(_values: list[Any], store: Any, history: Any, edit: bool) -> tuple:
        data = current_data(store)
        fired = ctx.triggered_id
        if not edit or data is None or not isinstance(fired, dict):
            return no_update, no_update
        value = next((item.get("value") for item in ctx.inputs_list[0] if item.get("id") == fired), "")
        new = switch_rows(data, str(fired["person"]), str(fired["field"]), str(value or ""))
        return no_update if new == data else _commit(store, history, new)

    @app.callback(
        Output("link-editor", "hidden"), Output("link-list", "children"), Output("link-target", "options"),
        Input("selection-store", "data"), Input("edit-mode", "value"), Input("case-store", "data"),
        Input("lang", "value"),
    )
    def _link_editor(selection: Any, edit: bool, store: Any, lang: str) -> tuple:
        view = case_view(store)
        if not edit or view is None or not selection or selection.get("kind") != "event" \
                or selection.get("id") not in view.events:
            return True, None, []
        event_id = selection["id"]
        options = [{"label": f"{e.date.format(normal_lang(lang))} · {e.title}", "value": e.id}
                   for e in view.ordered if e.id != event_id]
        return False, link_rows(view.case, event_id, normal_lang(lang)), options

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Output("link-target", "value"),
        Input("link-add", "n_clicks"), Input({"type": "link-remove", "index": ALL}, "n_clicks"),
        State("link-target", "value"), State("link-word", "value"), State("selection-store", "data"),
        State("case-store", "data"), State("history-store", "data"), State("edit-mode", "value"),
        prevent_initial_call=True,
    )
    def _edit_links(_add: Any, removes: list[Any], target: Any, word: Any, selection: Any, store: Any,
                    history: Any, edit: bool) -> tuple:
        data = current_data(store)
        if not edit or data is None or not selection or selection.get("kind") != "event":
            return no_update, no_update, no_update
        event_id = selection["id"]
        fired = ctx.triggered_id
        if isinstance(fired, dict) and fired.get("type") == "link-remove":
            if not any(removes):
                return no_update, no_update, no_update
            index = int(fired["index"])
            links = data.get("links") or []
            if not 0 <= index < len(links) or links[index].get("source") != event_id:
                return no_update, no_update, no_update
            new = dict(data)
            new["links"] = [link for i, link in enumerate(links) if i != index]
            if not new["links"]:
                new.pop("links")
            return (*_commit(store, history, new), no_update)
        if fired != "link-add" or not target:
            return no_update, no_update, no_update
        mine = [*event_links(data, event_id), {"target": str(target), "label": str(word or "").strip() or None}]
        new = with_event_links(data, event_id, mine)
        return (*_commit(store, history, new), None)


def perspective_key(data: dict[str, Any], label: str) -> str:
    """A key for a new perspective named ``label``: its letters and digits, made unique."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", label.strip().lower()).strip("-")[:40] or "perspectief"
    used = {p.get("key") for p in data.get("perspectives") or []}
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key


def register_perspectives(app: dash.Dash) -> None:
    """The perspectives card: shown in edit mode; add, rename, recolour, choose persons, remove."""

    @app.callback(
        Output("perspectives-card", "hidden"), Output("perspective-list", "children"),
        Input("edit-mode", "value"), Input("case-store", "data"), Input("lang", "value"),
    )
    def _perspectives(edit: bool, store: Any, lang: str) -> tuple:
        view = case_view(store)
        if not edit or view is None:
            return True, None
        return False, perspective_rows(view.case, normal_lang(lang))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Output("perspective-new", "value"),
        Input("perspective-add", "n_clicks"), Input({"type": "perspective-remove", "key": ALL}, "n_clicks"),
        Input({"type": "perspective-label", "key": ALL}, "value"),
        Input({"type": "perspective-colour", "key": ALL}, "value"),
        Input({"type": "perspective-persons", "key": ALL}, "value"),
        State("perspective-new", "value"), State("case-store", "data"), State("history-store", "data"),
        State("edit-mode", "value"),
        prevent_initial_call=True,
    )
    def _edit_perspectives(_add: Any, removes: list[Any], _labels: Any, _colours: Any, _persons: Any, new_label: Any,
                           store: Any, history: Any, edit: bool) -> tuple:
        data = current_data(store)
        fired = ctx.triggered_id
        if not edit or data is None or fired is None:
            return no_update, no_update, no_update
        if fired == "perspective-add":
            label = str(new_label or "").strip()
            if not label:
                return no_update, no_update, no_update
            return (*_commit(store, history, with_perspective(data, perspective_key(data, label), label)), "")
        kind, key = fired.get("type"), fired.get("key")
        current = next((p for p in data.get("perspectives") or [] if p.get("key") == key), None)
        if current is None:
            return no_update, no_update, no_update
        value = next((item.get("value") for group in ctx.inputs_list[2:] for item in group
                      if item.get("id") == fired), None)
        if kind == "perspective-remove":
            new = without_perspective(data, key) if any(removes) else data
        elif kind == "perspective-label":
            new = with_perspective(data, key, str(value or "").strip() or current["label"])
        elif kind == "perspective-colour":
            colour = str(value or "")
            new = with_perspective(data, key, current["label"], colour.upper()) if COLOUR.match(colour) else data
        else:
            new = with_perspective(data, key, current["label"], persons=[str(p) for p in value or []])
        return (no_update, no_update, no_update) if new == data else (*_commit(store, history, new), no_update)
