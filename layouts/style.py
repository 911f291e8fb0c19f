"""Shared look: a colour-blind-safe palette (Okabe–Ito) and type sizes for screen and projector."""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#7F7F7F",
}

INK = "#1A1A1A"          # text and lines
MUTED = "#8C8C8C"        # secondary text, dimmed marks
PAPER = "#FFFFFF"
GAP_FILL = "rgba(120, 120, 120, 0.12)"
DIM_OPACITY = 0.18        # opacity of marks outside the current selection

# Analysts' notes (annotations): a ✎ in reddish purple, a light wash over an annotated stretch of time.
NOTE_COLOUR = "#A34A7E"               # Okabe–Ito reddish purple, darkened to read as text
NOTE_FILL_KEY = "rgba(204, 121, 167, 0.35)"
NOTE_GLYPH = "✎"

PROFESSIONAL_COLOUR = OKABE_ITO["blue"]      # information from professionals / organisations
FAMILY_COLOUR = OKABE_ITO["vermillion"]      # information from family members
NETWORK_COLOUR = OKABE_ITO["bluish_green"]   # informal network


@dataclass(frozen=True)
class TypeScale:
    """Font sizes in px for one presentation mode."""

    base: int
    small: int
    title: int
    marker: int
    line_width: float


SCREEN = TypeScale(base=14, small=12, title=18, marker=11, line_width=1.5)
PROJECTOR = TypeScale(base=22, small=18, title=28, marker=16, line_width=2.5)

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def type_scale(projector: bool) -> TypeScale:
    return PROJECTOR if projector else SCREEN
