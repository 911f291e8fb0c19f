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
        """All problems, one per line."""
        return "\n".join(problem.render(lang) for problem in self.problems)


def json_path(location: Iterable[Any]) -> str:
    """``("events", 3, "date")`` → ``$.events[3].date``."""
    path = "$"
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}"
    return path
