"""The app factory: one Dash app serving the cases at a path, with all state kept per browser tab."""

from __future__ import annotations

from pathlib import Path

import dash
import flask
from dash import html

from app import callbacks_case, callbacks_filters, callbacks_patterns, callbacks_table, callbacks_view
from app.i18n import normal_lang
from app.page import build_layout
from app.state import list_case_files

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(cases: Path | None = None, lang: str = "nl") -> dash.Dash:
    """A Dash app for the case file or folder of case files at ``cases``.

    ``/?case=<file name>`` opens that file of the folder first. The app object holds configuration
    only (where the cases are, the default language); each browser tab keeps its own open case,
    selection and view in ``dcc.Store`` components. Scripts, styles and fonts are all served from this
    process (no CDN).
    """
    lang = normal_lang(lang)
    cases = Path(cases) if cases is not None else None
    app = dash.Dash(
        __name__, title="casusbeeld", assets_folder=str(ASSETS), serve_locally=True,
        external_stylesheets=[], external_scripts=[], suppress_callback_exceptions=True,
        update_title=None,
    )

    def layout() -> html.Div:
        files = list_case_files(cases)  # re-read on every page load: new files in the folder show up
        names = {f.name for f in files}
        asked = flask.request.args.get("case") if flask.has_request_context() else None
        default = asked if asked in names else next((f.name for f in files if f.looks_valid), None)
        return build_layout(files, lang, default)

    app.layout = layout
    callbacks_case.register(app, cases)
    callbacks_view.register(app)
    callbacks_filters.register(app)
    callbacks_table.register(app)
    callbacks_patterns.register(app)
    return app
