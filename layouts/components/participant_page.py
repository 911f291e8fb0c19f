"""The participant's page, made for a phone: join with the code, a name and a perspective; then add an event
above or below the line, a person, a relation, and answer the card's questions (pure component builders)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts.components.i18n import vocab
from layouts.components.workshop_panel import summary
from layouts.texts import text
from models.contribution import QUESTIONS, Contribution
from models.group import LINK_WORDS
from models.vocabulary import EventType, Gender, PersonKind

PERSPECTIVES = ("jeugdbeschermer", "ouder", "kind", "school", "wijkteam", "jeugd-ggz", "huisarts", "netwerk")
"""Suggested perspectives (any short word may be typed)."""
RELATION_TYPES = ("close", "supportive", "informal_care", "distant", "conflict", "cut_off")
"""The ties a participant can draw: how people stand to each other (kinship and legal ties stay with the editor)."""


def field(key: str, control: Any, lang: str) -> html.Div:
    return html.Div([html.Label(text(key, lang), htmlFor=control.id, className="form-label"), control],
                    className="mb-3")


def _input(ident: str, **props: Any) -> dbc.Input:
    return dbc.Input(id=ident, size="lg", autoComplete="off", **props)


def _select(ident: str, options: list[dict[str, str]], value: str | None = None, placeholder: str = ""
            ) -> dbc.Select:
    return dbc.Select(id=ident, options=options, value=value, size="lg", placeholder=placeholder)


def _send(ident: str, key: str, lang: str) -> html.Button:
    return html.Button(text(key, lang), id=ident, n_clicks=0, type="button", className="btn btn-primary btn-lg w-100")


def _feedback(ident: str) -> html.Div:
    return html.Div(id=ident, className="participant-feedback mt-2", role="status", **{"aria-live": "polite"})


def join_form(lang: str) -> html.Div:
    return html.Div([
        html.H1(text("participant_title", lang), className="h3"),
        html.P(text("participant_intro", lang)),
        field("participant_code", _input("p-code", maxLength=12, placeholder="ABCDE",
                                          style={"textTransform": "uppercase"}), lang),
        field("participant_name", _input("p-name", maxLength=60), lang),
        field("participant_perspective", _input("p-perspective", maxLength=60, list="p-perspectives"), lang),
        html.Datalist([html.Option(value=p) for p in PERSPECTIVES], id="p-perspectives"),
        _send("p-join", "participant_join", lang),
        _feedback("p-join-feedback"),
    ], id="p-join-form")


def _event_form(lang: str) -> html.Div:
    layers = [{"label": text("participant_layer_formal", lang), "value": "formal"},
              {"label": text("participant_layer_lived", lang), "value": "lived"}]
    types = [{"label": vocab(t, lang), "value": t.value} for t in EventType]
    return html.Div([
        field("participant_event_title", _input("p-event-title", maxLength=300), lang),
        field("participant_event_date", _input("p-event-date", maxLength=20,
                                                placeholder=text("participant_date_hint", lang)), lang),
        html.Div([html.Div(text("layer", lang), className="form-label"),
                  dbc.RadioItems(id="p-event-layer", options=layers, value="lived", class_name="participant-radio")],
                 className="mb-3"),
        field("type", _select("p-event-type", types, "experience"), lang),
        _send("p-event-add", "participant_add", lang),
        _feedback("p-event-feedback"),
    ])


def _person_form(lang: str) -> html.Div:
    kinds = [{"label": vocab(k, lang), "value": k.value} for k in PersonKind]
    genders = [{"label": vocab(g, lang), "value": g.value} for g in Gender]
    return html.Div([
        field("participant_person_label", _input("p-person-label", maxLength=300), lang),
        field("participant_person_kind", _select("p-person-kind", kinds, "network"), lang),
        field("participant_person_gender", _select("p-person-gender", genders, "unknown"), lang),
        _send("p-person-add", "participant_add", lang),
        _feedback("p-person-feedback"),
    ])


def _relation_form(lang: str) -> html.Div:
    types = [{"label": text(f"workshop_rel_{t}", lang), "value": t} for t in RELATION_TYPES]
    person = text("participant_relation_pick_person", lang)
    return html.Div([
        field("participant_relation_from", _select("p-rel-source", [], placeholder=person), lang),
        field("participant_relation_type", _select("p-rel-type", types, "close"), lang),
        field("participant_relation_to", _select("p-rel-target", [], placeholder=person), lang),
        _send("p-rel-add", "participant_add", lang),
        _feedback("p-rel-feedback"),
    ])


def _link_form(lang: str) -> html.Div:
    """An arrow from one event to another with one of the case model's short words (a 390 px screen: one
    column of large selects, each saying what to choose until one is chosen)."""
    words = [{"label": word, "value": word} for word in LINK_WORDS]
    event, word = text("participant_link_pick_event", lang), text("participant_link_pick_word", lang)
    return html.Div([
        field("participant_link_from", _select("p-link-source", [], placeholder=event), lang),
        field("participant_link_word", _select("p-link-word", words, placeholder=word), lang),
        field("participant_link_to", _select("p-link-target", [], placeholder=event), lang),
        _send("p-link-add", "participant_add", lang),
        _feedback("p-link-feedback"),
    ])


def _answer_form(lang: str) -> html.Div:
    return html.Div([
        *[field(f"participant_question_{key}", dbc.Textarea(id=f"p-answer-{key}", rows=3, maxLength=4000,
                                                            class_name="form-control-lg"), lang)
          for key in QUESTIONS],
        html.P(text("participant_answers_hint", lang), className="small text-muted"),
        _send("p-answer-send", "participant_send_answers", lang),
        _feedback("p-answer-feedback"),
    ])


def contribute_forms(lang: str) -> html.Div:
    return html.Div([
        html.Div(id="p-who", className="participant-who"),
        dbc.Tabs([
            dbc.Tab(_event_form(lang), label=text("event", lang), tab_id="event"),
            dbc.Tab(_person_form(lang), label=text("participant_tab_person", lang), tab_id="person"),
            dbc.Tab(_relation_form(lang), label=text("participant_tab_relation", lang), tab_id="relation"),
            dbc.Tab(_link_form(lang), label=text("participant_tab_link", lang), tab_id="link"),
            dbc.Tab(_answer_form(lang), label=text("participant_tab_questions", lang), tab_id="questions"),
        ], id="p-tabs", active_tab="event", class_name="mb-3"),
        html.H2(text("participant_mine", lang), className="h5 mt-4"),
        html.Ul(id="p-mine", className="participant-mine"),
    ], id="p-forms", hidden=True)


def participant_layout(lang: str) -> html.Div:
    """The whole participant page."""
    return html.Div([
        dcc.Location(id="p-url", refresh=False),
        dcc.Store(id="p-session", storage_type="memory"),
        dcc.Store(id="p-added", storage_type="memory", data=0),
        html.Main([join_form(lang), contribute_forms(lang)], className="participant-main container"),
    ], className="participant-root", lang=lang)


def mine(contributions: Sequence[Contribution], persons: dict[str, str], lang: str) -> list[html.Li]:
    """The participant's own contributions, newest first (a hidden one says so)."""
    return [html.Li([html.Span(text(f"workshop_kind_{c.kind}", lang), className="workshop-kind"), " ",
                     summary(c, persons, lang),
                     *([" ", html.Em(text("participant_hidden", lang))] if c.hidden else [])])
            for c in reversed(contributions)]
