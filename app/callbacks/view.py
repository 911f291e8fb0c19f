"""Linked views: selection, date, story mode, and the two figures that follow them.

One navigation callback owns the selection, the story step and the date slider, so every way of
choosing something (a click in either figure, a table row, a link in the side panel, story mode)
goes through the same rules. The figure callbacks only read that state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
import plotly.graph_objects as go
from dash import ALL, ClientsideFunction, Input, Output, Patch, State, ctx, html, no_update

from app.details import details
from app.edit_store import is_edit
from app.filters import FILTER_INPUTS, Filters, case_bounds, opening_day, year_marks
from app.i18n import format_day, format_partial, normal_lang, vocab
from app.navigation import (
    Selection,
    _event_ordinal,
    after_edit,
    as_of_date,
    fit_to_width,
    genosociogram_figure,
    graph_height,
    navigate,
    story_event,
    timeline_options,
    timeline_output,
    with_no_events_note,
)
from app.page import empty_figure
from app.state import case_view
from layouts.texts import text


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the navigation, figure, details and story callbacks to ``app``."""

    @app.callback(
        Output("selection-store", "data"), Output("story-store", "data"),
        Output("as-of", "value"), Output("as-of", "min"), Output("as-of", "max"), Output("as-of", "marks"),
        Output("timeline-graph", "clickData"), Output("genosociogram-graph", "clickData"),
        Output("story-meta", "data"),
        Input("case-store", "data"),
        Input("timeline-graph", "clickData"), Input("genosociogram-graph", "clickData"),
        Input("clear-selection", "n_clicks"),
        Input({"type": "row-select", "id": ALL}, "n_clicks"),
        Input({"type": "detail-link", "kind": ALL, "id": ALL}, "n_clicks"),
        Input({"type": "finding", "index": ALL}, "n_clicks"),
        Input({"type": "annotation", "index": ALL}, "n_clicks"),
        Input("story-store", "data"),
        State("story-toggle", "value"), State("selection-store", "data"), State("as-of", "value"),
    )
    def _navigate(store: dict[str, Any] | None, timeline_click: Any, network_click: Any, *rest: Any) -> tuple:
        story, story_on, selection = rest[-4], bool(rest[-3]), rest[-2]
        view = case_view(store)
        trigger = ctx.triggered_id
        if trigger is None or trigger == "case-store":
            bounds = case_bounds(view) if view else None
            meta = {"n": len(view.ordered) if view else 0, "index": 0}
            if bounds is None:
                return None, {"step": 0}, 1, 0, 1, {}, None, None, meta
            first, last = (d.toordinal() for d in bounds)
            if view is not None and is_edit(store):  # the same case, edited: keep what the user is looking at
                kept = after_edit(view, store.get("select") or selection)
                as_of = ctx.states.get("as-of.value")
                value = last if as_of is None else min(max(int(as_of), first), last)
                if kept and kept.get("kind") == "event":
                    value = _event_ordinal(view, kept["id"], bounds)
                return kept, no_update, value, first, last, year_marks(bounds), None, None, meta
            opening = opening_day(view, bounds).toordinal() if view is not None else last
            return None, {"step": 0}, opening, first, last, year_marks(bounds), None, None, meta
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        if trigger == "timeline-graph":
            value = timeline_click
        elif trigger == "genosociogram-graph":
            value = network_click
        nav = navigate(view, trigger, value, selection, story, story_on)
        reset_clicks = None if trigger in ("timeline-graph", "genosociogram-graph") else no_update
        meta = no_update
        if view is not None and nav.selection is not no_update:
            chosen = nav.selection.get("id") if nav.selection and nav.selection.get("kind") == "event" else None
            meta = {"n": len(view.ordered), "index": view.order.get(chosen, 0) if chosen else 0,
                    "lived": bool(chosen) and view.events[chosen].layer.value == "lived"}
        return (nav.selection, nav.story, nav.as_of, no_update, no_update, no_update,
                reset_clicks if trigger == "timeline-graph" else no_update,
                reset_clicks if trigger == "genosociogram-graph" else no_update, meta)

    app.clientside_callback(
        ClientsideFunction("casusbeeld", "storyStep"),
        Output("story-store", "data", allow_duplicate=True),
        Input("story-prev", "n_clicks"), Input("story-next", "n_clicks"), Input("story-toggle", "value"),
        State("story-store", "data"), State("story-meta", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(ClientsideFunction("casusbeeld", "storyScroll"),
                            Input("story-meta", "data"), State("story-toggle", "value"),
                            prevent_initial_call=True)
    # the header cuts a long title short in projector mode: its full text as a tooltip
    app.clientside_callback(ClientsideFunction("casusbeeld", "caseTitle"),
                            Output("case-title", "title"), Input("case-title", "children"))

    @app.callback(
        Output("timeline-graph", "figure"), Output("timeline-graph", "style"), Output("timeline-shown", "data"),
        Input("case-store", "data"), Input("selection-store", "data"), *FILTER_INPUTS,
        Input("as-of", "value"), Input("story-store", "data"), Input("story-toggle", "value"),
        Input("lang", "value"), Input("projector", "value"), Input("lane-mode", "value"),
        State("timeline-shown", "data"),
    )
    def _timeline(store: dict[str, Any] | None, selection: Selection, persons: Any, orgs: Any, types: Any,
                  layer: Any, window: Any, as_of: int | None, story: Any, story_on: bool, lang: str,
                  projector: bool, lane_mode: str, shown: str | None) -> tuple[go.Figure | Patch, Any, Any]:
        view = case_view(store)
        if view is None:
            return empty_figure(bool(projector)), {"height": "120px"}, None
        filters = Filters.from_controls(persons, orgs, types, layer, window, case_bounds(view))
        options = timeline_options(view, filters, as_of, story, bool(story_on), normal_lang(lang), bool(projector),
                                   lane_mode)
        selection_only = [t["prop_id"] for t in ctx.triggered] == ["selection-store.data"]
        fig, sig = timeline_output(view, selection, options, shown if selection_only else None)
        if not view.ordered and isinstance(fig, go.Figure):
            # A new case: the usual (empty) timeline, so the first event added draws in place, plus a word.
            # (Swapping in a different, axis-free figure here made plotly fail on the next, real one.)
            fig = with_no_events_note(fig, normal_lang(lang), bool(projector))
        return fig, graph_height(fig), sig

    @app.callback(
        Output("genosociogram-graph", "figure"), Output("genosociogram-graph", "style"),
        Output("genosociogram-title", "children"), Output("as-of-text", "children"),
        Input("case-store", "data"), Input("selection-store", "data"), Input("as-of", "value"),
        Input("lang", "value"), Input("projector", "value"), Input("wall", "value"),
    )
    def _genosociogram(store: dict[str, Any] | None, selection: Selection, as_of: int | None, lang: str,
                       projector: bool, wall: str | None = None) -> tuple[go.Figure, dict[str, str], str, str]:
        lang = normal_lang(lang)
        view = case_view(store)
        fig, style = fit_to_width(genosociogram_figure(view, selection, as_of, lang, bool(projector), wall))
        day = as_of_date(view, as_of) if view else None
        title = text("genosociogram_asof", lang, date=format_day(day, lang)) if day else text("genosociogram", lang)
        return fig, style, title, format_day(day, lang) if day else ""

    @app.callback(
        Output("details", "children"), Output("clear-selection", "hidden"),
        Input("case-store", "data"), Input("selection-store", "data"), Input("lang", "value"),
    )
    def _details(store: dict[str, Any] | None, selection: Selection, lang: str) -> tuple[Any, bool]:
        return details(case_view(store), selection, normal_lang(lang)), not selection

    @app.callback(
        Output("story-bar", "hidden"), Output("story-position", "children"), Output("story-event", "children"),
        Output("story-prev", "disabled"), Output("story-next", "disabled"),
        Input("case-store", "data"), Input("story-store", "data"), Input("story-toggle", "value"),
        Input("lang", "value"),
    )
    def _story_bar(store: dict[str, Any] | None, story: Any, story_on: bool, lang: str) -> tuple:
        lang = normal_lang(lang)
        view = case_view(store)
        event = story_event(view, story, bool(story_on)) if view else None
        if view is None or event is None:
            return True, "", "", True, True
        step = view.order[event.id]
        position = text("story_step", lang, i=step + 1, n=len(view.ordered))
        line = [html.Span(format_partial(event.date, lang), className="story-date"), " ",
                html.Span(vocab(event.type, lang), className="story-type"), " ",
                html.Span(event.title, className="story-title")]
        return False, position, line, step == 0, step == len(view.ordered) - 1
