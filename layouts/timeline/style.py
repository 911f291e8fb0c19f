"""The timeline's visual vocabulary: symbols per event type, colours per provenance, geometry."""

from __future__ import annotations

from dataclasses import dataclass

from plotly.validator_cache import ValidatorCache

from layouts.style import FAMILY_COLOUR, NETWORK_COLOUR, PROFESSIONAL_COLOUR, TypeScale
from models.case import Case, Event
from models.vocabulary import EventType, FamilyInvolved, Layer, PersonKind, SourceKind

# --- symbols -------------------------------------------------------------------------------------

TYPE_SYMBOL: dict[EventType, str] = {
    EventType.DECISION: "diamond",
    EventType.COURT_ORDER: "hexagram",
    EventType.REFERRAL: "triangle-right",
    EventType.PLACEMENT: "square",
    EventType.ASSESSMENT: "circle-cross",
    EventType.PROFESSIONAL_CONTACT: "bowtie",
    EventType.MEETING: "triangle-down",
    EventType.TREATMENT: "cross",
    EventType.INCIDENT: "star",
    EventType.LIFE_EVENT: "triangle-up",
    EventType.STATEMENT_OF_NEED: "pentagon",
    EventType.EXPERIENCE: "circle",
}


def _symbol_numbers() -> dict[str, int]:
    """plotly's symbol names → numbers (numbers travel as compact numpy arrays)."""
    values = ValidatorCache.get_validator("scatter.marker", "symbol").values
    return {values[i + 2]: values[i] for i in range(0, len(values) - 2, 3) if isinstance(values[i], int)}


SYMBOL_NUMBER = _symbol_numbers()
OPEN = 100  # plotly adds 100 to a symbol's number for its open (outline) variant


_SYMBOL_TABLE = {(event_type, approximate): SYMBOL_NUMBER[symbol] + (OPEN if approximate else 0)
                 for event_type, symbol in TYPE_SYMBOL.items() for approximate in (False, True)}


def symbol_number(event_type: EventType, approximate: bool) -> int:
    """The marker symbol of an event type; open (hollow) when the date is approximate."""
    return _SYMBOL_TABLE[event_type, approximate]


# --- decisions and certainty ----------------------------------------------------------------------

INVOLVEMENT_GLYPH = {FamilyInvolved.YES: "✓", FamilyInvolved.NO: "✗", FamilyInvolved.UNKNOWN: "?"}
CERTAINTY_GLYPH = {"suspected": "?", "disputed": "≠"}


def is_decision(event: Event) -> bool:
    """Decisions (and court orders or other events carrying decision details) are drawn as decisions."""
    return event.type == EventType.DECISION or event.decision is not None


def involvement(event: Event) -> FamilyInvolved:
    return event.decision.family_involved if event.decision is not None else FamilyInvolved.UNKNOWN


# --- provenance: who the information comes from ------------------------------------------------------

PROVENANCE_COLOUR = {
    "professional": PROFESSIONAL_COLOUR,
    "family": FAMILY_COLOUR,
    "network": NETWORK_COLOUR,
}
PROVENANCE_ORDER = ("professional", "family", "network")

_PROFESSIONAL_SOURCES = frozenset({SourceKind.DOSSIER, SourceKind.REPORT, SourceKind.OBSERVATION})


def provenance(event: Event, case_persons: dict, case_sources: dict) -> str:
    """``"professional"``, ``"family"`` or ``"network"``: whose information the event is.

    Whose voice it is (``perspective``) decides; else the source's kind (dossier, report, observation:
    professionals; interview: family); else the layer (formal: professionals, lived: family).
    """
    if event.perspective is not None:
        person = case_persons.get(event.perspective)
        if person is not None:
            return str(person.kind.value)
    if event.source is not None:
        source = case_sources.get(event.source)
        if source is not None:
            if source.kind in _PROFESSIONAL_SOURCES:
                return "professional"
            if source.kind is SourceKind.INTERVIEW:
                return "family"
    return "professional" if event.layer is Layer.FORMAL else "family"


class ProvenanceOf:
    """:func:`provenance` with the answers per (voice, source, layer) remembered, for many events."""

    def __init__(self, case: Case) -> None:
        self.persons, _, self.sources = case_lookups(case)
        self._memo: dict[tuple, str] = {}

    def __call__(self, event: Event) -> str:
        key = (event.perspective, event.source, event.layer)
        answer = self._memo.get(key)
        if answer is None:
            answer = self._memo[key] = provenance(event, self.persons, self.sources)
        return answer


def person_colour(kind: PersonKind | str) -> str:
    return PROVENANCE_COLOUR.get(str(kind), PROVENANCE_COLOUR["family"])


def case_lookups(case: Case) -> tuple[dict, dict, dict]:
    """Persons, organisations and sources by id."""
    return case.person_map(), case.organisation_map(), {source.id: source for source in case.sources}


# --- geometry ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """Pixel sizes for one presentation mode; the y axis counts in rows."""

    row_px: int
    marker_px: int
    decision_px: int
    bar_width: float        # bar thickness, in rows
    plot_width_px: int      # nominal width of the plotting area, to space marks that share a day
    label_chars: int        # lane labels longer than this are shortened
    width_px: int           # nominal figure width (PNG export, label fitting)


# Nominal sizes are those of the app's timeline card: beside the side panel it is about 1,200 px wide on a
# 1,600 px screen, and about 880 px on a 1280 × 720 projector (the figure stretches to the card's width).
SCREEN_GEOMETRY = Geometry(row_px=21, marker_px=11, decision_px=19, bar_width=0.6, plot_width_px=960,
                           label_chars=30, width_px=1200)
PROJECTOR_GEOMETRY = Geometry(row_px=25, marker_px=15, decision_px=23, bar_width=0.6, plot_width_px=660,
                              label_chars=18, width_px=880)


# The narrowest plotting area the app gives the timeline (a 1280 px window, side panel open): text along the
# time axis (ages, years, "no information", break marks) is spaced so that it cannot collide at this width.
MIN_PLOT_WIDTH_PX = 520
CHAR_EM = 0.6  # average glyph width of the sans-serif fonts, in em (for estimating text widths)


def text_px(chars: int, font_px: float) -> float:
    """Estimated width in px of ``chars`` characters at ``font_px``."""
    return chars * font_px * CHAR_EM


def geometry(projector: bool) -> Geometry:
    return PROJECTOR_GEOMETRY if projector else SCREEN_GEOMETRY


# --- the figure's height ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Chrome:
    """Pixels around the lanes: title, date labels, the window slider above the figure, legend rows; and the height
    to stay in."""

    title_px: int
    bottom_px: int      # the bottom date labels and margin
    slider_px: int      # the page's window slider above the figure (kept in the height cap, not in the figure)
    legend_row_px: int
    legend_font_px: int
    legend_rows: int    # lines the horizontal legends are expected to take (the figure counts its own)
    max_height_px: int  # formal and lived lanes together fit in this (on a 1080 / 720 px high screen)


SCREEN_CHROME = Chrome(title_px=44, bottom_px=50, slider_px=34, legend_row_px=21, legend_font_px=12, legend_rows=7,
                       max_height_px=900)
PROJECTOR_CHROME = Chrome(title_px=34, bottom_px=56, slider_px=40, legend_row_px=24, legend_font_px=16, legend_rows=7,
                          max_height_px=700)


def chrome(projector: bool) -> Chrome:
    return PROJECTOR_CHROME if projector else SCREEN_CHROME


def lane_budget_rows(projector: bool) -> float:
    """Rows (lanes, sub-rows and the gaps between lanes) that fit under the height cap, both halves together."""
    c, geo = chrome(projector), geometry(projector)
    plot_px = c.max_height_px - c.title_px - c.bottom_px - c.slider_px - c.legend_rows * c.legend_row_px
    return plot_px / geo.row_px - AXIS_UP - AXIS_DOWN - 0.6


AXIS_UP = 1.1          # rows between the axis and the lowest formal lane (the child's ages live here)
AXIS_DOWN = 1.5        # rows between the axis and the highest lived lane (the years live here)
LANE_GAP = 0.45        # rows between two lanes
WORKSHOP_ROWS = 1.2    # rows kept free beside the axis in each half while a workshop runs: participants' events
MAX_MOMENT_ROWS = 2    # moments that share a moment are stacked into at most this many rows
GL_THRESHOLD = 1000    # above this many marks, draw with WebGL (Scattergl)
MAX_GUIDES = 60        # at most this many family life events get a vertical guide

LANE_LINE = "#D9D9D9"
GUIDE_COLOUR = "rgba(213, 94, 0, 0.45)"  # family colour, light
GRID_COLOUR = "#E4E4E4"


def font_sizes(scale: TypeScale) -> dict[str, int]:
    """Named font sizes derived from the shared type scale."""
    return {"base": scale.base, "small": scale.small, "title": scale.title, "glyph": scale.small}


# --- words on the marks and key moments ------------------------------------------------------------------------

# A case with few lanes still gets a calm strip, high enough for the words on its marks (px, screen / projector).
MIN_PLOT_PX = {False: 520, True: 400}


def plot_height_px(rows: float, projector: bool) -> float:
    """The lanes' height in px: ``rows`` rows, or the minimum strip."""
    return max(rows * geometry(projector).row_px, MIN_PLOT_PX[projector])
LABEL_FONT_PX = {False: 13, True: 14}   # event labels on screen / on the projector
# The figure width the labels are fitted for: the timeline card on a 1600-wide screen beside the side panel
# (so they also stay apart on the usual 1920 screen, only sparser), and the timeline across a 1280 × 720 wall.
# Drawn narrower, labels may touch; drawn wider, they stay apart. (A measured width would serve every screen.)
LABEL_FIGURE_PX = {False: 1180, True: 1240}
WALL_BOTH_LABEL_PX = 660
"""px: the timeline's width beside the network on a 1280-wide wall ("Beide"): labels fitted for it stay apart
on wider walls too."""
KEY_MOMENT_COLOUR = "#1A1A1A"
KEY_MOMENT_LINE = "rgba(26, 26, 26, 0.55)"


LINK_WORD_NAME = "timeline-link-word"
"""The ``name`` of a word on one of the group's arrows (``layouts.timeline.links``): the labels keep clear of it."""
