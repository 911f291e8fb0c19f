"""A selection or a date in the geno-sociogram is a small patch of the figure shown, not a new figure (issue 13):
the patch turns the shown figure into what a full build draws, and another drawing is built anew. Organisations
unfold on the wall per organisation, by the button on their box."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import plotly.io as pio
import pytest
from dash import Patch, no_update
from plotly.io.json import to_json_plotly

from app import genosociogram_view
from app.callbacks import view as view_callbacks
from app.navigation import genosociogram_output
from app.state import case_view, open_case_bytes
from layouts.style import DIM_OPACITY

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
WALL = {"width": 940, "height": 900, "wall": "both"}


@pytest.fixture(scope="module")
def sem_store() -> dict[str, Any]:
    store, _ = open_case_bytes(SEM.read_bytes())
    assert store is not None
    return {**store, "name": SEM.name, "source": "file"}


def _plain(value: Any) -> Any:
    """A patch value as the browser gets it (numpy arrays as plotly serialises them)."""
    return json.loads(pio.to_json({"data": [{"x": value}]}, validate=False))["data"][0]["x"]


def _apply(fig: Any, patch: Patch) -> dict[str, Any]:
    """The figure's dict with the patch's assignments applied (as Dash does in the browser)."""
    data = json.loads(pio.to_json(fig, validate=False))
    for op in patch.to_plotly_json()["operations"]:
        assert op["operation"] == "Assign"
        *path, last = op["location"]
        target = data
        for step in path:
            target = target.setdefault(step, {}) if isinstance(target, dict) else target[step]
        target[last] = _plain(op["params"]["value"])
    return data


def _values(column: Any) -> list[Any]:
    """A column's values, whether plotly packed it (``{"dtype", "bdata"}``) or not; gaps as None."""
    if isinstance(column, dict) and "bdata" in column:
        column = np.frombuffer(base64.b64decode(column["bdata"]), dtype=column["dtype"]).tolist()
    return [None if v is None or v != v else round(v, 4) for v in column or []]


def _drawing(fig: dict[str, Any]) -> list[tuple]:
    """What the drawing shows: each trace's points, text and opacity."""
    return [(t.get("mode"), t.get("opacity"), _values(t.get("x")), _values(t.get("y")), t.get("text"))
            for t in fig["data"]]


def _day(view: Any, day: dt.date) -> int:
    return day.toordinal()


def test_a_selection_is_a_patch_that_draws_what_a_build_draws(sem_store: dict[str, Any]) -> None:
    view = case_view(sem_store)
    genosociogram_view.clear()
    day = _day(view, dt.date(2022, 6, 11))
    base, shown = genosociogram_output(view, None, day, "nl", True, "both", WALL)
    assert not isinstance(base, Patch) and shown
    layers = base.layout.meta["layers"]
    assert layers and all(not len(t.x) for t in base.data[layers:2 * layers])  # nothing highlighted: no overlay
    selection = {"kind": "person", "id": view.case.index_person}
    patch, same = genosociogram_output(view, selection, day, "nl", True, "both", WALL, shown)
    assert isinstance(patch, Patch) and same == shown
    full, sig = genosociogram_output(view, selection, day, "nl", True, "both", WALL)
    assert sig == shown
    patched, rebuilt = _apply(base, patch), json.loads(pio.to_json(full, validate=False))
    assert _drawing(patched) == _drawing(rebuilt)
    assert patched["layout"]["title"] == rebuilt["layout"]["title"]
    # the highlight: the drawing dimmed, the index person's part drawn over it at full opacity
    assert {t["opacity"] for t in patched["data"][:layers]} == {DIM_OPACITY}
    assert 0 < sum(bool(t["x"]) for t in patched["data"][layers:2 * layers]) < layers
    # and back: nothing selected patches the overlay away
    cleared = _apply(full, genosociogram_output(view, None, day, "nl", True, "both", WALL, sig)[0])
    assert _drawing(cleared) == _drawing(json.loads(pio.to_json(base, validate=False)))
    # the patch is small beside the figure (the index person, tied to most of the drawing, makes a large one)
    assert len(to_json_plotly(patch.to_plotly_json())) < len(base.to_json()) / 3


