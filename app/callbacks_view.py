"""Linked views: selection, date, story mode, and the two figures that follow them.

One navigation callback owns the selection, the story step and the date slider, so every way of
choosing something (a click in either figure, a table row, a link in the side panel, story mode)
goes through the same rules. The figure callbacks only read that state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import dash
import plotly.graph_objects as go
from dash import ALL, Input, Output, Patch, State, ctx, html, no_update

from app import callbacks_patterns, timeline_view
from app.annotations_panel import annotation, annotation_highlights
from app.details import details
from app.edit_store import is_edit
from app.filters import Filters, case_bounds, opening_day, year_marks
from app.i18n import format_day, format_partial, normal_lang, vocab
from app.page import empty_figure
from app.state import CaseView, case_view
from layouts.genosociogram import genosociogram_figure as draw_genosociogram
from models.catalogue import text

Selection = dict[str, str] | None


# --- pure helpers (called directly by the tests and the benchmark) ---------------------------

def clicked_id(click: dict[str, Any] | None) -> str | None:
    """The id a figure put in ``customdata`` of the clicked point."""
    if not click or not click.get("points"):
        return None
    data = click["points"][0].get("customdata")
    if isinstance(data, list | tuple):
        data = data[0] if data else None
    return str(data) if data is not None else None


def selection_from_network(view: CaseView, item: str | None) -> Selection:
    """A geno-sociogram click: a person id, or an organisation as ``org:<id>`` (or its bare id)."""
    if not item:
        return None
    if item in view.person_names:
        return {"kind": "person", "id": item}
    org = item.split(":", 1)[1] if item.startswith("org:") else item
    if org in view.organisation_names:
        return {"kind": "organisation", "id": org}
    return None


@dataclass
class Nav:
    """What the navigation callback decides: the new selection, story step and slider date."""

    selection: Any = no_update
    story: Any = no_update
    as_of: Any = no_update


def _event_ordinal(view: CaseView, event_id: str, bounds: tuple[dt.date, dt.date] | None) -> Any:
    if bounds is None or event_id not in view.events:
        return no_update
    day = view.events[event_id].start_day()
    return min(max(day, bounds[0]), bounds[1]).toordinal()


def navigate(view: CaseView | None, trigger: Any, value: Any, selection: Selection,
             story: dict[str, int] | None, story_on: bool) -> Nav:
    """Apply one user action to the selection, the story step and the date."""
    if view is None:
        return Nav(selection=None, story={"step": 0})
    bounds = case_bounds(view)
    step = (story or {}).get("step", 0)

    def select_event(event_id: str | None) -> Nav:
        if not event_id or event_id not in view.events:
            return Nav()
        nav = Nav(selection={"kind": "event", "id": event_id}, as_of=_event_ordinal(view, event_id, bounds))
        if story_on:
            nav.story = {"step": view.order[event_id]}
        return nav

    if trigger == "story-store":  # a step taken in the browser (see STORY_STEP_JS)
        if not story_on or not view.ordered:
            return Nav()
        step = min(max(step, 0), len(view.ordered) - 1)
        event_id = view.ordered[step].id
        return Nav(selection={"kind": "event", "id": event_id}, as_of=_event_ordinal(view, event_id, bounds))
    if trigger == "timeline-graph":
        return select_event(clicked_id(value))
    if trigger == "genosociogram-graph":
        chosen = selection_from_network(view, clicked_id(value))
        return Nav(selection=chosen) if chosen else Nav()
    if trigger == "clear-selection":
        return Nav(selection=None)
    if isinstance(trigger, dict) and value:
        if trigger.get("type") == "row-select":
            return select_event(trigger.get("id"))
        if trigger.get("type") == "finding":
            fid = str(trigger.get("index"))
            current = selection.get("id") if selection and selection.get("kind") == "finding" else None
            return Nav(selection=None if fid == current else {"kind": "finding", "id": fid})
        if trigger.get("type") == "annotation":
            aid = str(trigger.get("index"))
            current = selection.get("id") if selection and selection.get("kind") == "annotation" else None
            return Nav(selection=None if aid == current else {"kind": "annotation", "id": aid})
        if trigger.get("type") == "detail-link":
            kind, item = trigger.get("kind"), trigger.get("id")
            if kind == "event":
                return select_event(item)
            if kind in ("person", "organisation"):
                return Nav(selection={"kind": kind, "id": item})
    return Nav()


def after_edit(view: CaseView, selection: Selection) -> Selection:
    """The selection to keep after an edit: unchanged, unless its item was deleted."""
    if not selection:
        return None
    kind, item = selection.get("kind"), selection.get("id")
    exists = {"event": view.events, "person": view.person_names, "organisation": view.organisation_names}.get(kind)
    if kind == "annotation":
        return selection if annotation(view, item) is not None else None
    if exists is None:
        return selection if kind == "finding" else None
    return selection if item in exists else None


def highlights(view: CaseView, selection: Selection) -> tuple[dict[str, Any], dict[str, Any]]:
    """Highlight options for the timeline and the geno-sociogram for ``selection``."""
    if not selection:
        return {}, {}
    kind, item = selection.get("kind"), selection.get("id", "")
    if kind == "person":
        return {"highlight_persons": [item]}, {"highlight_persons": [item]}
    if kind == "organisation":
        return {"highlight_organisations": [item]}, {"highlight_organisations": [item]}
    if kind == "finding":
        found = callbacks_patterns.finding(view, item)
        if found is None:
            return {}, {}
        events = list(found.evidence_events)
        timeline = {"highlight_events": events} if events else {
            "highlight_persons": list(found.evidence_persons),
            "highlight_organisations": list(found.evidence_organisations)}
        return timeline, {"highlight_persons": list(found.evidence_persons),
                          "highlight_organisations": list(found.evidence_organisations)}
    if kind == "annotation":
        return annotation_highlights(view, item)
    if kind == "event" and item in view.events:
        event = view.events[item]
        return ({"highlight_events": [item]},
                {"highlight_persons": list(event.persons), "highlight_organisations": view.event_organisations(event),
                 "highlight_events": [item]})
    return {}, {}


def as_of_date(view: CaseView, value: int | None) -> dt.date | None:
    """The slider's date, kept inside the case's span."""
    bounds = case_bounds(view)
    if bounds is None:
        return None
    if value is None:
        return bounds[1]
    return min(max(dt.date.fromordinal(int(value)), bounds[0]), bounds[1])


def story_event(view: CaseView, story: dict[str, int] | None, story_on: bool) -> Any:
    if not story_on or not view.ordered:
        return None
    step = min(max((story or {}).get("step", 0), 0), len(view.ordered) - 1)
    return view.ordered[step]


def timeline_options(view: CaseView, filters: Filters, as_of_value: int | None, story: dict[str, int] | None,
                     story_on: bool, lang: str, projector: bool, lane_mode: str = "organisation") -> dict[str, Any]:
    """The timeline's view options except the highlight."""
    bounds = case_bounds(view)
    day = as_of_date(view, as_of_value)
    current = story_event(view, story, story_on)
    return {
        "lang": lang, "projector": projector, **filters.figure_kwargs(),
        "as_of": day if bounds is not None and day != bounds[1] else None,
        "reveal_until": current.start_day() if current is not None else None,
        "lane_mode": lane_mode if lane_mode in ("organisation", "event_type") else "organisation",
    }


