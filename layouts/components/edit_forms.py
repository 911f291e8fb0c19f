"""Forms that fit the case model: which fields each kind of item has, how they are drawn and read back.

A form field's id is ``{"type": "edit-field", "field": <dotted name>}``; its message slot is
``{"type": "edit-feedback", "field": ...}`` and its wrapper ``{"type": "edit-wrap", "field": ...}``.
Reading a form gives the item as JSON data (nested by the dotted names), which
:func:`models.editing.put_item` checks with the loader's rules.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from layouts.components.i18n import dropdown_labels, vocab
from layouts.texts import text
from models.editing import CaseData, Item, clean_item
from models.partial_date import normal_date
from models.vocabulary import (
    SUGGESTED_ANNOTATION_TAGS,
    Certainty,
    EventType,
    FamilyInvolved,
    Gender,
    Layer,
    OrganisationType,
    ParentKind,
    PartnerStatus,
    PersonKind,
    PlacementSetting,
    RelationshipType,
    StatementKind,
)

ENUMS = {"layer": Layer, "event_type": EventType, "person_kind": PersonKind, "gender": Gender,
         "organisation_type": OrganisationType, "relationship_type": RelationshipType, "certainty": Certainty,
         "statement_kind": StatementKind, "placement_setting": PlacementSetting, "family_involved": FamilyInvolved,
         "parent_kind": ParentKind, "partner_status": PartnerStatus}


@dataclass(frozen=True)
class FormField:
    """One field of an item form."""

    name: str  # dotted path in the item, e.g. "placement.setting"
    kind: str  # text | textarea | date | select | multi | check | radio
    choices: str | None = None  # an ENUMS key, or "persons", "organisations", "actors", "events", "tags"
    quick: bool = False  # shown in quick add; the rest sit under "more fields"
    show_if: tuple[str, tuple[str, ...]] | None = None  # shown only when another field has one of these values
    default: Any = None


CUSTOM_TAG = "tag_custom"
"""An annotation form's own-tag field: when filled it replaces the chosen tag (it is not a case field)."""

FORMS: dict[str, tuple[FormField, ...]] = {
    "events": (
        FormField("date", "date", quick=True),
        FormField("end", "date", quick=True),
        FormField("approximate", "check", quick=True, default=False),
        FormField("layer", "radio", "layer", quick=True, default="formal"),
        FormField("type", "select", "event_type", quick=True, default="meeting"),
        FormField("title", "text", quick=True),
        FormField("key_moment", "check", quick=True, default=False),
        FormField("persons", "multi", "persons", quick=True, default=[]),
        FormField("organisation", "select", "organisations", quick=True),
        FormField("placement.setting", "select", "placement_setting", quick=True, show_if=("type", ("placement",))),
        FormField("placement.location", "text", show_if=("type", ("placement",))),
        FormField("placement.crisis", "check", show_if=("type", ("placement",)), default=False),
        FormField("decision.family_involved", "select", "family_involved",
                  show_if=("type", ("decision", "court_order"))),
        FormField("decision.decided_by", "multi", "actors", show_if=("type", ("decision", "court_order")), default=[]),
        FormField("decision.rationale", "textarea", show_if=("type", ("decision", "court_order"))),
        FormField("to_organisation", "select", "organisations", show_if=("type", ("referral", "placement"))),
        FormField("perspective", "select", "persons", show_if=("layer", ("lived",))),
        FormField("statement_kind", "select", "statement_kind"),
        FormField("certainty", "select", "certainty", default="confirmed"),
        FormField("source", "select", "sources"),
        FormField("description", "textarea"),
    ),
    "persons": (
        FormField("label", "text", quick=True),
        FormField("kind", "radio", "person_kind", quick=True, default="family"),
        FormField("gender", "select", "gender", quick=True, default="unknown"),
        FormField("birth", "date", quick=True),
        FormField("role", "text", quick=True),
        FormField("organisation", "select", "organisations", quick=True, show_if=("kind", ("professional",))),
        FormField("death", "date"),
        FormField("deceased", "check", default=False),
        FormField("involvement.start", "date"),
        FormField("involvement.end", "date"),
        FormField("note", "textarea"),
    ),
    "organisations": (
        FormField("name", "text", quick=True),
        FormField("short_name", "text"),
        FormField("type", "select", "organisation_type", quick=True),
        FormField("note", "textarea"),
    ),
    "relationships": (
        FormField("source", "select", "persons", quick=True),
        FormField("type", "select", "relationship_type", quick=True, default="close"),
        FormField("target", "select", "persons", quick=True),
        FormField("parent_kind", "select", "parent_kind", show_if=("type", ("parent",))),
        FormField("status", "select", "partner_status", show_if=("type", ("partner",))),
        FormField("married", "date", show_if=("type", ("partner",))),
        FormField("separated", "date", show_if=("type", ("partner",))),
        FormField("divorced", "date", show_if=("type", ("partner",))),
        FormField("start", "date"),
        FormField("end", "date"),
        FormField("view", "select", "persons"),
        FormField("certainty", "select", "certainty", default="confirmed"),
        FormField("note", "textarea"),
    ),
    "annotations": (
        FormField("tag", "select", "tags", quick=True, default="question"),
        FormField(CUSTOM_TAG, "text", quick=True),
        FormField("text", "textarea", quick=True),
        FormField("target.events", "multi", "events", quick=True, default=[]),
        FormField("target.persons", "multi", "persons", quick=True, default=[]),
        FormField("target.date_range.start", "date"),
        FormField("target.date_range.end", "date"),
        FormField("author", "text"),
    ),
}