def test_a_date_with_the_same_network_is_a_patch_and_another_network_a_new_figure(
        sem_store: dict[str, Any]) -> None:
    view = case_view(sem_store)
    genosociogram_view.clear()
    day = _day(view, dt.date(2022, 5, 1))
    _, shown = genosociogram_output(view, None, day, "nl", True, "network", {**WALL, "wall": "network"})
    moved, sig = genosociogram_output(view, None, day + 1, "nl", True, "network", {**WALL, "wall": "network"}, shown)
    assert isinstance(moved, Patch) and sig == shown
    title = next(op for op in moved.to_plotly_json()["operations"] if op["location"] == ["layout", "title", "text"])
    assert "2 mei 2022" in title["params"]["value"]
    earlier, other = genosociogram_output(view, None, _day(view, dt.date(2015, 1, 1)), "nl", True, "network",
                                          {**WALL, "wall": "network"}, shown)
    assert not isinstance(earlier, Patch) and other != shown  # fewer people then: drawn anew
    assert not isinstance(genosociogram_output(view, None, day, "nl", True, "both", WALL, "unknown")[0], Patch)


class _Recorder:
    """Stands in for the Dash app: keeps each callback's function by its first output."""

    def __init__(self) -> None:
        self.functions: dict[str, Any] = {}

    def callback(self, *args: Any, **_: Any) -> Any:
        first = str(args[0])

        def keep(function: Any) -> Any:
            self.functions[first] = function
            return function
        return keep

    def clientside_callback(self, *_: Any, **__: Any) -> None:
        return None


def test_the_network_callback_answers_a_selection_with_a_patch(sem_store: dict[str, Any]) -> None:
    recorder = _Recorder()
    view_callbacks.register(recorder)  # type: ignore[arg-type]
    draw = recorder.functions["genosociogram-graph.figure"]
    view = case_view(sem_store)
    day = _day(view, dt.date(2022, 6, 11))
    fig, style, _, _, shown = draw(sem_store, None, day, "nl", True, "both", WALL, None, None)
    assert not isinstance(fig, Patch) and style is not no_update
    answer = draw(sem_store, {"kind": "person", "id": view.case.index_person}, day, "nl", True, "both", WALL, None,
                  shown)
    assert isinstance(answer[0], Patch) and answer[1] is no_update and answer[4] == shown
    # unfolding an organisation changes the drawing: a new figure with its professionals
    org = next(k[7:] for k in _marks(fig) if k.startswith("unfold:"))
    unfolded = view_callbacks.toggled(None, f"unfold:{org}", SEM.name, False)
    assert unfolded == {"case": SEM.name, "open": [org]}
    opened = draw(sem_store, None, day, "nl", True, "both", WALL, unfolded, shown)[0]
    assert not isinstance(opened, Patch) and f"fold:{org}" in _marks(opened)
    assert view_callbacks.toggled(unfolded, f"fold:{org}", SEM.name, False) == {"case": SEM.name, "open": []}
    assert view_callbacks.toggled(unfolded, view.case.index_person, SEM.name, False) is no_update
    assert view_callbacks.toggled(unfolded, None, "other.json", True) == {"case": "other.json", "open": []}


def _marks(fig: Any) -> set[str]:
    return {str(v) for trace in fig.data if trace.customdata is not None for v in trace.customdata}


def test_a_fold_button_click_is_the_unfold_callbacks_not_a_selection() -> None:
    """A box's "+"/"−" carries ``unfold:<id>``/``fold:<id>``: the navigation callback leaves it alone (a reset of the
    click there reached the unfold callback first, as None, and the box never opened on the wall)."""
    assert view_callbacks.folding("unfold:org-bron") and view_callbacks.folding("fold:org-bron")
    assert not any(view_callbacks.folding(item) for item in ("org:org-bron", "org-bron", "sem", "", None))
