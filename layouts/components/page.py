"""The page: header, timeline, date control, geno-sociogram, side panel, filters and table.

Static interface text is written by :func:`T`: a ``Span`` whose id carries its catalogue key,
so one callback (``callbacks_case.translate``) rewrites every such text when the language changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html

from layouts.components.annotations_panel import annotations_card, reflections_card
from layouts.components.compare import compare_section, link_editor, perspectives_card
from layouts.components.edit_page import edit_parts, edit_switch, edit_toolbar
from layouts.components.export_controls import report_download, view_download
from layouts.components.i18n import T, dropdown_labels
from layouts.components.workshop_panel import workshop_button, workshop_panel, workshop_parts
from layouts.texts import text
from models.limits import MAX_FILE_BYTES

GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "scrollZoom": False,
    "responsive": True,  # with an explicit height or aspect ratio on the graph (set with the figure)
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def empty_figure(projector: bool = False) -> go.Figure:
    """A blank, axis-free figure (before a case is open or while a view is unavailable)."""
    fig = go.Figure()
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, plot_bgcolor="white",
                      paper_bgcolor="white", margin={"l": 10, "r": 10, "t": 10, "b": 10})
    return fig


class OfferedCase(Protocol):
    """A case file offered in the chooser (``app.state.CaseFile``)."""

    name: str
    title: str
    looks_valid: bool
    skipped: bool


def case_options(files: Sequence[OfferedCase], lang: str) -> list[dict[str, Any]]:
    """The chooser's options: each case by its title (marked when it does not look valid); a file that is not a
    regular file inside the folder is listed but cannot be chosen, saying why."""
    options = []
    for f in files:
        if f.skipped:
            options.append({"label": f"{f.name} — {text('case_skipped', lang)}", "value": f.name, "disabled": True})
        else:
            options.append({"label": f.title if f.looks_valid else f"{f.title} {text('invalid_marker', lang)}",
                            "value": f.name})
    return options


def lane_options(lang: str) -> list[dict[str, str]]:
    return [{"label": text("lanes_organisation", lang), "value": "organisation"},
            {"label": text("lanes_event_type", lang), "value": "event_type"}]


WALL_VIEWS = ("both", "timeline", "network", "patterns")


def wall_options(lang: str) -> list[dict[str, str]]:
    """The projector's view choices: both figures, one of them, or the pattern panel."""
    return [{"label": text(f"wall_{view}", lang), "value": view} for view in WALL_VIEWS]


def _wall_switch(lang: str) -> html.Div:
    """What the wall shows in projector mode (hidden by CSS outside projector mode)."""
    return html.Div([
        html.Span(T("wall_label", lang), id="wall-label", className="visually-hidden"),
        dbc.RadioItems(id="wall", value="both", inline=True, class_name="lang-switch wall-switch",
                       options=wall_options(lang), input_class_name="btn-check",
                       label_class_name="btn btn-outline-secondary btn-sm", label_checked_class_name="active"),
        # the facilitator's choice: the card 3/4 questions, annotations and reflection notes beside the view
        dbc.Switch(id="wall-notes", value=False, label=T("wall_notes", lang), class_name="mode-switch wall-notes"),
    ], id="wall-wrap", className="wall-wrap", role="radiogroup", **{"aria-labelledby": "wall-label"})


def _account(user: str | None, logout: bool, lang: str) -> html.Div | None:
    """Who is logged in, and a way out (only when the server asks for a login)."""
    if not user:
        return None
    parts: list[Any] = [html.Span(text("logged_in_as", lang, name=user), className="account-name", id="account-name")]
    if logout:
        parts.append(html.A(T("logout", lang), href=f"/logout?lang={lang}", id="logout",
                            className="btn btn-outline-secondary btn-sm"))
    return html.Div(parts, className="account hide-on-projector")


UPLOAD_KINDS = ".json,.xlsx,.csv"  # the files "Bestand openen…" takes (upload.js names any other at once)


