"""UI strings for what the group adds (perspective colours, links between events, comparing two moments, card 5's
perspective switch), Dutch and English with the same keys; merged into the catalogues by :mod:`layouts.texts`."""

GROUP_NL: dict[str, str] = {
    "timeline_legend_perspectives": "Perspectief",
    "timeline_legend_links": "Verbanden",
    "timeline_legend_link": "pijl: door de groep getrokken verband",
    "details_links_out": "Verbanden vanaf hier",
    "details_links_in": "Verbanden hierheen",
    "details_chain": "Keten (leidde tot)",
    "details_perspective_group": "Perspectief (groep)",
}

GROUP_EN: dict[str, str] = {
    "timeline_legend_perspectives": "Perspective",
    "timeline_legend_links": "Links",
    "timeline_legend_link": "arrow: a link the group drew",
    "details_links_out": "Links from here",
    "details_links_in": "Links to here",
    "details_chain": "Chain (led to)",
    "details_perspective_group": "Perspective (group)",
}

GROUP_NL |= {
    "compare_title": "Twee momenten vergelijken",
    "compare_hint": "Het geno-sociogram op twee data naast elkaar, bijvoorbeeld bij de aanmelding en nu.",
    "compare_a": "Moment A",
    "compare_b": "Moment B",
    "compare_moment": "{name}: {date}",
    "switch_title": "Perspectiefwissel (werkkaart 5)",
    "switch_hint": "Kies de belangrijkste betrokkenen. Wie in hun schoenen staat, schrijft op wat hij of zij "
                   "ervaart (zet Bewerken aan); het wordt met de casus opgeslagen.",
    "switch_persons": "Betrokkenen",
    "switch_person": "Betrokkene",
    "switch_dilemma": "Wat is op dit moment jouw grootste dilemma of angst?",
    "switch_feeling": "Hoe voel je je daarbij?",
    "links_edit_title": "Pijl naar een andere gebeurtenis",
    "links_edit_target": "Naar gebeurtenis",
    "links_edit_word": "Woord bij de pijl",
    "links_edit_add": "Pijl toevoegen",
    "links_edit_remove": "Pijl weghalen",
}
GROUP_EN |= {
    "compare_title": "Compare two moments",
    "compare_hint": "The geno-sociogram on two dates side by side, for instance at intake and now.",
    "compare_a": "Moment A",
    "compare_b": "Moment B",
    "compare_moment": "{name}: {date}",
    "switch_title": "Perspective switch (work card 5)",
    "switch_hint": "Choose the key people. Whoever stands in their shoes writes down what they experience (turn on "
                   "Edit); it is saved with the case.",
    "switch_persons": "People",
    "switch_person": "Person",
    "switch_dilemma": "What is your biggest dilemma or fear right now?",
    "switch_feeling": "How do you feel about it?",
    "links_edit_title": "Arrow to another event",
    "links_edit_target": "To event",
    "links_edit_word": "Word on the arrow",
    "links_edit_add": "Add arrow",
    "links_edit_remove": "Remove arrow",
}

GROUP_NL |= {
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
GROUP_EN |= {
    "perspectives_title": "Perspectives and colours",
    "perspectives_hint": "Choose a colour per perspective with the group; events in those people's voice get a ring "
                         "in that colour, on the timeline and in the geno-sociogram.",
    "perspectives_new": "New perspective, e.g. School",
    "perspectives_add": "Add",
    "perspectives_colour": "Colour",
    "perspectives_label": "Name of the perspective",
    "perspectives_persons": "Whose voice (persons)",
    "perspectives_remove": "Remove perspective",
}
