"""The accessible events table: an HTML table with caption, column headers, sort buttons and pages.

It shows the events that pass the timeline's filters (plus a free-text search), and the selected
event's row is marked; choosing a row (its title is a button) selects that event everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, html, no_update

from app.edit_store import is_edit
from app.filters import FILTER_INPUTS
from app.state import case_view
from app.view_state_io import filters_from_controls
from layouts.components.i18n import format_partial, normal_lang, vocab
from layouts.texts import text
from models import Event
from models.case_view import CaseView
from models.event_filter import EventFilter

PAGE_SIZE = 25
COLUMNS = ("date", "title", "type", "layer", "organisation", "persons")
_HEADERS = {"date": "date", "title": "event", "type": "type", "layer": "layer",
            "organisation": "organisation", "persons": "col_persons"}


def _organisation(view: CaseView, event: Event) -> str:
    names = [view.organisation_names.get(o, o) for o in view.event_organisations(event)]
    return " → ".join(names)


def _persons(view: CaseView, event: Event) -> str:
    return ", ".join(view.person_names.get(p, p) for p in event.persons)


def cell_text(view: CaseView, event: Event, column: str, lang: str) -> str:
    if column == "date":
        start = format_partial(event.date, lang)
        return f"{start} – {format_partial(event.end, lang)}" if event.end else start
    if column == "title":
        return event.title
    if column == "type":
        return vocab(event.type, lang)
    if column == "layer":
        return text("layer_formal_short" if event.layer.value == "formal" else "layer_lived_short", lang)
    if column == "organisation":
        return _organisation(view, event)
    return _persons(view, event)


def table_events(view: CaseView, filters: EventFilter, search: str | None, sort: str, ascending: bool,
                 lang: str) -> list[Event]:
    """The table's events: filtered as the timeline filters them (the window too), searched (case-insensitive,
    any column) and sorted."""
    events = filters.apply(view.ordered)
    needle = (search or "").strip().casefold()
    if needle:
        events = [e for e in events
                  if any(needle in cell_text(view, e, c, lang).casefold() for c in COLUMNS)
                  or (e.description and needle in e.description.casefold())]
    if sort != "date" and sort in COLUMNS:
        events = sorted(events, key=lambda e: (cell_text(view, e, sort, lang).casefold(), view.order[e.id]))
    elif sort == "date":
        events = sorted(events, key=lambda e: view.order[e.id])
    return events if ascending else events[::-1]


def page_count(n_rows: int) -> int:
    return max(1, -(-n_rows // PAGE_SIZE))


def render_table(view: CaseView, events: list[Event], page: int, sort: str, ascending: bool,
                 selected: str | None, lang: str) -> html.Table:
    """One page of the table."""
    # the event's number in time order, as on the posters and in the report's list of events
    head = [html.Th(html.Abbr(text("table_number", lang), title=text("table_number_hint", lang)), scope="col",
                    className="col-number")]
    for column in COLUMNS:
        name = text(_HEADERS[column], lang)
        state = ("ascending" if ascending else "descending") if column == sort else "none"
        arrow = (" ▲" if ascending else " ▼") if column == sort else ""
        head.append(html.Th(html.Button([name, html.Span(arrow, **{"aria-hidden": "true"})],
                                        id={"type": "sort", "col": column}, n_clicks=0, type="button",
                                        className="sort-button", title=text("sort_by", lang, col=name)),
                            scope="col", **{"aria-sort": state}))
    rows = []
    for event in events[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]:
        chosen = event.id == selected
        cells = [html.Td(str(view.order[event.id] + 1), className="col-number")]
        for column in COLUMNS:
            cell = cell_text(view, event, column, lang)
            if column == "title":
                cells.append(html.Th(html.Button(cell, id={"type": "row-select", "id": event.id}, n_clicks=0,
                                                 type="button", className="row-button",
                                                 **{"aria-pressed": "true" if chosen else "false"}),
                                     scope="row"))
            else:
                cells.append(html.Td(cell, className=f"col-{column}"))
        rows.append(html.Tr(cells, className=("selected-row table-active" if chosen else "")
                            + (" lived-row" if event.layer.value == "lived" else ""),
                            **({"aria-current": "true"} if chosen else {})))
    if not rows:
        rows = [html.Tr(html.Td(text("table_empty", lang), colSpan=len(COLUMNS) + 1, className="text-muted"))]
    return html.Table([
        html.Caption(text("table_caption", lang, n=len(events))),
        html.Thead(html.Tr(head)),
        html.Tbody(rows),
    ], className="table table-sm table-hover events-table", id="events-table")


def table_state(trigger: Any, value: Any, state: dict[str, Any] | None, n_rows: int,
                selected_index: int | None, edited: bool = False) -> dict[str, Any]:
    """The next sort order and page after one user action (``edited``: the case store changed by an edit)."""
    state = dict(state or {"sort": "date", "asc": True, "page": 0})
    pages = page_count(n_rows)
    if isinstance(trigger, dict) and trigger.get("type") == "sort":
        if not value:
            return state
        column = trigger.get("col")
        state.update(asc=not state.get("asc", True) if state.get("sort") == column else True, sort=column, page=0)
    elif trigger == "table-prev":
        state["page"] = max(0, state.get("page", 0) - 1)
    elif trigger == "table-next":
        state["page"] = min(pages - 1, state.get("page", 0) + 1)
    elif trigger == "selection-store" or (trigger == "case-store" and edited):
        if selected_index is not None:
            state["page"] = selected_index // PAGE_SIZE
    elif trigger == "case-store":
        state = {"sort": "date", "asc": True, "page": 0}
    else:  # filters or search changed: stay with the selected event when it is still shown
        state["page"] = selected_index // PAGE_SIZE if selected_index is not None else 0
    state["page"] = min(max(0, state.get("page", 0)), pages - 1)
    return state


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the table callbacks to ``app``."""

    def rows_for(store: Any, filters: tuple, search: str | None, state: dict[str, Any] | None,
                 lang: str) -> tuple[CaseView | None, list[Event]]:
        view = case_view(store)
        if view is None:
            return None, []
        state = state or {}
        flt = filters_from_controls(view, *filters)
        return view, table_events(view, flt, search, state.get("sort", "date"), state.get("asc", True), lang)

    @app.callback(
        Output("table-store", "data"),
        Input({"type": "sort", "col": ALL}, "n_clicks"), Input("table-prev", "n_clicks"),
        Input("table-next", "n_clicks"), Input("table-search", "value"), *FILTER_INPUTS,
        Input("selection-store", "data"), Input("case-store", "data"),
        State("table-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _state(_sort: Any, _prev: Any, _next: Any, search: str | None, p: Any, o: Any, ty: Any, la: Any, w: Any,
               selection: Any, store: Any, state: Any, lang: str) -> Any:
        trigger = ctx.triggered_id
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        if trigger is None:
            return no_update
        view, events = rows_for(store, (p, o, ty, la, w), search, state, normal_lang(lang))
        selected_index = None
        if view is not None and selection and selection.get("kind") == "event":
            ids = [e.id for e in events]
            selected_index = ids.index(selection["id"]) if selection["id"] in ids else None
            if trigger == "selection-store" and selected_index is None:
                return no_update
        new = table_state(trigger, value, state, len(events), selected_index, edited=is_edit(store))
        return new if new != state else no_update

    @app.callback(
        Output("event-table", "children"), Output("table-page-text", "children"), Output("table-pager", "hidden"),
        Output("table-prev", "disabled"), Output("table-next", "disabled"),
        Input("case-store", "data"), Input("table-store", "data"), Input("table-search", "value"), *FILTER_INPUTS,
        Input("selection-store", "data"), Input("lang", "value"),
    )
    def _render(store: Any, state: Any, search: str | None, p: Any, o: Any, ty: Any, la: Any, w: Any,
                selection: Any, lang: str) -> tuple:
        lang = normal_lang(lang)
        view, events = rows_for(store, (p, o, ty, la, w), search, state, lang)
        if view is None:
            return None, "", True, True, True
        state = state or {}
        pages = page_count(len(events))
        page = min(max(0, state.get("page", 0)), pages - 1)
        selected = selection.get("id") if selection and selection.get("kind") == "event" else None
        table = render_table(view, events, page, state.get("sort", "date"), state.get("asc", True), selected, lang)
        return (table, text("page_of", lang, page=page + 1, pages=pages), pages <= 1, page == 0, page >= pages - 1)
