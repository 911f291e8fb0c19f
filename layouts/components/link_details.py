"""Rows for an event's details: the links the group drew from and to it, the "leidde tot" chain through it, and
the perspective (colour) its voice belongs to."""

from __future__ import annotations

from typing import Any

from dash import html

from layouts.texts import text
from models.case import Case, Event
from models.group import leads_to_chain, perspective_by_person, voice_perspective


def _event_link(case_events: dict[str, Event], event_id: str) -> Any:
    from layouts.components.details import link

    event = case_events.get(event_id)
    return link("event", event_id, event.title if event is not None else event_id)


def _swatch(colour: str) -> html.Span:
    return html.Span(className="perspective-swatch", style={"backgroundColor": colour, "display": "inline-block",
                                                            "width": "0.9em", "height": "0.9em",
                                                            "borderRadius": "50%", "marginRight": "0.35em",
                                                            "verticalAlign": "-0.1em"})


def group_rows(case: Case, event: Event, lang: str) -> list[Any]:
    """Dt/Dd rows for ``event`` (none when the group added nothing about it)."""
    rows: list[Any] = []
    events = case.event_map()
    found = voice_perspective(event.perspective, event.informant, perspective_by_person(case.perspectives))
    if found is not None:
        rows += [html.Dt(text("details_perspective_group", lang)), html.Dd([_swatch(found.colour), found.label])]
    outgoing = [link for link in case.links if link.source == event.id]
    incoming = [link for link in case.links if link.target == event.id]
    if outgoing:
        rows += [html.Dt(text("details_links_out", lang)),
                 html.Dd([html.Div([html.I(f"{link.label} "), _event_link(events, link.target)],
                                   className="details-link-row") for link in outgoing])]
    if incoming:
        rows += [html.Dt(text("details_links_in", lang)),
                 html.Dd([html.Div([_event_link(events, link.source), html.I(f" {link.label}")],
                                   className="details-link-row") for link in incoming])]
    chain = leads_to_chain(case.links, event.id)
    if len(chain) > 2:
        steps: list[Any] = []
        for i, event_id in enumerate(chain):
            if i:
                steps.append(html.Span(" → ", className="details-chain-arrow"))
            steps.append(html.Strong(events[event_id].title) if event_id == event.id and event_id in events
                         else _event_link(events, event_id))
        rows += [html.Dt(text("details_chain", lang)), html.Dd(steps, className="details-chain")]
    return rows
