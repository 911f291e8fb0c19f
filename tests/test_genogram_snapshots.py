"""Snapshots of the sample cases' geno-sociograms (as kinship2 snapshots its sample pedigrees): where every mark
and organisation box goes, on the screen and in a wall frame, so that a change in the layout shows in review.

After an intended change of the layout: ``UPDATE_SNAPSHOTS=1 pytest tests/test_genogram_snapshots.py``, then
look at the drawings and the diff of ``tests/data/genogram_snapshots.json`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from layouts.genogram.figure import genosociogram_figure
from layouts.view_state import ViewState
from models import load_case

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "data" / "genogram_snapshots.json"
SAMPLES = sorted((ROOT / "sample_cases").glob("*.json"))
VIEWS: dict[str, tuple[ViewState, dict[str, Any]]] = {
    "screen": (ViewState(), {}), "wall": (ViewState(projector=True), {"frame": (1888, 1000)})}


def snapshot(path: Path, view: str) -> dict[str, Any]:
    state, options = VIEWS[view]
    meta = genosociogram_figure(load_case(path), state, **options).layout.meta
    return {"positions": meta["positions"], "boxes": meta["boxes"], "px_per_unit": round(meta["px_per_unit"], 3),
            "legend": list(meta["legend"])}


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(a - b) <= 2e-3
    return a == b


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_layout_matches_its_snapshot(path: Path, view: str) -> None:
    key = f"{path.stem}/{view}"
    found = snapshot(path, view)
    stored = json.loads(SNAPSHOTS.read_text(encoding="utf-8")) if SNAPSHOTS.exists() else {}
    if os.environ.get("UPDATE_SNAPSHOTS"):
        stored[key] = found
        SNAPSHOTS.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert key in stored, "no snapshot yet: run with UPDATE_SNAPSHOTS=1"
    moved = sorted(k for k in set(found["positions"]) | set(stored[key]["positions"])
                   if not _close(found["positions"].get(k), stored[key]["positions"].get(k)))
    assert not moved, f"{key}: these marks moved (or appeared/disappeared): {moved[:12]}"
    assert _close(found, stored[key]), f"{key}: boxes, scale or legend changed"
