"""A generated calamity-sized case (issue 16): 30 family and network persons and 40+ professionals in many
organisations, with the long, realistic labels of a Dutch file ("Oma moederszijde (Joke)"). Deterministic."""

from __future__ import annotations

import random
from typing import Any

from models.case import Case
from models.loading import validate_case_data

# (id, label, gender, birth year, deceased)
_FAMILY: list[tuple[str, str, str, int, bool]] = [
    ("ovm", "Overgrootvader moederszijde", "male", 1931, True),
    ("ogm", "Overgrootmoeder moederszijde", "female", 1934, True),
    ("opa-m", "Opa moederszijde (Henk)", "male", 1955, False),
    ("oma-m", "Oma moederszijde (Joke)", "female", 1957, False),
    ("opa-v", "Opa vaderszijde (Ahmed)", "male", 1950, True),
    ("oma-v", "Oma vaderszijde (Fatima)", "female", 1953, False),
    ("partner-oma-m", "Nieuwe partner oma (Kees)", "male", 1954, False),
    ("moeder", "Moeder (Sandra)", "female", 1982, False),
    ("vader", "Vader (Youssef)", "male", 1979, False),
    ("stiefvader", "Stiefvader (Ronald)", "male", 1977, False),
    ("partner-vader", "Partner vader (Naima)", "female", 1985, False),
    ("tante-m", "Tante moederszijde (Ingrid)", "female", 1980, False),
    ("oom-m", "Oom moederszijde (Patrick)", "male", 1985, False),
    ("aangetrouwd", "Aangetrouwde oom (Marco)", "male", 1978, False),
    ("oom-v", "Oom vaderszijde (Karim)", "male", 1976, False),
    ("tante-v", "Tante vaderszijde (Samira)", "female", 1983, False),
    ("index", "Kind (Jayden)", "male", 2012, False),
    ("zus", "Zus (Amira, 2010)", "female", 2010, False),
    ("broer", "Broer (Rayan, 2014)", "male", 2014, False),
    ("halfzus", "Halfzus (Chantal, 2008)", "female", 2008, False),
    ("halfbroer", "Halfbroer (Dylan, 2017)", "male", 2017, False),
    ("neef-1", "Neef (Kevin, 2005)", "male", 2005, False),
    ("nicht-1", "Nicht (Lotte, 2009)", "female", 2009, False),
]
_NETWORK = ["Buurvrouw (mevrouw De Vries)", "Voetbaltrainer (Erik)", "Vriendin moeder (Priscilla)",
            "Beste vriend (Milan)", "Moeder van vriend Milan", "Imam van de moskee", "Oud-buurman (Gerrit)"]
_ORGANISATIONS: list[tuple[str, str, str]] = [
    ("wijkteam", "Sociaal wijkteam Noord-Oost", "local_team"),
    ("vt", "Veilig Thuis Gelderland-Midden", "veilig_thuis"),
    ("rvdk", "Raad voor de Kinderbescherming", "child_protection_board"),
    ("gi", "Jeugdbescherming Regio Oost", "certified_institution"),
    ("ggz", "Jeugd-ggz Karakter", "youth_mental_health"),
    ("jeugdhulp", "Jeugdhulp Horizon ambulant", "youth_care_provider"),
    ("pleegzorg", "Pleegzorg Gelderland", "foster_care"),
    ("jzplus", "JeugdzorgPlus De Sprengen", "closed_youth_care"),
    ("school", "Basisschool De Regenboog", "school"),
    ("vo", "Praktijkschool Het Kompas", "school"),
    ("politie", "Politie Oost-Nederland", "police"),
    ("rechtbank", "Rechtbank Gelderland", "juvenile_court"),
    ("gemeente", "Gemeente Arnhem (team jeugd)", "municipality"),
    ("huisarts", "Huisartsenpraktijk Presikhaaf", "gp"),
    ("zkh", "Ziekenhuis Rijnstate (kinderarts)", "hospital"),
    ("verslaving", "Tactus verslavingszorg", "addiction_care"),
    ("ggz-v", "GGZ volwassenen Pro Persona", "adult_mental_health"),
]
_ROLES = ["jeugdbeschermer", "gedragswetenschapper", "teamleider", "behandelaar", "mentor", "wijkagent",
          "casemanager", "jeugdarts", "orthopedagoog", "maatschappelijk werker"]


