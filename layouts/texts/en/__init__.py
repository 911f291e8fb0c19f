"""English interface strings: one module per part of the interface, combined into
:data:`EN` (see :mod:`layouts.texts`)."""

from __future__ import annotations

from layouts.texts.en.editing import EDITING
from layouts.texts.en.group import GROUP
from layouts.texts.en.network import NETWORK
from layouts.texts.en.page import PAGE
from layouts.texts.en.panels import PANELS
from layouts.texts.en.report import REPORT
from layouts.texts.en.saving import SAVING
from layouts.texts.en.shared import SHARED
from layouts.texts.en.timeline import TIMELINE
from layouts.texts.en.workshop import WORKSHOP

PARTS: dict[str, dict[str, str]] = {
    "shared": SHARED,
    "page": PAGE,
    "panels": PANELS,
    "timeline": TIMELINE,
    "network": NETWORK,
    "editing": EDITING,
    "group": GROUP,
    "workshop": WORKSHOP,
    "saving": SAVING,
    "report": REPORT,
}
"""Part of the interface → key → text; every key is in exactly one part."""

EN: dict[str, str] = {key: value for part in PARTS.values() for key, value in part.items()}
"""Key → text, all parts together."""