def _header(files: Sequence[OfferedCase], lang: str, user: str | None = None, logout: bool = False) -> html.Header:
    chooser = html.Div([
        html.Label(T("choose_case", lang), htmlFor="case-chooser", className="visually-hidden"),
        dcc.Dropdown(id="case-chooser", options=case_options(files, lang), value=None,
                     clearable=False, searchable=False, placeholder=text("choose_case_placeholder", lang),
                     className="case-chooser", labels=dropdown_labels(lang)),
    ], className="chooser-wrap hide-on-projector", hidden=len(files) <= 1)
    upload = dcc.Upload(
        id="upload", accept=f"{UPLOAD_KINDS},application/json,text/csv", multiple=False, max_size=MAX_FILE_BYTES,
        children=html.Div(["⤒ ", T("upload", lang)], className="btn btn-outline-secondary btn-sm upload-button",
                          id="upload-button", role="button", tabIndex="0"),
        className="upload-wrap hide-on-projector")
    too_large = html.Div(T("upload_too_large", lang), id="upload-too-large", hidden=True, role="alert",
                         className="upload-too-large hide-on-projector", **{"data-limit": str(MAX_FILE_BYTES)})
    wrong_kind = html.Div(T("upload_wrong_kind", lang), id="upload-wrong-kind", hidden=True, role="alert",
                          className="upload-too-large hide-on-projector", **{"data-kinds": UPLOAD_KINDS})
    controls = html.Div([
        chooser, upload,
        html.A(T("upload_template", lang), href="/sjabloon.xlsx", download="sjabloon.xlsx", id="template-link",
               className="template-link hide-on-projector", title=text("upload_template_hint", lang)),
        too_large, wrong_kind,
        dbc.RadioItems(id="lang", value=lang, inline=True, class_name="lang-switch",
                       options=[{"label": "NL", "value": "nl"}, {"label": "EN", "value": "en"}],
                       input_class_name="btn-check", label_class_name="btn btn-outline-secondary btn-sm",
                       label_checked_class_name="active"),
        dbc.Switch(id="projector", value=False, label=T("projector", lang), class_name="mode-switch"),
        _wall_switch(lang),
        dbc.Switch(id="story-toggle", value=False, label=T("story", lang), class_name="mode-switch"),
        edit_switch(lang),
        workshop_button(lang),
        report_download(lang),
        _account(user, logout, lang),
    ], className="header-controls")
    title = html.Div([
        html.Span(T("app_name", lang), className="app-name"),
        # a case from the folder opens right after the page: say so rather than "no case open"
        html.H1(text("opening_case" if any(not f.skipped for f in files) else "no_case_title", lang),
                id="case-title", className="case-title"),
        html.Span(text("pseudonymised", lang), className="badge pseudo-badge", id="pseudo-badge",
                  title=text("pseudonymised_hint", lang)),
    ], className="header-title")
    return html.Header([title, controls], className="app-header")


def _story_bar(lang: str) -> html.Div:
    return html.Div([
        html.Button(["← ", T("story_prev", lang)], id="story-prev", className="btn btn-outline-dark story-btn",
                    type="button", n_clicks=0),
        html.Div([
            html.Div(id="story-position", className="story-position", **{"aria-live": "polite"}),
            html.Div(id="story-event", className="story-event"),
        ], className="story-text"),
        html.Button([T("story_next", lang), " →"], id="story-next", className="btn btn-dark story-btn",
                    type="button", n_clicks=0),
        dbc.Switch(id="story-keys", value=False, label=T("story_keys_only", lang),
                   class_name="mode-switch story-keys-only"),
        html.Span(T("story_keys", lang), className="story-keys hide-on-projector"),
    ], id="story-bar", className="story-bar", hidden=True)


def _filters(lang: str) -> html.Div:
    def field(key: str, control: Any, width: int) -> dbc.Col:
        return dbc.Col([html.Label(T(key, lang), htmlFor=control.id, className="form-label small"), control],
                       md=width)

    return html.Div([
        dbc.Row([
            field("filter_persons", dcc.Dropdown(id="filter-persons", multi=True, options=[], value=[],
                                                 placeholder=text("filter_all", lang),
                                                 labels=dropdown_labels(lang)), 3),
            field("filter_organisations", dcc.Dropdown(id="filter-organisations", multi=True, options=[], value=[],
                                                       placeholder=text("filter_all", lang),
                                                 labels=dropdown_labels(lang)), 3),
            field("filter_types", dcc.Dropdown(id="filter-types", multi=True, options=[], value=[],
                                               placeholder=text("filter_all", lang),
                                                 labels=dropdown_labels(lang)), 3),
            dbc.Col(html.Div([
                html.Div(T("layer", lang), className="form-label small", id="filter-layer-label"),
                dbc.RadioItems(id="filter-layer", value="both", inline=True,
                               options=[{"label": text("layer_both", lang), "value": "both"},
                                        {"label": text("layer_formal_short", lang), "value": "formal"},
                                        {"label": text("layer_lived_short", lang), "value": "lived"}]),
            ], role="group", **{"aria-labelledby": "filter-layer-label"}), md=3),
        ], className="g-2"),
        dbc.Row([
            dbc.Col(html.Div([
                html.Div(T("lanes", lang), className="form-label small", id="lane-mode-label"),
                dbc.RadioItems(id="lane-mode", value="organisation", inline=True, options=lane_options(lang)),
            ], role="group", **{"aria-labelledby": "lane-mode-label"}), md=12),
        ], className="g-2 mt-1"),
        dbc.Row([
            dbc.Col([
                html.Div([T("filter_window", lang), ": ", html.Span(id="window-text")],
                         className="form-label small", id="filter-window-label"),
                dcc.RangeSlider(id="filter-window", min=0, max=1, step=1, value=[0, 1], marks={},
                                allow_direct_input=False, updatemode="mouseup", className="window-slider"),
            ], md=9),
            dbc.Col([
                html.Div(id="filter-count", className="small text-muted filter-count", **{"aria-live": "polite"}),
                html.Button(T("filters_reset", lang), id="filters-reset", n_clicks=0, type="button",
                            className="btn btn-link btn-sm p-0"),
            ], md=3, className="text-md-end align-self-end"),
        ], className="g-2 mt-1"),
    ], className="filters hide-on-projector", id="filters", hidden=True)


