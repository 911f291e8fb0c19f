"""Seeded generator of realistic, valid synthetic cases, for tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from models.case import Case
from models.loading import validate_case_data
from models.vocabulary import OrganisationType, PlacementSetting

_ORG_NAMES = {
    "local_team": "Wijkteam", "veilig_thuis": "Veilig Thuis",
    "child_protection_board": "Raad voor de Kinderbescherming",
    "certified_institution": "Jeugdbescherming", "youth_mental_health": "Jeugd-ggz", "youth_care_provider": "Jeugdhulp",
    "foster_care": "Pleegzorg", "closed_youth_care": "JeugdzorgPlus", "school": "School", "police": "Politie",
    "juvenile_court": "Rechtbank", "municipality": "Gemeente", "gp": "Huisartsenpraktijk",
}
_FORMAL_TYPES = ["decision", "referral", "placement", "assessment", "court_order", "professional_contact",
                 "meeting", "treatment", "incident"]
_LIVED_TYPES = ["experience", "statement_of_need", "life_event"]
_SETTINGS = [s.value for s in PlacementSetting if s != PlacementSetting.HOME]


def _iso(day: dt.date) -> str:
    return day.isoformat()


def generate_case_data(n_events: int = 200, n_persons: int = 40, seed: int = 0,
                       n_generations: int = 3) -> dict[str, Any]:
    """A case as plain JSON data: a multi-generation family, a network and many professionals."""
    rng = random.Random(seed)
    child_birth = dt.date(2008, rng.randint(1, 12), rng.randint(1, 28))
    persons: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    rel_counter = iter(range(10**9))

    def rel(kind: str, source: str, target: str, **extra: Any) -> None:
        relationships.append({"id": f"r{next(rel_counter)}", "type": kind, "source": source, "target": target,
                              **extra})

    # Family: index child, siblings, parents, grandparents (and further up if asked).
    generation_ids: list[list[str]] = []
    index_id = "p-child"
    persons.append({"id": index_id, "label": "Kind", "kind": "family", "gender": rng.choice(["male", "female"]),
                    "birth": _iso(child_birth)})
    children = [index_id]
    for k in range(rng.randint(1, 3)):
        sibling_birth = child_birth + dt.timedelta(days=rng.randint(-2500, 2500))
        persons.append({"id": f"p-sib{k}", "label": f"Broer/zus {k + 1}", "kind": "family",
                        "gender": rng.choice(["male", "female"]), "birth": _iso(sibling_birth)})
        children.append(f"p-sib{k}")
    generation_ids.append(children)
    couple_children = [children]
    for generation in range(1, n_generations):
        next_couples: list[list[str]] = []
        parents_row: list[str] = []
        for c, kids in enumerate(couple_children):
            earliest_kid = min(dt.date.fromisoformat(p["birth"]) for p in persons if p["id"] in kids)
            couple = []
            for gender, label in (("male", "Vader"), ("female", "Moeder")):
                pid = f"p-g{generation}-{c}-{gender[0]}"
                birth = earliest_kid - dt.timedelta(days=365 * rng.randint(20, 35))
                person = {"id": pid, "label": f"{'Opa' if generation > 1 else ''}{label}".strip()
                          if generation == 1 else f"{'Opa' if gender == 'male' else 'Oma'} {generation}-{c}",
                          "kind": "family", "gender": gender, "birth": _iso(birth)}
                if generation >= 2 and rng.random() < 0.3:
                    person["death"] = _iso(birth + dt.timedelta(days=365 * rng.randint(55, 80)))
                    if dt.date.fromisoformat(person["death"]) > dt.date(2024, 1, 1):
                        del person["death"]
                persons.append(person)
                couple.append(pid)
                for kid in kids:
                    rel("parent", pid, kid)
            married = earliest_kid - dt.timedelta(days=rng.randint(200, 1500))
            partner: dict[str, Any] = {"married": _iso(married), "status": "married"}
            if rng.random() < 0.5:
                partner["divorced"] = _iso(earliest_kid + dt.timedelta(days=rng.randint(400, 3000)))
                partner["status"] = "divorced"
            rel("partner", couple[0], couple[1], **partner)
            parents_row.extend(couple)
            next_couples.extend([[couple[0]], [couple[1]]])
        generation_ids.append(parents_row)
        couple_children = next_couples
        if len(persons) >= n_persons * 0.5:
            break

    # A step-parent for the index child's mother or father.
    father, mother = "p-g1-0-m", "p-g1-0-f"
    if any(p["id"] == mother for p in persons):
        persons.append({"id": "p-step", "label": "Nieuwe partner", "kind": "family", "gender": "male",
                        "birth": _iso(child_birth - dt.timedelta(days=365 * 30))})
        rel("partner", mother, "p-step", start=_iso(child_birth + dt.timedelta(days=365 * 5)), status="cohabiting")
        rel("parent", "p-step", index_id, parent_kind="step")
        rel("conflict", father, mother, view=index_id, certainty="confirmed")
        rel("close", index_id, generation_ids[-1][0] if len(generation_ids) > 2 else father)

    # Organisations and professionals.
    org_types = [t.value for t in OrganisationType if t.value in _ORG_NAMES]
    organisations = [{"id": f"o{k}", "name": f"{_ORG_NAMES[t]} {k}", "type": t}
                     for k, t in enumerate(org_types + rng.sample(org_types, min(4, len(org_types))))]
    family_ids = [p["id"] for p in persons]
    n_prof = max(3, n_persons - len(persons) - 4)
    story_start = child_birth - dt.timedelta(days=365 * 2)
    story_end = dt.date(2025, 6, 30)
    span = (story_end - story_start).days
    for k in range(n_prof):
        org = rng.choice(organisations)
        start = story_start + dt.timedelta(days=rng.randint(0, span - 400))
        end = start + dt.timedelta(days=rng.randint(90, 1500))
        persons.append({"id": f"p-pro{k}", "label": f"Professional {k + 1}", "kind": "professional",
                        "gender": rng.choice(["male", "female", "unknown"]), "organisation": org["id"],
                        "role": "hulpverlener",
                        "involvement": {"start": _iso(start), "end": _iso(min(end, story_end))}})
        rel(rng.choice(["works_with", "case_manager_of", "treats"]), f"p-pro{k}", index_id)
    for k in range(4):
        persons.append({"id": f"p-net{k}", "label": ["Buurvrouw", "Trainer", "Leerkracht", "Vriendin oma"][k],
                        "kind": "network", "gender": "unknown"})
        rel("supportive", f"p-net{k}", rng.choice(family_ids))
    professionals = [p for p in persons if p["kind"] == "professional"]

    # Events.
    events: list[dict[str, Any]] = []
    for k in range(n_events):
        day = story_start + dt.timedelta(days=rng.randint(0, span))
        lived = rng.random() < 0.3
        event: dict[str, Any] = {"id": f"e{k}", "layer": "lived" if lived else "formal"}
        precision = rng.random()
        event["date"] = _iso(day) if precision < 0.8 else day.strftime("%Y-%m") if precision < 0.95 else str(day.year)
        if rng.random() < 0.05:
            event["approximate"] = True
        if lived:
            event["type"] = rng.choice(_LIVED_TYPES)
            voice = rng.choice(family_ids[:4])
            event.update(title=f"Beleving {k}", perspective=voice, persons=[voice])
            if event["type"] == "life_event" and rng.random() < 0.5:
                event["layer"] = "formal"
        else:
            event["type"] = rng.choice(_FORMAL_TYPES)
            pro = rng.choice(professionals)
            event.update(title=f"{event['type']} {k}", organisation=pro["organisation"],
                         persons=sorted({pro["id"], index_id, rng.choice(family_ids)}))
            if event["type"] == "referral":
                event["to_organisation"] = rng.choice(organisations)["id"]
            if event["type"] in ("placement", "treatment"):
                event["date"] = _iso(day)
                event["end"] = _iso(day + dt.timedelta(days=rng.randint(14, 400)))
            if event["type"] == "placement":
                event["placement"] = {"setting": rng.choice(_SETTINGS), "crisis": rng.random() < 0.2}
            if event["type"] in ("decision", "court_order"):
                event["decision"] = {"decided_by": [pro["organisation"]],
                                     "family_involved": rng.choice(["yes", "no", "unknown"]),
                                     "rationale": "Zorgen over de veiligheid."}
        if rng.random() < 0.1:
            event["certainty"] = rng.choice(["suspected", "disputed"])
        born = {p["id"]: p.get("birth") for p in persons}
        event["persons"] = [pid for pid in event.get("persons", [])
                            if not born.get(pid) or dt.date.fromisoformat(born[pid]) <= day]
        events.append(event)

    return {
        "schema_version": "1.0", "id": f"synthetisch-{seed}-{n_events}", "title": f"Synthetische casus ({n_events})",
        "index_person": index_id, "pseudonymised": True,
        "sources": [{"id": "s-dossier", "kind": "dossier", "title": "Dossier"}],
        "persons": persons, "organisations": organisations, "relationships": relationships, "events": events,
    }


def generate_case(n_events: int = 200, n_persons: int = 40, seed: int = 0, n_generations: int = 3) -> Case:
    """A validated synthetic :class:`Case`."""
    return validate_case_data(generate_case_data(n_events, n_persons, seed, n_generations))
