"""The facilitator's workshop panel on the wall: join code and QR code, the participants' contributions (each
hideable), and their answers to the card's questions shown together (pure: data in, components out)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

import segno
from dash import dcc, html

from layouts.contributions import PALETTE, colour_of, perspective_colours
from layouts.texts import text
from models.contribution import QUESTIONS, Contribution
from models.partial_date import PartialDate, dutch_date

JOIN_PATH = "/meedoen"


def join_url(host_url: str, code: str) -> str:
    """The address a participant opens: ``http://<host>/meedoen?code=XXXXX``."""
    return f"{host_url.rstrip('/')}{JOIN_PATH}?{urlencode({'code': code})}"


def only_this_computer(url: str) -> bool:
    """Whether ``url`` names this computer (loopback): a participant's phone cannot reach it."""
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def qr_data_uri(url: str) -> str:
    """A QR code of ``url`` as an inline SVG data URI (made here, nothing fetched)."""
    return segno.make(url, error="m").svg_data_uri(scale=6, border=2, dark="#111111")


class ParticipantLike(Protocol):
    name: str
    perspective: str


POLL_MS = 500
"""How often the wall asks for the workshop's version (a number: the answer is a few bytes)."""


def workshop_parts() -> list[Any]:
    """The wall's workshop state: which workshop this page shows (``{"id", "case", "url"}``), the version the
    store has (polled every :data:`POLL_MS`), the version the panel drew, the traces drawn over the timeline, a
    nudge to poll at once after the facilitator acted, and whether it holds something the case file does not yet
    (the save button's state; kept apart from the case store, so the views do not redraw for it)."""
    return [dcc.Store(id="workshop-store", storage_type="memory"),
            dcc.Store(id="workshop-kick", storage_type="memory"),
            dcc.Store(id="workshop-version", storage_type="memory"),
            dcc.Store(id="workshop-drawn", storage_type="memory"),
            dcc.Store(id="workshop-overlay", storage_type="memory"),
            dcc.Store(id="workshop-picked", storage_type="memory", data=[]),
            dcc.Store(id="workshop-unsaved", storage_type="memory", data=False),
            dcc.Interval(id="workshop-tick", interval=POLL_MS, disabled=True)]


def workshop_button(lang: str) -> html.Button:
    return html.Button(text("workshop_open", lang), id="workshop-open", n_clicks=0, type="button",
                       className="btn btn-outline-primary btn-sm hide-on-projector workshop-open",
                       title=text("workshop_open_hint", lang))


def _chip(perspective: str, colours: dict[str, str]) -> html.Span:
    return html.Span(perspective, className="perspective-chip",
                     style={"borderColor": colour_of(perspective, colours), "color": colour_of(perspective, colours)})


def typed_date(value: str, lang: str) -> str:
    """A stored date as people type it in Dutch (``12-3-2021``, ``ca. 2015``; see the phone's date field), and as
    stored (``2021-03-12``) in English; anything unreadable as it is."""
    if lang != "nl":
        return value
    try:
        return dutch_date(PartialDate.parse(value))
    except ValueError:
        return value


def summary(contribution: Contribution, persons: dict[str, str], lang: str) -> str:
    """One line saying what a contribution adds (case content shown as written); ``persons``: the names of the
    persons and events it may refer to, by id."""
    data = contribution.payload
    if contribution.kind == "event":
        where = text("workshop_above" if data.get("layer") == "formal" else "workshop_below", lang)
        return f"{typed_date(str(data.get('date', '')), lang)} · {data.get('title', '')} ({where})"
    if contribution.kind == "person":
        return str(data.get("label", ""))
    if contribution.kind == "link":
        return (f"{persons.get(str(data.get('source')), data.get('source'))} — {data.get('label', '')} → "
                f"{persons.get(str(data.get('target')), data.get('target'))}")
    if contribution.kind == "relationship":
        return (f"{persons.get(str(data.get('source')), data.get('source'))} — "
                f"{text('workshop_rel_' + str(data.get('type')), lang)} — "
                f"{persons.get(str(data.get('target')), data.get('target'))}")
    return f"{QUESTIONS.get(str(data.get('question')), '')} {data.get('text', '')}"


