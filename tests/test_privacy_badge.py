"""The header's badge vouches for a file only when the privacy check finds it clean."""

from __future__ import annotations

from layouts.components.privacy_badge import SHOWN, badge_parts
from models.privacy_guard import privacy_findings


def test_a_clean_file_gets_the_green_badge() -> None:
    label, classes, tooltip = badge_parts([], "nl")
    assert label == "Gepseudonimiseerde casus" and "pseudo-badge-check" not in classes
    assert "geen echte namen" in tooltip


def test_real_data_turns_it_into_a_warning_that_says_where() -> None:
    findings = privacy_findings({"persons": [{"label": "Jan de Vries", "kind": "family", "birth": "2010-03-04"}],
                                 "description": "BSN 111222333, bel 06-12345678"})
    label, classes, tooltip = badge_parts(findings, "en")
    assert label == f"Check pseudonymisation ({len(findings)})" and "pseudo-badge-check" in classes
    assert "$.persons[0].label" in tooltip and "$.persons[0].birth" in tooltip
    many = findings * 5
    assert badge_parts(many, "nl")[2].endswith(f"… en nog {len(many) - SHOWN}")
