"""The app factory (a first shell: lists the cases it was given)."""

from __future__ import annotations

from pathlib import Path

import dash
from dash import html

from models import CaseError, load_case

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(cases: Path | None = None, lang: str = "nl") -> dash.Dash:
    app = dash.Dash(__name__, title="casusbeeld", assets_folder=str(ASSETS), serve_locally=True)
    items = []
    files = sorted(cases.glob("*.json")) if cases and cases.is_dir() else [cases] if cases else []
    for file in files:
        try:
            case = load_case(file)
            items.append(html.Li(f"{case.title} ({len(case.events)} gebeurtenissen)"))
        except CaseError as exc:
            items.append(html.Li(f"{file.name}: {len(exc.problems)} problemen"))
    app.layout = html.Div([html.H1("casusbeeld"), html.P("Gepseudonimiseerde casus"), html.Ul(items)],
                          className="container")
    return app
