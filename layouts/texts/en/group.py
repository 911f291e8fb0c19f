"""English text for what the group adds in its panel: comparing two moments, perspective switch, perspectives and
colours, arrows between events."""

GROUP: dict[str, str] = {
    # --- comparing two moments ----------------------------------------------------------------------------------------
    "compare_title": "Compare two moments",
    "compare_hint": "The geno-sociogram on two dates side by side, for instance at intake and now.",
    "compare_a": "Moment A",
    "compare_b": "Moment B",
    "compare_moment": "{name}: {date}",
    # --- perspective switch (work card 5) -----------------------------------------------------------------------------
    "switch_title": "Perspective switch (work card 5)",
    "switch_hint": "Choose the key people. Whoever stands in their shoes writes down what they experience (turn on "
                   "Edit); it is saved with the case.",
    "switch_persons": "People",
    "switch_person": "Person",
    "switch_dilemma": "What is your biggest dilemma or fear right now?",
    "switch_feeling": "How do you feel about it?",
    # --- arrows between events ----------------------------------------------------------------------------------------
    "links_edit_title": "Arrow to another event",
    "links_edit_target": "To event",
    "links_edit_word": "Word on the arrow",
    "links_edit_add": "Add arrow",
    "links_edit_remove": "Remove arrow",
    # --- perspectives and colours -------------------------------------------------------------------------------------
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
