"""One palette for perspectives: the workshop gives a perspective the colour the side panel would, and every
colour is distinguishable from the others and readable on white."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from app.workshop_store import STORE_NAME, WorkshopStore
from layouts.components.compare import colour_options
from layouts.contributions import PALETTE, perspective_colours
from models.group import PERSPECTIVE_PALETTE
from models.group_editing import with_perspective


def _linear(colour: str) -> list[float]:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of ``colour`` against #FFFFFF."""
    red, green, blue = _linear(colour)
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    red, green, blue = _linear(colour)
    xyz = ((0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047,
           0.2126 * red + 0.7152 * green + 0.0722 * blue,
           (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_the_workshop_and_the_side_panel_share_one_palette_in_one_order() -> None:
    assert tuple(PALETTE) == tuple(PERSPECTIVE_PALETTE)
    assert [o["value"] for o in colour_options()] == list(PERSPECTIVE_PALETTE)
    assert list(perspective_colours(["a", "b", "c"]).values()) == list(PERSPECTIVE_PALETTE[:3])


def test_a_perspective_gets_the_same_colour_in_the_workshop_as_in_the_side_panel(tmp_path: Path) -> None:
    store = WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop("x.json")
    panel: dict = {}
    for name, perspective in (("Anna", "school"), ("Bo", "ouder"), ("Chris", "wijkteam")):
        assert store.join(workshop.code, name, perspective)
        panel = with_perspective(panel, perspective, perspective)
    assert dict(store.workshop(workshop.id).colours) == {p["key"]: p["colour"] for p in panel["perspectives"]}


def test_every_palette_colour_is_readable_on_white_and_apart_from_the_others() -> None:
    assert len(set(PERSPECTIVE_PALETTE)) == len(PERSPECTIVE_PALETTE) >= 8
    low = {colour: round(contrast_on_white(colour), 2) for colour in PERSPECTIVE_PALETTE
           if contrast_on_white(colour) < 3}
    assert not low, f"less than 3:1 against white: {low}"
    close = [(a, b, round(math.dist(lab(a), lab(b)), 1)) for a, b in itertools.combinations(PERSPECTIVE_PALETTE, 2)
             if math.dist(lab(a), lab(b)) < 25]
    assert not close, f"too alike (CIE76 ΔE < 25): {close}"