def _parent(rels: list[dict[str, Any]], parent: str, child: str, kind: str | None = None) -> None:
    rels.append({"id": f"r-{parent}-{child}", "type": "parent", "source": parent, "target": child,
                 **({"parent_kind": kind} if kind else {})})


def calamity_case_data(n_professionals: int = 42, seed: int = 7) -> dict[str, Any]:
    """A 70-person case as plain JSON data: 23 family, 7 network persons, ``n_professionals`` professionals."""
    rng = random.Random(seed)
    persons: list[dict[str, Any]] = [
        {"id": pid, "label": label, "kind": "family", "gender": gender, "birth": str(year),
         **({"deceased": True} if dead else {})} for pid, label, gender, year, dead in _FAMILY]
    rels: list[dict[str, Any]] = []
    couples = [("ovm", "ogm"), ("opa-m", "oma-m"), ("opa-v", "oma-v"), ("vader", "moeder"), ("tante-m", "aangetrouwd"),
               ("oma-m", "partner-oma-m"), ("moeder", "stiefvader"), ("vader", "partner-vader")]
    for a, b in couples:
        rels.append({"id": f"r-{a}-{b}", "type": "partner", "source": a, "target": b})
    for child in ("opa-m",):
        for p in ("ovm", "ogm"):
            _parent(rels, p, child)
    for child in ("moeder", "tante-m", "oom-m"):
        for p in ("opa-m", "oma-m"):
            _parent(rels, p, child)
    for child in ("vader", "oom-v", "tante-v"):
        for p in ("opa-v", "oma-v"):
            _parent(rels, p, child)
    for child in ("index", "zus", "broer"):
        for p in ("vader", "moeder"):
            _parent(rels, p, child)
    _parent(rels, "stiefvader", "halfzus")
    _parent(rels, "moeder", "halfbroer")
    _parent(rels, "stiefvader", "halfbroer")
    for child in ("neef-1", "nicht-1"):
        for p in ("tante-m", "aangetrouwd"):
            _parent(rels, p, child)
    rels.append({"id": "r-conflict", "type": "conflict", "source": "vader", "target": "moeder"})
    rels.append({"id": "r-close", "type": "close", "source": "index", "target": "oma-m"})
    for k, label in enumerate(_NETWORK):
        persons.append({"id": f"net{k}", "label": label, "kind": "network", "gender": "unknown"})
        rels.append({"id": f"r-net{k}", "type": "supportive", "source": f"net{k}",
                     "target": rng.choice(["index", "moeder", "vader", "oma-m"])})
    organisations = [{"id": oid, "name": name, "type": kind} for oid, name, kind in _ORGANISATIONS]
    for k in range(n_professionals):
        org = organisations[k % len(organisations)]["id"] if k < 2 * len(organisations) else rng.choice(
            organisations)["id"]
        persons.append({"id": f"pro{k}", "label": f"{rng.choice(_ROLES).capitalize()} {chr(65 + k % 26)}.",
                        "kind": "professional", "gender": "unknown", "organisation": org,
                        "role": rng.choice(_ROLES), "involvement": {"start": "2016-01-01"}})
        rels.append({"id": f"r-pro{k}", "type": rng.choice(["works_with", "case_manager_of", "treats"]),
                     "source": f"pro{k}", "target": "index"})
    events = [{"id": "e1", "date": "2020-03-01", "type": "meeting", "title": "Multidisciplinair overleg",
               "layer": "formal", "organisation": "gi", "persons": ["index", "moeder", "pro0"]}]
    return {"schema_version": "1.0", "id": "calamiteit-70", "title": "Gegenereerde calamiteit (70 personen)",
            "index_person": "index", "pseudonymised": True, "persons": persons, "organisations": organisations,
            "relationships": rels, "events": events}


def calamity_case(n_professionals: int = 42, seed: int = 7) -> Case:
    """The validated 70-person :class:`Case` (see :func:`calamity_case_data`)."""
    return validate_case_data(calamity_case_data(n_professionals, seed))
