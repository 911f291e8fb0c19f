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
from layouts.poster import Sheet, event_labels, fit_to_sheet, label_events, long_date
from models.case import Case, Event
from models.patterns import Finding, find_patterns
from models.vocabulary import label

_MM = 96 / 25.4
# A figure page of the report: A4 landscape minus 12 mm margins, below the heading (273 × 150 mm).
REPORT_SHEET = Sheet("A4", 273 * _MM, 150 * _MM, None, 0.72, 1.0)

_W: dict[str, dict[str, str]] = {
    "report": {"nl": "Casusverslag", "en": "Case report"},
    "notice": {"nl": "Gepseudonimiseerde casus — niet delen. Dit verslag bevat geen echte namen; bewaar en "
                     "deel het alleen binnen de bespreking.",
               "en": "Pseudonymised case — do not share. This report holds no real names; keep and share it "
                     "only within the review."},
    "footer": {"nl": "Gepseudonimiseerde casus — niet delen", "en": "Pseudonymised case — do not share"},
    "printed": {"nl": "afgedrukt op {date}", "en": "printed on {date}"},
    "counts": {"nl": "{events} gebeurtenissen · {persons} personen · {organisations} organisaties",
               "en": "{events} events · {persons} persons · {organisations} organisations"},
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "timeline_note": {"nl": "Boven de lijn: formele acties. Onder de lijn: wat gezinsleden meemaakten en zeiden. "
                            "De nummers verwijzen naar de bijlage met alle gebeurtenissen. Het hele beeld: "
                            "druk de poster af op A1 of A0 (casusbeeld export).",
                      "en": "Above the line: formal actions. Below the line: what family members lived through "
                            "and said. The numbers refer to the appendix listing all events. The whole picture: print "
                            "the poster on A1 or A0 (casusbeeld export)."},
    "genosociogram": {"nl": "Geno-sociogram", "en": "Geno-sociogram"},
    "genosociogram_note": {"nl": "Het gezin over de generaties, met het netwerk en de betrokken professionals.",
                           "en": "The family across generations, with the network and the professionals "
                                 "involved."},
    "no_figure": {"nl": "Deze weergave kon niet worden gemaakt: {error}",
                  "en": "This view could not be drawn: {error}"},
    "patterns": {"nl": "Patronen", "en": "Patterns"},
    "patterns_note": {"nl": "Vragen aan de groep, geen oordelen: herkennen jullie dit?",
                      "en": "Questions for the group, not verdicts: do you recognise this?"},
    "no_patterns": {"nl": "Geen patronen gevonden.", "en": "No patterns found."},
    "measure": {"nl": "Maat", "en": "Measure"},
    "evidence_events": {"nl": "Gebeurtenissen", "en": "Events"},
    "evidence_persons": {"nl": "Personen", "en": "Persons"},
    "evidence_organisations": {"nl": "Organisaties", "en": "Organisations"},
    "evidence_relationships": {"nl": "Relaties", "en": "Relationships"},
    "rules": {"nl": "Zo is geteld", "en": "How this was counted"},
    "annotations": {"nl": "Aantekeningen", "en": "Annotations"},
    "no_annotations": {"nl": "Geen aantekeningen.", "en": "No annotations."},
    "about": {"nl": "Over", "en": "About"},
    "period": {"nl": "periode {start} – {end}", "en": "period {start} – {end}"},
    "since": {"nl": "vanaf {start}", "en": "from {start}"},
    "reflection": {"nl": "Reflectie van de facilitator", "en": "Facilitator's reflection"},
    "no_reflection": {"nl": "Nog geen reflectie vastgelegd.", "en": "No reflection recorded yet."},
    "questions": {"nl": "Vragen voor de bijeenkomst", "en": "Questions for the meeting"},
    "appendix": {"nl": "Bijlage: alle gebeurtenissen", "en": "Appendix: all events"},
    "date": {"nl": "Datum", "en": "Date"},
    "layer": {"nl": "Lijn", "en": "Line"},
    "type": {"nl": "Soort", "en": "Type"},
    "title": {"nl": "Gebeurtenis", "en": "Event"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "above": {"nl": "boven", "en": "above"},
    "below": {"nl": "onder", "en": "below"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
}

# The questions of work cards 3 and 4 (and card 2's questions along the timeline), NJi 2022.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "card3": (
        ("Wat zien we? En wat doet dit met ons?", "What do we see? And what does this do to us?"),
        ("Welke informatie ontbreekt?", "Which information is missing?"),
        ("Is de meest cruciale informatie opgenomen in de tijdlijn? Wat voegen we ter plekke toe?",
         "Is the most crucial information on the timeline? What do we add on the spot?"),
        ("Welke informatie komt van professionals en welke van gezinsleden? Wat zijn feiten, meningen, "
         "aannames, emoties en interpretaties?",
         "Which information comes from professionals and which from family members? What are facts, "
         "opinions, assumptions, emotions and interpretations?"),
        ("Hoe is de besluitvorming verlopen, en hoe hebben de betrokkenen dat ervaren?",
         "How were decisions made, and how did those involved experience them?"),
    ),
    "card2": (
        ("Staan alle belangrijke momenten op de tijdlijn? Of mist er iets?",
         "Are all important moments on the timeline? Or is something missing?"),
        ("Op welk moment op deze lijn willen we terugkomen?", "Which moment on this line do we want to return to?"),
        ("Wat was een cruciaal moment in het hele traject? Wanneer was er een omslagpunt?",
         "What was a crucial moment in the whole course of help? When was there a turning point?"),
    ),
    "card4": (
        ("Zijn de cruciale personen in beeld? Wie voegen we toe?",
         "Are the crucial people in the picture? Whom do we add?"),
        ("Welke professionals zijn betrokken? Voeg ze al pratend toe.",
         "Which professionals are involved? Add them while talking."),
        ("Gedragen wij ons als professionals ten opzichte van elkaar in vergelijkbare patronen als het gezin?",
         "Do we as professionals behave toward each other in patterns like the family's?"),
        ("Wie uit het eigen netwerk van het gezin zien we over het hoofd?",
         "Whom from the family's own network do we overlook?"),
    ),
}
_CARD_TITLES = {
    "card3": ("Tijdlijn (werkkaart 3)", "Timeline (work card 3)"),
    "card2": ("Met het gezin langs de tijdlijn (werkkaart 2)", "With the family along the timeline (work card 2)"),
    "card4": ("Geno-sociogram (werkkaart 4)", "Geno-sociogram (work card 4)"),
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


def _w(key: str, lang: str) -> str:
    entry = _W[key]
    return entry.get(lang, entry["nl"])


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
    fig = report_figure(view_figure(case, view, lang=lang), case)
    return inline_svg(figure_bytes(fig, "svg").decode("utf-8"), _w(view, lang))


# --- text pieces --------------------------------------------------------------------------------------------

def event_when(event: Event, lang: str) -> str:
    """``12 maart 2015`` or ``maart 2015 – juni 2016``."""
    text = event.date.format(lang)
    if event.end is not None:
        text += f" – {event.end.format(lang)}"
    return text


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
    rows = [f"<dt>{e(_w('measure', lang))}</dt><dd>{e(_number(finding.measure))} "
            f"{e(finding.measure_label(lang))}</dd>"]
    evidence = (("evidence_events", finding.evidence_events, names.event),
                ("evidence_persons", finding.evidence_persons, names.person),
                ("evidence_organisations", finding.evidence_organisations, names.organisation),
                ("evidence_relationships", finding.evidence_relationships, names.relationship))
    for key, ids, render in evidence:
        if ids:
            rows.append(f"<dt>{e(_w(key, lang))} ({len(ids)})</dt><dd>{_list(ids, render)}</dd>")
    lines = "".join(f"<li>{e(line)}</li>" for line in finding.lines(lang))
    return (f'<article class="finding" id="finding-{e(finding.id)}"><h3>{e(finding.title(lang))}</h3>'
            f'<p class="question-text">{e(finding.question(lang))}</p>'
            + (f"<ul>{lines}</ul>" if lines else "")
            + f"<dl>{''.join(rows)}</dl>"
            f'<p class="rules"><strong>{e(_w("rules", lang))}:</strong> {e(finding.rules(lang))}</p></article>')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def annotations_html(case: Case, names: _Names, lang: str) -> str:
    """The annotations grouped by tag (tags in order of first use), each with its targets."""
    groups: dict[str, list[Any]] = {}
    for annotation in case.annotations:
        groups.setdefault(annotation.tag, []).append(annotation)
    if not groups:
        return f"<p class=\"muted\">{e(_w('no_annotations', lang))}</p>"
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
                text = (_w("period", lang).format(start=start, end=target.date_range.end.format(lang))
                        if target.date_range.end is not None else _w("since", lang).format(start=start))
                about.append(f"<li>{e(text)}</li>")
            parts.append(
                f'<article class="annotation" id="annotation-{e(annotation.id)}">'
                f'<p class="text">{e(annotation.text)}</p>'
                + (f'<p class="meta">{" · ".join(meta)}</p>' if meta else "")
                + (f'<p class="meta">{e(_w("about", lang))}:</p><ul>{"".join(about)}</ul>' if about else "")
                + "</article>")
    return "".join(parts)


def reflection_notes(case: Case) -> list[tuple[str, str]]:
    """The facilitator's reflection notes as (question, text) pairs, leaving out empty ones."""
    return [(note.question, note.text) for note in case.reflections if note.text.strip()]


def questions_html(lang: str) -> str:
    """The card 3, 2 and 4 questions, each with room to write on paper."""
    index = 1 if lang == "en" else 0
    parts = []
    for card, questions in QUESTIONS.items():
        items = "".join(f'<li class="question">{e(q[index])}<div class="write"></div></li>' for q in questions)
        parts.append(f"<h3>{e(_CARD_TITLES[card][index])}</h3><ol>{items}</ol>")
    return "".join(parts)


def events_table(case: Case, names: _Names, lang: str) -> str:
    """Every event in time order, numbered as on the timeline: date, above/below the line, type, title, organisation."""
    head = "<th>#</th>" + "".join(f"<th>{e(_w(k, lang))}</th>"
                                  for k in ("date", "layer", "type", "title", "organisation"))
    rows = []
    for number, event in enumerate(case.events_in_order(), start=1):
        side = _w("above" if str(event.layer) == "formal" else "below", lang)
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

    ``findings``: precomputed pattern findings (default: :func:`models.patterns.find_patterns`).
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
            svg = f'<p class="muted">{e(_w("no_figure", lang).format(error=exc))}</p>'
        views.append(f'<section class="view" id="{view}"><h2>{e(_w(view, lang))}</h2>'
                     f'<p class="note">{e(_w(view + "_note", lang))}</p><figure>{svg}</figure></section>')

    finding_parts = "".join(finding_html(f, names, lang) for f in findings) or \
        f"<p class=\"muted\">{e(_w('no_patterns', lang))}</p>"
    notes = reflection_notes(case)
    reflection = "".join((f"<h3>{e(heading)}</h3>" if heading else "") + f'<p class="reflection">{e(text)}</p>'
                         for heading, text in notes) or f"<p class=\"muted\">{e(_w('no_reflection', lang))}</p>"
    sections = [("timeline", _w("timeline", lang)), ("genosociogram", _w("genosociogram", lang)),
                ("patterns", _w("patterns", lang)), ("annotations", _w("annotations", lang)),
                ("reflection", _w("reflection", lang)), ("questions", _w("questions", lang)),
                ("appendix", _w("appendix", lang))]
    toc = "".join(f'<li><a href="#{key}">{e(text)}</a></li>' for key, text in sections)
    counts = _w("counts", lang).format(events=len(case.events), persons=len(case.persons),
                                       organisations=len(case.organisations))
    title = f"{_w('report', lang)} — {case.title}"
    css = _CSS % {"footer": _w("footer", lang).replace('"', "'")}
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f'<meta name="referrer" content="no-referrer"><title>{e(title)}</title><style>{css}</style></head><body>'
        f'<header><p class="notice">{e(_w("notice", lang))}</p>'
        f'<p class="meta">{e(_w("report", lang))} · casusbeeld</p><h1>{e(case.title)}</h1>'
        f'<p class="meta">{e(case.id)} · {e(_w("printed", lang).format(date=long_date(printed_on, lang)))} · '
        f'{e(counts)}</p>'
        + (f'<p class="description">{e(case.description)}</p>' if case.description else "")
        + f'<nav><h3>{e(_w("contents", lang))}</h3><ol>{toc}</ol></nav></header><main>'
        + "".join(views)
        + f'<section id="patterns"><h2>{e(_w("patterns", lang))}</h2>'
          f'<p class="note">{e(_w("patterns_note", lang))}</p>{finding_parts}</section>'
        + f'<section id="annotations"><h2>{e(_w("annotations", lang))}</h2>{annotations_html(case, names, lang)}'
          "</section>"
        + f'<section id="reflection"><h2>{e(_w("reflection", lang))}</h2>{reflection}</section>'
        + f'<section id="questions" class="questions"><h2>{e(_w("questions", lang))}</h2>{questions_html(lang)}'
          "</section>"
        + f'<section id="appendix" class="appendix"><h2>{e(_w("appendix", lang))}</h2>'
          f"{events_table(case, names, lang)}</section>"
        + f'</main><footer>{e(_w("footer", lang))}</footer></body></html>\n'
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
