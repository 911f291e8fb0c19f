"""The case report: content (every finding, annotation, question), escaping, no external request, PDF, CLI."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.cli import main
from app.export import find_browser
from app.report import QUESTIONS, inline_svg, reflection_notes, report_bytes, report_html
from layouts.texts import text as catalogue_text
from models import Case, load_case
from models.patterns.find import find_patterns
from models.saving import case_bytes
from models.vocabulary import label

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_cases").glob("*.json"))
PRINTED = dt.date(2026, 11, 23)
HOSTILE = "<script>alert(1)</script>"
CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(find_browser() is None or not CHROMIUM.exists(),
                                    reason="/usr/bin/chromium is not installed")
_URL = re.compile(r"""url\(\s*["']?\s*([^"')\s]*)|@import\s+["']?([^"';\s]*)""", re.IGNORECASE)
_LINK_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background",
                    "manifest", "ping", "cite", "longdesc"}


def _local(ref: str) -> bool:
    return ref.startswith(("#", "data:")) or ref == ""


class _References(HTMLParser):
    """Every reference a browser could fetch: link attributes, url() and @import in styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES:
                self.found.append(value.strip())
            elif name == "style":
                self._styles(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._styles(data)

    def _styles(self, text: str) -> None:
        self.found += [(a or b).strip() for a, b in _URL.findall(text)]


def external_references(text: str) -> list[str]:
    """References in ``text`` (an HTML document) that point outside the document."""
    parser = _References()
    parser.feed(text)
    return [ref for ref in parser.found if not _local(ref)]


def fake_svg(case, view: str, lang: str) -> str:
    return f'<svg viewBox="0 0 10 10" aria-label="{view}"><text x="1" y="5">{view}</text></svg>'


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return {path.stem: load_case(path) for path in SAMPLES}


def hostile_case() -> Case:
    data = json.loads((ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json").read_text(encoding="utf-8"))
    data["title"] = HOSTILE
    data["description"] = f'{HOSTILE} <img src="http://evil.example/x.png"> "quoted"'
    data["events"][0]["title"] = HOSTILE
    data["persons"][0]["label"] = '<a href="https://evil.example">Kind</a>'
    data["annotations"][0]["text"] = f"{HOSTILE}<style>@import url(https://evil.example/a.css)</style>"
    data["annotations"][0]["tag"] = "<i>tag</i>"
    return load_case(json.dumps(data))


# --- content -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [path.stem for path in SAMPLES])
def test_report_holds_every_finding_and_annotation(cases, name, lang):
    case = cases[name]
    findings = find_patterns(case)
    text = report_html(case, lang, printed_on=PRINTED, findings=findings, svg_for=fake_svg)
    for finding in findings:
        assert html.escape(finding.title(lang)) in text
        assert html.escape(finding.question(lang)) in text
        events = case.event_map()
        for event_id in finding.evidence_events:
            assert html.escape(events[event_id].title) in text
        persons = case.person_map()
        for person_id in finding.evidence_persons:
            assert html.escape(persons[person_id].label) in text
    for annotation in case.annotations:
        assert html.escape(annotation.text) in text
        heading = label(annotation.tag, lang)
        assert html.escape(heading[:1].upper() + heading[1:]) in text
    for event in case.events:  # the appendix lists every event
        assert html.escape(event.title) in text
    assert text.count('<svg viewBox="0 0 10 10"') == 2
    assert html.escape(case.title) in text


def test_annotations_are_grouped_by_tag(cases):
    case = cases["calamiteit_sem"]
    text = report_html(case, printed_on=PRINTED, findings=[], svg_for=fake_svg)
    section = text[text.index('id="annotations"'):text.index('id="reflection"')]
    tags = list(dict.fromkeys(a.tag for a in case.annotations))
    headings = [label(tag, "nl") for tag in tags]
    positions = [section.index(f"<h3>{html.escape(h[:1].upper() + h[1:])} ") for h in headings]
    assert positions == sorted(positions)
    for tag, start, end in zip(tags, positions, [*positions[1:], len(section)], strict=True):
        group = section[start:end]
        assert all(html.escape(a.text) in group for a in case.annotations if a.tag == tag)


def test_report_in_dutch_with_the_meeting_questions(cases):
    text = report_html(cases["lisa_gesloten_jeugdzorg"], printed_on=PRINTED, svg_for=fake_svg)
    assert '<html lang="nl">' in text
    assert "Gepseudonimiseerde casus — niet delen" in text
    assert "afgedrukt op 23 november 2026" in text
    for question in ("Wat zien we? En wat doet dit met ons?", "Welke informatie ontbreekt?",
                     "Staan alle belangrijke momenten op de tijdlijn?", "Zijn de cruciale personen in beeld?"):
        assert question in text
    assert all(html.escape(catalogue_text(q, "nl")) in text for card in QUESTIONS.values() for q in card)
    assert "Nog geen reflectie vastgelegd." in text
    english = report_html(cases["lisa_gesloten_jeugdzorg"], "en", printed_on=PRINTED, svg_for=fake_svg)
    assert "What do we see? And what does this do to us?" in english and "Pseudonymised case" in english


def test_minimal_case_report(cases):
    text = report_html(cases["minimal"], printed_on=PRINTED, svg_for=fake_svg)
    assert "Geen patronen gevonden." in text and "Geen aantekeningen." in text


def test_printable_css():
    text = report_html(load_case(ROOT / "sample_cases" / "minimal.json"), svg_for=fake_svg)
    assert "@page { size: A4;" in text and "size: A4 landscape" in text
    assert "Content-Security-Policy\" content=\"default-src 'none'" in text
    assert "break-before: page" in text


def test_reflection_notes_are_reported(cases):
    assert reflection_notes(cases["minimal"]) == []
    data = json.loads(case_bytes(cases["minimal"]))
    data["reflections"] = [
        {"id": "r1", "card": 3, "question": "Wat doet dit met ons?", "text": f"Onrust {HOSTILE}"},
        {"id": "r2", "card": 4, "question": "Leeg", "text": "   "},
    ]
    with_notes = load_case(json.dumps(data))
    assert reflection_notes(with_notes) == [("Wat doet dit met ons?", f"Onrust {HOSTILE}")]
    text = report_html(with_notes, printed_on=PRINTED, svg_for=fake_svg)
    assert "Wat doet dit met ons?" in text and f"Onrust {html.escape(HOSTILE)}" in text


def test_hostile_strings_are_escaped():
    case = hostile_case()
    text = report_html(case, printed_on=PRINTED, svg_for=fake_svg)
    assert "<script" not in text.lower()
    assert "<img" not in text and '<a href="https' not in text and "<style>@import" not in text and "<i>" not in text
    assert html.escape(HOSTILE) in text
    assert external_references(text) == []


def test_a_failing_view_leaves_the_rest(cases):
    def broken(case, view, lang):
        raise RuntimeError(f"no {view} <today>")

    text = report_html(cases["minimal"], printed_on=PRINTED, svg_for=broken)
    assert "no timeline &lt;today&gt;" in text and "Vragen voor de bijeenkomst" in text


def test_reference_checker_finds_what_a_browser_would_fetch():
    page = ('<link href="https://cdn.example/a.css"><img src="x.png"><a href="#ok"></a>'
            '<img src="data:image/png;base64,">'
            '<style>@import "https://x/y.css"; .a { background: url(https://x/z.png) }</style>'
            '<div style="background:url(\'//x/w.png\')"></div><svg><image xlink:href="http://x/v.svg"/></svg>'
            '<p>src="http://text.only" url(https://text.only)</p>')
    assert external_references(page) == ["https://cdn.example/a.css", "x.png", "https://x/y.css",
                                         "https://x/z.png", "//x/w.png", "http://x/v.svg"]


def test_inline_svg_drops_namespaces():
    svg = ('<?xml version="1.0"?><svg class="main-svg" xmlns="http://www.w3.org/2000/svg" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" viewBox="0 0 100 50">'
           '<rect width="1" height="1"/></svg>')
    out = inline_svg(svg, 'Tijdlijn "x"')
    assert "http" not in out and 'viewBox="0 0 100 50"' in out and 'width="100"' not in out
    assert 'aria-label="Tijdlijn &quot;x&quot;"' in out


# --- real figures, browser and PDF ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_report(cases) -> str:
    return report_html(cases["lisa_gesloten_jeugdzorg"], printed_on=PRINTED)


@needs_chromium
def test_real_report_inlines_both_views_and_references_nothing(real_report):
    assert real_report.count("<svg") == 2
    assert "<script" not in real_report.lower()
    assert "http:" not in real_report and "https:" not in real_report
    assert external_references(real_report) == []
    for svg in re.findall(r"<svg\b.*?</svg>", real_report, flags=re.S):
        root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
        assert root.tag.endswith("svg")


@needs_chromium
def test_report_makes_no_request_in_chromium(real_report, tmp_path, browser):
    page_file = tmp_path / "report.html"
    page_file.write_text(real_report, encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    page = browser.new_page()
    try:
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(page_file.as_uri(), wait_until="networkidle")
        svg_count = page.locator("svg.main-svg").count()
        heading = page.locator("h1").inner_text()
        box = page.locator("#timeline svg").bounding_box()
    finally:
        page.close()
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    assert errors == []  # nothing blocked by the Content-Security-Policy
    assert svg_count == 2 and heading == "Lisa: van gesloten jeugdzorg terug naar huis"
    assert box is not None and box["width"] > 400 and box["height"] > 200


@needs_chromium
def test_report_pdf_is_a4_with_landscape_figure_pages(cases):
    data, filename, mimetype = report_bytes(cases["noor_jeugd_ggz"], "pdf", "nl", printed_on=PRINTED)
    assert data[:5] == b"%PDF-" and filename == "casus-noor-2022_report_nl.pdf" and mimetype == "application/pdf"
    boxes = [(round(float(w)), round(float(h))) for w, h in
             re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)]
    assert (595, 842) in boxes and (842, 595) in boxes  # A4 portrait text, A4 landscape views
    assert boxes.count((842, 595)) == 2


# --- command line -------------------------------------------------------------------------------------------

@needs_chromium
def test_cli_report_html(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(ROOT / "sample_cases" / "minimal.json"), "--lang", "en"]) == 0
    written = tmp_path / "casus-minimaal_report_en.html"
    assert written.is_file() and "Case report" in written.read_text(encoding="utf-8")
    assert "✓" in capsys.readouterr().out


@needs_chromium
def test_cli_report_pdf_from_suffix(tmp_path):
    target = tmp_path / "verslag.pdf"
    assert main(["report", str(ROOT / "sample_cases" / "minimal.json"), "-o", str(target)]) == 0
    assert target.read_bytes()[:5] == b"%PDF-"


def test_cli_report_invalid_case(tmp_path, capsys):
    bad = ROOT / "tests" / "data" / "broken" / "dangling_references.json"
    assert main(["report", str(bad), "-o", str(tmp_path / "r.html")]) == 1
    assert "✗" in capsys.readouterr().err and not (tmp_path / "r.html").exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(bad), "--format", "docx"])
    assert exit_info.value.code == 2
