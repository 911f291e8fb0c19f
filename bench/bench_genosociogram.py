"""Time the geno-sociogram for a 300-person synthetic case (median of several runs; target <= 0.5 s).

Run: .venv/bin/python bench/bench_genosociogram.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

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


def _day(year: int, month: int, day: int) -> object:
    import datetime as dt

    return dt.date(year, month, day)


if __name__ == "__main__":
    main()
