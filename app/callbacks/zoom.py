"""The timeline's zoom and its family history: labels fitted again for a zoomed range, and for a case of
thousands of events every mark in it (see :mod:`app.timeline_zoom`), and the "family history" switch shown
only for a case whose axis opens on the child's story (see :mod:`layouts.timeline.focus`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import ClientsideFunction, Input, Output, State, no_update

from app.state import case_view
from app.timeline_view import cached_layout
from app.timeline_zoom import zoom_update
from app.view_state_io import STATE_INPUTS, read_state
from layouts.timeline.focus import focus_range
from layouts.view_state import ViewState


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the zoom, window-slider and family-history callbacks to ``app``."""

    # the zoom (and the plot's measured width) from plotly's relayoutData; again after a new figure kept the zoom
    app.clientside_callback(
        ClientsideFunction("casusbeeld", "timelineZoom"),
        Output("timeline-zoom", "data"),
        Input("timeline-graph", "relayoutData"), Input("timeline-shown", "data"), Input("timeline-resized", "data"),
        State("timeline-zoom", "data"), prevent_initial_call=True,
    )

    # the window slider above the timeline follows what it shows, and moving it shows that period (window.js)
    app.clientside_callback(ClientsideFunction("casusbeeld", "timelineWindowWatch"), Input("timeline-shown", "data"))
    app.clientside_callback(ClientsideFunction("casusbeeld", "timelineWindowMove"),
                            Input("timeline-window", "value"), prevent_initial_call=True)
    # the stretch of time an address asks for (a reload, a link, back/forward) is shown once the timeline is drawn
    app.clientside_callback(ClientsideFunction("casusbeeld", "timelineRangeShow"),
                            Input("timeline-range", "data"), prevent_initial_call=True)

    @app.callback(
        Output("timeline-graph", "figure", allow_duplicate=True),
        Output("timeline-shown", "data", allow_duplicate=True), Output("timeline-refit", "data"),
        Input("timeline-zoom", "data"),
        *[State(item.component_id, item.component_property) for item in STATE_INPUTS],
        State("timeline-shown", "data"),
        prevent_initial_call=True,
    )
    def _zoom(zoom: dict[str, Any] | None, *values: Any) -> tuple[Any, Any, Any]:
        *controls, shown = values
        view, state = read_state(*controls)
        if view is None or not zoom:
            return no_update, no_update, no_update
        update, zoomed = zoom_update(view, state, shown, zoom)
        # during a workshop the titles participants added are placed again, clear of the words just fitted
        refit = {"at": zoom.get("at")} if update is not None and state.workshop else no_update
        # a case of thousands of events: the marks drawn for the range, and the figure shown named for it
        return (no_update if update is None else update), (no_update if zoomed is None else zoomed), refit

    # after the timeline is drawn (its lane layout cached then): not a second layout of a big case beside it
    @app.callback(Output("history-control", "hidden"), Input("timeline-shown", "data"), State("case-store", "data"))
    def _history_control(_shown: Any, store: dict[str, Any] | None) -> bool:
        view = case_view(store)
        if view is None:
            return True
        return focus_range(view.case, cached_layout(view, ViewState())) is None
