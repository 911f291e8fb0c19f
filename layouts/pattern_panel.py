"""The pattern panel: findings as a clickable list, plus small inline charts. Pure functions, no callbacks.

Wiring for the app: each finding's button has the id ``{"type": "finding", "index": finding.id}``; on a
click, look the finding up with :func:`models.patterns.find.finding_by_id` and highlight its
``evidence_events`` / ``evidence_persons`` / ``evidence_organisations`` in the views. Case strings are
passed to Dash components as text (never as HTML) and made inert with :func:`layouts.inert.drawn_text` inside figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
from dash import dcc, html

from layouts.inert import drawn_text
from layouts.style import FONT_FAMILY, INK, MUTED, OKABE_ITO, PAPER, type_scale
from layouts.texts import text
from models.case import Case
from models.dates import DAYS_PER_MONTH
from models.patterns.base import CaseView, DateWindow, fmt_number, format_day
from models.patterns.find import DEFAULT_RULES, Finding, PatternKind, find_patterns, placement_spells
from models.patterns.professionals import professionals_per_year
from models.patterns.words import duration
from models.vocabulary import RESTRICTIVENESS, PlacementSetting, label

FINDING_TYPE = "finding"
"""The ``type`` part of every finding button's pattern-matching id."""

SELECTED_COLOUR = OKABE_ITO["orange"]

_STEP_KINDS = (PatternKind.ESCALATION, PatternKind.PLACEMENT_INSTABILITY, PatternKind.PLACEMENT_CAROUSEL)


_IN_MONTHS = re.compile(r"^(?:maanden|months?)\b")
_DAYS = {PatternKind.LONG_WAITS: "total_days", PatternKind.PARENT_FADING: "days_out_of_view",
         PatternKind.OUT_OF_SCHOOL: "days", PatternKind.INFORMATION_GAPS: "longest_days"}


def measure_words(finding: Finding, lang: str = "nl") -> str:
    """The finding's measure as a team says it: a count with its words ("11 keer overgeplaatst"); a measure in
    months as the span it is ("ruim 3 jaar uit beeld", not "37,4 maanden uit beeld"), as the title says it."""
    label_ = finding.measure_label(lang)
    if _IN_MONTHS.match(label_):
        days = finding.details.get(_DAYS.get(finding.kind, ""))  # the exact days, as the title was worded from
        days = days + 1 if finding.kind == PatternKind.INFORMATION_GAPS and days else days  # edge to edge
        span = days if isinstance(days, int) else round(finding.measure * DAYS_PER_MONTH)
        return _IN_MONTHS.sub(duration(span, lang), label_, count=1)
    return f"{fmt_number(finding.measure, lang, 1)} {label_}"


def finding_item(finding: Finding, lang: str = "nl", selected: bool = False, *,
                 chart: go.Figure | None = None, max_lines: int = 8) -> html.Li:
    """One finding: the method's question first, then a button (what was seen, and its measure in words) that
    selects it, then the evidence and how it was counted (folded)."""
    measure = measure_words(finding, lang)  # "11 keer overgeplaatst", "ruim 3 jaar uit beeld"
    button = html.Button(
        [html.Span(finding.title(lang), className="finding-title fw-semibold d-block"),
         html.Span(measure, className="finding-measure badge rounded-pill text-bg-light border mt-1")],
        id={"type": FINDING_TYPE, "index": finding.id}, n_clicks=0, type="button",
        className="finding-button btn btn-link text-start text-decoration-none p-0 w-100",
        style={"color": INK}, **{"aria-pressed": "true" if selected else "false"},
    )
    lines = list(finding.lines(lang))
    shown = [html.Li(line) for line in lines[:max_lines]]
    if len(lines) > max_lines:
        shown.append(html.Li(text("patterns_more", lang, n=len(lines) - max_lines), className="text-muted"))
    children: list = [html.P(finding.question(lang), className="finding-question fw-semibold mb-1"), button]
    if chart is not None:
        children.append(dcc.Graph(figure=chart, config={"displayModeBar": False, "responsive": True},
                                  style={"height": "180px"}, className="finding-chart"))
    # the evidence and the counting rules fold away (open for the selected finding), so the panel stays short
    folded: list = [html.Ul(shown, className="finding-lines small mb-2 ps-3")] if shown else []
    folded.append(html.Small([html.Span(text("rules", lang) + ": ", className="fw-semibold"), finding.rules(lang)],
                             className="finding-rules text-muted d-block"))
    children.append(html.Details([html.Summary(text("patterns_evidence", lang, n=len(lines)),
                                               className="finding-summary small"), *folded],
                                 open=selected, className="finding-more"))
    style = {"borderLeft": f"4px solid {SELECTED_COLOUR if selected else 'transparent'}"}
    return html.Li(children, className="list-group-item finding" + (" finding-selected" if selected else ""),
                   style=style, **{"data-kind": str(finding.kind), "aria-current": "true" if selected else "false"})


def pattern_panel(findings: Sequence[Finding], lang: str = "nl", selected: str | None = None, *,
                  charts: Mapping[str, go.Figure] | None = None, max_lines: int = 8) -> html.Section:
    """The panel listing ``findings`` in the given order (``find_patterns`` returns them most telling first).

    ``selected`` is the id of the highlighted finding; ``charts`` maps a finding id or kind to a small figure
    shown inside that finding (see :func:`finding_charts`).
    """
    charts = charts or {}
    items = [finding_item(f, lang, f.id == selected, chart=charts.get(f.id, charts.get(str(f.kind))),
                          max_lines=max_lines) for f in findings]
    body = html.Ul(items, className="list-group pattern-list") if items else \
        html.P(text("patterns_empty", lang), className="text-muted pattern-empty")
    return html.Section([html.H2(text("patterns", lang), className="h5 mb-1"),
                         html.P(text("patterns_intro", lang), className="small text-muted mb-2"), body],
                        className="pattern-panel", **{"aria-label": text("patterns", lang)})


