"""The page parts of edit mode: the toolbar, the item form, and the save-as and new-case dialogs."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts.components.i18n import T, dropdown_labels, vocab
from layouts.texts import text
from models.vocabulary import Gender

EDIT_STORES = ("edit-form-store", "history-store")


def _button(key: str, button_id: str, lang: str, style: str = "outline-secondary", **props: Any) -> html.Button:
    return html.Button(T(key, lang), id=button_id, n_clicks=0, type="button",
                       className=f"btn btn-{style} btn-sm", **props)


def edit_switch(lang: str) -> dbc.Switch:
    return dbc.Switch(id="edit-mode", value=False, label=T("edit_mode", lang), class_name="mode-switch")


def edit_toolbar(lang: str) -> html.Div:
    """Quick add, change the selection, undo/redo and saving; shown in edit mode."""
    return html.Div([
        html.Div([
            _button("edit_add_event_short", "edit-add-event", lang, "primary"),
            _button("edit_add_person_short", "edit-add-person", lang),
            _button("edit_add_organisation_short", "edit-add-organisation", lang),
            _button("edit_add_relationship_short", "edit-add-relationship", lang),
            _button("edit_add_annotation_short", "edit-add-annotation", lang),
            _button("edit_change_selected", "edit-selected", lang, disabled=True),
        ], className="btn-group-wrap", role="group", **{"aria-label": text("edit_add_group", lang)}),
        html.Div([
            _button("edit_undo", "edit-undo", lang, disabled=True, title=text("edit_undo_keys", lang)),
            _button("edit_redo", "edit-redo", lang, disabled=True, title=text("edit_redo_keys", lang)),
        ], className="btn-group-wrap", role="group"),
        html.Div([
            _button("edit_save", "edit-save", lang, "success", disabled=True),
            _button("edit_save_as", "edit-save-as", lang),
            _button("edit_download", "edit-download", lang),
            _button("edit_new_case", "edit-new", lang),
        ], className="btn-group-wrap", role="group"),
        html.Div(id="save-status", className="save-status", role="status", **{"aria-live": "polite"}),
        dcc.Download(id="case-download"),
    ], id="edit-toolbar", className="edit-toolbar hide-on-projector", hidden=True)


def edit_modal(lang: str) -> dbc.Modal:
    """The one form dialog for adding, changing and deleting an item."""
    return dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle(id="edit-modal-title")),
        dbc.ModalBody([
            html.Div(id="edit-general-feedback", className="edit-general-feedback text-danger small mb-2",
                     role="alert"),
            html.Div(id="edit-form-body"),
            html.Div([
                html.P(id="edit-delete-text", className="mb-2"),
                _button("edit_delete_yes", "edit-delete-yes", lang, "danger"),
            ], id="edit-delete-confirm", className="alert alert-warning mt-2", hidden=True),
        ]),
        dbc.ModalFooter([
            _button("edit_delete", "edit-delete", lang, "outline-danger", hidden=True),
            html.Span(className="flex-grow-1"),
            _button("edit_cancel", "edit-cancel", lang),
            _button("edit_submit", "edit-submit", lang, "primary"),
        ]),
    ], id="edit-modal", is_open=False, size="lg", scrollable=True, backdrop="static", keyboard=False)


def _text_field(key: str, field_id: str, lang: str, **props: Any) -> html.Div:
    """A labelled text input with a message slot under it (``<id>-feedback``)."""
    return html.Div([
        html.Label(T(key, lang), htmlFor=field_id, className="form-label small mb-0"),
        dbc.Input(id=field_id, type="text", autocomplete="off", debounce=True, **props),
        html.Div(id=f"{field_id}-feedback", className="edit-feedback small text-danger", **{"aria-live": "polite"}),
    ], className="mb-2")


def save_as_modal(lang: str) -> dbc.Modal:
    return dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle(text("save_as_title", lang))),
        dbc.ModalBody([
            html.P(text("save_as_body", lang), className="small"),
            _text_field("save_as_name", "save-as-name", lang, maxLength=120),
            html.Div(id="save-as-feedback", className="text-danger small", role="alert"),
        ]),
        dbc.ModalFooter([_button("save_as_cancel", "save-as-cancel", lang),
                         _button("save_as_confirm", "save-as-confirm", lang, "success")]),
    ], id="save-as-modal", is_open=False)


def new_case_modal(lang: str) -> dbc.Modal:
    return dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle(text("new_case_title", lang))),
        dbc.ModalBody([
            html.P(text("new_case_body", lang), className="small"),
            _text_field("new_case_case_title", "new-case-title", lang, maxLength=300),
            _text_field("new_case_child", "new-case-child", lang, maxLength=300,
                        placeholder=text("new_case_child_placeholder", lang)),
            _text_field("new_case_birth", "new-case-birth", lang, maxLength=20,
                        placeholder=text("date_placeholder", lang)),
            html.Div([
                html.Label(T("new_case_gender", lang), htmlFor="new-case-gender", className="form-label small mb-0"),
                dcc.Dropdown(id="new-case-gender", value="unknown", clearable=False,
                             options=[{"label": vocab(g, lang), "value": g.value} for g in Gender],
                             labels=dropdown_labels(lang)),
            ], className="mb-2"),
            html.Div(id="new-case-feedback", className="text-danger small", role="alert"),
        ]),
        dbc.ModalFooter([_button("new_case_cancel", "new-case-cancel", lang),
                         _button("new_case_create", "new-case-create", lang, "primary")]),
    ], id="new-case-modal", is_open=False)


def edit_parts(lang: str) -> list[Any]:
    """Everything edit mode adds to the page (besides the switch in the header)."""
    return [
        dcc.Store(id="edit-form-store", storage_type="memory"),
        dcc.Store(id="history-store", storage_type="memory", data={"undo": [], "redo": []}),
        dcc.Store(id="draft-store", storage_type="session"),
        edit_modal(lang), save_as_modal(lang), new_case_modal(lang),
    ]
