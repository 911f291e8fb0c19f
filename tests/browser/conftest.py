"""Serve the app in-process and drive it with Playwright and Debian's Chromium.

The server is ``create_app(sample_cases/)`` behind werkzeug on a free 127.0.0.1 port in a daemon
thread; every test gets a fresh page whose network requests are recorded.
"""

from __future__ import annotations

import logging
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_cases"
OUT = ROOT / "out"

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason="/usr/bin/chromium is not installed"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A werkzeug server running the app in a daemon thread."""

    def __init__(self, cases: Path) -> None:
        from werkzeug.serving import make_server

        from app.factory import create_app

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._server = make_server("127.0.0.1", self.port, create_app(cases).server, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> Server:
        self._thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "_dash-layout", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the app did not start")

    def stop(self) -> None:
        self._server.shutdown()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server(SAMPLES).start()
    yield running
    running.stop()


class Recorder:
    """Every request URL and console error a page produced."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture(scope="session")
def context(browser: Any) -> Iterator[Any]:
    """One browser context for the run: its HTTP cache spares each test re-reading plotly.js (4.8 MB)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # generous: a busy CI machine, not a slow app
    shared = browser.new_context(viewport={"width": 1600, "height": 1000})
    yield shared
    shared.close()


@pytest.fixture
def page(context: Any, server: Server, recorder: Recorder) -> Iterator[Any]:
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.on("request", lambda request: recorder.requests.append(request.url))
    tab.on("console", lambda message: recorder.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: recorder.errors.append(str(error)))
    tab.goto(server.url + "?case=minimal.json")  # the smallest case first; tests open the one they need
    tab.locator("#events-table caption").wait_for(state="visible")
    yield tab
    tab.close()


# --- a case folder of its own, for tests that save ------------------------------------------------

LISA = "lisa_gesloten_jeugdzorg.json"


@pytest.fixture(scope="session")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the sample cases: tests that save never touch the repository's files."""
    folder = tmp_path_factory.mktemp("cases")
    for sample in SAMPLES.glob("*.json"):
        shutil.copy(sample, folder / sample.name)
    return folder


@pytest.fixture(scope="session")
def folder_server(case_folder: Path) -> Iterator[Server]:
    running = Server(case_folder).start()
    yield running
    running.stop()


@pytest.fixture
def fresh_file(case_folder: Path) -> Path:
    """Lisa's case file in the folder, as bundled (earlier tests may have saved over it)."""
    shutil.copy(SAMPLES / LISA, case_folder / LISA)
    return case_folder / LISA


@pytest.fixture
def lisa_page(context: Any, folder_server: Server, recorder: Recorder, fresh_file: Path) -> Iterator[Any]:
    """Lisa's case opened from the temporary folder; the test fails on any page error or outside request."""
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.on("request", lambda request: recorder.requests.append(request.url))
    tab.on("pageerror", lambda error: recorder.errors.append(str(error)))
    tab.goto(folder_server.url + f"?case={LISA}")
    tab.locator("#events-table caption").wait_for(state="visible")
    yield tab
    tab.evaluate("() => { window.casusbeeldUnsaved = false; }")
    tab.close()
    assert not recorder.errors
    assert all(url.startswith("http://127.0.0.1:") for url in recorder.requests)
