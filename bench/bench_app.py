"""Server time of a selection round trip in the app, on a 5,000-event synthetic case.

A round trip is what the server does between a click and the highlighted figure: the navigation
callback (click → selection) and then the figure callback (selection → figure or patch), plus turning
the answer into JSON. The callback functions are called directly (no browser), and once more through
Flask's test client with the store as the browser sends it (request parsing included).

Run: .venv/bin/python bench/bench_app.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from dash._utils import to_json

from app import timeline_view
from app.factory import create_app
from app.filters import case_bounds
from app.navigation import (
    fit_to_width,
    genosociogram_figure,
    navigate,
    timeline_output,
)
from app.state import case_view, clear_cache, open_case_bytes
from layouts.view_state import Selection, ViewState
from tests.synthetic import generate_case_data

N_EVENTS = 5_000
RUNS = 15
TARGET_MS = 50.0


def _median_ms(run: Callable[[int], Any], runs: int = RUNS) -> tuple[float, Any]:
    times, result = [], None
    for i in range(runs):
        start = time.perf_counter()
        result = run(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _json(value: Any) -> str:
    """The answer as Dash serialises it."""
    return to_json(value)


# The last commit before the geno-sociogram was built without plotly's validation and with a cached family
# layout (issue 5); the bench measures it and this tree with one harness, in fresh processes.
BEFORE_COMMIT = "0e9d962"
_GENO_CLICK = r"""
import statistics, sys, time
sys.path.insert(0, sys.argv[1])
from dash._utils import to_json
from layouts.genogram.figure import genosociogram_figure
from tests.synthetic import generate_case
case = generate_case(n_events=5000, n_persons=300, seed=1)
ordered = case.events_in_order()
first, last = ordered[0].start_day(), max(e.start_day() for e in ordered)
try:  # the view-state signature (this tree); else the commit's keyword arguments
    from layouts.view_state import Highlight, ViewState
except ImportError:
    ViewState = None
def click(i):
    event = ordered[(i * 331) % len(ordered)]
    day = min(max(event.start_day(), first), last)
    orgs = [o for o in (event.organisation, event.to_organisation) if o]
    if ViewState is not None:
        fig = genosociogram_figure(case, ViewState(as_of=day), highlight=Highlight.of(
            persons=event.persons, organisations=orgs, events=[event.id]))
    else:
        fig = genosociogram_figure(case, day, highlight_persons=list(event.persons), highlight_organisations=orgs,
                                   highlight_events=[event.id])
    fig.update_layout(width=None, height=None, autosize=True)
    return to_json(fig)
click(0)
times = []
for i in range(15):
    start = time.perf_counter()
    click(i)
    times.append((time.perf_counter() - start) * 1000)
