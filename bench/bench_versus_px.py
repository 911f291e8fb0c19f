"""The timeline beside what a user would pick instead: ``px.timeline`` on the same events, in one run.

Run: .venv/bin/python bench/bench_versus_px.py [n_events ...] [--page]   (default 1000 5000 20000)

For each size: casusbeeld's ``timeline_figure`` plus ``to_json``, against ``plotly.express.timeline`` given
every event as a one-day bar on its lane, coloured by layer, the title as hover name, plus ``to_json``.
Two casusbeeld columns: *cold* (lane layout, hover fields and mark columns computed from scratch: the first
drawing of a case) and *app* (the lane layout cached as ``app/timeline_view.py`` keeps it per case and
filters: every later drawing — language, story step, lanes shown again). Prints CPU medians, JSON sizes and
the ratios (casusbeeld ÷ px; below 1 is better). Both sides are warmed up once first, on another case of
1,000 events (imports, plotly's validators, first-call caches), so that no column carries the process's
start-up: *cold* is a case's first drawing in a running app, not the app's first drawing. Then where a first
drawing's time goes at 5,000 events. Then the server time of an event click on the timeline at 5,000 events
(navigation + ``dash.Patch`` that highlights and moves the date line, serialised as Dash does), and the CPU time
of a zoom into 400 events of 20,000 (the patch that brings every mark of the range, see ``app/timeline_zoom.py``). With
``--page``: the page opened in cold headless Chromium until its timeline is drawn, for 1,000 and 20,000
events, against the app's empty page in the same run (``bench_page_load.py``).
Nothing is asserted: a shared machine's timings are for reading, not for failing a build.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd
import plotly.express as px
from dash._utils import to_json

from app.navigation import navigate, timeline_output
from app.state import case_view, open_case_bytes
from app.timeline_view import cached_layout
from app.timeline_zoom import zoom_update
from app.view_state_io import timeline_state
from layouts.timeline.figure import timeline_figure, timeline_layout
from layouts.timeline.lanes import lane_of
from layouts.view_state import Selection, ViewState
from tests.synthetic import generate_case, generate_case_data

RUNS = 3
CLICK_EVENTS = 5_000
CLICKS = 15
BEFORE = {"commit": "cef7ed6", 1000: (0.321, 0.28), 5000: (0.327, 0.13), 20000: (1.069, 0.14), "zoom ms": 790}
"""This bench's numbers before the speed work of issue 15 part 6 (cold s and MB per size; the zoom's median ms),
measured on the shared 2-CPU machine it was written on (medians of three runs of this bench's table, two of the
zoom): printed beside today's as before -> now (the zoom's CPU time, serialising its patch included). Another
machine's numbers only compare as ratios."""

BEFORE_RATIOS = {"commit": "8dbc2c3", 1000: 3.63, 5000: 2.48, 20000: 3.25}
"""Cold ÷ px per size before the exact speed-ups of the session after (the last quiet-machine run at 8dbc2c3):
printed beside today's ratios as before -> now. Ratios, not seconds: px runs in the same process, so they
compare across machines and a busy machine's load."""


