"""The participants' page at ``/meedoen/``: a second Dash app on the same server, apart from the facilitator's page
(it never opens a case; it shows only what the participant added and the case's person names to link relations to).

A participant is known by a random token in an HttpOnly, same-site cookie set when they join. Every callback reads
that cookie and the workshop code the page holds, and the store refuses a token of another workshop. Reloading the
phone keeps the participant: the code stays in the address and the cookie in the browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import dash
import flask
from dash import Input, Output, State, ctx, html, no_update

from app.workshop_store import Participant, Workshop, WorkshopStore, normal_code, open_store
from layouts.components.edit_forms import normal_date
from layouts.components.i18n import normal_lang
from layouts.components.participant_page import mine, participant_layout
from layouts.texts import text
from models.contribution import QUESTIONS, item_id
from models.partial_date import PartialDate, dutch_date

COOKIE = "casusbeeld_deelnemer"
COOKIE_SECONDS = 12 * 3600
PREFIX = "/meedoen/"


def current(store: WorkshopStore | None, code: Any) -> tuple[Workshop, Participant] | None:
    """The workshop with ``code`` and the participant the request's cookie names in it, or None (refused)."""
    if store is None:
        return None
    workshop = store.by_code(str(code or ""))
    token = flask.request.cookies.get(COOKIE)
    who = store.participant(token, workshop.id) if workshop else None
    return (workshop, who) if workshop and who else None


def add(store: WorkshopStore | None, code: Any, kind: str, payload: dict[str, Any], lang: str) -> tuple[bool, Any]:
    """Add a contribution for the request's participant: (added, message)."""
    found = current(store, code)
    if found is None or store is None:
        return False, _message(text("participant_refused", lang), "text-danger")
    try:
        added = store.contribute(flask.request.cookies.get(COOKIE), found[0].id, kind, payload)
    except ValueError:
        return False, _message(text(f"participant_invalid_{kind}", lang), "text-danger")
    if added is None:
        return False, _message(text("participant_refused", lang), "text-danger")
    return True, _message(text("participant_added", lang), "text-success")


def _message(words: str, tone: str) -> html.Div:
    return html.Div(words, className=tone)


def person_names(store: WorkshopStore, workshop: Workshop) -> dict[str, str]:
    """The case's persons and the visible persons added in the workshop, id → label."""
    names = dict(workshop.persons)
    for c in store.contributions(workshop.id):
        if c.kind == "person" and c.shown:
            names[item_id(workshop.id, "person", c.id)] = str(c.payload.get("label"))
    return names


def event_names(store: WorkshopStore, workshop: Workshop) -> dict[str, str]:
    """The case's events when the workshop opened and the visible events added in it, id → "date · title"."""
    names = dict(workshop.events)
    for c in store.contributions(workshop.id):
        if c.kind == "event" and c.shown:
            names[item_id(workshop.id, "event", c.id)] = f"{c.payload.get('date', '')} · {c.payload.get('title', '')}"
    return names


OPTION_LENGTH = 60
"""Characters of an event's option in a phone's select (date and title); a longer title is cut with "…"."""


def event_options(names: dict[str, str]) -> list[dict[str, str]]:
    """Select options for :func:`event_names`: in date order (an unreadable date last), each the date as people
    type it (``12-3-2021``, ``ca. 2015``) first, then the title, cut short for a 390 px screen (whole in its
    ``title``)."""
    moments = []
    for ident, name in names.items():
        date, _, title = name.partition(" · ")
        try:
            when: PartialDate | None = PartialDate.parse(date.strip())
        except ValueError:
            when = None
        full = f"{dutch_date(when) if when else date} · {title}"
        option = {"label": full, "value": ident} if len(full) <= OPTION_LENGTH else {
            "label": full[:OPTION_LENGTH - 1].rstrip() + "…", "value": ident, "title": full}
        moments.append(((when is None, when.sort_key() if when else (0, 0, 0)), option))
    return [option for _, option in sorted(moments, key=lambda m: m[0])]


