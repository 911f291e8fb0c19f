"""Download callbacks: each view as PNG / SVG / PDF at a paper size, and the case report as HTML / PDF.

A download shows what the user sees: the language, projector mode, the as-of date of the slider and, for
the timeline, its filters and lanes (the selection's highlight is left out: a poster dims nothing). The case
comes from the tab's ``case-store`` (:func:`app.state.case_view`); nothing of it is kept in the process.
A failed export never raises into Dash: the menu's status line says what went wrong, in the UI language,
and the log names only the exception type (messages may quote case content).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, dcc, no_update

from app.export import FORMATS, VIEWS, ExportError, export_view_bytes, find_browser
from app.filters import case_bounds
from app.navigation import as_of_date
from app.state import case_view
from app.view_state_io import filters_from_controls, read_state
from layouts.components.export_controls import I18N_TYPE, REPORT_IDS, ids, size_options
from layouts.components.i18n import normal_lang
from layouts.poster import SIZES
from layouts.texts import text
from layouts.view_state import ViewState
from models.case_view import CaseView
from models.event_filter import EventFilter

log = logging.getLogger(__name__)

Result = tuple[Any, str, str]
"""What a download callback returns: the ``dcc.Download`` data (or no_update), the status text, its class."""

_OK, _ERROR = "export-status small", "export-status small export-error"


def failure_message(exc: BaseException, lang: str) -> str:
    """A clear message for a failed export, in the UI language (never the exception's own text)."""
    if isinstance(exc, ValueError):
        return text("download_bad_choice", lang)
    if isinstance(exc, ExportError) and find_browser() is None:
        return text("download_no_browser", lang)
    return text("download_failed", lang)


def _deliver(make: Callable[[], tuple[bytes, str, str]], lang: str) -> Result:
    try:
        data, filename, mimetype = make()
    except Exception as exc:  # an export must never crash the page
        log.warning("download failed: %s", type(exc).__name__)
        return no_update, failure_message(exc, lang), _ERROR
    return dcc.send_bytes(data, filename, type=mimetype), text("download_done", lang, name=filename), _OK


def export_state(view: CaseView, name: str, lang: str, projector: bool, as_of_value: int | None,
                 filter_values: tuple[Any, ...] = (None, None, None, None, None),
                 lane_mode: str | None = None) -> ViewState:
    """The view state of download ``name`` as the page draws it now (see ``app.callbacks.view``): for the
    timeline its filters, lanes and date line (none at the case's last day); for the geno-sociogram the date."""
    _, state = read_state(None, None, None, *filter_values, lane_mode, lang, projector, None, None, False)
    state = state.replace(filters=filters_from_controls(view, *filter_values))
    day = as_of_date(view, as_of_value)
    if name == "timeline":
        last = case_bounds(view)[1]
        return state.replace(as_of=None if day is None or day == last else day)
    return state.replace(as_of=day, filters=EventFilter(), lanes="organisation")


def view_download_result(store: dict[str, Any] | None, name: str, fmt: str | None, size: str | None, lang: str,
                         projector: bool, as_of_value: int | None,
                         filter_values: tuple[Any, ...] = (None, None, None, None, None),
                         lane_mode: str | None = None) -> Result:
    """The download of view ``name`` for the case in ``store``, or a message why there is none."""
    lang = normal_lang(lang)
    view = case_view(store)
    if view is None:
        return no_update, text("download_no_case", lang), _ERROR

    def make() -> tuple[bytes, str, str]:
        if fmt not in FORMATS or size not in SIZES:
            raise ValueError("unknown format or size")
        state = export_state(view, name, lang, bool(projector), as_of_value, filter_values, lane_mode)
        return export_view_bytes(view.case, name, fmt, size, state.lang, state.as_of, state=state)

    return _deliver(make, lang)


def report_download_result(store: dict[str, Any] | None, fmt: str, lang: str) -> Result:
    """The case report (html or pdf) for the case in ``store``, or a message why there is none."""
    lang = normal_lang(lang)
    view = case_view(store)
    if view is None:
        return no_update, text("download_no_case", lang), _ERROR

    def make() -> tuple[bytes, str, str]:
        from app.report import report_bytes

        return report_bytes(view.case, fmt, lang)

    return _deliver(make, lang)


FILTER_STATES = [State("filter-persons", "value"), State("filter-organisations", "value"),
                 State("filter-types", "value"), State("filter-layer", "value"), State("filter-window", "value"),
                 State("lane-mode", "value")]


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the download callbacks to ``app``."""
    for name in VIEWS:
        _register_view(app, name)

    @app.callback(
        Output(REPORT_IDS["download"], "data"), Output(REPORT_IDS["status"], "children"),
        Output(REPORT_IDS["status"], "className"),
        Input(REPORT_IDS["html"], "n_clicks"), Input(REPORT_IDS["pdf"], "n_clicks"),
        State("case-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
        running=[(Output(REPORT_IDS["html"], "disabled"), True, False),
                 (Output(REPORT_IDS["pdf"], "disabled"), True, False)],
    )
    def _report(_html: int, _pdf: int, store: dict[str, Any] | None, lang: str) -> Result:
        fmt = "pdf" if ctx.triggered_id == REPORT_IDS["pdf"] else "html"
        return report_download_result(store, fmt, lang)

    summaries = [f"{ids(name)['menu']}-summary" for name in VIEWS]

    @app.callback(
        Output({"type": I18N_TYPE, "key": ALL, "where": ALL}, "children"),
        *[Output(summary, "aria-label") for summary in summaries],
        *[Output(summary, "title") for summary in summaries],
        *[Output(ids(name)["size"], "options") for name in VIEWS],
        Input("lang", "value"),
        prevent_initial_call=True,
    )
    def _translate(lang: str) -> tuple:
        lang = normal_lang(lang)
        words = [text(item["id"]["key"], lang) for item in ctx.outputs_list[0]]
        labels = [text(f"download_{name}", lang) for name in VIEWS]
        return (words, *labels, *labels, *[size_options(lang) for _ in VIEWS])


def _register_view(app: dash.Dash, name: str) -> None:
    control = ids(name)
    extra = FILTER_STATES if name == "timeline" else []

    @app.callback(
        Output(control["download"], "data"), Output(control["status"], "children"),
        Output(control["status"], "className"),
        Input(control["go"], "n_clicks"),
        State("case-store", "data"), State(control["format"], "value"), State(control["size"], "value"),
        State("lang", "value"), State("projector", "value"), State("as-of", "value"), *extra,
        prevent_initial_call=True,
        running=[(Output(control["go"], "disabled"), True, False)],
    )
    def _download(_clicks: int, store: dict[str, Any] | None, fmt: str, size: str, lang: str, projector: bool,
                  as_of: int | None, *timeline_state: Any) -> Result:
        filter_values = tuple(timeline_state[:5]) if timeline_state else (None,) * 5
        lane_mode = timeline_state[5] if timeline_state else None
        return view_download_result(store, name, fmt, size, lang, bool(projector), as_of, filter_values, lane_mode)
