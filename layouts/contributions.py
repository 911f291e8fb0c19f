"""What workshop participants added, marked in the figures: a ring in their perspective's colour around each mark.

Pure functions of (figure, case): :func:`mark_timeline` rings the events, :func:`mark_genosociogram` the persons
that carry ``added_by``. The colour of a perspective comes from :func:`perspective_colours`: the colour the group
chose for it in the case (its ``perspectives``), else a default palette in the order perspectives first appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go

from layouts.timeline.hover import point_ids
from models.case import Case
from models.group import PERSPECTIVE_PALETTE

PALETTE = PERSPECTIVE_PALETTE
"""Default perspective colours: the case model's one palette, so a perspective gets the same colour everywhere."""
NO_PERSPECTIVE = "#5F6368"
RING_NAME = "workshop-ring"


def perspective_colours(keys: Iterable[str], chosen: dict[str, str] | None = None) -> dict[str, str]:
    """A colour per perspective key: the colour the group chose for it (``chosen``, the case's perspectives),
    else the next palette colour not chosen for another, in the order the keys come (repeating past the palette)."""
    colours: dict[str, str] = dict(chosen or {})
    taken = {colour.upper() for colour in colours.values()}
    free = [colour for colour in PALETTE if colour.upper() not in taken] or list(PALETTE)
    given = 0
    for key in keys:
        if key not in colours:
            colours[key] = free[given % len(free)]
            given += 1
    return colours


def chosen_colours(case: Case | None) -> dict[str, str]:
    """The colours the group chose for its perspectives (the case file's ``perspectives``), by key."""
    if case is None:
        return {}
    return {**{p.label.casefold(): p.colour for p in case.perspectives}, **{p.key: p.colour for p in case.perspectives}}


def case_perspectives(case: Case) -> list[str]:
    """The perspectives of the case's workshop items, in the order they first appear."""
    items: list[Any] = [*case.events, *case.persons, *case.relationships, *case.reflections]
    return list(dict.fromkeys(item.added_by.perspective for item in items
                              if item.added_by is not None and item.added_by.perspective))


def colour_of(perspective: str | None, colours: dict[str, str]) -> str:
    return colours.get(perspective or "", NO_PERSPECTIVE)


def _ring_traces(points: dict[str, tuple[float, float]], owners: dict[str, str | None], colours: dict[str, str],
                 size: float) -> list[go.Scatter]:
    traces = []
    for perspective in dict.fromkeys(owners.values()):
        ids = [i for i, who in owners.items() if who == perspective and i in points]
        if not ids:
            continue
        traces.append(go.Scatter(
            x=[points[i][0] for i in ids], y=[points[i][1] for i in ids], mode="markers", name=RING_NAME,
            meta={"perspective": perspective, "ids": ids}, hoverinfo="skip", showlegend=False, cliponaxis=False,
            marker={"symbol": "circle-open", "size": size, "color": colour_of(perspective, colours),
                    "line": {"width": 3, "color": colour_of(perspective, colours)}}))
    return traces


def mark_timeline(fig: go.Figure, case: Case, projector: bool = False) -> go.Figure:
    """Ring every event a participant added, in their perspective's colour (traces added at the end)."""
    owners = {e.id: e.added_by.perspective for e in case.events if e.added_by is not None}
    if not owners:
        return fig
    points: dict[str, tuple[float, float]] = {}
    for trace in fig.data:
        ids = getattr(trace, "customdata", None)
        if ids is None or getattr(trace, "x", None) is None:
            continue
        base = getattr(trace, "base", None) if trace.type == "bar" else None
        for index, ident in enumerate(point_ids(ids)):
            if str(ident) in owners and str(ident) not in points:
                x = base[index] if base is not None and not isinstance(base, int | float) else trace.x[index]
                points[str(ident)] = (x, trace.y[index])
    fig.add_traces(_ring_traces(points, owners, perspective_colours(case_perspectives(case), chosen_colours(case)),
                                28 if projector else 20))
    return fig


def mark_genosociogram(fig: go.Figure, case: Case) -> go.Figure:
    """Ring every person a participant added, in their perspective's colour (traces added at the end)."""
    owners = {p.id: p.added_by.perspective for p in case.persons if p.added_by is not None}
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    positions = meta.get("positions") or {}
    points = {i: (float(positions[i][0]), float(positions[i][1])) for i in owners if i in positions}
    if points:
        fig.add_traces(_ring_traces(points, owners, perspective_colours(case_perspectives(case),
                                                                      chosen_colours(case)), 46))
    return fig
