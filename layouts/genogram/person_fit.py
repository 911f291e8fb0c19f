"""Every person's label given its room at the scale the geno-sociogram is drawn at (a step of :mod:`.fit`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from layouts.genogram.bounds import extent
from layouts.genogram.captions import years_text
from layouts.genogram.context import Mark
from layouts.genogram.labels import fit_labels, label_fonts, label_need
from layouts.genogram.ring import RingLayout

if TYPE_CHECKING:
    from layouts.genogram.fit import _Fitter

NARROW_CHARS = 12
"""An informal network person's name longer than this wraps onto two lines in its column (the family gets the width)."""


def fit_person_labels(fitter: _Fitter, marks: dict[str, Mark], ring: RingLayout, room_w: float, room_h: float,
                      start_ppu: float) -> float:
    """Give every person's label its room at the scale the drawing is drawn at; returns that scale (px a unit).
    Labels fitted at a smaller scale are wider in units and widen the drawing a little: a few rounds."""
    persons = fitter.case.person_map()
    scale, projector = fitter.scale, fitter.projector
    boxed = {m: item.box[:2] for item in ring.items if item.organisation is not None for m in item.member_positions}
    years = {} if projector else {p: years_text(persons[p], bool(fitter.graph.nodes[p].get("deceased")))
                                  for p, m in marks.items() if m.family}
    labels = {p: persons[p].label for p in marks if p in persons}
    narrow = [p for p, m in marks.items() if not m.family and p in persons and p not in boxed
              and len(persons[p].label) > NARROW_CHARS]
    ppu = start_ppu

    def fitted(most: float) -> float:
        x0_, x1_, y0_, y1_ = extent(marks, ring, fitter.box)
        return min(most, room_w / (x1_ - x0_), room_h / (y1_ - y0_))

    for _ in range(3):
        if ppu <= fitted(ppu) + 1e-9 and any(m.label_chars for m in marks.values()):
            break
        ppu = fitted(ppu)
        fonts = label_fonts(scale, projector, ppu)
        fonts = (fitter.family_font or fonts[0], fonts[1])
        fit_labels(marks, labels, fonts, ppu, boxed, years, min(fonts[0], scale.small),
                   narrow + out_of_box(fitter, marks, fonts[0], ppu), fitter.fam.name_lines)
    return fitted(ppu)  # labels fitted a hair wider than drawn at most


def out_of_box(fitter: _Fitter, marks: dict[str, Mark], font: int, ppu: float) -> list[str]:
    """In a frame with the rows spaced for the names: the family persons whose name on one line would reach out
    of the family's box (they wrap onto two lines: the box is made for that)."""
    if not (fitter.framed and fitter.room):
        return []
    reach = {p: label_need(label, font, ppu)[0] for p, label in fitter.labels.items() if p in marks}
    return [p for p, r in reach.items() if not fitter.box[0] <= marks[p].x - r <= marks[p].x + r <= fitter.box[1]]
