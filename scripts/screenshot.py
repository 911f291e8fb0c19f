"""Make the README screenshots: the app on a bundled sample case, normal and projector mode, and the biggest
bundled case (Sem) on the wall at 1920×1080 and 1280×720 for each wall choice.

Run: .venv/bin/python scripts/screenshot.py [--wall-only]   (needs Debian's chromium)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' server and Chromium settings, when run as a plain script

from layouts.texts import text  # noqa: E402
from tests.browser.conftest import SAMPLES, Server  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

DOCS = ROOT / "docs"
CASE = "lisa_gesloten_jeugdzorg.json"
WALL_CASE = "calamiteit_sem.json"
WALL_SIZES = ((1920, 1080), (1280, 720))
WALL_VIEWS = ("timeline", "network", "patterns", "both")


def wall_shots(browser: object, url: str) -> None:
    """Sem on the wall: docs/wall-<view>-<width>.png for every wall choice and size."""
    for width, height in WALL_SIZES:
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        page.goto(f"{url}?case={WALL_CASE}")
        page.locator("#timeline-graph .scatterlayer .trace").first.wait_for(state="attached", timeout=90_000)
        page.locator("#projector").check(force=True)
        for view in WALL_VIEWS:
            page.locator("#wall label", has_text=text(f"wall_{view}", "nl")).click()
            page.wait_for_timeout(8000)  # the wall refits its words for the frame it measured: shown settled
            page.screenshot(path=str(DOCS / f"wall-{view}-{width}.png"), full_page=False)
        page.close()


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    server = Server(SAMPLES).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            wall_shots(browser, server.url)
            if "--wall-only" in sys.argv:
                browser.close()
                return
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