def finding_charts(case: Case, findings: Sequence[Finding], lang: str = "nl", *, projector: bool = False,
                   date_window: DateWindow | None = None) -> dict[str, go.Figure]:
    """Inline charts for the findings a picture helps: the placement step line and professionals per year (no
    analyst's charts such as a recurrence plot: the wall shows what a team reads at a glance)."""
    charts: dict[str, go.Figure] = {}
    kinds = {f.kind for f in findings}
    step_kind = next((kind for kind in _STEP_KINDS if kind in kinds), None)
    if step_kind is not None:
        charts[str(step_kind)] = placement_step_chart(case, lang, projector=projector, date_window=date_window)
    if PatternKind.TURNOVER in kinds:
        charts[str(PatternKind.TURNOVER)] = professionals_per_year_chart(case, lang, projector=projector,
                                                                         date_window=date_window)
    return charts


def panel_for_case(case: Case, lang: str = "nl", selected: str | None = None, *,
                   date_window: DateWindow | None = None) -> html.Section:
    """Convenience: find the patterns and render the panel with its charts."""
    findings = find_patterns(case, date_window=date_window)
    return pattern_panel(findings, lang, selected,
                         charts=finding_charts(case, findings, lang, date_window=date_window))


def _small_layout(fig: go.Figure, title: str, projector: bool) -> go.Figure:
    scale = type_scale(projector)
    fig.update_layout(
        title={"text": drawn_text(title), "font": {"size": scale.small}, "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 28, "b": 24}, height=180, showlegend=False,
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, font={"family": FONT_FAMILY, "size": scale.small, "color": INK},
    )
    return fig


def _empty(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(text=drawn_text(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"color": MUTED})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def placement_step_chart(case: Case, lang: str = "nl", *, projector: bool = False,
                         date_window: DateWindow | None = None) -> go.Figure:
    """Restrictiveness of where the child lived over time, as a step line (crisis stays marked)."""
    fig = _small_layout(go.Figure(), text("chart_placements_title", lang), projector)
    spells = placement_spells(case, date_window)
    if not spells:
        return _empty(fig, text("chart_no_placements", lang))
    xs: list[dt.date | None] = []
    ys: list[int | None] = []
    hover: list[str] = []
    marker_hover: list[str] = []
    for i, spell in enumerate(spells):
        where = label(spell.setting, lang) + (f" — {spell.location}" if spell.location else "")
        crisis = f" ({text('chart_crisis_temporary', lang)})" if spell.temporary else ""
        line = drawn_text(f"{where}{crisis}: {format_day(spell.start, lang)} – {format_day(spell.end, lang)}, "
                                f"{spell.days} {text('chart_days', lang)}")
        xs += [spell.start, spell.end]
        ys += [spell.restrictiveness, spell.restrictiveness]
        hover += [line, line]
        marker_hover.append(line)
        if i + 1 < len(spells) and (spells[i + 1].start - spell.end).days > DEFAULT_RULES.move_max_gap_days:
            xs.append(None)
            ys.append(None)
            hover.append("")
    scale = type_scale(projector)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"shape": "hv", "color": OKABE_ITO["vermillion"],
                                                             "width": scale.line_width + 1},
                             hovertext=hover, hoverinfo="text", connectgaps=False))
    fig.add_trace(go.Scatter(
        x=[s.start for s in spells], y=[s.restrictiveness for s in spells], mode="markers",
        marker={"size": scale.marker - 3, "symbol": ["diamond" if s.temporary else "circle" for s in spells],
                "color": [OKABE_ITO["orange"] if s.temporary else OKABE_ITO["vermillion"] for s in spells]},
        hovertext=marker_hover, hoverinfo="text",
    ))
    used = sorted({s.restrictiveness for s in spells} | {RESTRICTIVENESS[PlacementSetting.HOME]})
    names = {level: label(setting, lang) for setting, level in RESTRICTIVENESS.items()}
    fig.update_yaxes(tickvals=used, ticktext=[drawn_text(names[v]) for v in used],
                     range=[-0.5, max(used) + 0.5], gridcolor="rgba(0,0,0,0.08)", fixedrange=True)
    fig.update_xaxes(showgrid=False, fixedrange=True)
    return fig


def professionals_per_year_chart(case: Case, lang: str = "nl", *, projector: bool = False,
                                 date_window: DateWindow | None = None) -> go.Figure:
    """Distinct professionals named in events, per calendar year, as bars (hover: new ones, organisations)."""
    fig = _small_layout(go.Figure(), text("chart_professionals_title", lang), projector)
    rows = [r for r in professionals_per_year(CaseView(case, date_window))["per_year"] if r["professionals"]]
    if not rows:
        return _empty(fig, text("chart_no_professionals", lang))
    new, organisations = text("chart_new", lang), text("chart_organisations", lang)
    hover = [drawn_text(f"{r['year']}: {r['professionals']} professionals ({r['new_professionals']} {new}), "
                              f"{r['organisations']} {organisations}") for r in rows]
    fig.add_trace(go.Bar(x=[str(r["year"]) for r in rows], y=[r["professionals"] for r in rows],
                         marker={"color": OKABE_ITO["blue"]}, hovertext=hover, hoverinfo="text",
                         text=[r["professionals"] for r in rows], textposition="outside", cliponaxis=False))
    fig.update_xaxes(type="category", fixedrange=True)
    fig.update_yaxes(visible=False, fixedrange=True)
    return fig
