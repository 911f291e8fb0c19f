"""Posters and images: layout (pure), every sample case in every format and size (kaleido), the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import pytest

from app.cli import main
from app.export import default_filename, export_view_bytes, figure_bytes, find_browser
from layouts.genogram.figure import genosociogram_figure
from layouts.poster import CSS_DPI, PNG_DPI, SHEETS, event_labels, label_events, poster_figure, sheet
from layouts.timeline.figure import timeline_figure
from layouts.view_state import ViewState
from models import load_case

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_cases").glob("*.json"))
PRINTED = dt.date(2026, 11, 23)
HOSTILE = "<script>alert(1)</script>"
PAPER_MM = {"A3": (420, 297), "A1": (841, 594), "A0": (1189, 841)}
needs_chromium = pytest.mark.skipif(find_browser() is None or not Path("/usr/bin/chromium").exists(),
                                    reason="/usr/bin/chromium is not installed")


@pytest.fixture(scope="module")
def cases() -> dict[str, object]:
    return {path.stem: load_case(path) for path in SAMPLES}


_POSTERS: dict[tuple[str, str, str], go.Figure] = {}


def poster_of(cases, name: str, view: str, size: str) -> go.Figure:
    """The poster figure, built once per case, view and size (rendered in several formats)."""
    key = (name, view, size)
    if key not in _POSTERS:
        case = cases[name]
        _POSTERS[key] = poster_figure(view_of(case, view), case, size=size, printed_on=PRINTED, view=view)
    return _POSTERS[key]


def hostile_case():
    data = json.loads((ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json").read_text(encoding="utf-8"))
    data["title"] = f"{HOSTILE} & co"
    data["events"][0]["title"] = HOSTILE
    data["persons"][0]["label"] = "<b>Kind</b>"
    return load_case(json.dumps(data))


def view_of(case, view: str, **options) -> go.Figure:
    if view == "timeline":
        compact = options.pop("compact", True)
        return timeline_figure(case, ViewState(**options), compact=compact)
    state = ViewState(as_of=options.pop("as_of", None), lang=options.pop("lang", "nl"),
                      projector=options.pop("projector", False))
    return genosociogram_figure(case, state, **options)


# --- file checks ------------------------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def pdf_pages_mm(data: bytes) -> list[tuple[float, float]]:
    """The MediaBox of every page, in mm."""
    assert data[:5] == b"%PDF-"
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
    assert boxes, "no MediaBox"
    return [((float(x1) - float(x0)) / 72 * 25.4, (float(y1) - float(y0)) / 72 * 25.4) for x0, y0, x1, y1 in boxes]


def check_file(data: bytes, fmt: str, size: str) -> None:
    sh = sheet(size)
    if fmt == "png":
        width, height = png_size(data)
        expected = (sh.width_px * sh.png_scale, sh.height_px * sh.png_scale)
        assert abs(width - expected[0]) <= 2 and abs(height - expected[1]) <= 2, (width, height, expected)
        if size in PAPER_MM:  # pHYs right after IHDR: printed at 100 % it measures the paper size
            assert data[37:41] == b"pHYs"
            per_metre, _, unit = struct.unpack(">IIB", data[41:50])
            assert unit == 1 and per_metre * 0.0254 == pytest.approx(PNG_DPI, abs=0.5)
    elif fmt == "pdf":
        pages = pdf_pages_mm(data)
        assert len(pages) == 1
        width, height = pages[0]
        if size in PAPER_MM:
            assert abs(width - PAPER_MM[size][0]) <= 1.0 and abs(height - PAPER_MM[size][1]) <= 1.0, pages
        else:
            assert abs(width - 1920 * 25.4 / 96) <= 1.0 and abs(height - 1080 * 25.4 / 96) <= 1.0
    else:
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        assert b"niet delen" in data or b"do not share" in data
        assert b"<script" not in data


# --- pure layout --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", list(SHEETS))
@pytest.mark.parametrize("view", ["timeline", "genosociogram"])
def test_poster_layout_fits_the_paper(cases, size, view):
    case = cases["lisa_gesloten_jeugdzorg"]
    fig = poster_figure(view_of(case, view), case, size=size, printed_on=PRINTED, view=view)
    meta = fig.layout.meta["poster"]
    sh = SHEETS[size]
    lowest = sh.zoom_min * (0.75 if view == "genosociogram" else 1)
    assert lowest <= meta["zoom"] <= sh.zoom_max
    assert fig.layout.width * meta["zoom"] == pytest.approx(sh.width_px)
    assert fig.layout.height * meta["zoom"] == pytest.approx(sh.height_px)
    assert fig.layout.width > fig.layout.height  # landscape
    if size in PAPER_MM:
        assert meta["page_mm"] == list(PAPER_MM[size])
        assert meta["png_scale"] == pytest.approx(PNG_DPI / CSS_DPI)
    assert all(not axis.rangeslider or not axis.rangeslider.visible
               for name in fig.layout if name.startswith("xaxis") and (axis := fig.layout[name]) is not None)


def test_type_grows_with_the_paper(cases):
    case = cases["minimal"]
    view = timeline_figure(case, ViewState())
    zooms = [poster_figure(view, case, size=s).layout.meta["poster"]["zoom"] for s in ("A3", "A1", "A0")]
    assert zooms == sorted(zooms) and zooms[0] < zooms[-1]


def test_poster_texts_in_dutch_and_english(cases):
    case = cases["lisa_gesloten_jeugdzorg"]
    nl = poster_figure(timeline_figure(case, ViewState()), case, size="A1", printed_on=PRINTED,
                       as_of=dt.date(2022, 3, 1), view="timeline")
    texts = " ".join(a.text for a in nl.layout.annotations)
    subtitle = nl.layout.title.subtitle.text
    assert "Gepseudonimiseerde casus — niet delen" in texts
    assert "afgedrukt op 23 november 2026" in subtitle and "stand op 1 maart 2022" in subtitle
    assert case.title in nl.layout.title.text
    en = poster_figure(timeline_figure(case, ViewState(lang="en")), case, size="A1", lang="en", printed_on=PRINTED,
                       view="timeline")
    assert "Pseudonymised case — do not share" in " ".join(a.text for a in en.layout.annotations)
    assert "printed on 23 November 2026" in en.layout.title.subtitle.text


def test_poster_escapes_case_strings():
    case = hostile_case()
    fig = poster_figure(timeline_figure(case, ViewState()), case, size="A3", view="timeline")
    assert HOSTILE not in fig.layout.title.text
    assert "&lt;script&gt;" in fig.layout.title.text
    labels = [t for trace in fig.data if trace.name == "poster-labels" for t in trace.text]
    assert not any("<script" in text for text in labels)


def test_genosociogram_keeps_its_aspect_ratio(cases):
    case = cases["noor_jeugd_ggz"]
    view = genosociogram_figure(case, ViewState())
    m = view.layout.margin
    natural = (view.layout.width - m.l - m.r) / (view.layout.height - m.t - m.b)
    for size in SHEETS:
        fig = poster_figure(view, case, size=size)
        pm = fig.layout.margin
        plot = (fig.layout.width - pm.l - pm.r) / (fig.layout.height - pm.t - pm.b)
        assert plot == pytest.approx(natural, rel=1e-6)


def test_events_are_numbered_and_titled_where_they_fit(cases):
    case = cases["noor_jeugd_ggz"]
    fig = poster_figure(timeline_figure(case, ViewState()), case, size="A1", view="timeline")
    texts = [t for trace in fig.data if trace.name == "poster-labels" for t in trace.text]
    assert len(texts) >= len(case.events) // 2
    numbers = {int(re.match(r"\u2007(\d+)", t).group(1)) for t in texts}
    assert numbers <= set(range(1, len(case.events) + 1))
    labels = event_labels(case)
    first = case.events_in_order()[0]
    assert labels[first.id] == f"1 {first.title}"
    assert poster_figure(timeline_figure(case, ViewState()), case, labels=False).data[-1].name != "poster-labels"
    # the geno-sociogram's marks carry person ids: nothing to label
    assert label_events(go.Figure(genosociogram_figure(case, ViewState())), labels) == 0


def test_unknown_size_and_format_are_refused(cases):
    case = cases["minimal"]
    with pytest.raises(ValueError, match="A2"):
        poster_figure(timeline_figure(case, ViewState()), case, size="A2")
    with pytest.raises(ValueError, match="gif"):
        export_view_bytes(case, "timeline", "gif")
    with pytest.raises(ValueError, match="map"):
        export_view_bytes(case, "map", "pdf")


def test_default_filename_is_safe():
    assert default_filename("casus-lisa-2025", "timeline", "A3", "pdf") == "casus-lisa-2025_timeline_A3.pdf"
    assert default_filename("../x:y", "genosociogram", "A0", "png") == "x_y_genosociogram_A0.png"


# --- rendering (kaleido, one Chromium for the module) ------------------------------------------------------

@needs_chromium
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("view", ["timeline", "genosociogram"])
@pytest.mark.parametrize("name", [path.stem for path in SAMPLES])
def test_every_sample_case_in_every_format(cases, name, view, fmt):
    known_link_bug(cases[name], view)
    check_file(figure_bytes(poster_of(cases, name, view, "A3"), fmt), fmt, "A3")


def known_link_bug(case, view: str) -> None:
    """A timeline with the group's links cannot be exported yet: its arrows' ``ayref="paper"`` is drawn by plotly.js
    but refused by plotly.py's validator (layouts/timeline/links.py). Asserted, so the fix shows here."""
    if view == "timeline" and case.links:
        with pytest.raises(ValueError, match="ayref"):
            poster_figure(view_of(case, "timeline"), case, size="A3", printed_on=PRINTED, view="timeline")
        pytest.xfail("known bug: links' ayref='paper' is refused by plotly.py's validator")


