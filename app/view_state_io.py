"""The one place the app makes its :class:`~layouts.view_state.ViewState`: from the page's controls, and back.

Every callback that draws something from the view takes :data:`STATE_INPUTS` and calls :func:`read_state`;
the address callback writes the state's :meth:`~layouts.view_state.ViewState.to_query` to the ``url``
location, and the restore callbacks turn a query string (a reload, back/forward, a shared link) back into
control values with :func:`controls_of`. The state's ``as_of`` is None while the slider stands on the case's
opening day (see :func:`app.filters.opening_day`), so a link without a date opens as the case does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import Input

from app.filters import FILTER_INPUTS, case_bounds, opening_day
from app.state import case_view
from layouts.components.i18n import normal_lang
from layouts.view_state import LANE_MODES, WALLS, Selection, ViewState
from models.case_view import CaseView
from models.event_filter import EventFilter

STATE_INPUTS = [Input("case-store", "data"), Input("selection-store", "data"), Input("as-of", "value"),
                *FILTER_INPUTS, Input("lane-mode", "value"), Input("lang", "value"), Input("projector", "value"),
                Input("wall", "value"), Input("story-store", "data"), Input("story-toggle", "value"),
                Input("timeline-history", "value"), Input("story-keys", "value"), Input("wall-notes", "value"),
                Input("workshop-store", "data")]
"""The controls a view state is made of, in the order :func:`read_state` takes their values."""


def case_name(store: dict[str, Any] | None) -> str | None:
    """The open case's file name as the address names it (None for an uploaded or new case)."""
    if not store or store.get("source") != "file":
        return None
    return str(store.get("name") or "") or None


def filters_from_controls(view: CaseView | None, persons: Any, organisations: Any, event_types: Any, layer: Any,
                          window: Any) -> EventFilter:
    """The filter the controls ask for; a window covering the whole case is no window."""
    span = None
    bounds = case_bounds(view) if view is not None else None
    if window and len(window) == 2 and bounds is not None:
        start, end = (dt.date.fromordinal(int(value)) for value in sorted(window))
        if start > bounds[0] or end < bounds[1]:
            span = (start, end)
    return EventFilter.of(persons=persons, organisations=organisations, event_types=event_types, layer=layer,
                          window=span)


def read_state(store: dict[str, Any] | None, selection: Any, as_of: int | None, persons: Any, organisations: Any,
               event_types: Any, layer: Any, window: Any, lanes: Any, lang: Any, projector: Any, wall: Any,
               story: Any, story_on: Any, history: Any = False, story_keys: Any = False, notes: Any = False,
               workshop: Any = None) -> tuple[CaseView | None, ViewState]:
    """The open case and the view state of the control values (in the order of :data:`STATE_INPUTS`)."""
    view = case_view(store)
    day = None
    if view is not None and as_of is not None:
        bounds = case_bounds(view)
        chosen = min(max(dt.date.fromordinal(int(as_of)), bounds[0]), bounds[1])
        day = None if chosen == opening_day(view, bounds) else chosen
    step = None
    if story_on and view is not None and view.ordered:
        step = min(max(int((story or {}).get("step", 0) or 0), 0), len(view.ordered) - 1)
    return view, ViewState(
        case=case_name(store), as_of=day,
        filters=filters_from_controls(view, persons, organisations, event_types, layer, window),
        lanes=lanes if lanes in LANE_MODES else "organisation", selection=Selection.from_dict(selection),
        lang=normal_lang(lang), projector=bool(projector), wall=wall if wall in WALLS else "both", story=step,
        story_keys=bool(story_keys) and step is not None, history=bool(history),
        notes=bool(notes) and bool(projector),
        workshop=isinstance(workshop, dict) and view is not None and workshop.get("case") == (store or {}).get("name"))


def shown_day(view: CaseView, state: ViewState) -> dt.date:
    """The network's date: the state's; without one the story step's (a link with ``story=`` but no date) or the
    case's opening day."""
    bounds = case_bounds(view)
    if state.as_of is None and state.story is not None and 0 <= state.story < len(view.ordered):
        return min(max(view.ordered[state.story].start_day(), bounds[0]), bounds[1])
    if state.as_of is None:
        return opening_day(view, bounds)
    return min(max(state.as_of, bounds[0]), bounds[1])


def timeline_state(view: CaseView, state: ViewState) -> ViewState:
    """The state the timeline is drawn for: its date line only before the case's last day (the timeline of
    today needs no line), without the selection; of the wall only whether the timeline is alone on it (its labels
    are fitted for the width it has: the whole, or beside the network; other walls do not show it)."""
    day = shown_day(view, state)
    wall = "timeline" if state.projector and state.wall == "timeline" else "both"
    return state.replace(as_of=None if day == case_bounds(view)[1] else day, selection=None, wall=wall)


def controls_of(view: CaseView, state: ViewState) -> dict[str, Any]:
    """The control values that show ``state`` for ``view`` (ids the case does not know are dropped)."""
    bounds = case_bounds(view)
    first, last = (day.toordinal() for day in bounds)
    window = [first, last]
    if state.filters.window is not None:
        start, end = (min(max(day, bounds[0]), bounds[1]).toordinal() for day in state.filters.window)
        window = [start, end]
    selection = state.selection
    known = {"event": view.events, "person": view.person_names, "organisation": view.organisation_names}
    if selection is not None and selection.kind in known and selection.id not in known[selection.kind]:
        selection = None
    return {
        "as_of": shown_day(view, state).toordinal(),
        "persons": [p for p in state.filters.persons if p in view.person_names],
        "organisations": [o for o in state.filters.organisations if o in view.organisation_names],
        "event_types": list(state.filters.event_types),
        "layer": state.filters.layer,
        "window": window,
        "selection": selection.as_dict() if selection is not None else None,
    }


def query_state(search: str | None) -> ViewState:
    """The state a location's search string (``?case=…``) asks for."""
    return ViewState.from_query(search)
