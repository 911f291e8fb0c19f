"""Time ``find_patterns`` on synthetic cases of growing size, overall and per rule, and how each grows.

Prints, in one run:

1. per size (1,000, 2,500, 5,000 and 10,000 events of ``tests.synthetic``): the median wall-clock and CPU time
   (``process_time``) of ``find_patterns``, and CPU µs per event;
2. the growth exponent k (slope of log CPU time against log events: 1.0 is linear, 2.0 quadratic) overall, on
   the median and on the fastest run;
3. a table of every rule (and the shared ``CaseView`` preparation): its fastest CPU ms per size (the fastest run
   is the one least disturbed by other work on a shared machine) and its own exponent, flagged when above
   ``FLAG_EXPONENT``. Among the rules stands a yardstick: five bare passes over the story, work that is exactly
   linear. On a machine whose memory caches are shared with other busy processes even that grows faster than
   linear from 1,000 to 10,000 events (every event's data falls out of the cache between passes), so the column
   ``k - yardstick`` is the rule's own growth: about 0 is linear;
4. the same for the same cases with their events written in date order, as real files mostly are;
5. the same again for the 1,000-event story told again and again (tiled): the generator packs every size into
   the same 19 years and links more organisations the more events it draws, so a bigger case is also a denser,
   more connected one, and a rule whose work depends on that (repeated sequences: longer runs of linked
   events, more recurring runs) grows faster there than its algorithm does. Tiled, the make-up stays the same.

The synthetic generator writes events in random date order, so reading them in time order jumps through memory
(a cache miss per event once a case outgrows the CPU cache): the gap between the two overall exponents is memory
layout, not the rules' algorithms. A rule's exponent rests on its own times: below ~1 ms they are noise (marked
``~``). On a shared, busy machine the CPU time is the fairer figure. Nothing here is asserted.

Run: .venv/bin/python bench/bench_patterns.py [--runs N] [--variants 1,2,3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.case import Case
from models.loading import validate_case_data
from models.patterns.base import DEFAULT_RULES, CaseView
from models.patterns.find import RULES, find_patterns
from tests.synthetic import generate_case_data

SIZES = (1_000, 2_500, 5_000, 10_000)
N_PERSONS = 300
TARGET_5000_S = 0.2
FLAG_EXPONENT = 1.15
NOISE_MS = 1.0
VIEW = "CaseView (shared)"
BARE = "yardstick: 5 bare passes"


def growth_exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-9)) for t in times]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / \
        sum((x - mean_x) ** 2 for x in xs)


def make_case(n_events: int, date_ordered: bool, tiled: bool = False) -> Case:
    """The benchmark's synthetic case, its events in generator (random date) order or in date order.

    ``tiled``: the 1,000-event case told again and again, each copy of its events moved on by its whole span, until
    there are ``n_events``: a longer story of the same make-up (as many events per year, the same organisations
    working together), so a linear rule takes exactly proportionally longer.
    """
    data = generate_case_data(n_events=SIZES[0] if tiled else n_events, n_persons=N_PERSONS, seed=1)
    if tiled:
        block = data["events"]
        first = min(_day(e["date"]) for e in block)
        shift = max(_day(e.get("end") or e["date"]) for e in block) - first + dt.timedelta(days=366)
        copies = [_moved(event, copy, shift * copy) for copy in range(math.ceil(n_events / len(block)))
                  for event in block]
        data["events"] = sorted(copies, key=lambda event: _day(event["date"]))[:n_events]  # the last copy cut short
    if date_ordered:
        data["events"].sort(key=lambda event: event["date"])
    return validate_case_data(data)


def _day(text: str) -> dt.date:
    parts = [int(part) for part in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _moved(event: dict, copy: int, shift: dt.timedelta) -> dict:
    """A copy of an event with its own id, its (partial) dates moved by ``shift`` at the same precision."""
    moved = {**event, "id": f"{event['id']}-{copy}"}
    for key in ("date", "end"):
        if key in event:
            moved[key] = (_day(event[key]) + shift).isoformat()[:len(event[key])]
    return moved


def time_whole(case: Case, runs: int) -> tuple[float, float, float, int]:
    """(median wall s, median CPU s, fastest CPU s, findings) of ``find_patterns`` over ``runs`` runs after a
    warm-up."""
    findings = find_patterns(case)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        find_patterns(case)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), min(cpu), len(findings)


def time_rules(case: Case, runs: int) -> dict[str, float]:
    """Fastest CPU seconds per rule over the runs, each run on a fresh view in ``find_patterns``' order (so a
    figure the rules share is charged to the first rule that asks for it, as in a real run)."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        start = time.process_time()
        view = CaseView(case)
        samples.setdefault(VIEW, []).append(time.process_time() - start)
        for rule in RULES:
            start = time.process_time()
            rule(view, DEFAULT_RULES)
            samples.setdefault(rule.__name__, []).append(time.process_time() - start)
        start = time.process_time()
        bare_passes(view)
        samples.setdefault(BARE, []).append(time.process_time() - start)
    return {name: min(times) for name, times in samples.items()}