@needs_chromium
def test_export_view_bytes_for_a_download_button(cases):
    case = cases["lisa_gesloten_jeugdzorg"]
    data, filename, mimetype = export_view_bytes(case, "genosociogram", "svg", "A3", "en", as_of=dt.date(2022, 1, 1))
    check_file(data, "svg", "A3")
    assert (filename, mimetype) == ("casus-lisa-2025_genosociogram_A3.svg", "image/svg+xml")


@needs_chromium
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("size", ["A1", "A0", "screen"])
def test_every_size_in_every_format(cases, size, fmt):
    check_file(figure_bytes(poster_of(cases, "calamiteit_sem", "timeline", size), fmt), fmt, size)


@needs_chromium
@pytest.mark.parametrize("size", ["A1", "A0", "screen"])
def test_genosociogram_pdf_in_every_size(cases, size):
    check_file(figure_bytes(poster_of(cases, "noor_jeugd_ggz", "genosociogram", size), "pdf"), "pdf", size)


@needs_chromium
def test_hostile_strings_stay_text_in_the_svg():
    case = hostile_case()
    data, _, _ = export_view_bytes(case, "timeline", "svg", "A3")
    check_file(data, "svg", "A3")
    root = ET.fromstring(data)
    texts = "".join(root.itertext())
    assert HOSTILE in texts  # shown as text, never as markup
    assert not any(el.tag.endswith("script") for el in root.iter())


