"""What every drawing step of the geno-sociogram shares: where each mark is and how big (:class:`Mark`), and the
drawing context (:class:`Context`: the case, the date, the language, the scale, the ink, the highlight)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from layouts.genogram.geometry import Point
from layouts.genogram.legend import Scale
from layouts.genogram.symbols import Ink
from models.case import Case

FAMILY_SIZE = 1.0
PERSON_HIT_PX = 36   # least diameter (px) of a person's invisible click target
RING_SIZE = 0.8


@dataclass
class Mark:
    """Where a person or collapsed organisation is drawn, and how big (for trimming lines)."""

    x: float
    y: float
    half_w: float
    half_h: float
    family: bool = False

    label_depth: float = 0.0   # how far the label reaches below the centre
    label_half_w: float = 1.3
    label_chars: int = 0       # characters per label line that fit beside the neighbours (0: default)
    label_font: int = 0        # px of the label (0: the default for the mode)
    label_lines: int = 2       # lines of the name at most
    label_drop: float = 0.0    # the label starts this much lower (a staggered row's every other name)

    def trim(self, toward: Point) -> float:
        """Distance from the centre to where a line toward ``toward`` should stop: the symbol's edge,
        or below the label for a line coming up from below (so that names stay readable)."""
        dx, dy = toward[0] - self.x, toward[1] - self.y
        length = math.hypot(dx, dy) or 1e-9
        ux, uy = abs(dx / length), abs(dy / length)
        if self.label_depth and dy < 0:
            # Leave the box of symbol and label (below the centre) through its bottom or its side.
            t_bottom = self.label_depth / uy
            t_side = self.label_half_w / ux if ux > 1e-9 else math.inf
            t = min(t_bottom, t_side)
            if t * uy > self.half_h:
                return t + 0.05
        if self.half_w == self.half_h:
            return self.half_w + 0.08
        tx = self.half_w / ux if ux > 1e-9 else math.inf
        ty = self.half_h / uy if uy > 1e-9 else math.inf
        return min(tx, ty) + 0.08


@dataclass
class Context:
    case: Case
    as_of: dt.date | None
    lang: str
    scale: Scale
    ink: Ink
    marks: dict[str, Mark]
    anchor: dict[str, str]                      # person id -> mark key
    emph: Callable[[str], bool]                 # mark key -> emphasised?
    highlighted: Callable[[str], bool]          # mark key explicitly highlighted?
    any_highlight: bool
    used: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)
    px_per_unit: float = 40.0
    projector: bool = False
    org_font: int = 0                           # px of organisation names (0: the scale's small type)
    layered: bool = False                       # traces in the layered form (see Ink.traces)
    foldable: bool = False                      # a fold / unfold button on each organisation's box
    title_lines: int = 2                        # lines an organisation's name may take (three on the wall)

    def line_emph(self, *keys: str) -> bool:
        return not self.any_highlight or any(self.highlighted(k) for k in keys)
