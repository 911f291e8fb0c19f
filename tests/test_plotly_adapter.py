"""The one use of plotly.py beyond its public API (layouts/plotly_adapter.py) still does what it promises.

These fail loudly on a plotly upgrade: then check the adapter again (or use ``go.Figure(data=..., layout=...)``)
and move ``CHECKED_ON``.
"""

from __future__ import annotations

import re
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest

from layouts.plotly_adapter import CHECKED_ON, unchecked_figure

ROOT = Path(__file__).resolve().parents[1]


def _version(text: str) -> tuple[int, int]:
    major, minor = re.match(r"(\d+)\.(\d+)", text).groups()  # type: ignore[union-attr]
    return int(major), int(minor)


def test_plotly_is_a_version_the_adapter_was_checked_on() -> None:
    low, high = CHECKED_ON
    assert low <= _version(plotly.__version__) < high, (
        f"plotly {plotly.__version__} is outside {CHECKED_ON}: check layouts/plotly_adapter.py on it")


def test_unchecked_figure_skips_the_validation_the_public_constructor_does() -> None:
    wrong = [{"type": "scatter", "x": [1], "y": [2], "opacity": 7, "marker": {"symbol": "no-such-symbol"}}]
    with pytest.raises(ValueError):
        go.Figure(data=wrong, layout={})
    fig = unchecked_figure(wrong, {"height": 300})  # what a dropped or renamed private flag would refuse
    assert fig.data[0].opacity == 7 and fig.data[0].marker.symbol == "no-such-symbol" and fig.layout.height == 300


def test_unchecked_figure_is_the_same_figure_as_a_validated_one() -> None:
    data = [{"type": "scatter", "x": [1, 2], "y": [3, 4], "marker": {"symbol": 2, "color": "#123456"}}]
    layout = {"height": 300, "xaxis": {"range": [0, 3]}, "meta": {"frame": [800, 600]}}
    assert unchecked_figure(data, layout).to_plotly_json() == go.Figure(data=data, layout=layout).to_plotly_json()


def test_only_the_adapter_passes_plotly_private_arguments() -> None:
    offenders = [str(path.relative_to(ROOT)) for folder in ("app", "layouts", "models")
                 for path in (ROOT / folder).rglob("*.py")
                 if path.name != "plotly_adapter.py" and re.search(r"\b_validate\s*=|\._get_validator\b",
                                                                   path.read_text(encoding="utf-8"))]
    assert offenders == []
