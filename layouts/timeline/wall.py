"""The timeline on the wall (projector mode): what it leaves out and where its words go, read from the back of
the room.

On the wall nobody hovers or drags: the range slider goes, the legend shrinks to one or two rows of what the
words on the marks do not say (whose information, the family's part in decisions, the analysts' notes), the
years are written once (on the axis line), and only the most telling key moments keep a line across the
timeline (the child's death, court orders, the first and last placement, events the case marks as key); the
others keep their mark. The room won goes to label rows above the formal half and below the lived half
(:data:`WALL_BAND_ROWS`), which labels reach with leader lines.

The labels are fitted for the smallest wall (:data:`WALL_LABEL_PX`, the timeline across a 1280 × 720 screen)
and anchored in data coordinates, so that on a larger wall the marks and the labels spread apart together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from layouts.style import MUTED
from layouts.texts import text
from layouts.timeline.legend import LegendRow, legend_entry_px, legend_text_px, line_key
from layouts.timeline.style import KEY_MOMENT_LINE
from layouts.timeline.text_widths import text_width

WALL_LABEL_PX = 1224
"""px: the figure's width on a 1280 × 720 wall showing the timeline alone (the labels are fitted for it)."""
WALL_HEIGHT_PX = {"timeline": 578, "both": 540}
"""px: the figure's height on a 1280 × 720 wall (what is left under the header and above the date control; beside
the network, under the card's title too): the label rows fill what the lanes leave of it."""
WALL_LINE_PX = 130
"""px: a label's line on the smallest wall (one line: a few words, the whole title where there is room)."""
WALL_PLOT_PX = 994
"""px: the labels' plot on the smallest wall (the figure less its lane names); a wider wall's lines grow with it."""
WALL_DRIFT_PX = 100
"""px: the farthest a label on the wall sits sideways from its mark. A word half a wall away from its mark, on a
long leader line across the others, is not read as that mark's word: a mark without a label is better."""
WALL_REFITS = ((1.2, 2.0), (1.2, 3.0), (1.2, 4.0))
"""The wall's labels are fitted once more for each (line height in font sizes, rows a line over this apart for a
label with a leader line) and the fit that labels the most weighty marks, then the most marks, is kept (the first
fit: the screen's 1.3, rows half a line apart). A wall label is one line: its box need only be the text's height
(the 1.3 spaces two lines apart), which lets a row of labels between two lanes; which rows pack a crowded stretch
best differs from case to case (up to 7 labels more or less on the bundled cases). Four fits cost about four
times the placement (0.05–0.1 s each on the wall's fit of a bundled case); the screen keeps its one fit."""
WALL_MIN_BAND_ROWS = 1.5
"""Rows (of lane height) for labels above the formal half and below the lived half, at least."""
WALL_TOP_PX = 26
"""px above the plot on the wall: the date line's note."""
WALL_BOTTOM_PX = 14
"""px under the lived half on the wall: no repeated date labels there (the axis line carries the years)."""
WALL_LEGEND_GROUPS = ("from", "decision", "notes", "moments")
"""The legend groups the wall keeps: the marks' symbols are explained by the words on them; the dashed key-moment
lines, which carry no word on the wall, by a key of their own."""
WALL_LEGEND_GAP_PX = 28


def wall_growth(plot_px: float) -> float:
    """How much a wall whose labels' plot is ``plot_px`` wide is larger than the smallest (never below 1): a
    label's line (:data:`WALL_LINE_PX`) and how far it may sit from its mark (:data:`WALL_DRIFT_PX`) grow by it,
    so that the room reads the same proportions on a larger wall."""
    return max(1.0, plot_px / WALL_PLOT_PX)


def wall_band_rows(lane_rows: float, legend_px: float, row_px: float, wall: str) -> float:
    """Label rows above and below ``lane_rows`` rows of lanes: what the smallest wall leaves, at least
    :data:`WALL_MIN_BAND_ROWS`."""
    plot_px = WALL_HEIGHT_PX.get(wall, WALL_HEIGHT_PX["both"]) - WALL_TOP_PX - WALL_BOTTOM_PX - legend_px
    return max(WALL_MIN_BAND_ROWS, (plot_px / row_px - lane_rows) / 2)


def wall_legend_px(legends: Sequence[WallLegend], row_px: int) -> int:
    """px the wall's legends take."""
    rows = max((legend.row for legend in legends), default=-1) + 1
    return rows * row_px + 6 if rows else 0


def wall_key_lines(moments: Sequence[Any]) -> list[Any]:
    """The key moments that keep a line on the wall: the child's death, court orders, the start of the first
    and the last placement, and events the case marks as key (``rank`` ≤ 2 without other deaths)."""
    starts = [m for m in moments if m.rank == 3]
    ends = {id(starts[0]), id(starts[-1])} if starts else set()
    return [m for m in moments if m.strong or m.rank in (1, 2) or id(m) in ends]