def _hide_button(contribution: Contribution, lang: str) -> html.Button:
    return html.Button(text("workshop_show" if contribution.hidden else "workshop_hide", lang),
                       id={"type": "workshop-hide", "id": contribution.id}, n_clicks=0, type="button",
                       className="btn btn-outline-secondary btn-sm workshop-hide")


def _pick(contribution: Contribution, picked: Collection[int], lang: str) -> dcc.Checklist:
    """A box to pick the contribution for a merge or a move (the pick is kept while the list is redrawn)."""
    return dcc.Checklist(id={"type": "workshop-pick", "id": contribution.id}, className="workshop-pick",
                         options=[{"label": html.Span(text("workshop_pick", lang), className="visually-hidden"),
                                   "value": contribution.id}],
                         value=[contribution.id] if contribution.id in picked else [], inline=True)


def _row(contribution: Contribution, persons: dict[str, str], colours: dict[str, str], lang: str,
         picked: Collection[int] = ()) -> html.Li:
    merged = contribution.merged_into is not None
    words = summary(contribution, persons, lang)
    if contribution.also_by:
        words += " · " + text("workshop_also", lang, names=", ".join(f"{name} ({perspective})"
                                                                     for name, perspective in contribution.also_by))
    if merged:
        words += " · " + text("workshop_merged_into", lang, n=contribution.merged_into)
    return html.Li([
        None if merged else _pick(contribution, picked, lang),
        _chip(contribution.perspective, colours),
        html.Span(contribution.name, className="workshop-author"),
        html.Span(text(f"workshop_kind_{contribution.kind}", lang), className="workshop-kind"),
        html.Span(f"#{contribution.id} {words}", className="workshop-summary"),
        None if merged else _hide_button(contribution, lang),
    ], className="workshop-item" + (" workshop-hidden" if contribution.hidden else "")
        + (" workshop-merged" if merged else ""),
        **{"data-contribution": str(contribution.id), "data-hidden": str(contribution.hidden).lower()})


def _answers(contributions: Sequence[Contribution], colours: dict[str, str], lang: str) -> html.Div:
    """Every visible answer, grouped by question."""
    groups = []
    for key, question in QUESTIONS.items():
        answers = [c for c in contributions if c.kind == "answer" and c.shown and c.payload["question"] == key]
        groups.append(html.Div([
            html.H3(question, className="workshop-question"),
            html.Ul([html.Li([_chip(c.perspective, colours), html.Span(c.name, className="workshop-author"),
                              html.Span(c.payload["text"], className="workshop-answer"), _hide_button(c, lang)])
                     for c in answers]
                    or [html.Li(text("workshop_no_answers", lang), className="text-muted")]),
        ], className="workshop-answer-group"))
    return html.Div(groups, className="workshop-answers", id="workshop-answers")


def workshop_panel(lang: str) -> html.Section:
    """The panel's frame; its parts are filled by the wall's poll (see :func:`join_block`, :func:`items_list`)."""
    actions = html.Div([
        html.Button(text("workshop_answers_show", lang, n=0), id="workshop-answers-toggle", n_clicks=0, type="button",
                    className="btn btn-outline-primary btn-sm"),
        html.Button(text("workshop_undo", lang), id="workshop-undo", n_clicks=0, type="button",
                    className="btn btn-outline-secondary btn-sm", disabled=True),
        html.Button(text("workshop_merge", lang), id="workshop-merge", n_clicks=0, type="button",
                    className="btn btn-outline-secondary btn-sm", title=text("workshop_merge_hint", lang)),
        html.Button(text("workshop_move_side", lang), id="workshop-move-side", n_clicks=0, type="button",
                    className="btn btn-outline-secondary btn-sm"),
        html.Label(text("workshop_move_date", lang), htmlFor="workshop-move-date", className="visually-hidden"),
        dcc.Input(id="workshop-move-date", type="text", debounce=False, placeholder="dd-mm-jjjj",
                  className="form-control form-control-sm workshop-move-date"),
        html.Button(text("workshop_move_date_apply", lang), id="workshop-move-date-apply", n_clicks=0,
                    type="button", className="btn btn-outline-secondary btn-sm"),
        html.Button(text("workshop_close", lang), id="workshop-close", n_clicks=0, type="button",
                    className="btn btn-outline-danger btn-sm hide-on-projector"),
    ], className="workshop-actions")
    return html.Section([
        html.H2(text("workshop_title", lang), className="section-title"),
        html.Div([
            html.Div(id="workshop-join", className="workshop-join"),
            html.Div([actions, html.Div(id="workshop-action-feedback", className="workshop-feedback text-danger"),
                      html.Div(id="workshop-list")], className="workshop-list"),
            html.Div(id="workshop-answers-wrap"),
        ], className="workshop-body"),
    ], id="workshop-panel", className="workshop-panel", hidden=True, **{"aria-live": "polite"})


