"""What the event labels keep clear of besides the marks: the certainty glyphs, the ✎ of annotated events, the gaps'
"geen informatie" and the words on the group's arrows, as px boxes in the label frame."""

from __future__ import annotations

import re
from collections.abc import Sequence

from layouts.timeline.labels import PlotScale, text_width
from layouts.timeline.lanes import PlacedEvent
from layouts.timeline.style import CERTAINTY_GLYPH, LINK_WORD_NAME, Geometry, is_decision
from models.dates import MS_PER_DAY as DAY_MS


def decor_boxes(drawn: Sequence[PlacedEvent], scale: PlotScale, geo: Geometry, font_px: float, glyph_px: float,
                 notes: set[str], gap_notes: list[dict]) -> list[tuple[float, float, float, float]]:
    """px boxes of what is drawn beside the marks: certainty glyphs (``glyph_px``), ✎ above annotated events,
    gap labels (``font_px``), the words on the group's arrows."""
    boxes = []
    for item in drawn:
        x, y = scale.x(item.x / DAY_MS), scale.y(item.y)
        r = (geo.decision_px if is_decision(item.event) else geo.marker_px) / 2
        if CERTAINTY_GLYPH.get(item.event.certainty.value):
            left = x - r - glyph_px if item.is_span else x + r
            boxes.append((left, y - glyph_px / 2, left + glyph_px, y + glyph_px / 2))
        if item.event.id in notes:
            ny = scale.y(item.y + 0.48)
            boxes.append((x - font_px * 0.7, ny - font_px * 0.7, x + font_px * 0.7, ny + font_px * 0.7))
    for note in gap_notes:
        x = scale.x(note["x"] / DAY_MS)
        plain = note["text"].replace("<br>", " ")
        if note.get("name") == LINK_WORD_NAME:  # an arrow's word, on its half's axes
            half, size = text_width(re.sub(r"<[^>]+>", "", plain), note["font"]["size"]) / 2 + 3, note["font"]["size"]
            y = scale.y(note["y"])
            boxes.append((x - half, y - size * 0.7, x + half, y + size * 0.7))
        elif note.get("textangle") == -90:
            boxes.append((x - font_px * 0.8, 0.0, x + font_px * 0.8, text_width(plain, font_px) + 8))
        else:
            half = text_width(plain, font_px) / 2 + 4
            boxes.append((x - half, 0.0, x + half, font_px * 2.8))
    return boxes
