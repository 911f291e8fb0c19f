"""Downloads from the app (issue #8): each view as PNG / SVG / PDF poster, the case report, all offline.

Each download goes through the page's own menus (opened by keyboard once), Dash's ``dcc.Download`` and
Playwright's ``expect_download``; the files are checked like the CLI's (headers, SVG parses, PDF page size).
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from models import load_case

from .conftest import OUT, SAMPLES, Recorder
from .helpers import LISA, open_lisa, switch_lang

pytestmark = pytest.mark.browser

EXPORT_TIMEOUT_MS = 90_000  # the first export starts kaleido's Chromium; a PDF report prints in Chromium too


def _open_menu(page: Any, summary: str) -> None:
    menu = page.locator(summary).locator("xpath=..")
    if menu.get_attribute("open") is None:
        page.locator(summary).click()
    expect(menu).to_have_attribute("open", "")


def _download(page: Any, button: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=EXPORT_TIMEOUT_MS) as info:
        page.locator(button).click()
    download = info.value
    path = download.path()
    assert path is not None, download.failure()
    with open(path, "rb") as handle:
        return download.suggested_filename, handle.read()


def download_view(page: Any, view: str, fmt: str, size: str) -> tuple[str, bytes]:
    """Choose ``fmt`` and ``size`` in the view's menu and download the file."""
    _open_menu(page, f"#export-{view}-menu-summary")
    page.locator(f"#export-{view}-format label", has_text=fmt.upper()).click()
    page.locator(f"#export-{view}-size").select_option(size)
    name, data = _download(page, f"#export-{view}-go")
    expect(page.locator(f"#export-{view}-status")).to_contain_text(name)
    return name, data


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def pdf_pages_mm(data: bytes) -> list[tuple[float, float]]:
    assert data[:5] == b"%PDF-"
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
    assert boxes, "no MediaBox"
    return [((float(x1) - float(x0)) / 72 * 25.4, (float(y1) - float(y0)) / 72 * 25.4) for x0, y0, x1, y1 in boxes]


def only_local(recorder: Recorder) -> None:
    hosts = {urlparse(url).hostname for url in recorder.requests if not url.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, hosts


def test_menus_work_by_keyboard(page: Any) -> None:
    summary = page.locator("#export-timeline-menu-summary")
    menu = page.locator("#export-timeline-menu")
    summary.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("open", "")
    page.keyboard.press("Tab")  # into the panel: the first format button
    expect(page.locator("#export-timeline-format input:focus")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()
    page.locator("#report-menu-summary").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#report-menu")).to_have_attribute("open", "")
    expect(page.locator("#report-html")).to_be_visible()


def test_downloads_views_and_report(page: Any, recorder: Recorder) -> None:
    open_lisa(page)
    case = load_case(SAMPLES / LISA)
    OUT.mkdir(exist_ok=True)

    name, data = download_view(page, "timeline", "png", "screen")
    assert name.endswith("_timeline_screen.png")
    assert png_size(data) == (1920, 1080)

    name, data = download_view(page, "genosociogram", "svg", "screen")
    assert name.endswith("_genosociogram_screen.svg")
    root = ET.fromstring(data.decode("utf-8").removeprefix("\ufeff"))
    assert root.tag.endswith("svg")
    assert "stand op" in data.decode("utf-8")  # the geno-sociogram poster names the slider's date

    name, data = download_view(page, "genosociogram", "pdf", "A3")
    assert name.endswith("_genosociogram_A3.pdf")
    (OUT / "app_download_genosociogram_A3.pdf").write_bytes(data)
    (width, height), = pdf_pages_mm(data)
    assert abs(width - 420) < 2 and abs(height - 297) < 2, (width, height)

    _open_menu(page, "#report-menu-summary")
    name, data = _download(page, "#report-html")
    assert name.endswith("_report_nl.html")
    report = data.decode("utf-8")
    assert '<html lang="nl">' in report
    assert case.title in report or case.title.replace("'", "&#x27;") in report
    assert not re.search(r"https?://", report), "the report refers to something outside itself"
    expect(page.locator("#report-status")).to_contain_text(name)

    only_local(recorder)
    assert not recorder.errors, recorder.errors


def test_download_follows_language_and_says_when_it_fails(page: Any, recorder: Recorder) -> None:
    switch_lang(page, "en")
    expect(page.locator("#export-timeline-menu-summary")).to_contain_text("Download")
    expect(page.locator("#export-timeline-menu-summary")).to_have_attribute("aria-label", "Download the timeline")
    _open_menu(page, "#report-menu-summary")
    name, data = _download(page, "#report-html")
    assert name.endswith("_report_en.html") and '<html lang="en">' in data.decode("utf-8")

    # A tampered choice (no such paper size) gets a clear message in the UI language, not a crash.
    _open_menu(page, "#export-timeline-menu-summary")
    page.evaluate("""() => {
        const select = document.getElementById('export-timeline-size');
        const option = document.createElement('option');
        option.value = 'A9'; option.textContent = 'A9';
        select.appendChild(option);
    }""")
    page.locator("#export-timeline-size").select_option("A9")
    page.locator("#export-timeline-go").click()
    status = page.locator("#export-timeline-status")
    expect(status).to_have_text("The download failed: choose a file format and a paper size from the list.")
    expect(status).to_have_class(re.compile("export-error"))
    expect(page.locator("#export-timeline-go")).to_be_enabled()
    only_local(recorder)
