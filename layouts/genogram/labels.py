"""Room for the person labels of the geno-sociogram: each label as wide as it needs and its neighbours leave.

The figure is drawn for the width it is shown at, so that a label's estimated width (:data:`CHAR_EM` em a
character) in px holds on the screen; a label that does not fit wraps, then is cut with "…".
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from layouts.genogram.captions import chars_in, fit, years_fitted
from layouts.genogram.context import Mark
from layouts.genogram.legend import CHAR_EM, Scale
from layouts.genogram.ring import CELL_H, PAD

AIR_EM = 0.35
"""em between two names side by side, beside their estimated widths (less and they read as one name)."""


def label_fonts(scale: Scale, projector: bool, ppu: float) -> tuple[int, int]:
    """(family, ring) label font sizes (px): the screen's smaller when the drawing is drawn small."""
    if projector:
        return scale.small, scale.small - 2
    return (scale.text, scale.small) if ppu >= 30 else (scale.small, scale.small - 1)


def label_need(label: str, font: int, ppu: float, lines: int = 2) -> tuple[float, float]:
    """Half widths (units) of ``label`` on one line, and wrapped in ``lines`` lines as narrow as they go."""
    px = font * CHAR_EM / ppu / 2
    return len(label) * px + 0.05, line_chars(label, lines) * px + 0.05


@lru_cache(maxsize=8192)
def line_chars(label: str, lines: int = 2) -> int:
    """Characters a line of ``label`` wrapped in ``lines`` lines as narrow as they go."""
    return next((k for k in range(3, len(label) + 1) if "…" not in fit(label, k, lines)), max(3, len(label)))


def fit_labels(marks: dict[str, Mark], labels: dict[str, str], fonts: tuple[int, int], ppu: float,
                boxed: dict[str, tuple[float, float]] | None = None, years: dict[str, str] | None = None,
                years_font: int = 12, narrow: Collection[str] = (), lines: dict[str, int] | None = None) -> None:
    """Set each person's label room (``label_chars``, ``label_half_w``, ``label_lines``, ``label_depth``,
    ``label_font``): as wide as the label needs and its row neighbours leave room for at ``ppu``, so that labels
    never run into each other. In a crowded gap a label that fits on one line beside its neighbour's wrapped one
    keeps its line; else both wrap (onto two lines, before "(" where the words allow) and share the gap; what
    still does not fit is cut with "…" (the hover has it in full).

    ``fonts``: (family, ring) px; ``boxed``: organisation members -> their box's (x0, x1), which their labels stay
    inside (and below their symbol in the box); ``years``: the line of years under a family label (``years_font``
    px; shortened to ``1923–93`` or the birth year when tight); ``narrow``: persons whose names wrap onto two
    lines even when one would fit (the informal network's column in a wall frame: the family gets the width);
    ``lines``: persons whose name may take more than two lines (three, in a wall frame too narrow for two)."""
    people = [(k, m) for k, m in marks.items() if k in labels]
    most = {k: (lines or {}).get(k, 2) for k, _ in people}
    need = {k: label_need(labels[k], fonts[0] if m.family else fonts[1], ppu, most[k]) for k, m in people}
    for k in narrow:
        if k in need:  # on two lines as narrow as they go, even with room for one
            need[k] = (need[k][1], need[k][1])
    for k, text_ in (years or {}).items():
        if k in need:
            full, least = (len(t) * years_font * CHAR_EM / ppu / 2 + 0.05 for t in (text_, years_fitted(text_, 0)))
            need[k] = (max(need[k][0], full), max(need[k][1], least))
    tall = {k: (most[k] + (1 if years and k in years else 0)) * (fonts[0] if m.family else fonts[1]) * 1.3 / ppu
            for k, m in people}  # a label's height (its lines, and a line of years), units
    for key, m in people:
        one, two = need[key]
        box = (boxed or {}).get(key)
        half = one if box is None else min(one, m.x - box[0] - 0.1, box[1] - m.x - 0.1)
        for k, o in people:
            upper = tall[key] if m.label_drop < o.label_drop else tall[k]
            if k == key or abs(o.y - m.y) >= 1.0 or abs(o.label_drop - m.label_drop) >= upper:
                continue  # another row, or the other level of a staggered row (the upper name clear of it)
            room = abs(o.x - m.x) - max(0.12, AIR_EM * min(fonts) / ppu)
            if one + need[k][0] <= room:
                continue
            one_k, two_k = need[k]
            mine, theirs = one + two_k <= room, one_k + two <= room  # one on a line beside the other wrapped
            if mine != theirs:  # only one of them can have a line of their own
                half = min(half, one if mine else room - one_k)
            elif two + two_k <= room:  # both wrapped fit: the slack goes to who wants more
                wish, wish_k = one - two, one_k - two_k
                half = min(half, two + (room - two - two_k) * wish / max(wish + wish_k, 1e-9))
            else:  # a short label keeps its two lines, two long ones share the gap
                half = min(half, two if two <= room / 2 else room - two_k if two_k <= room / 2 else room / 2)
        font = fonts[0] if m.family else fonts[1]
        m.label_chars = max(3, chars_in(2 * half, font, ppu))
        m.label_lines = most[key]
        if box is not None:  # as many lines as the cell has room for below the symbol
            m.label_lines = max(1, min(2, int((CELL_H - 0.6 + PAD - m.half_h - 0.1) * ppu / (font * 1.2))))
        drawn = fit(labels[key], m.label_chars, m.label_lines).count("<br>") + 1 + (1 if years and key in years else 0)
        m.label_half_w = half
        m.label_depth = m.half_h + 0.08 + m.label_drop + drawn * font * 1.3 / ppu
        m.label_font = font
