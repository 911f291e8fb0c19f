"""The download callbacks without a browser: what they pass to the exporters, and their messages on failure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from dash import no_update

from app.callbacks import export as callbacks_export
from app.callbacks.export import report_download_result, view_download_result
from app.export import ExportError
from app.factory import create_app
from app.filters import case_bounds
from app.state import case_view, open_case_bytes
from layouts.components.export_controls import REPORT_IDS, ids
from layouts.texts import text

ROOT = Path(__file__).resolve().parent.parent
LISA = ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json"


@pytest.fixture
def store() -> dict[str, Any]:
    data, error = open_case_bytes(LISA.read_bytes())
    assert error is None and data is not None
    return data


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record the exporter's arguments instead of rendering."""
    seen: list[dict[str, Any]] = []

    def fake(case: Any, view: str, fmt: str, size: str, lang: str, as_of: Any = None, printed_on: Any = None,
             *, state: Any = None) -> tuple[bytes, str, str]:
        seen.append({"view": view, "fmt": fmt, "size": size, "lang": lang, "as_of": as_of, "state": state})
        return b"data", f"{case.id}_{view}_{size}.{fmt}", "application/pdf"

    monkeypatch.setattr(callbacks_export, "export_view_bytes", fake)
    return seen


def test_the_page_has_every_download_control() -> None:
    layout = repr(create_app(ROOT / "sample_cases").layout())
    for view in ("timeline", "genosociogram"):
        for component in ids(view).values():
            assert f"'{component}'" in layout, component
    for component in REPORT_IDS.values():
        assert f"'{component}'" in layout, component


def test_timeline_download_carries_filters_lanes_projector_and_as_of(store: dict[str, Any],
                                                                   calls: list[dict[str, Any]]) -> None:
    view = case_view(store)
    first, last = case_bounds(view)
    window = [dt.date(2021, 1, 1).toordinal(), dt.date(2023, 1, 1).toordinal()]
    as_of = dt.date(2022, 5, 1).toordinal()
    data, message, css = view_download_result(store, "timeline", "pdf", "A1", "en", True, as_of,
                                              (["lisa"], None, ["placement"], "formal", window), "event_type")
    assert data["filename"].endswith("_timeline_A1.pdf") and data["base64"]
    assert message == text("download_done", "en", name=data["filename"]) and "export-error" not in css
    call, = calls
    assert call["lang"] == "en" and call["as_of"] == dt.date(2022, 5, 1)
    state = call["state"]
    assert state.projector is True and state.lanes == "event_type" and state.lang == "en"
    assert state.filters.persons == ("lisa",) and state.filters.event_types == ("placement",)
    assert state.filters.layer == "formal" and state.filters.window == (dt.date(2021, 1, 1), dt.date(2023, 1, 1))
    assert state.story is None and state.selection is None and state.as_of == dt.date(2022, 5, 1)

    view_download_result(store, "timeline", "png", "screen", "nl", False, last.toordinal())
    assert calls[-1]["as_of"] is None  # the slider at the end: the screen shows no as-of line either
    assert first < last


def test_genosociogram_download_is_as_of_the_slider(store: dict[str, Any], calls: list[dict[str, Any]]) -> None:
    view_download_result(store, "genosociogram", "svg", "A3", "nl", False, dt.date(2018, 6, 1).toordinal())
    assert calls[-1]["as_of"] == dt.date(2018, 6, 1) and calls[-1]["state"].projector is False
    view_download_result(store, "genosociogram", "svg", "A3", "nl", False, None)
    assert calls[-1]["as_of"] == case_bounds(case_view(store))[1]  # like the screen: the network today


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_failures_give_a_message_in_the_ui_language(store: dict[str, Any], lang: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data, message, css = view_download_result(None, "timeline", "pdf", "A3", lang, False, None)
    assert data is no_update and message == text("download_no_case", lang) and "export-error" in css

    data, message, _ = view_download_result(store, "timeline", "gif", "A3", lang, False, None)
    assert data is no_update and message == text("download_bad_choice", lang)
    data, message, _ = view_download_result(store, "timeline", "pdf", "A9", lang, False, None)
    assert data is no_update and message == text("download_bad_choice", lang)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ExportError("kaleido gave up on 'Lisa'")

    monkeypatch.setattr(callbacks_export, "export_view_bytes", broken)
    data, message, _ = view_download_result(store, "genosociogram", "png", "A3", lang, False, None)
    assert data is no_update and message == text("download_failed", lang) and "Lisa" not in message
    monkeypatch.setattr(callbacks_export, "find_browser", lambda: None)
    _, message, _ = view_download_result(store, "genosociogram", "png", "A3", lang, False, None)
    assert message == text("download_no_browser", lang)

    monkeypatch.setattr("app.report.report_bytes", broken)
    data, message, _ = report_download_result(store, "pdf", lang)
    assert data is no_update and message == text("download_no_browser", lang)


def test_report_download(store: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def fake(case: Any, fmt: str, lang: str) -> tuple[bytes, str, str]:
        seen.append((fmt, lang))
        return b"<html></html>", f"{case.id}_report_{lang}.{fmt}", "text/html"

    monkeypatch.setattr("app.report.report_bytes", fake)
    data, message, _ = report_download_result(store, "html", "en")
    assert seen == [("html", "en")] and data["filename"].endswith("_report_en.html") and data["base64"]
    assert message.endswith("downloaded.")
