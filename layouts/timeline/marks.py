"""The timeline's mark columns: one row per drawn event (position, fuzzy range, style, hover row), as numpy
arrays the trace builders (:mod:`layouts.timeline.traces`) and the legend (:mod:`layouts.timeline.legend`) read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from layouts.style import DIM_OPACITY
from layouts.timeline.hover import mark_rows
from layouts.timeline.lanes import PlacedEvent
from layouts.timeline.style import (
    CERTAINTY_GLYPH,
    INVOLVEMENT_GLYPH,
    PROVENANCE_ORDER,
    involvement,
    is_decision,
    symbol_number,
)
from models.vocabulary import EventType

Trace = dict[str, Any]
"""One plotly trace, as the dict plotly takes."""


@dataclass
class MarkArrays:
    """Column arrays for the drawn events (one row per event)."""

    ids: np.ndarray
    x: np.ndarray
    x_end: np.ndarray
    y: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    end_lo: np.ndarray
    end_hi: np.ndarray
    is_span: np.ndarray
    decision: np.ndarray
    approximate: np.ndarray
    provenance: np.ndarray    # index into PROVENANCE_ORDER
    symbol: np.ndarray
    involvement: np.ndarray   # glyph per event ("" when not a decision)
    certainty: np.ndarray     # glyph per event ("" when confirmed)
    alpha: np.ndarray
    dimmed: bool              # whether any mark is dimmed (else the traces get one opacity, not one per point)
    rows: np.ndarray          # customdata rows (N × 4, see layouts.timeline.hover)
    template: np.ndarray      # the hover template of each mark's event type (one string object per type)

    def __len__(self) -> int:
        return len(self.ids)


def mark_arrays(placed: Sequence[PlacedEvent], provenances: Sequence[str], hovers: Sequence[tuple[str, str, str]],
                highlighted: np.ndarray | None, templates: Mapping[EventType, str]) -> MarkArrays:
    """Columns for ``placed`` (with their provenance and hover fields, in the same order); ``templates``: the
    hover template per event type."""
    n = len(placed)
    columns = np.empty((8, n), dtype=float)
    for i, item in enumerate(placed):
        columns[:, i] = (item.x, item.x_end, item.y, item.lo, item.hi, item.end_lo, item.end_hi, item.is_span)
    events = [item.event for item in placed]
    decisions = [is_decision(event) for event in events]
    provenance_index = {name: i for i, name in enumerate(PROVENANCE_ORDER)}
    alpha = np.ones(n) if highlighted is None else np.where(highlighted, 1.0, DIM_OPACITY)
    return MarkArrays(
        ids=np.array([event.id for event in events], dtype=object),
        x=columns[0], x_end=columns[1], y=columns[2], lo=columns[3], hi=columns[4],
        end_lo=columns[5], end_hi=columns[6], is_span=columns[7].astype(bool),
        decision=np.array(decisions, dtype=bool),
        approximate=np.array([event.approximate for event in events], dtype=bool),
        provenance=np.array([provenance_index[p] for p in provenances], dtype=np.int8),
        symbol=np.array([symbol_number(event.type, event.approximate) for event in events], dtype=np.int16),
        involvement=np.array([INVOLVEMENT_GLYPH[involvement(event)] if decided else ""
                              for event, decided in zip(events, decisions, strict=True)], dtype=object),
        certainty=np.array([CERTAINTY_GLYPH.get(event.certainty.value, "") for event in events], dtype=object),
        alpha=alpha,
        dimmed=highlighted is not None and not bool(highlighted.all()),
        rows=mark_rows([event.id for event in events], list(hovers)),
        template=np.array([templates[event.type] for event in events], dtype=object),
    )


def select_marks(marks: MarkArrays, keep: np.ndarray | None, highlighted: np.ndarray | None) -> MarkArrays:
    """The rows ``keep`` of ``marks`` (all when None), dimmed where ``highlighted`` (for the kept rows) is False."""
    fields = {name: getattr(marks, name) if keep is None else getattr(marks, name)[keep]
              for name in MarkArrays.__dataclass_fields__ if name not in ("alpha", "dimmed")}
    n = len(fields["ids"])
    alpha = np.ones(n) if highlighted is None else np.where(highlighted, 1.0, DIM_OPACITY)
    return MarkArrays(**fields, alpha=alpha, dimmed=highlighted is not None and not bool(highlighted.all()))


def concat_marks(first: MarkArrays, second: MarkArrays) -> MarkArrays:
    """Both sets of columns, one after the other."""
    return MarkArrays(**{name: first.dimmed or second.dimmed if name == "dimmed"
                         else np.concatenate([getattr(first, name), getattr(second, name)])
                         for name in MarkArrays.__dataclass_fields__})
