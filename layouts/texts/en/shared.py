"""English text for words used in several parts of the interface (one text, one key)."""

SHARED: dict[str, str] = {
    # --- shared words: one text used in several places ----------------------------------------------------------------
    "timeline": "Timeline",
    "genosociogram": "Geno-sociogram",
    "patterns": "Patterns",
    "patterns_none": "No patterns found.",
    "rules": "How this was counted",
    "patterns_evidence": "What this rests on ({n}) and how it was counted",
    "date": "Date",
    "type": "Type",
    "layer": "Layer",
    "event": "Event",
    "events": "Events",
    "persons": "Persons",
    "organisation": "Organisation",
    "organisations": "Organisations",
    "relationships": "Relationships",
    "legend": "Legend",
    "crisis": "crisis",
    "until": "until",
    "no_information": "no information",
    "do_not_share": "Pseudonymised case — do not share",
    "printed_on": "printed on {date}",
    "poster_number_key": "number of the event in time order (see the list in the report's appendix)",
    "as_of_date": "as of {date}",
}
