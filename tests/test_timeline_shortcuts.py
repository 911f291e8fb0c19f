"""The first drawing's shortcuts give what the long way gives: the case's gaps and the story's start read from
the layout's positions, the packing's quick test of a row whose marks all start before a moment, the layout's
columns (lanes, decisions and the events that may be weighty worked out inline), the events' order (sorted on
plain keys) and the label grid's test of many blocks at once (read from its summed-area table)."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from pathlib import Path

import numpy as np
import pytest

from layouts.timeline.drawn import case_gaps
from layouts.timeline.event_columns import MAYBE_WEIGHTY, event_columns
from layouts.timeline.event_labels import weighty_priority
from layouts.timeline.focus import story_start
from layouts.timeline.label_grid import Grid
from layouts.timeline.lanes import LANE_MODES, lane_of, timeline_layout
from layouts.timeline.packing import pack_lane
from layouts.timeline.style import is_decision
from models import load_case
from models.case.case_file import _event_order
from models.dates import event_gaps
from models.event_filter import EventFilter
from tests.synthetic import generate_case

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
CASES = [load_case(path) for path in sorted(SAMPLES.glob("*.json"))] + [
    generate_case(n_events=n, n_persons=40, seed=seed) for n, seed in ((60, 2), (400, 5))]


@pytest.mark.parametrize("case", CASES)
def test_the_gaps_read_from_the_layout_are_the_cases_gaps(case) -> None:
    layout = timeline_layout(case)
    days = sorted(event.start_day() for event in case.events) or [dt.date(2020, 1, 1)]
    for months in (6, 24):
        for until in (None, days[len(days) // 2], days[-1]):
            assert case_gaps(case, layout, months, until) == event_gaps(case.events, months, until=until)
    # a filtered layout does not hold every event: the gaps are still the whole case's
    layer = timeline_layout(case, EventFilter.of(layer="formal"))
    assert case_gaps(case, layer, 6) == event_gaps(case.events, 6)


@pytest.mark.parametrize("case", CASES)
def test_the_story_start_read_from_the_layout_is_the_cases(case) -> None:
    assert story_start(case, timeline_layout(case)) == story_start(case)
    assert story_start(case, timeline_layout(case, EventFilter.of(layer="lived"))) == story_start(case)


def _moment_rows_the_long_way(moments: list[tuple[float, float]], spans: list[tuple[float, float]], gap: float,
                              limit: int) -> list[int]:
    """The moments' rows as the packing gave them before its quick test: every row bisected."""
    rows: list[tuple[list[float], list[float]]] = []
    last_end: list[float] = []
    for lo, hi in sorted(spans):  # periods first, each in the first row whose marks have ended
        row = next((r for r, end in enumerate(last_end) if end + gap < lo), None)
        if row is None:
            rows.append(([], []))
            last_end.append(-math.inf)
            row = len(rows) - 1
        k = bisect.bisect_left(rows[row][0], lo)
        rows[row][0].insert(k, lo)
        rows[row][1].insert(k, hi)
        last_end[row] = max(last_end[row], hi)
    found = [0] * len(moments)
    limit = max(len(rows), limit)
    for i in sorted(range(len(moments)), key=moments.__getitem__):
        lo, hi = moments[i]
        for row in range(len(rows)):
            starts, ends = rows[row]
            k = bisect.bisect_left(starts, lo)
            if not (k > 0 and ends[k - 1] + gap >= lo) and not (k < len(starts) and starts[k] - gap <= hi):
                break
        else:
            if len(rows) < limit:
                rows.append(([], []))
                last_end.append(-math.inf)
                row = len(rows) - 1
            else:
                row = min(range(len(rows)), key=last_end.__getitem__)
            starts, ends = rows[row]
            k = bisect.bisect_left(starts, lo)
        starts.insert(k, lo)
        ends.insert(k, hi)
        last_end[row] = max(last_end[row], hi)
        found[i] = row
    return found


@pytest.mark.parametrize("seed", range(12))
def test_the_packings_quick_row_test_packs_as_bisecting_every_row(seed: int) -> None:
    rng = random.Random(seed)
    moments = []
    for _ in range(rng.randint(1, 300)):
        x = float(rng.randint(0, 400))  # whole numbers: marks that start together, touch and share ends
        moments.append((x - rng.choice((0.0, 1.0, 3.0)), x + rng.choice((0.0, 1.0, 3.0))))
    starts = [float(rng.randint(0, 400)) for _ in range(rng.randint(0, 8))]
    spans = [(lo, lo + rng.randint(0, 120)) for lo in starts]
    gap, limit = rng.choice((0.0, 1.0, 2.5)), rng.choice((1, 3, 6))
    rows, _, _ = pack_lane(moments, spans, gap, max_moment_rows=limit)
    assert rows == _moment_rows_the_long_way(moments, spans, gap, limit)


@pytest.mark.parametrize("case", CASES)
def test_the_layouts_columns_agree_with_lane_of_and_is_decision(case) -> None:
    events = case.events_in_order()
    collapsed = frozenset(case.layout.collapsed_organisations) | {event.organisation for event in events[:3]
                                                                  if event.organisation}
    for mode in LANE_MODES:
        columns = event_columns(events, mode, collapsed)
        assert columns.lane_keys == [lane_of(event, mode, collapsed)[0] for event in events]
        assert columns.decisions == [is_decision(event) for event in events]
        assert columns.types == [event.type for event in events]
        assert columns.may_weigh == [event.type in MAYBE_WEIGHTY or event.key_moment or event.decision is not None
                                     or event.placement is not None for event in events]
        persons = case.person_map()
        assert all(weighs for event, weighs in zip(events, columns.may_weigh, strict=True)
                   if weighty_priority(event, persons) is not None)
        for key, (kind, ref, layer, first) in columns.lane_info.items():
            assert lane_of(events[first], mode, collapsed) == (key, kind, ref) and events[first].layer == layer


@pytest.mark.parametrize("seed", range(4))
def test_the_events_order_is_sorting_by_dates_and_id(seed: int) -> None:
    case = generate_case(n_events=600, n_persons=40, seed=seed)
    random.Random(seed).shuffle(case.events)
    case.events += case.events[:20]  # the same id twice (an invalid file): kept in the order given
    assert case.events_in_order() == sorted(case.events, key=_event_order)


@pytest.mark.parametrize("seed", range(3))
def test_the_grids_blocks_are_clear_where_none_of_their_cells_is_taken(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(40):
        grid = Grid(float(rng.integers(40, 1500)), float(rng.integers(40, 600)))
        height, width = grid.cells.shape
        for made in range(int(rng.integers(0, 25))):
            if made == 5:
                grid.clear(np.zeros(0, int), np.zeros(0, int), np.zeros(1, int), np.ones(1, int))  # the table now
            grid.fill_box(rng.uniform(-20, 1500, 4).tolist())
        y0 = np.sort(rng.integers(0, height + 1, int(rng.integers(0, 30))))
        y1 = np.minimum(y0 + rng.integers(0, 20, len(y0)), height)
        x0 = np.sort(rng.integers(0, width + 1, int(rng.integers(1, 30))))
        x1 = np.minimum(x0 + rng.integers(0, 60, len(x0)), width)
        want = [[not grid.cells[a:b, c:d].any() for c, d in zip(x0, x1, strict=True)]
                for a, b in zip(y0, y1, strict=True)]
        assert grid.clear(y0, y1, x0, x1).tolist() == want
