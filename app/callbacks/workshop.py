"""The workshop on the wall: open one on the open case, follow its store, and hide, show, merge, move and undo
contributions.

Every half second the wall asks for the workshop's version (a number); only when it moved does the wall fetch the
rest: the events participants added as traces drawn over the timeline (a few kilobytes, put in place in the browser;
the timeline itself is not redrawn), the panel's parts, and the case store only when the persons and relations
added changed (the geno-sociogram shows them). Saving writes every visible contribution with its author
(:mod:`app.workshop_case`). Nothing lives in this process: a reload, another worker or a restart reads the same
store.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dash
import flask
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from app.edit_store import current_data
from app.state import case_view
from app.timeline_view import cached_layout
from app.workshop_case import saved_data, with_case_data
from app.workshop_store import STORE_KEY, Workshop, WorkshopStore, open_store
from layouts.components.i18n import normal_lang
from layouts.components.workshop_panel import (
    answers_block,
    answers_count,
    colours_of,
    items_list,
    join_block,
    join_url,
)
from layouts.contributions import chosen_colours
from layouts.texts import text
from layouts.timeline.workshop_labels import DrawnWords, drawn_words
from layouts.timeline.workshop_overlay import OverlayEvent, OverlayLink, overlay_links, overlay_traces
from layouts.view_state import ViewState
from models.case import Case
from models.contribution import Contribution, item_id, pending_events, settled_data
from models.partial_date import normal_date


def overlay_data(workshop: Workshop, pending: list[Contribution], links: list[Contribution],
                 colours: dict[str, str], projector: bool, drawn: DrawnWords | None = None) -> dict[str, Any]:
    """The traces drawn over the timeline for the events not in the case yet, and the arrows participants drew
    (see ``app/assets/workshop.js``)."""
    events = [OverlayEvent(item_id(workshop.id, "event", c.id), str(c.payload.get("date", "")),
                           str(c.payload.get("layer", "")), str(c.payload.get("title", "")), c.name, c.perspective)
              for c in pending]
    titles = {**dict(workshop.events), **{e.id: e.title for e in events}}
    arrows = [OverlayLink(item_id(workshop.id, "link", c.id), str(c.payload.get("source")),
                          str(c.payload.get("target")), str(c.payload.get("label", "")), c.name, c.perspective)
              for c in links]
    return {"traces": overlay_traces(events, colours, projector, drawn=drawn),
            "links": overlay_links(arrows, titles, colours)}


def timeline_words(case: Any, projector: bool) -> DrawnWords | None:
    """What the wall's timeline drew for the open case (its labels and marks), for the added titles to keep
    clear of."""
    view = case_view(case)
    return drawn_words(cached_layout(view, ViewState(projector=projector, workshop=True)), projector) if view else None


def wall_colours(workshop: Workshop, participants: list[Any], contributions: list[Contribution],
                 case: Any) -> dict[str, str]:
    """Each perspective's colour on the wall: the one the workshop gave it (the case's own, or the group's
    choice), else the case's, else the palette's."""
    view = case_view(case)
    chosen = {**chosen_colours(view.case if view is not None else None), **dict(workshop.colours)}
    return colours_of(participants, contributions, chosen)


def unsaved(data: dict[str, Any], workshop_id: int, contributions: list[Contribution]) -> bool:
    """Whether saving would add something the case does not hold: an event, an answer, or an arrow between events
    the wall shows."""
    present = {str(item.get("id")) for collection in ("events", "links", "reflections")
               for item in data.get(collection, [])}
    new = [c for c in contributions if c.shown and item_id(workshop_id, c.kind, c.id) not in present]
    events = present | {item_id(workshop_id, c.kind, c.id) for c in new if c.kind == "event"}
    return any(c.kind in ("event", "answer") or (c.kind == "link" and {str(c.payload.get("source")),
                                                                       str(c.payload.get("target"))} <= events)
               for c in new)


def refreshed(workshops: WorkshopStore, workshop: Workshop, shown: dict[str, Any], drawn: Any, case: Any,
              lang: str, projector: bool, picked: list[int]) -> tuple:
    """The outputs of the wall's refresh for the workshop's state now (see ``_refresh``)."""
    contributions, participants = workshops.contributions(workshop.id), workshops.participants(workshop.id)
    data = current_data(case)
    case_out: Any = no_update
    pending: list[Contribution] = []
    links: list[Contribution] = []
    if data is not None:
        settled = settled_data(data, workshop.id, contributions)
        pending = pending_events(settled, workshop.id, contributions)
        links = pending_events(settled, workshop.id, contributions, kind="link")
        if settled is not data:
            case_out = with_case_data(case, settled)
    colours = wall_colours(workshop, participants, contributions, case)
    people = [[p.name, p.perspective] for p in participants]
    same_people = isinstance(drawn, dict) and drawn.get("people") == people and drawn.get("lang") == lang \
        and drawn.get("colours") == colours
    persons = {**dict(workshop.persons), **{item_id(workshop.id, "person", c.id): str(c.payload.get("label"))
                                            for c in contributions if c.kind == "person"},
               **dict(workshop.events), **{item_id(workshop.id, "event", c.id): str(c.payload.get("title"))
                                           for c in contributions if c.kind == "event"}}
    n = answers_count(contributions)
    drawn = timeline_words(case_out if isinstance(case_out, dict) else case, projector) if pending else None
    return (case_out, overlay_data(workshop, pending, links, colours, projector, drawn),
            {"id": workshop.id, "people": people, "lang": lang, "colours": colours},
            no_update if same_people else join_block(workshop.code, str(shown.get("url") or ""), participants,
                                                     colours, lang),
            items_list(contributions, persons, colours, lang, picked),
            answers_block(contributions, colours, lang, workshop.answers_open),
            not workshops.can_undo(workshop.id),
            text("workshop_answers_hide" if workshop.answers_open else "workshop_answers_show", lang, n=n))


def wall_refresh(workshops: WorkshopStore | None, version: Any, shown: Any, drawn: Any, case: Any, lang: str,
                 projector: bool, picked: list[int]) -> tuple:
    """What moved since the wall drew: the traces over the timeline, the panel, and the case store only when the
    persons and relations added (or items already saved) changed."""
    if not version or not shown or workshops is None:
        return (no_update, {"traces": []}, None, *(no_update,) * 5)
    if shown.get("case") != (case or {}).get("name") or int(shown["id"]) != version.get("id"):
        raise PreventUpdate  # a workshop on another case than the open one
    workshop = workshops.workshop(int(shown["id"]))
    if workshop is None:
        raise PreventUpdate
    return refreshed(workshops, workshop, shown, drawn, case, lang, projector, picked)


def open_on(workshops: WorkshopStore, name: str, case: Case) -> Workshop:
    """A new workshop on the case ``name``: its persons and events as participants may refer to them (events
    in time order, with their date), and its perspectives with their colours."""
    events = [(e.id, f"{e.date} · {e.title}") for e in case.events_in_order()]
    return workshops.open_workshop(name, [(p.id, p.label) for p in case.persons], events,
                                   [p.model_dump(mode="json") for p in case.perspectives])


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
            found = workshops.open_for_case(name) or open_on(workshops, name, case_view(case).case)
            return {"id": found.id, "case": name, "url": join_url(flask.request.host_url, found.code)}
        if shown and shown.get("case") == name:
            return no_update
        workshops = store()  # another case, or the page (re)loaded: its open workshop, if it has one
        found = workshops.open_for_case(name) if workshops is not None and name else None
        if found is None:
            return None if shown else no_update
        return {"id": found.id, "case": name, "url": join_url(flask.request.host_url, found.code)}

    @app.callback(
        Output("case-store", "data", allow_duplicate=True),
        Input("workshop-close", "n_clicks"), State("workshop-store", "data"), State("case-store", "data"),
        prevent_initial_call=True,
    )
    def _keep_on_close(clicks: int | None, shown: Any, case: Any) -> Any:
        """Closing the workshop keeps what the wall showed in the open case (unsaved, until the facilitator
        saves): every visible contribution with its author."""
        workshops, data = store(), current_data(case)
        workshop = workshops.workshop(int(shown["id"])) if workshops is not None and clicks and shown else None
        if workshop is None or workshops is None or data is None or shown.get("case") != case.get("name"):
            raise PreventUpdate
        merged = saved_data(data, workshops, workshop)
        return no_update if merged == data else with_case_data(case, merged)

    @app.callback(
        Output("workshop-version", "data"),
        Input("workshop-tick", "n_intervals"), Input("workshop-kick", "data"), Input("workshop-store", "data"),
        State("workshop-version", "data"),
        prevent_initial_call=True,
    )
    def _version(_tick: Any, _kick: Any, shown: Any, known: Any) -> Any:
        """The workshop's version and the case's file name (renamed by Opslaan als…), sent on when either moved."""
        workshops = store()
        if not shown or workshops is None:
            return None if known else no_update
        now = {"id": int(shown["id"]), "version": workshops.version(int(shown["id"])), "case": shown.get("case")}
        if now == known:
            raise PreventUpdate
        return now

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("workshop-overlay", "data"),
        Output("workshop-drawn", "data"), Output("workshop-join", "children"), Output("workshop-list", "children"),
        Output("workshop-answers-wrap", "children"), Output("workshop-undo", "disabled"),
        Output("workshop-answers-toggle", "children"),
        Input("workshop-version", "data"), Input("lang", "value"), Input("projector", "value"),
        Input("timeline-refit", "data"),
        State("workshop-store", "data"), State("workshop-drawn", "data"), State("case-store", "data"),
        State("workshop-picked", "data"),
        prevent_initial_call=True,
    )
    def _refresh(version: Any, lang: str, projector: Any, _refit: Any, shown: Any, drawn: Any, case: Any,
                 picked: Any) -> tuple:
        """What moved since the wall drew (:func:`wall_refresh`); after a refit of the words only the overlay."""
        found = wall_refresh(store(), version, shown, drawn, case, normal_lang(lang), bool(projector), picked or [])
        return (no_update, found[1], *(no_update,) * 6) if ctx.triggered_id == "timeline-refit" else found

    # the overlay's traces in place of the previous ones at the end of the figure, again after a new figure
    app.clientside_callback(
        ClientsideFunction("casusbeeld", "workshopOverlay"),
        Output("timeline-graph", "figure", allow_duplicate=True),
        Input("workshop-overlay", "data"), Input("timeline-shown", "data"), State("timeline-graph", "figure"),
        prevent_initial_call=True,
    )
    register_facilitator(app, store)
    register_panel(app, store)


def register_panel(app: dash.Dash, store: Callable[[], WorkshopStore | None]) -> None:
    """Attach the panel's visibility (and the poll's, with it) and the wall's mark of what the workshop holds that
    the case file does not yet."""

    @app.callback(
        Output("workshop-tick", "disabled"), Output("workshop-panel", "hidden"), Output("workshop-open", "hidden"),
        Input("workshop-store", "data"),
    )
    def _panel_shown(shown: Any) -> tuple[bool, bool, bool]:
        return not shown, not shown, bool(shown)

    @app.callback(
        Output("workshop-unsaved", "data"),
        Input("workshop-version", "data"), Input("case-store", "data"), State("workshop-store", "data"),
        State("workshop-unsaved", "data"),
        prevent_initial_call=True,
    )
    def _unsaved(version: Any, case: Any, shown: Any, known: Any) -> Any:
        """Whether the workshop holds something the open case does not (the save button's state): kept apart from
        the case store, so that a participant's first event does not redraw every view on the wall; sent only when
        it changes (what reads it does not run again for each event)."""
        workshops, data = store(), current_data(case)
        now = bool(version and shown and workshops is not None and data is not None
                   and shown.get("case") == (case or {}).get("name")
                   and unsaved(data, int(shown["id"]), workshops.contributions(int(shown["id"]))))
        return no_update if now == bool(known) else now


def register_facilitator(app: dash.Dash, store: Callable[[], WorkshopStore | None]) -> None:
    """The facilitator's actions on the wall: pick contributions, then hide, merge, move or undo."""

    @app.callback(
        Output("workshop-picked", "data"), Input({"type": "workshop-pick", "id": ALL}, "value"),
        prevent_initial_call=True,
    )
    def _pick(values: list[Any]) -> list[int]:
        return sorted({int(ident) for chosen in values for ident in (chosen or [])})

    @app.callback(
        Output("workshop-kick", "data", allow_duplicate=True),
        Input({"type": "workshop-colour", "perspective": ALL, "colour": ALL}, "n_clicks"),
        State("workshop-store", "data"),
        prevent_initial_call=True,
    )
    def _colour(clicks: list[Any], shown: Any) -> Any:
        """The group's colour for a perspective: kept in the workshop store, used on the wall at once."""
        workshops, trigger = store(), ctx.triggered_id
        if not shown or workshops is None or not isinstance(trigger, dict) or not any(clicks or []):
            raise PreventUpdate
        if not ctx.triggered or not ctx.triggered[0]["value"]:
            raise PreventUpdate
        if not workshops.set_colour(int(shown["id"]), str(trigger["perspective"]), str(trigger["colour"])):
            raise PreventUpdate
        return time.time()

    @app.callback(
        Output("workshop-kick", "data"), Output("workshop-action-feedback", "children"),
        Output("workshop-picked", "data", allow_duplicate=True),
        Input({"type": "workshop-hide", "id": ALL}, "n_clicks"), Input("workshop-undo", "n_clicks"),
        Input("workshop-answers-toggle", "n_clicks"), Input("workshop-merge", "n_clicks"),
        Input("workshop-move-side", "n_clicks"), Input("workshop-move-date-apply", "n_clicks"),
        State("workshop-store", "data"), State("workshop-picked", "data"), State("workshop-move-date", "value"),
        State("lang", "value"),
        prevent_initial_call=True,
    )
    def _moderate(*values: Any) -> tuple:
        shown, picked, date, lang = values[-4:]
        workshops = store()
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        if not shown or workshops is None or not value:
            raise PreventUpdate
        problem = facilitator_step(workshops, int(shown["id"]), ctx.triggered_id, list(picked or []), date)
        if problem is not None:
            return no_update, text(problem, normal_lang(lang)), no_update
        return time.time(), None, [] if ctx.triggered_id == "workshop-merge" else no_update


def facilitator_step(workshops: WorkshopStore, workshop_id: int, trigger: Any, picked: list[int],
                     date: str | None) -> str | None:
    """Take the facilitator's step ``trigger`` (a hide/show button's id, undo, the answers, merge or a move of the
    ``picked`` contributions): None when done, else the key of the text saying why not."""
    if trigger == "workshop-undo":
        workshops.undo(workshop_id)
        return None
    if trigger == "workshop-answers-toggle":
        workshop = workshops.workshop(workshop_id)
        workshops.set_answers_open(workshop_id, not (workshop and workshop.answers_open))
        return None
    contributions = {c.id: c for c in workshops.contributions(workshop_id)}
    if isinstance(trigger, dict):
        chosen = contributions.get(trigger.get("id"))  # type: ignore[arg-type]
        if chosen is not None:
            workshops.set_hidden(workshop_id, chosen.id, not chosen.hidden)
        return None
    if trigger == "workshop-merge":
        if len(picked) != 2 or not workshops.merge(workshop_id, duplicate=max(picked), kept=min(picked)):
            return "workshop_merge_need_two"
        return None
    events = [contributions[i] for i in picked if i in contributions and contributions[i].kind == "event"]
    if not events:
        return "workshop_move_need_event"
    if trigger == "workshop-move-side":
        for event in events:
            workshops.move(workshop_id, event.id, layer="lived" if event.payload.get("layer") == "formal" else "formal")
        return None
    day = normal_date(date or "")
    if not day:
        return "workshop_move_bad_date"
    try:
        for event in events:
            workshops.move(workshop_id, event.id, date=day)
    except ValueError:
        return "workshop_move_bad_date"
    return None
