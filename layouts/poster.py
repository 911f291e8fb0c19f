"""Posters: a view figure laid out on a landscape sheet (A3, A1, A0) or a 16:9 screen, ready for print.

``poster_figure(figure, case, size=..., lang=..., as_of=..., printed_on=...)`` is pure: it copies the
figure, drops what only works on screen (range slider, menus), and adds the case title, the date of
printing, the as-of date, and a "pseudonymised case — do not share" footer. The view's own legend stays.

Sizes are worked in *logical* pixels; the exporter multiplies them by ``zoom`` (stored in
``fig.layout.meta["poster"]``) so that a PDF page measures exactly the paper size (1 CSS px = 1/96 inch)
and type grows with the paper: ``zoom`` is chosen per case within a range per paper size, larger when
the view fits easily (on A3, 12 px text prints at 7.7–9 pt for the timeline, at least 5.8 pt for a large
geno-sociogram).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from layouts.inert import drawn_text
from layouts.poster_labels import LABEL_PX, event_labels, label_events
from layouts.style import FONT_FAMILY, INK, MUTED, PAPER
from layouts.texts import text

CSS_DPI = 96.0
MM_PER_INCH = 25.4
PNG_DPI = 150
"""Resolution of poster PNGs (screen-size PNGs are 1920 × 1080)."""

SIZES = ("A3", "A1", "A0", "screen")
FORMATS = ("png", "svg", "pdf")
"""File formats a view can be saved in."""


@dataclass(frozen=True)
class Sheet:
    """A landscape sheet: its size in mm (None for a screen) and px, and the range of type zoom."""

    name: str
    width_px: float
    height_px: float
    mm: tuple[float, float] | None
    zoom_min: float
    zoom_max: float
    compact: bool = False
    """Timeline default on this sheet: ``compact=True`` (merged lanes, cut-out empty years) where room is
    short; ``False`` (every organisation its own lane, a true time axis) on paper."""

    @property
    def png_scale(self) -> float:
        """Raster pixels per page pixel for PNG export."""
        return 1.0 if self.mm is None else PNG_DPI / CSS_DPI


def _mm_px(mm: float) -> float:
    return mm / MM_PER_INCH * CSS_DPI


SHEETS: dict[str, Sheet] = {
    "A3": Sheet("A3", _mm_px(420), _mm_px(297), (420, 297), 0.85, 1.0, compact=True),
    "A1": Sheet("A1", _mm_px(841), _mm_px(594), (841, 594), 1.25, 1.7),
    "A0": Sheet("A0", _mm_px(1189), _mm_px(841), (1189, 841), 1.6, 2.4),
    "screen": Sheet("screen", 1920, 1080, None, 1.0, 1.0, compact=True),
}

# Logical px (before zoom).
_EDGE = 26          # white border (printers cannot print to the edge)
_HEADER = 92        # title and subtitle
_FOOTER = 40        # footer text and rule
_TITLE_PX = 30
_SUBTITLE_PX = 17
_FOOTER_PX = 14
_STRETCH_TOP = 30   # room above a stretchable plot (as-of label)
_STRETCH_BOTTOM = 44  # room below a stretchable plot (date tick labels)
_FIXED_FLOOR = 0.75  # a fixed-size figure may use type this much smaller than the sheet's smallest
_LEGEND_ROW_EM = 1.75  # height of one horizontal legend line, in em of its font
_KEY_NUMBER = 12     # the example number of the key to the event numbers
_LEGEND_GAP = 10    # between the date labels and the legend, and between the legend and the footer

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def sheet(size: str) -> Sheet:
    """The sheet for ``size`` (A3, A1, A0 or screen); ValueError for anything else."""
    try:
        return SHEETS[size]
    except KeyError:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}") from None


def long_date(day: dt.date, lang: str = "nl") -> str:
    """``23 november 2026`` (nl) or ``23 November 2026`` (en)."""
    months = _MONTHS.get(lang, _MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def sheet_frame(sheet_: Sheet, *, top: float = _HEADER, bottom: float = _FOOTER + _EDGE,
                edge: float = _EDGE) -> tuple[int, int]:
    """(width, height) logical px a fixed-size view gets on ``sheet_`` at its smallest zoom, below ``top`` and
    above ``bottom``: a geno-sociogram drawn for this frame fills the landscape page (its legend beside or under
    the drawing as the frame allows) instead of being shrunk to the page's height."""
    zoom = sheet_.zoom_min
    return int(sheet_.width_px / zoom - 2 * edge), int(sheet_.height_px / zoom - top - bottom)


def print_ready(figure: go.Figure) -> go.Figure:
    """A copy of ``figure`` without screen-only parts: range sliders, menus, sliders, drag and hover."""
    fig = go.Figure(data=[_vector_trace(trace) for trace in figure.data], layout=figure.layout)
    layout = fig.layout
    for name in list(layout):
        if name.startswith("xaxis") and layout[name] is not None and layout[name].rangeslider is not None:
            layout[name].rangeslider.visible = False
    fig.update_layout(updatemenus=[], sliders=[], dragmode=False, hovermode=False)
    return fig


def _vector_trace(trace: Any) -> Any:
    """Scattergl → Scatter, so print output stays vector (and no WebGL context is needed)."""
    if trace.type != "scattergl":
        return trace
    data = trace.to_plotly_json()
    data.pop("type", None)
    try:
        return go.Scatter(**data)
    except ValueError:  # a property Scatter does not know: keep the WebGL trace
        return trace


def _natural_size(fig: go.Figure) -> tuple[float | None, float]:
    """(plot width, or None when the figure stretches; plot height) as the view drew it, in px."""
    layout, margin = fig.layout, fig.layout.margin

    def side(value: float | None, default: float) -> float:
        return default if value is None else value

    height = layout.height or 450
    plot_h = max(1.0, height - side(margin.t, 100) - side(margin.b, 80) - legend_block_px(fig))
    if layout.width is None:
        return None, plot_h
    return max(1.0, layout.width - side(margin.l, 80) - side(margin.r, 80)), plot_h


def strip_legends(fig: go.Figure) -> list[str]:
    """Names of the figure's horizontal legends placed in container coordinates (the timeline's legend lines,
    one plotly legend per line), top line first."""
    layout = fig.layout
    found = []
    for name in layout:
        if not re.fullmatch(r"legend\d*", name) or layout[name] is None:
            continue
        legend = layout[name]
        if legend.orientation == "h" and legend.yref == "container":
            found.append((-(legend.y or 0), int(name[6:] or 1), name))
    return [name for *_, name in sorted(found)]


def legend_row_px(fig: go.Figure, name: str) -> float:
    """Height of one horizontal legend line."""
    legend, base = fig.layout[name], fig.layout.font.size if fig.layout.font and fig.layout.font.size else 12
    font = legend.font.size if legend.font and legend.font.size else base
    return font * _LEGEND_ROW_EM


def legend_block_px(fig: go.Figure) -> float:
    """Height of the block of horizontal legend lines (0 without them)."""
    names = strip_legends(fig)
    return sum(legend_row_px(fig, name) for name in names) + 6 if names else 0.0


def lane_label_px(fig: go.Figure) -> float:
    """Width the view's lane labels need left of the plot: the left margin of a view that writes them as
    paper-anchored annotations right-aligned at x = 0 (the timeline), else 0."""
    left_labels = [a for a in fig.layout.annotations
                   if a.xref == "paper" and a.x == 0 and a.xanchor == "right"]
    return float(fig.layout.margin.l or 0) if left_labels else 0.0


def choose_zoom(sheet_: Sheet, plot_w: float | None, plot_h: float, *, top: float = _HEADER,
                bottom: float = _FOOTER) -> float:
    """Largest zoom in the sheet's range at which the view's natural plot area fits the sheet.

    A figure of fixed size (``plot_w`` given) may go to ``_FIXED_FLOOR`` × the smallest zoom: its labels do
    not move with its drawing, so shrinking the drawing instead would make them overlap.
    """
    fixed_h = top + bottom + (0 if plot_w is not None else _STRETCH_TOP + _STRETCH_BOTTOM)
    fits = [sheet_.height_px / (plot_h + fixed_h)]
    lowest = sheet_.zoom_min
    if plot_w is not None:
        fits.append(sheet_.width_px / (plot_w + 2 * _EDGE))
        lowest *= _FIXED_FLOOR
    return max(lowest, min(sheet_.zoom_max, *fits))


def fit_to_sheet(figure: go.Figure, sheet_: Sheet, *, top: float = _HEADER, bottom: float = _FOOTER,
                 edge: float = _EDGE) -> tuple[go.Figure, float]:
    """A print-ready copy of ``figure`` sized to fill ``sheet_`` below ``top`` and above ``bottom`` (logical px).

    Returns the figure (``width``/``height`` in logical px) and the zoom (page px per logical px). A figure
    with a fixed width keeps its aspect ratio and is centred; one without (the timeline) stretches.
    """
    fig = print_ready(figure)
    plot_w, plot_h = _natural_size(fig)
    legends = strip_legends(fig) if plot_w is None else []
    legend_px = legend_block_px(fig) + _LEGEND_GAP if legends else 0.0
    zoom = choose_zoom(sheet_, plot_w, plot_h, top=top, bottom=bottom + legend_px)
    width, height = sheet_.width_px / zoom, sheet_.height_px / zoom
    if plot_w is None:  # stretches: fill the sheet
        # Lane labels left of the plot get the room the view gave them; the legend lines go between the date
        # labels and the footer (the view placed them under its range slider, which print does not have).
        floor = max(bottom, edge) + (_LEGEND_GAP if legends and bottom > 0 else 0)
        y = floor + legend_px - _LEGEND_GAP
        for name in legends:
            fig.layout[name].update(x=edge / width, xref="container", xanchor="left", y=y / height,
                                    yref="container", yanchor="top")
            y -= legend_row_px(fig, name)
        margin = {"l": edge + lane_label_px(figure), "r": edge, "t": top + _STRETCH_TOP,
                  "b": max(bottom, edge) + legend_px + _STRETCH_BOTTOM, "autoexpand": False}
    else:  # fixed aspect ratio: shrink if needed, centre
        box_w, box_h = width - 2 * edge, height - top - bottom
        fit = min(1.0, box_w / plot_w, box_h / plot_h)
        w, h = plot_w * fit, plot_h * fit
        side = (width - w) / 2
        margin_top = top + (box_h - h) / 2
        margin = {"l": side, "r": side, "t": margin_top, "b": height - margin_top - h, "autoexpand": False}
    fig.update_layout(width=width, height=height, autosize=False, margin=margin, title={"text": ""})
    return fig, zoom


def add_number_key(fig: go.Figure, lang: str, *, font_px: float = LABEL_PX) -> None:
    """One more line under the view's horizontal legend lines saying what the numbers beside the marks are
    (their order in time: the report's appendix lists every event under the same number)."""
    names = strip_legends(fig)
    if not names:
        return
    last = fig.layout[names[-1]]
    legend = "legend" + str(max(int(name[6:] or 1) for name in fig.layout if re.fullmatch(r"legend\d*", name)) + 1)
    row = legend_row_px(fig, names[-1])
    height = fig.layout.height or 450
    font = last.font.size if last.font and last.font.size else font_px
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers",
                             marker={"color": "rgba(0,0,0,0)", "size": 1, "line": {"width": 0}},
                             name=drawn_text(text("poster_number_key", lang)), legend=legend,
                             showlegend=True,
                             hoverinfo="skip", xaxis=fig.data[0].xaxis if fig.data else None,
                             yaxis=fig.data[0].yaxis if fig.data else None))
    fig.update_layout({legend: {**last.to_plotly_json(), "y": (last.y or 0) - row / height,
                                "title": {"text": str(_KEY_NUMBER), "side": "left",
                                          "font": {"size": font, "color": INK}}}})


