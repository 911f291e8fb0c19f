"""Dutch text for words used in several parts of the interface (one text, one key)."""

SHARED: dict[str, str] = {
    # --- shared words: one text used in several places ----------------------------------------------------------------
    "timeline": "Tijdlijn",
    "genosociogram": "Geno-sociogram",
    "patterns": "Patronen",
    "patterns_none": "Geen patronen gevonden.",
    "rules": "Zo is geteld",
    "patterns_evidence": "Waarop dit steunt ({n}) en hoe is geteld",
    "date": "Datum",
    "type": "Soort",
    "layer": "Laag",
    "event": "Gebeurtenis",
    "events": "Gebeurtenissen",
    "persons": "Personen",
    "organisation": "Organisatie",
    "organisations": "Organisaties",
    "relationships": "Relaties",
    "legend": "Legenda",
    "crisis": "crisis",
    "until": "tot",
    "no_information": "geen informatie",
    "do_not_share": "Gepseudonimiseerde casus — niet delen",
    "printed_on": "afgedrukt op {date}",
    "poster_number_key": "volgnummer van de gebeurtenis in tijdsvolgorde (zie de lijst in de bijlage van het rapport)",
    "as_of_date": "stand op {date}",
}
