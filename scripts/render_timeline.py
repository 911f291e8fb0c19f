"""Render the timeline of every sample case to PNG (screen and projector) in ``out/``, to look at.

Usage: ``.venv/bin/python scripts/render_timeline.py [CASE.json ...] [--out out] [--lang nl|en]``.
Needs Chromium on PATH (Debian's ``/usr/bin/chromium``); never downloads a browser.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export import start_renderer  # noqa: E402
from layouts.timeline.figure import timeline_figure  # noqa: E402
from layouts.timeline.style import geometry  # noqa: E402
from layouts.view_state import ViewState  # noqa: E402
from models import load_case  # noqa: E402


def render(case_path: Path, out_dir: Path, lang: str = "nl") -> list[Path]:
    """Write ``<case>_timeline[_en].png`` and ``<case>_timeline_projector[_en].png``; return the paths."""
    start_renderer()
    case = load_case(case_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for projector in (False, True):
        fig = timeline_figure(case, ViewState(lang=lang, projector=projector))
        suffix = ("_projector" if projector else "") + ("_en" if lang == "en" else "")
        path = out_dir / f"{case_path.stem}_timeline{suffix}.png"
        fig.write_image(path, width=geometry(projector).width_px, height=fig.layout.height, scale=1)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    args = parser.parse_args(argv)
    cases = args.cases or sorted((ROOT / "sample_cases").glob("*.json"))
    for case_path in cases:
        started = time.perf_counter()
        for path in render(case_path, args.out, args.lang):
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
