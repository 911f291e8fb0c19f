"""The side panel's annotations list and the facilitator's reflection notes (pure: case in, components out).

Annotations are listed with their tag, text, author, date and targets, filterable by tag; clicking one
selects it (selection kind ``"annotation"``), which highlights its targets in both figures (see
:func:`annotation_highlights`). Reflection notes hold one text per question of work cards 3 and 4; they
are matched to a question by card and question text (in either language) and saved in Dutch.

Case strings are always plain text children (Dash escapes them); nothing is rendered as HTML or Markdown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts.components.i18n import T, dropdown_labels, format_day, format_partial, vocab
from layouts.texts import text, texts_of
from models import Annotation
from models.case import ReflectionNote
from models.case_view import CaseView
from models.editing import CaseData, EditResult, delete_item, put_item
from models.vocabulary import SUGGESTED_ANNOTATION_TAGS

REFLECTION_CARDS: dict[int, tuple[str, ...]] = {
    3: ("card3_q1", "card3_q2", "card3_q3", "card3_q4", "card3_q5"),
    4: ("card4_q1", "card4_q2", "card4_q3", "card4_q4"),
}
"""Work cards 3 (timeline) and 4 (geno-sociogram): their questions as catalogue keys, as in the report."""

ALL_TAGS = ""
"""The tag filter's value for "every tag"."""


# --- annotations ---------------------------------------------------------------------------------------------

def used_tags(view: CaseView) -> list[str]:
    """The tags the case's annotations use: the suggested ones first (in their order), then the rest sorted."""
    tags = {a.tag for a in view.case.annotations}
    return [t for t in SUGGESTED_ANNOTATION_TAGS if t in tags] + sorted(tags - set(SUGGESTED_ANNOTATION_TAGS))


def tag_options(view: CaseView | None, lang: str) -> list[dict[str, str]]:
    return [{"label": vocab(t, lang), "value": t} for t in used_tags(view)] if view else []


def filtered(view: CaseView, tag: str | None) -> list[Annotation]:
    """The case's annotations with ``tag`` (all of them when ``tag`` is empty), in file order."""
    return [a for a in view.case.annotations if not tag or a.tag == tag]


def annotation(view: CaseView, annotation_id: str | None) -> Annotation | None:
    return next((a for a in view.case.annotations if a.id == annotation_id), None)


def target_events(view: CaseView, note: Annotation) -> list[str]:
    """The events an annotation is about: its own, or else those that fall in its date range (in time order)."""
    events = [e for e in note.target.events if e in view.events]
    if not events and note.target.date_range is not None:
        first = note.target.date_range.start.earliest()
        last = (note.target.date_range.end or note.target.date_range.start).latest()
        events = [e.id for e in view.ordered if e.start_day() <= last and e.end_day() >= first]
    return sorted(events, key=lambda e: view.order.get(e, 0))


