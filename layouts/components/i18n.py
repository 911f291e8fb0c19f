"""Language helpers of the app: the supported languages, vocabulary labels and date formatting.

Interface strings come from the one catalogue, :func:`layouts.texts.text`. Case content (titles,
labels, notes) is never translated: it is shown as written. Vocabulary values from the case format
(event types, organisation types…) come from :func:`models.vocabulary.label`, through :func:`vocab`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import html

from layouts.texts import DEFAULT_LANG, LANGS, text
from models.partial_date import PartialDate
from models.vocabulary import label as vocab_label


def vocab(value: object, lang: str = DEFAULT_LANG) -> str:
    """A case-format vocabulary value (event type, organisation type…) in the reader's words."""
    return vocab_label(str(getattr(value, "value", value)), lang)


def format_day(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """``12 maart 2015`` in Dutch, ``12 March 2015`` in English."""
    return PartialDate.from_date(day).format(lang)


def format_partial(value: PartialDate | None, lang: str = DEFAULT_LANG) -> str:
    """A partial date the reader's way (``ca. maart 2015``); empty when unknown."""
    return value.format(lang) if value is not None else ""


def normal_lang(lang: str | None) -> str:
    """``lang`` when supported, else Dutch."""
    return lang if lang in LANGS else DEFAULT_LANG


def T(key: str, lang: str, tag: type = html.Span, **props: Any) -> Any:
    """Interface text that follows the language switch (``app.callbacks.case`` rewrites every such id)."""
    return tag(text(key, lang), id={"type": "i18n", "key": key}, **props)


DROPDOWN_LABELS = ("select_all", "deselect_all", "search", "clear_search", "clear_selection", "no_options_found")


def dropdown_labels(lang: str) -> dict[str, str]:
    """The words a ``dcc.Dropdown`` shows itself ("3 selected", "Search"…) in the reader's language."""
    labels = {name: text(f"dropdown_{name}", lang) for name in DROPDOWN_LABELS}
    labels["selected_count"] = text("dropdown_selected_count", lang, count="{num_selected}")
    return labels
