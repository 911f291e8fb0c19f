"""A drawn timeline's x positions as dates and back: its focus axis gives busy months more room
(``layout.meta.time_knots``, see :mod:`layouts.timeline.time_scale`), so an x is a date only on a linear axis."""

from __future__ import annotations

import datetime as dt
from typing import Any

from layouts.timeline.time_scale import TimeScale
from models.dates import day_ms, ms_day


def _scale(fig: Any) -> TimeScale:
    meta = fig.layout.meta or {}
    knots = meta.get("time_knots") or [[], []]
    return TimeScale(tuple(knots[0]), tuple(knots[1]))


def axis_day(fig: Any, x: float) -> dt.date:
    """The day drawn at axis position ``x`` of ``fig``."""
    return ms_day(round(_scale(fig).to_time(float(x))))


def axis_x(fig: Any, day: dt.date) -> float:
    """The axis position of ``day`` in ``fig``."""
    return _scale(fig).to_axis(day_ms(day))