def create_participant_app(server: flask.Flask, store_file: Path | None, lang: str) -> dash.Dash:
    """The participants' Dash app, served from ``server`` under ``/meedoen/``."""
    lang = normal_lang(lang)
    page = dash.Dash("casusbeeld_meedoen", server=server, url_base_pathname=PREFIX, title="casusbeeld — meedoen",
                     assets_folder=str(Path(__file__).resolve().parent / "assets"), serve_locally=True,
                     external_stylesheets=[], external_scripts=[], suppress_callback_exceptions=True,
                     update_title=None)
    page.layout = lambda: participant_layout(lang)

    def store(create: bool = False) -> WorkshopStore | None:
        return open_store(store_file, create)

    _register_session(page, store, lang)
    _register_forms(page, store, lang)
    _register_link(page, store, lang)
    return page


def _register_session(page: dash.Dash, store: Any, lang: str) -> None:
    @page.callback(
        Output("p-session", "data"), Output("p-code", "value"), Output("p-join-feedback", "children"),
        Output("p-url", "search"),
        Input("p-url", "search"), Input("p-join", "n_clicks"),
        State("p-code", "value"), State("p-name", "value"), State("p-perspective", "value"),
    )
    def _session(search: str | None, clicks: int | None, code: str | None, name: str | None,
                 perspective: str | None) -> tuple:
        if ctx.triggered_id != "p-join":  # the page loaded (or reloaded): the cookie may still name a participant
            asked = normal_code((parse_qs((search or "").lstrip("?")).get("code") or [""])[0])
            found = current(store(), asked)
            if found is None:
                return None, asked or no_update, None, no_update
            return _session_data(*found), asked, None, no_update
        workshops = store(create=True)
        joined = workshops.join(code or "", name or "", perspective or "") if workshops else None
        if joined is None:
            key = "participant_unknown_code" if not workshops or not workshops.by_code(code or "") \
                else "participant_need_name"
            return no_update, no_update, _message(text(key, lang), "text-danger"), no_update
        who, token = joined
        ctx.response.set_cookie(COOKIE, token, max_age=COOKIE_SECONDS, httponly=True, samesite="Strict",
                                path=PREFIX, secure=flask.request.is_secure)
        workshop = workshops.workshop(who.workshop)
        return _session_data(workshop, who), workshop.code, None, f"?code={workshop.code}"

    @page.callback(
        Output("p-join-form", "hidden"), Output("p-forms", "hidden"), Output("p-who", "children"),
        Input("p-session", "data"),
    )
    def _shown(session: Any) -> tuple:
        if not session:
            return False, True, None
        return True, False, [html.Strong(session["name"]), f" · {session['perspective']} · ",
                             text("participant_workshop", lang, code=session["code"])]

    @page.callback(
        Output("p-mine", "children"), Output("p-rel-source", "options"), Output("p-rel-target", "options"),
        Output("p-link-source", "options"), Output("p-link-target", "options"),
        Input("p-session", "data"), Input("p-added", "data"), Input("p-tabs", "active_tab"),
    )
    def _mine(session: Any, _added: Any, _tab: Any) -> tuple:
        """The participant's own contributions, and what they can choose from (again on opening a tab: the
        events and persons others added since)."""
        workshops = store()
        found = current(workshops, (session or {}).get("code"))
        if found is None:
            return [], [], [], [], []
        workshop, who = found
        names, events = person_names(workshops, workshop), event_names(workshops, workshop)
        options = [{"label": label, "value": ident} for ident, label in names.items()]
        moments = event_options(events)
        return (mine(workshops.contributions(workshop.id, who.id), {**names, **events}, lang), options, options,
                moments, moments)


def _session_data(workshop: Workshop, who: Participant) -> dict[str, str]:
    return {"code": workshop.code, "name": who.name, "perspective": who.perspective}


DEFAULT_TYPE = {"formal": "professional_contact", "lived": "experience"}
"""The event type offered first above and below the line (the participant may choose another)."""