def annotation_highlights(view: CaseView, annotation_id: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Highlight options (timeline, geno-sociogram) for a selected annotation: its events on the timeline; its
    persons and the persons of its events in the geno-sociogram."""
    note = annotation(view, annotation_id)
    if note is None:
        return {}, {}
    events = target_events(view, note)
    persons = [p for p in note.target.persons if p in view.person_names]
    for event_id in events:
        persons += [p for p in view.events[event_id].persons if p not in persons]
    organisations: list[str] = []
    for event_id in events:
        organisations += [o for o in view.event_organisations(view.events[event_id]) if o not in organisations]
    timeline = {"highlight_events": events} if events else {"highlight_persons": persons}
    network: dict[str, Any] = {"highlight_persons": persons}
    if events:
        network.update(highlight_events=events, highlight_organisations=organisations)
    return timeline, network


def target_names(view: CaseView, note: Annotation, lang: str) -> list[str]:
    """What an annotation is attached to, in words: event titles, person labels and its period."""
    names = [view.events[e].title for e in note.target.events if e in view.events]
    names += [view.person_names.get(p, p) for p in note.target.persons]
    period = period_text(note, lang)
    return [*names, period] if period else names


def period_text(note: Annotation, lang: str) -> str | None:
    """The stretch of time an annotation is about, in words, or None."""
    period = note.target.date_range
    if period is None:
        return None
    return text("notes_period", lang, start=format_partial(period.start, lang),
                end=format_partial(period.end, lang) or "…")


def _created(value: dt.datetime | None, lang: str) -> str:
    return format_day(value.date(), lang) if value is not None else ""


def annotation_item(view: CaseView, note: Annotation, lang: str, *, selected: bool = False,
                    edit: bool = False) -> html.Li:
    """One annotation in the list: a button that selects it, and in edit mode a ✎ button that changes it."""
    meta = [part for part in (note.author, _created(note.created, lang)) if part]
    targets = target_names(view, note, lang)
    body = html.Button([
        html.Span(vocab(note.tag, lang), className="badge note-tag"), " ",
        html.Span(note.text, className="note-text"),
        html.Span(" · ".join(meta), className="note-meta small text-muted d-block") if meta else None,
        html.Span("→ " + "; ".join(targets), className="note-targets small d-block") if targets else None,
    ], id={"type": "annotation", "index": note.id}, n_clicks=0, type="button",
        className="btn btn-link annotation-button p-0 text-start", **{"aria-pressed": "true" if selected else "false"})
    change = html.Button("✎", id={"type": "edit-open", "collection": "annotations", "id": note.id}, n_clicks=0,
                         type="button", className="btn btn-outline-secondary btn-sm annotation-edit",
                         title=text("notes_change", lang), **{"aria-label": text("notes_change", lang)}) \
        if edit else None
    return html.Li([body, change], className="annotation-item" + (" selected" if selected else ""))


def annotations_content(view: CaseView | None, lang: str, tag: str | None = None, selected: str | None = None,
                        edit: bool = False) -> Any:
    """The annotation list for the case, filtered by ``tag``, with the ``selected`` one marked."""
    if view is None:
        return None
    notes = filtered(view, tag)
    if not notes:
        return html.P(text("notes_none", lang), className="text-muted small mb-0")
    return html.Ul([annotation_item(view, n, lang, selected=n.id == selected, edit=edit) for n in notes],
                   className="annotation-list")


def selected_annotation(selection: dict[str, str] | None) -> str | None:
    return selection.get("id") if selection and selection.get("kind") == "annotation" else None


def annotations_card(lang: str) -> html.Section:
    """The side card (filled by ``app.callbacks.notes``); hidden until the case has annotations."""
    return html.Section([
        html.H2(T("notes_title", lang),
                className="section-title"),
        html.Div([
            html.Label(T("notes_filter", lang),
                       htmlFor="annotation-tag", className="form-label small"),
            dcc.Dropdown(id="annotation-tag", options=[], value=None, clearable=True, searchable=False,
                         placeholder=text("notes_filter_all", lang), labels=dropdown_labels(lang)),
        ], className="annotation-filter mb-2"),
        html.Div(id="annotations", className="annotations"),
    ], className="side-card annotations-card", id="annotations-card", hidden=True)


# --- reflection notes ----------------------------------------------------------------------------------------

def question_texts(key: str) -> set[str]:
    return {value.strip() for value in texts_of(key)}


def find_reflection(notes: list[Any], card: int, key: str) -> Any | None:
    """The note (model or JSON item) for question ``key`` of work card ``card``, or None."""
    wanted = question_texts(key)
    for note in notes:
        get = note.get if isinstance(note, dict) else lambda name, n=note: getattr(n, name, None)
        if get("card") == card and str(get("question") or "").strip() in wanted:
            return note
    return None


def reflection_texts(view: CaseView | None) -> dict[str, str]:
    """Question key → the case's note text, for every question of cards 3 and 4."""
    notes = list(view.case.reflections) if view else []
    found: dict[str, str] = {}
    for card, keys in REFLECTION_CARDS.items():
        for key in keys:
            note = find_reflection(notes, card, key)
            found[key] = note.text if note is not None else ""
    return found


def other_reflections(view: CaseView | None) -> list[ReflectionNote]:
    """Notes on questions that are not one of the card 3 and 4 questions (shown as they are, read only)."""
    if view is None:
        return []
    known = [find_reflection(view.case.reflections, card, key) for card, keys in REFLECTION_CARDS.items()
             for key in keys]
    return [n for n in view.case.reflections if not any(n is k for k in known)]


def upsert_reflection(data: CaseData, card: int, key: str, value: str | None,
                      now: dt.datetime | None = None, author: str | None = None) -> EditResult | None:
    """The case with the note for question ``key`` of card ``card`` set to ``value`` (removed when empty),
    or None when nothing changes. The question is saved in Dutch; ``updated`` is set to ``now``, ``author``
    (who is logged in, if anyone) to who wrote this version."""
    value = value or ""
    old = find_reflection(data.get("reflections") or [], card, key)
    if old is None and not value.strip():
        return None
    if old is not None and old.get("text", "") == value:
        return None
    if not value.strip():
        return delete_item(data, "reflections", old["id"])
    now = (now or dt.datetime.now()).replace(microsecond=0)
    item = {**(old or {}), "card": card, "question": text(key, "nl"), "text": value, "updated": now.isoformat()}
    if author:
        item["author"] = author
    return put_item(data, "reflections", item)


def reflection_field(card: int, key: str, lang: str, value: str, edit: bool) -> html.Div:
    box_id = {"type": "reflection", "card": card, "key": key}
    return html.Div([
        html.Label(T(key, lang), className="form-label small mb-1",
                   htmlFor=f'{{"card":{card},"key":"{key}","type":"reflection"}}'),
        dbc.Textarea(id=box_id, value=value, debounce=True, readOnly=not edit, rows=2, maxLength=20_000,
                     class_name="form-control-sm reflection-text"),
    ], className="reflection-field mb-2")


def reflections_card(lang: str) -> html.Section:
    """The facilitator's notes on the card 3 and 4 questions: one textarea per question (filled by a callback)."""
    cards = []
    for card, keys in REFLECTION_CARDS.items():
        title = f"card{card}_title"
        cards.append(html.H3(T(title, lang), className="details-sub"))
        cards.extend(reflection_field(card, key, lang, "", False) for key in keys)
    return html.Section([
        html.H2(T("reflections_title", lang),
                className="section-title"),
        html.P(T("reflections_hint", lang),
               id="reflections-hint", className="small text-muted"),
        *cards,
        html.Div(id="reflections-other"),
    ], className="side-card reflections-card", id="reflections-card", hidden=True)


def other_reflections_content(view: CaseView | None, lang: str) -> Any:
    notes = other_reflections(view)
    if not notes:
        return None
    return [html.H3(text("reflections_other", lang), className="details-sub"),
            html.Dl([part for n in notes for part in (html.Dt(n.question), html.Dd(n.text))], className="small")]


def reflections_shown(view: CaseView | None, edit: bool) -> bool:
    """The card shows in edit mode, and otherwise only when the case has notes."""
    return view is not None and (edit or bool(view.case.reflections))
