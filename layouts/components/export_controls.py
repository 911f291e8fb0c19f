"""Download controls: a compact "Download" menu per view (PNG / SVG / PDF at a paper size) and a "Report"
menu in the header (HTML / PDF). Components only; the callbacks are in :mod:`app.callbacks.export`.

Each menu is a native ``<details>``/``<summary>`` (opens with Enter or Space, closes with Escape via
``assets/export.js``), holding native radio buttons, a native ``<select>`` and buttons: all of it works by
keyboard. Its words carry ids ``{"type": "export-i18n", "key": …, "where": …}`` so that one callback
rewrites them when the language changes (the page's own ``T`` ids must be unique per key, and these
words appear once per view).
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts.poster import FORMATS, SIZES
from layouts.texts import text

I18N_TYPE = "export-i18n"
DEFAULT_FORMAT = "pdf"
DEFAULT_SIZE = "A3"


def ids(view: str) -> dict[str, str]:
    """The component ids of the download menu of ``view`` (timeline or genosociogram)."""
    return {name: f"export-{view}-{name}" for name in ("menu", "format", "size", "go", "download", "status")}


REPORT_IDS = {name: f"report-{name}" for name in ("menu", "html", "pdf", "download", "status")}


def words(key: str, lang: str, where: str, tag: type = html.Span, **props: Any) -> Any:
    """Interface text of a download menu that follows the language switch."""
    return tag(text(key, lang), id={"type": I18N_TYPE, "key": key, "where": where}, **props)


def size_options(lang: str) -> list[dict[str, str]]:
    """The paper sizes, largest type last; "screen" is a 16:9 picture for slides."""
    return [{"label": text("download_size_screen", lang) if size == "screen" else size, "value": size}
            for size in ("A3", "A1", "A0", "screen") if size in SIZES]


def view_download(view: str, lang: str) -> html.Div:
    """The "Download" menu of one view, with its download target and a status line (errors, done)."""
    name = ids(view)
    label_id = f"{name['format']}-label"
    panel = html.Div([
        html.Div([
            html.Div(words("download_format", lang, view), className="form-label small mb-1", id=label_id),
            dbc.RadioItems(id=name["format"], value=DEFAULT_FORMAT, inline=True, class_name="export-format",
                           options=[{"label": fmt.upper(), "value": fmt} for fmt in FORMATS],
                           input_class_name="btn-check", label_class_name="btn btn-outline-secondary btn-sm",
                           label_checked_class_name="active"),
        ], role="radiogroup", **{"aria-labelledby": label_id}),
        html.Div([
            html.Label(words("download_size", lang, view), htmlFor=name["size"], className="form-label small mb-1"),
            dbc.Select(id=name["size"], value=DEFAULT_SIZE, options=size_options(lang), size="sm"),
        ], className="mt-2"),
        html.Button(["⤓ ", words("download", lang, f"{view}-go")], id=name["go"], n_clicks=0, type="button",
                    className="btn btn-primary btn-sm mt-2 w-100 export-go"),
        words(f"download_as_shown_{view}", lang, view, html.P, className="small text-muted mt-2 mb-0"),
    ], className="export-panel")
    return html.Div([
        html.Details([
            html.Summary(["⤓ ", words("download", lang, view)], className="btn btn-outline-secondary btn-sm",
                         title=text(f"download_{view}", lang), id=f"{name['menu']}-summary",
                         **{"aria-label": text(f"download_{view}", lang)}),
            panel,
        ], id=name["menu"], className="export-menu"),
        html.Span(id=name["status"], className="export-status small", role="status", **{"aria-live": "polite"}),
        dcc.Download(id=name["download"]),
    ], className="export-wrap", **{"data-view": view})


def report_download(lang: str) -> html.Div:
    """The "Report" menu of the header: the case report as one HTML file or as a PDF."""
    panel = html.Div([
        words("download_report_hint", lang, "report", html.P, className="small text-muted mb-2"),
        html.Button(["⤓ ", words("download_report_html", lang, "report")], id=REPORT_IDS["html"], n_clicks=0,
                    type="button", className="btn btn-primary btn-sm w-100 export-go"),
        html.Button(["⤓ ", words("download_report_pdf", lang, "report")], id=REPORT_IDS["pdf"], n_clicks=0,
                    type="button", className="btn btn-outline-primary btn-sm w-100 mt-2 export-go"),
    ], className="export-panel export-panel-right")
    return html.Div([
        html.Details([
            html.Summary(["⤓ ", words("download_report", lang, "report-summary")],
                         className="btn btn-outline-secondary btn-sm", id=f"{REPORT_IDS['menu']}-summary"),
            panel,
        ], id=REPORT_IDS["menu"], className="export-menu"),
        html.Span(id=REPORT_IDS["status"], className="export-status small", role="status",
                  **{"aria-live": "polite"}),
        dcc.Download(id=REPORT_IDS["download"]),
    ], className="export-wrap report-wrap")
