"""Saving: download the case, save it back to the case folder (refusing to overwrite a newer save),
save as a new file, start a new case, and keep an unsaved case in the tab's session storage.

The draft store is ``storage_type="session"``: it survives a reload of the tab and is gone when the
tab closes; nothing is ever written to ``localStorage``. It holds a case only while it has unsaved changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from app.audit import last_saver, record_save
from app.edit_store import saved, with_last_pop
from app.state import list_case_files, pack
from app.workshop_case import with_workshop
from app.workshop_store import STORE_KEY, open_store
from layouts.components.edit_forms import normal_date
from layouts.components.i18n import normal_lang
from layouts.components.page import case_options
from layouts.texts import text
from models import validate_case_data
from models.editing import EditResult, new_case
from models.saving import SaveOutcome, case_bytes, free_name, safe_file_name, save_case


def case_folder(cases: Path | None) -> Path | None:
    """The folder new files are saved in (None when the app was started on one file or none)."""
    return cases if cases is not None and cases.is_dir() else None


def saved_path(cases: Path | None, store: dict[str, Any] | None) -> Path | None:
    """Where the open case can be saved back to: its file in the case folder, if it came from there."""
    if cases is None or not store or store.get("source") != "file" or not store.get("base"):
        return None
    folder = cases if cases.is_dir() else cases.parent
    path = folder / str(store.get("name"))
    if path.parent != folder or (cases.is_file() and path != cases):
        return None
    return path


def status(kind: str, lang: str, **fields: Any) -> html.Div:
    tone = {"saved": "text-success", "downloaded": "text-success", "dirty": "text-warning-emphasis",
            "conflict": "text-danger",
            "conflict_by": "text-danger", "failed": "text-danger", "exists": "text-danger"}.get(kind, "text-muted")
    return html.Div(text(f"save_status_{kind}", lang, **fields), className=f"save-status-text {tone}")


def register(app: dash.Dash, cases: Path | None) -> None:
    """Attach the saving and draft callbacks to ``app``."""

    @app.callback(
        Output("edit-save", "disabled"), Output("edit-save", "title"), Output("edit-save-as", "hidden"),
        Output("save-status", "children"),
        Input("case-store", "data"), Input("lang", "value"), Input("workshop-unsaved", "data"),
    )
    def _save_buttons(store: Any, lang: str, workshop_unsaved: Any) -> tuple:
        lang = normal_lang(lang)
        dirty = bool((store or {}).get("dirty")) or bool(workshop_unsaved and store)
        own_file = saved_path(cases, store)
        has_place = own_file is not None or case_folder(cases) is not None
        if not dirty:
            hint = text("save_hint_clean", lang)
        elif not has_place:
            hint = text("save_hint_download", lang)
        elif own_file is None:
            hint = text("save_hint_new_file", lang)  # a new or uploaded case: Save asks for a file name
        else:
            hint = text("save_hint_file", lang, name=str((store or {}).get("name")))
        # the outcome of the last save or download stays while the case is what was saved
        outcome = (store or {}).get("outcome") if not dirty else None
        if dirty:
            shown: Any = status("dirty", lang)
        elif isinstance(outcome, dict) and outcome.get("kind") in ("saved", "downloaded"):
            shown = status(str(outcome["kind"]), lang, name=str(outcome.get("name") or ""))
        else:
            shown = None
        return not (dirty and has_place), hint, case_folder(cases) is None, shown

    @app.callback(
        Output("case-download", "data"), Output("case-store", "data", allow_duplicate=True),
        Output("save-status", "children", allow_duplicate=True),
        Input("edit-download", "n_clicks"), State("case-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _download(clicks: int | None, store: Any, lang: str) -> tuple:
        data, store = with_workshop(app.server.config, store)  # a live workshop's contributions, with authors
        if not clicks or data is None:
            return no_update, no_update, no_update
        case = validate_case_data(data)
        name = safe_file_name(str(store.get("name") or case.id))
        return (dcc.send_bytes(case_bytes(case), name, type="application/json"),
                saved(store, outcome="downloaded", shown_name=name),
                status("downloaded", normal_lang(lang), name=name))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("save-status", "children", allow_duplicate=True),
        Output("save-as-modal", "is_open", allow_duplicate=True), Output("save-as-name", "value"),
        Input("edit-save", "n_clicks"), State("case-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _save(clicks: int | None, store: Any, lang: str) -> tuple:
        lang = normal_lang(lang)
        data, store = with_workshop(app.server.config, store)  # a live workshop's contributions, with authors
        path = saved_path(cases, store)
        if not clicks or data is None:
            return no_update, no_update, no_update, no_update
        if path is None:  # no file of its own yet: ask for a name in the case folder
            folder = case_folder(cases)
            return (no_update, no_update, no_update, no_update) if folder is None else \
                (no_update, no_update, True, free_name(folder, str(store.get("name") or "casus")))
        result = save_case(validate_case_data(data), path, expected=store.get("base"))
        if result.outcome == SaveOutcome.SAVED:
            record_save(path, result.fingerprint)
            return (saved(store, base=result.fingerprint, shown_name=path.name), status("saved", lang, name=path.name),
                    False, no_update)
        if result.outcome == SaveOutcome.CONFLICT:
            folder = case_folder(cases)
            suggestion = free_name(folder, path.stem + "-" + text("save_as_suffix", lang)) if folder else no_update
            by = last_saver(path, result.fingerprint)
            shown = status("conflict_by", lang, name=path.name, user=by) if by else status("conflict", lang,
                                                                                            name=path.name)
            return no_update, shown, folder is not None, suggestion
        return no_update, status("failed", lang, name=path.name, detail=result.detail or ""), no_update, no_update

    @app.callback(
        Output("save-as-modal", "is_open", allow_duplicate=True), Output("save-as-name", "value", allow_duplicate=True),
        Input("edit-save-as", "n_clicks"), State("case-store", "data"),
        prevent_initial_call=True,
    )
    def _ask_name(clicks: int | None, store: Any) -> tuple:
        folder = case_folder(cases)
        if not clicks or folder is None or not store:
            return no_update, no_update
        return True, free_name(folder, str(store.get("name") or "casus"))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("save-status", "children", allow_duplicate=True),
        Output("save-as-modal", "is_open", allow_duplicate=True), Output("save-as-feedback", "children"),
        Output("case-chooser", "options", allow_duplicate=True), Output("case-chooser", "value", allow_duplicate=True),
        Input("save-as-confirm", "n_clicks"), Input("save-as-cancel", "n_clicks"),
        State("save-as-name", "value"), State("case-store", "data"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _save_as(clicks: int | None, _cancel: int | None, name: str | None, store: Any, lang: str) -> tuple:
        lang = normal_lang(lang)
        folder, (data, store) = case_folder(cases), with_workshop(app.server.config, store)  # + workshop
        if ctx.triggered_id == "save-as-cancel":
            return no_update, no_update, False, None, no_update, no_update
        if not clicks or folder is None or data is None:
            return (no_update,) * 6
        file_name = safe_file_name(name or "")
        result = save_case(validate_case_data(data), folder / file_name, expected=None)
        if result.outcome == SaveOutcome.EXISTS:
            return (no_update, no_update, True, text("save_as_exists", lang, name=file_name, free=free_name(folder,
                                                                                                      file_name)),
                    no_update, no_update)
        if result.outcome != SaveOutcome.SAVED:
            return no_update, no_update, True, text("save_status_failed", lang, name=file_name,
                                                 detail=result.detail or ""), no_update, no_update
        record_save(folder / file_name, result.fingerprint, "save_as")
        workshop_follows(app.server.config, str(store.get("name") or ""), file_name)
        return (saved(store, name=file_name, base=result.fingerprint), status("saved", lang, name=file_name), False,
                None, case_options(list_case_files(cases, include_skipped=True), lang), file_name)

    @app.callback(
        Output("new-case-modal", "is_open"), Input("edit-new", "n_clicks"), Input("new-case-cancel", "n_clicks"),
        prevent_initial_call=True,
    )
    def _new_case_modal(_open: int | None, _cancel: int | None) -> bool:
        return ctx.triggered_id == "edit-new" and bool(ctx.triggered[0]["value"])

    @app.callback(
        Output("new-case-title-feedback", "children"), Output("new-case-child-feedback", "children"),
        Output("new-case-birth-feedback", "children"), Output("new-case-feedback", "children"),
        Input("new-case-title", "value"), Input("new-case-child", "value"), Input("new-case-birth", "value"),
        Input("new-case-gender", "value"), Input("new-case-create", "n_clicks"), State("lang", "value"),
        prevent_initial_call=True,
    )
    def _check_new_case(title: str | None, child: str | None, birth: str | None, gender: str | None,
                        clicks: int | None, lang: str) -> tuple:
        """Messages under each field while typing (empty fields only once "start case" was pressed)."""
        result = started_case(title, child, birth, gender)
        return new_case_messages(result.problems, {"title": title, "child": child, "birth": birth},
                                 bool(clicks), normal_lang(lang))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Output("new-case-modal", "is_open", allow_duplicate=True),
        Output("case-chooser", "value", allow_duplicate=True),
        Input("new-case-create", "n_clicks"),
        State("new-case-title", "value"), State("new-case-child", "value"), State("new-case-birth", "value"),
        State("new-case-gender", "value"), State("url-pop", "data"),
        prevent_initial_call=True,
    )
    def _create(clicks: int | None, title: str | None, child: str | None, birth: str | None,
                gender: str | None, popped: Any) -> tuple:
        if not clicks:
            return (no_update,) * 4
        result = started_case(title, child, birth, gender)
        if not result.ok or result.data is None:
            return no_update, no_update, True, no_update
        blob = pack(case_bytes(validate_case_data(result.data)))
        store = {"blob": blob, "name": safe_file_name(title or ""), "source": "new", "revision": 1, "dirty": True,
                 "clean": None}
        return with_last_pop((store, {"undo": [], "redo": []}, False, None), popped)

    register_unsaved_marks(app)


def register_unsaved_marks(app: dash.Dash) -> None:
    """What unsaved changes (the case's own, or a workshop's) keep: a draft of the case in this tab, the edit tools
    in view, and a warning before the tab closes."""

    @app.callback(Output("draft-store", "data"), Output("draft-store", "clear_data"), Input("case-store", "data"),
                  prevent_initial_call=True)
    def _keep_draft(store: Any) -> tuple[Any, Any]:
        """An unsaved case survives a reload of this tab (session storage), and only while unsaved:
        once saved (or undone back to the saved version) the entry is removed, not left as ``null``."""
        return (store, no_update) if store and store.get("dirty") else (no_update, True)

    @app.callback(Output("edit-mode", "value"), Input("case-store", "data"), Input("workshop-unsaved", "data"),
                  State("edit-mode", "value"), prevent_initial_call=True)
    def _edit_mode_while_unsaved(store: Any, workshop_unsaved: Any, shown: Any) -> Any:
        """Unsaved changes (e.g. restored after a reload, or a workshop's) keep the edit tools, and their save
        buttons, in view (set once: what the edit tools show is not drawn again for each change)."""
        return True if store and (store.get("dirty") or workshop_unsaved) and not shown else no_update

    app.clientside_callback(ClientsideFunction("casusbeeld", "markUnsaved"),  # for the warning before closing
                            Output("save-status", "className"), Input("case-store", "data"),
                            Input("workshop-unsaved", "data"))


def workshop_follows(config: Any, old_name: str, new_name: str) -> None:
    """After "save as", a live workshop on the case goes along to the new file."""
    workshops = open_store(config.get(STORE_KEY))
    if workshops is not None and old_name and old_name != new_name:
        workshops.move_case(old_name, new_name)


def started_case(title: str | None, child: str | None, birth: str | None, gender: str | None) -> EditResult:
    """A new case from the "new case" dialog's fields."""
    return new_case((title or "").strip(), (child or "").strip(), child_birth=normal_date(birth or "") or None,
                    child_gender=gender or "unknown")


NEW_CASE_FIELDS = {"title": "$.title", "child": "$.persons[0].label", "birth": "$.persons[0].birth"}


def new_case_messages(problems: list[Any], values: dict[str, Any], show_all: bool, lang: str) -> tuple:
    """(title, child, birth, other) messages for the new-case dialog; an empty field only once ``show_all``."""
    slots: dict[str, list[Any]] = {name: [] for name in NEW_CASE_FIELDS}
    other: list[Any] = []
    for problem in problems:
        name = next((n for n, path in NEW_CASE_FIELDS.items() if problem.path.startswith(path)), None)
        if name is None:
            other.append(html.Div(problem.message(lang)))
        elif show_all or (values.get(name) or "").strip():
            slots[name].append(html.Div(problem.message(lang)))
    return (*(slots[name] or None for name in NEW_CASE_FIELDS), other or None)