CHECK_FIELDS = {f.name for fields in FORMS.values() for f in fields if f.kind == "check"}


# --- reading a form back ------------------------------------------------------------------------

def read_form(collection: str, values: dict[str, Any], item_id: str | None = None) -> Item:
    """The item a form's ``values`` (by dotted field name) describe, hidden fields left out."""
    fields = {f.name: f for f in FORMS[collection]}
    item: Item = {"id": item_id} if item_id else {}
    for name, value in values.items():
        spec = fields.get(name)
        if spec is None or not field_shown(spec, values):
            continue
        if spec.kind == "date":
            value = normal_date(value)
        if spec.kind == "check" and not value:
            continue  # False is every checkbox's default: leave it out of the file
        if name == CUSTOM_TAG:
            continue  # applied below, after the chosen tag
        holder = item
        *parents, last = name.split(".")
        for part in parents:
            holder = holder.setdefault(part, {})
        holder[last] = value
    custom = values.get(CUSTOM_TAG)
    if collection == "annotations" and isinstance(custom, str) and custom.strip():
        item["tag"] = custom.strip()
    return clean_item(item)


def edited_item(collection: str, values: dict[str, Any], old: Item | None, item_id: str | None = None) -> Item:
    """The item after the form: ``old`` with every form field replaced by the form's value.

    Fields the form does not show (an event's sources, a person's layout pin…) are kept as they were;
    a form field that is now empty or hidden is removed.
    """
    item = copy.deepcopy(old) if old else {}
    for spec in FORMS[collection]:
        *parents, last = spec.name.split(".")
        holder: Any = item
        for part in parents:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict):
            holder.pop(last, None)
    new = read_form(collection, values, item_id or (old or {}).get("id"))
    return clean_item(_deep_merge(item, new))


def _deep_merge(base: Item, extra: Item) -> Item:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = value
    return base


def field_shown(spec: FormField, values: dict[str, Any]) -> bool:
    if spec.show_if is None:
        return True
    other, wanted = spec.show_if
    return values.get(other) in wanted


def form_values(collection: str, item: Item | None) -> dict[str, Any]:
    """The value of every field of the form for ``item`` (defaults for a new item)."""
    values: dict[str, Any] = {}
    for spec in FORMS[collection]:
        value: Any = item
        for part in spec.name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        values[spec.name] = spec.default if value is None and item is None else value
        if spec.kind == "check":
            values[spec.name] = bool(values[spec.name])
        if spec.kind == "multi" and values[spec.name] is None:
            values[spec.name] = []
    return values


# --- drawing a form -----------------------------------------------------------------------------

def choice_options(choices: str, data: CaseData, lang: str, extra: Sequence[str] = ()) -> list[dict[str, str]]:
    """Options for a select field: vocabulary in the reader's words, or the case's own items."""
    if choices in ENUMS:
        return [{"label": vocab(value, lang), "value": value.value} for value in ENUMS[choices]]
    persons = [{"label": p.get("label", p["id"]), "value": p["id"]} for p in data.get("persons") or []]
    organisations = [{"label": o.get("name", o["id"]), "value": o["id"]} for o in data.get("organisations") or []]
    if choices == "persons":
        return persons
    if choices == "organisations":
        return organisations
    if choices == "actors":
        return organisations + persons
    if choices == "events":
        return [{"label": f"{e.get('date', '')} · {e.get('title', e['id'])}", "value": e["id"]}
                for e in sorted(data.get("events") or [], key=lambda e: (str(e.get("date", "")).lstrip("~"), e["id"]))]
    if choices == "sources":
        return [{"label": s.get("title", s["id"]), "value": s["id"]} for s in data.get("sources") or []]
    if choices == "tags":
        used = [a.get("tag") for a in data.get("annotations") or []]
        tags = list(dict.fromkeys([*SUGGESTED_ANNOTATION_TAGS, *[u for u in used if u], *extra]))
        return [{"label": vocab(tag, lang), "value": tag} for tag in tags]
    raise ValueError(f"unknown choices {choices!r}")


