"""The view in the address: the state written to ``?…`` on every change, and read back on load and on
back/forward, so that a reload or a shared link shows exactly the same view.

Writing: one callback turns the controls into a :class:`~layouts.view_state.ViewState`
(:func:`app.view_state_io.read_state`) and puts its query string in the ``url`` location (a new history
entry, no reload). Reading: on load the case comes from ``?case=`` (``app.callbacks.case``), and the date,
filters and selection are applied when that case opens (``app.callbacks.view``, ``app.callbacks.filters``);
the language, projector, wall and lanes are set here. Back/forward (the ``url-pop`` store, see
``assets/history.js``) sets them all here when the case stays, else opens the other case first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import dash
from dash import Input, Output, State, ctx, no_update

from app.state import case_view
from app.view_state_io import STATE_INPUTS, case_name, controls_of, query_state, read_state
from layouts.view_state import ViewState
from models.dates import MS_PER_DAY, day_ms, ms_day

_CONTROLS = (("lang", "value"), ("projector", "value"), ("wall", "value"), ("lane-mode", "value"),
             ("story-toggle", "value"), ("filter-persons", "value"), ("filter-organisations", "value"),
             ("filter-types", "value"), ("filter-layer", "value"), ("filter-window", "value"), ("as-of", "value"),
             ("selection-store", "data"), ("story-store", "data"), ("timeline-history", "value"),
             ("story-keys", "value"), ("wall-notes", "value"), ("timeline-range", "data"))


def range_days(state: ViewState) -> dict[str, Any]:
    """The ``timeline-range`` store's value for the stretch of time ``state`` shows: its case's file name and
    [first, last] in days since 1970 (None: where the axis opens), as window.js writes it after a zoom."""
    days = [int(day_ms(day) // MS_PER_DAY) for day in state.shown] if state.shown else None
    return {"case": state.case, "days": days}


def days_range(data: Any, case: str | None) -> tuple[dt.date, dt.date] | None:
    """The stretch of days the ``timeline-range`` store holds for ``case`` (None: where the axis opens, another
    case's zoom, or malformed)."""
    days = data.get("days") if isinstance(data, dict) and case and data.get("case") == case else None
    if not isinstance(days, list) or len(days) != 2 or not all(isinstance(d, int | float) for d in days):
        return None
    try:
        first, last = (ms_day(int(d) * MS_PER_DAY) for d in days)
    except (OverflowError, ValueError):
        return None
    return (first, last) if first < last else None


def popped_case_opening(popped: Any, store: dict[str, Any] | None) -> bool:
    """Whether back/forward (``popped``: the ``url-pop`` store) went to another case than the open one since that
    case opened (``store["pop_at"]``: the last back/forward known when it opened), so that it is still opening.

    Decided from the stores, not from what triggered a callback: Dash drops a callback's answer when a newer
    call of it starts first (a case opening sets the date, the filters…, each a new call of the writer)."""
    if not isinstance(popped, dict) or not isinstance(popped.get("at"), int | float):
        return False
    if popped["at"] <= ((store or {}).get("pop_at") or 0):
        return False
    asked = query_state(popped.get("search")).case
    return asked is not None and asked != case_name(store)


def address(search: str | None, *values: Any, opening: bool = False, shown: Any = None) -> Any:
    """The location's new search string for the control values (``STATE_INPUTS`` order) and the stretch of time
    the timeline shows after a zoom (``shown``: the ``timeline-range`` store's days), or ``no_update``
    when no case is open (an unknown ``?case=`` stays in the address) or nothing changed. While back/forward's
    case is still ``opening`` (:func:`popped_case_opening`) nothing is written: a half-restored view would cut
    the browser's history."""
    view, state = read_state(*values)
    if view is None or opening:
        return no_update
    state = state.replace(shown=days_range(shown, state.case))
    query = state.to_query()
    wanted = f"?{query}" if query else ""
    return wanted if wanted != (search or "") else no_update


def restored_controls(search: str | None, store: dict[str, Any] | None, popped: bool) -> list[Any]:
    """Control values (``_CONTROLS`` order) for the view ``search`` asks for. On load only what it names
    (the rest keeps the page's defaults); on back/forward all of it. The date, filters and selection only
    when that case is the open one (else they follow when it opens)."""
    state = query_state(search)
    named = set(parse_qs((search or "").lstrip("?")))
    out: list[Any] = [no_update] * len(_CONTROLS)
    if "lang" in named:
        out[0] = state.lang
    if popped or state.projector:
        out[1], out[2] = state.projector, state.wall
    if popped or "lanes" in named:
        out[3] = state.lanes
    if popped or state.story is not None:
        out[4] = state.story is not None
    if popped or "history" in named:
        out[13] = state.history
    if popped or "keys" in named:
        out[14] = state.story_keys
    if popped or state.notes:
        out[15] = state.notes
    if popped or state.shown is not None:  # window.js shows it once the timeline is drawn
        out[16] = range_days(state)
    view = case_view(store)
    if popped and view is not None and state.case == case_name(store):
        values = controls_of(view, state)
        out[5:12] = [values["persons"], values["organisations"], list(values["event_types"]), values["layer"],
                     values["window"], values["as_of"], values["selection"]]
        if state.story is not None:
            out[12] = {"step": state.story}
    return out


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the address callbacks to ``app``."""

    @app.callback(Output("url", "search"), *STATE_INPUTS, Input("timeline-range", "data"), State("url", "search"),
                  State("url-pop", "data"))
    def _write(*values: Any) -> Any:
        *controls, shown, search, popped = values
        return address(search, *controls, opening=popped_case_opening(popped, controls[0]), shown=shown)

    @app.callback(
        *[Output(component, prop, allow_duplicate=True) for component, prop in _CONTROLS],
        Input("url", "pathname"), Input("url-pop", "data"), State("url", "search"), State("case-store", "data"),
        prevent_initial_call="initial_duplicate",
    )
    def _read(_path: Any, popped: Any, search: str | None, store: Any) -> list[Any]:
        if ctx.triggered_id == "url-pop":
            return restored_controls((popped or {}).get("search"), store, popped=True)
        return restored_controls(search, store, popped=False)
