"""The pattern panel in the side panel: the case's findings (computed once per case) and their charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import Input, Output, State, no_update

from app.state import BoundedLRU, case_view
from layouts.components.i18n import normal_lang
from layouts.pattern_panel import finding_charts, pattern_panel
from models.case_view import CaseView, findings_for

_CHARTS: BoundedLRU[tuple[str, str], dict[str, Any]] = BoundedLRU(8)


def _charts(view: CaseView, lang: str) -> dict[str, Any]:
    return _CHARTS.get_or_create((view.key, lang), lambda: finding_charts(view.case, findings_for(view), lang))


def patterns_content(view: CaseView | None, lang: str, selected: str | None = None) -> Any:
    """The pattern panel for the case, with the selected finding marked."""
    if view is None:
        return None
    return pattern_panel(findings_for(view), lang, selected, charts=_charts(view, lang))


def selected_finding(selection: dict[str, str] | None) -> str | None:
    return selection.get("id") if selection and selection.get("kind") == "finding" else None


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the pattern panel callback to ``app``.

    The panel is built after the timeline has been drawn (``timeline-shown`` is set by the timeline's callback),
    not beside it: finding the patterns of a big case takes as long as its timeline, and the two callbacks
    would share the server's CPU while the page waits for its first picture. ``patterns-shown`` names the case
    and language drawn, so a redraw of the timeline alone (a zoom, a filter) leaves the panel as it is."""

    @app.callback(
        Output("patterns", "children"), Output("panel-finding", "data"), Output("patterns-shown", "data"),
        Input("timeline-shown", "data"), Input("lang", "value"), Input("selection-store", "data"),
        State("case-store", "data"), State("panel-finding", "data"), State("patterns-shown", "data"),
    )
    def _patterns(_drawn: Any, lang: str, selection: Any, store: Any, shown: Any, shown_case: Any) -> Any:
        lang = normal_lang(lang)
        view = case_view(store)
        drawn_for = f"{view.key}:{lang}" if view is not None else None
        chosen = selected_finding(selection)
        if drawn_for == shown_case and chosen == shown:
            return no_update, no_update, no_update
        return patterns_content(view, lang, chosen), chosen, drawn_for
