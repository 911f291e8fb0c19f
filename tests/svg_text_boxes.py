"""Text boxes of a rendered SVG (plotly/kaleido): where each ``<text>`` is drawn, estimated from its position,
anchor, font size and lines (about 0.58 em a character, 0.62 em bold), through the enclosing groups' translations and
rotations (a word turned upright on a line) — to check a poster for overlapping labels."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_TRANSLATE = re.compile(r"translate\(\s*([-\d.e]+)(?:[ ,]+([-\d.e]+))?\s*\)")
_ROTATE = re.compile(r"rotate\(\s*([-\d.e]+)(?:[ ,]+([-\d.e]+)[ ,]+([-\d.e]+))?\s*\)")
Affine = tuple[float, float, float, float, float, float]
"""An SVG matrix (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f."""
_IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SIZE = re.compile(r"font-size:\s*([\d.]+)px")


@dataclass(frozen=True)
class TextBox:
    text: str
    size: float
    x0: float
    x1: float
    y0: float
    y1: float


def _then(outer: Affine, inner: Affine) -> Affine:
    """``inner`` applied first, then ``outer``."""
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _own(element: ET.Element) -> Affine:
    """The element's own ``transform`` (translations and rotations, in the order written)."""
    matrix = _IDENTITY
    for part in re.findall(r"(?:translate|rotate)\([^)]*\)", element.get("transform") or ""):
        if part.startswith("translate"):
            found = _TRANSLATE.match(part)
            step: Affine = (1.0, 0.0, 0.0, 1.0, float(found.group(1)), float(found.group(2) or 0.0))
        else:
            found = _ROTATE.match(part)
            angle = math.radians(float(found.group(1)))
            cx, cy = float(found.group(2) or 0.0), float(found.group(3) or 0.0)
            cos, sin = math.cos(angle), math.sin(angle)
            step = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
        matrix = _then(matrix, step)
    return matrix


def _box(element: ET.Element, matrix: Affine) -> TextBox | None:
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
    x, y = float(element.get("x") or 0), float(element.get("y") or 0)
    anchor = element.get("text-anchor") or "start"
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    em = [float(m.group(1)) for _, t in lines if (m := re.match(r"([-\d.]+)em", t.get("dy") or "0em"))]
    depth = sum(em[1:]) * size if len(em) > 1 else 0.0
    a, b, c, d, e, f = matrix
    corners = [(a * px + c * py + e, b * px + d * py + f)
               for px in (x0, x0 + width) for py in (y - 0.8 * size, y + depth + 0.25 * size)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return TextBox(" / ".join(texts), size, min(xs), max(xs), min(ys), max(ys))


def text_boxes(svg: bytes) -> list[TextBox]:
    """Every drawn text's box, in the SVG's own units (transforms of the enclosing groups applied)."""
    boxes: list[TextBox] = []

    def walk(element: ET.Element, outer: Affine) -> None:
        matrix = _then(outer, _own(element))
        if element.tag.endswith("text"):
            box = _box(element, matrix)
            if box is not None:
                boxes.append(box)
            return
        for child in element:
            walk(child, matrix)

    walk(ET.fromstring(svg), _IDENTITY)
    return boxes


def overlapping(boxes: list[TextBox], tolerance: float = 2.0) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap by more than ``tolerance`` both ways (short glyphs of one or two
    characters, such as an age inside a symbol, are left out)."""
    shown = [b for b in boxes if len(b.text.replace(" / ", "").strip()) > 2]
    return [(a.text, b.text) for a, b in itertools.combinations(shown, 2)
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance]
