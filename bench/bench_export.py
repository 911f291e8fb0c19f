"""Time exporting the timeline poster of a 5,000-event synthetic case (A1 PDF and PNG), step by step.

Run: .venv/bin/python bench/bench_export.py [--events 5000] [--runs 3] [--out DIR]
Needs Chromium on PATH (Debian's /usr/bin/chromium). Reports the median of ``--runs`` for each step, after
one warm-up export that also starts kaleido's Chromium (timed separately). Reference (2-core machine shared
with other jobs, load ~3): timeline_figure 0.3 s, poster_figure 0.6 s, A1 PDF 3.2 s (156 KB), PNG (150 dpi,
4967 × 3508) 3.8 s (4.9 MB), SVG 2.7 s (2.5 MB); case → A1 PDF 4.0 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export import figure_bytes, start_renderer  # noqa: E402
from layouts.poster import poster_figure  # noqa: E402
from layouts.timeline.figure import timeline_figure  # noqa: E402
from layouts.view_state import ViewState  # noqa: E402
from tests.synthetic import generate_case  # noqa: E402

PRINTED_ON = dt.date(2026, 11, 23)


def timed(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """Median seconds of ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="A1")
    parser.add_argument("--out", type=Path, help="also write the files here, to look at")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    start_renderer()
    print(f"start_renderer (Chromium starts lazily) {time.perf_counter() - start:4.2f} s")
    case = generate_case(args.events, 300, seed=1)
    print(f"case: {len(case.events)} events, {len(case.persons)} persons; {args.size} poster, median of {args.runs}")

    t_view, view = timed(args.runs, lambda: timeline_figure(case, ViewState()))
    t_poster, poster = timed(args.runs, lambda: poster_figure(view, case, size=args.size, printed_on=PRINTED_ON,
                                                              view="timeline"))
    print(f"timeline_figure                      {t_view:7.2f} s")
    print(f"poster_figure (layout, labels)       {t_poster:7.2f} s")
    start = time.perf_counter()
    figure_bytes(poster, "pdf")
    print(f"first export (starts Chromium)       {time.perf_counter() - start:7.2f} s")
    for fmt in ("pdf", "png", "svg"):
        seconds, data = timed(args.runs, lambda fmt=fmt: figure_bytes(poster, fmt))
        print(f"export {fmt:<4}                          {seconds:7.2f} s   {len(data) / 1024:9.0f} KB")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"bench_{args.events}_{args.size}.{fmt}").write_bytes(data)
    total = t_view + t_poster + timed(1, lambda: figure_bytes(poster, "pdf"))[0]
    print(f"case → {args.size} PDF end to end              {total:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
