"""Filter controls: their options per case and language, resetting them, and the "n of m shown" line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import Input, Output, State, ctx, no_update

from app.edit_store import is_edit
from app.filters import FILTER_INPUTS, case_bounds, year_marks
from app.state import case_view
from app.view_state_io import case_name, controls_of, filters_from_controls, query_state
from layouts.components.i18n import dropdown_labels, format_day, normal_lang, vocab
from layouts.texts import text
from models.case_view import CaseView
from models.vocabulary import EventType


def filter_options(view: CaseView, lang: str) -> tuple[list[dict[str, str]], ...]:
    """Options for the persons, organisations and event-type filters (only what the case uses)."""
    persons = [{"label": p.label, "value": p.id} for p in view.case.persons if p.id in view.person_events]
    orgs = [{"label": o.name, "value": o.id} for o in view.case.organisations if o.id in view.organisation_events]
    used = {e.type for e in view.ordered}
    types = [{"label": vocab(kind, lang), "value": kind.value} for kind in EventType if kind in used]
    return persons, orgs, types


def filter_controls(view: CaseView | None, store: Any, trigger: Any, search: str | None) -> tuple:
    """The filter controls' values and the window's bounds when a case opens or the filters are reset: an
    edit keeps them, a case the address names gets the address's filters, any other case none."""
    bounds = case_bounds(view) if view else None
    if view is None or bounds is None:
        return [], [], [], "both", [0, 1], 0, 1, {}
    first, last = (d.toordinal() for d in bounds)
    restored = bool((store or {}).get("restored"))
    if trigger == "case-store" and is_edit(store) and not restored:  # an edit keeps the filters; the new item shows
        return no_update, no_update, no_update, no_update, [first, last], first, last, year_marks(bounds)
    if trigger == "filters-reset":
        return [], [], [], "both", [first, last], no_update, no_update, no_update
    asked = query_state(search)
    if asked.case == case_name(store) and (asked.case is not None or restored):
        values = controls_of(view, asked)
        return (values["persons"], values["organisations"], values["event_types"], values["layer"],
                values["window"], first, last, year_marks(bounds))
    return [], [], [], "both", [first, last], first, last, year_marks(bounds)


PAGE_DROPDOWNS = ("case-chooser", "filter-persons", "filter-organisations", "filter-types", "annotation-tag",
                  "new-case-gender")
"""The page's own dropdowns (built with their words in the page's language; the edit forms build theirs in the
current language)."""


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the filter callbacks to ``app``."""

    @app.callback(*[Output(name, "labels") for name in PAGE_DROPDOWNS], Input("lang", "value"),
                  prevent_initial_call=True)  # the page is built in its language: only a switch changes them
    def _dropdown_words(lang: str) -> tuple[dict[str, str], ...]:
        return (dropdown_labels(normal_lang(lang)),) * len(PAGE_DROPDOWNS)

    @app.callback(
        Output("filter-persons", "options"), Output("filter-organisations", "options"),
        Output("filter-types", "options"),
        Input("case-store", "data"), Input("lang", "value"),
    )
    def _options(store: Any, lang: str) -> tuple:
        view = case_view(store)
        if view is None:
            return [], [], []
        return filter_options(view, normal_lang(lang))

    @app.callback(
        Output("filter-persons", "value"), Output("filter-organisations", "value"),
        Output("filter-types", "value"), Output("filter-layer", "value"),
        Output("filter-window", "value"), Output("filter-window", "min"), Output("filter-window", "max"),
        Output("filter-window", "marks"),
        Input("case-store", "data"), Input("filters-reset", "n_clicks"), State("url", "search"),
    )
    def _reset(store: Any, _clicks: Any, search: str | None) -> tuple:
        return filter_controls(case_view(store), store, ctx.triggered_id, search)

    @app.callback(
        Output("filter-count", "children"), Output("window-text", "children"), Output("filters-badge", "children"),
        Input("case-store", "data"), *FILTER_INPUTS, Input("lang", "value"),
    )
    def _count(store: Any, persons: Any, orgs: Any, types: Any, layer: Any, window: Any, lang: str) -> tuple:
        lang = normal_lang(lang)
        view = case_view(store)
        bounds = case_bounds(view) if view else None
        if view is None or bounds is None:
            return "", "", ""
        filters = filters_from_controls(view, persons, orgs, types, layer, window)
        start, end = filters.window or bounds
        span = f"{format_day(start, lang)} – {format_day(end, lang)}"
        if not filters.active:
            return text("n_events", lang, n=len(view.ordered)), span, ""
        active = sum(map(bool, (filters.persons, filters.organisations, filters.event_types,
                                filters.layer != "both", filters.window)))
        return (text("filters_active", lang, n=len(filters.apply(view.ordered)), total=len(view.ordered)), span,
                str(active))
