"""Time ``find_patterns`` on synthetic cases of growing size (median of several runs).

Reports wall-clock and CPU time (``process_time``): on a shared, busy machine the CPU time is the fairer
figure, the wall-clock time the one a user feels.

Run: .venv/bin/python bench/bench_patterns.py
"""

from __future__ import annotations

import statistics
import time

from models.patterns.find import find_patterns
from tests.synthetic import generate_case

SIZES = (1_000, 5_000, 20_000)
RUNS = 5
TARGET_5000_S = 0.2


def main() -> None:
    print(f"{'events':>8} {'findings':>9} {'wall median s':>14} {'wall min s':>11} {'CPU median s':>13} "
          f"{'CPU µs/event':>13}")
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
        print(f"{n_events:>8} {len(findings):>9} {median:>14.3f} {min(wall):>11.3f} {cpu_median:>13.3f} "
              f"{cpu_median / n_events * 1e6:>13.1f}")
        if n_events == 5_000:
            verdict = "within" if median <= TARGET_5000_S else "OVER"
            print(f"{'':>8} 5,000 events: wall {median:.3f} s (CPU {cpu_median:.3f} s), {verdict} the "
                  f"{TARGET_5000_S} s target (ratio {median / TARGET_5000_S:.2f})")


if __name__ == "__main__":
    main()
