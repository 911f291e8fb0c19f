"""The header's badge: "Gepseudonimiseerde casus" for a file the privacy check finds clean, and a warning that
counts what it found otherwise (a real-looking name, a BSN, a phone number, a full date of birth…), with where
each is in its tooltip. The file declares itself pseudonymised; on a projector the badge must not vouch for it
when its content says otherwise."""

from __future__ import annotations

from collections.abc import Sequence

from layouts.texts import text
from models.problems import Problem

SHOWN = 8  # findings listed in the tooltip; the rest are counted


def badge_parts(findings: Sequence[Problem], lang: str) -> tuple[str, str, str]:
    """(text, class names, tooltip) of the badge for a case with ``findings`` of the privacy check."""
    if not findings:
        return text("pseudonymised", lang), "badge pseudo-badge", text("pseudonymised_hint", lang)
    lines = [f"• {problem.render(lang)}" for problem in findings[:SHOWN]]
    if len(findings) > SHOWN:
        lines.append(text("pseudonymised_more", lang, n=len(findings) - SHOWN))
    tooltip = "\n".join([text("pseudonymised_check_hint", lang), *lines])
    return text("pseudonymised_check", lang, n=len(findings)), "badge pseudo-badge pseudo-badge-check", tooltip
