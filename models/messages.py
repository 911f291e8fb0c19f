"""Readable Dutch and English messages for pydantic's validation errors."""

from __future__ import annotations

from typing import Any

from models.problems import Problem, json_path

# pydantic error type -> (Dutch template, English template); {placeholders} come from ctx.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("verplicht veld ontbreekt", "required field is missing"),
    "extra_forbidden": ("onbekend veld (typfout?)", "unknown field (a typo?)"),
    "string_type": ("moet tekst zijn", "must be text"),
    "int_type": ("moet een geheel getal zijn", "must be a whole number"),
    "int_parsing": ("moet een geheel getal zijn", "must be a whole number"),
    "float_type": ("moet een getal zijn", "must be a number"),
    "float_parsing": ("moet een getal zijn", "must be a number"),
    "bool_type": ("moet true of false zijn", "must be true or false"),
    "bool_parsing": ("moet true of false zijn", "must be true or false"),
    "list_type": ("moet een lijst zijn", "must be a list"),
    "dict_type": ("moet een object zijn", "must be an object"),
    "model_type": ("moet een object zijn", "must be an object"),
    "model_attributes_type": ("moet een object zijn", "must be an object"),
    "string_too_short": ("mag niet leeg zijn", "must not be empty"),
    "string_too_long": ("is te lang (maximaal {max_length} tekens)",
                        "is too long (at most {max_length} characters)"),
    "string_pattern_mismatch": (
        "ongeldige id: gebruik letters, cijfers en _ . : - (maximaal 64 tekens)",
        "invalid id: use letters, digits and _ . : - (at most 64 characters)"),
    "enum": ("ongeldige waarde; kies uit: {expected}", "invalid value; choose one of: {expected}"),
    "literal_error": ("ongeldige waarde; verwacht: {expected}", "invalid value; expected: {expected}"),
    "date_parsing": ("geen geldige datum (JJJJ-MM-DD)", "not a valid date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("geen geldige datum (JJJJ-MM-DD)", "not a valid date (YYYY-MM-DD)"),
    "date_type": ("geen geldige datum (JJJJ-MM-DD)", "not a valid date (YYYY-MM-DD)"),
    "datetime_parsing": ("geen geldig tijdstip (JJJJ-MM-DDTuu:mm)", "not a valid date-time (YYYY-MM-DDThh:mm)"),
    "datetime_from_date_parsing": ("geen geldig tijdstip (JJJJ-MM-DDTuu:mm)",
                                   "not a valid date-time (YYYY-MM-DDThh:mm)"),
    "datetime_type": ("geen geldig tijdstip (JJJJ-MM-DDTuu:mm)", "not a valid date-time (YYYY-MM-DDThh:mm)"),
    "partial_date_type": ("datum moet tekst zijn, zoals 2015, 2015-03 of 2015-03-12",
                          "a date must be text, like 2015, 2015-03 or 2015-03-12"),
    "partial_date_format": ("'{value}' is geen datum zoals 2015, 2015-03 of 2015-03-12",
                            "'{value}' is not a date like 2015, 2015-03 or 2015-03-12"),
    "partial_date_impossible": ("'{value}' bestaat niet in de kalender",
                                "'{value}' does not exist in the calendar"),
}

_VALUE_ERRORS: dict[str, str] = {
    "parent_kind only belongs to a relationship of type 'parent'":
        "parent_kind hoort alleen bij een relatie van het type 'parent'",
}


def _format(template: str, ctx: dict[str, Any]) -> str:
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template


def problem_from_pydantic(error: dict[str, Any], prefix: tuple[Any, ...] = ()) -> Problem:
    """Turn one pydantic error into a bilingual :class:`Problem`."""
    kind = error.get("type", "value_error")
    ctx = dict(error.get("ctx") or {})
    loc = tuple(part for part in error.get("loc", ()) if not str(part).startswith("function-"))
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"])
    if kind in _TEMPLATES:
        nl_template, en_template = _TEMPLATES[kind]
        en = _format(en_template, ctx)
        if "expected" in ctx:
            ctx["expected"] = ctx["expected"].replace(" or ", " of ")
        nl = _format(nl_template, ctx)
    elif kind == "value_error":
        reason = str(ctx.get("error", error.get("msg", "")))
        en = reason
        nl = _VALUE_ERRORS.get(reason) or _dutch_value_error(reason)
    else:
        en = str(error.get("msg", kind))
        nl = "ongeldige waarde op deze plek"  # no English sentence inside a Dutch message
    return Problem(path=json_path(prefix + loc), code=kind, nl=nl, en=en)


def _dutch_value_error(reason: str) -> str:
    if "only belong(s) to a relationship of type 'partner'" in reason:
        fields = reason.split(" only belong")[0]
        return f"{fields} hoort/horen alleen bij een relatie van het type 'partner'"
    return "ongeldige waarde op deze plek"  # the English message says more; no English inside a Dutch one


def dedupe(problems: list[Problem]) -> list[Problem]:
    """Collapse union branches that report the same problem at the same path."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for problem in problems:
        key = (problem.path, problem.en)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique
