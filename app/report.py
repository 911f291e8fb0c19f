"""The case report: one self-contained HTML document (or its PDF) for a case review or a calamity report.

It holds the timeline and the geno-sociogram as inline SVG, the pattern findings with their evidence,
the annotations grouped by tag, the facilitator's reflection notes (when the case has them), and the
questions of work cards 2–4 for the meeting. It loads nothing: no scripts, no fonts, no images from
anywhere (the SVG namespaces are dropped too, so the file holds no URL at all unless a case text does).
Every string from the case is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from typing import Any

import plotly.graph_objects as go

from app.export import MIMETYPES, default_filename, figure_bytes, html_to_pdf, view_figure
from layouts.poster import Sheet, event_labels, fit_to_sheet, label_events, long_date, sheet_frame
from layouts.texts import text
from layouts.view_state import ViewState
from models.case import Case, Event
from models.patterns.find import Finding, find_patterns
from models.vocabulary import label

_MM = 96 / 25.4
# A figure page of the report: A4 landscape minus 12 mm margins, below the heading (273 × 150 mm).
REPORT_SHEET = Sheet("A4", 273 * _MM, 150 * _MM, None, 0.72, 1.0)

# The questions of work cards 3 and 4 (and card 2's questions along the timeline), NJi 2022: catalogue keys,
# in the report's order; each card's heading is the key ``<card>_title``.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "card3": ("card3_q1", "card3_q2", "card3_q3", "card3_q4", "card3_q5"),
    "card2": ("card2_q1", "card2_q2", "card2_q3"),
    "card4": ("card4_q1", "card4_q2", "card4_q3", "card4_q4"),
}


# Defence in depth: even if a reference slipped in, the browser may load nothing but this document.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: "%(footer)s"; font: 8pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }
@page wide { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 20pt; margin: .2rem 0 .4rem; line-height: 1.2; }
h2 { font-size: 15pt; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .15rem;
  break-after: avoid; }
h3 { font-size: 12pt; margin: 1.1rem 0 .3rem; break-after: avoid; }
p { margin: .3rem 0; }
.notice { border: 2px solid #D55E00; color: #1a1a1a; padding: .4rem .7rem; font-weight: 600; margin: 0 0 .8rem; }
.meta, .note, .muted { color: #555; }
.note { font-size: 10pt; }
.description { white-space: pre-wrap; }
nav ol { margin: .2rem 0 0 1.2rem; padding: 0; columns: 2; }
figure { margin: 0; }
.view { page: wide; break-before: page; }
.view svg { display: block; width: 100%%; height: auto; max-height: 150mm; }
.annotation, .question, li, .finding h3, .finding .question-text, .annotation .text { break-after: avoid; }
.finding { border-left: 4px solid #0072B2; padding: .2rem 0 .3rem .8rem; margin: .9rem 0; }
.finding .question-text { font-style: italic; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .4rem 0; }
.finding dt { font-weight: 600; color: #333; }
.finding dd { margin: 0; }
.finding ul, .annotation ul { margin: .1rem 0; padding-left: 1.1rem; }
.rules { font-size: 9pt; color: #555; }
.annotation { border-left: 4px solid #E69F00; padding: .2rem 0 .3rem .8rem; margin: .6rem 0; }
.annotation .text { white-space: pre-wrap; }
.reflection { white-space: pre-wrap; border-left: 4px solid #009E73; padding: .2rem 0 .3rem .8rem; }
.questions ol { padding-left: 1.2rem; }
.question { margin: .3rem 0 .2rem; }
.write { height: 16mm; border-bottom: 1px dotted #999; margin-bottom: .4rem; }
table { border-collapse: collapse; width: 100%%; font-size: 9pt; }
th, td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-bottom: 1px solid #ddd; }
thead { display: table-header-group; }
.appendix { break-before: page; }
footer { margin-top: 2rem; border-top: 1px solid #999; padding-top: .3rem; font-weight: 600; font-size: 9pt; }
@media screen { .write { display: none; } }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; }
  footer { display: none; } }
"""


def e(value: object) -> str:
    """Escape a case string for HTML text and attributes."""
    return html.escape(str(value), quote=True)


# --- figures ------------------------------------------------------------------------------------------------

