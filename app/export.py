"""Static export: a figure → PNG, SVG or PDF bytes (kaleido with the machine's Chromium), HTML → PDF.

Nothing here reads a case file. Kaleido's Chromium is started once per process (later exports take
~0.2 s) without MathJax, so an export asks nothing of the internet. A poster figure (see
:mod:`layouts.poster`) carries its page size and zoom in ``layout.meta["poster"]``; the PDF page is
then exactly the paper size and a PNG is rendered at :data:`layouts.poster.PNG_DPI`.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import warnings
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from layouts.poster import FORMATS
from layouts.view_state import ViewState

VIEWS = ("timeline", "genosociogram")
MIMETYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html"}
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

_lock = threading.Lock()
_render_lock = threading.Lock()  # kaleido's sync server may hand results to the wrong caller when called at once
_started = False


class ExportError(RuntimeError):
    """Export failed: no Chromium, or the renderer gave up."""


def find_browser() -> str | None:
    """Path of a Chromium-family browser on PATH (Debian: ``/usr/bin/chromium``), or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def start_renderer() -> None:
    """Start kaleido's Chromium once for this process (no MathJax: nothing is fetched)."""
    global _started
    with _lock:
        if _started:
            return
        if find_browser() is None:
            raise ExportError("Chromium not found: install Debian's 'chromium' package")
        import kaleido

        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _started = True


def figure_bytes(fig: go.Figure, fmt: str) -> bytes:
    """``fig`` as ``fmt`` (png, svg or pdf) bytes.

    A poster figure is rendered at its zoom (PDF page = paper size, PNG at the poster DPI, with a pHYs
    chunk); any other figure at its own width and height (default 1400 × 900) and scale 1. Thread-safe:
    exports from several threads (a Dash server) run one at a time.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    start_renderer()
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    poster = meta.get("poster") or {}
    width = fig.layout.width or 1400
    height = fig.layout.height or 900
    scale = float(poster.get("zoom", 1.0))
    if fmt == "png":
        scale *= float(poster.get("png_scale", 1.0))
    with _render_lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plotly: "kopts argument is ignored if using a server"
        try:
            data = fig.to_image(format=fmt, width=width, height=height, scale=scale)
        except Exception as exc:  # kaleido raises several types; report one
            raise ExportError(f"export to {fmt} failed: {exc}") from exc
    if fmt == "png" and poster.get("page_mm"):
        data = png_with_dpi(data, float(poster.get("png_scale", 1.0)) * 96)
    return data


def png_with_dpi(data: bytes, dpi: float) -> bytes:
    """The PNG with a pHYs chunk, so that printing "at 100 %" gives the paper size."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or b"pHYs" in data[:64]:
        return data
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_of_ihdr = 8 + 4 + 4 + 13 + 4
    return data[:end_of_ihdr] + chunk + data[end_of_ihdr:]


def default_filename(case_id: str, view: str, size: str, fmt: str) -> str:
    """``<case id>_<view>_<size>.<fmt>``, safe for any file system."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", case_id).strip("._") or "casus"
    return f"{safe}_{view}_{size}.{fmt}"


def view_figure(case: Any, view: str, state: ViewState | None = None, *, compact: bool = True,
                frame: tuple[int, int] | None = None, labels: bool = True) -> go.Figure:
    """The screen figure of ``view`` for ``case`` as ``state`` asks (language, projector flag, date; for the
    timeline its filters and lanes too); ``compact``: the timeline's screen layout (a poster may have room);
    ``frame``: (width, height) px of the page the geno-sociogram is drawn for (page sizing, not the wall's),
    else the screen's card;
    ``labels``: False when print labels the timeline's events itself (the screen's labels are not placed)."""
    state = state or ViewState()
    if view == "timeline":
        from layouts.timeline.figure import timeline_figure

        return timeline_figure(case, state, compact=compact, labels=labels)
    if view == "genosociogram":
        from layouts.genogram.figure import genosociogram_figure

        return genosociogram_figure(case, state, frame=frame, page=frame is not None)
    raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


def poster_options(view: str, size: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The view options for a poster at ``size``: the app's own (filters, ``lane_mode``, ``projector``) as
    given, and for the timeline the sheet's ``compact`` unless the caller chose: paper has room for every
    organisation's own lane and a true time axis, a screen does not."""
    from layouts.poster import sheet

    chosen = dict(options or {})
    if view == "timeline":
        chosen.setdefault("compact", sheet(size).compact)
    return chosen


def poster_view_figure(case: Any, view: str, size: str = "A3", *, state: ViewState | None = None,
                       printed_on: dt.date | None = None) -> go.Figure:
    """One view of ``case`` laid out as a poster at ``size`` (ValueError for an unknown size).

    ``state``: the view as the app shows it (language, date, projector flag, the timeline's filters and
    lanes), so that a download matches the screen. The geno-sociogram is drawn for the page's own frame,
    so that it fills the landscape sheet rather than being shrunk to fit a screen card's shape.
    """
    from layouts.poster import poster_figure, sheet, sheet_frame

    sheet_ = sheet(size)
    state = state if state is not None else ViewState()
    compact = bool(poster_options(view, size).get("compact", True))
    frame = sheet_frame(sheet_) if view == "genosociogram" else None
    screen = view_figure(case, view, state, compact=compact, frame=frame, labels=False)  # the poster numbers them
    return poster_figure(screen, case, size=size, lang=state.lang, as_of=state.as_of, printed_on=printed_on,
                         view=view)


def export_view_bytes(case: Any, view: str, fmt: str, size: str = "A3", lang: str = "nl",
                      as_of: dt.date | None = None, printed_on: dt.date | None = None,
                      *, state: ViewState | None = None) -> tuple[bytes, str, str]:
    """One view of ``case`` as a poster file: ``(bytes, filename, mimetype)`` for a download button.

    ``state``: the view as the app shows it; without it ``lang`` and ``as_of`` and the defaults.
    """
    from layouts.poster import sheet

    sheet(size)  # unknown size: ValueError before any work
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    state = state if state is not None else ViewState(lang=lang, as_of=as_of)
    fig = poster_view_figure(case, view, size, state=state, printed_on=printed_on)
    return figure_bytes(fig, fmt), default_filename(case.id, view, size, fmt), MIMETYPES[fmt]


def html_to_pdf(html_text: str, *, timeout: float = 120) -> bytes:
    """Print an HTML document to PDF with headless Chromium (its ``@page`` rules set the paper)."""
    browser = find_browser()
    if browser is None:
        raise ExportError("Chromium not found: install Debian's 'chromium' package")
    with tempfile.TemporaryDirectory(prefix="casusbeeld-pdf-") as tmp:
        folder = Path(tmp)
        source, target = folder / "report.html", folder / "report.pdf"
        source.write_text(html_text, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--no-first-run", "--disable-extensions", f"--user-data-dir={folder / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(f"Chromium took longer than {timeout:.0f} s to print the PDF") from exc
        if not target.is_file() or target.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise ExportError("Chromium did not print the PDF: " + " | ".join(tail))
        return target.read_bytes()
