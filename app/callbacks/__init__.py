"""Dash callbacks, one module per part of the page; each has ``register(app, cases)``.

May import: ``app`` leaf modules (state, filters, navigation, i18n, components…), ``layouts``, ``models``.
Never another callback module: what two of them share lives in a leaf module of ``app``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import dash

from app.callbacks import (
    address,
    case,
    edit,
    export,
    filters,
    group,
    notes,
    patterns,
    projector,
    save,
    table,
    view,
    workshop,
    zoom,
)

REGISTER_ORDER: tuple[Callable[[dash.Dash, Path | None], None], ...] = (
    case.register, view.register, filters.register, table.register, patterns.register, projector.register,
    notes.register, edit.register, export.register, save.register, address.register, group.register,
    workshop.register, zoom.register,
)
"""Every part's ``register``, in the order the factory calls them."""
