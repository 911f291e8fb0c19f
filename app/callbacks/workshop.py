"""The workshop on the wall: open one on the open case, poll its store every second, merge what participants added
into the open case (unsaved until the facilitator saves), and hide, show and undo contributions.

The poll compares the store's version with the one this page drew: unchanged, it sends nothing. Changed, it sends
the case with every visible contribution (the figures redraw from it, ringed in the perspectives' colours) and the
panel's parts. Nothing lives in this process: a reload, another worker or a restart reads the same store.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import dash
import flask
from dash import ALL, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from app.edit_store import current_data, data_bytes
from app.state import case_view, content_hash, pack
from app.workshop_store import STORE_KEY, WorkshopStore, open_store
from layouts.components.i18n import normal_lang
from layouts.components.workshop_panel import (
    answers_block,
    answers_count,
    colours_of,
    items_list,
    join_block,
    join_url,
)
from layouts.texts import text
from models.contribution import item_id, with_contributions


def with_case_data(store: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The case store holding ``data`` instead: one more revision, unsaved unless it is what was saved."""
    blob = pack(data_bytes(data))
    new = {key: value for key, value in store.items() if key not in ("select", "restored")}
    new.update(blob=blob, revision=int(store.get("revision") or 0) + 1, dirty=content_hash(blob) != store.get("clean"))
    return new


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the wall's workshop callbacks to ``app``."""

    def store(create: bool = False) -> WorkshopStore | None:
        return open_store(app.server.config.get(STORE_KEY), create)

    @app.callback(
        Output("workshop-store", "data"),
        Input("workshop-open", "n_clicks"), Input("workshop-close", "n_clicks"), Input("case-store", "data"),
        State("workshop-store", "data"),
    )
    def _workshop(_open: int | None, _close: int | None, case: Any, shown: Any) -> Any:
        name = str((case or {}).get("name") or "")
        trigger = ctx.triggered_id
        if trigger == "workshop-close" and shown:
            workshops = store()
            if workshops is not None:
                workshops.close_workshop(int(shown["id"]))
            return None
        if trigger == "workshop-open" and _open and case_view(case) is not None:
            workshops = store(create=True)
            assert workshops is not None
            found = workshops.open_for_case(name) or workshops.open_workshop(
                name, [(p.id, p.label) for p in case_view(case).case.persons])
            return {"id": found.id, "case": name, "url": join_url(flask.request.host_url, found.code)}
        if shown and shown.get("case") == name:
            return no_update
        workshops = store()  # another case, or the page (re)loaded: its open workshop, if it has one
        found = workshops.open_for_case(name) if workshops is not None and name else None
        if found is None:
            return None if shown else no_update
        return {"id": found.id, "case": name, "url": join_url(flask.request.host_url, found.code)}

    @app.callback(
        Output("workshop-tick", "disabled"), Output("workshop-panel", "hidden"), Output("workshop-open", "hidden"),
        Input("workshop-store", "data"),
    )
    def _panel_shown(shown: Any) -> tuple[bool, bool, bool]:
        return not shown, not shown, bool(shown)

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("workshop-drawn", "data"),
        Output("workshop-join", "children"), Output("workshop-list", "children"),
        Output("workshop-answers-wrap", "children"), Output("workshop-undo", "disabled"),
        Output("workshop-answers-toggle", "children"),
        Input("workshop-tick", "n_intervals"), Input("workshop-kick", "data"), Input("workshop-store", "data"),
        Input("lang", "value"), State("workshop-drawn", "data"), State("case-store", "data"),
        prevent_initial_call=True,
    )
    def _poll(_tick: Any, _kick: Any, shown: Any, lang: str, drawn: Any, case: Any) -> tuple:
        workshops = store()
        if not shown or workshops is None or shown.get("case") != (case or {}).get("name"):
            raise PreventUpdate  # no workshop, or one on another case than the open one
        workshop_id = int(shown["id"])
        version = workshops.version(workshop_id)
        if drawn == {"id": workshop_id, "version": version} and ctx.triggered_id != "lang":
            raise PreventUpdate  # nothing changed: send nothing
        workshop = workshops.workshop(workshop_id)
        if workshop is None:
            raise PreventUpdate
        lang = normal_lang(lang)
        contributions, participants = workshops.contributions(workshop_id), workshops.participants(workshop_id)
        data = current_data(case)
        merged = with_contributions(data, workshop_id, contributions) if data is not None else None
        case_out = with_case_data(case, merged) if merged is not None and merged != data else no_update
        colours = colours_of(participants, contributions)
        persons = {**dict(workshop.persons), **{item_id(workshop_id, "person", c.id): str(c.payload.get("label"))
                                                for c in contributions if c.kind == "person"}}
        n = answers_count(contributions)
        return (case_out, {"id": workshop_id, "version": version},
                join_block(workshop.code, str(shown.get("url") or ""), participants, colours, lang),
                items_list(contributions, persons, colours, lang),
                answers_block(contributions, colours, lang, workshop.answers_open),
                not workshops.can_undo(workshop_id),
                text("workshop_answers_hide" if workshop.answers_open else "workshop_answers_show", lang, n=n))

    @app.callback(
        Output("workshop-kick", "data"),
        Input({"type": "workshop-hide", "id": ALL}, "n_clicks"), Input("workshop-undo", "n_clicks"),
        Input("workshop-answers-toggle", "n_clicks"),
        State("workshop-store", "data"),
        prevent_initial_call=True,
    )
    def _moderate(_hide: Any, _undo: Any, _answers: Any, shown: Any) -> Any:
        workshops = store()
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        if not shown or workshops is None or not value:
            raise PreventUpdate
        workshop_id = int(shown["id"])
        trigger = ctx.triggered_id
        if trigger == "workshop-undo":
            workshops.undo(workshop_id)
        elif trigger == "workshop-answers-toggle":
            workshop = workshops.workshop(workshop_id)
            workshops.set_answers_open(workshop_id, not (workshop and workshop.answers_open))
        elif isinstance(trigger, dict):
            chosen = next((c for c in workshops.contributions(workshop_id) if c.id == trigger.get("id")), None)
            if chosen is None:
                raise PreventUpdate
            workshops.set_hidden(workshop_id, chosen.id, not chosen.hidden)
        return time.time()