_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def inline_svg(svg: str, label_text: str) -> str:
    """Kaleido's SVG made fit for inlining: no XML namespaces (no URLs), scalable, labelled for screen readers."""
    svg = svg.removeprefix("\ufeff")
    svg = re.sub(r"<\?xml[^>]*\?>", "", svg)
    match = _SVG_OPEN.search(svg)
    if match is None:
        return ""
    view_box = re.search(r'viewBox="([^"]*)"', match.group(0))
    head = (f'<svg class="main-svg" role="img" aria-label="{e(label_text)}"'
            + (f' viewBox="{view_box.group(1)}"' if view_box else "") + ' preserveAspectRatio="xMidYMid meet">')
    body = svg[match.end():]
    body = body.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "").replace(
        ' xmlns="http://www.w3.org/2000/svg"', "")
    return head + body


def report_figure(figure: go.Figure, case: Case | None = None) -> go.Figure:
    """A view figure sized for one A4 landscape page of the report; with ``case``, events numbered and titled."""
    fig, _ = fit_to_sheet(figure, REPORT_SHEET, top=0, bottom=0, edge=6)
    if case is not None and figure.layout.width is None:
        label_events(fig, event_labels(case))
    return fig


def view_svg(case: Case, view: str, lang: str) -> str:
    """The view as inline SVG for the report (raises on export failure)."""
    frame = sheet_frame(REPORT_SHEET, top=0, bottom=0, edge=6) if view == "genosociogram" else None
    fig = report_figure(view_figure(case, view, ViewState(lang=lang), frame=frame), case)
    return inline_svg(figure_bytes(fig, "svg").decode("utf-8"), text(view, lang))


# --- text pieces --------------------------------------------------------------------------------------------

def event_when(event: Event, lang: str) -> str:
    """``12 maart 2015`` or ``maart 2015 – juni 2016``."""
    when = event.date.format(lang)
    if event.end is not None:
        when += f" – {event.end.format(lang)}"
    return when


