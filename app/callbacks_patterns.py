"""The pattern panel slot in the side panel (filled by ``layouts.pattern_panel`` once it exists)."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, ctx, html, no_update

from app import figures
from app.i18n import normal_lang
from app.state import BoundedLRU, CaseView, case_view
from models.catalogue import text


def findings_for(view: CaseView) -> list[Any] | None:
    """The case's pattern findings, computed once per case (derived data, cached with the case)."""
    if view.findings is None:
        view.findings = figures.pattern_findings(view.case)
    return view.findings


def finding(view: CaseView, finding_id: str | None) -> Any | None:
    """The finding with this id in the case, or None."""
    return next((f for f in findings_for(view) or () if f.id == finding_id), None)


_CHARTS: BoundedLRU[tuple[str, str], dict[str, Any]] = BoundedLRU(8)


def _charts(view: CaseView, lang: str) -> dict[str, Any]:
    module = figures.pattern_panel_module()
    if module is None or not hasattr(module, "finding_charts"):
        return {}
    return _CHARTS.get_or_create((view.key, lang),
                                 lambda: module.finding_charts(view.case, findings_for(view) or [], lang))


def patterns_content(view: CaseView | None, lang: str, selected: str | None = None) -> Any:
    """The pattern panel for the case (with the selected finding marked), or a note while it is missing."""
    if view is None:
        return None
    findings = findings_for(view)
    panel = figures.pattern_panel(findings, lang, selected, charts=_charts(view, lang)) \
        if findings is not None else None
    if panel is None:
        return html.P(text("patterns_pending", lang), className="text-muted small mb-0")
    return panel


def selected_finding(selection: dict[str, str] | None) -> str | None:
    return selection.get("id") if selection and selection.get("kind") == "finding" else None


def register(app: dash.Dash) -> None:
    """Attach the pattern panel callback to ``app``."""

    @app.callback(
        Output("patterns", "children"), Output("panel-finding", "data"),
        Input("case-store", "data"), Input("lang", "value"), Input("selection-store", "data"),
        State("panel-finding", "data"),
    )
    def _patterns(store: Any, lang: str, selection: Any, shown: Any) -> Any:
        chosen = selected_finding(selection)
        if ctx.triggered_id == "selection-store" and chosen == shown:
            return no_update, no_update
        return patterns_content(case_view(store), normal_lang(lang), chosen), chosen
