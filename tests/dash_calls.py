"""Callback requests as the page sends them, built from the app's own ``/_dash-dependencies``.

Used by tests that drive a running server over HTTP and by the load test in ``bench/``: a request names the
callback by the component property that fires it and gives the values of its inputs and states.
"""

from __future__ import annotations

import json
from typing import Any


def find_callback(dependencies: list[dict[str, Any]], component: str, prop: str,
                  output: str | None = None) -> dict[str, Any]:
    """The callback fired by ``component.prop`` (and writing ``output``, a component id, when given)."""
    for spec in dependencies:
        if any(_name(dep["id"]) == component and dep["property"] == prop for dep in spec["inputs"]) and (
                output is None or any(part.split(".", 1)[0] == output for part in _output_parts(spec))):
            return spec
    raise LookupError(f"no callback fired by {component}.{prop}")


def _output_parts(spec: dict[str, Any]) -> list[str]:
    return spec["output"].strip(".").split("...")


def _name(dep_id: str) -> str:
    """A plain id as is; a pattern id (a JSON object) by its ``type``."""
    return str(json.loads(dep_id).get("type")) if dep_id.startswith("{") else dep_id


def payload(spec: dict[str, Any], trigger: str, values: dict[str, Any]) -> dict[str, Any]:
    """The request body for ``spec`` fired by ``trigger`` (``"component.prop"``).

    ``values`` maps ``"component.prop"`` to the value the page holds (missing: None); a pattern input
    (``ALL``) takes a list of ``{"id": {...}, "property": ..., "value": ...}`` under ``"type.prop"``.
    """
    def item(dep: dict[str, Any]) -> Any:
        key = f"{_name(dep['id'])}.{dep['property']}"
        if dep["id"].startswith("{"):
            return values.get(key, [])
        return {"id": dep["id"], "property": dep["property"], "value": values.get(key)}

    outputs = []
    for part in _output_parts(spec):
        component, prop = part.split(".", 1)
        outputs.append([] if component.startswith("{") else {"id": component, "property": prop.split("@")[0]})
    return {"output": spec["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [item(dep) for dep in spec["inputs"]], "state": [item(dep) for dep in spec["state"]],
            "changedPropIds": [trigger]}
