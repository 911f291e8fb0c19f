"""Daan (2007): a multi-agency chain. School, wijkteam and jeugd-ggz pass him back and forth, three reports to
Veilig Thuis before anyone investigates, long waits, decisions taken without the family."""

from __future__ import annotations

from tests.data.patterns.build_cases import Builder


def build_chain() -> Builder:
    b = Builder("test-daan-keten", "Daan: van loket naar loket", "daan",
                "Fictief. Daan (2007) wordt tussen school, wijkteam, jeugd-ggz en jeugdhulp heen en weer verwezen.")
    for org in (("bs", "Basisschool De Klimop", "school"), ("gp", "Huisarts Centrum", "gp"),
                ("wt", "Wijkteam Centrum", "local_team"), ("ggz", "Jeugd-ggz Kompas", "youth_mental_health"),
                ("jh", "Jeugdhulp De Brug", "youth_care_provider"), ("vt", "Veilig Thuis", "veilig_thuis"),
                ("raad", "Raad voor de Kinderbescherming", "child_protection_board"),
                ("gi", "Jeugdbescherming Regio", "certified_institution"), ("rb", "Rechtbank", "juvenile_court"),
                ("pol", "Politie", "police"), ("vggz", "Volwassenen-ggz", "adult_mental_health"),
                ("vo", "Praktijkschool Het Anker", "school")):
        b.org(*org)
    b.person("daan", "Daan", gender="male", birth="2007-03-10")
    b.person("moeder", "Moeder", gender="female", birth="1982")
    b.person("vader", "Vader", gender="male", birth="1979")
    b.person("lotte", "Lotte", gender="female", birth="2010-06-01")
    b.person("trainer", "Voetbaltrainer", "network", gender="male")
    for pro in (("ib", "Intern begeleider", "bs", "2015-09", "2018-07"), ("ha", "Huisarts", "gp", "2015-01"),
                ("wt1", "Gezinscoach 1", "wt", "2015-12", "2016-12"), ("wt2", "Gezinscoach 2", "wt", "2016-12",
                                                                            "2017-06"),
                ("ggz1", "Intaker jeugd-ggz", "ggz", "2016-06", "2017-01"), ("ggz2", "Behandelaar jeugd-ggz", "ggz",
                                                                              "2019-06"),
                ("jh1", "Ambulant hulpverlener", "jh", "2017-06", "2018-12"), ("vt1", "Medewerker VT", "vt", "2016-10",
                                                                                 "2018-06"),
                ("raad1", "Raadsonderzoeker", "raad", "2018-05", "2018-08"), ("jb1", "Jeugdbeschermer 1", "gi",
                                                                              "2018-08", "2019-01"),
                ("jb2", "Jeugdbeschermer 2", "gi", "2019-01", "2021-01"), ("kr", "Kinderrechter", "rb", "2018-08"),
                ("agent", "Wijkagent", "pol", "2017-09"), ("mentor", "Mentor praktijkschool", "vo", "2018-11"),
                ("vggz1", "Behandelaar van moeder", "vggz", "2019-09", "2020-12")):
        b.pro(*pro)
    b.rel("parent", "moeder", "daan")
    b.rel("parent", "vader", "daan")
    b.rel("parent", "moeder", "lotte")
    b.rel("parent", "vader", "lotte")
    b.rel("partner", "vader", "moeder", status="separated", start="2005", separated="2012-04")
    b.rel("supportive", "trainer", "daan", start="2014")
    b.rel("treats", "vggz1", "moeder", start="2019-09", end="2020-12")
    b.rel("case_manager_of", "jb1", "daan", start="2018-08", end="2019-01")
    b.rel("case_manager_of", "jb2", "daan", start="2019-01", end="2021-01")
    b.household("hh", "Moeder, Daan en Lotte", [("moeder", None, None), ("daan", None, None), ("lotte", None, None)])

    d, m = "daan", "moeder"
    b.life("2007-03-10", "Daan geboren", (d, m))
    b.life("2012-04", "Ouders gaan uit elkaar", (m, "vader", d))
    first = b.formal("2015-09-14", "meeting", "Gesprek school met moeder over driftbuien", (d, m, "ib"), "bs")
    need1 = b.voice("2015-10-02", m, "Moeder: ik weet niet meer hoe ik met Daan om moet", "statement_of_need",
                    "fact", (m, d, "ib"))
    ref1 = b.refer("2015-11-03", "bs", "wt", "School meldt Daan aan bij het wijkteam", (d, "ib"), responds_to=[need1])
    b.formal("2015-12-07", "meeting", "Kennismaking wijkteam thuis", (d, m, "wt1"), "wt")
    ref2 = b.refer("2016-01-18", "wt", "ggz", "Wijkteam verwijst naar jeugd-ggz voor diagnostiek", (d, "wt1"))
    b.decide("2016-01-18", "Aanmelding jeugd-ggz besproken met moeder", (d, m, "wt1"), "wt", ["wt1"], "yes")
    b.voice("2016-03-20", m, "Moeder: we horen niets van de ggz, Daan wordt steeds bozer", kind="emotion",
            topics=["waiting"])
    intake1 = b.formal("2016-06-20", "assessment", "Intake en diagnostiek jeugd-ggz", (d, m, "ggz1"), "ggz")
    back1 = b.refer("2016-07-15", "ggz", "wt", "Jeugd-ggz: geen ggz-problematiek, terug naar wijkteam",
                    (d, "ggz1"))
    dec_no1 = b.decide("2016-07-15", "Jeugd-ggz besluit: geen behandeling", (d, "ggz1"), "ggz", ["ggz"], "no")
    b.voice("2016-08-01", m, "Moeder: we worden van het kastje naar de muur gestuurd")
    back2 = b.refer("2016-09-05", "wt", "ggz", "Wijkteam verwijst opnieuw naar jeugd-ggz", (d, "wt1"))
    vt1 = b.refer("2016-10-11", "bs", "vt", "School meldt bij Veilig Thuis: blauwe plek op arm", (d, "ib"),
                  topics=["safety"])
    b.formal("2016-10-20", "professional_contact", "Veilig Thuis geeft school advies, geen onderzoek",
             ("vt1", "ib"), "vt")
    b.formal("2016-12-05", "professional_contact", "Overdracht gezinscoach", ("wt1", "wt2"), "wt")
    b.formal("2016-12-12", "assessment", "Tweede intake jeugd-ggz", (d, m, "ggz1"), "ggz")
    back3 = b.refer("2017-01-09", "ggz", "wt", "Jeugd-ggz verwijst terug: eerst opvoedondersteuning", (d, "ggz1"))
    b.voice("2017-02-02", d, "Daan: iedereen stelt steeds dezelfde vragen")
    ref_jh = b.refer("2017-03-01", "wt", "jh", "Wijkteam verwijst naar ambulante jeugdhulp", (d, "wt2"))
    dec_unk1 = b.decide("2017-03-01", "Inzet ambulante jeugdhulp", (d, "wt2"), "wt", ["wt"], "unknown")
    b.voice("2017-04-10", m, "Moeder: weer een wachtlijst", topics=["waiting"])
    jh_start = b.formal("2017-06-12", "treatment", "Start ambulante jeugdhulp thuis", (d, m, "jh1"), "jh")
    b.formal("2017-09-18", "incident", "Vechtpartij op school, politie komt", (d, "agent"), "pol",
             topics=["safety"])
    vt2 = b.refer("2017-09-19", "pol", "vt", "Politie meldt bij Veilig Thuis na de vechtpartij", (d, "agent"),
                  topics=["safety"])
    b.formal("2017-10-02", "professional_contact", "Veilig Thuis vraagt jeugdhulp om informatie", ("vt1", "jh1"),
             "vt")
    need2 = b.voice("2017-11-06", m, "Moeder: ik wil dat iedereen één keer samen met ons om tafel gaat",
                    "statement_of_need", "fact")
    b.formal("2017-12-04", "treatment", "Oudergesprekken jeugdhulp", (m, "jh1"), "jh")
    b.formal("2018-01-15", "professional_contact", "School belt huisarts over verzuim", ("ib", "ha"), "bs",
             topics=["school"])
    b.formal("2018-02-05", "meeting", "Jeugdhulp en school stemmen af", ("jh1", "ib"), "jh")
    vt3 = b.refer("2018-03-12", "gp", "vt", "Huisarts meldt bij Veilig Thuis: zorgen over de thuissituatie",
                  (d, "ha"), topics=["safety"])
    vt_inv = b.formal("2018-04-09", "assessment", "Veilig Thuis start onderzoek", (d, m, "vt1"), "vt",
                      topics=["safety"])
    dec_no2 = b.decide("2018-05-07", "Veilig Thuis vraagt de Raad om onderzoek", (d, "vt1"), "vt", ["vt"], "no",
                       not_heard=[d])
    ref_raad = b.refer("2018-05-07", "vt", "raad", "Verzoek tot onderzoek aan de Raad", (d, "vt1"))
    raad_report = b.formal("2018-06-25", "assessment", "Raadsrapport: blauwe plekken wijzen op fysiek geweld",
                           (d, m, "raad1"), "raad", statement_kind="interpretation")
    dispute = b.voice("2018-07-03", m, "Moeder: het rapport klopt niet, de blauwe plek kwam van voetbal",
                      kind="opinion", contradicts=[raad_report], certainty="disputed")
    b.voice("2018-07-05", "trainer", "Trainer: Daan viel die week hard op zijn arm", kind="fact",
            contradicts=[raad_report], persons=("trainer", d))
    dec_yes1 = b.decide("2018-08-20", "Kinderrechter spreekt ondertoezichtstelling uit; ouders gehoord",
                        (d, m, "vader", "kr"), "rb", ["kr"], "yes", type_="court_order")
    b.refer("2018-08-20", "raad", "gi", "Raad draagt over aan jeugdbescherming", (d, "raad1", "jb1"))
    b.formal("2018-09-10", "meeting", "Plan van aanpak jeugdbescherming", (d, m, "jb1"), "gi")
    dec_no3 = b.decide("2018-10-01", "Jeugdbescherming besluit: Daan naar praktijkschool", (d, "jb1"), "gi", ["gi"],
                       "no", not_heard=[d], topics=["school"])
    b.voice("2018-10-15", d, "Daan: niemand vroeg wat ik wilde", kind="emotion")
    b.formal("2018-11-05", "meeting", "Kennismaking mentor praktijkschool", (d, m, "mentor"), "vo")
    b.formal("2019-01-14", "professional_contact", "Overdracht jeugdbeschermer", ("jb1", "jb2"), "gi")
    ref_ggz3 = b.refer("2019-02-04", "gi", "ggz", "Jeugdbescherming verwijst naar jeugd-ggz voor behandeling",
                       (d, "jb2"))
    need3 = b.voice("2019-03-11", d, "Daan: ik wil gewoon thuis blijven en blijven voetballen",
                    "statement_of_need", "fact")
    b.decide("2019-04-01", "Daan blijft thuis, met ambulante hulp", (d, m, "jb2"), "gi", ["gi", m], "yes",
             responds_to=[need3])
    ggz_start = b.formal("2019-06-17", "treatment", "Start behandeling jeugd-ggz", (d, "ggz2"), "ggz")
    b.formal("2019-09-02", "treatment", "Moeder start eigen behandeling", (m, "vggz1"), "vggz")
    b.formal("2019-11-04", "meeting", "Overleg jeugdbescherming, jeugd-ggz en school", ("jb2", "ggz2", "mentor"),
             "gi")
    dec_unk2 = b.decide("2020-01-13", "Ondertoezichtstelling verlengd", (d, "kr"), "rb", ["kr"], "unknown",
                        type_="court_order")
    b.life("2020-03-01", "Vader verhuist naar het buitenland", ("vader",))
    b.voice("2020-05-11", m, "Moeder: eindelijk iemand die luistert", kind="emotion")
    b.formal("2020-09-07", "meeting", "Evaluatie op school", (d, m, "mentor", "jb2"), "vo")
    b.formal("2020-11-02", "treatment", "Afronding behandeling jeugd-ggz", (d, "ggz2"), "ggz")
    b.decide("2021-01-11", "Ondertoezichtstelling beëindigd", (d, m, "jb2", "kr"), "rb", ["kr"], "yes",
             type_="court_order")
    b.voice("2021-03-01", d, "Daan: het gaat beter, ik heb een stageplek", kind="emotion")

    b.expect("decisions_without_family", [dec_no1, dec_no2, dec_no3],
             "Drie besluiten met 'gezin betrokken: nee'; twee keer staat er uitdrukkelijk dat Daan niet gehoord is.")
    b.expect("back_and_forth", [ref2, back1, back2, back3],
             "Wijkteam en jeugd-ggz kaatsen Daan drie keer naar elkaar terug.")
    b.expect("veilig_thuis_reports", [vt1, vt2, vt3, vt_inv],
             "Drie meldingen (school, politie, huisarts) voordat Veilig Thuis onderzoek doet.")
    b.expect("long_waits", [ref2, intake1, ref_jh, jh_start, ref_ggz3, ggz_start],
             "Vijf maanden tot de intake, drie maanden tot jeugdhulp, vier maanden tot behandeling.")
    b.expect("unanswered_needs", [need2], "Moeders vraag om één gezamenlijk gesprek krijgt geen antwoord.")
    b.expect("disputed_accounts", [raad_report, dispute], "Moeder en trainer spreken het raadsrapport tegen.")
    b.expect("turnover", [first, intake1, jh_start, vt_inv, raad_report],
             "Het gezin vertelt zijn verhaal aan meer dan tien nieuwe professionals.")
    b.expect("repeated_referrals", [ref1, ref2, back1, back2, back3, ref_jh, ref_raad],
             "Verwijzing na verwijzing.")
    b.forbid("decisions_without_family", "Besluiten waarbij het gezin betrokken was, tellen niet mee.",
             events=[dec_yes1])
    b.forbid("turnover", "De behandelaar van moeder werkt niet met Daan.", persons=["vggz1"])
    b.forbid("unanswered_needs", "Deze vragen zijn beantwoord.", events=[need1, need3])
    b.forbid("decisions_without_family", "'Niet vastgelegd' is geen 'nee'.", events=[dec_unk1, dec_unk2])
    return b
