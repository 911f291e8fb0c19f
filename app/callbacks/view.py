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

from app import timeline_zoom
from app.edit_store import is_edit
from app.filters import case_bounds, opening_day, year_marks
from app.navigation import (
    Selection,
    _event_ordinal,
    after_edit,
    as_of_date,
    clicked_id,
    fit_to_width,
    genosociogram_output,
    graph_height,
    navigate,
    story_event,
    timeline_output,
    with_no_events_note,
)
from app.state import case_view
from app.story import key_steps
from app.view_state_io import STATE_INPUTS, case_name, controls_of, query_state, read_state
from layouts.components.details import details
from layouts.components.i18n import format_day, format_partial, normal_lang, vocab
from layouts.components.page import empty_figure
from layouts.contributions import mark_genosociogram, mark_timeline
from layouts.texts import text
from models.case_view import CaseView


def opened(view: CaseView | None, store: dict[str, Any] | None, selection: Selection, as_of: int | None,
           search: str | None) -> tuple:
    """The navigation callback's answer when a case opens or changes: the selection, story step and date as the
    address has them when it names this case (a reload, a link, back/forward, a reload with unsaved edits);
    after an edit what the user was looking at; else none, the first step and the case's opening day."""
    bounds = case_bounds(view) if view else None
    meta = {"n": len(view.ordered) if view else 0, "index": 0, "keys": key_steps(view) if view else []}
    if view is None or bounds is None:
        return None, {"step": 0}, 1, 0, 1, {}, None, None, meta
    first, last = (d.toordinal() for d in bounds)
    marks = year_marks(bounds)
    if is_edit(store) and not (store or {}).get("restored"):  # the same case, edited: keep the view
        kept = after_edit(view, (store or {}).get("select") or selection)
        value = last if as_of is None else min(max(int(as_of), first), last)
        if kept and kept.get("kind") == "event":
            value = _event_ordinal(view, kept["id"], bounds)
        return kept, no_update, value, first, last, marks, None, None, meta
    asked = query_state(search)
    if asked.case == case_name(store) and (asked.case is not None or (store or {}).get("restored")):
        values = controls_of(view, asked)
        step = min(asked.story, len(view.ordered) - 1) if asked.story is not None and view.ordered else 0
        meta["index"] = step  # story mode (switched on from the address) starts at the address's step
        return values["selection"], {"step": step}, values["as_of"], first, last, marks, None, None, meta
    return None, {"step": 0}, opening_day(view, bounds).toordinal(), first, last, marks, None, None, meta


def case_key(store: dict[str, Any] | None) -> str | None:
    """Which case the unfolded organisations belong to (its file name; an edit keeps it)."""
    return str((store or {}).get("name") or "") or None


def folding(item: str | None) -> bool:
    """Whether a geno-sociogram click was on a box's "+" or "−" (``unfold:<id>``, ``fold:<id>``): it folds or
    unfolds that organisation and selects nothing."""
    return (item or "").partition(":")[0] in ("unfold", "fold")


def story_meta(view: Any, selection: dict[str, Any] | None) -> dict[str, Any]:
    """What story mode's browser code needs of the selection: the number of steps, the selected event's step,
    whether it is lived experience, and the key moments' steps."""
    chosen = selection.get("id") if selection and selection.get("kind") == "event" else None
    return {"n": len(view.ordered), "index": view.order.get(chosen, 0) if chosen else 0,
            "lived": bool(chosen) and view.events[chosen].layer.value == "lived", "keys": key_steps(view)}


