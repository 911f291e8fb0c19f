"""Text boxes of a rendered SVG (plotly/kaleido): where each ``<text>`` is drawn, estimated from its position,
anchor, font size and lines (about 0.58 em a character, 0.62 em bold) — to check a poster for overlapping labels."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_TRANSLATE = re.compile(r"translate\(\s*([-\d.e]+)(?:[ ,]+([-\d.e]+))?\s*\)")
_SIZE = re.compile(r"font-size:\s*([\d.]+)px")


@dataclass(frozen=True)
class TextBox:
    text: str
    size: float
    x0: float
    x1: float
    y0: float
    y1: float


def _shift(element: ET.Element) -> tuple[float, float]:
    found = _TRANSLATE.search(element.get("transform") or "")
    return (float(found.group(1)), float(found.group(2) or 0.0)) if found else (0.0, 0.0)


def _box(element: ET.Element, dx: float, dy: float) -> TextBox | None:
    style = element.get("style") or ""
    size_match = _SIZE.search(style)
    if not size_match or "display: none" in style:
        return None
    size = float(size_match.group(1))
    lines = [("".join(t.itertext()), t) for t in element
             if t.tag.endswith("tspan") and "line" in (t.get("class") or "")]
    if not lines:
        lines = [("".join(element.itertext()), element)]
    texts = [t for t, _ in lines]
    if not "".join(texts).strip():
        return None
    bold = "bold" in style or any(el.tag.endswith("tspan") and "bold" in (el.get("style") or "")
                                  for el in element.iter())
    width = max(len(t) for t in texts) * size * (0.62 if bold else 0.58)
    x, y = float(element.get("x") or 0) + dx, float(element.get("y") or 0) + dy
    anchor = element.get("text-anchor") or "start"
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    em = [float(m.group(1)) for _, t in lines if (m := re.match(r"([-\d.]+)em", t.get("dy") or "0em"))]
    depth = sum(em[1:]) * size if len(em) > 1 else 0.0
    return TextBox(" / ".join(texts), size, x0, x0 + width, y - 0.8 * size, y + depth + 0.25 * size)


def text_boxes(svg: bytes) -> list[TextBox]:
    """Every drawn text's box, in the SVG's own units (transforms of the enclosing groups applied)."""
    boxes: list[TextBox] = []

    def walk(element: ET.Element, dx: float, dy: float) -> None:
        sx, sy = _shift(element)
        dx, dy = dx + sx, dy + sy
        if element.tag.endswith("text"):
            box = _box(element, dx, dy)
            if box is not None:
                boxes.append(box)
            return
        for child in element:
            walk(child, dx, dy)

    walk(ET.fromstring(svg), 0.0, 0.0)
    return boxes


def overlapping(boxes: list[TextBox], tolerance: float = 2.0) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap by more than ``tolerance`` both ways (short glyphs of one or two
    characters, such as an age inside a symbol, are left out)."""
    shown = [b for b in boxes if len(b.text.replace(" / ", "").strip()) > 2]
    return [(a.text, b.text) for a, b in itertools.combinations(shown, 2)
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance]
