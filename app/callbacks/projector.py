"""Projector mode: what the wall shows (both figures, one of them, or the pattern panel), fitted to the screen.

Everything here happens in the browser or is plain text: choosing a view sets CSS classes and sizes, it
never redraws a figure. ``#root`` gets ``projector``; ``#case-body`` gets ``wall-<view>``; ``wallFit``
(``app/assets/casusbeeld.js``) gives the timeline the height left under the header and measures the frame left for
the geno-sociogram (``wall-frame``, drawn for it by the view callback). The details show only with a selection
and the notes only when the facilitator switches them on (``wall-notes``): nothing empty takes room.
"""

from __future__ import annotations

from pathlib import Path

import dash
from dash import ClientsideFunction, Input, Output, State

from layouts.components.i18n import normal_lang
from layouts.components.page import wall_options


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the projector callbacks to ``app``."""
    app.clientside_callback(ClientsideFunction("casusbeeld", "rootClass"), Output("root", "className"),
                            Input("projector", "value"))
    app.clientside_callback(
        ClientsideFunction("casusbeeld", "wallFit"), Output("case-body", "className"),
        Input("wall", "value"), Input("projector", "value"), Input("story-toggle", "value"),
        Input("timeline-graph", "style"), Input("genosociogram-graph", "style"),
        Input("selection-store", "data"), Input("wall-notes", "value"),
        State("wall", "options"),  # the views the wall can show (the first is the default)
    )

    @app.callback(Output("wall", "options"), Input("lang", "value"), prevent_initial_call=True)
    def _wall_options(lang: str) -> list[dict[str, str]]:
        return wall_options(normal_lang(lang))
