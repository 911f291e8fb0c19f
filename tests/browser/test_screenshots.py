"""Screenshots of the app as a room sees it (1920×1080), normal and in projector mode, saved to out/."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import OUT
from .helpers import click_point, open_lisa


def test_screenshots_normal_and_projector(page: Any) -> None:
    OUT.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_lisa(page)
    click_point(page, "genosociogram-graph", "lisa")
    expect(page.locator("#details .details-title")).to_contain_text("Lisa")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(800)
    page.screenshot(path=str(OUT / "app_normal.png"))
    page.screenshot(path=str(OUT / "app_normal_full.png"), full_page=True)
    page.locator("#projector").check()
    expect(page.locator("#root")).to_have_class("app-root projector")
    page.wait_for_timeout(1500)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "app_projector.png"))
    page.locator("#story-toggle").check()
    expect(page.locator("#story-position")).to_contain_text("Stap 1 ")
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#story-position")).to_contain_text("Stap 13 ")
    page.wait_for_timeout(1500)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "app_projector_story.png"))
