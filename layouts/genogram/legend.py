"""Line styles of the geno-sociogram and its legend: only the symbols the drawing uses, in Dutch or English."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from layouts.genogram.geometry import Path, Point
from layouts.genogram.symbols import FillStyle, Ink, LineStyle
from layouts.style import INK, MUTED, NETWORK_COLOUR, NOTE_COLOUR, NOTE_GLYPH, OKABE_ITO, PAPER, PROFESSIONAL_COLOUR
from layouts.texts import text

CONFLICT = OKABE_ITO["vermillion"]
CLOSE = OKABE_ITO["bluish_green"]
CARE = OKABE_ITO["orange"]
LEGAL = OKABE_ITO["yellow"]
SUPERVISED = OKABE_ITO["reddish_purple"]
NETWORK_FILL = "rgba(0, 158, 115, 0.14)"
PRO_FILL = "rgba(0, 114, 178, 0.13)"
# Organisations' boxes are opaque (the tints above on white paper): a tie or a line that passes a box goes behind it,
# never across its name.
ORG_FILL = "rgb(242, 248, 251)"
ORG_BOX_FILL = "rgb(222, 237, 245)"  # a folded box (its professionals inside it)
ORG_EDGE = "rgba(0, 114, 178, 0.55)"
HOUSEHOLD = "#555555"
HOUSEHOLD_FILL = "rgba(240, 228, 66, 0.10)"  # a faint yellow: a household is a place, not a tie

# The legend's symbols in the legend's order, by section: (section title key, symbol keys). The words are in
# layouts.texts: ``geno_section_<name>`` and ``geno_legend_<symbol key>``.
SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("geno_section_people", ("male", "female", "other", "index", "deceased", "age", "network", "professional",
                             "organisation", "household", "annotation")),
    ("geno_section_family", ("married", "cohabiting", "separated", "divorced", "couple_unknown", "child_biological",
                             "child_adoptive", "child_foster", "twins", "twins_identical", "step",
                             "sibling")),
    ("geno_section_relationships", ("close", "supportive", "informal_care", "distant", "conflict", "cut_off", "abuse",
                                    "tentative")),
    ("geno_section_legal", ("parental_authority", "guardianship", "contact_ban", "supervised_contact")),
    ("geno_section_professional", ("case_manager_of", "treats", "works_with", "org_works_with", "org_contracts",
                                   "org_conflict", "org_refers_to")),
]

BADGE_KINDS = ("parental_authority", "guardianship")
"""Legal ties drawn as a lettered badge by the holder (letter: catalogue key ``geno_badge_<kind>``)."""


SHORT = ("organisation", "case_manager_of", "abuse", "tentative")
"""Symbols with shorter legend words for the projector (catalogue key ``geno_short_<key>``)."""

PROJECTOR_SKIP = ("age", "annotation")
"""Legend entries left out on the projector (self-explanatory there, and the room reads fewer words)."""


def legend_label(key: str, lang: str, short: bool = False) -> str:
    """The legend's words for symbol ``key``; ``short``: without the explanation in brackets."""
    if short and key in SHORT:
        return text(f"geno_short_{key}", lang)
    words = text(f"geno_legend_{key}", lang)
    if short and " (" in words and key not in ("parental_authority", "guardianship"):
        words = words.split(" (")[0]
    return words


@dataclass
class Scale:
    """Pixel-dependent sizes for one presentation mode."""

    line: float          # kinship line width (px)
    text: int            # labels (px)
    small: int           # secondary labels (px)
    title: int


# --- relationship line styles ---------------------------------------------------------------------------

