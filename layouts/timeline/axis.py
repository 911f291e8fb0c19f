"""The timeline's time axis: shortened stretches (breaks) and their marks, "no information" bands, year
ticks beside breaks and the spacing of age labels — all worked out for the narrowest plot the card allows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from layouts.style import GAP_FILL, INK, MUTED, PAPER
from layouts.texts import text
from layouts.timeline.lanes import TimelineLayout
from layouts.timeline.style import AXIS_DOWN, MIN_PLOT_WIDTH_PX, geometry, text_px
from layouts.timeline.text import esc
from models.dates import Gap, duration_text, ms_day

_YEAR_MS = 365.2425 * 86_400_000
_STEPS = (1, 2, 5, 10, 20)


def axis_px(layout: TimelineLayout, plot_px: float = MIN_PLOT_WIDTH_PX) -> tuple[float, Any]:
    """(px per ms, x → px from the left edge) of the time axis at full zoom on a ``plot_px`` wide plot, with the
    axis breaks left out."""
    lo, _ = layout.x_range
    px_per_ms = plot_px / max(layout.visible_ms(), 1.0)

    def px(x: float) -> float:
        return (x - lo - sum(max(0.0, min(b1, x) - b0) for b0, b1 in layout.breaks if b0 < x)) * px_per_ms
    return px_per_ms, px


def label_step(px_per_year: float, need_px: float) -> int:
    """The smallest of every 1, 2, 5, 10, 20 years whose labels are ``need_px`` apart."""
    return next((step for step in _STEPS if px_per_year * step >= need_px), 50)


def age_need_px(font_px: int, lang: str) -> float:
    """Room one age label needs (its estimated width for a two-digit age, and a space either side)."""
    return text_px(len(text("timeline_age", lang, age=18)), font_px) + font_px / 2


def age_step(layout: TimelineLayout, font_px: int, lang: str) -> int:
    """Label every year of age, or every 2nd/5th/10th, so that "12 jr" labels stay apart on the narrowest plot."""
    px_per_ms, _ = axis_px(layout)
    return label_step(_YEAR_MS * px_per_ms, age_need_px(font_px, lang))


def break_mark_px(font_px: int) -> float:
    """Estimated width of a break mark ("//", bold, a little larger than the small type)."""
    return text_px(2, font_px + 4) + 6


def break_marks(layout: TimelineLayout, font_px: int) -> list[tuple[float, list[tuple[float, float]]]]:
    """Where the axis line gets a break mark: ``(x, cuts)``, one mark per cut, or one for a run of cuts too
    close together to be told apart on the narrowest plot (a short stretch between two long gaps), placed in
    the middle of the run."""
    if not layout.breaks:
        return []
    px_per_ms, px = axis_px(layout)
    close = 3 * break_mark_px(font_px)
    runs: list[list[tuple[float, float]]] = []
    for cut in sorted(layout.breaks):
        if runs and px(cut[0]) - px(runs[-1][-1][0]) < close:
            runs[-1].append(cut)
        else:
            runs.append([cut])
    marks = []
    for run in runs:
        x = run[0][0]
        if len(run) > 1:  # the middle of the run, in the stub between two of its cuts
            target = (px(run[0][0]) + px(run[-1][0])) / 2
            for (_, end), (start, _) in itertools.pairwise(run):
                if px(end) <= target <= px(start):
                    x = end + (target - px(end)) / px_per_ms
                    break
        marks.append((x, run))
    return marks


# --- time axis: gaps, breaks, ticks ---------------------------------------------------------------------------


def label_px(label: str, font_px: int) -> float:
    """Estimated length of a short lower-case label ("geen informatie"; narrower than :func:`text_px`'s
    average, which allows for capitals and digits)."""
    return len(label) * font_px * 0.5


def gap_note(gap: Gap, width_px: float, high_px: float, shortened: bool, lang: str, projector: bool,
              font_px: int) -> tuple[str, bool] | None:
    """A gap's label and whether it is written across (else upright), or None when even "no information" does
    not fit its band: ``width_px`` wide (on the narrowest plot), ``high_px`` from the top down to the ages."""
    label = text("no_information", lang)
    duration = duration_text(gap.months, lang)
    across = width_px >= text_px(len(label), font_px) + 8
    if across:
        return label + ("\n" + duration if shortened or not projector else ""), True
    if width_px < font_px * 1.3:  # too narrow for even one upright line
        return None
    if shortened or not projector:  # a shortened gap says how long it is, when that fits
        years = duration_text(round(gap.months / 12) * 12, lang) if gap.months >= 24 else duration
        if label_px(f"{label} · {years}", font_px) <= high_px:
            return f"{label} · {years}", False
    return (label, False) if label_px(label, font_px) <= high_px else None


def gap_decor(gaps: list[Gap], layout: TimelineLayout, lang: str, projector: bool, font_px: int,
               high_px: float, in_lived: bool = False) -> tuple[list[dict], list[dict]]:
    """Shaded columns over the gaps, each labelled "geen informatie" where the band has room (upright when it is
    narrow; shortened or left out when it is short); a gap the axis shortens says how long it is, and the axis
    line gets one break mark per cut (or per run of cuts close together). ``high_px``: the room from the top
    of the plot down to the ages above the axis (``in_lived``: from under the years down to the bottom)."""
    shapes, notes = [], []
    _, px = axis_px(layout)
    marks = break_marks(layout, font_px)
    groups: list[list[Gap]] = []  # gaps that touch (one moment between them) share one label
    for gap in gaps:
        x0, x1 = layout.x_of(gap.start), layout.x_of(gap.end)
        if x1 <= layout.x_range[0] or x0 >= layout.x_range[1]:
            continue
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                       "fillcolor": GAP_FILL, "line": {"width": 0}, "layer": "below"})
        if groups and (gap.start - groups[-1][-1].end).days <= 1:
            groups[-1].append(gap)
        else:
            groups.append([gap])
    last_upright = -1e9
    for group in groups:
        x0, x1 = max(layout.x_of(group[0].start), layout.x_range[0]), min(layout.x_of(group[-1].end), layout.x_range[1])
        breaks = [b for b in layout.breaks if x0 <= b[0] and b[1] <= x1]
        width_px = px(x1) - px(x0)
        found = gap_note(group[0], width_px, high_px, bool(breaks) and len(group) == 1, lang,
                          projector or len(group) > 1, font_px)
        x = next((mark for mark, _ in marks if x0 <= mark <= x1), (x0 + x1) / 2)
        if found is None or (not found[1] and px(x) - last_upright < font_px * 1.4):
            continue  # no room, or right beside the label of the gap before (hover on the band's break mark)
        note, across = found
        if not across:
            last_upright = px(x)
        hover = " + ".join(duration_text(gap.months, lang) for gap in group)
        notes.append({"x": x, "xref": "x", "y": -AXIS_DOWN if in_lived else 1, "yref": "y" if in_lived else "paper",
                      "yanchor": "top", "text": esc(note).replace("\n", "<br>"), "showarrow": False,
                      "textangle": 0 if across else -90,
                      "font": {"size": font_px, "color": MUTED}, "align": "center", "name": "timeline-gap",
                      "hovertext": esc(f"{text('no_information', lang)} · {hover}")})
    for x, run in marks:  # a break in the axis line, like a torn paper strip
        months = sum(b1 - b0 for b0, b1 in run) / 86_400_000 / 30.44
        notes.append({"x": x, "xref": "x", "y": 0, "yref": "y2", "text": "<b>//</b>", "showarrow": False,
                      "font": {"size": font_px + 4, "color": INK}, "bgcolor": PAPER, "borderpad": 0,
                      "name": "timeline-break",
                      "hovertext": esc(text("timeline_break", lang, duration=duration_text(months, lang)))})
    return shapes, notes


def year_ticks(layout: TimelineLayout, x_range: list[float], font_px: int, mark_font_px: int, gl: bool,
               always: bool = False, plot_px: float | None = None) -> dict[str, Any]:
    """Ticks at whole years when the axis has breaks (plotly's own ticks bunch up beside a break; ``always``:
    without breaks too): every year, or every 2nd/5th/10th, none closer than a label's width to the one before
    or to a break mark (on a ``plot_px`` wide plot: the wall's the figure is fitted for; else the narrowest plot, on
    a focus + context axis the wall's nominal plot)."""
    if gl or not (layout.breaks or always or not layout.scale.linear):
        return {}
    lo, hi = x_range
    px_per_ms, px = axis_px(layout, plot_px or (MIN_PLOT_WIDTH_PX if layout.scale.linear
                                                else max(MIN_PLOT_WIDTH_PX, geometry(layout.projector).plot_width_px)))
    need = text_px(4, font_px) + 14
    step = label_step(_YEAR_MS * px_per_ms, need)
    marks = [px(x) for x, _ in break_marks(layout, mark_font_px)]
    clear = need / 2 + break_mark_px(mark_font_px) / 2

    years = range(layout.day_of(lo).year + 1, layout.day_of(hi).year + 1)
    if layout.scale.linear:
        candidates = [layout.x_of(dt.date(year, 1, 1)) for year in years if year % step == 0]
    else:  # a year's room varies along the axis: every year where they are wide, every 2nd/5th… where narrow
        starts = [layout.x_of(dt.date(year, 1, 1)) for year in range(years.start, years.stop + 1)]
        candidates = [x for year, x, end in zip(years, starts, starts[1:], strict=False)
                      if year % label_step(px(end) - px(x), need) == 0]
    # A stretch between two breaks without a new year in it gets its year in the middle.
    edges = [lo, *(x for b in layout.breaks for x in b if lo < x < hi), hi]
    for start, end in zip(edges[::2], edges[1::2], strict=False):
        if not any(start <= x <= end for x in candidates):
            candidates.append((start + end) / 2)
    vals: list[float] = []
    labels: list[str] = []
    last = -1e9
    for x in sorted(candidates):
        if any(b0 <= x <= b1 for b0, b1 in layout.breaks) or px(x) - last < need or px(x) < need * 0.45 \
                or not lo <= x <= hi or any(abs(px(x) - mark) < clear for mark in marks):
            continue
        vals.append(x)
        labels.append(str(layout.day_of(x).year))
        last = px(x)
    return {"tickmode": "array", "tickvals": vals, "ticktext": labels, "tickangle": 0}


def rangebreaks(layout: TimelineLayout, gl: bool) -> list[dict]:
    """plotly rangebreaks for the layout's breaks (not with WebGL traces, which do not follow them)."""
    if gl or not layout.breaks:
        return []
    return [{"bounds": [ms_day(b0).isoformat(), ms_day(b1).isoformat()]} for b0, b1 in layout.breaks]