@needs_chromium
def test_plain_figure_export():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    assert png_size(figure_bytes(fig, "png")) == (1400, 900)


# --- command line -------------------------------------------------------------------------------------------

@needs_chromium
def test_cli_export_writes_the_default_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(ROOT / "sample_cases" / "minimal.json"), "--view", "genosociogram",
                 "--format", "png", "--size", "screen"]) == 0
    written = list(tmp_path.iterdir())
    assert [p.name for p in written] == ["casus-minimaal_genosociogram_screen.png"]
    assert png_size(written[0].read_bytes()) == (1920, 1080)
    assert "✓" in capsys.readouterr().out


@needs_chromium
def test_cli_export_format_from_output_suffix(tmp_path):
    target = tmp_path / "wand.pdf"
    assert main(["export", str(ROOT / "sample_cases" / "minimal.json"), "--size", "A1", "--as-of", "2021-01-01",
                 "-o", str(target)]) == 0
    check_file(target.read_bytes(), "pdf", "A1")


def test_cli_export_invalid_case_lists_problems(tmp_path, capsys):
    bad = ROOT / "tests" / "data" / "broken" / "many_problems.json"
    assert main(["export", str(bad), "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "7 problemen" in err and "$.events[0].date" in err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["export", str(tmp_path / "missing.json"), "--lang", "en"]) == 1
    assert "file not found" in capsys.readouterr().err


def test_cli_export_bad_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(ROOT / "sample_cases" / "minimal.json"), "--as-of", "2020-02-30"])
    assert exit_info.value.code == 2
    assert "2020-02-30" in capsys.readouterr().err


