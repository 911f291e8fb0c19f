"""Time the geno-sociogram for a 300-person synthetic case (median of several runs; target <= 0.5 s), and what
a selection costs in the app for Sem on the wall: a whole new figure (before: fit, draw, assemble, serialise) or
the patch of the figure shown (now: the fit remembered, the drawing redrawn, a small patch serialised).

Run: .venv/bin/python bench/bench_genosociogram.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from layouts.genogram.figure import genosociogram_figure
from layouts.genogram.layout import family_layout
from layouts.view_state import ViewState
from models.network import build_graph
from tests.synthetic import generate_case

RUNS = 5
TARGET_S = 0.5


def median_time(fn: Callable[[], object]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is steadier on a busy shared machine)."""
    fn()  # warm up imports and caches
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    case = generate_case(n_events=200, n_persons=300, seed=1, n_generations=4)
    family = sum(1 for p in case.persons if p.kind.value == "family")
    print(f"synthetic case: {len(case.persons)} persons ({family} family), {len(case.organisations)} organisations, "
          f"{len(case.relationships)} relationships")
    rows = [
        ("figure, whole history", lambda: genosociogram_figure(case, ViewState())),
        ("figure, as of 2016-06-01", lambda: genosociogram_figure(case, ViewState(as_of=_day(2016, 6, 1)))),
        ("figure, expanded organisations",
         lambda: genosociogram_figure(case, ViewState(), collapse_organisations=False)),
        ("figure, projector", lambda: genosociogram_figure(case, ViewState(projector=True))),
        ("figure + to_json", lambda: genosociogram_figure(case, ViewState()).to_json()),
        ("family layout only", lambda: family_layout(case)),
        ("network graph only", lambda: build_graph(case)),
    ]
    worst = 0.0
    print(f"{'':<34} {'wall s':>8} {'cpu s':>8}   (median of {RUNS})")
    for name, fn in rows:
        wall, cpu = median_time(fn)
        if name.startswith("figure"):
            worst = max(worst, cpu)
        print(f"{name:<34} {wall:8.3f} {cpu:8.3f}")
    verdict = "OK" if worst <= TARGET_S else "TOO SLOW"
    print(f"slowest figure {worst:.3f} s CPU (target <= {TARGET_S} s): {verdict}")
    selection_update()


def selection_update() -> None:
    """A click on a person in Sem's geno-sociogram on the wall (both views, 1920x1080): the whole figure built and
    serialised as before, against the app's answer now (a patch of the figure shown), and the bytes each sends."""
    from app.state import case_view, open_case_bytes

    sem = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
    store, _ = open_case_bytes(sem.read_bytes())
    view = case_view(store)
    assert view is not None
    print(f"\nselecting a person in Sem's geno-sociogram ({len(view.case.persons)} persons) on the wall:")
    print(f"{'':<44} {'wall s':>8} {'cpu s':>8} {'bytes':>8}")
    day = _day(2022, 5, 1)
    people = [p.id for p in view.case.persons if p.kind.value != "professional"][:6]
    for wall, frame in (("network", (1880, 900)), ("both", (940, 900))):
        _compare(view, people, day, wall, frame)


def _compare(view: Any, people: list[str], day: Any, wall: str, frame: tuple[int, int]) -> None:
    from plotly.io.json import to_json_plotly

    from app.navigation import genosociogram_output, network_highlight

    measured = {"width": frame[0], "height": frame[1], "wall": wall}
    state = ViewState(as_of=day, projector=True)
    turn = iter(range(10 ** 6))

    def before() -> str:  # what the callback did: the whole figure, fitted afresh, to JSON
        chosen = {"kind": "person", "id": people[next(turn) % len(people)]}
        return genosociogram_figure(view.case, state, frame=frame,
                                    highlight=network_highlight(view, chosen)).to_json()

    _, shown = genosociogram_output(view, None, day.toordinal(), "nl", True, wall, measured)

    def after() -> str:  # the app now: a patch of the figure shown
        chosen = {"kind": "person", "id": people[next(turn) % len(people)]}
        update, _ = genosociogram_output(view, chosen, day.toordinal(), "nl", True, wall, measured, shown)
        return to_json_plotly(update.to_plotly_json() if hasattr(update, "to_plotly_json") else update)

    for name, fn in ((f"{wall} {frame[0]}x{frame[1]}: whole figure (before)", before),
                     (f"{wall} {frame[0]}x{frame[1]}: patch (now)", after)):
        size = len(fn())
        wall_s, cpu = median_time(fn)
        print(f"{name:<44} {wall_s:8.3f} {cpu:8.3f} {size:8d}")


def _day(year: int, month: int, day: int) -> Any:
    import datetime as dt

    return dt.date(year, month, day)


if __name__ == "__main__":
    main()