def poster_figure(figure: go.Figure, case: Any, *, size: str = "A3", lang: str = "nl",
                  as_of: dt.date | None = None, printed_on: dt.date | None = None,
                  view: str | None = None, labels: bool = True) -> go.Figure:
    """``figure`` laid out as a landscape poster at ``size``: title, dates, legend, "do not share" footer.

    ``case`` needs ``title``, ``id`` and ``events_in_order()``. ``view`` ("timeline" or "genosociogram") names
    the view in the subtitle. ``labels``: write each event's number and title beside its mark where it fits (a
    stretching figure only). A figure with a fixed width keeps its aspect ratio (centred); one without stretches.
    """
    lang = "en" if lang == "en" else "nl"
    sh = sheet(size)
    printed_on = printed_on or dt.date.today()
    numbered = labels and figure.layout.width is None and bool(strip_legends(figure))
    if numbered:  # the key to the numbers goes with the legend lines (fit_to_sheet places them on the sheet)
        figure = go.Figure(figure)
        add_number_key(figure, lang)
    fig, zoom = fit_to_sheet(figure, sh, top=_HEADER, bottom=_FOOTER + _EDGE)
    if labels and fig.layout.width is not None and figure.layout.width is None:
        label_events(fig, event_labels(case))
    width, height = fig.layout.width, fig.layout.height
    margin = fig.layout.margin.to_plotly_json()
    inner_h = height - margin["t"] - margin["b"]
    inner_w = width - margin["l"] - margin["r"]

    subtitle = [text(view, lang)] if view in ("timeline", "genosociogram") else []
    if as_of is not None:
        subtitle.append(text("as_of_date", lang, date=long_date(as_of, lang)))
    subtitle.append(text("printed_on", lang, date=long_date(printed_on, lang)))
    below = -(margin["b"] - _EDGE) / inner_h  # paper y of the footer text's bottom
    left, right = -(margin["l"] - _EDGE) / inner_w, 1 + (margin["r"] - _EDGE) / inner_w
    footer_font = {"family": FONT_FAMILY, "size": _FOOTER_PX, "color": INK}
    annotations = [*fig.layout.annotations,
                   go.layout.Annotation(text=f"<b>{drawn_text(text('do_not_share', lang))}</b>", x=left, y=below,
                                        xref="paper", yref="paper", xanchor="left", yanchor="bottom",
                                        showarrow=False, font=footer_font, name="poster-footer"),
                   go.layout.Annotation(text=drawn_text(f"casusbeeld · {case.id} · {sh.name}"), x=right, y=below,
                                        xref="paper", yref="paper", xanchor="right", yanchor="bottom",
                                        showarrow=False, font={**footer_font, "color": MUTED},
                                        name="poster-footer-id")]
    rule_y = -(margin["b"] - _EDGE - _FOOTER_PX - 12) / inner_h
    shapes = [*fig.layout.shapes,
              go.layout.Shape(type="line", xref="paper", yref="paper", x0=left, x1=right, y0=rule_y, y1=rule_y,
                              line={"color": MUTED, "width": 1}, name="poster-rule")]
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    # A stretching figure may widen its margins for labels: align the title with the plot, like the footer.
    title_x = {"xref": "paper", "x": 0} if left >= 0 else {"xref": "container", "x": _EDGE / width}
    fig.update_layout(
        paper_bgcolor=PAPER,
        title={"text": f"<b>{drawn_text(case.title)}</b>", "xanchor": "left", **title_x,
               "y": 1 - _EDGE / height, "yref": "container", "yanchor": "top",
               "pad": {"t": 0, "b": 0, "l": 0, "r": 0}, "automargin": False,
               "font": {"family": FONT_FAMILY, "size": _TITLE_PX, "color": INK},
               "subtitle": {"text": drawn_text(" · ".join(subtitle)),
                            "font": {"family": FONT_FAMILY, "size": _SUBTITLE_PX, "color": MUTED}}},
        annotations=annotations, shapes=shapes,
        meta={**meta, "poster": {"size": sh.name, "zoom": zoom, "page_px": [sh.width_px, sh.height_px],
                                 "page_mm": list(sh.mm) if sh.mm else None, "png_scale": sh.png_scale}},
    )
    return fig
