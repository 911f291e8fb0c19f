"""Render the geno-sociogram of every sample case to PNG (via kaleido and Debian's Chromium).

Usage: ``python scripts/render_genosociogram.py [--out out] [--projector] [--lang en] [--as-of 2022-06-01]
[case.json ...]`` — without case files, every ``sample_cases/*.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export import start_renderer  # noqa: E402
from layouts.genogram.figure import genosociogram_figure  # noqa: E402
from layouts.view_state import ViewState  # noqa: E402
from models import load_case  # noqa: E402


def render(case_path: Path, out_dir: Path, *, as_of: dt.date | None = None, lang: str = "nl",
           projector: bool = False, scale: float = 1.0) -> Path:
    """Write ``<out_dir>/<case stem>[_suffix].png`` and return its path."""
    case = load_case(case_path)
    fig = genosociogram_figure(case, ViewState(as_of=as_of, lang=lang, projector=projector))
    suffix = "".join([f"_{as_of.isoformat()}" if as_of else "", "_projector" if projector else "",
                      f"_{lang}" if lang != "nl" else ""])
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"genosociogram_{case_path.stem}{suffix}.png"
    start_renderer()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        fig.write_image(target, scale=scale)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--projector", action="store_true")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    cases = args.cases or sorted((ROOT / "sample_cases").glob("*.json"))
    for path in cases:
        print(render(path, args.out, as_of=args.as_of, lang=args.lang, projector=args.projector,
                     scale=args.scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
