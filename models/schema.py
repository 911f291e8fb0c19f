"""The published JSON Schema of the case format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.case import SCHEMA_VERSION, Case

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "casusbeeld-case.schema.json"


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file."""
    schema = Case.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"casusbeeld-case-{SCHEMA_VERSION}.schema.json"
    schema["title"] = "casusbeeld case file"
    return schema


def case_json_schema_text() -> str:
    return json.dumps(case_json_schema(), indent=2, ensure_ascii=False) + "\n"
