"""Mila (2018): a young child in kinship care. Oma takes her in informally, later the same home becomes formal
kinship foster care by court order; her brother Noah is placed elsewhere; father fades from supervised contact;
opa dies and mother relapses; the neighbour and an aunt drop out of the network."""

from __future__ import annotations

from tests.data.patterns.build_cases import Builder


def build_kinship() -> Builder:
    b = Builder("test-mila-netwerk", "Mila: opgroeien bij oma", "mila",
                "Fictief. Mila (2018) woont sinds haar tiende maand bij oma Ria; eerst informeel, later als "
                "netwerkpleegzorg.")
    for org in (("cb", "Consultatiebureau", "other"), ("wt", "Wijkteam Zuid", "local_team"),
                ("vt", "Veilig Thuis Zuid", "veilig_thuis"), ("raad", "Raad voor de Kinderbescherming",
                                                              "child_protection_board"),
                ("gi", "Jeugdbescherming Zuid", "certified_institution"), ("rb", "Rechtbank Zuid", "juvenile_court"),
                ("pz", "Pleegzorg Zuid", "foster_care"), ("vz", "Verslavingszorg", "addiction_care"),
                ("pol", "Politie Zuid", "police"), ("opvang", "Peuteropvang Het Nest", "school")):
        b.org(*org)
    b.person("mila", "Mila", gender="female", birth="2018-05-20")
    b.person("noah", "Noah", gender="male", birth="2014-02-11")
    b.person("moeder", "Moeder Sanne", gender="female", birth="1996")
    b.person("vader", "Vader Kevin", gender="male", birth="1994")
    b.person("oma", "Oma Ria", gender="female", birth="1968")
    b.person("opa", "Opa Henk", gender="male", birth="1966", death="2021-02-10")
    b.person("tante", "Tante Petra", gender="female", birth="1992")
    b.person("els", "Buurvrouw Els", "network", gender="female", involvement={"start": "2018-06",
                                                                                "end": "2020-08"})
    for pro in (("cbv", "Jeugdverpleegkundige", "cb", "2018-06", "2019-06"), ("wt1", "Gezinscoach", "wt", "2019-01",
                                                                                "2019-10"),
                ("vt1", "Medewerker VT", "vt", "2018-11", "2021-07"), ("raad1", "Raadsonderzoeker", "raad",
                                                                         "2019-07", "2019-10"),
                ("jb1", "Jeugdbeschermer", "gi", "2019-10"), ("kr", "Kinderrechter", "rb", "2019-10"),
                ("pz1", "Pleegzorgbegeleider", "pz", "2019-10"), ("vz1", "Behandelaar moeder", "vz", "2019-04"),
                ("agent", "Wijkagent", "pol", "2019-03"), ("juf", "Pedagogisch medewerker", "opvang", "2021-09")):
        b.pro(*pro)
    for child in ("mila", "noah"):
        b.rel("parent", "moeder", child)
    b.rel("parent", "vader", "mila")
    b.rel("parent", "oma", "moeder")
    b.rel("parent", "opa", "moeder")
    b.rel("parent", "oma", "tante")
    b.rel("parent", "opa", "tante")
    b.rel("partner", "opa", "oma", status="married", married="1990")
    b.rel("partner", "vader", "moeder", status="separated", start="2017", separated="2019-01")
    b.rel("supportive", "els", "mila", start="2018-06", end="2020-08")
    b.rel("informal_care", "tante", "mila", start="2019-03", end="2021-04")
    b.rel("cut_off", "tante", "moeder", start="2021-04")
    b.rel("supervised_contact", "vader", "mila", start="2019-11", end="2020-11")
    b.rel("parent", "oma", "mila", parent_kind="foster", start="2020-01-06")
    b.household("hh-moeder", "Moeder met Mila en Noah", [("moeder", None, None), ("mila", "2018-05-20", "2019-03-04"),
                                                         ("noah", None, "2019-10-21")])
    b.household("hh-oma", "Oma Ria en opa Henk", [("oma", None, None), ("opa", None, "2021-02-10"),
                                                   ("mila", "2019-03-04", None)])

    mi, m, v = "mila", "moeder", "vader"
    b.life("2018-05-20", "Mila geboren", (mi, m, v))
    b.formal("2018-06-18", "professional_contact", "Consultatiebureau: huisbezoek", (mi, m, "cbv"), "cb",
             topics=["health"])
    b.life("2018-07-01", "Buurvrouw Els past twee middagen per week op", (mi, "els"), topics=["network"])
    b.formal("2018-09-10", "professional_contact", "Consultatiebureau: zorgen over verzorging", (mi, m, "cbv"), "cb",
             topics=["health"])
    vt1 = b.refer("2018-11-05", "cb", "vt", "Consultatiebureau meldt bij Veilig Thuis", (mi, "cbv"),
                  topics=["safety"])
    b.formal("2018-11-20", "professional_contact", "Veilig Thuis: advies, wijkteam inschakelen", ("vt1", "cbv"), "vt")
    b.life("2019-01-10", "Vader en moeder gaan uit elkaar", (m, v), topics=["contact"])
    b.formal("2019-01-21", "meeting", "Wijkteam: kennismaking met moeder", (mi, m, "wt1"), "wt")
    inc1 = b.formal("2019-03-02", "incident", "Moeder onder invloed, politie brengt Mila naar oma", (mi, m, "agent"),
                    "pol", topics=["safety"])
    informal = b.place("2019-03-04", "kinship_care", "bij oma Ria", mi, "Mila gaat bij oma wonen (afspraak in de "
                       "familie)", persons=(mi, "oma", m), decision={"decided_by": [m, "oma"],
                                                                     "family_involved": "yes"})
    b.voice("2019-03-10", "oma", "Oma: natuurlijk neem ik haar, ze is mijn kleinkind", kind="emotion")
    b.life("2019-03-20", "Tante Petra haalt Mila twee dagen per week op", (mi, "tante"), topics=["network"])
    b.formal("2019-04-08", "treatment", "Moeder start behandeling verslavingszorg", (m, "vz1"), "vz")
    vt2 = b.refer("2019-05-13", "pol", "vt", "Politie meldt huiselijk geweld bij moeder", (m, "noah", "agent"),
                  topics=["safety"])
    vt_inv = b.formal("2019-06-03", "assessment", "Veilig Thuis onderzoekt de situatie van Mila en Noah",
                      (mi, "noah", m, "vt1"), "vt", topics=["safety"])
    dec_no1 = b.decide("2019-07-01", "Veilig Thuis vraagt de Raad om onderzoek", (mi, "noah", "vt1"), "vt", ["vt"],
                       "no")
    b.refer("2019-07-01", "vt", "raad", "Verzoek tot onderzoek aan de Raad", (mi, "noah", "vt1"))
    b.formal("2019-08-12", "assessment", "Raadsonderzoek", (mi, "noah", m, "oma", "raad1"), "raad")
    b.voice("2019-09-02", m, "Moeder: ik wil dat Mila bij mijn moeder blijft, niet bij vreemden",
            "statement_of_need", "fact")
    court = b.decide("2019-10-21", "Kinderrechter: ondertoezichtstelling en machtiging netwerkpleegzorg bij oma",
                     (mi, "noah", m, "kr"), "rb", ["kr"], "unknown", type_="court_order")
    formal_kin = b.place("2020-01-06", "kinship_care", "bij oma Ria", mi, "Mila wordt netwerkpleegkind bij oma "
                         "(formeel)", "pz", persons=(mi, "oma", "pz1"))
    noah1 = b.place("2019-10-21", "foster_family", "pleeggezin De Vries", "noah", "Noah naar een pleeggezin",
                    "pz", end="2020-06-15", persons=("noah", "pz1"))
    noah2 = b.place("2020-06-15", "family_home", "gezinshuis De Eik", "noah", "Noah naar een gezinshuis", "pz",
                    persons=("noah", "pz1"))
    b.formal("2019-11-04", "meeting", "Plan van aanpak jeugdbescherming", (mi, m, "oma", "jb1"), "gi")
    c1 = b.formal("2019-11-18", "meeting", "Begeleide omgang vader en Mila", (mi, v, "jb1"), "gi", topics=["contact"])
    c2 = b.formal("2020-01-13", "meeting", "Begeleide omgang vader en Mila", (mi, v, "jb1"), "gi", topics=["contact"])
    b.life("2020-02-10", "Els past weer op Mila op", (mi, "els"), topics=["network"])
    c3 = b.formal("2020-03-09", "meeting", "Begeleide omgang vader en Mila", (mi, v, "jb1"), "gi", topics=["contact"])
    dec_no2 = b.decide("2020-04-06", "Omgang moeder alleen nog begeleid", (mi, m, "jb1"), "gi", ["gi"], "no",
                       not_heard=[m], topics=["contact"])
    c4 = b.formal("2020-06-08", "meeting", "Begeleide omgang vader en Mila", (mi, v, "jb1"), "gi", topics=["contact"])
    els_gone = b.life("2020-08-15", "Buurvrouw Els verhuist", ("els",), topics=["network"])
    c5 = b.formal("2020-09-14", "meeting", "Vader komt niet op de omgangsafspraak", (mi, v, "jb1"), "gi",
                  topics=["contact"])
    c6 = b.formal("2020-11-09", "professional_contact", "Vader reageert niet meer op berichten", (v, "jb1"), "gi",
                  topics=["contact"])
    b.voice("2020-12-07", "oma", "Oma: Mila vraagt niet meer naar papa", kind="emotion")
    death = b.life("2021-02-10", "Opa Henk overlijdt", ("opa", "oma", m, mi), topics=["loss"])
    b.voice("2021-02-22", m, "Moeder: ik kan het verdriet om mijn vader niet aan", kind="emotion", topics=["loss"])
    inc2 = b.formal("2021-03-15", "incident", "Moeder gebruikt weer, komt niet op de omgang", (m, "jb1"), "gi",
                    topics=["safety"])
    tante_gone = b.life("2021-04-12", "Tante Petra breekt met moeder en stopt met oppassen", ("tante", m),
                        topics=["network"])
    inc3 = b.formal("2021-05-03", "incident", "Moeder dronken aan de deur bij oma, politie komt", (m, "oma", "agent"),
                    "pol", topics=["safety"])
    vt3 = b.refer("2021-05-04", "pol", "vt", "Politie meldt opnieuw bij Veilig Thuis", (mi, m, "agent"),
                  topics=["safety"])
    b.formal("2021-05-17", "professional_contact", "Veilig Thuis draagt over aan jeugdbescherming", ("vt1", "jb1"),
             "vt")
    need_oma = b.voice("2021-06-07", "oma", "Oma: ik heb zelf ook steun nodig, ik ben oma én moeder",
                       "statement_of_need", "fact")
    b.formal("2021-06-21", "meeting", "Pleegzorg regelt steungesprekken voor oma", ("oma", "pz1"), "pz",
             responds_to=[need_oma])
    dec_no3 = b.decide("2021-07-05", "Mila naar de peuteropvang", (mi, "jb1"), "gi", ["gi"], "no")
    b.formal("2021-09-06", "meeting", "Mila begint op de peuteropvang", (mi, "oma", "juf"), "opvang",
             topics=["school"])
    b.voice("2021-10-04", "oma", "Oma: ze bloeit op tussen de andere kinderen", kind="emotion")
    b.formal("2021-11-15", "meeting", "Evaluatie jeugdbescherming", (mi, "oma", m, "jb1", "pz1"), "gi")
    b.decide("2022-01-10", "Ondertoezichtstelling verlengd, moeder gehoord", (mi, m, "kr"), "rb", ["kr"], "yes",
             type_="court_order")
    b.formal("2022-03-14", "meeting", "Moeder en oma samen bij de pleegzorgbegeleider", (m, "oma", "pz1"), "pz")
    b.voice("2022-04-04", m, "Moeder: ik ben nu een jaar clean en zie Mila elke week", kind="emotion")
    dec_no4 = b.decide("2022-06-13", "Perspectiefbesluit: Mila blijft bij oma", (mi, "oma", "jb1"), "gi", ["gi"],
                       "no", not_heard=[m, v])
    b.voice("2022-06-20", m, "Moeder: over mijn kind is besloten zonder mij", kind="emotion")
    b.formal("2022-09-12", "meeting", "Mila naar de basisschool besproken", (mi, "oma", "juf"), "opvang",
             topics=["school"])
    b.formal("2022-11-07", "meeting", "Evaluatie pleegzorg", (mi, "oma", "pz1"), "pz")
    b.life("2023-01-09", "Mila viert haar verjaardag bij oma, moeder erbij", (mi, "oma", m))
    b.formal("2023-03-13", "meeting", "Evaluatie jeugdbescherming", (mi, "oma", m, "jb1"), "gi")
    b.voice("2023-04-03", "oma", "Oma: we hebben ons leven weer op de rit", kind="emotion")

    b.expect("decisions_without_family", [dec_no1, dec_no2, dec_no3, dec_no4],
             "Vier besluiten zonder het gezin; twee keer staat erbij dat moeder (en vader) niet gehoord zijn.")
    b.expect("parent_fading", [c1, c2, c3, c4, c5, c6],
             "Vader komt steeds minder op de begeleide omgang en is na november 2020 uit beeld.")
    b.expect("loss_then_trouble", [death, inc2, inc3],
             "Na het overlijden van opa Henk raakt moeder in de problemen.")
    b.expect("network_dropping_out", [els_gone, tante_gone],
             "De buurvrouw verhuist en tante Petra breekt met moeder: het netwerk rond oma wordt kleiner.")
    b.expect("veilig_thuis_reports", [vt1, vt2, vt3, vt_inv], "Drie meldingen bij Veilig Thuis.")
    b.forbid("placement_instability", "Mila woont sinds 2019 bij oma: informeel en formeel zijn dezelfde plek.",
             absent=True)
    b.forbid("placement_carousel", "Noah's plaatsingen zijn niet die van Mila.", absent=True)
    b.forbid("escalation", "Mila's plaatsing wordt niet zwaarder.", absent=True)
    b.forbid("mirrored_passing_on", "De rechter plaatste Mila, niet de familie.", events=[court, formal_kin])
    b.forbid("decisions_without_family", "Niet vastgelegd is geen nee.", events=[court])
    _ = (informal, noah1, noah2, inc1)
    return b
