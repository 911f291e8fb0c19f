"""Time ``find_patterns`` on synthetic cases of growing size, and how the time grows with the number of events.

Prints the median wall-clock and CPU time (``process_time``) at 1,000, 2,000, 5,000 and 10,000 events, the
growth exponent (slope of log time against log events: 1.0 is linear, 2.0 quadratic) and whether 5,000 events
stay within the 0.2 s target. On a shared, busy machine the CPU time is the fairer figure.

The synthetic generator writes events in random date order, so reading them in time order jumps through memory
(a cache miss per event once a case outgrows the CPU cache). The last line repeats the exponent for the same
cases with their events written in date order, as real files mostly are: the difference between the two
exponents is memory layout, not the rules' algorithms.

Run: .venv/bin/python bench/bench_patterns.py
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.loading import validate_case_data
from models.patterns.base import DEFAULT_RULES, CaseView
from models.patterns.find import RULES, find_patterns
from tests.synthetic import generate_case, generate_case_data

SIZES = (1_000, 2_000, 5_000, 10_000)
RUNS = 5
TARGET_5000_S = 0.2


def growth_exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-9)) for t in times]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / \
        sum((x - mean_x) ** 2 for x in xs)


def slowest_rules(case, top: int = 3) -> str:
    view = CaseView(case)
    timed = []
    for rule in RULES:
        start = time.process_time()
        rule(view, DEFAULT_RULES)
        timed.append((time.process_time() - start, rule.__name__))
    return ", ".join(f"{name} {seconds * 1000:.0f} ms" for seconds, name in sorted(timed, reverse=True)[:top])


def median_cpu(case) -> float:
    """Median CPU seconds of ``find_patterns`` on ``case`` over ``RUNS`` runs, after a warm-up."""
    find_patterns(case)
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        find_patterns(case)
        times.append(time.process_time() - start)
    return statistics.median(times)


def date_ordered_case(n_events: int):
    """The benchmark's synthetic case with its events written in date order."""
    data = generate_case_data(n_events=n_events, n_persons=300, seed=1)
    data["events"].sort(key=lambda event: event["date"])
    return validate_case_data(data)


def main() -> None:
    print(f"{'events':>8} {'findings':>9} {'wall median s':>14} {'CPU median s':>13} {'CPU µs/event':>13}")
    sizes, cpu_medians, walls = [], [], {}
    for n_events in SIZES:
        case = generate_case(n_events=n_events, n_persons=300, seed=1)
        find_patterns(case)  # warm-up
        wall, cpu = [], []
        for _ in range(RUNS):
            start, start_cpu = time.perf_counter(), time.process_time()
            findings = find_patterns(case)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        median, cpu_median = statistics.median(wall), statistics.median(cpu)
        sizes.append(n_events)
        cpu_medians.append(cpu_median)
        walls[n_events] = median
        print(f"{n_events:>8} {len(findings):>9} {median:>14.3f} {cpu_median:>13.3f} "
              f"{cpu_median / n_events * 1e6:>13.1f}   slowest: {slowest_rules(case)}")
    exponent = growth_exponent(sizes, cpu_medians)
    print(f"growth exponent (CPU time ~ events^k): k = {exponent:.2f} (1.0 = linear)")
    verdict = "within" if walls[5_000] <= TARGET_5000_S else "OVER"
    print(f"5,000 events: wall {walls[5_000]:.3f} s, {verdict} the {TARGET_5000_S} s target")
    ordered = [median_cpu(date_ordered_case(n_events)) for n_events in SIZES]
    print("events written in date order: CPU " + ", ".join(f"{t:.3f}" for t in ordered)
          + f" s; growth exponent k = {growth_exponent(list(SIZES), ordered):.2f}")


if __name__ == "__main__":
    main()
