"""The bridge to the figure and pattern modules in ``layouts/`` and ``models/``.

Those modules are imported when first needed, so the page works (with a blank view) before they exist.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import plotly.graph_objects as go

from app.page import empty_figure


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except (ImportError, SyntaxError):  # not there yet, or mid-edit by a colleague: show a blank view
        return None


def timeline_module() -> ModuleType | None:
    return _module("layouts.timeline")


def genosociogram_module() -> ModuleType | None:
    return _module("layouts.genosociogram")


def timeline(case: Any, **options: Any) -> go.Figure:
    """``layouts.timeline.timeline_figure``, or a blank figure while it is not there."""
    module = timeline_module()
    if module is None:
        return empty_figure(options.get("projector", False))
    return module.timeline_figure(case, **options)


def genosociogram(case: Any, **options: Any) -> go.Figure:
    """``layouts.genosociogram.genosociogram_figure``, or a blank figure while it is not there."""
    module = genosociogram_module()
    if module is None:
        return empty_figure(options.get("projector", False))
    return module.genosociogram_figure(case, **options)


def pattern_findings(case: Any) -> list[Any] | None:
    """``models.patterns.find_patterns(case)``, or None while pattern finding is not there."""
    module = _module("models.patterns")
    if module is None or not hasattr(module, "find_patterns"):
        return None
    return list(module.find_patterns(case))


def pattern_panel_module() -> ModuleType | None:
    return _module("layouts.pattern_panel")


def pattern_panel(findings: list[Any], lang: str, selected: Any, **options: Any) -> Any:
    """``layouts.pattern_panel.pattern_panel``, or None while it is not there."""
    module = pattern_panel_module()
    if module is None or not hasattr(module, "pattern_panel"):
        return None
    return module.pattern_panel(findings, lang, selected, **options)