print(statistics.median(times))
"""


def _geno_click_ms(commit: str | None) -> float | None:
    """Median ms of an event click's geno-sociogram (build, fit, JSON) with ``layouts`` and ``models`` of
    ``commit`` (None: this working tree), in a fresh process; None when git or the commit is not there."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        source = str(root)
        if commit is not None:
            if shutil.which("git") is None:
                return None
            archive = subprocess.run(["git", "archive", commit, "layouts", "models"], cwd=root,
                                     capture_output=True, check=False)
            if archive.returncode:
                return None
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tmp, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(tmp)
            source = tmp
        done = subprocess.run([sys.executable, "-c", _GENO_CLICK, source], cwd=tmp, capture_output=True, text=True,
                              timeout=600, check=False)
        try:
            return float(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            return None


def main() -> None:
    data = json.dumps(generate_case_data(N_EVENTS, 300, seed=1)).encode("utf-8")
    start = time.perf_counter()
    store, error = open_case_bytes(data)
    assert store is not None, error
    open_s = time.perf_counter() - start
    view = case_view(store)
    assert view is not None
    print(f"case: {len(view.ordered)} events, {len(view.case.persons)} persons; JSON {len(data) // 1024} KB, "
          f"store {len(store['blob']) // 1024} KB; open + validate {open_s:.2f} s")

    state = ViewState()
    start = time.perf_counter()
    full, shown = timeline_output(view, state)
    full_json = _json(full)
    print(f"first timeline (cold, full figure): {(time.perf_counter() - start) * 1000:.0f} ms, "
          f"{len(full_json) // 1024} KB")

    people = [p.id for p in view.case.persons if p.id in view.person_events]
    events = [e.id for e in view.ordered]

    # Person click in the geno-sociogram → highlighted timeline (a patch).
    def person_round_trip(i: int) -> int:
        click = {"points": [{"customdata": people[i % len(people)]}]}
        nav = navigate(case_view(store), "genosociogram-graph", click, None, None, False)
        answer, _ = timeline_output(case_view(store), state.replace(selection=Selection.from_dict(nav.selection)),
                                    shown)
        return len(_json(answer))

    person_ms, size = _median_ms(person_round_trip)
    verdict = "within" if person_ms <= TARGET_MS else "OVER"
    print(f"person click → timeline highlight (patch): median {person_ms:.1f} ms, {size // 1024} KB sent "
          f"— {verdict} the {TARGET_MS:.0f} ms target")

    # Event click on the timeline → the timeline: the event highlighted and the date line moved to it (a patch;
    # the selection and the date are not part of the figure's cache key, so nothing is rebuilt).
    def event_timeline_round_trip(i: int) -> int:
        click = {"points": [{"customdata": events[(i * 331) % len(events)]}]}
        nav = navigate(case_view(store), "timeline-graph", click, None, None, False)
        day = dt.date.fromordinal(nav.as_of)
        answer, _ = timeline_output(case_view(store), state.replace(selection=Selection.from_dict(nav.selection),
                                                                    as_of=day), shown)
        assert not isinstance(answer, go.Figure), "an event click rebuilt the timeline"
        return len(_json(answer))

    click_ms, size = _median_ms(event_timeline_round_trip)
    verdict = "within" if click_ms <= TARGET_MS else "OVER"
    print(f"event click → timeline highlight + date line (patch): median {click_ms:.1f} ms, {size // 1024} KB sent "
          f"— {verdict} the {TARGET_MS:.0f} ms target")

    # Event click on the timeline → geno-sociogram as of the event, persons highlighted (full figure), as the
    # app's callback does it: build, fit to the card's width, serialise.
    bounds = case_bounds(view)

    def event_round_trip(i: int, validate: bool = False) -> int:
        click = {"points": [{"customdata": events[(i * 331) % len(events)]}]}
        nav = navigate(case_view(store), "timeline-graph", click, None, None, False)
        fig = genosociogram_figure(case_view(store), nav.selection, nav.as_of, "nl", False)
        if validate:  # what the figure cost when plotly validated every property (before issue 5's fix)
            fig = go.Figure(fig.to_dict())
        fig, _ = fit_to_width(fig)
        return len(_json(fig))

    event_round_trip(0)  # warm the family-layout cache, as a running app has it
    validated_ms, _ = _median_ms(lambda i: event_round_trip(i, validate=True))
    event_ms, size = _median_ms(event_round_trip)
    verdict = "within" if event_ms <= TARGET_MS else "OVER"
    print(f"event click → geno-sociogram highlight (full figure): median {event_ms:.1f} ms, {size // 1024} KB sent "
          f"— {verdict} the {TARGET_MS:.0f} ms target")
    print(f"  the same with plotly validating the figure: median {validated_ms:.1f} ms")
    before, after = (_geno_click_ms(commit) for commit in (BEFORE_COMMIT, None))
    if before is not None and after is not None:
        print(f"  geno-sociogram click, same harness, before (commit {BEFORE_COMMIT}) / after (this tree): "
              f"{before:.1f} / {after:.1f} ms = {before / after:.1f}× faster")

    # The person round trip through Flask, with the store as the browser sends it (two requests).
    app = create_app(None)
    client = app.server.test_client()
    shown_sig = shown

    def request(first_output: str, values: dict[str, Any], changed: str) -> dict[str, Any]:
        """The body the browser posts for the callback whose outputs start with ``first_output``, built from
        the app's own callback map (so that a new input elsewhere does not break the bench): ``values`` by
        "id.property", pattern-matching (ALL) inputs empty, anything else None."""
        key, spec = next((k, v) for k, v in app.callback_map.items() if k.startswith(f"..{first_output}"))

        def item(dep: dict[str, Any]) -> Any:
            if isinstance(dep["id"], dict):
                return []
            return {"id": dep["id"], "property": dep["property"],
                    "value": values.get(f"{dep['id']}.{dep['property']}")}

        outputs = [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
                   for part in key.strip(".").split("...")]
        return {"output": key, "outputs": outputs, "inputs": [item(dep) for dep in spec["inputs"]],
                "state": [item(dep) for dep in spec["state"]], "changedPropIds": [changed]}

    def timeline_request(selection: Any, changed: str, as_of: int | None = None) -> dict[str, Any]:
        values = {"case-store.data": store, "selection-store.data": selection, "filter-persons.value": [],
                  "as-of.value": as_of,
                  "filter-organisations.value": [], "filter-types.value": [], "filter-layer.value": "both",
                  "story-store.data": {"step": 0}, "story-toggle.value": False, "lang.value": "nl",
                  "projector.value": False, "lane-mode.value": "organisation", "timeline-shown.data": shown_sig}
        return request("timeline-graph.figure", values, changed)

    def navigation_request(item: str, graph: str = "genosociogram-graph") -> dict[str, Any]:
        click = {"points": [{"customdata": item, "curveNumber": 0, "pointNumber": 0}]}
        values = {"case-store.data": store, f"{graph}.clickData": click, "clear-selection.n_clicks": 0,
                  "story-store.data": {"step": 0}, "story-toggle.value": False}
        return request("selection-store.data", values, f"{graph}.clickData")

    parts: list[tuple[float, float]] = []

    def flask_round_trip(i: int) -> int:
        person = people[i % len(people)]
        start = time.perf_counter()
        answer = client.post("/_dash-update-component", json=navigation_request(person))
        assert answer.status_code == 200, answer.status_code
        selection = answer.get_json()["response"]["selection-store"]["data"]
        middle = time.perf_counter()
        answer = client.post("/_dash-update-component", json=timeline_request(selection, "selection-store.data"))
        assert answer.status_code == 200, answer.status_code
        parts.append(((middle - start) * 1000, (time.perf_counter() - middle) * 1000))
        return len(answer.get_data())

    flask_ms, size = _median_ms(flask_round_trip)
    print(f"same through Flask (requests carry the {len(store['blob']) // 1024} KB store): median "
          f"{flask_ms:.1f} ms (click → selection {statistics.median(p[0] for p in parts):.1f} ms, "
          f"selection → patch {statistics.median(p[1] for p in parts):.1f} ms), {size // 1024} KB answer")

    # An event click on the timeline through Flask: the navigation callback (selection and date), then the
    # timeline callback with both changed, answered with a patch.
    event_parts: list[tuple[float, float]] = []

    def flask_event_click(i: int) -> int:
        start = time.perf_counter()
        answer = client.post("/_dash-update-component",
                             json=navigation_request(events[(i * 331) % len(events)], "timeline-graph"))
        assert answer.status_code == 200, answer.status_code
        response = answer.get_json()["response"]
        selection, as_of = response["selection-store"]["data"], response["as-of"]["value"]
        middle = time.perf_counter()
        answer = client.post("/_dash-update-component",
                             json=timeline_request(selection, "selection-store.data", as_of))
        assert answer.status_code == 200, answer.status_code
        assert b'"operations"' in answer.get_data(), "an event click rebuilt the timeline"
        event_parts.append(((middle - start) * 1000, (time.perf_counter() - middle) * 1000))
        return len(answer.get_data())

    event_flask_ms, size = _median_ms(flask_event_click)
    verdict = "within" if event_flask_ms <= TARGET_MS else "OVER"
    print(f"event click at {N_EVENTS:,} events through Flask (server time: click → selection and date → "
          f"timeline patch): median {event_flask_ms:.1f} ms (navigation "
          f"{statistics.median(p[0] for p in event_parts):.1f} ms, timeline "
          f"{statistics.median(p[1] for p in event_parts):.1f} ms), {size // 1024} KB answer "
          f"— {verdict} the {TARGET_MS:.0f} ms target")

    # The same person round trip with a cold derived-data cache (as on a fresh worker).
    def cold(i: int) -> int:
        clear_cache()
        timeline_view.clear()
        return person_round_trip(i)

    cold_ms, _ = _median_ms(cold, runs=3)
    print(f"person click on a fresh worker (re-parse, full figure): median {cold_ms:.0f} ms")
    assert bounds is not None
    worst = max(person_ms, click_ms, event_flask_ms, event_ms)
    print(f"timeline patches at any size; {'OK' if worst <= TARGET_MS else 'target missed'}")


if __name__ == "__main__":
    main()
