"""Jayden (2008): a family over four generations. Out-of-home care, divorce, losing a parent young and early
parenthood return in the generations; Jayden goes through two separations, a foster family and a group home,
and finds his place with oma Wilma after a family group conference."""

from __future__ import annotations

from tests.data.patterns.build_cases import Builder


def build_generations() -> Builder:
    b = Builder("test-jayden-generaties", "Jayden: vier generaties", "jayden",
                "Fictief. Wat Jayden (2008) meemaakt, hebben zijn moeder en oma ook meegemaakt.")
    for org in (("bs", "Basisschool De Regenboog", "school"), ("vo", "VMBO Het Baken", "school"),
                ("wt", "Wijkteam Oost", "local_team"), ("vt", "Veilig Thuis", "veilig_thuis"),
                ("raad", "Raad voor de Kinderbescherming", "child_protection_board"),
                ("gi", "Jeugdbescherming Oost", "certified_institution"), ("rb", "Rechtbank", "juvenile_court"),
                ("pz", "Pleegzorg Oost", "foster_care"), ("gh", "Gezinshuis Het Anker", "youth_care_provider"),
                ("pol", "Politie Oost", "police"), ("kt", "Kindertehuis Sint-Jozef", "youth_care_provider"),
                ("ggz", "Jeugd-ggz Oost", "youth_mental_health")):
        b.org(*org)
    b.person("jayden", "Jayden", gender="male", birth="2008-02-02")
    b.person("kim", "Moeder Kim", gender="female", birth="1976-03-15")
    b.person("rob", "Vader Rob", gender="male", birth="1974")
    b.person("marco", "Marco (partner moeder)", gender="male", birth="1978")
    b.person("dewi", "Zus Dewi", gender="female", birth="1994-06-01")
    b.person("dewikind", "Kind van Dewi", gender="female", birth="2011-05-03")
    b.person("wilma", "Oma Wilma", gender="female", birth="1956-01-10")
    b.person("gerrit", "Opa Gerrit", gender="male", birth="1952", death="1985-04-02")
    b.person("truus", "Overgrootmoeder Truus", gender="female", birth="1933", death="2019-01-20")
    b.person("jan", "Overgrootvader Jan", gender="male", birth="1930", death="1964-08-01")
    b.person("coach", "Boksleraar", "network", gender="male", involvement={"start": "2019-09"})
    for pro in (("leerkr", "Leerkracht", "bs", "2012-06", "2014-07"), ("wt1", "Gezinscoach", "wt", "2014-02",
                                                                        "2016-06"),
                ("vt1", "Medewerker VT", "vt", "2015-09", "2016-01"), ("raad1", "Raadsonderzoeker", "raad", "2016-05",
                                                                         "2016-09"),
                ("jb1", "Jeugdbeschermer", "gi", "2016-10", "2018-06"), ("jb2", "Jeugdbeschermer 2", "gi",
                                                                         "2018-06"),
                ("kr", "Kinderrechter", "rb", "2016-10"), ("pz1", "Pleegzorgbegeleider", "pz", "2017-03", "2018-04"),
                ("gh1", "Gezinshuisouder", "gh", "2018-04", "2020-06"), ("agent", "Jeugdagent", "pol", "2016-11"),
                ("mentor", "Mentor VMBO", "vo", "2020-08"), ("ggz1", "Behandelaar jeugd-ggz", "ggz", "2019-03",
                                                                        "2020-03")):
        b.pro(*pro)
    b.rel("parent", "jan", "wilma")
    b.rel("parent", "truus", "wilma")
    b.rel("partner", "jan", "truus", status="divorced", married="1953", divorced="1962-05")
    b.rel("parent", "wilma", "kim")
    b.rel("parent", "gerrit", "kim")
    b.rel("partner", "gerrit", "wilma", status="widowed", married="1975", end="1985-04-02")
    b.rel("parent", "kim", "dewi")
    b.rel("parent", "kim", "jayden")
    b.rel("parent", "rob", "jayden")
    b.rel("parent", "dewi", "dewikind")
    b.rel("partner", "rob", "kim", status="divorced", married="2006", divorced="2012-03")
    b.rel("partner", "kim", "marco", status="separated", start="2013-01", separated="2016-03")
    b.rel("abuse", "marco", "kim", start="2015", end="2016-03")
    b.rel("close", "jayden", "wilma", start="2008")
    b.rel("close", "jayden", "truus", start="2008", end="2019-01-20")
    b.rel("supportive", "coach", "jayden", start="2019-09")
    b.rel("case_manager_of", "jb1", "jayden", start="2016-10", end="2018-06")
    b.rel("case_manager_of", "jb2", "jayden", start="2018-06")

    j, k = "jayden", "kim"
    # four generations of family history, long before Jayden's story
    b.life("1933-04-01", "Truus geboren", ("truus",))
    b.life("1956-01-10", "Wilma geboren", ("wilma", "truus", "jan"))
    div0 = b.life("1962-05-01", "Truus en Jan scheiden", ("truus", "jan"))
    pl_wilma = b.place("1963-02-01", "open_residential", "Kindertehuis Sint-Jozef", "wilma", "Wilma naar het "
                       "kindertehuis", "kt", end="1970-06-30", persons=("wilma",))
    loss_wilma = b.life("1964-08-01", "Jan overlijdt; Wilma is acht", ("jan", "wilma"), topics=["loss"])
    b.life("1975-06-01", "Wilma trouwt met Gerrit", ("wilma", "gerrit"))
    b.life("1976-03-15", "Kim geboren", (k, "wilma", "gerrit"))
    loss_kim = b.life("1985-04-02", "Gerrit overlijdt; Kim is negen", ("gerrit", k, "wilma"), topics=["loss"])
    pl_kim = b.place("1986-09-01", "foster_family", "pleeggezin in Zwolle", k, "Kim naar een pleeggezin", None,
                     end="1990-08-31", persons=(k,))
    b.voice("1988-01-01", "wilma", "Wilma: ik kon het na Gerrits dood niet alleen", kind="emotion",
            source="gesprek")
    young1 = b.life("1994-06-01", "Dewi geboren; Kim is achttien", ("dewi", k))
    b.life("2006-05-20", "Kim trouwt met Rob", (k, "rob"))
    # Jayden's story
    b.life("2008-02-02", "Jayden geboren", (j, k, "rob"))
    young2 = b.life("2011-05-03", "Dewi krijgt een dochter; Dewi is zeventien", ("dewi", "dewikind"))
    sep1 = b.life("2012-03-01", "Kim en Rob scheiden", (k, "rob", j), topics=["contact"])
    b.formal("2012-06-11", "meeting", "Leerkracht: Jayden is stil en teruggetrokken", (j, k, "leerkr"), "bs")
    b.life("2013-01-15", "Marco trekt in bij Kim en Jayden", (k, "marco", j))
    b.voice("2013-09-01", j, "Jayden: papa zie ik bijna nooit meer")
    b.refer("2014-02-03", "bs", "wt", "School meldt Jayden aan bij het wijkteam", (j, "leerkr"))
    b.formal("2014-02-24", "meeting", "Wijkteam op huisbezoek", (j, k, "marco", "wt1"), "wt")
    b.formal("2014-06-16", "treatment", "Opvoedondersteuning", (k, "wt1"), "wt")
    b.voice("2014-11-03", k, "Kim: ik doe alles alleen, Marco bemoeit zich nergens mee")
    inc0 = b.formal("2015-09-07", "incident", "Politie bij ruzie thuis: Marco slaat Kim", (k, "marco", "agent"), "pol",
                    topics=["safety"])
    b.refer("2015-09-08", "pol", "vt", "Politie meldt huiselijk geweld", (k, j, "agent"), topics=["safety"])
    b.formal("2015-10-05", "assessment", "Veilig Thuis onderzoekt", (j, k, "vt1"), "vt")
    sep2 = b.life("2016-03-14", "Kim en Marco gaan uit elkaar", (k, "marco", j))
    b.voice("2016-04-04", j, "Jayden: weer iemand weg")
    b.refer("2016-05-02", "vt", "raad", "Veilig Thuis vraagt de Raad om onderzoek", (j, "vt1"))
    assess = b.formal("2016-07-11", "assessment", "Raadsrapport: oma Wilma kan de zorg niet aan",
                      (j, k, "wilma", "raad1"), "raad", statement_kind="interpretation")
    dec_yes = b.decide("2016-10-03", "Kinderrechter: ondertoezichtstelling, moeder gehoord", (j, k, "kr"), "rb",
                       ["kr"], "yes", type_="court_order")
    b.formal("2016-11-14", "incident", "Jayden spijbelt en wordt opgepakt voor winkeldiefstal", (j, "agent"), "pol")
    dec_no1 = b.decide("2017-02-06", "Jeugdbescherming besluit tot uithuisplaatsing in een pleeggezin",
                       (j, "jb1"), "gi", ["gi"], "no", not_heard=[j])
    pl_j1 = b.place("2017-03-06", "foster_family", "pleeggezin Bakker", j, "Jayden naar een pleeggezin", "pz",
                    end="2018-04-09", persons=(j, "pz1"))
    b.voice("2017-04-03", k, "Kim: ze hebben mijn zoon meegenomen, net als bij mij toen", kind="emotion")
    need = b.voice("2017-11-06", "wilma", "Oma Wilma: ik wil voor Jayden zorgen", "statement_of_need", "fact")
    dispute = b.voice("2017-11-06", "wilma", "Oma Wilma: ze zeggen dat ik het niet aankan, maar niemand heeft met "
                      "mij gepraat", kind="opinion", contradicts=[assess], certainty="disputed")
    b.formal("2018-03-12", "meeting", "Pleeggezin kan Jayden niet langer houden", (j, "pz1", "jb1"), "pz")
    dec_no2 = b.decide("2018-04-02", "Jeugdbescherming besluit: gezinshuis", (j, "jb1"), "gi", ["gi"], "no")
    pl_j2 = b.place("2018-04-09", "family_home", "Gezinshuis Het Anker", j, "Jayden naar het gezinshuis", "gh",
                    end="2020-06-15", persons=(j, "gh1"))
    b.formal("2018-06-11", "professional_contact", "Overdracht jeugdbeschermer", ("jb1", "jb2"), "gi")
    b.voice("2018-09-03", j, "Jayden: in het gezinshuis is het oké, maar ik mis oma")
    death = b.life("2019-01-20", "Overgrootmoeder Truus overlijdt", ("truus", "wilma", j), topics=["loss"])
    b.voice("2019-01-28", j, "Jayden: oma Truus was de enige die altijd thuis was", kind="emotion", topics=["loss"])
    inc1 = b.formal("2019-02-18", "incident", "Jayden loopt weg uit het gezinshuis", (j, "gh1"), "gh")
    inc2 = b.formal("2019-03-04", "incident", "Jayden opgepakt na vechtpartij", (j, "agent"), "pol")
    b.refer("2019-03-11", "gi", "ggz", "Jeugdbescherming verwijst naar jeugd-ggz (rouw, agressie)", (j, "jb2"))
    b.formal("2019-04-15", "treatment", "Rouwbehandeling jeugd-ggz", (j, "ggz1"), "ggz")
    b.formal("2019-09-02", "meeting", "Jayden begint bij de boksschool", (j, "coach", "gh1"), "gh")
    turn = b.formal("2019-11-11", "meeting", "Familienetwerkberaad: oma, Dewi, Kim en Jayden maken samen een plan",
                    (j, k, "wilma", "dewi", "jb2"), "gi")
    b.note([turn], "turning_point", "Voor het eerst zit de familie zelf aan tafel; daarna gaat het beter.")
    b.decide("2019-12-09", "Besluit: Jayden gaat bij oma Wilma wonen", (j, k, "wilma", "jb2"), "gi",
             ["gi", "wilma", k], "yes", responds_to=[need])
    b.formal("2020-03-02", "treatment", "Afsluiting rouwbehandeling", (j, "ggz1"), "ggz")
    b.place("2020-06-15", "kinship_care", "bij oma Wilma", j, "Jayden gaat bij oma Wilma wonen", "pz",
            persons=(j, "wilma"))
    b.voice("2020-07-06", j, "Jayden: eindelijk thuis", kind="emotion")
    b.formal("2020-08-24", "meeting", "Start op het VMBO", (j, "wilma", "mentor"), "vo", topics=["school"])
    b.voice("2020-12-07", "wilma", "Oma Wilma: wat ik toen niet kreeg, kan ik hem nu geven", kind="emotion")
    b.formal("2021-03-08", "meeting", "Rapportgesprek: goede cijfers", (j, "wilma", "mentor"), "vo",
             topics=["school"])
    b.formal("2021-06-14", "meeting", "Evaluatie jeugdbescherming", (j, "wilma", k, "jb2"), "gi")
    b.voice("2021-09-06", k, "Kim: ik zie Jayden elke zondag bij mijn moeder", kind="emotion")
    b.formal("2021-11-01", "meeting", "Evaluatie pleegzorg", (j, "wilma", "jb2"), "gi")
    b.decide("2022-01-10", "Ondertoezichtstelling beëindigd", (j, "wilma", k, "kr"), "rb", ["kr"], "yes",
             type_="court_order")
    b.voice("2022-03-07", j, "Jayden: ik wil later jongerenwerker worden", kind="emotion")
    b.formal("2022-06-13", "meeting", "Overgang naar de bovenbouw", (j, "wilma", "mentor"), "vo", topics=["school"])

    b.expect("intergenerational", [pl_wilma, pl_kim, pl_j1],
             "Uithuisplaatsing in drie generaties: Wilma (kindertehuis), Kim (pleeggezin), Jayden (pleeggezin).")
    b.expect("intergenerational", [loss_wilma, loss_kim],
             "Wilma en Kim verloren allebei jong hun vader.")
    b.expect("intergenerational", [young1, young2], "Kim en Dewi werden allebei als tiener moeder.")
    b.expect("repeated_separations", [sep1, sep2], "Jayden maakt twee scheidingen mee in vier jaar.")
    b.expect("loss_then_trouble", [death, inc1, inc2], "Na de dood van Truus loopt Jayden weg en vecht.")
    b.expect("decisions_without_family", [dec_no1, dec_no2], "Twee plaatsingsbesluiten zonder de familie.")
    b.expect("turning_point", [turn], "Het familienetwerkberaad is het kantelpunt.")
    b.expect("disputed_accounts", [assess, dispute], "Oma spreekt het raadsrapport tegen.")
    b.forbid("information_gaps", "De familiegeschiedenis vóór Jayden is geen gat in zijn verhaal.",
             events=[div0, pl_wilma, loss_wilma, loss_kim, pl_kim, young1])
    b.forbid("placement_instability", "De plaatsingen van Wilma en Kim zijn niet die van Jayden.",
             events=[pl_wilma, pl_kim])
    b.forbid("decisions_without_family", "Ouder gehoord.", events=[dec_yes])
    _ = (inc0, pl_j2)
    return b