def test_cli_export_bad_choices(capsys):
    for args in (["--size", "A2"], ["--format", "gif"], ["--view", "map"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["export", str(ROOT / "sample_cases" / "minimal.json"), *args])
        assert exit_info.value.code == 2
    capsys.readouterr()


@needs_chromium
def test_concurrent_exports_get_their_own_result():
    from concurrent.futures import ThreadPoolExecutor

    figures = [go.Figure(go.Scatter(x=[1, 2], y=[1, n])).update_layout(width=300 + 10 * n, height=200)
               for n in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        sizes = list(pool.map(lambda fig: png_size(figure_bytes(fig, "png")), figures))
    assert sizes == [(300 + 10 * n, 200) for n in range(4)]


# --- poster geometry: lane labels and legend lines (issue #8) -------------------------------------------------

def _label_px(annotation) -> float:
    """A generous estimate of a lane label's width: its longest line at 0.6 em a character, and its shift."""
    lines = re.sub(r"<(?!br)[^>]+>", "", annotation.text).split("<br>")
    return max(len(line) for line in lines) * annotation.font.size * 0.6 + abs(annotation.xshift or 0)


@pytest.mark.parametrize("size", list(SHEETS))
@pytest.mark.parametrize("name", [path.stem for path in SAMPLES])
def test_timeline_poster_shows_lane_labels_and_a_clear_legend(cases, name, size):
    from app.export import poster_options
    from layouts.poster import legend_row_px, strip_legends

    case = cases[name]
    known_link_bug(case, "timeline")
    fig = poster_figure(view_of(case, "timeline", **poster_options("timeline", size)), case, size=size,
                        printed_on=PRINTED, view="timeline")
    layout, margin = fig.layout, fig.layout.margin
    # lane labels: right-aligned at the plot's left edge, so the left margin must hold the widest (and the edge)
    labels = [a for a in layout.annotations if a.xref == "paper" and a.x == 0 and a.xanchor == "right"]
    assert labels
    assert margin.l >= 26 + max(_label_px(a) for a in labels)
    # legend lines: stacked without overlap, all between the footer (rule and text) and the date labels
    legends = strip_legends(fig)
    assert legends
    footer_top = 26 + 40  # page edge and footer, logical px from the bottom
    plot_bottom = margin.b
    previous_bottom = None
    for legend_name in legends:
        legend = layout[legend_name]
        assert legend.yref == "container" and legend.yanchor == "top" and legend.orientation == "h"
        top = legend.y * layout.height
        bottom = top - legend_row_px(fig, legend_name)
        assert bottom >= footer_top
        assert top <= plot_bottom - 30  # room for the date labels under the plot
        if previous_bottom is not None:
            assert top <= previous_bottom + 1e-6
        previous_bottom = bottom
        assert legend.x * layout.width >= 26 - 1e-6  # inside the printable edge
    assert margin.autoexpand is False  # the geometry above is what plotly draws


def test_poster_options_per_size_keep_the_apps_choices():
    from app.export import poster_options

    assert poster_options("timeline", "A3")["compact"] is True
    assert poster_options("timeline", "screen")["compact"] is True
    assert poster_options("timeline", "A1")["compact"] is False
    assert poster_options("timeline", "A0")["compact"] is False
    chosen = {"lane_mode": "type", "projector": True, "persons": ["p1"], "compact": True}
    assert poster_options("timeline", "A0", chosen) == chosen
    assert "compact" not in poster_options("genosociogram", "A1", {"projector": True})
