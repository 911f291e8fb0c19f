"""The side panel's details of the selected person, event or organisation.

Case strings are always plain text children (Dash escapes them); nothing is rendered as HTML or Markdown.
"""

from __future__ import annotations

from typing import Any

from dash import html

from layouts.components.i18n import format_day, format_partial, vocab
from layouts.components.link_details import group_rows
from layouts.texts import text
from models import Event
from models.case_view import CaseView

MAX_LISTED = 12
"""Events listed under a person or organisation before "and n more"."""


def link(kind: str, item_id: str, text: str) -> html.Button:
    """A keyboard-usable link that selects another item."""
    return html.Button(text, id={"type": "detail-link", "kind": kind, "id": item_id}, n_clicks=0, type="button",
                       className="btn btn-link detail-link p-0")


def _row(label: str, value: Any) -> list[Any]:
    if value is None or value == "" or value == []:
        return []
    return [html.Dt(label), html.Dd(value)]


def _event_when(event: Event, lang: str) -> str:
    text = format_partial(event.date, lang)
    if event.end is not None:
        text += f" – {format_partial(event.end, lang)}"
    return text


def _join(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for i, item in enumerate(items):
        if i:
            out.append(", ")
        out.append(item)
    return out


def _event_list(view: CaseView, ids: set[str], lang: str) -> Any:
    events = sorted((view.events[i] for i in ids if i in view.events), key=lambda e: view.order[e.id])
    items = [html.Li([html.Span(format_partial(e.date, lang), className="when"), " ",
                      link("event", e.id, e.title)]) for e in events[:MAX_LISTED]]
    if len(events) > MAX_LISTED:
        items.append(html.Li(f"… +{len(events) - MAX_LISTED}", className="text-muted"))
    return html.Ul(items, className="event-list") if items else None


def _annotations(view: CaseView, *, event_id: str | None = None, person_id: str | None = None,
                 lang: str) -> list[Any]:
    notes = [a for a in view.case.annotations
             if (event_id and event_id in a.target.events) or (person_id and person_id in a.target.persons)]
    if not notes:
        return []
    items = [html.Li([html.Span(vocab(a.tag, lang), className="badge note-tag"), " ", a.text]) for a in notes]
    return [html.H3(text("f_annotations", lang), className="details-sub"), html.Ul(items, className="notes")]


def person_details(view: CaseView, person_id: str, lang: str) -> Any:
    person = view.case.person_map().get(person_id)
    if person is None:
        return None
    kind = vocab(person.kind, lang)
    if person.id == view.case.index_person:
        kind += f" · {text('f_index', lang)}"
    involved = None
    if person.involvement is not None:
        involved = (f"{format_partial(person.involvement.start, lang) or '…'} – "
                    f"{format_partial(person.involvement.end, lang) or text('open_end', lang)}")
    died = format_partial(person.death, lang) or (text("f_deceased", lang) if person.deceased else None)
    org = person.organisation
    rows = [
        *_row(text("f_kind", lang), kind),
        *_row(text("f_role", lang), person.role),
        *_row(text("f_born", lang), format_partial(person.birth, lang)),
        *_row(text("f_died", lang), died),
        *_row(text("organisation", lang), link("organisation", org, view.organisation_names.get(org, org))
              if org else None),
        *_row(text("f_involved", lang), involved),
        *_row(text("f_note", lang), person.note),
    ]
    ids = view.person_events.get(person.id, set())
    return html.Div([
        html.Div(text("kind_person", lang), className="details-kind"),
        html.H3(person.label, className="details-title"),
        html.Dl(rows, className="details-list"),
        html.H3(text("n_events", lang, n=len(ids)), className="details-sub"),
        _event_list(view, ids, lang),
        *_annotations(view, person_id=person.id, lang=lang),
    ])


def event_details(view: CaseView, event_id: str, lang: str) -> Any:
    event = view.events.get(event_id)
    if event is None:
        return None
    names = view.person_names
    persons = _join([link("person", p, names.get(p, p)) for p in event.persons])
    orgs = view.organisation_names
    placement = None
    if event.placement is not None:
        placement = vocab(event.placement.setting, lang)
        if event.placement.location:
            placement += f" · {event.placement.location}"
        if event.placement.crisis:
            placement += f" ({text('crisis', lang)})"
    decision_rows: list[Any] = []
    if event.decision is not None:
        deciders = [link("person", d, names[d]) if d in names else
                    link("organisation", d, orgs[d]) if d in orgs else d for d in event.decision.decided_by]
        decision_rows = [
            *_row(text("f_decided_by", lang), _join(deciders) or None),
            *_row(text("f_family_involved", lang), vocab(event.decision.family_involved, lang)),
            *_row(text("f_rationale", lang), event.decision.rationale),
        ]
    rows = [
        *_row(text("date", lang), _event_when(event, lang)),
        *_row(text("type", lang), vocab(event.type, lang)),
        *_row(text("layer", lang), vocab(event.layer, lang)),
        *_row(text("f_persons", lang), persons or None),
        *_row(text("organisation", lang),
              link("organisation", event.organisation, orgs.get(event.organisation, event.organisation))
              if event.organisation else None),
        *_row(text("f_to_organisation", lang),
              link("organisation", event.to_organisation, orgs.get(event.to_organisation, event.to_organisation))
              if event.to_organisation else None),
        *_row(text("f_placement", lang), placement),
        *decision_rows,
        *_row(text("f_perspective", lang),
              names.get(event.perspective, event.perspective) if event.perspective else None),
        *_row(text("f_statement_kind", lang), vocab(event.statement_kind, lang) if event.statement_kind else None),
        *_row(text("f_certainty", lang),
              vocab(event.certainty, lang) if event.certainty.value != "confirmed" else None),
        *_row(text("f_source", lang), view.source_titles.get(event.source, event.source) if event.source else None),
        *group_rows(view.case, event, lang),
    ]
    return html.Div([
        html.Div(text("event", lang), className="details-kind"),
        html.H3(event.title, className="details-title"),
        html.P(event.description, className="details-description") if event.description else None,
        html.Dl(rows, className="details-list"),
        *_annotations(view, event_id=event.id, lang=lang),
    ])


def organisation_details(view: CaseView, org_id: str, lang: str) -> Any:
    org = view.case.organisation_map().get(org_id)
    if org is None:
        return None
    people = [p for p in view.case.persons if p.organisation == org.id]
    ids = view.organisation_events.get(org.id, set())
    return html.Div([
        html.Div(text("organisation", lang), className="details-kind"),
        html.H3(org.name, className="details-title"),
        html.Dl([*_row(text("type", lang), vocab(org.type, lang)),
                 *_row(text("f_people", lang), _join([link("person", p.id, p.label) for p in people]) or None),
                 *_row(text("f_note", lang), org.note)], className="details-list"),
        html.H3(text("n_events", lang, n=len(ids)), className="details-sub"),
        _event_list(view, ids, lang),
    ])


def finding_details(view: CaseView, finding_id: str, lang: str) -> Any:
    from models.case_view import finding

    found = finding(view, finding_id)
    if found is None:
        return None
    return html.Div([
        html.Div(text("kind_finding", lang), className="details-kind"),
        html.H3(found.title(lang), className="details-title"),
        html.P(found.question(lang), className="details-description fst-italic"),
        html.H3(text("n_events", lang, n=len(found.evidence_events)), className="details-sub")
        if found.evidence_events else None,
        _event_list(view, set(found.evidence_events), lang),
    ])


def annotation_details(view: CaseView, annotation_id: str, lang: str) -> Any:
    from layouts.components.annotations_panel import annotation, period_text, target_events

    note = annotation(view, annotation_id)
    if note is None:
        return None
    persons = _join([link("person", p, view.person_names.get(p, p)) for p in note.target.persons])
    events = set(target_events(view, note))
    return html.Div([
        html.Div(text("kind_annotation", lang), className="details-kind"),
        html.Div(html.Span(vocab(note.tag, lang), className="badge note-tag")),
        html.P(note.text, className="details-description"),
        html.Dl([*_row(text("field_annotations_author", lang), note.author),
                 *_row(text("notes_created", lang), format_day(note.created.date(), lang) if note.created else None),
                 *_row(text("f_persons", lang), persons or None),
                 *_row(text("date", lang), period_text(note, lang))], className="details-list"),
        html.H3(text("n_events", lang, n=len(events)), className="details-sub") if events else None,
        _event_list(view, events, lang),
    ])


def details(view: CaseView | None, selection: dict[str, str] | None, lang: str) -> Any:
    """The details panel's content for ``selection`` (``{"kind": ..., "id": ...}``)."""
    if view is None or not selection:
        return html.P(text("details_empty", lang), className="text-muted details-empty")
    kind, item = selection.get("kind"), selection.get("id", "")
    build = {"person": person_details, "event": event_details, "organisation": organisation_details,
             "finding": finding_details, "annotation": annotation_details}.get(kind or "")
    content = build(view, item, lang) if build else None
    return content if content is not None else html.P(text("details_empty", lang), className="text-muted")
