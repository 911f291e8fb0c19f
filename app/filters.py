"""The case's span, its opening day and the date controls' marks; the filter controls (their values become a
:class:`models.event_filter.EventFilter` in :mod:`app.view_state_io`)."""

from __future__ import annotations

import datetime as dt

from dash import Input

from models.case_view import CaseView


def case_bounds(view: CaseView) -> tuple[dt.date, dt.date] | None:
    """First and last day of the case's events; computed once per case. A case without events (a new one)
    spans from the child's birth (else the first of January) to today, so its date control is meaningful."""
    if not view.ordered:
        index = view.case.index()
        today = dt.date.today()
        born = index.birth.earliest() if index is not None and index.birth is not None else None
        first = born if born is not None and born < today else today.replace(month=1, day=1)
        return first, max(today, first + dt.timedelta(days=1))
    if view.bounds is None:
        first = min(event.start_day() for event in view.ordered)
        last = max(event.end_day() for event in view.ordered)
        view.bounds = (first, max(last, first + dt.timedelta(days=1)))
    return view.bounds


def opening_day(view: CaseView, bounds: tuple[dt.date, dt.date]) -> dt.date:
    """The date the network shows when a case opens: the case's last day, or, when the child at the centre has
    died within the case, the day of death — a calamity review looks at the network as it stood then, not at
    the investigators who came after."""
    first, last = bounds
    index = view.case.index()
    if index is not None and index.death is not None and first <= index.death.earliest() <= last:
        return index.death.earliest()
    return last


def year_marks(bounds: tuple[dt.date, dt.date], max_marks: int = 12) -> dict[int, str]:
    """Slider marks: the first of January of evenly spaced years; for a case shorter than two years the
    first of evenly spaced months (``3-2021``); for one shorter than a month its first and last day.
    (Without marks the slider would label its raw day numbers, e.g. "738k".)"""
    first, last = bounds
    years = list(range(first.year + (first != dt.date(first.year, 1, 1)), last.year + 1))
    if len(years) >= 2:
        step = max(1, -(-len(years) // max_marks))
        return {dt.date(year, 1, 1).toordinal(): str(year) for year in years[::step]}
    months = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if len(months) >= 2:
        step = max(1, -(-len(months) // max_marks))
        return {day.toordinal(): f"{day.month}-{day.year}" for day in months[::step]}
    return {day.toordinal(): f"{day.day}-{day.month}-{day.year}" for day in (first, last)}


FILTER_INPUTS = [Input("filter-persons", "value"), Input("filter-organisations", "value"),
                 Input("filter-types", "value"), Input("filter-layer", "value"), Input("filter-window", "value")]
"""The filter controls, in the order ``app.view_state_io.filters_from_controls`` takes their values."""
