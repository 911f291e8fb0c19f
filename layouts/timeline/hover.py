"""The marks' hover, built in the browser: per point a compact ``customdata`` row, per trace one template.

Every mark that stands for an event carries ``customdata`` ``[event id, title, dates, rest]`` (the fields of
:meth:`layouts.timeline.text.HoverWriter.parts`, escaped), and its trace one ``hovertemplate`` that puts
them together round the event type's word (:func:`mark_template`). No hover HTML is stored per point.

User text stays inert: plotly.js fills a template in one pass (a ``%{`` inside a filled-in value is not read
as a placeholder) and then reads the result's HTML-like tags, so the fields are escaped like every drawn
string (:func:`layouts.inert.drawn_text`); the template holds only casusbeeld's own words, whose ``{`` is
written as an entity all the same.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from layouts.inert import drawn_text

ID, TITLE, WHEN, REST = range(4)
"""The columns of a mark's ``customdata`` row."""

_FIELD = re.compile(r"%\{customdata\[(\d+)\]\}")


def template_text(words: str) -> str:
    """Fixed words made safe for a hover template: inert HTML, and no ``%{`` that plotly would fill in."""
    return drawn_text(words).replace("{", "&#123;").replace("}", "&#125;")


def mark_template(type_word: str) -> str:
    """The hover template of a trace of marks of one event type (``type_word``: the type's word)."""
    return (f"<b>%{{customdata[{TITLE}]}}</b><br>%{{customdata[{WHEN}]}}<br>{template_text(type_word)}"
            f"%{{customdata[{REST}]}}<extra></extra>")


STRINGS = np.dtypes.StringDType()
"""numpy's variable-width string type: plotly.py copies a figure's arrays twice (building it and writing its
JSON), and an array of this type is copied in one go, where an object array is copied string by string."""


def mark_rows(ids: list[str], parts: list[tuple[str, str, str]]) -> np.ndarray:
    """The ``customdata`` rows (N × 4 strings) of marks with these ids and hover fields."""
    rows = np.empty((len(ids), 4), dtype=object)
    if len(ids):
        rows[:, ID] = ids
        rows[:, TITLE:] = parts
    return rows.astype(STRINGS)


def point_ids(customdata: Any) -> list[str]:
    """The event ids of a trace's points: the first column of its ``customdata`` rows (or the values
    themselves when they are plain ids)."""
    if customdata is None:
        return []
    return [str(row[0] if isinstance(row, list | tuple | np.ndarray) else row) for row in customdata]


def hover_of(trace: Any, index: int) -> str:
    """The hover text plotly.js shows for point ``index`` of ``trace`` (a mark's template filled in; or the
    point's ``hovertext``), without the ``<extra>`` box — for tests and for reading a figure in Python."""
    template = trace["hovertemplate"] if isinstance(trace, dict) else getattr(trace, "hovertemplate", None)
    if template is None:
        hovertext = trace["hovertext"] if isinstance(trace, dict) else trace.hovertext
        return str(hovertext if isinstance(hovertext, str) else hovertext[index])
    row = (trace["customdata"] if isinstance(trace, dict) else trace.customdata)[index]
    filled = _FIELD.sub(lambda match: str(row[int(match.group(1))]), str(template))
    return filled.replace("<extra></extra>", "")
