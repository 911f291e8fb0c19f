"""Dutch interface strings: one module per part of the interface, combined into
:data:`NL` (see :mod:`layouts.texts`)."""

from __future__ import annotations

from layouts.texts.nl.editing import EDITING
from layouts.texts.nl.group import GROUP
from layouts.texts.nl.network import NETWORK
from layouts.texts.nl.page import PAGE
from layouts.texts.nl.panels import PANELS
from layouts.texts.nl.report import REPORT
from layouts.texts.nl.saving import SAVING
from layouts.texts.nl.shared import SHARED
from layouts.texts.nl.timeline import TIMELINE
from layouts.texts.nl.workshop import WORKSHOP

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

NL: dict[str, str] = {key: value for part in PARTS.values() for key, value in part.items()}
"""Key → text, all parts together."""
