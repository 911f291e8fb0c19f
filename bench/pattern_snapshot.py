"""Snapshot of every ``find_patterns`` finding on a fixed set of cases, to prove a speed-up changes nothing.

The cases: every bundled sample case, every realistic case in ``tests/data/patterns``, the hand-built calamity
case and synthetic cases of 200 to 5,000 events (several seeds and generation depths), each without and with
a few date windows, with a fixed ``PYTHONHASHSEED`` (the script restarts itself with it) so that anything
iterating over a set of strings comes out in the same order in both runs. Every finding is written out whole
(``Finding.to_dict``), so any change in wording, evidence, order, measure or details shows up as a difference.

Run from the repository root:

    .venv/bin/python bench/pattern_snapshot.py write /tmp/patterns-before.json   # before a change
    .venv/bin/python bench/pattern_snapshot.py check /tmp/patterns-before.json   # after it: exit 1 on any change
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import Case, load_case  # noqa: E402
from models.patterns.find import find_patterns  # noqa: E402
from tests.calamity_builder import calamity_case  # noqa: E402
from tests.synthetic import generate_case  # noqa: E402

WINDOWS: tuple[tuple[dt.date | None, dt.date | None], ...] = (
    (None, None), (dt.date(2012, 1, 1), None), (None, dt.date(2015, 6, 30)),
    (dt.date(2013, 3, 1), dt.date(2019, 2, 28)),
)
SYNTHETIC = ((200, 40, 0, 3), (200, 40, 1, 4), (500, 60, 2, 3), (1_000, 120, 3, 2), (1_000, 300, 1, 3),
             (2_000, 300, 1, 3), (5_000, 300, 1, 3), (5_000, 80, 7, 4))


def cases() -> Iterator[tuple[str, Case]]:
    """(name, case) for every case in the snapshot."""
    for path in sorted((ROOT / "sample_cases").glob("*.json")):
        yield f"sample/{path.name}", load_case(path)
    for path in sorted((ROOT / "tests" / "data" / "patterns").glob("*.json")):
        if not path.name.endswith(".expected.json"):
            yield f"patterns/{path.name}", load_case(path)
    yield "calamity_builder", calamity_case()
    for n_events, n_persons, seed, generations in SYNTHETIC:
        yield (f"synthetic/{n_events}-{n_persons}-{seed}-{generations}",
               generate_case(n_events=n_events, n_persons=n_persons, seed=seed, n_generations=generations))


def snapshot() -> dict[str, Any]:
    """Every finding of every case and window, as plain JSON data."""
    result: dict[str, Any] = {}
    for name, case in cases():
        for window in WINDOWS:
            key = f"{name} {window[0]}..{window[1]}"
            date_window = None if window == (None, None) else window
            result[key] = [finding.to_dict() for finding in find_patterns(case, date_window=date_window)]
    return result


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # set iteration order must not differ between the two runs
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *argv])
    if len(argv) != 3 or argv[1] not in ("write", "check"):
        print(__doc__)
        return 2
    path, now = Path(argv[2]), snapshot()
    if argv[1] == "write":
        path.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        print(f"wrote {sum(len(v) for v in now.values())} findings of {len(now)} case/window runs to {path}")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(now, ensure_ascii=False, sort_keys=True))
    differing = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in differing:
        old, new = before.get(key) or [], now.get(key) or []
        print(f"DIFFERENT: {key} ({len(old)} findings before, {len(new)} now)")
        for position, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                fields = sorted(f for f in a.keys() | b.keys() if a.get(f) != b.get(f))
                print(f"  first difference at finding {position} ({a.get('id')} / {b.get('id')}): {fields}")
                break
    print(f"{len(now) - len(differing)} of {len(now)} case/window runs identical"
          f" ({sum(len(v) for v in now.values())} findings)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
