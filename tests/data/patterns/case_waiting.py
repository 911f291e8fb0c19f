"""Fleur (2006): a waiting list. Out of school for more than a year while the family waits twice for jeugd-ggz;
the turning point is a day-time place on a care farm."""

from __future__ import annotations

from tests.data.patterns.build_cases import Builder


def build_waiting() -> Builder:
    b = Builder("test-fleur-wachtlijst", "Fleur: wachten op hulp", "fleur",
                "Fictief. Fleur (2006) zit thuis met angstklachten terwijl het gezin twee keer op een wachtlijst "
                "staat.")
    for org in (("vo", "Scholengemeenschap De Horst", "school"), ("gp", "Huisarts Noord", "gp"),
                ("wt", "Sociaal team Noord", "local_team"),
                ("bggz", "Basis-ggz Praktijk Linde", "youth_mental_health"),
                ("sggz", "Specialistische jeugd-ggz Accare-Noord", "youth_mental_health"),
                ("lp", "Gemeente Noord (leerplicht)", "municipality"),
                ("boer", "Zorgboerderij De Hoeve", "youth_care_provider"),
                ("zh", "Ziekenhuis Noord", "hospital")):
        b.org(*org)
    b.person("fleur", "Fleur", gender="female", birth="2006-04-12")
    b.person("moeder", "Moeder", gender="female", birth="1975")
    b.person("vader", "Vader", gender="male", birth="1973")
    b.person("broer", "Broer Tim", gender="male", birth="2009-01-20")
    b.person("vriendin", "Vriendin Sara", "network", gender="female")
    for pro in (("mentor", "Mentor", "vo", "2019-09"), ("zoco", "Zorgcoördinator school", "vo", "2019-11"),
                ("ha", "Huisarts", "gp", "2019-01"), ("poh", "POH-jeugd", "gp", "2020-01"),
                ("bggz1", "Psycholoog basis-ggz", "bggz", "2020-07", "2020-08"),
                ("lp1", "Leerplichtambtenaar", "lp", "2020-04"), ("wt1", "Gezinscoach", "wt", "2020-11", "2021-06"),
                ("sggz1", "Intaker specialistische ggz", "sggz", "2021-04", "2021-05"),
                ("sggz2", "Gezinstherapeut", "sggz", "2021-05", "2022-06"), ("ozc", "Onderwijszorgconsulent", "lp",
                                                                            "2021-04"),
                ("boer1", "Begeleider zorgboerderij", "boer", "2021-05", "2021-12"), ("seh", "Arts SEH", "zh",
                                                                                       "2021-01", "2021-01")):
        b.pro(*pro)
    for parent in ("moeder", "vader"):
        b.rel("parent", parent, "fleur")
        b.rel("parent", parent, "broer")
    b.rel("partner", "vader", "moeder", status="married", married="2003")
    b.rel("close", "fleur", "vriendin", start="2015")
    b.household("hh", "Gezin", [("moeder", None, None), ("vader", None, None), ("fleur", None, None),
                                ("broer", None, None)])

    f, m = "fleur", "moeder"
    b.life("2006-04-12", "Fleur geboren", (f, m))
    b.life("2019-09-02", "Fleur begint op de middelbare school", (f,), topics=["school"])
    b.formal("2019-10-07", "meeting", "Kennismakingsgesprek mentor", (f, m, "mentor"), "vo", topics=["school"])
    b.formal("2019-11-18", "meeting", "Zorgoverleg school over verzuim", (f, "mentor", "zoco"), "vo",
             topics=["school"])
    b.voice("2019-12-09", f, "Fleur: ik word misselijk als ik aan school denk")
    b.formal("2020-01-08", "meeting", "Huisarts en POH-jeugd zien Fleur", (f, m, "ha", "poh"), "gp",
             topics=["health"])
    ref1 = b.refer("2020-01-15", "gp", "bggz", "Huisarts verwijst naar basis-ggz", (f, "ha"))
    need1 = b.voice("2020-01-20", m, "Moeder: we hebben nu hulp nodig, ze komt haar bed niet uit",
                    "statement_of_need", "fact")
    wait1 = b.formal("2020-01-22", "professional_contact", "Wachtlijst basis-ggz", (f,), "bggz", end="2020-07-05",
                     topics=["waiting"])
    out = b.life("2020-03-02", "Fleur gaat niet meer naar school", (f,), end="2021-05-16", topics=["out_of_school"])
    b.formal("2020-04-14", "meeting", "Gesprek leerplichtambtenaar met ouders", (f, m, "vader", "lp1"), "lp",
             topics=["school"])
    b.voice("2020-05-11", f, "Fleur: ik voel me de enige die thuis zit")
    b.voice("2020-06-01", "vader", "Vader: we weten niet meer wat we moeten doen")
    intake1 = b.formal("2020-07-06", "assessment", "Intake basis-ggz", (f, m, "bggz1"), "bggz")
    ref2 = b.refer("2020-08-17", "bggz", "sggz", "Basis-ggz verwijst door: te zwaar voor basis-ggz", (f, "bggz1"))
    wait2 = b.formal("2020-08-20", "professional_contact", "Wachtlijst specialistische jeugd-ggz", (f,), "sggz",
                     end="2021-04-11", topics=["waiting"])
    need2 = b.voice("2020-09-07", m, "Moeder: kan iemand ons helpen zolang we wachten?", "statement_of_need",
                    "fact")
    dec_unk = b.decide("2020-10-12", "Leerplicht: vrijstelling niet verleend, verzuimdossier open", (f, "lp1"), "lp",
                       ["lp"], "unknown", topics=["school"])
    b.formal("2020-10-26", "professional_contact", "Leerplicht belt school over onderwijsaanbod thuis",
             ("lp1", "zoco"), "lp", topics=["school"])
    ref3 = b.refer("2020-11-02", "gp", "wt", "Huisarts vraagt sociaal team om overbrugging", (f, "ha"))
    b.formal("2020-11-16", "meeting", "Sociaal team op huisbezoek", (f, m, "wt1"), "wt", responds_to=[need1])
    b.decide("2020-12-07", "Overbrugging: gesprekken met gezinscoach tot de behandeling", (f, m, "wt1"), "wt",
             ["wt1", m], "yes")
    b.formal("2020-12-14", "treatment", "Gesprek gezinscoach met Fleur", (f, "wt1"), "wt")
    inc = b.formal("2021-01-18", "incident", "Fleur beschadigt zichzelf, eerste hulp", (f, m, "seh"), "zh",
                   topics=["health", "safety"])
    b.voice("2021-01-25", m, "Moeder: we staan al een jaar op wachtlijsten en niemand belt", topics=["waiting"])
    b.formal("2021-02-01", "professional_contact", "Gezinscoach vraagt ggz om voorrang", ("wt1",), "wt",
             to_organisation="sggz")
    b.formal("2021-02-15", "treatment", "Gesprek gezinscoach met ouders", (m, "vader", "wt1"), "wt")
    b.voice("2021-03-01", "broer", "Tim: thuis draait alles om Fleur")
    b.formal("2021-03-15", "meeting", "Overleg school, leerplicht en gezinscoach", ("zoco", "lp1", "wt1"), "vo",
             topics=["school"])
    intake2 = b.formal("2021-04-12", "assessment", "Intake specialistische jeugd-ggz", (f, m, "sggz1"), "sggz")
    b.formal("2021-04-26", "meeting", "Onderwijszorgconsulent zoekt dagbesteding met het gezin", (f, m, "ozc"), "lp",
             topics=["school"])
    b.decide("2021-05-03", "Start gezinstherapie", (f, m, "vader", "sggz2"), "sggz", ["sggz2", m], "yes")
    turn = b.formal("2021-05-17", "treatment", "Fleur begint op de zorgboerderij (drie dagen per week)",
                    (f, "boer1", "ozc"), "boer", topics=["school"])
    b.note([turn], "turning_point", "Vanaf de zorgboerderij gaat het beter: ritme, dieren, iemand die wacht.")
    b.voice("2021-06-07", f, "Fleur: op de boerderij voel ik me nuttig")
    b.formal("2021-06-21", "treatment", "Gezinstherapie", (f, m, "vader", "sggz2"), "sggz")
    b.formal("2021-07-05", "treatment", "Gezinstherapie", (f, m, "vader", "broer", "sggz2"), "sggz")
    b.formal("2021-08-30", "meeting", "Plan terugkeer naar school", (f, m, "zoco", "ozc", "boer1"), "vo",
             topics=["school"])
    b.life("2021-09-06", "Fleur gaat twee dagen per week naar school", (f,), topics=["school"])
    b.voice("2021-09-20", f, "Fleur: spannend, maar het lukt")
    b.formal("2021-10-11", "treatment", "Gezinstherapie", (f, m, "vader", "sggz2"), "sggz")
    b.formal("2021-11-15", "meeting", "Evaluatie op school", (f, m, "mentor", "zoco"), "vo", topics=["school"])
    b.formal("2021-12-13", "treatment", "Afscheid zorgboerderij", (f, "boer1"), "boer")
    b.life("2022-01-10", "Fleur gaat weer de hele week naar school", (f,), topics=["school"])
    b.formal("2022-02-14", "treatment", "Gezinstherapie", (f, m, "vader", "sggz2"), "sggz")
    b.voice("2022-03-07", m, "Moeder: we hebben onze dochter terug", kind="emotion")
    b.formal("2022-04-11", "treatment", "Gezinstherapie", (f, m, "sggz2"), "sggz")
    b.decide("2022-06-13", "Behandeling afgerond", (f, m, "sggz2"), "sggz", ["sggz2", m, f], "yes")
    b.voice("2022-06-20", f, "Fleur: ik wil later zelf op een boerderij werken", kind="emotion")
    b.formal("2022-09-05", "meeting", "Start nieuw schooljaar, mentorgesprek", (f, "mentor"), "vo",
             topics=["school"])
    b.voice("2022-10-03", "vader", "Vader: rust in huis", kind="emotion")
    b.formal("2022-11-14", "meeting", "Rapportgesprek", (f, m, "mentor"), "vo", topics=["school"])
    b.voice("2022-12-12", f, "Fleur: ik heb weer vriendinnen op school", persons=(f, "vriendin"))

    b.expect("long_waits", [ref1, wait1, intake1, ref2, wait2, intake2],
             "Bijna zes maanden wachten op basis-ggz en bijna acht maanden op specialistische ggz.")
    b.expect("out_of_school", [out], "Fleur zit ruim veertien maanden thuis zonder school of dagbesteding.")
    b.expect("unanswered_needs", [need2], "'Kan iemand ons helpen zolang we wachten?' blijft onbeantwoord.")
    b.expect("turning_point", [turn], "De zorgboerderij is het kantelpunt; daarna geen incidenten meer.")
    b.forbid("placement_instability", "Fleur is nooit uit huis geplaatst.", absent=True)
    b.forbid("decisions_without_family", "'Niet vastgelegd' is geen 'nee'.", events=[dec_unk])
    b.forbid("unanswered_needs", "Beantwoord, al duurde het lang.", events=[need1])
    b.forbid("turning_point", "Een incident is geen kantelpunt.", events=[inc])
    _ = ref3
    return b