def _table(lang: str) -> html.Section:
    return html.Section([
        html.H2(T("table", lang), className="section-title"),
        html.Div([
            html.Label(T("table_search", lang), htmlFor="table-search", className="visually-hidden"),
            dcc.Input(id="table-search", type="search", debounce=0.3, value="",
                      placeholder=text("table_search_placeholder", lang), className="form-control form-control-sm"),
        ], className="table-tools"),
        html.Div(id="event-table", className="event-table-wrap"),
        html.Nav([
            html.Button("‹", id="table-prev", n_clicks=0, type="button", className="btn btn-outline-secondary btn-sm",
                        **{"aria-label": text("page_prev", lang)}),
            html.Span(id="table-page-text", className="mx-2 small"),
            html.Button("›", id="table-next", n_clicks=0, type="button", className="btn btn-outline-secondary btn-sm",
                        **{"aria-label": text("page_next", lang)}),
        ], className="table-pager", id="table-pager"),
    ], className="table-section hide-on-projector", id="table-section")


def state_stores() -> list[Any]:
    """The page's stores: the open case, the selection, the story, what each view shows, the wall's measures
    (the timeline's plot width on each wall, ``timeline-widths``: a wall shown again gets its labels fitted for it
    at once, app/timeline_zoom.py ``refit_notes``) and the address."""
    return [
        dcc.Store(id="case-store", storage_type="memory"),
        dcc.Store(id="error-store", storage_type="memory"),
        dcc.Store(id="selection-store", storage_type="memory"),
        dcc.Store(id="story-store", storage_type="memory", data={"step": 0}),
        dcc.Store(id="story-meta", storage_type="memory", data={"n": 0, "index": 0}),
        dcc.Store(id="panel-finding", storage_type="memory"), dcc.Store(id="patterns-shown", storage_type="memory"),
        dcc.Store(id="timeline-shown", storage_type="memory"),
        dcc.Store(id="timeline-zoom", storage_type="memory"),
        # the screen's timeline got another width (casusbeeld.js screenResized): its words fitted anew for it
        dcc.Store(id="timeline-resized", storage_type="memory"),
        dcc.Store(id="timeline-widths", storage_type="memory"),
        # the stretch of time the timeline shows after a zoom, for the address ({"case", "days"}; window.js)
        dcc.Store(id="timeline-range", storage_type="memory"),
        # the timeline's words fitted anew during a workshop: its added titles are placed again (app.callbacks.zoom)
        dcc.Store(id="timeline-refit", storage_type="memory"),
        dcc.Store(id="genosociogram-shown", storage_type="memory"),
        # organisations unfolded on the wall ({"case", "open"}; app.callbacks.view.toggled)
        dcc.Store(id="unfold-store", storage_type="memory"),
        # {width, height} px the wall leaves for the geno-sociogram, measured in the browser (casusbeeld.js)
        dcc.Store(id="wall-frame", storage_type="memory"),
        dcc.Store(id="table-store", storage_type="memory", data={"sort": "date", "asc": True, "page": 0}),
        # the view lives in the address (app.view_state_io); "url-pop" hears back/forward (assets/history.js)
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="url-pop", storage_type="memory"),
    ]