def colours_of(participants: Sequence[ParticipantLike], contributions: Sequence[Contribution],
               chosen: dict[str, str] | None = None) -> dict[str, str]:
    """The perspectives' colours on the wall: those the group chose in the case (``chosen``), else the palette's."""
    return perspective_colours([*(c.perspective for c in contributions), *(p.perspective for p in participants)],
                               chosen)


def join_block(code: str, url: str, participants: Sequence[ParticipantLike], colours: dict[str, str],
               lang: str) -> list[Any]:
    """QR code, address and code to join, and who has joined (by perspective)."""
    return [
        html.Img(src=qr_data_uri(url), alt=text("workshop_qr_alt", lang), className="workshop-qr"),
        html.Div([
            html.Div(text("workshop_join_at", lang), className="workshop-join-label"),
            html.Div(url, className="workshop-url"),
            *([html.Div(text("workshop_local_only", lang), className="workshop-local-only", role="note")]
              if only_this_computer(url) else []),
            html.Div(code, className="workshop-code", id="workshop-code"),
            html.Div(text("workshop_participants", lang, n=len(participants)), className="workshop-count",
                     id="workshop-count"),
            html.Div([_chip(p, colours) for p in dict.fromkeys(p.perspective for p in participants)],
                     className="workshop-legend", id="workshop-legend"),
            colour_choices(list(dict.fromkeys(p.perspective for p in participants)), colours, lang),
        ]),
    ]


def colour_choices(perspectives: Sequence[str], colours: dict[str, str], lang: str) -> html.Details:
    """The facilitator's control for the group's colours: per perspective a swatch for each palette colour (the
    one in use marked); a click sets it on the wall and, on saving, in the case file."""
    rows = [html.Div([_chip(perspective, colours), *[
        html.Button(id={"type": "workshop-colour", "perspective": perspective, "colour": colour}, n_clicks=0,
                    type="button", className="workshop-swatch" + (
                        " workshop-swatch-on" if colour_of(perspective, colours).upper() == colour.upper() else ""),
                    style={"backgroundColor": colour},
                    title=text("workshop_colour_pick", lang, colour=colour, perspective=perspective),
                    **{"aria-label": text("workshop_colour_pick", lang, colour=colour, perspective=perspective)})
        for colour in PALETTE]], className="workshop-colour-row") for perspective in perspectives]
    return html.Details([html.Summary(text("workshop_colours", lang)), *rows],
                        className="workshop-colours hide-on-projector", id="workshop-colours")


def items_list(contributions: Sequence[Contribution], persons: dict[str, str], colours: dict[str, str],
               lang: str, picked: Collection[int] = ()) -> Any:
    """Every event, person and relation added, newest first, each with a box to pick it (merge, move) and its
    hide/show button; a merged one says which it joined, the one kept who else added it."""
    shown = [c for c in contributions if c.kind != "answer"]
    if not shown:
        return html.P(text("workshop_none_yet", lang), className="text-muted")
    return html.Ol([_row(c, persons, colours, lang, picked) for c in reversed(shown)], className="workshop-items",
                   id="workshop-items")


def answers_block(contributions: Sequence[Contribution], colours: dict[str, str], lang: str, shown: bool) -> Any:
    """The answers together, once the facilitator opened them."""
    return _answers(contributions, colours, lang) if shown else None


def answers_count(contributions: Sequence[Contribution]) -> int:
    return sum(1 for c in contributions if c.kind == "answer" and c.shown)