def timeline_output(view: CaseView | None, selection: Selection, options: dict[str, Any],
                    shown: str | None = None) -> tuple[go.Figure | Patch, Any]:
    """The timeline figure and its signature, or only a highlight patch (and ``no_update``) for the figure
    the browser shows (signature ``shown``) when nothing but the selection changed."""
    if view is None:
        return empty_figure(bool(options.get("projector"))), None
    highlight, _ = highlights(view, selection)
    if shown:
        patch = timeline_view.highlight_patch(view, options, highlight, shown)
        if patch is not None:
            return patch, no_update
    return timeline_view.build(view, options, highlight)


def with_no_events_note(fig: go.Figure, lang: str, projector: bool) -> go.Figure:
    """The timeline of a case without events (a new one), saying so above the line (the middle is the axis)."""
    fig.add_annotation(text=text("timeline_no_events", lang), xref="paper", yref="paper", x=0.5, y=0.8,
                       showarrow=False, font={"size": 22 if projector else 16, "color": "#5f6368"},
                       bgcolor="rgba(255,255,255,0.9)")
    return fig


WALL_FRAMES: dict[str, tuple[int, int]] = {"network": (800, 530), "both": (590, 540)}
"""px: the frame the geno-sociogram is drawn for on the wall, per wall choice (what a 1280×720 screen leaves
under the header: the main column, or half of it beside the timeline). The wall's fit (WALL_FIT_JS) only
fine-tunes it (down, never up)."""


def wall_frame(projector: bool, wall: str | None) -> tuple[int, int] | None:
    """The frame to draw the geno-sociogram for: on the projector, the wall choice's; else None (the card)."""
    if not projector:
        return None
    return WALL_FRAMES.get(wall or "both", WALL_FRAMES["both"])


def genosociogram_figure(view: CaseView | None, selection: Selection, as_of_value: int | None, lang: str,
                         projector: bool, wall: str | None = None) -> go.Figure:
    """The geno-sociogram as of the slider's date, with the selection highlighted (on the projector, drawn for
    the wall's frame)."""
    if view is None:
        return empty_figure(projector)
    _, highlight = highlights(view, selection)
    return draw_genosociogram(view.case, as_of=as_of_date(view, as_of_value), lang=lang, projector=projector,
                              frame=wall_frame(projector, wall), **highlight)


def graph_height(fig: go.Figure | Patch) -> Any:
    """The graph's CSS height: the figure's own (the graph follows the page width)."""
    if isinstance(fig, Patch):
        return no_update
    height = fig.layout.height
    return {"height": f"{int(height)}px"} if height else {"height": "450px"}