def toggled(unfolded: Any, item: str | None, case: str | None, case_changed: bool) -> Any:
    """The organisations unfolded on the wall (``{"case", "open"}``) after a click on ``item`` of the
    geno-sociogram: a box's "+" (``unfold:<id>``) adds its organisation, its "−" (``fold:<id>``) takes it away;
    another case starts with none unfolded."""
    current = unfolded if isinstance(unfolded, dict) and unfolded.get("case") == case else {"case": case, "open": []}
    if case_changed:
        return current if current is unfolded else {"case": case, "open": []}
    action, _, org = (item or "").partition(":")
    if not folding(item) or not org:
        return no_update
    opened = [o for o in current.get("open", []) if o != org] + ([org] if action == "unfold" else [])
    return {"case": case, "open": opened}


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the navigation, figure, details and story callbacks to ``app``."""

    @app.callback(
        Output("selection-store", "data"), Output("story-store", "data"),
        Output("as-of", "value"), Output("as-of", "min"), Output("as-of", "max"), Output("as-of", "marks"),
        Output("timeline-graph", "clickData"), Output("genosociogram-graph", "clickData"),
        Output("story-meta", "data"),
        Input("case-store", "data"),
        Input("timeline-graph", "clickData"), Input("genosociogram-graph", "clickData"),
        Input("clear-selection", "n_clicks"), Input("details-close", "n_clicks"),
        Input({"type": "row-select", "id": ALL}, "n_clicks"),
        Input({"type": "detail-link", "kind": ALL, "id": ALL}, "n_clicks"),
        Input({"type": "finding", "index": ALL}, "n_clicks"),
        Input({"type": "annotation", "index": ALL}, "n_clicks"),
        Input("story-store", "data"),
        State("story-toggle", "value"), State("selection-store", "data"), State("as-of", "value"),
        State("url", "search"),
    )
    def _navigate(store: dict[str, Any] | None, timeline_click: Any, network_click: Any, *rest: Any) -> tuple:
        story, story_on, selection, search = rest[-5], bool(rest[-4]), rest[-3], rest[-1]
        view = case_view(store)
        trigger = ctx.triggered_id
        if trigger is None or trigger == "case-store":
            return opened(view, store, selection, ctx.states.get("as-of.value"), search)
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        if trigger == "timeline-graph":
            value = timeline_click
        elif trigger == "genosociogram-graph":
            value = network_click
            if folding(clicked_id(value)):  # a box's "+"/"−" is the unfold callback's: no selection, and the
                return (no_update,) * 9  # click is left for it (a reset here would reach it first, as None)
        nav = navigate(view, trigger, value, selection, story, story_on)
        reset_clicks = None if trigger in ("timeline-graph", "genosociogram-graph") else no_update
        meta = story_meta(view, nav.selection) if view is not None and nav.selection is not no_update else no_update
        return (nav.selection, nav.story, nav.as_of, no_update, no_update, no_update,
                reset_clicks if trigger == "timeline-graph" else no_update,
                reset_clicks if trigger == "genosociogram-graph" else no_update, meta)

    app.clientside_callback(
        ClientsideFunction("casusbeeld", "storyStep"),
        Output("story-store", "data", allow_duplicate=True),
        Input("story-prev", "n_clicks"), Input("story-next", "n_clicks"), Input("story-toggle", "value"),
        Input("story-keys", "value"), State("story-store", "data"), State("story-meta", "data"),
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
        *STATE_INPUTS, State("timeline-shown", "data"), State("timeline-widths", "data"),
    )
    def _timeline(*values: Any) -> tuple[go.Figure | Patch, Any, Any]:
        *controls, shown, widths = values
        view, state = read_state(*controls)
        if view is None:
            return empty_figure(state.projector), {"height": "120px"}, None
        fig, sig = timeline_output(view, state, shown, widths.get("screen") if isinstance(widths, dict) else None)
        if isinstance(fig, go.Figure) and isinstance(sig, str):
            fig = fitted_for_wall(view, state, fig, sig, widths)
        if not view.ordered and isinstance(fig, go.Figure):
            # A new case: the usual (empty) timeline, so the first event added draws in place, plus a word.
            # (Swapping in a different, axis-free figure here made plotly fail on the next, real one.)
            fig = with_no_events_note(fig, state.lang, state.projector)
        if isinstance(fig, go.Figure):  # a participant's additions ringed in their perspective's colour
            fig = mark_timeline(fig, view.case, state.projector)
        return fig, graph_height(fig), sig

    @app.callback(
        Output("genosociogram-graph", "figure"), Output("genosociogram-graph", "style"),
        Output("genosociogram-title", "children"), Output("as-of-text", "children"),
        Output("genosociogram-shown", "data"),
        Input("case-store", "data"), Input("selection-store", "data"), Input("as-of", "value"),
        Input("lang", "value"), Input("projector", "value"), Input("wall", "value"), Input("wall-frame", "data"),
        Input("unfold-store", "data"), State("genosociogram-shown", "data"),
    )
    def _genosociogram(store: dict[str, Any] | None, selection: Selection, as_of: int | None, lang: str,
                       projector: bool, wall: str | None = None, frame: Any = None, unfolded: Any = None,
                       shown: str | None = None) -> tuple[Any, ...]:
        # a new selection or date of the same drawing is a small patch of the figure shown (app.genosociogram_view)
        lang = normal_lang(lang)
        view = case_view(store)
        opened = (unfolded or {}).get("open", []) if (unfolded or {}).get("case") == case_key(store) else []
        fig, sig = genosociogram_output(view, selection, as_of, lang, bool(projector), wall, frame, shown, opened)
        style: Any = no_update
        if isinstance(fig, go.Figure):
            if view is not None:
                fig = mark_genosociogram(fig, view.case)  # a workshop's contributions in their colours
            fig, style = fit_to_width(fig)
        day = as_of_date(view, as_of) if view else None
        title = text("genosociogram_asof", lang, date=format_day(day, lang)) if day else text("genosociogram", lang)
        return fig, style, title, format_day(day, lang) if day else "", sig

    @app.callback(
        Output("unfold-store", "data"),
        Input("genosociogram-graph", "clickData"), Input("case-store", "data"), State("unfold-store", "data"),
    )
    def _unfold(click: Any, store: dict[str, Any] | None, unfolded: Any) -> Any:
        return toggled(unfolded, clicked_id(click), case_key(store), ctx.triggered_id == "case-store")

    @app.callback(
        Output("details", "children"), Output("clear-selection", "hidden"), Output("details-close", "hidden"),
        Input("case-store", "data"), Input("selection-store", "data"), Input("lang", "value"),
    )
    def _details(store: dict[str, Any] | None, selection: Selection, lang: str) -> tuple[Any, bool, bool]:
        return details(case_view(store), selection, normal_lang(lang)), not selection, not selection

    @app.callback(
        Output("story-bar", "hidden"), Output("story-position", "children"), Output("story-event", "children"),
        Output("story-prev", "disabled"), Output("story-next", "disabled"),
        Input("case-store", "data"), Input("story-store", "data"), Input("story-toggle", "value"),
        Input("lang", "value"), Input("story-keys", "value"),
    )
    def _story_bar(store: dict[str, Any] | None, story: Any, story_on: bool, lang: str, keys_on: Any = False
                   ) -> tuple:
        lang = normal_lang(lang)
        view = case_view(store)
        event = story_event(view, story, bool(story_on)) if view else None
        if view is None or event is None:
            return True, "", "", True, True
        step = view.order[event.id]
        position = text("story_step", lang, i=step + 1, n=len(view.ordered))
        keys = key_steps(view) if keys_on else []
        if keys:  # key moments only: which key moment, and whether there is one before or after
            before = sum(1 for key in keys if key <= step)
            position = text("story_key_step", lang, i=before, n=len(keys), step=position)
            return False, position, _story_line(event, lang), keys[0] >= step, keys[-1] <= step
        return False, position, _story_line(event, lang), step == 0, step == len(view.ordered) - 1


def fitted_for_wall(view: Any, state: Any, fig: go.Figure, sig: str, widths: Any) -> go.Figure:
    """The figure just drawn (signature ``sig``; what a zoom's patch keeps of it remembered first, see
    app.timeline_zoom) and, on the wall, with its labels fitted at once for the plot width the browser measured the
    last time this wall showed the timeline (``widths``: the ``timeline-widths`` store), instead of for the smallest
    wall and then again once measured (the room saw the words jump a second or two after each switch)."""
    timeline_zoom.remember(sig, fig)
    if not state.projector:
        return fig  # the screen's figure is built for its measured width (app.timeline_view.build)
    wall = "timeline" if state.wall == "timeline" else "both"
    plot_px = widths.get(wall) if isinstance(widths, dict) else None
    notes = timeline_zoom.refit_notes(view, state, fig, plot_px)
    if notes is None:
        return fig
    fig.layout.annotations = notes
    fig.layout.meta = {**(fig.layout.meta if isinstance(fig.layout.meta, dict) else {}), "fitted_plot_px": plot_px}
    return fig


def _story_line(event: Any, lang: str) -> list[Any]:
    """The story bar's line for ``event``: its date, type and title."""
    return [html.Span(format_partial(event.date, lang), className="story-date"), " ",
            html.Span(vocab(event.type, lang), className="story-type"), " ",
            html.Span(event.title, className="story-title")]
