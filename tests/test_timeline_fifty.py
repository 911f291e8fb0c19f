"""Cases of 50 events (issue 15: "a case of up to 50 events fully labelled"): the first 50 events of each bundled
case of 75 events or more, on the screen at the widths the app gives the timeline at 1280×720 (full width, below
1600 px) and 1920×1080 (beside the side column). Measured before the screen let leader lines pass under labels and
fitted four ways: 32–42 at 1280; then 43–47 (48–49 at 1920); with the focus axis on the screen too (busy months
wider) 45–49 at 1280 and 48–50 at 1920, no two labels overlapping. All 50 is not reached everywhere: Sem's first
50 leave five without a word at 1280."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from layouts.style import PAPER
from layouts.timeline.figure import layout_for, timeline_figure
from layouts.view_state import ViewState
from models.loading import parse_case_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
TIMELINE_PX = {1280: 1210, 1920: 1458}
"""The timeline card's width in Chromium at each screen width (tests/browser/test_screen_labels.py reads it)."""
AT_LEAST = {1280: 45, 1920: 48}


def first_fifty(name: str):
    """The case ``name`` cut to its first 50 events by date, notes and links to the others left out."""
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    kept = sorted(data["events"], key=lambda event: event.get("date") or "")[:50]
    ids = {event["id"] for event in kept}
    data["events"] = [event for event in data["events"] if event["id"] in ids]
    notes = []
    for note in data.get("annotations", []):
        events = [event for event in note.get("target", {}).get("events", []) if event in ids]
        if events or not note.get("target", {}).get("events"):
            notes.append({**note, "target": {**note["target"], "events": events}} if "target" in note else note)
    data["annotations"] = notes
    data["links"] = [link for link in data.get("links", []) if link["source"] in ids and link["target"] in ids]
    return parse_case_bytes(json.dumps(data).encode())


@pytest.mark.parametrize("screen", sorted(TIMELINE_PX))
@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
def test_fifty_events_on_the_screen_nearly_all_carry_their_words(name: str, screen: int) -> None:
    case = first_fifty(name)
    assert len(case.events) == 50
    state = ViewState()
    layout = layout_for(case, state)
    fig = timeline_figure(case, state, layout=layout, label_px=TIMELINE_PX[screen])
    labels = [note for note in fig.layout.annotations if note.name == "timeline-label"]
    assert len(labels) >= AT_LEAST[screen]
    (words,) = layout.words_cache.values()
    boxes = [(b.left, b.top, b.left + b.width, b.top + b.height) for b in words.boxes]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # leader lines pass under labels beside their marks only: those are drawn last, opaque, over the lines
    order = [note.showarrow for note in labels]
    assert order == sorted(order, reverse=True)
    assert {note.bgcolor for note in labels if not note.showarrow} == {PAPER}