def bare_passes(view: CaseView) -> int:
    """The yardstick: the least a rule does, five passes over the story reading each event's type, layer and first
    day. Its work is exactly linear, so its exponent is what this machine's memory makes of linear work."""
    first_day, hits = view.first_day, 0
    for _ in range(5):
        for event in view.story_events:
            if event.type == "incident" and event.layer == "formal" and first_day[event.id].year > 2000:
                hits += 1
    return hits


VARIANTS = {
    "events in generator order (random dates)": (False, False),
    "events in date order (as real files)": (True, False),
    "the 1,000-event story told again and again, in date order (same make-up at every size)": (True, True),
}


def report(label: str, date_ordered: bool, tiled: bool, runs: int) -> None:
    print(f"\n== {label} ==")
    print(f"{'events':>8} {'findings':>9} {'wall median s':>14} {'CPU median s':>13} {'CPU min s':>10} "
          f"{'CPU µs/event':>13}")
    cpu_whole: list[float] = []
    cpu_fastest: list[float] = []
    per_rule: dict[str, list[float]] = {}
    for n_events in SIZES:
        case = make_case(n_events, date_ordered, tiled)
        wall, cpu, fastest, n_findings = time_whole(case, runs)
        cpu_whole.append(cpu)
        cpu_fastest.append(fastest)
        print(f"{n_events:>8} {n_findings:>9} {wall:>14.3f} {cpu:>13.3f} {fastest:>10.3f} "
              f"{cpu / n_events * 1e6:>13.1f}")
        for name, seconds in time_rules(case, runs).items():
            per_rule.setdefault(name, []).append(seconds)
    at_5000 = cpu_whole[SIZES.index(5_000)]
    verdict = "within" if at_5000 <= TARGET_5000_S else "OVER"
    print(f"overall growth exponent k = {growth_exponent(list(SIZES), cpu_whole):.2f} on the median CPU time, "
          f"{growth_exponent(list(SIZES), cpu_fastest):.2f} on the fastest (1.0 = linear); "
          f"5,000 events: CPU {at_5000:.3f} s, {verdict} the {TARGET_5000_S} s target")
    header = " ".join(f"{n:>8}" for n in SIZES)
    yardstick = growth_exponent(list(SIZES), per_rule[BARE])
    print(f"{'rule (fastest CPU ms per size)':<32} {header} {'k':>6} {'k - yardstick':>14}")
    for name, seconds in sorted(per_rule.items(), key=lambda item: -item[1][-1]):
        k = growth_exponent(list(SIZES), seconds)
        noisy = "~" if seconds[-1] * 1000 < NOISE_MS else " "
        flag = f"  <-- above {FLAG_EXPONENT}" if k > FLAG_EXPONENT and not noisy.strip() else ""
        cells = " ".join(f"{s * 1000:>8.1f}" for s in seconds)
        print(f"{name:<32} {cells} {noisy}{k:>5.2f} {k - yardstick:>+14.2f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size (median taken)")
    parser.add_argument("--variants", default="1,2,3", help="which case variants, by number (default: 1,2,3)")
    args = parser.parse_args()
    chosen = {int(k) for k in args.variants.split(",")}
    for number, (label, (date_ordered, tiled)) in enumerate(VARIANTS.items(), start=1):
        if number in chosen:
            report(label, date_ordered, tiled, args.runs)


if __name__ == "__main__":
    main()
