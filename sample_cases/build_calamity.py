"""Build ``calamiteit_sem.json``: a fictional calamity review (calamiteitenonderzoek).

Sem (17) had more than forty professionals from more than fifteen organisations over twelve years:
referral after referral, a carousel of placements up to closed youth care and youth detention,
five changes of case manager, decisions taken without his parents, and organisations that fell out
with each other the way his parents did. The review reconstructs the timeline; the analysts'
notes are the annotations at the end.

Everything here is invented. Run from the repository root:

    python sample_cases/build_calamity.py            # writes sample_cases/calamiteit_sem.json
    python sample_cases/build_calamity.py --output other.json

The output is deterministic (no randomness, no clock), so the committed JSON can be checked against it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent / "calamiteit_sem.json"

F, L = "formal", "lived"

SOURCES = [
    ("src-gi-west", "dossier", "Dossier Jeugdbescherming West (2012-2018)", "2018-06"),
    ("src-gi-oost", "dossier", "Dossier Jeugdbescherming Oost (2018-2022)", "2022-06"),
    ("src-horizon", "dossier", "Dossiers Jeugdhulp Horizon (gezinsbehandeling, groepen)", "2022-06"),
    ("src-hoeve", "dossier", "Behandeldossier JeugdzorgPlus De Hoeve", "2020-05"),
    ("src-ggz", "dossier", "Dossiers jeugd-ggz De Bron en kliniek Het Kompas", "2022-06"),
    ("src-raad", "report", "Raadsrapporten 2012 en 2016", "2016-08"),
    ("src-vt", "report", "Meldingen en onderzoeken Veilig Thuis", "2019-04"),
    ("src-school", "dossier", "Leerlingdossiers (basisschool, speciaal onderwijs, vso)", "2021-07"),
    ("src-kompas-obs", "observation", "Observatieverslag kliniek Het Kompas", "2015-11"),
    ("src-int-moeder", "interview", "Gesprek onderzoekers met moeder", "2022-09-14"),
    ("src-int-vader", "interview", "Gesprek onderzoekers met vader en zijn partner", "2022-09-21"),
    ("src-int-zus", "interview", "Gesprek onderzoekers met de zus van Sem", "2022-10-05"),
    ("src-int-prof", "interview", "Groepsgesprekken onderzoekers met betrokken professionals", "2022-11"),
    ("src-reconstructie", "meeting", "Reconstructiebijeenkomst met alle betrokken organisaties", "2022-12-08"),
    ("src-berichten", "other", "Berichten en brieven van Sem, ingebracht door zijn zus en moeder", "2022-10"),
    ("src-rapport", "report", "Rapport calamiteitenonderzoek", "2023-03-15"),
]

ORGANISATIONS = [
    ("org-ggd", "GGD jeugdgezondheidszorg", "youth_health_care"),
    ("org-ha-west", "Huisartsenpraktijk West", "gp"),
    ("org-ha-oost", "Huisartsenpraktijk Oost", "gp"),
    ("org-bs", "Basisschool De Wilgen", "school"),
    ("org-so", "School voor speciaal onderwijs De Sprong", "school"),
    ("org-vso", "Voortgezet speciaal onderwijs Orion", "school"),
    ("org-wt-west", "Wijkteam West", "local_team"),
    ("org-wt-oost", "Wijkteam Oost", "local_team"),
    ("org-gem-west", "Gemeente West (leerplicht)", "compulsory_education"),
    ("org-gem-oost", "Gemeente Oost (team jeugd)", "municipality"),
    ("org-vt-west", "Veilig Thuis West", "veilig_thuis"),
    ("org-vt-oost", "Veilig Thuis Oost", "veilig_thuis"),
    ("org-raad", "Raad voor de Kinderbescherming", "child_protection_board"),
    ("org-gi-west", "Jeugdbescherming West", "certified_institution"),
    ("org-gi-oost", "Jeugdbescherming Oost", "certified_institution"),
    ("org-rb-west", "Rechtbank West, kinderrechter", "juvenile_court"),
    ("org-rb-oost", "Rechtbank Oost, kinderrechter", "juvenile_court"),
    ("org-pol-west", "Politie, basisteam West", "police"),
    ("org-pol-oost", "Politie, basisteam Oost", "police"),
    ("org-bron", "Jeugd-ggz De Bron", "youth_mental_health"),
    ("org-kompas", "Kinder- en jeugdpsychiatrische kliniek Het Kompas", "youth_mental_health"),
    ("org-pleegzorg", "Pleegzorg Regio West", "foster_care"),
    ("org-horizon", "Jeugdhulp Horizon", "youth_care_provider"),
    ("org-gezinshuis", "Gezinshuis De Linde", "youth_care_provider"),
    ("org-crisis", "Crisisopvang Het Baken", "youth_care_provider"),
    ("org-hoeve", "JeugdzorgPlus De Hoeve", "closed_youth_care"),
    ("org-jji", "Justitiële jeugdinrichting Het Keerpunt", "other"),
    ("org-ziekenhuis", "Ziekenhuis Oost", "hospital"),
    ("org-verslaving", "Verslavingszorg West", "addiction_care"),
    ("org-vggz", "Volwassenen-ggz West", "adult_mental_health"),
    ("org-halt", "Halt", "other"),
    ("org-advocaat", "Advocatenkantoor (familierecht)", "other"),
    ("org-onderzoek", "Externe onderzoekscommissie calamiteit", "other"),
    ("org-verlos", "Verloskundigenpraktijk West", "midwife"),
    ("org-kdv", "Kinderdagverblijf Het Nest", "childcare"),
    ("org-swv", "Samenwerkingsverband passend onderwijs West", "special_education_partnership"),
    ("org-om", "Openbaar Ministerie, arrondissement Oost", "public_prosecution"),
    ("org-reclassering", "Reclassering (vader)", "probation"),
    ("org-woco", "Woningcorporatie Thuis Oost", "housing_corporation"),
    ("org-schuld", "Schuldhulpverlening gemeente Oost", "debt_assistance"),
]

ORGANISATION_TIES = [
    # the krachtenveld of card 4: who contracts, refers to, works with or disagrees with whom
    {"id": "or-gem-horizon", "type": "contracts", "source": "org-gem-oost", "target": "org-horizon", "start": "2018"},
    {"id": "or-gem-gi", "type": "contracts", "source": "org-gem-oost", "target": "org-gi-oost", "start": "2018"},
    {"id": "or-wt-bron", "type": "refers_to", "source": "org-wt-west", "target": "org-bron", "start": "2011-04",
     "end": "2014-09"},
    {"id": "or-gi-hoeve", "type": "conflict", "source": "org-gi-oost", "target": "org-hoeve", "start": "2020-05",
     "certainty": "disputed", "informant": "voogd3",
     "note": "De Hoeve sloot de behandeling af zonder overdracht; de voogd vond dat te vroeg."},
    {"id": "or-swv-so", "type": "works_with", "source": "org-swv", "target": "org-so", "start": "2014-08"},
    {"id": "or-bron-gi", "type": "works_with", "source": "org-bron", "target": "org-gi-oost", "start": "2019-09"},
]


def organisation_structure(case: dict[str, Any]) -> dict[str, Any]:
    """What the case file says about how youth care was organised around Sem: joint meetings of several
    organisations, a professional who moved between organisations, the case manager, an informant, and the ties
    between organisations (placed after the persons' relationships)."""
    events = {event["id"]: event for event in case["events"]}
    events["e130"]["organisations"] = ["org-jji", "org-hoeve", "org-om"]
    events["e171"]["organisations"] = ["org-gi-west", "org-gi-oost", "org-wt-west", "org-wt-oost", "org-horizon"]
    events["e075"]["informant"] = "moeder"
    persons = {person["id"]: person for person in case["persons"]}
    persons["jr"]["affiliations"] = [{"organisation": "org-gi-west", "start": "2017-01", "end": "2019-03",
                                      "role": "jeugdbeschermer"}]
    persons["voogd3"]["case_manager"] = True
    out: dict[str, Any] = {}
    for key, value in case.items():
        out[key] = value
        if key == "relationships":
            out["organisation_relationships"] = ORGANISATION_TIES
    return out

FAMILY = [
    # id, label, gender, birth, death, role
    ("sem", "Sem", "male", "2005-02", "2022-06-11", "zoon"),
    ("zus", "Zus (2007)", "female", "2007-03", None, "zus van Sem"),
    ("moeder", "Moeder", "female", "1984-07", None, "moeder"),
    ("vader", "Vader", "male", "1981", None, "vader"),
    ("partner-vader", "Partner vader (J.)", "female", "1986", None, "partner van vader sinds 2010"),
    ("halfzus", "Halfzus (2012)", "female", "2012-09", None, "halfzus van Sem, vaderskant"),
    ("halfbroer", "Halfbroer (2014)", "male", "2014-11", None, "halfbroer van Sem, vaderskant"),
    ("ex-moeder", "Ex-partner moeder (P.)", "male", "1979", None, "partner van moeder 2010-2012"),
    ("oma-m", "Oma M.", "female", "1958", "2016-10-04", "moeder van moeder"),
    ("opa-m", "Opa M.", "male", "~1955", None, "vader van moeder; geen contact"),
    ("oom", "Oom R.", "male", "1978", None, "broer van vader"),
    ("pleegmoeder", "Pleegmoeder (gezin V.)", "female", "1970", None, "pleegmoeder 2013-2015"),
    ("pleegvader", "Pleegvader (gezin V.)", "male", "1968", None, "pleegvader 2013-2015"),
]

NETWORK = [
    # id, label, gender, birth, role, involvement start, end
    ("trainer", "Voetbaltrainer", "male", "~1975", "trainer van Sem bij de voetbalclub", "2013-08", "2019-04"),
    ("vriend", "Vriend D.", "male", "2005", "beste vriend uit de wijk van vader", "2017-01", None),
    ("moeder-vriend", "Moeder van vriend D.", "female", "~1978", "bood Sem een slaapplek en een luisterend oor",
     "2018-11", None),
]

PROFESSIONALS = [
    # id, label, gender, role, organisation, involvement start, end
    ("ggd-vpk", "Jeugdverpleegkundige", "female", "jeugdverpleegkundige", "org-ggd", "2005-03", "2009-12"),
    ("ggd-arts", "Jeugdarts", "female", "jeugdarts", "org-ggd", "2009-01", "2011-12"),
    ("ha1", "Huisarts West", "male", "huisarts", "org-ha-west", "2005-02", "2015-06"),
    ("ha2", "Huisarts Oost", "female", "huisarts", "org-ha-oost", "2018-06", "2022-06"),
    ("ib", "Intern begeleider basisschool", "female", "intern begeleider", "org-bs", "2010-09", "2014-07"),
    ("leerkracht", "Leerkracht groep 4", "female", "leerkracht", "org-bs", "2011-08", "2012-07"),
    ("so-mentor", "Mentor De Sprong", "male", "mentor", "org-so", "2014-08", "2016-09"),
    ("so-zoco", "Zorgcoördinator De Sprong", "female", "zorgcoördinator", "org-so", "2014-08", "2017-08"),
    ("vso-mentor", "Mentor Orion", "male", "mentor", "org-vso", "2018-11", "2021-07"),
    ("wt1", "Gezinscoach wijkteam (2010)", "female", "gezinscoach", "org-wt-west", "2010-03", "2011-02"),
    ("wt2", "Gezinscoach wijkteam (2011)", "male", "gezinscoach", "org-wt-west", "2011-02", "2012-06"),
    ("wt3", "Wijkcoach Oost", "female", "wijkcoach", "org-wt-oost", "2018-11", "2019-06"),
    ("leerplicht", "Leerplichtambtenaar", "male", "leerplichtambtenaar", "org-gem-west", "2016-10", "2018-06"),
    ("consulent", "Jeugdconsulent gemeente Oost", "female", "consulent jeugdhulp", "org-gem-oost",
     "2018-06", "2022-06"),
    ("vt1", "Medewerker Veilig Thuis (2009)", "female", "medewerker onderzoek", "org-vt-west", "2009-05", "2009-07"),
    ("vt2", "Medewerker Veilig Thuis (2012)", "male", "medewerker onderzoek", "org-vt-west", "2012-03", "2012-04"),
    ("vt3", "Medewerker Veilig Thuis (2019)", "female", "medewerker triage", "org-vt-oost", "2019-03", "2019-04"),
    ("raad1", "Raadsonderzoeker (2012)", "female", "raadsonderzoeker", "org-raad", "2012-04", "2012-06"),
    ("raad2", "Raadsonderzoeker (2016)", "male", "raadsonderzoeker", "org-raad", "2016-03", "2016-09"),
    ("jb1", "Jeugdbeschermer 1", "female", "jeugdbeschermer", "org-gi-west", "2012-06", "2013-03"),
    ("jb2", "Jeugdbeschermer 2", "male", "jeugdbeschermer", "org-gi-west", "2013-03", "2014-05"),
    ("jb3", "Jeugdbeschermer 3", "female", "jeugdbeschermer", "org-gi-west", "2014-05", "2016-09"),
    ("voogd1", "Voogd 1", "female", "gezinsvoogd", "org-gi-west", "2016-09", "2018-06"),
    ("tl-west", "Teamleider Jeugdbescherming West", "male", "teamleider", "org-gi-west", "2015-01", "2018-06"),
    ("voogd2", "Voogd 2", "male", "gezinsvoogd", "org-gi-oost", "2018-06", "2020-04"),
    ("voogd3", "Voogd 3", "female", "gezinsvoogd", "org-gi-oost", "2020-04", "2022-06"),
    ("jr", "Jeugdreclasseerder", "male", "jeugdreclasseerder", "org-gi-oost", "2019-04", "2020-10"),
    ("gw-oost", "Gedragswetenschapper GI Oost", "female", "gedragswetenschapper", "org-gi-oost",
     "2019-06", "2022-06"),
    ("kr1", "Kinderrechter West", "unknown", "kinderrechter", "org-rb-west", "2012-06", "2018-02"),
    ("kr2", "Kinderrechter Oost", "unknown", "kinderrechter", "org-rb-oost", "2018-06", "2022-06"),
    ("wijkagent", "Wijkagent West", "male", "wijkagent", "org-pol-west", "2009-05", "2017-08"),
    ("jeugdagent", "Jeugdagent Oost", "female", "jeugdagent", "org-pol-oost", "2018-06", "2022-06"),
    ("bron-psy", "Psycholoog De Bron (diagnostiek)", "female", "gz-psycholoog", "org-bron", "2011-04", "2011-09"),
    ("bron-reg", "Regiebehandelaar De Bron", "male", "orthopedagoog-generalist", "org-bron", "2013-05", "2014-09"),
    ("bron-psych", "Psychiater De Bron", "female", "kinder- en jeugdpsychiater", "org-bron", "2019-09", "2022-06"),
    ("kompas-psych", "Psychiater Het Kompas", "male", "kinder- en jeugdpsychiater", "org-kompas",
     "2015-04", "2015-12"),
    ("kompas-socio", "Sociotherapeut Het Kompas", "female", "sociotherapeut", "org-kompas", "2015-05", "2015-11"),
    ("pz1", "Pleegzorgbegeleider 1", "female", "pleegzorgbegeleider", "org-pleegzorg", "2012-12", "2014-02"),
    ("pz2", "Pleegzorgbegeleider 2", "male", "pleegzorgbegeleider", "org-pleegzorg", "2014-02", "2015-03"),
    ("hz-gezin", "Gezinsbehandelaar Horizon", "female", "gezinsbehandelaar", "org-horizon", "2011-09", "2012-03"),
    ("hz-groep", "Groepsleider Horizon", "male", "groepsleider", "org-horizon", "2015-11", "2017-08"),
    ("hz-mentor", "Mentor Horizon (kamertraining)", "female", "mentor", "org-horizon", "2020-04", "2022-06"),
    ("hz-ed", "Ervaringsdeskundige Horizon", "male", "ervaringsdeskundige", "org-horizon", "2021-10", "2022-06"),
    ("gh-ouder", "Gezinshuisouder De Linde", "female", "gezinshuisouder", "org-gezinshuis", "2016-09", "2017-04"),
    ("crisis1", "Mentor crisisopvang (2012)", "female", "pedagogisch medewerker", "org-crisis", "2012-04", "2012-06"),
    ("crisis2", "Groepsleider crisisopvang", "male", "groepsleider", "org-crisis", "2015-03", "2017-05"),
    ("hoeve-mentor", "Mentor De Hoeve", "male", "mentor", "org-hoeve", "2017-08", "2020-05"),
    ("hoeve-gw", "Gedragswetenschapper De Hoeve", "female", "gedragswetenschapper", "org-hoeve",
     "2017-08", "2020-05"),
    ("hoeve-beh", "Behandelaar De Hoeve", "female", "psycholoog", "org-hoeve", "2019-07", "2020-05"),
    ("jji-mentor", "Mentor JJI", "male", "groepsleider", "org-jji", "2019-04", "2019-07"),
    ("kinderarts", "Kinderarts", "female", "kinderarts", "org-ziekenhuis", "2015-02", "2015-03"),
    ("seh", "Arts spoedeisende hulp", "male", "SEH-arts", "org-ziekenhuis", "2022-06", "2022-06"),
    ("vz-moeder", "Behandelaar verslavingszorg (moeder)", "female", "behandelaar", "org-verslaving",
     "2011-05", "2012-12"),
    ("vggz-moeder", "Psychiater volwassenen-ggz (moeder)", "male", "psychiater", "org-vggz", "2016-11", "2017-09"),
    ("halt", "Halt-medewerker", "female", "Halt-medewerker", "org-halt", "2017-06", "2017-07"),
    ("advocaat", "Advocaat van moeder", "male", "advocaat familierecht", "org-advocaat", "2016-04", "2016-09"),
    ("onderzoeker1", "Onderzoeker calamiteit", "female", "voorzitter onderzoekscommissie", "org-onderzoek",
     "2022-06", "2023-03"),
    ("onderzoeker2", "Onderzoeker calamiteit (ervaringsdeskundig)", "other", "onderzoeker", "org-onderzoek",
     "2022-07", "2023-03"),
]


class CaseBuilder:
    """Collects events and relationships with readable ids, in the order they are written."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.relationships: list[dict[str, Any]] = []

    # --- events -------------------------------------------------------------------------------
    def event(self, date: str, layer: str, type_: str, title: str, description: str | None = None,
              persons: tuple[str, ...] | list[str] = (), **fields: Any) -> str:
        event_id = f"e{len(self.events) + 1:03d}"
        event: dict[str, Any] = {"id": event_id, "date": date}
        if fields.get("end"):
            event["end"] = fields.pop("end")
        fields.pop("end", None)
        event.update({"layer": layer, "type": type_, "title": title})
        if description:
            event["description"] = description
        if persons:
            event["persons"] = list(persons)
        for key in ("organisation", "to_organisation", "source", "perspective", "statement_kind", "certainty",
                    "placement", "decision"):
            if fields.get(key) is not None:
                event[key] = fields.pop(key)
        unknown = {key for key, value in fields.items() if value is not None}
        if unknown:
            raise TypeError(f"unknown event fields: {sorted(unknown)}")
        self.events.append(event)
        return event_id

    def formal(self, date: str, type_: str, title: str, description: str | None = None, persons=(), **fields) -> str:
        return self.event(date, F, type_, title, description, persons, **fields)

    def voice(self, date: str, who: str, kind: str, title: str, description: str | None = None, *,
              type_: str = "experience", source: str, persons=None, **fields) -> str:
        """Something a person said or felt: below the line, in their own voice."""
        return self.event(date, L, type_, title, description, persons or [who], perspective=who,
                          statement_kind=kind, source=source, **fields)

    def life(self, date: str, title: str, description: str | None = None, persons=(), *, source: str,
             **fields) -> str:
        fields.setdefault("statement_kind", "fact")
        return self.event(date, L, "life_event", title, description, persons, source=source, **fields)

    def referral(self, date: str, from_org: str, to_org: str, title: str, description: str | None = None,
                 persons=(), *, source: str, **fields) -> str:
        return self.formal(date, "referral", title, description, persons, organisation=from_org,
                           to_organisation=to_org, source=source, **fields)

    def decision(self, date: str, title: str, description: str | None, persons, *, by: list[str], family: str,
                 rationale: str, source: str, type_: str = "decision", **fields) -> str:
        return self.formal(date, type_, title, description, persons, source=source,
                           decision={"decided_by": by, "family_involved": family, "rationale": rationale},
                           **fields)

    def placement(self, date: str, end: str | None, setting: str, location: str, org: str | None, title: str,
                  description: str | None, persons, *, source: str, crisis: bool = False, **fields) -> str:
        placement: dict[str, Any] = {"setting": setting, "location": location}
        if crisis:
            placement["crisis"] = True
        return self.formal(date, "placement", title, description, persons, end=end, organisation=org,
                           placement=placement, source=source, **fields)

    def handover(self, date: str, old: str, new: str, org: str, description: str, *, source: str) -> str:
        """A change of case manager: the old one hands the file to the new one."""
        return self.formal(date, "professional_contact", "Overdracht dossier aan nieuwe casusregisseur",
                           description, [old, new], organisation=org, source=source)

    # --- relationships --------------------------------------------------------------------------
    def rel(self, type_: str, source: str, target: str, **fields: Any) -> None:
        relationship = {"id": f"r{len(self.relationships) + 1:03d}", "type": type_, "source": source,
                        "target": target}
        relationship.update({key: value for key, value in fields.items() if value is not None})
        self.relationships.append(relationship)


def build_relationships(b: CaseBuilder) -> None:
    # kinship
    for parent in ("moeder", "vader"):
        b.rel("parent", parent, "sem")
        b.rel("parent", parent, "zus")
    for parent in ("vader", "partner-vader"):
        b.rel("parent", parent, "halfzus")
        b.rel("parent", parent, "halfbroer")
    b.rel("parent", "oma-m", "moeder")
    b.rel("parent", "opa-m", "moeder")
    b.rel("sibling", "vader", "oom", note="Grootouders van vaderskant zijn niet in beeld.")
    b.rel("parent", "ex-moeder", "sem", parent_kind="step", start="2010-05", end="2012-03")
    b.rel("parent", "pleegmoeder", "sem", parent_kind="foster", start="2013-01-14", end="2015-03-02")
    b.rel("parent", "pleegvader", "sem", parent_kind="foster", start="2013-01-14", end="2015-03-02")
    b.rel("partner", "vader", "moeder", status="separated", start="2003", separated="2008-04",
          note="Nooit getrouwd; vader heeft Sem en zijn zus erkend.")
    b.rel("partner", "moeder", "ex-moeder", status="separated", start="2010-05", separated="2012-03")
    b.rel("partner", "vader", "partner-vader", status="married", start="2010", married="2011-06-17")
    b.rel("partner", "pleegvader", "pleegmoeder", status="married", married="1995")
    b.rel("partner", "opa-m", "oma-m", status="divorced", married="1980", separated="1987", divorced="1988")
    # social / emotional
    b.rel("conflict", "moeder", "vader", start="2008-04", view="voogd1", info_source="src-gi-west",
          note="Jarenlange strijd over omgang en over wie schuld heeft aan Sems problemen.")
    b.rel("conflict", "vader", "moeder", start="2008-04", view="vader", info_source="src-int-vader")
    b.rel("cut_off", "moeder", "opa-m", start="~1995", view="moeder", info_source="src-int-moeder")
    b.rel("abuse", "ex-moeder", "sem", start="2010-05", end="2012-03", view="vt2", certainty="confirmed",
          info_source="src-vt")
    b.rel("abuse", "ex-moeder", "moeder", start="2011", end="2012-03", view="moeder", certainty="suspected",
          info_source="src-int-moeder")
    b.rel("close", "sem", "zus", view="zus", info_source="src-int-zus")
    b.rel("close", "sem", "oma-m", end="2016-10-04", view="moeder", info_source="src-int-moeder")
    b.rel("informal_care", "oma-m", "sem", start="2008", end="2013-01", view="moeder",
          info_source="src-int-moeder", note="Oma vangt Sem en zijn zus op als moeder het niet redt.")
    b.rel("informal_care", "zus", "moeder", start="2016", view="zus", info_source="src-int-zus",
          note="De zus van Sem zorgt voor moeder als het slecht met haar gaat.")
    b.rel("supportive", "trainer", "sem", start="2013-08", end="2019-04", view="sem", info_source="src-berichten")
    b.rel("supportive", "moeder-vriend", "sem", start="2018-11", view="vriend", info_source="src-int-prof")
    b.rel("close", "sem", "vriend", start="2017", view="zus", info_source="src-int-zus")
    b.rel("distant", "sem", "vader", start="2008", end="2018-06", view="sem", info_source="src-gi-west")
    b.rel("conflict", "sem", "partner-vader", start="2018-11", view="vader", info_source="src-int-vader")
    b.rel("close", "sem", "pleegmoeder", start="2013-01", end="2015-03", view="pleegmoeder",
          info_source="src-int-prof", certainty="disputed",
          note="Pleegmoeder noemt de band hecht; in het dossier staat 'Sem hecht zich niet'.")
    b.rel("distant", "moeder", "pleegmoeder", start="2013-01", end="2015-03", view="pz2")
    b.rel("supportive", "oom", "vader", view="vader", info_source="src-int-vader")
    # legal
    b.rel("parental_authority", "moeder", "sem", start="2005-02-17", end="2016-09-08", info_source="src-raad",
          note="Eenhoofdig gezag; beëindigd door de kinderrechter in 2016.")
    b.rel("parental_authority", "moeder", "zus", start="2007-03-02", info_source="src-raad")
    b.rel("guardianship", "voogd1", "sem", start="2016-09-08", end="2018-06", info_source="src-gi-west",
          note="Voogdij bij Jeugdbescherming West; uitgeoefend door de gezinsvoogd.")
    b.rel("guardianship", "voogd2", "sem", start="2018-06", end="2020-04", info_source="src-gi-oost")
    b.rel("guardianship", "voogd3", "sem", start="2020-04", end="2022-06-11", info_source="src-gi-oost")
    b.rel("contact_ban", "ex-moeder", "sem", start="2012-03", info_source="src-vt",
          note="Straatverbod na de mishandeling.")
    b.rel("supervised_contact", "vader", "sem", start="2012-09", end="2016-12", info_source="src-gi-west",
          note="Begeleide omgang; viel vaak uit door ruzie over afspraken.")
    b.rel("supervised_contact", "moeder", "sem", start="2017-08", end="2018-11", info_source="src-hoeve",
          note="Bezoek in De Hoeve onder begeleiding.")
    # professional: case managers, in order (five changes in ten years)
    managers = [("jb1", "2012-06", "2013-03"), ("jb2", "2013-03", "2014-05"), ("jb3", "2014-05", "2016-09"),
                ("voogd1", "2016-09", "2018-06"), ("voogd2", "2018-06", "2020-04"),
                ("voogd3", "2020-04", "2022-06-11")]
    for manager, start, end in managers:
        b.rel("case_manager_of", manager, "sem", start=start, end=end)
    b.rel("case_manager_of", "wt2", "sem", start="2011-02", end="2012-06", note="Regie vanuit het wijkteam.")
    for therapist, target, start, end in [
        ("bron-reg", "sem", "2013-05", "2014-09"), ("kompas-psych", "sem", "2015-05", "2015-11"),
        ("hoeve-beh", "sem", "2019-07", "2020-05"), ("bron-psych", "sem", "2019-09", "2022-06"),
        ("vz-moeder", "moeder", "2011-05", "2012-12"), ("vggz-moeder", "moeder", "2016-11", "2017-09"),
    ]:
        b.rel("treats", therapist, target, start=start, end=end)
    b.rel("works_with", "jb3", "pz2", start="2014-05", end="2015-03")
    b.rel("works_with", "voogd2", "hoeve-gw", start="2018-06", end="2020-04")
    b.rel("works_with", "voogd3", "hz-mentor", start="2020-05", end="2022-06")
    b.rel("works_with", "hz-ed", "sem", start="2021-10", end="2022-06-11", view="hz-ed")
    # conflicts between professionals: the parents' fight, played again between organisations
    b.rel("conflict", "jb3", "kompas-psych", start="2015-10", end="2015-12", view="jb3", info_source="src-gi-west",
          note="Kliniek: 'geen psychiatrische indicatie, dit is een opvoedvraag'. GI: 'de ggz laat hem vallen'.")
    b.rel("conflict", "hz-groep", "jb3", start="2016-03", end="2016-09", view="hz-groep", info_source="src-horizon",
          note="De groep verwijt de GI dat die moeder te veel ruimte geeft; de GI verwijt de groep dat die vader "
               "buiten de deur houdt.")
    b.rel("conflict", "voogd2", "hoeve-gw", start="2019-02", end="2019-07", view="voogd2",
          info_source="src-gi-oost")
    b.rel("conflict", "voogd3", "bron-psych", start="2022-04", end="2022-06", view="onderzoeker1",
          info_source="src-int-prof",
          note="Ggz wil eerst een stabiele woonplek; de voogd wil eerst behandeling. Beiden wachten op de ander.")
    b.rel("conflict", "leerplicht", "so-zoco", start="2016-10", end="2017-08", view="so-zoco", certainty="disputed",
          info_source="src-school")
    b.rel("distant", "wt2", "hz-gezin", start="2011-09", end="2012-03", view="wt2", info_source="src-horizon")
    b.rel("distant", "voogd1", "moeder", start="2016-09", end="2018-06", view="moeder", info_source="src-int-moeder")
    b.rel("supportive", "trainer", "vader", start="2016", end="2019-04", view="vader", info_source="src-int-vader")


def build_events(b: CaseBuilder) -> dict[str, str]:
    """The timeline, in order. Returns the ids the annotations point at."""
    key: dict[str, str] = {}
    gw, go, hz, ho, gg = "src-gi-west", "src-gi-oost", "src-horizon", "src-hoeve", "src-ggz"
    im, iv, iz, ip, br = "src-int-moeder", "src-int-vader", "src-int-zus", "src-int-prof", "src-berichten"

    # --- 2003-2009: the family -----------------------------------------------------------------
    b.life("2003", "Vader en moeder gaan samenwonen",
           "Moeder is negentien, vader tweeëntwintig. Ze wonen eerst bij oma M. in.",
           persons=["vader", "moeder"], source=im)
    b.life("2005-02-17", "Geboorte van Sem",
           "Sem wordt geboren in het ziekenhuis West; vader erkent hem.", persons=["sem", "moeder", "vader"], source=gw)
    b.formal("2005-04", "meeting", "Consultatiebureau: moeder 'onzeker en moe'",
             "De jeugdverpleegkundige noteert dat moeder weinig steun heeft en slecht slaapt.",
             ["ggd-vpk", "moeder", "sem"], organisation="org-ggd", source=gw)
    b.life("2007-03-02", "Geboorte van zijn zus", persons=["zus", "moeder", "vader", "sem"], source=iz)
    b.life("2008-04", "Vader en moeder gaan uit elkaar", "Vader vertrekt na een ruzie waarbij de politie komt.",
           ["vader", "moeder", "sem", "zus"], source=im)
    b.voice("2008-04", "moeder", "opinion", "Moeder: 'Hij liet ons gewoon zitten'", source=im)
    b.voice("2008-04", "vader", "opinion", "Vader: 'Ik werd de deur uit gezet en mocht mijn kinderen niet zien'",
            source=iv, certainty="disputed")
    b.life("2008-05", "Oma M. vangt Sem en zijn zus geregeld op", persons=["oma-m", "sem", "zus"], end="2013-01",
           source=im, perspective="moeder")
    b.formal("2009-05-16", "incident", "Ruzie bij de overdracht van de kinderen; politie komt",
             "Vader en moeder schreeuwen op straat; Sem (4) staat ertussen.",
             ["vader", "moeder", "sem", "wijkagent"], organisation="org-pol-west", source="src-vt")
    b.referral("2009-05-18", "org-pol-west", "org-vt-west", "Zorgmelding bij Veilig Thuis",
               "Standaardmelding na politie-inzet waarbij kinderen aanwezig waren.",
               persons=["wijkagent", "vt1"], source="src-vt")
    b.decision("2009-07", "Veilig Thuis sluit af met advies omgangsbemiddeling",
               "De kinderen zelf zijn niet gesproken.", ["vt1", "moeder", "vader"],
               by=["org-vt-west"], family="yes", rationale="Geen acute onveiligheid; conflict tussen ouders.",
               source="src-vt", type_="assessment", organisation="org-vt-west")
    b.voice("~2009", "moeder", "emotion", "Moeder: 'Ik stond er alleen voor met twee kleintjes'", source=im)

    # --- 2010-2012: first help, violence, first placement ------------------------------------
    b.life("2010-05", "Moeder krijgt een nieuwe partner; hij trekt bij hen in",
           persons=["moeder", "ex-moeder", "sem", "zus"], source=im)
    b.formal("2010-03", "meeting", "Wijkteam start opvoedondersteuning bij moeder",
             "Moeder vraagt zelf om hulp bij de opvoeding van Sem, die 'niet luistert'.", ["wt1", "moeder"],
             organisation="org-wt-west", source=gw, end="2011-02")
    b.handover("2011-02", "wt1", "wt2", "org-wt-west", "Gezinscoach vertrekt; de nieuwe coach leest het dossier "
               "maar spreekt de kinderen niet.", source=gw)
    b.formal("2011-03", "professional_contact", "Intern begeleider belt wijkteam: Sem slaat andere kinderen",
             "School vraagt of er thuis iets speelt; het wijkteam zegt dat het gezin in beeld is.",
             persons=["ib", "wt2"], organisation="org-bs", to_organisation="org-wt-west", source="src-school")
    b.referral("2011-04-04", "org-wt-west", "org-bron", "Wijkteam verwijst naar jeugd-ggz voor diagnostiek",
               "Vraag: 'is er sprake van ADHD?'. Wachttijd drie maanden.",
               persons=["wt2", "sem"], source=gg)
    b.formal("2011-06-20", "assessment", "Diagnostiek De Bron: ADHD, 'gehechtheidsproblematiek niet uit te sluiten'",
             "Advies: gezinsbehandeling en medicatie. Vader is niet uitgenodigd.", ["bron-psy", "sem", "moeder"],
             organisation="org-bron", source=gg)
    b.formal("2011-05", "treatment", "Moeder in behandeling bij de verslavingszorg (alcohol)",
             "Moeder meldt zich zelf aan. De behandelaar weet niet dat er een gezinsbehandeling loopt.",
             ["moeder", "vz-moeder"], end="2012-12", organisation="org-verslaving", source=im)
    b.referral("2011-09", "org-bron", "org-horizon", "De Bron verwijst door naar gezinsbehandeling Horizon",
               "Advies uit de diagnostiek; De Bron zelf sluit af.",
               persons=["bron-psy", "hz-gezin"], source=gg)
    b.formal("2011-09-12", "treatment", "Ambulante gezinsbehandeling Horizon",
             "Twee keer per week thuis. De partner van moeder doet niet mee aan de gesprekken.",
             ["hz-gezin", "moeder", "sem", "ex-moeder"], end="2012-03", organisation="org-horizon", source=hz)
    b.formal("2011-11", "professional_contact", "Leerkracht meldt: 'Sem is op maandag altijd anders'",
             "Aantekening in het leerlingdossier; niemand vraagt door wat er in de weekenden gebeurt.",
             ["leerkracht", "ib"], organisation="org-bs", source="src-school", statement_kind="interpretation")
    b.formal("2012-03-05", "incident", "Sem komt met blauwe plekken op school",
             "Sem (7) vertelt de leerkracht dat de vriend van zijn moeder hem heeft geslagen.",
             ["sem", "leerkracht", "ib"], organisation="org-bs", source="src-school")
    b.referral("2012-03-05", "org-bs", "org-vt-west", "School meldt mishandeling bij Veilig Thuis",
               "De intern begeleider belt dezelfde middag.",
               persons=["ib", "vt2"], source="src-vt")
    b.formal("2012-03-06", "assessment", "Veilig Thuis: mishandeling door de partner van moeder bevestigd",
             "Huisbezoek en gesprek met Sem op school; er zijn foto's van de blauwe plekken.",
             ["vt2", "sem", "moeder"], organisation="org-vt-west", source="src-vt")
    b.life("2012-03", "Moeder zet haar partner het huis uit; straatverbod",
           persons=["moeder", "ex-moeder"], source=im)
    key["crisis1"] = b.placement(
        "2012-03-07", "2012-05-25", "crisis_shelter", "crisisgroep Het Baken", "org-crisis",
        "Crisisplaatsing Sem", "Sem wordt dezelfde dag opgehaald van school; moeder hoort het telefonisch.",
        ["sem", "crisis1"], source="src-vt", crisis=True)
    b.decision("2012-03-06", "Besluit tot crisisplaatsing zonder overleg met de ouders", None, ["vt2", "wt2"],
               by=["org-vt-west", "org-wt-west"], family="no",
               rationale="Acute onveiligheid; moeder bereikbaar noch in staat Sem te beschermen.",
               source="src-vt", organisation="org-vt-west")
    b.voice("2012-03", "moeder", "emotion", "Moeder: 'Ze namen hem mee terwijl ik het juist goed deed'",
            "Moeder had haar partner die dag zelf weggestuurd.", source=im, certainty="disputed")
    b.referral("2012-04-02", "org-vt-west", "org-raad", "Veilig Thuis vraagt de Raad om onderzoek",
               persons=["vt2", "raad1"], source="src-raad")
    b.formal("2012-04-10", "assessment", "Raadsonderzoek",
             "Vader vraagt in het onderzoek of Sem bij hem kan wonen; dat wordt 'nu niet passend' genoemd.",
             ["raad1", "sem", "moeder", "vader"],
             end="2012-06-01", organisation="org-raad", source="src-raad")
    key["ots"] = b.decision("2012-06-14", "Ondertoezichtstelling en machtiging uithuisplaatsing", None,
                            ["kr1", "sem", "moeder", "vader", "raad1"], by=["kr1"], family="yes",
                            rationale="Onveiligheid thuis; ouders werken niet samen.", source="src-raad",
                            type_="court_order", organisation="org-rb-west", to_organisation="org-gi-west",
                            end="2013-06-14")
    b.placement("2012-05-25", "2013-01-14", "kinship_care", "bij oma M.", "org-gi-west",
                "Sem gaat bij oma M. wonen", "Tijdelijke oplossing in afwachting van een pleeggezin.",
                ["sem", "oma-m"], source=gw)
    b.formal("2012-06-20", "meeting", "Kennismaking jeugdbeschermer 1",
             "Bij oma thuis. Sem vraagt wanneer hij weer naar huis mag.", ["jb1", "sem", "moeder", "oma-m"],
             organisation="org-gi-west", source=gw)
    b.voice("2012-07", "sem", "emotion", "Sem: 'Bij oma mag ik gewoon Sem zijn'", "Tekening met tekst, bewaard "
            "door zijn zus.", source=br)
    b.formal("2012-09", "meeting", "Start begeleide omgang met vader",
             "Eens per twee weken, op het kantoor van de jeugdbescherming.", ["jb1", "vader", "sem"],
             organisation="org-gi-west", source=gw)
    b.voice("2012-10", "oma-m", "fact", "Oma: 'Ik ben 54 en heb een slechte rug; ik kan dit niet lang'",
            type_="statement_of_need", source=gw)

    # --- 2013-2015: foster family, handovers, breakdown -----------------------------------------
    b.decision("2012-12-10", "Besluit: plaatsing in een bestandspleeggezin", None, ["jb1", "pz1"],
               by=["jb1", "org-pleegzorg"], family="no",
               rationale="Oma kan niet langer; in het netwerk is niemand gevonden. Vader is niet gevraagd.",
               source=gw, organisation="org-gi-west")
    b.referral("2012-12-11", "org-gi-west", "org-pleegzorg", "Aanmelding bij pleegzorg",
               "Geen netwerkonderzoek: oom R. en de ouders van vaders partner worden niet gevraagd.",
               persons=["jb1", "pz1"],
               source=gw)
    key["pleeg"] = b.placement("2013-01-14", "2015-03-02", "foster_family", "pleeggezin V.", "org-pleegzorg",
                               "Plaatsing in pleeggezin V.", "Een uur rijden van moeder, vader en de school.",
                               ["sem", "pleegmoeder", "pleegvader", "pz1"], source=gw)
    b.voice("2013-01", "zus", "emotion", "Zus: 'Ik mocht hem niet meer elke dag zien'", source=iz)
    b.handover("2013-03", "jb1", "jb2", "org-gi-west", "Jeugdbeschermer 1 vertrekt naar een ander team.",
               source=gw)
    b.decision("2013-06-10", "OTS verlengd", None, ["kr1", "jb2", "sem"], by=["kr1"], family="yes",
               rationale="Plaatsing in pleeggezin; terugkeer niet in zicht.", source=gw, type_="court_order",
               organisation="org-rb-west", end="2014-06-14")
    b.referral("2013-05", "org-pleegzorg", "org-bron", "Pleegzorg verwijst naar De Bron voor behandeling",
               "Pleegouders vragen om hulp bij Sems woedeaanvallen.",
               persons=["pz1", "bron-reg"], source=gg)
    b.formal("2013-05-27", "treatment", "Behandeling De Bron: agressieregulatie",
             "Individuele gesprekken en speltherapie; pleegouders krijgen ouderbegeleiding, moeder niet.",
             ["bron-reg", "sem"],
             end="2014-09", organisation="org-bron", source=gg)
    b.life("2013-08", "Sem gaat op voetbal; de trainer ziet hem elke week",
           persons=["sem", "trainer", "pleegvader"], source=br)
    b.voice("2013-10", "pleegmoeder", "interpretation", "Pleegmoeder: 'Hij test of we hem ook wegsturen'",
            source=ip, type_="experience")
    b.formal("2014-01", "meeting", "Evaluatie pleegzorg: 'Sem hecht zich niet'",
             "Conclusie van de pleegzorgbegeleider; de pleegmoeder herkent zich er niet in.",
             ["pz1", "jb2", "pleegmoeder"], organisation="org-pleegzorg", source=gw,
             statement_kind="interpretation", certainty="disputed")
    b.handover("2014-02", "pz1", "pz2", "org-pleegzorg", "Wisseling pleegzorgbegeleider door reorganisatie.",
               source=gw)
    b.handover("2014-05", "jb2", "jb3", "org-gi-west", "Jeugdbeschermer 2 met langdurig verlof.", source=gw)
    b.decision("2014-06-12", "OTS verlengd", None, ["kr1", "jb3", "sem"], by=["kr1"], family="yes",
               rationale="Pleeggezin stabiel; moeder nog in behandeling.", source=gw, type_="court_order",
               organisation="org-rb-west", end="2015-06-14")
    b.life("2014-08", "Sem gaat naar het speciaal onderwijs", persons=["sem", "so-mentor"],
           organisation="org-so", source="src-school")
    b.formal("2014-09", "meeting", "Behandeling De Bron afgesloten: 'doelen deels behaald'",
             "Afgesloten omdat de indicatie afloopt, niet omdat het klaar is.",
             ["bron-reg", "jb3"], organisation="org-bron", source=gg)
    b.life("2014-11-03", "Geboorte halfbroer bij vader", persons=["halfbroer", "vader", "partner-vader"], source=iv)
    b.voice("2014-12", "vader", "opinion", "Vader: 'Ik vroeg om meer omgang; niemand belde terug'",
            type_="statement_of_need", source=iv)
    b.formal("2015-02-20", "incident", "Sem beschadigt zichzelf na ruzie in het pleeggezin",
             "Eerste keer dat zelfbeschadiging wordt genoteerd.", ["sem", "pleegmoeder", "kinderarts"],
             organisation="org-ziekenhuis", source=gw)
    b.decision("2015-03-02", "Pleeggezin stopt; crisisplaatsing", None, ["jb3", "pz2", "pleegmoeder"],
               by=["org-pleegzorg", "jb3"], family="no",
               rationale="Pleegouders kunnen de veiligheid niet meer bieden.", source=gw,
               organisation="org-pleegzorg")
    b.voice("2015-03", "pleegmoeder", "emotion", "Pleegmoeder: 'We hadden hulp gevraagd, we kregen een einddatum'",
            source=ip, certainty="disputed")
    b.placement("2015-03-02", "2015-05-11", "crisis_shelter", "crisisgroep Het Baken", "org-crisis",
                "Tweede crisisplaatsing",
                "Sem wordt met twee vuilniszakken kleding bij de crisisopvang afgezet.",
                ["sem", "crisis2"], source=gw, crisis=True)
    b.voice("2015-03", "sem", "emotion", "Sem (10): 'Weer een nieuwe kamer'", source=br)
    b.referral("2015-04", "org-gi-west", "org-kompas", "Verwijzing naar kliniek Het Kompas voor observatie",
               "Vraag: 'welke problematiek ligt onder het gedrag?'",
               persons=["jb3", "kompas-psych"], source=gg)
    key["kompas"] = b.placement("2015-05-11", "2015-11-27", "open_residential", "kliniek Het Kompas, open afdeling",
                                "org-kompas", "Klinische observatie in de jeugd-ggz",
                                "Zes maanden observatie; Sem gaat naar de school van de kliniek.",
                                ["sem", "kompas-psych", "kompas-socio"], source=gg)
    b.formal("2015-10-15", "assessment", "Observatieverslag: 'geen psychiatrische indicatie'",
             "Advies: pedagogisch klimaat met vaste opvoeders, geen klinische behandeling.",
             ["kompas-psych", "kompas-socio", "sem"], organisation="org-kompas", source="src-kompas-obs")
    key["terug"] = b.referral("2015-10-20", "org-kompas", "org-gi-west", "Kliniek verwijst terug naar de GI",
                              "'Dit is geen ggz-vraag.' De GI heeft nog geen plek.", ["kompas-psych", "jb3"],
                              source=gg)
    key["ruzie-ggz"] = b.formal("2015-11", "professional_contact", "GI en kliniek botsen over wie verantwoordelijk is",
                                "De GI vindt dat de ggz Sem laat vallen; de kliniek vindt dat de GI een plek had "
                                "moeten zoeken.", ["jb3", "kompas-psych", "tl-west"], organisation="org-gi-west",
                                to_organisation="org-kompas", source=gw)
    b.decision("2015-06-11", "OTS verlengd", None, ["kr1", "jb3", "sem"], by=["kr1"], family="yes",
               rationale="Observatie loopt; perspectief onduidelijk.", source=gw, type_="court_order",
               organisation="org-rb-west", end="2016-06-14")
    b.referral("2015-11", "org-gi-west", "org-horizon", "Aanmelding open groep Horizon",
               "Er is geen gezinshuis beschikbaar; de groep is 'tweede keus'.",
               persons=["jb3", "hz-groep"], source=gw)
    key["horizon1"] = b.placement("2015-11-27", "2016-09-15", "open_residential", "open groep Horizon",
                                  "org-horizon", "Plaatsing op open groep Horizon",
                                  "Twaalf jongeren, wisselende diensten. Sem is de jongste.", ["sem", "hz-groep"],
                                  source=hz)
    b.voice("2015-12", "moeder", "emotion", "Moeder: 'Ik hoorde pas na een week waar hij zat'", source=im)

    # --- 2016-2017: authority ended, family home, escalation -----------------------------------
    b.formal("2016-02", "incident", "Sem loopt weg van de groep en slaapt bij moeder",
             "De groep belt de politie; moeder wordt verweten dat zij hem 'heeft laten komen'.",
             ["sem", "moeder", "hz-groep", "wijkagent"], organisation="org-horizon", source=hz,
             certainty="disputed")
    b.voice("2016-02", "sem", "fact", "Sem: 'Ik wilde naar mama, zij was ziek'", source=br)
    b.formal("2016-03-01", "professional_contact", "Groep en GI oneens over de ouders",
             "Horizon vindt dat de GI moeder te veel ruimte geeft; de GI vindt dat Horizon vader buiten de deur "
             "houdt.", ["hz-groep", "jb3"], organisation="org-horizon", to_organisation="org-gi-west", source=hz)
    b.referral("2016-03-07", "org-gi-west", "org-raad", "GI vraagt de Raad om onderzoek naar gezagsbeëindiging",
               "Moeder hoort het van de raadsonderzoeker, niet van de jeugdbeschermer.",
               persons=["jb3", "raad2"], source="src-raad")
    b.formal("2016-03-15", "assessment", "Raadsonderzoek naar beëindiging van het gezag van moeder",
             "Moeder is in die periode opgenomen geweest; zij wordt één keer gesproken.",
             ["raad2", "moeder", "vader", "sem"], end="2016-07-20", organisation="org-raad", source="src-raad")
    b.formal("2016-04", "meeting", "Moeder neemt een advocaat", None, ["moeder", "advocaat"],
             organisation="org-advocaat", source=im)
    b.voice("2016-05", "moeder", "opinion", "Moeder: 'Ze willen mij mijn kind afpakken omdat ik ziek ben'",
            source=im)
    b.voice("2016-05", "vader", "opinion", "Vader: 'Eindelijk zien ze dat het bij haar niet gaat'", source=iv)
    b.decision("2016-06-13", "OTS verlengd in afwachting van het gezagsbesluit", None, ["kr1", "jb3"],
               by=["kr1"], family="yes", rationale="Raadsonderzoek loopt.", source=gw, type_="court_order",
               organisation="org-rb-west", end="2016-09-08")
    key["gezag"] = b.decision("2016-09-08", "Kinderrechter beëindigt het gezag van moeder; voogdij bij de GI", None,
                              ["kr1", "moeder", "vader", "advocaat", "raad2", "sem"], by=["kr1"], family="yes",
                              rationale="Moeder kan binnen aanvaardbare termijn de verantwoordelijkheid niet "
                                        "dragen. Vader heeft geen gezag en vraagt er niet om.",
                              source="src-raad", type_="court_order", organisation="org-rb-west",
                              to_organisation="org-gi-west")
    b.handover("2016-09", "jb3", "voogd1", "org-gi-west", "Na de gezagsbeëindiging gaat het dossier naar het "
               "voogdijteam.", source=gw)
    b.decision("2016-09-12", "Besluit: gezinshuis in plaats van groep", None, ["voogd1", "tl-west"],
               by=["voogd1", "tl-west"], family="no",
               rationale="Na de uitspraak snel rust; ouders niet betrokken bij de keuze.", source=gw,
               organisation="org-gi-west")
    b.placement("2016-09-15", "2017-04-03", "family_home", "gezinshuis De Linde", "org-gezinshuis",
                "Plaatsing in gezinshuis De Linde",
                "Gezinshuisouders met twee eigen kinderen en drie geplaatste kinderen.", ["sem", "gh-ouder"], source=gw)
    b.life("2016-10-04", "Oma M. overlijdt", "Sem hoort het van zijn zus via een appje.",
           ["oma-m", "moeder", "sem", "zus"], source=iz)
    b.voice("2016-10", "sem", "emotion", "Sem: 'Zij was de enige die altijd bleef'", source=br)
    b.formal("2016-10", "meeting", "Leerplicht: Sem verzuimt structureel",
             "Gesprek met Sem en de zorgcoördinator. De voogd is niet uitgenodigd.", ["leerplicht", "so-zoco", "sem"],
             organisation="org-gem-west", source="src-school")
    b.formal("2016-11", "treatment", "Moeder in behandeling bij de volwassenen-ggz", None,
             ["moeder", "vggz-moeder"], end="2017-09", organisation="org-vggz", source=im)
    b.voice("2016-12", "gh-ouder", "emotion", "Gezinshuisouder: 'Niemand vertelde ons over het verdriet om oma'",
            source=ip)
    b.formal("2017-01", "incident", "Sem vernielt zijn kamer in het gezinshuis",
             "Drie maanden na het overlijden van oma.", ["sem", "gh-ouder"],
             organisation="org-gezinshuis", source=gw)
    b.life("2017-01", "Sem leert vriend D. kennen bij zijn vader in de wijk", persons=["sem", "vriend", "vader"],
           source=iz)
    b.formal("2017-03-30", "incident", "Sem bedreigt de gezinshuisouder met een schaar", None,
             ["sem", "gh-ouder"], organisation="org-gezinshuis", source=gw)
    b.decision("2017-04-03", "Gezinshuis stopt de plaatsing",
               "Een dag na het incident; Sem wordt van school gehaald.", ["gh-ouder", "voogd1"],
               by=["org-gezinshuis"], family="no", rationale="Veiligheid van de andere kinderen in huis.",
               source=gw, organisation="org-gezinshuis")
    b.placement("2017-04-03", "2017-05-08", "crisis_shelter", "crisisgroep Het Baken", "org-crisis",
                "Derde crisisplaatsing",
                "Dezelfde crisisgroep als in 2012 en 2015.", ["sem", "crisis2"], source=gw, crisis=True)
    b.placement("2017-05-08", "2017-08-21", "open_residential", "open groep Horizon", "org-horizon",
                "Terug naar open groep Horizon", "Dezelfde groep als in 2016; andere groepsgenoten.",
                ["sem", "hz-groep"], source=hz)
    b.formal("2017-06", "incident", "Winkeldiefstal met vrienden", "Eerste contact met justitie.", ["sem", "wijkagent"],
             organisation="org-pol-west", source=gw)
    b.referral("2017-06", "org-pol-west", "org-halt", "Politie verwijst naar Halt", persons=["wijkagent", "halt"],
               source=gw)
    b.formal("2017-07", "treatment", "Halt-afdoening afgerond", None, ["halt", "sem"], organisation="org-halt",
             source=gw)
    b.formal("2017-07", "incident", "Sem vijf dagen vermist; signalen van drugsrunnen", None,
             ["sem", "wijkagent", "hz-groep"], organisation="org-pol-west", source=gw, certainty="suspected",
             statement_kind="assumption", end="2017-07-20")
    key["gesloten-besluit"] = b.decision(
        "2017-08-10", "Voogd vraagt machtiging gesloten jeugdhulp aan", None, ["voogd1", "tl-west", "hz-groep"],
        by=["voogd1", "org-gi-west"], family="no",
        rationale="Weglopen, criminaliteit en zelfbeschadiging; 'alles in open setting is geprobeerd'.",
        source=gw, type_="meeting", organisation="org-gi-west")
    b.decision("2017-08-18", "Machtiging gesloten jeugdhulp", None, ["kr1", "voogd1", "sem", "moeder"],
               by=["kr1"], family="yes", rationale="Ernstige opgroeiproblemen; gesloten plaatsing noodzakelijk.",
               source=gw, type_="court_order", organisation="org-rb-west", end="2018-02-18")
    key["hoeve1"] = b.placement("2017-08-21", "2018-11-12", "closed_youth_care", "JeugdzorgPlus De Hoeve",
                                "org-hoeve", "Plaatsing in gesloten jeugdzorg De Hoeve",
                                "Sem is twaalf en de jongste op de groep.",
                                ["sem", "hoeve-mentor", "hoeve-gw"], source=ho)
    b.voice("2017-08", "sem", "emotion", "Sem (12): 'Ik zit vast en niemand zegt hoe lang'", source=br)
    b.voice("2017-09", "zus", "emotion", "Zus: 'Op bezoek door drie deuren; ik durfde niks te zeggen'", source=iz)
    b.formal("2017-09", "meeting", "Begeleid bezoek moeder in De Hoeve", None, ["moeder", "sem", "hoeve-mentor"],
             organisation="org-hoeve", source=ho)
    b.formal("2017-10", "treatment", "Groepsbehandeling agressieregulatie in De Hoeve",
             "Programma van twaalf weken, twee keer herhaald.",
             ["hoeve-gw", "sem"], end="2018-09", organisation="org-hoeve", source=ho)
    b.formal("2018-02-15", "court_order", "Machtiging gesloten jeugdhulp verlengd", None,
             ["kr1", "voogd1", "sem"], organisation="org-rb-west", source=gw, end="2018-11-15",
             decision={"decided_by": ["kr1"], "family_involved": "unknown",
                       "rationale": "Het dossier vermeldt niet of moeder of vader zijn gehoord."})

    # --- 2018-2019: to father's region, home, detention ---------------------------------------
    b.voice("2018-03", "sem", "opinion", "Sem: 'Ik wil bij papa wonen'",
            "Sem zegt het tegen zijn mentor; het staat in het weekrapport.", type_="statement_of_need", source=ho)
    b.voice("2018-04", "vader", "fact", "Vader: 'Ik wil het proberen, met mijn vrouw en de kleintjes erbij'",
            type_="statement_of_need", source=iv)
    key["overdracht-gi"] = b.referral(
        "2018-06-01", "org-gi-west", "org-gi-oost", "Voogdij overgedragen aan Jeugdbescherming Oost",
        "Verhuizing van het voogdijdossier omdat het perspectief bij vader in Oost ligt.", ["voogd1", "voogd2"],
        source=go)
    b.handover("2018-06", "voogd1", "voogd2", "org-gi-oost", "Warme overdracht van één gesprek; de rest via het "
               "dossier.", source=go)
    b.formal("2018-07", "meeting", "Kennismaking voogd 2 met Sem in De Hoeve",
             "Sem vraagt of deze voogd 'ook weer weggaat'.", ["voogd2", "sem", "hoeve-gw"],
             organisation="org-gi-oost", source=go)
    b.decision("2018-10-25", "Besluit: Sem gaat bij vader wonen", None,
               ["voogd2", "vader", "partner-vader", "sem", "hoeve-gw"], by=["voogd2", "org-gi-oost"], family="yes",
               rationale="Sem en vader willen het; vader heeft een stabiele thuissituatie.", source=go,
               type_="meeting", organisation="org-gi-oost")
    b.voice("2018-10", "moeder", "emotion", "Moeder: 'Over mijn zoon werd beslist en ik hoorde het achteraf'",
            source=im)
    key["thuis-vader"] = b.placement("2018-11-12", "2019-04-02", "home", "bij vader en zijn gezin", "org-gi-oost",
                                     "Sem gaat bij vader wonen",
                                     "Eerste keer sinds 2008 dat Sem bij een ouder woont.",
                                     ["sem", "vader", "partner-vader", "halfzus",
                                                                        "halfbroer"], source=go)
    b.formal("2018-11-19", "meeting", "Wijkcoach Oost start gezinsondersteuning bij vader",
             "Vooral gericht op de partner van vader en de jonge kinderen.",
             ["wt3", "vader", "partner-vader"], organisation="org-wt-oost", source=go, end="2019-06")
    b.life("2018-11", "Sem begint op het vso en gaat weer voetballen", persons=["sem", "vso-mentor", "trainer"],
           source=iv)
    b.life("2018-11", "Moeder van vriend D. biedt Sem een slaapplek als het thuis botst",
           persons=["moeder-vriend", "sem", "vriend"], source=ip, statement_kind="fact")
    b.voice("2018-12", "partner-vader", "emotion", "Partner van vader: 'Ik was bang voor hem en schaamde me "
            "daarvoor'", source=iv)
    b.formal("2019-02", "professional_contact", "Voogd en De Hoeve oneens over de nazorg",
             "De Hoeve vindt dat de voogd te snel naar huis ging; de voogd vindt dat De Hoeve geen nazorg bood.",
             ["voogd2", "hoeve-gw"], organisation="org-gi-oost", to_organisation="org-hoeve", source=go)
    b.formal("2019-03-08", "incident", "Ruzie thuis; Sem duwt de partner van vader",
             "De halfzus van Sem belt 112.", ["sem", "partner-vader", "halfzus", "jeugdagent"],
             organisation="org-pol-oost", source="src-vt")
    b.referral("2019-03-09", "org-pol-oost", "org-vt-oost", "Politie meldt bij Veilig Thuis Oost",
               "Melding huiselijk geweld: zoon tegen stiefmoeder.",
               persons=["jeugdagent", "vt3"], source="src-vt")
    b.formal("2019-03-20", "assessment", "Veilig Thuis Oost: triage, overdracht aan de voogd",
             "Geen eigen onderzoek omdat er al een voogd is.",
             ["vt3", "voogd2", "vader"], organisation="org-vt-oost", source="src-vt")
    b.formal("2019-04-01", "incident", "Sem wordt aangehouden na een straatroof met oudere jongens",
             "Vriend D. is erbij maar wordt niet aangehouden.",
             ["sem", "jeugdagent", "vriend"], organisation="org-pol-oost", source=go)
    b.voice("2019-04", "moeder-vriend", "opinion", "Moeder van vriend D.: 'Hij stond bij ons op de stoep, "
            "niemand heeft ons ooit iets gevraagd'", source=ip)
    key["jji"] = b.placement("2019-04-02", "2019-07-05", "youth_detention", "JJI Het Keerpunt", "org-jji",
                             "Voorlopige hechtenis in een justitiële jeugdinrichting",
                             "Drie maanden; daarna geen terugkeer naar vader.", ["sem", "jji-mentor"],
                             source=go)
    b.decision("2019-04-02", "Rechter-commissaris: voorlopige hechtenis", None, ["kr2", "sem"], by=["kr2"],
               family="unknown", rationale="Ernst van het feit; recidiverisico.", source=go,
               type_="court_order", organisation="org-rb-oost")
    b.formal("2019-04-08", "meeting", "Jeugdreclassering naast de voogdij", "Nu twee casusregisseurs uit dezelfde "
             "organisatie met verschillende opdrachten.", ["jr", "voogd2", "sem"], organisation="org-gi-oost",
             source=go, end="2020-10")
    b.life("2019-04", "Sem stopt met voetbal; de trainer hoort niets meer", persons=["trainer"], source=iv)
    b.voice("2019-05", "vader", "emotion", "Vader: 'Ik had gefaald, dacht ik, net als zijn moeder'", source=iv)
    b.voice("2019-05", "sem", "emotion", "Sem: 'Hier weet tenminste iedereen wat de regels zijn'", source=br)
    b.formal("2019-06-12", "meeting", "Overleg voogd, jeugdreclassering en De Hoeve over de plek na de JJI",
             "Vader wordt niet uitgenodigd; hij heeft laten weten dat het thuis niet meer gaat.",
             ["voogd2", "jr", "hoeve-gw", "gw-oost"], organisation="org-gi-oost", source=go,
             decision={"decided_by": ["voogd2", "gw-oost"], "family_involved": "no",
                       "rationale": "Geen open plek beschikbaar; risico op weglopen te groot."})
    b.formal("2019-07-03", "court_order", "Nieuwe machtiging gesloten jeugdhulp", None,
             ["kr2", "voogd2", "sem"], organisation="org-rb-oost", source=go, end="2020-07-03",
             decision={"decided_by": ["kr2"], "family_involved": "yes", "rationale": "Geen alternatief."})
    key["hoeve2"] = b.placement("2019-07-05", "2020-05-18", "closed_youth_care", "JeugdzorgPlus De Hoeve",
                                "org-hoeve", "Opnieuw naar De Hoeve", "Dezelfde groep als in 2017.",
                                ["sem", "hoeve-mentor", "hoeve-beh"], source=ho)
    b.formal("2019-07-15", "treatment", "Traumascreening en behandeling in De Hoeve",
             "Voor het eerst wordt gevraagd naar de mishandeling in 2012.", ["hoeve-beh", "sem"],
             end="2020-05", organisation="org-hoeve", source=ho)
    b.referral("2019-09", "org-hoeve", "org-bron", "De Hoeve vraagt psychiatrisch consult bij De Bron",
               "Dezelfde organisatie als in 2011 en 2013; andere behandelaar.",
               persons=["hoeve-beh", "bron-psych"], source=gg)
    b.formal("2019-09-24", "assessment", "Psychiater De Bron: depressieve klachten, start medicatie",
             "Consult op afstand; controle via De Hoeve.",
             ["bron-psych", "sem"], organisation="org-bron", source=gg)
    b.voice("2019-11", "sem", "emotion", "Sem (14): 'Ik ben het kind dat overal weggaat'", source=br)
    b.formal("2019-12", "meeting", "Perspectiefplan: 'toewerken naar zelfstandigheid'",
             "Niemand noemt thuis als perspectief; moeder en vader zijn niet aanwezig.",
             ["voogd2", "hoeve-beh", "sem"], organisation="org-hoeve", source=ho,
             decision={"decided_by": ["voogd2", "org-hoeve"], "family_involved": "no",
                       "rationale": "Ouders niet in staat; Sem is bijna vijftien."})

    # --- 2020-2022: kamertraining, fading contact, the last months -----------------------------
    b.handover("2020-04", "voogd2", "voogd3", "org-gi-oost", "Voogd 2 vertrekt bij de organisatie; overdracht "
               "via een telefoongesprek tijdens de coronamaatregelen.", source=go)
    b.voice("2020-04", "sem", "fact", "Sem: 'Nummer zes. Ik vertel het niet opnieuw'", source=br)
    b.referral("2020-04", "org-gi-oost", "org-horizon", "Aanmelding kamertraining bij Horizon",
               "Sem is vijftien; kamertraining is bedoeld vanaf zestien.",
               persons=["voogd3", "hz-mentor"], source=go)
    key["kamer"] = b.placement("2020-05-18", "2022-06-11", "open_residential", "kamertraining Horizon Oost",
                               "org-horizon", "Kamertraining bij Horizon",
                               "Eigen kamer, begeleiding op afspraak; de derde plaatsing bij Horizon.",
                               ["sem", "hz-mentor"], source=hz)
    b.formal("2020-05", "meeting", "Afsluiting behandeling De Hoeve zonder overdracht aan een ambulante "
             "behandelaar", None, ["hoeve-beh", "voogd3"], organisation="org-hoeve", source=ho)
    b.formal("2020-06", "meeting", "Jeugdconsulent geeft beschikking kamertraining af voor één jaar", None,
             ["consulent", "voogd3"], organisation="org-gem-oost", source=go,
             decision={"decided_by": ["org-gem-oost"], "family_involved": "no",
                       "rationale": "Beschikking op basis van het verzoek van de voogd."})
    b.formal("2020-10", "meeting", "Jeugdreclassering afgesloten",
             "Taakstraf uitgevoerd; de voogd blijft.", ["jr", "voogd3"],
             organisation="org-gi-oost", source=go)
    b.voice("2020-11", "zus", "fact", "Zus: 'Hij belde mij elke avond; niemand wist dat'", source=iz)
    b.formal("2021-02", "incident", "Sem blowt dagelijks; begeleiding maakt zich zorgen",
             "Vastgelegd in het dagrapport; geen actie afgesproken.",
             ["sem", "hz-mentor"], organisation="org-horizon", source=hz, certainty="suspected",
             statement_kind="assumption")
    b.formal("2021-05", "meeting", "Beschikking kamertraining verlengd", None, ["consulent", "voogd3"],
             organisation="org-gem-oost", source=go)
    b.life("2021-07", "Sem stopt met school", persons=["sem", "vso-mentor"], source="src-school")
    b.formal("2021-07", "professional_contact", "School meldt uitschrijving aan de voogd per brief",
             "De brief komt aan op het adres van de vorige voogd.",
             ["vso-mentor", "voogd3"], organisation="org-vso", to_organisation="org-gi-oost", source="src-school")
    key["ed"] = b.formal("2021-10", "meeting", "Ervaringsdeskundige van Horizon wordt Sems maatje",
                         "Voor het eerst in jaren iemand met wie Sem uit zichzelf afspreekt.",
                         ["hz-ed", "sem", "hz-mentor"], organisation="org-horizon", source=hz)
    b.voice("2021-11", "hz-ed", "interpretation", "Ervaringsdeskundige: 'Hij wilde niet geholpen worden, hij wilde "
            "ergens bij horen'", source=ip)
    b.voice("2021-12", "sem", "emotion", "Sem: 'Kerst bij de moeder van D. Voelde als thuis'", source=br)
    b.voice("2022-01", "moeder", "emotion", "Moeder: 'Ik zag hem minder dan ooit, maar hij klonk rustiger'",
            source=im)
    b.formal("2022-03", "incident", "Sem vertelt de ervaringsdeskundige dat hij 'niet meer wil'",
             "De ervaringsdeskundige meldt het aan de mentor; die mailt de voogd.", ["sem", "hz-ed", "hz-mentor"],
             organisation="org-horizon", source=hz)
    key["verwijzing-ggz"] = b.referral("2022-03-24", "org-gi-oost", "org-bron",
                                       "Voogd verwijst naar De Bron voor behandeling",
                                       "Vraag om spoed; de verwijzing gaat per mail.",
                                       persons=["voogd3", "bron-psych"], source=gg)
    b.decision("2022-04-05", "De Bron: wachttijd zeven weken, eerst stabiele woonplek", None, ["bron-psych"],
               by=["org-bron"], family="no", rationale="Behandeling pas zinvol bij stabiele woonsituatie.",
               source=gg, organisation="org-bron")
    key["terug-ggz"] = b.referral("2022-04-06", "org-bron", "org-gi-oost",
                                  "De Bron verwijst terug: 'eerst de woonplek regelen'",
                                  persons=["bron-psych", "voogd3"], source=gg)
    key["ruzie-2022"] = b.formal("2022-04-20", "professional_contact", "Voogd en psychiater wachten op elkaar",
                                 "De voogd wil eerst behandeling, de psychiater eerst een stabiele woonplek. Er "
                                 "volgt geen gezamenlijk overleg.", ["voogd3", "bron-psych"],
                                 organisation="org-gi-oost", to_organisation="org-bron", source=go)
    b.formal("2022-05", "meeting", "Huisarts Oost ziet Sem voor slaapproblemen",
             "De huisarts weet niet dat er een verwijzing naar De Bron loopt.", ["ha2", "sem"],
             organisation="org-ha-oost", source=gg)
    b.voice("2022-05", "sem", "emotion", "Sem aan zijn zus: 'Ik ben zo moe van iedereen'", source=br)
    b.formal("2022-05-30", "meeting", "Geplande bespreking van de zorgen afgezegd wegens ziekte", None,
             ["voogd3", "hz-mentor"], organisation="org-gi-oost", source=go)
    key["overlijden"] = b.life("2022-06-11", "Sem overlijdt", "Sem maakt een einde aan zijn leven. Hij was "
                               "zeventien.", ["sem", "seh"], source="src-rapport")

    # --- after: the calamity review -----------------------------------------------------------
    b.formal("2022-06-13", "professional_contact", "Melding calamiteit door Jeugdbescherming Oost",
             "Melding bij de inspectie en start van het onderzoek.",
             ["voogd3", "gw-oost"], organisation="org-gi-oost", to_organisation="org-onderzoek",
             source="src-rapport")
    b.decision("2022-06-30", "Besluit tot gezamenlijk calamiteitenonderzoek",
               "De familie stemt in en praat mee; het onderzoek kijkt terug tot 2008.",
               ["onderzoeker1"], by=["org-gi-oost", "org-horizon", "org-bron", "org-hoeve"], family="yes",
               rationale="Alle betrokken organisaties onderzoeken samen, met een extern voorzitter; familie "
                         "wordt gevraagd mee te doen.", source="src-rapport", organisation="org-onderzoek")
    b.voice("2022-09-14", "moeder", "emotion", "Moeder: 'Iedereen deed zijn best. Waarom voelde ik me dan "
            "altijd de schuldige?'", source=im)
    b.voice("2022-09-21", "vader", "opinion", "Vader: 'Er waren zoveel mensen, maar niemand was van hem'",
            source=iv)
    b.voice("2022-10-05", "zus", "interpretation", "Zus: 'Hij vertelde mij meer dan al die hulpverleners samen'",
            source=iz)
    b.formal("2022-11", "assessment", "Groepsgesprekken met de betrokken professionals",
             "Terugkerend: 'ik deed wat binnen mijn opdracht lag' en 'ik dacht dat een ander dat oppakte'.",
             ["onderzoeker1", "onderzoeker2", "voogd3", "hz-mentor", "bron-psych", "hoeve-gw"],
             organisation="org-onderzoek", source=ip, end="2022-12")
    b.voice("2022-11", "voogd3", "emotion", "Voogd 3: 'Ik had dertig kinderen en Sem was er één van'", source=ip)
    b.voice("2022-11", "bron-psych", "opinion", "Psychiater: 'Ik heb de wachtlijst laten beslissen'", source=ip)
    key["reconstructie"] = b.formal(
        "2022-12-08", "meeting", "Reconstructiebijeenkomst: tijdlijn en geno-sociogram samen gelegd",
        "Met familie en professionals. Wanneer alle namen op het geno-sociogram staan, blijft het lang stil.",
        ["onderzoeker1", "onderzoeker2", "moeder", "vader", "zus", "voogd3", "hz-ed", "hz-mentor", "consulent"],
        organisation="org-onderzoek", source="src-reconstructie")
    b.formal("2023-03-15", "assessment", "Rapport calamiteitenonderzoek vastgesteld",
             "Conclusie: elke professional handelde volgens de eigen opdracht; samen konden zij Sem geen "
             "stabiele basis bieden.", ["onderzoeker1", "onderzoeker2"], organisation="org-onderzoek",
             source="src-rapport")
    return key


def add_yearly_plans(b: CaseBuilder) -> None:
    """The yearly plan meetings (perspectiefplan) the case manager of the moment organised."""
    plans = [
        ("2013-02", "jb1", "org-gi-west", "in pleeggezin V.", ["pleegmoeder"]),
        ("2014-03", "jb2", "org-gi-west", "in pleeggezin V.", ["pleegmoeder", "moeder"]),
        ("2015-01", "jb3", "org-gi-west", "in pleeggezin V.; zorgen over zelfbeschadiging", ["pleegmoeder"]),
        ("2016-01", "jb3", "org-gi-west", "op open groep Horizon", ["hz-groep"]),
        ("2017-02", "voogd1", "org-gi-west", "in gezinshuis De Linde", ["gh-ouder"]),
        ("2018-01", "voogd1", "org-gi-west", "in De Hoeve", ["hoeve-gw"]),
        ("2019-01", "voogd2", "org-gi-oost", "bij vader", ["vader", "wt3"]),
        ("2020-01", "voogd2", "org-gi-oost", "in De Hoeve", ["hoeve-beh"]),
        ("2021-01", "voogd3", "org-gi-oost", "in kamertraining", ["hz-mentor"]),
        ("2022-01", "voogd3", "org-gi-oost", "in kamertraining", ["hz-mentor", "hz-ed"]),
    ]
    for date, manager, org, where, others in plans:
        family = "yes" if any(p in ("moeder", "vader") for p in others) else "no"
        b.formal(date, "meeting", f"Jaarlijkse evaluatie plan van aanpak ({date[:4]})",
                 f"Sem woont {where}. Aanwezig: de casusregisseur en " + ", ".join(others) + ".",
                 [manager, "sem", *others], organisation=org, source=org_source(org),
                 decision={"decided_by": [manager], "family_involved": family,
                           "rationale": "Voortzetten van het huidige plan."})


def org_source(org: str) -> str:
    return "src-gi-west" if org == "org-gi-west" else "src-gi-oost"


def annotations(key: dict[str, str]) -> list[dict[str, Any]]:
    note = "onderzoekscommissie"
    return [
        {"id": "n01", "target": {"events": [key["terug"], key["ruzie-ggz"]], "persons": ["jb3", "kompas-psych"]},
         "author": note, "created": "2022-12-08T10:30:00", "tag": "parallel_pattern",
         "text": "GI en kliniek leggen de verantwoordelijkheid bij de ander, zoals vader en moeder dat sinds 2008 "
                 "doen. In de reconstructie herkend door beide organisaties."},
        {"id": "n02", "target": {"events": [key["verwijzing-ggz"], key["terug-ggz"], key["ruzie-2022"]]},
         "author": note, "created": "2022-12-08T11:00:00", "tag": "parallel_pattern",
         "text": "Zeven jaar later hetzelfde patroon: verwijzen en terugverwijzen, ieder wacht op de ander."},
        {"id": "n03", "target": {"persons": ["jb1", "jb2", "jb3", "voogd1", "voogd2", "voogd3"]},
         "author": note, "tag": "question",
         "text": "Zes casusregisseurs in tien jaar. Wie kende Sem langer dan twee jaar?"},
        {"id": "n04", "target": {"date_range": {"start": "2012-03", "end": "2020-05"}}, "author": note,
         "tag": "question",
         "text": "Dertien verblijfplaatsen in acht jaar, van crisisopvang tot JJI. Wat betekende 'thuis' voor Sem?"},
        {"id": "n05", "target": {"events": [key["gesloten-besluit"]]}, "author": note,
         "tag": "missing_information",
         "text": "Niet terug te vinden welke alternatieven voor gesloten plaatsing zijn overwogen, en of het "
                 "netwerk (trainer, vader, oom) is gevraagd."},
        {"id": "n06", "target": {"persons": ["trainer", "moeder-vriend", "zus"]}, "author": note,
         "tag": "missing_information",
         "text": "De mensen bij wie Sem zich thuis voelde, komen in geen enkel plan voor."},
        {"id": "n07", "target": {"events": [key["thuis-vader"]]}, "author": note, "tag": "turning_point",
         "text": "Hoopvol begin bij vader. Na vijf maanden volgt de aanhouding; daarna is thuis nooit meer een "
                 "perspectief in de plannen."},
        {"id": "n08", "target": {"events": [key["ed"]]}, "author": note, "tag": "turning_point",
         "text": "Het contact met de ervaringsdeskundige was het eerste dat Sem zelf koos. Het signaal dat hij gaf, "
                 "bereikte de voogd alleen per mail."},
        {"id": "n09", "target": {"events": [key["gezag"]], "persons": ["moeder"]}, "author": note,
         "tag": "question",
         "text": "Moeder ervoer de gezagsbeëindiging als straf voor haar ziekte. Is dat ooit met haar besproken?"},
        {"id": "n10", "target": {"date_range": {"start": "2022-03", "end": "2022-06-11"}}, "author": note,
         "tag": "missing_information",
         "text": "In de laatste drie maanden is er geen overleg geweest waarbij voogd, ggz, Horizon en familie "
                 "samen aan tafel zaten."},
        {"id": "n11", "target": {"events": [key["crisis1"], key["pleeg"], key["kompas"], key["horizon1"],
                                            key["hoeve1"], key["jji"], key["hoeve2"], key["kamer"]]},
         "author": note, "tag": "parallel_pattern",
         "text": "De carrousel: elke plaatsing eindigt na een incident, en elke volgende plek is zwaarder. Zoals "
                 "Sem zelf zei: 'het kind dat overal weggaat'."},
        {"id": "n12", "target": {"events": [key["reconstructie"]]}, "author": "moeder", "tag": "question",
         "text": "Wat gaan jullie nu anders doen bij het volgende kind?"},
    ]


def households() -> list[dict[str, Any]]:
    def member(person: str, start: str | None = None, end: str | None = None) -> dict[str, str]:
        return {key: value for key, value in (("person", person), ("start", start), ("end", end)) if value}

    return [
        {"id": "hh-ouders", "label": "Vader, moeder, Sem en zus", "members": [
            member("vader", "2003", "2008-04"), member("moeder", "2003", "2008-04"),
            member("sem", "2005-02-17", "2008-04"), member("zus", "2007-03-02", "2008-04")]},
        {"id": "hh-moeder", "label": "Moeder met de kinderen", "members": [
            member("moeder", "2008-04"), member("zus", "2008-04"), member("sem", "2008-04", "2012-03-07"),
            member("ex-moeder", "2010-05", "2012-03")]},
        {"id": "hh-vader", "label": "Vader en zijn nieuwe gezin", "members": [
            member("vader", "2010"), member("partner-vader", "2010"), member("halfzus", "2012-09-20"),
            member("halfbroer", "2014-11-03"), member("sem", "2018-11-12", "2019-04-02")]},
        {"id": "hh-oma", "label": "Oma M.", "members": [
            member("oma-m", "1988", "2016-10-04"), member("sem", "2012-05-25", "2013-01-14")]},
        {"id": "hh-pleeg", "label": "Pleeggezin V.", "members": [
            member("pleegmoeder", "1995"), member("pleegvader", "1995"),
            member("sem", "2013-01-14", "2015-03-02")]},
        {"id": "hh-vriend", "label": "Vriend D. en zijn moeder", "members": [
            member("moeder-vriend"), member("vriend")]},
    ]


def persons() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for pid, label, gender, birth, death, role in FAMILY:
        person = {"id": pid, "label": label, "kind": "family", "gender": gender, "birth": birth, "role": role}
        if death:
            person["death"] = death
        out.append(person)
    out[-4]["note"] = "Moeder heeft sinds haar jeugd geen contact met hem; onbekend of hij nog leeft."
    for pid, label, gender, birth, role, start, end in NETWORK:
        involvement = {"start": start, **({"end": end} if end else {})}
        out.append({"id": pid, "label": label, "kind": "network", "gender": gender, "birth": birth, "role": role,
                    "involvement": involvement})
    for pid, label, gender, role, org, start, end in PROFESSIONALS:
        out.append({"id": pid, "label": label, "kind": "professional", "gender": gender, "role": role,
                    "organisation": org, "involvement": {"start": start, "end": end}})
    return out


def build() -> dict[str, Any]:
    b = CaseBuilder()
    build_relationships(b)
    key = build_events(b)
    add_yearly_plans(b)
    return organisation_structure({
        "schema_version": "1.0",
        "id": "calamiteit-sem-2023",
        "title": "Calamiteitenonderzoek Sem: veertig hulpverleners, geen thuis",
        "description": (
            "Fictieve casus voor een calamiteitenonderzoek, naar de patronen in 'Samen bereiken wat niemand alleen "
            "lukt' (NJi, 2022). Sem kreeg vanaf zijn zevende hulp van meer dan veertig professionals uit meer dan "
            "vijftien organisaties: verwijzing na verwijzing, crisisopvang, pleeggezin, kliniek, gezinshuis, open "
            "groep, gesloten jeugdzorg en een justitiële jeugdinrichting. Zijn ouders voerden een jarenlange strijd; "
            "de organisaties om hem heen deden dat ook. Sem overleed op zijn zeventiende. De notities zijn van de "
            "onderzoekscommissie."),
        "index_person": "sem",
        "created": "2022-07-04T09:00:00",
        "updated": "2023-03-15T16:00:00",
        "pseudonymised": True,
        "sources": [{"id": sid, "kind": kind, "title": title, "date": date} for sid, kind, title, date in SOURCES],
        "persons": persons(),
        "organisations": [{"id": oid, "name": name, "type": kind} for oid, name, kind in ORGANISATIONS],
        "relationships": b.relationships,
        "households": households(),
        "events": sorted(b.events, key=lambda event: event["date"].lstrip("~")),
        "annotations": annotations(key),
        "layout": {"sibling_order": ["sem", "zus"], "collapsed_organisations": ["org-halt", "org-advocaat"]},
    })


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the calamity sample case as JSON.")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
