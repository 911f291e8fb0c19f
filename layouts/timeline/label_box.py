"""A placed label on the timeline: its box in px, the mark it belongs to and where its leader line meets it
(pure)."""

from __future__ import annotations

from dataclasses import dataclass

PAD = 2.0  # px kept free around every label
SLANT = 0.5  # how much further sideways a leader line may run per px it runs up or down (see :func:`near_enough`)


@dataclass(frozen=True, slots=True)
class LabelBox:
    """A placed label: the mark's index, its lines, its box in px (left, top, width, height from the plot's
    top-left) and the mark's centre in px; ``side`` is "right", "left", "above", "below" or "leader"."""

    index: int
    lines: tuple[str, ...]
    left: float
    top: float
    width: float
    height: float
    mark_px: tuple[float, float]
    side: str

    @property
    def leader(self) -> bool:
        return self.side == "leader"

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2

    def overlaps(self, other: LabelBox) -> bool:
        return (self.left < other.left + other.width and other.left < self.left + self.width
                and self.top < other.top + other.height and other.top < self.top + self.height)


def leader_end(box: LabelBox) -> tuple[float, float]:
    """The point of the label's box nearest its mark (where a leader line meets the label)."""
    mx, my = box.mark_px
    return min(max(mx, box.left), box.left + box.width), min(max(my, box.top), box.top + box.height)


def near_enough(box: LabelBox, drift_px: float) -> bool:
    """Whether the label sits at most ``drift_px`` sideways from its mark, more by :data:`SLANT` per px it sits
    above or below it (0: any distance). A steep leader line reads as the mark's; a long flat one does not."""
    if not drift_px:
        return True
    (mx, my), (ex, ey) = box.mark_px, leader_end(box)
    return abs(ex - mx) <= drift_px + SLANT * abs(ey - my)
