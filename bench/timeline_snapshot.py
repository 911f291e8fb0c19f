"""Snapshot of the timeline's figures on a fixed set of cases and view states, to prove a speed-up changes nothing.

The cases: every bundled sample case and synthetic cases of 30 to 5,000 events (20,000 with ``--big``). The view
states: the default, English, the wall (both views, timeline only), the family history shown, lanes by event type,
a story step, a highlight, a date line, without labels, labels fitted for 900 px, a zoom into a range and a date
window. Each figure is drawn from scratch and twice with a cached lane layout (as the app does; the three must be
equal), and its whole JSON (``Figure.to_json``) is fingerprinted, so any change in a mark, a label, a lane, a hover
field or their order shows up as a difference.

Run from the repository root:

    .venv/bin/python bench/timeline_snapshot.py write /tmp/timeline-before.json [--big]   # before a change
    .venv/bin/python bench/timeline_snapshot.py check /tmp/timeline-before.json [--big]   # after it: exit 1 on any
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layouts.timeline.figure import layout_for, timeline_figure  # noqa: E402
from layouts.view_state import Highlight, ViewState  # noqa: E402
from models import Case, load_case  # noqa: E402
from models.event_filter import EventFilter  # noqa: E402
from tests.synthetic import generate_case  # noqa: E402

SIZES = ((30, 11), (120, 3), (400, 5), (1000, 1), (2500, 7), (5000, 1))


def cases(big: bool) -> Iterator[tuple[str, Case]]:
    for path in sorted((ROOT / "sample_cases").glob("*.json")):
        yield path.name, load_case(path)
    for n, seed in (*SIZES, (20_000, 1)) if big else SIZES:
        yield f"synthetic-{n}-{seed}", generate_case(n_events=n, n_persons=max(40, n // 20), seed=seed)


def states(case: Case) -> Iterator[tuple[str, ViewState, dict[str, Any]]]:
    ordered = case.events_in_order()
    yield "default", ViewState(), {}
    yield "en", ViewState(lang="en"), {}
    yield "wall-both", ViewState(projector=True), {}
    yield "wall-timeline", ViewState(projector=True, wall="timeline"), {}
    yield "history", ViewState(history=True), {}
    yield "event-type-lanes", ViewState(lanes="event_type"), {}
    yield "story", ViewState(story=min(5, max(len(ordered) - 1, 0))), {}
    if ordered:
        yield "highlight", ViewState(), {"highlight": Highlight.of(events=[event.id for event in ordered[::7]])}
        yield "date-line", ViewState(as_of=ordered[len(ordered) // 2].start_day()), {}
    yield "no-labels", ViewState(), {"labels": False}
    yield "labels-900px", ViewState(), {"label_px": 900}
    if len(ordered) > 20:
        xs = sorted(item.x for item in layout_for(case, ViewState()).placed)
        third = len(xs) // 3
        yield "zoom", ViewState(), {"view_range": (xs[third], xs[third + min(400, third)])}
        window = (ordered[len(ordered) // 4].start_day(), ordered[3 * len(ordered) // 4].start_day())
        yield "window", ViewState(filters=EventFilter.of(window=window)), {}


def fingerprints(big: bool) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, case in cases(big):
        for state_name, state, options in states(case):
            drawn = timeline_figure(case, state, **options).to_json()
            layout = layout_for(case, state)
            again = [timeline_figure(case, state, layout=layout, **options).to_json() for _ in range(2)]
            assert again == [drawn, drawn], f"{name} {state_name}: a cached layout draws another figure"
            found[f"{name}/{state_name}"] = hashlib.sha256(drawn.encode("utf-8")).hexdigest()
        print(name, flush=True)
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("write", "check"):
        print(__doc__)
        return 2
    found = fingerprints("--big" in argv)
    if argv[0] == "write":
        Path(argv[1]).write_text(json.dumps(found, indent=1), encoding="utf-8")
        print(f"{len(found)} figures written to {argv[1]}")
        return 0
    before = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    changed = sorted(key for key in found.keys() | before.keys() if found.get(key) != before.get(key))
    print(f"compared {len(found)} figures: {len(changed)} differ" + "".join(f"\n  {key}" for key in changed))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
