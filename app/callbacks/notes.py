"""The annotations panel and the facilitator's reflection notes in the side panel.

Selecting an annotation goes through the navigation callback (``app.callbacks.view``: trigger
``{"type": "annotation", "index": id}``); here the list is drawn. A reflection note typed in edit mode is
saved into the case as an edit (``edit_store.committed``), so undo works and the case shows as unsaved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, no_update

from app.auth import current_user
from app.edit_store import committed, current_data
from app.state import case_view, remember
from layouts.components.annotations_panel import (
    REFLECTION_CARDS,
    annotations_content,
    other_reflections_content,
    reflection_texts,
    reflections_shown,
    selected_annotation,
    tag_options,
    upsert_reflection,
    used_tags,
)
from layouts.components.i18n import normal_lang
from layouts.texts import text

REFLECTION_KEYS = {key: card for card, keys in REFLECTION_CARDS.items() for key in keys}


def reflection_values(view: Any, shown: list[dict[str, Any]], current: list[Any]) -> list[Any]:
    """The textareas' new values: the case's text per question, ``no_update`` where the box already shows it
    (so a box being typed in is not reset)."""
    texts = reflection_texts(view)
    out: list[Any] = []
    for item, value in zip(shown, current, strict=False):
        wanted = texts.get(item["id"]["key"], "")
        out.append(no_update if (value or "") == wanted else wanted)
    return out


def saved_reflections(data: dict[str, Any], changes: list[tuple[dict[str, Any], Any]],
                      author: str | None = None) -> Any:
    """The edit result after applying each changed box ``(id, value)`` in turn, or None when nothing changed;
    ``author``: who is logged in (the note's author)."""
    result = None
    for box, value in changes:
        key = box.get("key")
        if key not in REFLECTION_KEYS or int(box.get("card") or 0) != REFLECTION_KEYS[key]:
            continue
        step = upsert_reflection(data, REFLECTION_KEYS[key], key, value if isinstance(value, str) else "",
                                 author=author)
        if step is None:
            continue
        if not step.ok or step.data is None:
            return step
        result, data = step, step.data
    return result


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the annotation panel and reflection note callbacks to ``app``."""

    @app.callback(
        Output("annotations", "children"), Output("annotations-card", "hidden"),
        Output("annotation-tag", "options"), Output("annotation-tag", "placeholder"),
        Input("case-store", "data"), Input("lang", "value"), Input("selection-store", "data"),
        Input("annotation-tag", "value"), Input("edit-mode", "value"),
    )
    def _annotations(store: Any, lang: str, selection: Any, tag: str | None, edit: bool) -> tuple:
        lang = normal_lang(lang)
        view = case_view(store)
        if view is None or not view.case.annotations:
            return None, True, [], text("notes_filter_all", lang)
        tags = used_tags(view)
        content = annotations_content(view, lang, tag if tag in tags else None, selected_annotation(selection),
                                      bool(edit))
        return content, False, tag_options(view, lang), text("notes_filter_all", lang)

    @app.callback(
        Output({"type": "reflection", "card": ALL, "key": ALL}, "value"),
        Output({"type": "reflection", "card": ALL, "key": ALL}, "readOnly"),
        Output("reflections-card", "hidden"), Output("reflections-hint", "hidden"),
        Output("reflections-other", "children"),
        Input("case-store", "data"), Input("edit-mode", "value"), Input("lang", "value"),
        Input("projector", "value"), Input("wall-notes", "value"),
        State({"type": "reflection", "card": ALL, "key": ALL}, "value"),
    )
    def _reflections(store: Any, edit: bool, lang: str, projector: bool, wall_notes: bool,
                     current: list[Any]) -> tuple:
        view = case_view(store)
        shown = ctx.outputs_list[0]
        edit = bool(edit)
        # on the wall the facilitator may show the card 3/4 questions even before anything is written
        on_wall = view is not None and bool(projector) and bool(wall_notes)
        return (reflection_values(view, shown, current), [not edit] * len(shown),
                not (reflections_shown(view, edit) or on_wall), edit,
                other_reflections_content(view, normal_lang(lang)))

    @app.callback(
        Output("case-store", "data", allow_duplicate=True), Output("history-store", "data", allow_duplicate=True),
        Input({"type": "reflection", "card": ALL, "key": ALL}, "value"),
        State("case-store", "data"), State("history-store", "data"), State("edit-mode", "value"),
        prevent_initial_call=True,
    )
    def _save_reflection(_values: list[Any], store: Any, history: Any, edit: bool) -> tuple:
        data = current_data(store)
        if not edit or data is None:
            return no_update, no_update
        fired = [i for i in ctx.triggered_prop_ids.values() if isinstance(i, dict)]
        changes = [(item["id"], item.get("value")) for item in ctx.inputs_list[0] if item.get("id") in fired]
        result = saved_reflections(data, changes, current_user())
        if result is None or not result.ok or result.data is None:
            return no_update, no_update
        new_store, new_history = committed(store, history, result.data)
        if result.case is not None:
            remember(new_store, result.case)
        return new_store, new_history