def field_label(collection: str, name: str, lang: str) -> str:
    """A form field's label: catalogue key ``field_<collection>_<dotted name with underscores>``."""
    return text(f"field_{collection}_{name.replace('.', '_')}", lang)


def _control(spec: FormField, collection: str, value: Any, data: CaseData, lang: str) -> Any:
    field_id = {"type": "edit-field", "field": spec.name}
    if spec.kind == "text":
        return dbc.Input(id=field_id, type="text", value=value or "", debounce=True, maxLength=300,
                         autocomplete="off")
    if spec.kind == "textarea":
        return dbc.Textarea(id=field_id, value=value or "", debounce=True, rows=3, maxLength=20000)
    if spec.kind == "date":
        return dbc.Input(id=field_id, type="text", value=value or "", debounce=True, maxLength=20,
                         placeholder=text("date_placeholder", lang), autocomplete="off")
    if spec.kind == "check":
        return dbc.Checkbox(id=field_id, value=bool(value), label=field_label(collection, spec.name, lang))
    assert spec.choices is not None
    options = choice_options(spec.choices, data, lang, extra=[value] if spec.choices == "tags" and value else ())
    if spec.kind == "radio":
        return dbc.RadioItems(id=field_id, value=value, options=options, inline=True)
    if spec.kind == "multi":
        return dcc.Dropdown(id=field_id, value=value or [], options=options, multi=True,
                            placeholder=text("choose_placeholder", lang), labels=dropdown_labels(lang))
    return dcc.Dropdown(id=field_id, value=value, options=options, clearable=True,
                        placeholder=text("choose_placeholder", lang), labels=dropdown_labels(lang))


def field_block(spec: FormField, collection: str, values: dict[str, Any], data: CaseData, lang: str) -> html.Div:
    """One labelled field with its message slot."""
    control = _control(spec, collection, values.get(spec.name), data, lang)
    label = [] if spec.kind == "check" else [
        html.Label(field_label(collection, spec.name, lang), htmlFor=_dom_id(spec.name),
                   className="form-label small mb-0")]
    return html.Div([
        *label, control,
        html.Div(id={"type": "edit-feedback", "field": spec.name}, className="edit-feedback small text-danger",
                 **{"aria-live": "polite"}),
    ], id={"type": "edit-wrap", "field": spec.name}, className="edit-wrap mb-2",
        hidden=not field_shown(spec, values))


def _dom_id(name: str) -> str:
    """The DOM id Dash gives a component with the dict id ``{"field": name, "type": "edit-field"}``."""
    return '{"field":"' + name + '","type":"edit-field"}'


def form_body(collection: str, item: Item | None, data: CaseData, lang: str,
              preset: dict[str, Any] | None = None) -> list[Any]:
    """The fields of the form for ``item`` (None: a new item, with ``preset`` values filled in)."""
    values = form_values(collection, item)
    if item is None and preset:
        values.update({k: v for k, v in preset.items() if k in values})
    quick = [field_block(spec, collection, values, data, lang) for spec in FORMS[collection] if spec.quick]
    more = [field_block(spec, collection, values, data, lang) for spec in FORMS[collection] if not spec.quick]
    body: list[Any] = [html.Div(quick, className="edit-quick")]
    if more:
        body.append(html.Details([html.Summary(text("edit_more_fields", lang)), html.Div(more, className="pt-2")],
                                 className="edit-more", open=item is not None))
    return body


def problems_by_field(collection: str, item_path: str | None, problems: Sequence[Any]) -> tuple[
        dict[str, list[Any]], list[Any]]:
    """The problems of an edited item by form field, and those no field of the form can show."""
    names = [spec.name for spec in FORMS[collection]]
    by_field: dict[str, list[Any]] = {}
    general: list[Any] = []
    for problem in problems:
        rest = problem.path[len(item_path):] if item_path and problem.path.startswith(item_path) else None
        dotted = re.sub(r"\[\d+\]", "", rest or "").lstrip(".")
        match = None
        if rest is not None and dotted:
            match = next((n for n in sorted(names, key=len, reverse=True)
                          if dotted == n or dotted.startswith(n + ".")), None)
            match = match or next((n for n in names if n.startswith(dotted + ".")), None)
        if match:
            by_field.setdefault(match, []).append(problem)
        else:
            general.append(problem)
    return by_field, general
