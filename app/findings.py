"""The case's pattern findings, computed once per case and kept with its parsed view."""

from __future__ import annotations

from typing import Any

from app.state import CaseView
from models.patterns.find import find_patterns


def findings_for(view: CaseView) -> list[Any] | None:
    """The case's pattern findings, computed once per case (derived data, cached with the case)."""
    if view.findings is None:
        view.findings = list(find_patterns(view.case))
    return view.findings


def finding(view: CaseView, finding_id: str | None) -> Any | None:
    """The finding with this id in the case, or None."""
    return next((f for f in findings_for(view) or () if f.id == finding_id), None)
