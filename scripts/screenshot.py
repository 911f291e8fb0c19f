"""Make the README screenshots: the app on a bundled sample case, normal and projector mode.

Run: .venv/bin/python scripts/screenshot.py   (needs Debian's chromium)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' server and Chromium settings, when run as a plain script

from tests.browser.conftest import SAMPLES, Server  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

DOCS = ROOT / "docs"
CASE = "lisa_gesloten_jeugdzorg.json"


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    server = Server(SAMPLES).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{server.url}?case={CASE}")
            page.locator("#timeline-graph .scatterlayer .trace").first.wait_for(state="attached", timeout=60_000)
            page.locator("#genosociogram-graph .scatterlayer .trace").first.wait_for(state="attached")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "screenshot.png"), full_page=False)
            page.locator("#projector").check(force=True)
            page.wait_for_timeout(2500)
            page.screenshot(path=str(DOCS / "screenshot-projector.png"), full_page=False)
            browser.close()
    finally:
        server.stop()
    print(f"wrote {DOCS / 'screenshot.png'} and {DOCS / 'screenshot-projector.png'}")


if __name__ == "__main__":
    main()
