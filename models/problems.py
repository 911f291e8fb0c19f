"""Problems found in a case file, each with a JSON path and a message in Dutch and English."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file, and where."""

    path: str
    code: str
    nl: str
    en: str

    def message(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    def render(self, lang: str = "nl") -> str:
        return f"{self.path}: {self.message(lang)}"

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "code": self.code, "nl": self.nl, "en": self.en}


class CaseError(Exception):
    """A case file could not be loaded; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        count = len(self.problems)
        first = self.problems[0].render("en") if self.problems else "unknown problem"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{count} problem(s) in case file: {first}{more}")

    def report(self, lang: str = "nl") -> str:
        """The problems, one per line (at most :data:`~models.limits.MAX_PROBLEMS_SHOWN`, then a count)."""
        return "\n".join(report_lines(self.problems, lang))


def report_lines(problems: Sequence[Problem], lang: str = "nl", limit: int | None = None) -> list[str]:
    """One line per problem, the first ``limit`` (default :data:`~models.limits.MAX_PROBLEMS_SHOWN`) only,
    then "en nog N andere" / "and N more"."""
    from models.limits import MAX_PROBLEMS_SHOWN

    limit = MAX_PROBLEMS_SHOWN if limit is None else limit
    lines = [problem.render(lang) for problem in problems[:limit]]
    rest = len(problems) - limit
    if rest > 0:
        amount = f"{rest:,}".replace(",", ".") if lang == "nl" else f"{rest:,}"
        lines.append(f"… en nog {amount} andere" if lang == "nl" else f"… and {amount} more")
    return lines


def json_path(location: Iterable[Any]) -> str:
    """``("events", 3, "date")`` → ``$.events[3].date``."""
    path = "$"
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}"
    return path