def cpu_median(action: object, runs: int = RUNS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = action()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return statistics.median(times), result


def ours(case: object, layout: object = None) -> str:
    return timeline_figure(case, ViewState(), layout=layout).to_json()  # type: ignore[arg-type]


def theirs(case: object) -> str:
    rows = [{"start": event.start_day(), "end": event.start_day() + dt.timedelta(days=1),
             "lane": lane_of(event)[0], "layer": event.layer.value, "title": event.title}
            for event in case.events_in_order()]  # type: ignore[attr-defined]
    frame = pd.DataFrame(rows)
    return px.timeline(frame, x_start="start", x_end="end", y="lane", color="layer", hover_name="title").to_json()


def warm_up() -> None:
    """Draw another case once with both, so that neither side's timing carries imports and first-call caches."""
    other = generate_case(n_events=1000, n_persons=50, seed=99)
    ours(other)
    theirs(other)


def versus(sizes: list[int]) -> None:
    warm_up()
    now: dict[int, tuple[float, float]] = {}
    ratios: dict[int, float] = {}
    print(f"{'events':>7} {'cold s':>7} {'app s':>7} {'px s':>7} {'cold/px':>8} {'app/px':>7} "
          f"{'ours MB':>8} {'px MB':>6} {'size/px':>8}")
    for n in sizes:
        case = generate_case(n_events=n, n_persons=max(40, n // 20), seed=1)
        cold_s, ours_json = cpu_median(lambda case=case: ours(case))
        layout = timeline_layout(case)
        ours(case, layout)  # the app's first drawing fills the layout's caches
        app_s, _ = cpu_median(lambda case=case, layout=layout: ours(case, layout))
        px_s, px_json = cpu_median(lambda case=case: theirs(case))
        print(f"{n:>7} {cold_s:>7.3f} {app_s:>7.3f} {px_s:>7.3f} {cold_s / px_s:>8.2f} {app_s / px_s:>7.2f} "
              f"{len(ours_json) / 1e6:>8.2f} {len(px_json) / 1e6:>6.2f} {len(ours_json) / len(px_json):>8.2f}")
        now[n] = (cold_s, len(ours_json) / 1e6)
        ratios[n] = cold_s / px_s
    known = [n for n in sizes if n in BEFORE]
    if known:
        print(f"before ({BEFORE['commit']}) -> now, cold s: " + ", ".join(
            f"{n:,}: {BEFORE[n][0]:.3f} -> {now[n][0]:.3f} ({now[n][0] / BEFORE[n][0]:.2f}x)" for n in known)
            + "; MB: " + ", ".join(f"{BEFORE[n][1]:.2f} -> {now[n][1]:.2f}" for n in known))
    known = [n for n in sizes if n in BEFORE_RATIOS]
    if known:
        print(f"cold/px before ({BEFORE_RATIOS['commit']}) -> now: " + ", ".join(
            f"{n:,}: {BEFORE_RATIOS[n]:.2f} -> {ratios[n]:.2f}" for n in known) + " (goal at 5,000: 0.50)")


def phases(n_events: int = CLICK_EVENTS) -> None:
    """Where a first drawing's time goes: the lane layout, the words on the marks (labels and uncrossing their
    leader lines), and the rest (marks, density bars, legend, key moments, ``to_json``)."""
    case = generate_case(n_events=n_events, n_persons=max(40, n_events // 20), seed=1)
    whole, _ = cpu_median(lambda: ours(case))
    lanes, _ = cpu_median(lambda: timeline_layout(case))
    unlabelled, _ = cpu_median(lambda: timeline_figure(case, ViewState(), layout=timeline_layout(case),
                                                       labels=False).to_json())
    words, rest = max(whole - unlabelled, 0.0), max(unlabelled - lanes, 0.0)
    print(f"first drawing at {n_events:,} events: {whole:.3f} s CPU = lane layout {lanes:.3f} s "
          f"({lanes / whole:.0%}), words on the marks {words:.3f} s ({words / whole:.0%}), the rest {rest:.3f} s "
          f"({rest / whole:.0%})")


def click(n_events: int = CLICK_EVENTS) -> None:
    """Server time of clicking events on the timeline (as the app's callback answers: a patch)."""
    store, error = open_case_bytes(json.dumps(generate_case_data(n_events, 300, seed=1)).encode("utf-8"))
    assert store is not None, error
    view = case_view(store)
    assert view is not None
    state = ViewState()
    full, shown = timeline_output(view, state)
    events = [event.id for event in view.ordered]
    times, sizes = [], []
    for i in range(CLICKS):
        start = time.perf_counter()
        point = {"customdata": events[(i * 331) % len(events)]}
        nav = navigate(case_view(store), "timeline-graph", {"points": [point]}, None, None, False)
        answer, _ = timeline_output(case_view(store), state.replace(
            selection=Selection.from_dict(nav.selection), as_of=dt.date.fromordinal(nav.as_of)), shown)
        sizes.append(len(to_json(answer)))
        times.append((time.perf_counter() - start) * 1000)
    whole = len(to_json(full))
    kind = "patch" if sizes[-1] < whole / 2 else "FULL FIGURE"
    print(f"event click on the timeline at {n_events:,} events: median {statistics.median(times):.1f} ms server "
          f"time, {statistics.median(sizes) / 1024:.0f} KB sent ({kind}; the full figure is {whole / 1024:.0f} KB)")


def zoom(n_events: int = 20_000, in_range: int = 400) -> None:
    """Server time of zooming into ``in_range`` events of ``n_events`` (the patch with every mark of the range): the
    CPU time of the callback's work, which a busy shared machine does not inflate, and the wall time."""
    store, error = open_case_bytes(json.dumps(generate_case_data(n_events, max(40, n_events // 20), seed=1)).encode())
    assert store is not None, error
    view = case_view(store)
    assert view is not None
    state = ViewState()
    full, shown = timeline_output(view, state)
    xs = sorted(item.x for item in cached_layout(view, timeline_state(view, state)).placed)
    times, walls, sizes = [], [], []
    for i in range(5):
        lo, hi = xs[len(xs) // 3 + i * 50], xs[len(xs) // 3 + i * 50 + in_range]
        relayout = {"xaxis.range[0]": _iso(lo), "xaxis.range[1]": _iso(hi)}
        start, wall = time.process_time(), time.perf_counter()
        update, _ = zoom_update(case_view(store), state, shown, {"relayout": relayout, "width": 1400})
        sizes.append(len(to_json(update)))
        times.append((time.process_time() - start) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    whole = len(to_json(full)) / 1024
    print(f"zoom into {in_range} of {n_events:,} events: median {statistics.median(times):.0f} ms server CPU time "
          f"(before {BEFORE['zoom ms']} ms; wall {statistics.median(walls):.0f} ms), "
          f"{statistics.median(sizes) / 1024:.0f} KB sent (the zoomed-out figure is {whole:.0f} KB)")


def _iso(ms: float) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def page(sizes: tuple[int, ...] = (1000, 20000)) -> None:
    """The page in cold Chromium until the timeline is drawn, and until the whole page is, against the empty page
    (medians of 3)."""
    from bench_page_load import cold_loads

    print(f"{'cold page':26} {'timeline drawn s':>17} {'÷ empty page':>13} {'all drawn s':>12} {'÷ empty page':>13}")
    for name, seconds, ratio, whole, whole_ratio in cold_loads(list(sizes)):
        print(f"{name:26} {seconds:17.2f} {ratio:13.2f} {whole:12.2f} {whole_ratio:13.2f}")


if __name__ == "__main__":
    arguments = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    versus([int(arg) for arg in arguments] or [1000, 5000, 20000])
    phases()
    click()
    zoom()
    if "--page" in sys.argv:
        page()