def fit_to_width(fig: go.Figure) -> tuple[go.Figure, dict[str, str]]:
    """Let a fixed-size figure follow its container's width, keeping its proportions (no upscaling)."""
    width, height = fig.layout.width, fig.layout.height
    if not width or not height:
        return fig, {"height": "300px"}
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("frame"):
        # drawn for the wall's frame: plotly keeps exactly that size (an autosized first draw, before the wall's
        # fit has sized the graph, would widen the locked ranges and shrink the drawing); the fit scales it
        return fig, {"aspectRatio": f"{width} / {height}", "width": f"{width}px", "height": f"{height}px"}
    fig.update_layout(width=None, height=None, autosize=True)
    return fig, {"aspectRatio": f"{width} / {height}", "maxWidth": f"{width}px", "width": "100%"}


# --- registration ------------------------------------------------------------------------------

STORY_STEP_JS = """function (prev, next, on, story, meta) {
    // Story steps are worked out in the browser from the click counts, not by adding one per event:
    // quick key presses are merged by the renderer and would otherwise be lost.
    var fired = dash_clientside.callback_context.triggered.map(function (t) { return t.prop_id; });
    var n = (meta && meta.n) || 0;
    var state = story || {};
    prev = prev || 0;
    next = next || 0;
    if (fired.indexOf("story-toggle.value") >= 0) {
        if (!on) { return dash_clientside.no_update; }
        var start = (meta && meta.index) || 0;
        return {step: start, base: start, next0: next, prev0: prev, at: Date.now()};
    }
    var wentNext = fired.indexOf("story-next.n_clicks") >= 0;
    var wentPrev = fired.indexOf("story-prev.n_clicks") >= 0;
    if (!wentNext && !wentPrev) { return dash_clientside.no_update; }
    var base = state.base, next0 = state.next0, prev0 = state.prev0;
    if (base === undefined || next0 === undefined || next0 === null) {  // re-anchored by a click elsewhere
        base = state.step || 0;
        next0 = next - (wentNext ? 1 : 0);
        prev0 = prev - (wentPrev ? 1 : 0);
    }
    var wanted = base + (next - next0) - (prev - prev0);
    var step = Math.max(0, Math.min(n - 1, wanted));
    if (step !== wanted) { base = step; next0 = next; prev0 = prev; }
    return {step: step, base: base, next0: next0, prev0: prev0, at: Date.now()};
}"""

STORY_SCROLL_JS = """function (meta, on) {
    // Bring the current story event's half of the timeline into sight, under the sticky story bar.
    if (!on || !meta) { return; }
    var tries = 0;
    var scroll = function () {
        var bar = document.getElementById("story-bar");
        var wrap = document.getElementById("timeline-wrap");
        if (!bar || !wrap) { return; }
        if (bar.hidden) {  // story mode just switched on: its bar is shown by another callback
            if (++tries < 30) { setTimeout(scroll, 100); }
            return;
        }
        var gd = wrap.querySelector(".js-plotly-plot");
        var full = gd && gd._fullLayout;
        var top = bar.getBoundingClientRect().height + 8, bottom = window.innerHeight;
        var rect = wrap.getBoundingClientRect(), lo = rect.top, hi = rect.bottom;
        if (full && full.yaxis && full.yaxis2) {
            var base = gd.getBoundingClientRect().top, formal = full.yaxis2, lived = full.yaxis;
            var plotLo = base + formal._offset - 30, axis = base + formal._offset + formal._length;
            var plotHi = base + lived._offset + lived._length + 10;
            if (plotHi - plotLo <= bottom - top) { lo = plotLo; hi = plotHi; }
            else if (meta.lived) { lo = axis - 40; hi = plotHi; }
            else { lo = plotLo; hi = axis + 40; }
        }
        var dy = 0;
        if (lo < top) { dy = lo - top; }
        else if (hi > bottom) { dy = Math.min(hi - bottom, lo - top); }
        if (Math.abs(dy) > 2) { window.scrollBy({top: dy, behavior: "smooth"}); }
    };
    setTimeout(scroll, 80);
}"""

CASE_TITLE_JS = """function (title) { return typeof title === "string" ? title : ""; }"""

FILTER_INPUTS = [Input("filter-persons", "value"), Input("filter-organisations", "value"),
                 Input("filter-types", "value"), Input("filter-layer", "value"), Input("filter-window", "value")]


def register(app: dash.Dash) -> None:
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
        STORY_STEP_JS,
        Output("story-store", "data", allow_duplicate=True),
        Input("story-prev", "n_clicks"), Input("story-next", "n_clicks"), Input("story-toggle", "value"),
        State("story-store", "data"), State("story-meta", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(STORY_SCROLL_JS, Input("story-meta", "data"), State("story-toggle", "value"),
                            prevent_initial_call=True)
    # the header cuts a long title short in projector mode: its full text as a tooltip
    app.clientside_callback(CASE_TITLE_JS, Output("case-title", "title"), Input("case-title", "children"))

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
