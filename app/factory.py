"""The app factory: one Dash app serving the cases at a path, with all state kept per browser tab."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import dash
from dash import html
from flask import Response

from app.auth import AuthConfig, current_user
from app.auth import install as install_auth
from app.callbacks import REGISTER_ORDER
from app.guard import LOOPBACK_NAMES
from app.guard import install as install_guard
from app.participant import create_participant_app
from app.state import list_case_files
from app.workshop_store import STORE_KEY as WORKSHOP_STORE_KEY
from app.workshop_store import store_path
from layouts.components.i18n import normal_lang
from layouts.components.page import build_layout

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ASSETS = Path(__file__).resolve().parent / "assets"


class NoCaseContent(logging.Filter):
    """Log a failing request by exception type only: messages and tracebacks may quote case content."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = "request failed: %s (details withheld: they may contain case content)"
            record.args = (record.exc_info[0].__name__,)
            record.exc_info = None
            record.exc_text = None
        return True


def create_app(cases: Path | None = None, lang: str = "nl",
               allowed_hosts: Iterable[str] = LOOPBACK_NAMES, auth: AuthConfig | None = None,
               workshop_db: Path | None = None) -> dash.Dash:
    """A Dash app for the case file or folder of case files at ``cases``.

    ``/?case=<file name>`` opens that file of the folder first. Requests are answered only for a ``Host`` in
    ``allowed_hosts`` (loopback by default; see :mod:`app.guard`). The app object holds configuration
    only (where the cases are, the default language); each browser tab keeps its own open case,
    selection and view in ``dcc.Store`` components. ``auth`` says who may log in (none: no login, see
    :mod:`app.auth`). Scripts, styles and fonts are all served from this process (no CDN). Workshops keep their
    shared state in the SQLite file ``workshop_db`` (by default a hidden file in the case folder, see
    :func:`app.workshop_store.store_path`); participants join at ``/meedoen/``.
    """
    lang = normal_lang(lang)
    cases = Path(cases) if cases is not None else None
    app = dash.Dash(
        __name__, title="casusbeeld", assets_folder=str(ASSETS), serve_locally=True,
        external_stylesheets=[], external_scripts=[], suppress_callback_exceptions=True,
        update_title=None,
    )

    auth = auth or AuthConfig()

    def layout() -> html.Div:
        files = list_case_files(cases, include_skipped=True)  # re-read on every page load: new files show up
        return build_layout(files, lang, user=current_user(), logout=auth.users_file is not None)

    app.layout = layout
    app.server.logger.addFilter(NoCaseContent())
    app.server.config[WORKSHOP_STORE_KEY] = store_path(cases, workshop_db)
    install_guard(app, allowed_hosts)
    install_auth(app, auth, lang)

    @app.server.route("/sjabloon.xlsx")
    def _template() -> Response:
        from models.spreadsheet import template_bytes

        return Response(template_bytes(), mimetype=XLSX_TYPE,
                        headers={"Content-Disposition": 'attachment; filename="sjabloon.xlsx"'})

    for register in REGISTER_ORDER:
        register(app, cases)
    create_participant_app(app.server, app.server.config[WORKSHOP_STORE_KEY], lang)
    return app
