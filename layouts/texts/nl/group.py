"""Dutch text for what the group adds in its panel: comparing two moments, perspective switch, perspectives and
colours, arrows between events."""

GROUP: dict[str, str] = {
    # --- comparing two moments ----------------------------------------------------------------------------------------
    "compare_title": "Twee momenten vergelijken",
    "compare_hint": "Het geno-sociogram op twee data naast elkaar, bijvoorbeeld bij de aanmelding en nu.",
    "compare_a": "Moment A",
    "compare_b": "Moment B",
    "compare_moment": "{name}: {date}",
    # --- perspective switch (work card 5) -----------------------------------------------------------------------------
    "switch_title": "Perspectiefwissel (werkkaart 5)",
    "switch_hint": "Kies de belangrijkste betrokkenen. Wie in hun schoenen staat, schrijft op wat hij of zij "
                   "ervaart (zet Bewerken aan); het wordt met de casus opgeslagen.",
    "switch_persons": "Betrokkenen",
    "switch_person": "Betrokkene",
    "switch_dilemma": "Wat is op dit moment jouw grootste dilemma of angst?",
    "switch_feeling": "Hoe voel je je daarbij?",
    # --- arrows between events ----------------------------------------------------------------------------------------
    "links_edit_title": "Pijl naar een andere gebeurtenis",
    "links_edit_target": "Naar gebeurtenis",
    "links_edit_word": "Woord bij de pijl",
    "links_edit_add": "Pijl toevoegen",
    "links_edit_remove": "Pijl weghalen",
    # --- perspectives and colours -------------------------------------------------------------------------------------
    "perspectives_title": "Perspectieven en kleuren",
    "perspectives_hint": "Kies met de groep een kleur per perspectief; gebeurtenissen in de stem van die personen "
                         "krijgen een ring in die kleur, in de tijdlijn en het geno-sociogram.",
    "perspectives_new": "Nieuw perspectief, bv. School",
    "perspectives_add": "Toevoegen",
    "perspectives_colour": "Kleur",
    "perspectives_label": "Naam van het perspectief",
    "perspectives_persons": "Wiens stem (personen)",
    "perspectives_remove": "Perspectief weghalen",
}