class _Names:
    """Readable names of the case's items, for evidence and annotation targets."""

    def __init__(self, case: Case, lang: str) -> None:
        self.lang = lang
        self.events = case.event_map()
        self.persons = case.person_map()
        self.organisations = case.organisation_map()
        self.relationships = {r.id: r for r in case.relationships}

    def event(self, event_id: str) -> str:
        event = self.events.get(event_id)
        if event is None:
            return f"<li>{e(event_id)}</li>"
        return f"<li><span class=\"muted\">{e(event_when(event, self.lang))}</span> — {e(event.title)}</li>"

    def person(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        if person is None:
            return e(person_id)
        extra = person.role or (self.organisations[person.organisation].name
                                if person.organisation in self.organisations else None)
        return e(person.label) + (f" <span class=\"muted\">({e(extra)})</span>" if extra else "")

    def organisation(self, organisation_id: str) -> str:
        organisation = self.organisations.get(organisation_id)
        return e(organisation.name) if organisation is not None else e(organisation_id)

    def relationship(self, relationship_id: str) -> str:
        rel = self.relationships.get(relationship_id)
        if rel is None:
            return e(relationship_id)
        return f"{self.person(rel.source)} — {e(label(rel.type, self.lang))} — {self.person(rel.target)}"


def _list(items: Iterable[str], item_html: Callable[[str], str]) -> str:
    parts = [item_html(item) for item in items]
    return "<ul>" + "".join(p if p.startswith("<li>") else f"<li>{p}</li>" for p in parts) + "</ul>"


def finding_html(finding: Finding, names: _Names, lang: str) -> str:
    """One finding: title, question, measure, detail lines and every piece of evidence."""
    rows = [f"<dt>{e(text('report_measure', lang))}</dt><dd>{e(_number(finding.measure))} "
            f"{e(finding.measure_label(lang))}</dd>"]
    evidence = (("events", finding.evidence_events, names.event),
                ("persons", finding.evidence_persons, names.person),
                ("organisations", finding.evidence_organisations, names.organisation),
                ("relationships", finding.evidence_relationships, names.relationship))
    for key, ids, render in evidence:
        if ids:
            rows.append(f"<dt>{e(text(key, lang))} ({len(ids)})</dt><dd>{_list(ids, render)}</dd>")
    lines = "".join(f"<li>{e(line)}</li>" for line in finding.lines(lang))
    return (f'<article class="finding" id="finding-{e(finding.id)}"><h3>{e(finding.title(lang))}</h3>'
            f'<p class="question-text">{e(finding.question(lang))}</p>'
            + (f"<ul>{lines}</ul>" if lines else "")
            + f"<dl>{''.join(rows)}</dl>"
            f'<p class="rules"><strong>{e(text("rules", lang))}:</strong> {e(finding.rules(lang))}</p></article>')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def annotations_html(case: Case, names: _Names, lang: str) -> str:
    """The annotations grouped by tag (tags in order of first use), each with its targets."""
    groups: dict[str, list[Any]] = {}
    for annotation in case.annotations:
        groups.setdefault(annotation.tag, []).append(annotation)
    if not groups:
        return f"<p class=\"muted\">{e(text('report_no_annotations', lang))}</p>"
    parts = []
    for tag, items in groups.items():
        heading = label(tag, lang)
        parts.append(f'<h3>{e(heading[:1].upper() + heading[1:])} <span class="muted">({len(items)})</span></h3>')
        for annotation in items:
            meta = [e(annotation.author)] if annotation.author else []
            if annotation.created is not None:
                meta.append(e(long_date(annotation.created.date(), lang)))
            target = annotation.target
            about = [names.event(event_id) for event_id in target.events]
            about += [f"<li>{names.person(person_id)}</li>" for person_id in target.persons]
            if target.date_range is not None:
                start = target.date_range.start.format(lang)
                span = (text("report_period", lang, start=start, end=target.date_range.end.format(lang))
                        if target.date_range.end is not None else text("report_since", lang, start=start))
                about.append(f"<li>{e(span)}</li>")
            parts.append(
                f'<article class="annotation" id="annotation-{e(annotation.id)}">'
                f'<p class="text">{e(annotation.text)}</p>'
                + (f'<p class="meta">{" · ".join(meta)}</p>' if meta else "")
                + (f'<p class="meta">{e(text("report_about", lang))}:</p><ul>{"".join(about)}</ul>' if about else "")
                + "</article>")
    return "".join(parts)


def reflection_notes(case: Case) -> list[tuple[str, str]]:
    """The facilitator's reflection notes as (question, text) pairs, leaving out empty ones."""
    return [(note.question, note.text) for note in case.reflections if note.text.strip()]


def questions_html(lang: str) -> str:
    """The card 3, 2 and 4 questions, each with room to write on paper."""
    parts = []
    for card, questions in QUESTIONS.items():
        items = "".join(f'<li class="question">{e(text(q, lang))}<div class="write"></div></li>' for q in questions)
        parts.append(f"<h3>{e(text(f'{card}_title', lang))}</h3><ol>{items}</ol>")
    return "".join(parts)


def events_table(case: Case, names: _Names, lang: str) -> str:
    """Every event in time order, numbered as on the timeline: date, above/below the line, type, title, organisation."""
    head = "<th>#</th>" + "".join(f"<th>{e(text(k, lang))}</th>"
                                  for k in ("date", "report_line", "type", "event", "organisation"))
    rows = []
    for number, event in enumerate(case.events_in_order(), start=1):
        side = text("report_above" if str(event.layer) == "formal" else "report_below", lang)
        organisation = names.organisation(event.organisation) if event.organisation else ""
        rows.append(f'<tr id="event-{e(event.id)}"><td>{number}</td><td>{e(event_when(event, lang))}</td>'
                    f"<td>{e(side)}</td><td>{e(label(event.type, lang))}</td><td>{e(event.title)}</td>"
                    f"<td>{organisation}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


# --- the document -------------------------------------------------------------------------------------------

def report_html(case: Case, lang: str = "nl", *, printed_on: dt.date | None = None,
                findings: list[Finding] | None = None,
                svg_for: Callable[[Case, str, str], str] | None = None) -> str:
    """The whole report as one self-contained HTML document (UTF-8 text).

    ``findings``: precomputed pattern findings (default: :func:`models.patterns.find.find_patterns`).
    ``svg_for(case, view, lang)``: draws a view as inline SVG (default: kaleido via :func:`view_svg`).
    A view that cannot be drawn is replaced by a message; the rest of the report stands.
    """
    lang = "en" if lang == "en" else "nl"
    printed_on = printed_on or dt.date.today()
    findings = find_patterns(case) if findings is None else findings
    draw = svg_for or view_svg
    names = _Names(case, lang)

    views = []
    for view in ("timeline", "genosociogram"):
        try:
            svg = draw(case, view, lang)
        except Exception as exc:  # a report without one picture beats no report
            svg = f'<p class="muted">{e(text("report_no_figure", lang, error=exc))}</p>'
        views.append(f'<section class="view" id="{view}"><h2>{e(text(view, lang))}</h2>'
                     f'<p class="note">{e(text(f"report_{view}_note", lang))}</p><figure>{svg}</figure></section>')

    finding_parts = "".join(finding_html(f, names, lang) for f in findings) or \
        f"<p class=\"muted\">{e(text('patterns_none', lang))}</p>"
    notes = reflection_notes(case)
    reflection = "".join((f"<h3>{e(heading)}</h3>" if heading else "") + f'<p class="reflection">{e(note)}</p>'
                         for heading, note in notes) \
        or f"<p class=\"muted\">{e(text('report_no_reflection', lang))}</p>"
    sections = [("timeline", text("timeline", lang)), ("genosociogram", text("genosociogram", lang)),
                ("patterns", text("patterns", lang)), ("annotations", text("report_annotations", lang)),
                ("reflection", text("report_reflection", lang)), ("questions", text("report_questions", lang)),
                ("appendix", text("report_appendix", lang))]
    toc = "".join(f'<li><a href="#{key}">{e(text)}</a></li>' for key, text in sections)
    counts = text("report_counts", lang, events=len(case.events), persons=len(case.persons),
                  organisations=len(case.organisations))
    title = f"{text('report', lang)} — {case.title}"
    css = _CSS % {"footer": text("do_not_share", lang).replace('"', "'")}
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f'<meta name="referrer" content="no-referrer"><title>{e(title)}</title><style>{css}</style></head><body>'
        f'<header><p class="notice">{e(text("report_notice", lang))}</p>'
        f'<p class="meta">{e(text("report", lang))} · casusbeeld</p><h1>{e(case.title)}</h1>'
        f'<p class="meta">{e(case.id)} · {e(text("printed_on", lang, date=long_date(printed_on, lang)))} · '
        f'{e(counts)}</p>'
        + (f'<p class="description">{e(case.description)}</p>' if case.description else "")
        + f'<nav><h3>{e(text("report_contents", lang))}</h3><ol>{toc}</ol></nav></header><main>'
        + "".join(views)
        + f'<section id="patterns"><h2>{e(text("patterns", lang))}</h2>'
          f'<p class="note">{e(text("report_patterns_note", lang))}</p>{finding_parts}</section>'
        + f'<section id="annotations"><h2>{e(text("report_annotations", lang))}</h2>'
          f"{annotations_html(case, names, lang)}</section>"
        + f'<section id="reflection"><h2>{e(text("report_reflection", lang))}</h2>{reflection}</section>'
        + f'<section id="questions" class="questions"><h2>{e(text("report_questions", lang))}</h2>'
          f"{questions_html(lang)}</section>"
        + f'<section id="appendix" class="appendix"><h2>{e(text("report_appendix", lang))}</h2>'
          f"{events_table(case, names, lang)}</section>"
        + f'</main><footer>{e(text("do_not_share", lang))}</footer></body></html>\n'
    )


def report_pdf(case: Case, lang: str = "nl", *, printed_on: dt.date | None = None) -> bytes:
    """The report printed to PDF (A4, figure pages landscape) by headless Chromium."""
    return html_to_pdf(report_html(case, lang, printed_on=printed_on))


def report_bytes(case: Case, fmt: str = "html", lang: str = "nl",
                 printed_on: dt.date | None = None) -> tuple[bytes, str, str]:
    """The report for a download button: ``(bytes, filename, mimetype)``; ``fmt`` is html or pdf."""
    if fmt not in ("html", "pdf"):
        raise ValueError(f"unknown report format {fmt!r}; choose html or pdf")
    data = (report_html(case, lang, printed_on=printed_on).encode("utf-8") if fmt == "html"
            else report_pdf(case, lang, printed_on=printed_on))
    return data, default_filename(case.id, "report", lang, fmt), MIMETYPES[fmt]
