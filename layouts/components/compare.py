"""Page parts for what the group adds: the "compare two moments" section with card 5's perspective-switch
table, and the link editor under an event's details (shown in edit mode)."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from layouts.texts import text
from models.case import Case
from models.group import LINK_WORDS, PERSPECTIVE_PALETTE

_GRAPH = {"displaylogo": False, "responsive": True, "displayModeBar": False}


def compare_section(lang: str) -> html.Section:
    """A closed section: its button opens it, which draws the two moments."""
    dates = html.Div([
        html.Label([text("compare_a", lang), dcc.Input(id="compare-a", type="text", debounce=True,
                                                       placeholder="2021-11-20", maxLength=20,
                                                       className="form-control form-control-sm",
                                                       style={"width": "11rem"})],
                   className="compare-date"),
        html.Label([text("compare_b", lang), dcc.Input(id="compare-b", type="text", debounce=True,
                                                       placeholder="2021-11-20", maxLength=20,
                                                       className="form-control form-control-sm",
                                                       style={"width": "11rem"})],
                   className="compare-date"),
    ], className="compare-dates d-flex gap-3 my-2")
    networks = html.Div([
        html.Div(dcc.Graph(id="compare-graph-a", config=_GRAPH, className="graph compare-graph"),
                 className="compare-half", style={"flex": "1 1 0", "minWidth": 0}),
        html.Div(dcc.Graph(id="compare-graph-b", config=_GRAPH, className="graph compare-graph"),
                 className="compare-half", style={"flex": "1 1 0", "minWidth": 0}),
    ], className="compare-networks", style={"display": "flex", "gap": "0.5rem"})
    switch = html.Div([
        html.H3(text("switch_title", lang), className="details-sub"),
        html.P(text("switch_hint", lang), className="small text-muted"),
        html.Label([text("switch_persons", lang),
                    dcc.Dropdown(id="switch-persons", multi=True, options=[], value=[])], className="w-100"),
        html.Div(id="switch-table", className="switch-table mt-2"),
    ], className="switch mt-3")
    return html.Section([
        html.Div(html.Button(text("compare_title", lang), id="compare-toggle", n_clicks=0, type="button",
                             className="btn btn-outline-secondary btn-sm",
                             **{"aria-expanded": "false", "aria-controls": "compare-body"}),
                 className="section-head"),
        html.Div([
            html.P(text("compare_hint", lang), className="small text-muted"),
            dates, networks,
            dcc.Graph(id="compare-timeline", config=_GRAPH, className="graph compare-timeline"),
            switch,
        ], id="compare-body", hidden=True),
    ], id="compare", className="view compare-view hide-on-projector")


def switch_table(case: Case, persons: list[str], lang: str, editable: bool) -> html.Table | None:
    """Card 5's table: a row per chosen person, the dilemma or fear and the feeling, as the case holds them."""
    labels = {person.id: person.label for person in case.persons}
    rows = {row.person: row for row in case.perspective_switch}
    chosen = [p for p in persons if p in labels]
    if not chosen:
        return None

    def box(person_id: str, field: str) -> dcc.Textarea:
        row = rows.get(person_id)
        value = getattr(row, field) if row is not None else None
        return dcc.Textarea(id={"type": "switch-text", "person": person_id, "field": field}, value=value or "",
                            readOnly=not editable, className="form-control form-control-sm", rows=2)

    head = html.Thead(html.Tr([html.Th(text("switch_person", lang)), html.Th(text("switch_dilemma", lang)),
                               html.Th(text("switch_feeling", lang))]))
    body = html.Tbody([html.Tr([html.Th(labels[p], scope="row"), html.Td(box(p, "dilemma")),
                                html.Td(box(p, "feeling"))]) for p in chosen])
    return html.Table([head, body], className="table table-sm switch-grid")


