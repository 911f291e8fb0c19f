"""Time loading and validating synthetic cases of growing size (median of several runs).

Run: .venv/bin/python bench/bench_load.py
"""

from __future__ import annotations

import json
import statistics
import time

from models import load_case
from tests.synthetic import generate_case_data

SIZES = (100, 1_000, 5_000, 20_000)
RUNS = 5
TARGET_5000_S = 0.3


def main() -> None:
    print(f"{'events':>8} {'persons':>8} {'file KB':>9} {'parse+validate median s':>24} {'per event µs':>13}")
    for n_events in SIZES:
        data = json.dumps(generate_case_data(n_events, 300, seed=1)).encode("utf-8")
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            case = load_case(data)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        print(f"{n_events:>8} {len(case.persons):>8} {len(data) // 1024:>9} {median:>24.3f} "
              f"{median / n_events * 1e6:>13.1f}")
        if n_events == 5_000:
            verdict = "within" if median <= TARGET_5000_S else "OVER"
            print(f"{'':>8} 5,000 events: {median:.3f} s, {verdict} the {TARGET_5000_S} s target "
                  f"(ratio {median / TARGET_5000_S:.2f})")


if __name__ == "__main__":
    main()
