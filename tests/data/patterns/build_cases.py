"""Build the realistic pattern test cases and the findings a facilitator expects on each.

Four fictional cases of 50-100 events, each a different shape: a multi-agency chain (Daan), a waiting list
(Fleur), a young child in kinship care (Mila) and a family over four generations (Jayden). Next to each case
``<name>.expected.json`` lists what a facilitator preparing the meeting would point out, written from the
story, BEFORE ``find_patterns`` was run on it (see the git history): the kind of finding, the events it rests
on, and what must not be claimed (``must_not``).

Run from the repository root: ``python tests/data/patterns/build_cases.py`` (deterministic output).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
F, L = "formal", "lived"


class Builder:
    """One case under construction; every event helper returns the new event's id."""

    def __init__(self, case_id: str, title: str, index: str, description: str) -> None:
        self.data: dict[str, Any] = {
            "schema_version": "1.0", "id": case_id, "title": title, "description": description,
            "index_person": index, "pseudonymised": True,
            "sources": [{"id": "dossier", "kind": "dossier", "title": "Dossiers van de betrokken organisaties"},
                        {"id": "gesprek", "kind": "interview", "title": "Gesprekken met het gezin"}],
            "persons": [], "organisations": [], "relationships": [], "households": [], "events": [],
            "annotations": [],
        }
        self.expected: list[dict[str, Any]] = []
        self.must_not: list[dict[str, Any]] = []

    # --- items ----------------------------------------------------------------------------------
    def org(self, org_id: str, name: str, type_: str) -> None:
        self.data["organisations"].append({"id": org_id, "name": name, "type": type_})

    def person(self, pid: str, label: str, kind: str = "family", gender: str = "unknown", **extra: Any) -> None:
        self.data["persons"].append({"id": pid, "label": label, "kind": kind, "gender": gender, **extra})

    def pro(self, pid: str, label: str, org: str, start: str, end: str | None = None) -> None:
        involvement = {"start": start, **({"end": end} if end else {})}
        self.person(pid, label, "professional", organisation=org, involvement=involvement)

    def rel(self, type_: str, source: str, target: str, **extra: Any) -> str:
        rid = f"r{len(self.data['relationships']) + 1:02d}"
        self.data["relationships"].append({"id": rid, "type": type_, "source": source, "target": target, **extra})
        return rid

    def household(self, hid: str, label: str, members: list[tuple[str, str | None, str | None]]) -> None:
        self.data["households"].append({"id": hid, "label": label, "members": [
            {"person": p, **({"start": s} if s else {}), **({"end": e} if e else {})} for p, s, e in members]})

    def note(self, events: list[str], tag: str, text: str) -> None:
        self.data["annotations"].append({"id": f"a{len(self.data['annotations']) + 1}",
                                         "target": {"events": events}, "tag": tag, "text": text})

    # --- events ---------------------------------------------------------------------------------
    def ev(self, date: str, layer: str, type_: str, title: str, persons: tuple[str, ...] = (), **extra: Any) -> str:
        eid = f"e{len(self.data['events']) + 1:03d}"
        event = {"id": eid, "date": date, "layer": layer, "type": type_, "title": title,
                 "persons": list(persons), "source": extra.pop("source", "dossier" if layer == F else "gesprek")}
        event.update({k: v for k, v in extra.items() if v is not None})
        self.data["events"].append(event)
        return eid

    def formal(self, date: str, type_: str, title: str, persons: tuple[str, ...] = (), org: str | None = None,
               **extra: Any) -> str:
        return self.ev(date, F, type_, title, persons, organisation=org, **extra)

    def refer(self, date: str, sender: str, receiver: str, title: str, persons: tuple[str, ...] = (),
              **extra: Any) -> str:
        return self.formal(date, "referral", title, persons, sender, to_organisation=receiver, **extra)

    def decide(self, date: str, title: str, persons: tuple[str, ...], org: str, by: list[str], family: str,
               type_: str = "decision", not_heard: list[str] | None = None, **extra: Any) -> str:
        decision: dict[str, Any] = {"decided_by": by, "family_involved": family}
        if not_heard:
            decision["not_heard"] = not_heard
        return self.formal(date, type_, title, persons, org, decision=decision, **extra)

    def place(self, date: str, setting: str, location: str, child: str, title: str, org: str | None = None,
              end: str | None = None, persons: tuple[str, ...] = (), **extra: Any) -> str:
        placement = {"setting": setting, "location": location, "child": child}
        return self.formal(date, "placement", title, persons or (child,), org, placement=placement, end=end,
                           **extra)

    def voice(self, date: str, who: str, title: str, type_: str = "experience", kind: str = "emotion",
              persons: tuple[str, ...] = (), **extra: Any) -> str:
        return self.ev(date, L, type_, title, persons or (who,), perspective=who, statement_kind=kind, **extra)

    def life(self, date: str, title: str, persons: tuple[str, ...], **extra: Any) -> str:
        return self.ev(date, L, "life_event", title, persons, statement_kind="fact", **extra)

    # --- what a facilitator expects -----------------------------------------------------------
    def expect(self, kind: str, evidence: list[str], why: str) -> None:
        self.expected.append({"kind": kind, "evidence": evidence, "why": why})

    def forbid(self, kind: str, why: str, *, events: list[str] | None = None, persons: list[str] | None = None,
               absent: bool = False) -> None:
        self.must_not.append({"kind": kind, "why": why, "absent": absent, "events": events or [],
                              "persons": persons or []})

    def write(self, name: str) -> None:
        (HERE / f"{name}.json").write_text(json.dumps(self.data, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        expected = {"case": f"{name}.json", "expected": self.expected, "must_not": self.must_not}
        (HERE / f"{name}.expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")


def main() -> None:
    sys.path.insert(0, str(HERE.parents[2]))
    from tests.data.patterns.case_chain import build_chain
    from tests.data.patterns.case_generations import build_generations
    from tests.data.patterns.case_kinship import build_kinship
    from tests.data.patterns.case_waiting import build_waiting

    for name, build in (("daan_keten", build_chain), ("fleur_wachtlijst", build_waiting),
                        ("mila_netwerkpleegzorg", build_kinship), ("jayden_vier_generaties", build_generations)):
        builder = build()
        builder.write(name)
        print(f"{name}: {len(builder.data['events'])} events, {len(builder.expected)} expected findings")


if __name__ == "__main__":
    main()