def key_lines_legend(lines: Sequence[Any], lang: str) -> tuple[list[dict], list[LegendRow]]:
    """The key to the wall's dashed key-moment lines (the wall writes no word on them: the labels name the
    events), naming the kinds drawn ("uitspraak, 1e en laatste plaatsing"): ([key], [its row]), or
    nothing without such lines. The child's death has its word on its own line."""
    dashed = [moment for moment in lines if not moment.strong]
    placements = sum(1 for moment in dashed if moment.rank == 3)
    words = [text("timeline_legend_line_court_order", lang)] if any(m.rank == 2 for m in dashed) else []
    words += [text("timeline_legend_line_placements" if placements > 1 else "timeline_legend_line_placement",
                   lang)] if placements else []
    words += [text("timeline_legend_line_marked", lang)] if any(m.rank == 1 for m in dashed) else []
    if not words:
        return [], []
    key = line_key(", ".join(words), "moments", 360, color=KEY_MOMENT_LINE, width=2, dash="4px,3px")
    return [key], [LegendRow("", "moments", text("timeline_legend_moments", lang), (key["name"],))]


@dataclass(frozen=True)
class WallLegend:
    """One plotly legend on the wall: its id, its title and where it starts (px from the left, row from the
    top)."""

    legend: str
    title: str
    left_px: float
    row: int
    width_px: float = 0.0  # its estimated width (title and entries), generous: where the next legend may start
    drawn_px: float = 0.0  # its width as drawn (DejaVu Sans widths): where the axis note may start


LEGEND_ENTRY_CHROME_PX = 52
"""px of a wall legend entry besides its text (symbol and gaps; about 47 measured in Chromium)."""


def legend_drawn_px(title: str, names: Sequence[str], font_px: int) -> float:
    """A wall legend's width as drawn: its bold title and its entries."""
    return text_width(title, font_px) * 1.1 + sum(LEGEND_ENTRY_CHROME_PX + text_width(name, font_px) for name in names)


def wall_legends(keys: list[dict], groups: Sequence[LegendRow], width_px: float, font_px: int
                 ) -> tuple[list[dict], list[WallLegend]]:
    """The keys the wall keeps and their legends side by side, a group per legend, each in the first row with
    room for it within ``width_px``, two rows at most (a group that would need a third is left out); each key
    pointed at its legend."""
    kept = [key for key in keys if key.get("legendgroup") in WALL_LEGEND_GROUPS]
    legends: list[WallLegend] = []
    lefts = [0.0, 0.0]  # where the next legend of each row starts
    for group in (g for g in groups if g.group in WALL_LEGEND_GROUPS):
        members = [key for key in kept if key.get("legendgroup") == group.group]
        if not members:
            continue
        width = legend_text_px(group.title, font_px) + sum(legend_entry_px(key["name"], font_px) for key in members)
        row = next((row for row, left in enumerate(lefts) if not left or left + width <= width_px), None)
        if row is None:  # two rows at most (the figure takes the wall's height: see wall_legend_layouts)
            kept = [key for key in kept if key not in members]
            continue
        legend = "legend" if not legends else f"legend{len(legends) + 1}"
        drawn = legend_drawn_px(group.title, [key["name"] for key in members], font_px)
        legends.append(WallLegend(legend, group.title, lefts[row], row, width, drawn))
        lefts[row] += width + WALL_LEGEND_GAP_PX
        for key in members:
            key["legend"] = legend
    for key in kept:
        key.pop("legendgroup", None)
    return kept, legends


def wall_legend_layouts(legends: Sequence[WallLegend], row_px: int, font_px: int, width_px: float,
                        esc: Any) -> tuple[dict[str, dict], int]:
    """plotly's legend layouts for :func:`wall_legends` (``width_px``: the nominal width their places were found
    for), and the px they take. The wall gives the figure the height it has: the first row hangs under the plot,
    a second stands on the figure's bottom edge, whatever the height."""
    total = wall_legend_px(legends, row_px)
    layouts = {}
    for legend in legends:
        under = {"y": 0, "yref": "paper", "yanchor": "top"} if legend.row == 0 else \
            {"y": 0, "yref": "container", "yanchor": "bottom"}
        layouts[legend.legend] = {
            "orientation": "h", "x": legend.left_px / width_px, "xanchor": "left", "xref": "container", **under,
            "itemclick": False, "itemdoubleclick": False, "font": {"size": font_px}, "bgcolor": "rgba(0,0,0,0)",
            "tracegroupgap": 0, "itemsizing": "constant",
            "title": {"text": f"<b>{esc(legend.title)}</b>", "side": "left", "font": {"size": font_px}},
        }
    return layouts, total


def axis_note(legends: Sequence[WallLegend], width_px: float, font_px: int, row_px: int, text: str
              ) -> dict[str, Any] | None:
    """The words saying that the wall's time axis gives busy years more room (a room reads distance as time), at
    the right end of the legends' last row with room for them (None where none has)."""
    need = WALL_LEGEND_GAP_PX + text_width(text, font_px) + 12
    rows = range(max((legend.row for legend in legends), default=0), -1, -1)
    row = next((row for row in rows if max((legend.left_px + legend.drawn_px for legend in legends
                                            if legend.row == row), default=0.0) + need <= width_px), None)
    if row is None:
        return None
    return {"x": 1, "xref": "paper", "xanchor": "right", "y": 0, "yref": "paper", "yanchor": "top",
            "yshift": -3 if row == 0 else row_px - wall_legend_px(legends, row_px) - WALL_BOTTOM_PX + 6,
            "text": f"<i>{text}</i>", "showarrow": False,
            "font": {"size": font_px, "color": MUTED}, "name": "timeline-axis-note"}
