"""The geno-sociogram's bounds in units (part of the fit, :mod:`.fit`): the family's box with room for its names,
and the whole drawing's extent around the marks, their labels and the ring's boxes."""

from __future__ import annotations

from layouts.genogram.context import Mark
from layouts.genogram.ring import RingLayout

Box = tuple[float, float, float, float]


def extent(marks: dict[str, Mark], ring: RingLayout | None, box: Box) -> Box:
    """(x0, x1, y0, y1) of the drawing: the family box, every mark with room for its label, the ring's boxes."""
    x0, x1, y0, y1 = box
    for m in marks.values():
        reach = max(1.6, m.label_half_w + 0.1) if m.label_chars else 1.6
        x0, x1 = min(x0, m.x - reach), max(x1, m.x + reach)
        y0, y1 = min(y0, m.y - 2.0 - m.label_drop), max(y1, m.y + 1.2)
    for item in ring.items if ring is not None else []:
        bx0, bx1, by0, by1 = item.box
        x0, x1, y0, y1 = min(x0, bx0 - 0.3), max(x1, bx1 + 0.3), min(y0, by0 - 0.3), max(y1, by1 + 0.3)
    return x0, x1, y0, y1


def family_box(positions: dict[str, tuple[float, float]], room: dict[str, float] | None = None,
               depth: float = 2.3) -> Box:
    """(x0, x1, y0, y1) around the family symbols and their labels (``room``: half widths the names need;
    ``depth``: how far below the lowest row's centres their labels reach)."""
    if not positions:
        return (-1.5, 1.5, -2.3, 1.6)
    reach = {p: max(1.6, (room or {}).get(p, 0.0) + 0.2) for p in positions}
    ys = [p[1] for p in positions.values()]
    return (min(x - reach[p] for p, (x, _) in positions.items()), max(x + reach[p] for p, (x, _) in positions.items()),
            min(ys) - max(2.3, depth), max(ys) + 1.6)