def link_editor(lang: str) -> html.Div:
    """Under the details of a selected event, in edit mode: draw an arrow to another event, or take one away."""
    return html.Div([
        html.H3(text("links_edit_title", lang), className="details-sub"),
        html.Div(id="link-list"),
        html.Label([text("links_edit_target", lang), dcc.Dropdown(id="link-target", options=[], clearable=True)],
                   className="w-100"),
        html.Label([text("links_edit_word", lang),
                    dcc.Input(id="link-word", type="text", list="link-words", value=LINK_WORDS[0], maxLength=40,
                              className="form-control form-control-sm")], className="w-100 mt-1"),
        html.Datalist([html.Option(value=word) for word in LINK_WORDS], id="link-words"),
        html.Button(text("links_edit_add", lang), id="link-add", n_clicks=0, type="button",
                    className="btn btn-outline-primary btn-sm mt-2"),
    ], id="link-editor", className="link-editor side-card", hidden=True)


def link_rows(case: Case, event_id: str, lang: str) -> list[Any]:
    """The arrows drawn from ``event_id``, each with a remove button."""
    titles = {event.id: event.title for event in case.events}
    return [html.Div([html.I(f"{link.label} "), html.Span(titles.get(link.target, link.target)),
                      html.Button("×", id={"type": "link-remove", "index": i}, n_clicks=0, type="button",
                                  title=text("links_edit_remove", lang),
                                  className="btn btn-link btn-sm p-0 ms-2",
                                  **{"aria-label": text("links_edit_remove", lang)})],
                     className="link-row")
            for i, link in enumerate(case.links) if link.source == event_id]


def perspectives_card(lang: str) -> html.Section:
    """In edit mode: the group's perspectives, each with its label, colour and persons; and a new one."""
    return html.Section([
        html.H2(text("perspectives_title", lang), className="section-title"),
        html.P(text("perspectives_hint", lang), className="small text-muted"),
        html.Div(id="perspective-list"),
        html.Div([
            dcc.Input(id="perspective-new", type="text", maxLength=60, placeholder=text("perspectives_new", lang),
                      className="form-control form-control-sm", debounce=False),
            html.Button(text("perspectives_add", lang), id="perspective-add", n_clicks=0, type="button",
                        className="btn btn-outline-primary btn-sm"),
        ], className="d-flex gap-2 mt-2"),
    ], id="perspectives-card", className="side-card perspectives-card", hidden=True)


def colour_options(current: str | None = None) -> list[dict[str, Any]]:
    """The palette offered for perspectives (distinct for colour-blind readers), and ``current`` when it is not in
    it (a colour set in the file)."""
    colours = list(PERSPECTIVE_PALETTE)
    if current and current.upper() not in colours:
        colours.append(current.upper())
    return [{"value": colour, "label": html.Span([
        html.Span(style={"display": "inline-block", "width": "1.1em", "height": "1.1em", "borderRadius": "50%",
                         "border": f"3px solid {colour}", "marginRight": "0.4em", "verticalAlign": "-0.2em"}),
        colour])} for colour in colours]


def perspective_rows(case: Case, lang: str) -> list[Any]:
    """One row per perspective: label, colour, persons, remove."""
    people = [{"label": person.label, "value": person.id} for person in case.persons]
    rows: list[Any] = []
    for perspective in case.perspectives:
        key = perspective.key
        rows.append(html.Div([
            html.Div([
                html.Div(dcc.Dropdown(id={"type": "perspective-colour", "key": key}, value=perspective.colour.upper(),
                                      options=colour_options(perspective.colour), clearable=False, searchable=False,
                                      placeholder=text("perspectives_colour", lang)),
                         style={"width": "8.5rem", "flex": "none"}, title=text("perspectives_colour", lang)),
                html.Label([html.Span(text("perspectives_label", lang), className="visually-hidden"),
                            dcc.Input(id={"type": "perspective-label", "key": key}, type="text",
                                      value=perspective.label, maxLength=60, debounce=True,
                                      className="form-control form-control-sm")], className="flex-grow-1"),
                html.Button("×", id={"type": "perspective-remove", "key": key}, n_clicks=0, type="button",
                            title=text("perspectives_remove", lang), className="btn btn-link btn-sm p-0",
                            **{"aria-label": text("perspectives_remove", lang)}),
            ], className="d-flex gap-2 align-items-center"),
            dcc.Dropdown(id={"type": "perspective-persons", "key": key}, options=people, value=perspective.persons,
                         multi=True, placeholder=text("perspectives_persons", lang), className="mt-1"),
        ], className="perspective-row mb-2"))
    return rows
