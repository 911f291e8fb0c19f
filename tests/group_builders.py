"""A bundled case with the group's additions (perspectives, links, the perspective-switch table), for tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models import load_case
from models.case import Case

ROOT = Path(__file__).resolve().parent.parent
LISA = ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json"

LISA_LINKS = [
    ("e018", "e019", "leidde tot"), ("e022", "e023", "leidde tot"), ("e023", "e024", "leidde tot"),
    ("e040", "e043", "leidde tot"), ("e043", "e045", "leidde tot"), ("e045", "e046", "leidde tot"),
    ("e059", "e061", "reactie op"), ("e038", "e052", "herhaling van"), ("e062", "e063", "leidde tot"),
]
LISA_PERSPECTIVES = [
    {"key": "jeugdbescherming", "label": "Jeugdbescherming", "colour": "#7F3C8D", "persons": ["jb"]},
    {"key": "vader", "label": "Vader", "colour": "#E69F00", "persons": ["vader"]},
    {"key": "lisa", "label": "Lisa", "colour": "#CC79A7", "persons": ["lisa"]},
]


def lisa_data() -> dict[str, Any]:
    return json.loads(LISA.read_text(encoding="utf-8"))


def lisa_with_group(**extra: Any) -> dict[str, Any]:
    """Lisa's case with three perspectives and nine links (and any ``extra`` top-level fields)."""
    data = lisa_data()
    data["schema_version"] = "1.2"
    data["perspectives"] = [dict(p) for p in LISA_PERSPECTIVES]
    data["links"] = [{"source": a, "target": b, "label": word} for a, b, word in LISA_LINKS]
    data.update(extra)
    return data


def lisa_group_case(**extra: Any) -> Case:
    return load_case(json.dumps(lisa_with_group(**extra)))
