"""Opening cases (chooser and upload), the error panel, and the language switch."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

import dash
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, html, no_update

from app.edit_store import restore_draft, with_last_pop
from app.spreadsheet_upload import is_spreadsheet, shown_path, spreadsheet_case
from app.state import case_view, content_hash, list_case_files, open_case_bytes, read_case_file
from app.view_state_io import case_name, query_state
from layouts.components.i18n import normal_lang
from layouts.components.page import case_options, lane_options
from layouts.components.privacy_badge import badge_parts
from layouts.texts import text
from models import CaseError, Problem
from models.limits import MAX_PROBLEMS_SHOWN
from models.loading import DEFAULT_MAX_BYTES
from models.privacy_guard import privacy_findings
from models.saving import fingerprint


def decode_upload(contents: str) -> bytes | None:
    """The bytes of a ``dcc.Upload`` data URL, or None when it is not one."""
    try:
        _, encoded = contents.split(",", 1)
        return base64.b64decode(encoded, validate=False)
    except (ValueError, binascii.Error):
        return None


def problems_data(error: CaseError) -> list[dict[str, str]]:
    return [problem.to_dict() for problem in error.problems]


def open_case(trigger: str | None, chosen: str | None, upload: str | None, upload_name: str | None,
              current: dict[str, Any] | None, cases: Path | None) -> tuple[Any, Any, Any, Any]:
    """Open the chosen or uploaded file: (case store, error store, chooser value, upload contents).

    A file that fails validation leaves the open case as it is and fills the error store; so does
    any file while the open case has unsaved changes (they would be lost).
    """
    if current and current.get("dirty") and (upload if trigger == "upload" else chosen) and not (
            trigger != "upload" and current.get("source") == "file" and current.get("name") == chosen):
        name = (upload_name or "?") if trigger == "upload" else str(chosen)
        return no_update, {"name": name, "kind": "unsaved"}, _previous_choice(current), None
    if trigger == "upload":
        if not upload:
            return no_update, no_update, no_update, no_update
        name = upload_name or "?"
        data = decode_upload(upload)
        if data is None:
            error = CaseError([Problem("$", "unreadable", text("upload_unreadable", "nl"),
                                       text("upload_unreadable", "en"))])
            return no_update, {"name": name, "problems": problems_data(error)}, no_update, None
        source = "upload"
        if is_spreadsheet(name):  # a workbook or CSV: imported whole or not at all, then an unsaved case
            try:
                data, name = spreadsheet_case(data, name)
            except CaseError as error:
                return no_update, {"name": name, "problems": problems_data(error)}, _previous_choice(current), None
            store, _ = open_case_bytes(data)
            if store is not None:
                store.update(name=name, source="upload", revision=1, dirty=True, clean=None)
                return store, None, None, None
    else:
        if not chosen or (current and current.get("source") == "file" and current.get("name") == chosen):
            return no_update, no_update, no_update, no_update
        name = chosen
        data = read_case_file(cases, chosen)
        if data is None:
            error = CaseError([Problem("$", "file_not_found", f"bestand niet gevonden: {chosen}",
                                       f"file not found: {chosen}")])
            return no_update, {"name": name, "problems": problems_data(error)}, _previous_choice(current), None
        source = "file"
    if len(data) > DEFAULT_MAX_BYTES:
        store, error = None, CaseError([Problem("$", "file_too_large", "bestand is te groot", "file is too large")])
    else:
        store, error = open_case_bytes(data)
    if error is not None or store is None:
        assert error is not None
        return no_update, {"name": name, "problems": problems_data(error)}, _previous_choice(current), None
    store.update(name=name, source=source, revision=0, dirty=False, clean=content_hash(store["blob"]))
    if source == "file":
        store["base"] = fingerprint(data)
    return store, None, (name if source == "file" else None), None


def _previous_choice(current: dict[str, Any] | None) -> Any:
    if current and current.get("source") == "file":
        return current.get("name")
    return None


def first_case(cases: Path | None, search: str | None) -> str | None:
    """The case to open first: ``?case=<file name>`` when it is offered, None when the address asks for a case
    that is not (:func:`unknown_case` says so), else the first valid file."""
    files = list_case_files(cases)
    asked = query_state(search).case
    if asked is not None:
        return asked if asked in {f.name for f in files} else None
    return next((f.name for f in files if f.looks_valid), None)


def unknown_case(cases: Path | None, search: str | None) -> str | None:
    """The case the address asks for when no file of the folder has that name, else None."""
    asked = query_state(search).case
    if asked is None or asked in {f.name for f in list_case_files(cases)}:
        return None
    return asked


def open_from_address(trigger: Any, search: str | None, current: dict[str, Any] | None, draft: Any,
                      cases: Path | None) -> tuple[Any, Any, Any, Any]:
    """What the address opens (on load, back/forward): the tab's unsaved draft after a reload, else the case
    ``?case=`` names (or the first valid one without it), or a message when no file has that name."""
    if current is None and trigger is None:
        restored = restore_draft(draft)
        if restored is not None:  # an unsaved case from before a reload of this tab
            return restored, None, restored["name"] if restored.get("source") == "file" else None, None
    asked = query_state(search).case
    if current is not None and (asked is None or asked == case_name(current)):
        return no_update, no_update, no_update, no_update
    missing = unknown_case(cases, search)
    if missing is not None:
        return no_update, {"kind": "unknown_case", "name": missing}, no_update, no_update
    chosen = first_case(cases, search)
    if chosen is None:
        return no_update, no_update, no_update, no_update
    return open_case("case-chooser", chosen, None, None, current, cases)


def open_on(trigger: Any, chosen: str | None, upload: str | None, upload_name: str | None, popped: Any,
            search: str | None, current: dict[str, Any] | None, draft: Any, cases: Path | None
            ) -> tuple[Any, Any, Any, Any]:
    """What a change of the chooser, the upload or the address (load, back/forward: ``popped``) opens."""
    if trigger not in (None, "url", "url-pop"):
        return open_case(trigger, chosen, upload, upload_name, current, cases)
    if trigger == "url-pop":  # back or forward: the address the tab went to
        search = (popped or {}).get("search", search)
    elif search is None:  # the location is not read yet: its pathname comes next
        return no_update, no_update, no_update, no_update
    return open_from_address(trigger if trigger != "url" else None, search, current, draft, cases)


def chooser_placeholder(store: dict[str, Any] | None, lang: str) -> str:
    """What the case list says when the open case is not one of its files (uploaded or new)."""
    source = (store or {}).get("source")
    if source == "upload":
        return text("chooser_uploaded", lang, name=str(store.get("name") or "?"))
    if source == "new":
        return text("chooser_new_case", lang)
    return text("choose_case_placeholder", lang)


def _close_button(lang: str) -> html.Button:
    return html.Button("×", id="error-close", n_clicks=0, type="button", className="btn-close",
                       **{"aria-label": text("close", lang)})


def _notice_panel(title_key: str, body_key: str, name: str, lang: str) -> html.Div:
    """A warning that is not about a broken file: a title, one sentence naming the case, a close button."""
    return html.Div([
        html.Div([html.H2(text(title_key, lang), className="h5 mb-1"), _close_button(lang)],
                 className="d-flex justify-content-between align-items-start"),
        html.P(text(body_key, lang, name=name), className="mb-0"),
    ], className="alert alert-warning error-panel", id="error-box")


def error_panel(error: dict[str, Any] | None, lang: str) -> Any:
    """Every problem of a refused file, with its place in the file, in the interface language."""
    if not error:
        return None
    if error.get("kind") == "unsaved":
        return _notice_panel("unsaved_changes_title", "unsaved_changes_first", str(error.get("name", "?")), lang)
    if error.get("kind") == "unknown_case":
        return _notice_panel("unknown_case_title", "unknown_case_body", str(error.get("name", "?")), lang)
    problems = error.get("problems") or []
    count = len(problems)
    head = (text("error_count_one", lang, name=error.get("name", "?")) if count == 1
            else text("error_count_many", lang, n=count, name=error.get("name", "?")))
    rows = [html.Tr([html.Td(html.Code(shown_path(p.get("path", "$"), lang))), html.Td(p.get(lang) or p.get("nl", ""))])
            for p in problems[:MAX_PROBLEMS_SHOWN]]
    if count > MAX_PROBLEMS_SHOWN:  # a 20,000-event file can have a thousand problems: the first ones say enough
        rows.append(html.Tr(html.Td(text("error_more", lang, n=count - MAX_PROBLEMS_SHOWN), colSpan=2)))
    table = html.Table([
        html.Thead(html.Tr([html.Th(text("error_where", lang), scope="col"),
                            html.Th(text("error_what", lang), scope="col")])),
        html.Tbody(rows),
    ], className="table table-sm error-table mb-2")
    return html.Div([
        html.Div([
            html.H2(text("error_title", lang), className="h5 mb-1"),
            _close_button(lang),
        ], className="d-flex justify-content-between align-items-start"),
        html.P(head, className="mb-2"),
        html.Div(table, className="error-scroll"),
        html.P(text("error_kept", lang), className="mb-0 small"),
    ], className="alert alert-danger error-panel", id="error-box")


def register(app: dash.Dash, cases: Path | None) -> None:
    """Attach the case-opening and language callbacks to ``app``."""

    @app.callback(
        Output("case-store", "data"), Output("error-store", "data"),
        Output("case-chooser", "value"), Output("upload", "contents"),
        Input("case-chooser", "value"), Input("upload", "contents"), Input("url", "pathname"),
        Input("url-pop", "data"),
        State("url", "search"), State("upload", "filename"), State("case-store", "data"), State("draft-store", "data"),
    )
    def _open(chosen: str | None, upload: str | None, _path: Any, popped: Any, search: str | None,
              upload_name: str | None, current: dict[str, Any] | None, draft: Any) -> tuple[Any, Any, Any, Any]:
        opened = open_on(ctx.triggered_id, chosen, upload, upload_name, popped, search, current, draft, cases)
        return with_last_pop(opened, popped)

    @app.callback(Output("error-store", "data", allow_duplicate=True), Input("error-close", "n_clicks"),
                  prevent_initial_call=True)
    def _close_error(clicks: int | None) -> Any:
        return None if clicks else no_update

    @app.callback(Output("error-panel", "children"), Input("error-store", "data"), Input("lang", "value"))
    def _error_panel(error: dict[str, Any] | None, lang: str) -> Any:
        return error_panel(error, normal_lang(lang))

    _register_header(app)

    @app.callback(
        Output({"type": "i18n", "key": ALL}, "children"),
        Output("root", "lang"), Output("case-chooser", "options"),
        Output("filter-persons", "placeholder"), Output("filter-organisations", "placeholder"),
        Output("filter-types", "placeholder"), Output("filter-layer", "options"),
        Output("table-search", "placeholder"),
        Output("timeline-wrap", "aria-label"), Output("genosociogram-wrap", "aria-label"),
        Output("table-prev", "aria-label"), Output("table-next", "aria-label"), Output("lane-mode", "options"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the page is built in its language: only a switch needs new words
    )
    def _translate(lang: str) -> tuple[Any, ...]:
        lang = normal_lang(lang)
        texts = [text(item["id"]["key"], lang) for item in ctx.outputs_list[0]]
        layers = [{"label": text("layer_both", lang), "value": "both"},
                  {"label": text("layer_formal_short", lang), "value": "formal"},
                  {"label": text("layer_lived_short", lang), "value": "lived"}]
        return (texts, lang, case_options(list_case_files(cases, include_skipped=True), lang),
                text("filter_all", lang), text("filter_all", lang), text("filter_all", lang), layers,
                text("table_search_placeholder", lang),
                text("timeline_aria", lang), text("genosociogram_aria", lang), text("page_prev", lang),
                text("page_next", lang),
                lane_options(lang))

    app.clientside_callback(
        ClientsideFunction("casusbeeld", "filtersToggle"),
        Output("filters", "hidden"), Output("filters-toggle", "aria-expanded"), Input("filters-toggle", "n_clicks"),
    )
    # the projector's classes on #root and #case-body: see app.callbacks.projector


def _register_header(app: dash.Dash) -> None:
    """The header's case title and privacy badge, for the open case in the page's language."""

    @app.callback(
        Output("case-title", "children"), Output("no-case", "hidden"), Output("case-body", "hidden"),
        Output("case-chooser", "placeholder"),
        Input("case-store", "data"), Input("lang", "value"),
    )
    def _title(store: dict[str, Any] | None, lang: str) -> tuple[str, bool, bool, str]:
        lang = normal_lang(lang)
        view = case_view(store)
        if view is None:
            return text("no_case_title", lang), False, True, text("choose_case_placeholder", lang)
        return view.case.title, True, False, chooser_placeholder(store, lang)

    @app.callback(
        Output("pseudo-badge", "children"), Output("pseudo-badge", "className"), Output("pseudo-badge", "title"),
        Input("case-store", "data"), Input("lang", "value"),
    )
    def _privacy_badge(store: dict[str, Any] | None, lang: str) -> tuple[str, str, str]:
        lang = normal_lang(lang)
        view = case_view(store)
        return badge_parts(privacy_findings(view.case) if view is not None else [], lang)