def _register_forms(page: dash.Dash, store: Any, lang: str) -> None:
    @page.callback(Output("p-event-type", "value"), Input("p-event-layer", "value"), prevent_initial_call=True)
    def _default_type(layer: str | None) -> str:
        return DEFAULT_TYPE.get(layer or "", "experience")

    @page.callback(
        Output("p-event-feedback", "children"), Output("p-event-title", "value"), Output("p-event-date", "value"),
        Output("p-added", "data", allow_duplicate=True),
        Input("p-event-add", "n_clicks"),
        State("p-event-title", "value"), State("p-event-date", "value"), State("p-event-layer", "value"),
        State("p-event-type", "value"), State("p-session", "data"), State("p-added", "data"),
        prevent_initial_call=True,
    )
    def _event(clicks: int | None, title: str | None, date: str | None, layer: str | None, kind: str | None,
               session: Any, count: int | None) -> tuple:
        payload = {"title": (title or "").strip(), "date": normal_date(date or "") or (date or "").strip(),
                   "layer": layer or "lived", "type": kind or "experience"}
        ok, message = add(store(), (session or {}).get("code"), "event", payload, lang)
        return (message, "", "", (count or 0) + 1) if ok else (message, no_update, no_update, no_update)

    @page.callback(
        Output("p-person-feedback", "children"), Output("p-person-label", "value"),
        Output("p-added", "data", allow_duplicate=True),
        Input("p-person-add", "n_clicks"),
        State("p-person-label", "value"), State("p-person-kind", "value"), State("p-person-gender", "value"),
        State("p-session", "data"), State("p-added", "data"),
        prevent_initial_call=True,
    )
    def _person(clicks: int | None, label: str | None, kind: str | None, gender: str | None, session: Any,
                count: int | None) -> tuple:
        payload = {"label": (label or "").strip(), "kind": kind or "network", "gender": gender or "unknown"}
        ok, message = add(store(), (session or {}).get("code"), "person", payload, lang)
        return (message, "", (count or 0) + 1) if ok else (message, no_update, no_update)

    @page.callback(
        Output("p-rel-feedback", "children"), Output("p-added", "data", allow_duplicate=True),
        Input("p-rel-add", "n_clicks"),
        State("p-rel-source", "value"), State("p-rel-type", "value"), State("p-rel-target", "value"),
        State("p-session", "data"), State("p-added", "data"),
        prevent_initial_call=True,
    )
    def _relation(clicks: int | None, source: str | None, kind: str | None, target: str | None, session: Any,
                  count: int | None) -> tuple:
        if not source or not target or source == target:
            return _message(text("participant_invalid_relationship", lang), "text-danger"), no_update
        payload = {"source": source, "target": target, "type": kind or "close"}
        ok, message = add(store(), (session or {}).get("code"), "relationship", payload, lang)
        return message, (count or 0) + 1 if ok else no_update

    @page.callback(
        Output("p-answer-feedback", "children"), Output("p-added", "data", allow_duplicate=True),
        *[Output(f"p-answer-{key}", "value") for key in QUESTIONS],
        Input("p-answer-send", "n_clicks"),
        *[State(f"p-answer-{key}", "value") for key in QUESTIONS],
        State("p-session", "data"), State("p-added", "data"),
        prevent_initial_call=True,
    )
    def _answers(clicks: int | None, *values: Any) -> tuple:
        *answers, session, count = values
        filled = [(key, value.strip()) for key, value in zip(QUESTIONS, answers, strict=True) if (value or "").strip()]
        if not filled:
            return (_message(text("participant_invalid_answer", lang), "text-danger"), no_update,
                    *(no_update for _ in QUESTIONS))
        results = [add(store(), (session or {}).get("code"), "answer", {"question": key, "text": value}, lang)
                   for key, value in filled]
        sent = {key for (key, _), (ok, _) in zip(filled, results, strict=True) if ok}
        message = results[-1][1] if not sent or len(sent) < len(filled) else _message(
            text("participant_answered", lang), "text-success")
        return (message, (count or 0) + 1 if sent else no_update,
                *("" if key in sent else no_update for key in QUESTIONS))


def _register_link(page: dash.Dash, store: Any, lang: str) -> None:
    """An arrow from one event to another: both must be events the participant could choose."""

    @page.callback(
        Output("p-link-feedback", "children"), Output("p-added", "data", allow_duplicate=True),
        Input("p-link-add", "n_clicks"),
        State("p-link-source", "value"), State("p-link-word", "value"), State("p-link-target", "value"),
        State("p-session", "data"), State("p-added", "data"),
        prevent_initial_call=True,
    )
    def _link(clicks: int | None, source: str | None, word: str | None, target: str | None, session: Any,
              count: int | None) -> tuple:
        workshops = store()
        found = current(workshops, (session or {}).get("code"))
        known = event_names(workshops, found[0]) if found and workshops else {}
        if source not in known or target not in known or source == target or not word:
            return _message(text("participant_invalid_link", lang), "text-danger"), no_update
        payload = {"source": source, "target": target, "label": word}
        ok, message = add(workshops, (session or {}).get("code"), "link", payload, lang)
        return message, (count or 0) + 1 if ok else no_update