def _timeline_view(lang: str) -> html.Section:
    """The timeline card: its head (switches, filters, download), the figure, the window slider and the date
    slider under it."""
    return html.Section([
        html.Div([
            html.H2(T("timeline", lang), className="section-title"),
            html.Span(T("timeline_hint", lang), className="section-hint hide-on-projector"),
            html.Div([
                html.Button(T("clear_selection", lang), id="clear-selection", n_clicks=0, type="button",
                            className="btn btn-outline-secondary btn-sm", hidden=True),
                html.Button([T("filters", lang), html.Span(id="filters-badge", className="filters-badge")],
                            id="filters-toggle", n_clicks=0, type="button",
                            className="btn btn-outline-secondary btn-sm hide-on-projector",
                            **{"aria-expanded": "false", "aria-controls": "filters"}),
                html.Div(dbc.Switch(id="timeline-history", value=False, label=T("timeline_history_switch", lang),
                                    class_name="mode-switch"), id="history-control", hidden=True),
                view_download("timeline", lang),
            ], className="section-actions"),
        ], className="section-head"),
        _filters(lang),
        # the period shown, above the figure (in sight with its top on a 720 px screen): set from the figure and
        # moving it (app/assets/window.js; plotly's own range slider doubled the drawing); years as marks
        html.Div([
            html.Span(T("timeline_window_label", lang), className="as-of-label timeline-window-label"),
            dcc.RangeSlider(id="timeline-window", min=0, max=1, step=1, value=[0, 1], marks={}, allowCross=False,
                            allow_direct_input=False, updatemode="mouseup", className="window-slider"),
        ], id="timeline-window-wrap", className="timeline-window hide-on-projector"),
        html.Div(dcc.Graph(id="timeline-graph", figure=empty_figure(), config=GRAPH_CONFIG,
                           className="graph timeline-graph"),
                 role="figure", id="timeline-wrap", **{"aria-label": text("timeline_aria", lang)}),
        html.Div([
            html.Label([T("as_of_label", lang), " ", html.Strong(id="as-of-text")], htmlFor="as-of",
                       className="as-of-label"),
            dcc.Slider(id="as-of", min=0, max=1, step=1, value=1, marks={}, allow_direct_input=False,
                       updatemode="mouseup", className="as-of-slider"),
        ], className="as-of"),
    ], className="view timeline-view")


def build_layout(files: Sequence[OfferedCase], lang: str, user: str | None = None, logout: bool = False) -> html.Div:
    """The whole page for one browser tab (the first case is opened by a callback, see ``first_case``);
    ``user``: who is logged in (shown with a log-out link when ``logout``)."""
    timeline = _timeline_view(lang)
    network = html.Section([
        html.Div([html.H2(id="genosociogram-title", children=text("genosociogram", lang), className="section-title"),
                  html.Div(view_download("genosociogram", lang), className="section-actions")],
                 className="section-head"),
        html.Div(dcc.Graph(id="genosociogram-graph", figure=empty_figure(), config=GRAPH_CONFIG,
                           className="graph genosociogram-graph"),
                 role="figure", id="genosociogram-wrap", **{"aria-label": text("genosociogram_aria", lang)}),
    ], className="view network-view")
    side = html.Aside([
        html.Section([html.Div([html.H2(T("details", lang), className="section-title"),
                                # on the wall the timeline's clear button may be out of sight: one here too
                                html.Button("×", id="details-close", n_clicks=0, type="button", hidden=True,
                                            className="btn btn-outline-secondary btn-sm details-close",
                                            title=text("clear_selection", lang),
                                            **{"aria-label": text("clear_selection", lang)})],
                               className="section-head"),
                      html.Div(id="details", className="details", **{"aria-live": "polite"})],
                     className="side-card details-card"),
        link_editor(lang),
        perspectives_card(lang),
        annotations_card(lang),
        reflections_card(lang),
        html.Section(html.Div(id="patterns", className="patterns"),
                     className="side-card patterns-card", id="patterns-card"),
    ], className="side-panel")
    return html.Div([
        *state_stores(),
        *edit_parts(lang),
        *workshop_parts(),
        _header(files, lang, user, logout),
        html.Main([
            edit_toolbar(lang),
            html.Div(id="error-panel", role="alert", **{"aria-live": "assertive"}),
            workshop_panel(lang),
            html.Div([T("no_case_title", lang, html.H2), T("no_case_body", lang, html.P)],
                     id="no-case", className="no-case", hidden=True),
            html.Div([
                html.Div([_story_bar(lang), timeline, network, _table(lang), compare_section(lang)],
                         className="main-column"),
                side,
            ], id="case-body", className="workspace wall-both"),
        ], className="app-main"),
    ], id="root", className="app-root", lang=lang)
