"""A bundled case with a long family history: Sem's case plus his mother's own childhood, decades before him.

Sem's case itself starts two years before his birth; real cases often begin with the grandparents. The events
added here (a grandparents' marriage, the mother's birth, her own placement as a teenager) are spread over
1978–2000 without a long gap, so the axis cannot shorten them away.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEM = ROOT / "sample_cases" / "calamiteit_sem.json"
NAME = "sem_met_voorgeschiedenis.json"

_HISTORY = (
    ("h01", "1978-05", "lived", "life_event", "Opa en oma M. trouwen", ["oma-m"]),
    ("h02", "1980", "lived", "life_event", "Oma M. verhuist naar de stad", ["oma-m"]),
    ("h03", "1984-07", "lived", "life_event", "Moeder wordt geboren", ["moeder", "oma-m"]),
    ("h04", "1988", "lived", "experience", "Oma M.: 'Het werd me allemaal te veel'", ["oma-m"]),
    ("h05", "1991", "formal", "referral", "Moeder aangemeld bij schoolmaatschappelijk werk", ["moeder"]),
    ("h06", "1993", "lived", "life_event", "Opa en oma M. scheiden", ["oma-m"]),
    ("h07", "1995", "lived", "experience", "Moeder: 'Thuis was het nooit rustig'", ["moeder"]),
    ("h08", "1997", "formal", "placement", "Moeder (13) uit huis geplaatst", ["moeder"]),
    ("h09", "1999-02", "formal", "decision", "Ondertoezichtstelling moeder beëindigd", ["moeder"]),
    ("h10", "2000-09", "lived", "life_event", "Moeder gaat op kamers", ["moeder"]),
)


def history_case_data() -> dict[str, Any]:
    """Sem's case with the family history of :data:`_HISTORY` before it."""
    data = json.loads(SEM.read_text(encoding="utf-8"))
    persons = {person["id"] for person in data["persons"]}
    extra = []
    for event_id, date, layer, kind, title, who in _HISTORY:
        extra.append({"id": event_id, "date": date, "layer": layer, "type": kind, "title": title,
                      "persons": [person for person in who if person in persons]})
    data["events"] = extra + data["events"]
    data["id"] = data["id"] + "-history"
    return data


def write_history_case(folder: Path) -> Path:
    """Write the case to ``folder`` (with the other bundled cases) and return its path."""
    path = folder / NAME
    path.write_text(json.dumps(history_case_data(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path