def relation_style(kind: str, s: Scale) -> LineStyle:
    w = s.line
    return {
        "close": LineStyle(CLOSE, w),
        "supportive": LineStyle(CLOSE, w),
        "informal_care": LineStyle(CARE, w * 1.2),
        "distant": LineStyle(MUTED, w * 1.2, "dot"),
        "conflict": LineStyle(CONFLICT, w * 1.1),
        "cut_off": LineStyle(INK, w),
        "abuse": LineStyle(INK, w * 1.8),
        "contact_ban": LineStyle(CONFLICT, w, "dash"),
        "supervised_contact": LineStyle(SUPERVISED, w * 1.2, "dashdot"),
        "parental_authority": LineStyle(MUTED, w * 0.8, "dashdot"),
        "guardianship": LineStyle(MUTED, w * 0.8, "dashdot"),
        "case_manager_of": LineStyle(PROFESSIONAL_COLOUR, w * 1.3),
        "treats": LineStyle(PROFESSIONAL_COLOUR, w * 0.9, "dash"),
        "works_with": LineStyle("rgba(0, 114, 178, 0.55)", w * 0.75),
        "org_works_with": LineStyle(PROFESSIONAL_COLOUR, w * 0.9, "dot"),
        "org_contracts": LineStyle(MUTED, w, "longdash"),
        "org_conflict": LineStyle(CONFLICT, w * 1.1),
        "org_refers_to": LineStyle(PROFESSIONAL_COLOUR, w * 0.9, "dash"),
        "sibling": LineStyle(INK, w * 0.8, "dot"),
        "step": LineStyle(MUTED, w, "dashdot"),
    }.get(kind, LineStyle(MUTED, w))


# --- the legend panel -----------------------------------------------------------------------------------

CHAR_EM = 0.6  # average width of a character of the label font, in em (DejaVu Sans, mixed case)
LEGEND_CHARS = 22  # characters per legend line: a longer entry wraps onto a second line


def legend_lines(words: str, chars: int = LEGEND_CHARS) -> list[str]:
    """A legend entry in at most two lines of about ``chars`` characters, broken before "(" when it can."""
    if len(words) <= chars:
        return [words]
    head, sep, rest = words.partition(" (")
    if sep and len(head) <= chars and len(rest) + 1 <= chars + 4:
        return [head, "(" + rest]
    lines = textwrap.wrap(words, chars, break_long_words=False)
    return lines if len(lines) <= 2 else [lines[0], " ".join(lines[1:])]


def legend_width(s: Scale, unit_px: float, chars: int = LEGEND_CHARS) -> float:
    """The most a :func:`draw_legend` can be wide (units of ``unit_px`` px), for a line of ``chars`` characters
    (an entry's second line may run a few characters longer)."""
    return 2.0 + (chars + 4) * s.small * CHAR_EM / unit_px


def draw_legend(ink: Ink, used: set[str], lang: str, s: Scale, unit_px: float,
                draw_relation: Callable[[Ink, str, Path, bool], None]) -> tuple[float, float]:
    """Draw the legend into ``ink`` (its own axes, a unit is ``unit_px`` px); returns (width, height) in units,
    the width from the words' estimated width (long entries wrap onto two lines)."""
    row = 0.95
    char = s.small * CHAR_EM / unit_px
    y = 0.0
    ink.text(0.0, y, f"<b>{text('legend', lang)}</b>", s.text, INK, position="middle right")
    width = len(text("legend", lang)) * s.text * CHAR_EM * 1.1 / unit_px
    y -= row * 1.1
    for title_key, keys in SECTIONS:
        present = [key for key in keys if key in used]
        if not present:
            continue
        ink.text(0.0, y, text(title_key, lang), s.small, MUTED, position="middle right")
        width = max(width, len(text(title_key, lang)) * char)
        y -= row * 0.9
        for key in present:
            lines = legend_lines(legend_label(key, lang))
            extra = (len(lines) - 1) * s.small * 1.25 / unit_px / 2  # a wrapped entry takes more room
            y -= extra
            _glyph(ink, key, (0.9, y), s, draw_relation, lang)
            ink.text(2.0, y, "<br>".join(lines), s.small, INK, position="middle right")
            width = max(width, 2.0 + char * max(len(line) for line in lines))
            y -= row + extra
        y -= row * 0.3
    return (width, -y)


def draw_legend_columns(ink: Ink, used: set[str], lang: str, s: Scale, width: float, unit_px: float,
                        draw_relation: Callable[[Ink, str, Path, bool], None],
                        short: bool = True) -> tuple[list[str], float]:
    """The legend in columns across ``width`` units (a unit is ``unit_px`` px), below the drawing; ``short``
    (the projector): short words, the essential entries. Returns (the keys drawn, the height in units)."""
    row = 0.95
    blocks: list[tuple[str, list[str]]] = []
    for title_key, keys in SECTIONS:
        present = [key for key in keys if key in used and not (short and key in PROJECTOR_SKIP)]
        if present:
            blocks.append((title_key, present))
    if not blocks:
        return [], 0.0
    char = s.small * CHAR_EM / unit_px
    longest = max(len(legend_label(k, lang, short)) for _, keys in blocks for k in keys)
    col_w = min(2.0 + char * min(longest, 16 if short else 34) + 0.6, width)
    columns = max(1, min(len(blocks), 3, int(width // col_w)))
    col_w = width / columns
    fit_chars = max(4, int((col_w - 2.3) / char))
    total = sum(1 + len(keys) for _, keys in blocks)
    per_column = -(-total // columns)
    drawn: list[str] = []
    top = 0.0
    if not short:  # the screen's legend keeps its heading
        ink.text(0.0, 0.0, f"<b>{text('legend', lang)}</b>", s.text, INK, position="middle right")
        top = -row * 1.1
    col, y, depth, in_col = 0, top, 0.0, 0
    for title_key, keys in blocks:
        if in_col and in_col + 1 + len(keys) > per_column and col < columns - 1:
            col, y, in_col = col + 1, top, 0
        x0 = col * col_w
        ink.text(x0, y, text(title_key, lang), s.small, MUTED, position="middle right")
        y -= row * 0.9
        for key in keys:
            words = legend_label(key, lang, short)
            lines = [words] if short or len(words) <= fit_chars else legend_lines(words, fit_chars - 4)
            lines = [line if len(line) <= fit_chars else line[: fit_chars - 1].rstrip() + "…" for line in lines]
            extra = (len(lines) - 1) * s.small * 1.25 / unit_px / 2  # a wrapped entry takes more room
            y -= extra
            _glyph(ink, key, (x0 + 0.9, y), s, draw_relation, lang)
            ink.text(x0 + 2.0, y, "<br>".join(lines), s.small, INK, position="middle right")
            drawn.append(key)
            y -= row + extra
        in_col += 1 + len(keys)
        y -= row * 0.3
        depth = max(depth, -y)
    return drawn, depth


def _glyph(ink: Ink, key: str, c: Point, s: Scale,
           draw_relation: Callable[[Ink, str, Path, bool], None], lang: str) -> None:
    from layouts.genogram.geometry import bars_across, symbol_outline

    x, y = c
    plain = FillStyle(PAPER, INK, s.line)
    seg: Path = [(x - 0.8, y), (x + 0.8, y)]
    if key in ("male", "female", "other"):
        ink.fill(symbol_outline(key, x, y, 0.6), plain)
    elif key == "index":
        ink.fill(symbol_outline("female", x, y, 0.6), plain)
        ink.line(symbol_outline("female", x, y, 0.42), LineStyle(INK, s.line), z=4)
    elif key == "deceased":
        ink.fill(symbol_outline("male", x, y, 0.6), plain)
        ink.line([(x - 0.3, y - 0.3), (x + 0.3, y + 0.3)], LineStyle(INK, s.line), z=4)
        ink.line([(x - 0.3, y + 0.3), (x + 0.3, y - 0.3)], LineStyle(INK, s.line), z=4)
    elif key == "age":
        ink.fill(symbol_outline("female", x, y, 0.6), plain)
        ink.text(x, y, "13", max(s.small - 4, 8), INK)
    elif key == "network":
        ink.fill(symbol_outline("female", x, y, 0.5), FillStyle(NETWORK_FILL, NETWORK_COLOUR, s.line))
    elif key == "professional":
        ink.fill(symbol_outline("male", x, y, 0.5), FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line))
    elif key == "organisation":
        from layouts.genogram.geometry import rounded_rect
        ink.fill(rounded_rect(x - 0.7, x + 0.7, y - 0.32, y + 0.32, 0.12),
                 FillStyle(ORG_BOX_FILL, PROFESSIONAL_COLOUR, s.line))
        ink.text(x, y, "12", max(s.small - 4, 8), PROFESSIONAL_COLOUR)
    elif key == "annotation":
        ink.fill(symbol_outline("female", x, y, 0.5), plain)
        ink.text(x + 0.42, y + 0.3, NOTE_GLYPH, s.text + 2, NOTE_COLOUR)
    elif key == "household":
        from layouts.genogram.geometry import rounded_rect
        ink.fill(rounded_rect(x - 0.75, x + 0.75, y - 0.33, y + 0.33, 0.15),
                 FillStyle(HOUSEHOLD_FILL, HOUSEHOLD, s.line, "dot"), z=0)
    elif key in ("married", "cohabiting", "separated", "divorced", "couple_unknown"):
        style = LineStyle(INK, s.line, {"cohabiting": "dash", "couple_unknown": "dot"}.get(key, "solid"))
        ink.line(seg, style)
        count = {"separated": 1, "divorced": 2}.get(key, 0)
        for bar in bars_across((x, y), (1.0, 0.0), 0.22, 0.16, count, slant=0.12) if count else []:
            ink.line(bar, LineStyle(INK, s.line))
    elif key in ("twins", "twins_identical"):
        ink.line([(x - 0.6, y + 0.35), (x + 0.6, y + 0.35)], LineStyle(INK, s.line))
        ink.line([(x - 0.45, y - 0.35), (x, y + 0.35), (x + 0.45, y - 0.35)], LineStyle(INK, s.line))
        if key == "twins_identical":
            ink.line([(x - 0.225, y), (x + 0.225, y)], LineStyle(INK, s.line))
    elif key.startswith("child_"):
        dash = {"child_adoptive": "dash", "child_foster": "dot"}.get(key, "solid")
        ink.line([(x - 0.5, y + 0.35), (x + 0.5, y + 0.35)], LineStyle(INK, s.line))
        ink.line([(x, y + 0.35), (x, y - 0.35)], LineStyle(INK, s.line, dash))
    elif key in ("parental_authority", "guardianship"):
        # The badge sits by the holder; a line leads to the child when the holder is not a parent.
        ink.line([(x - 0.3, y), (x + 0.8, y)], relation_style(key, s))
        ink.fill(symbol_outline("female", x - 0.35, y, 0.5), FillStyle(LEGAL, INK, s.line * 0.7), z=4)
        x -= 0.35
        ink.text(x, y, text(f"geno_badge_{key}", lang), max(s.small - 3, 8), INK)
    elif key == "tentative":
        draw_relation(ink, "tentative", seg, True)
    else:
        draw_relation(ink, key, seg, True)


FRAME_DROP = ("age", "annotation", "male", "female", "married", "child_biological", "other", "professional",
              "network", "index", "deceased", "organisation", "household", "sibling", "cohabiting")
"""Legend entries a small frame leaves out first (the best known or self-explanatory symbols), in that order."""


def draw_legend_grid(ink: Ink, used: set[str], lang: str, s: Scale, unit_px: float, columns: int, height: float,
                     col_w: float, draw_relation: Callable[[Ink, str, Path, bool], None]) -> tuple[list[str], float]:
    """A compact legend for a frame: short words, no section titles, in ``columns`` columns (of ``col_w``
    units) at most ``height`` units high; when the symbols used do not all fit, the best known ones are left
    out (:data:`FRAME_DROP`). Returns (the keys drawn, the height used) in units of ``unit_px`` px."""
    row = 0.95
    char = s.small * CHAR_EM / unit_px
    fit_chars = max(6, int((col_w - 2.2) / char))
    keys = [key for _, section in SECTIONS for key in section if key in used and key not in PROJECTOR_SKIP]

    def lines_of(key: str) -> list[str]:
        words = legend_label(key, lang, True)
        lines = [words] if len(words) <= fit_chars else legend_lines(words, fit_chars)
        return [line if len(line) <= fit_chars else line[: fit_chars - 1].rstrip() + "…" for line in lines[:2]]

    def cost(key: str) -> float:
        return row + (len(lines_of(key)) - 1) * s.small * 1.25 / unit_px

    def layout(chosen: list[str]) -> list[list[str]] | None:
        cols: list[list[str]] = [[]]
        y = 0.0
        for key in chosen:
            if cols[-1] and y + cost(key) > height + 1e-6:
                if len(cols) == columns:
                    return None
                cols.append([])
                y = 0.0
            cols[-1].append(key)
            y += cost(key)
        return cols

    drop = [k for k in FRAME_DROP if k in keys] + keys[::-1]
    placed = layout(keys)
    while placed is None and keys and drop:
        gone = drop.pop(0)
        keys = [k for k in keys if k != gone]
        placed = layout(keys)
    depth = 0.0
    for c, col in enumerate(placed or []):
        y = -row / 2
        for key in col:
            lines = lines_of(key)
            extra = (len(lines) - 1) * s.small * 1.25 / unit_px / 2
            y -= extra
            _glyph(ink, key, (c * col_w + 0.9, y), s, draw_relation, lang)
            ink.text(c * col_w + 2.0, y, "<br>".join(lines), s.small, INK, position="middle right")
            y -= row + extra
        depth = max(depth, -y - row / 2)
    return keys, depth
