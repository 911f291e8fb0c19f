"""The one catalogue of interface strings (Dutch first, English second) and date formatting.

Case content (titles, labels, notes) is never translated: it is shown as written.
Vocabulary values from the case format (event types, organisation types…) come from
:func:`models.vocabulary.label`; everything else the page says comes from here.
"""

from __future__ import annotations

import datetime as dt

from models.partial_date import PartialDate
from models.vocabulary import label as vocab_label

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

CATALOGUE: dict[str, dict[str, str]] = {
    # page chrome
    "app_name": {"nl": "casusbeeld", "en": "casusbeeld"},
    "pseudonymised": {"nl": "Gepseudonimiseerde casus", "en": "Pseudonymised case"},
    "pseudonymised_hint": {"nl": "Dit bestand bevat geen echte namen. Alles blijft op deze computer.",
                           "en": "This file holds no real names. Everything stays on this computer."},
    "no_case_title": {"nl": "Geen casus geopend", "en": "No case open"},
    "no_case_body": {"nl": "Kies een casus in de lijst of open een casusbestand (JSON).",
                     "en": "Choose a case from the list or open a case file (JSON)."},
    "choose_case": {"nl": "Casus", "en": "Case"},
    "choose_case_placeholder": {"nl": "Kies een casus…", "en": "Choose a case…"},
    "invalid_marker": {"nl": "(ongeldig)", "en": "(invalid)"},
    "upload": {"nl": "Bestand openen…", "en": "Open file…"},
    "upload_hint": {"nl": "Sleep een casusbestand (JSON) hierheen of klik",
                    "en": "Drop a case file (JSON) here or click"},
    "language": {"nl": "Taal", "en": "Language"},
    "projector": {"nl": "Beamer", "en": "Projector"},
    "story": {"nl": "Verhaal", "en": "Story"},
    "settings": {"nl": "Weergave", "en": "View"},
    # error panel
    "error_title": {"nl": "Dit bestand kan niet worden geopend", "en": "This file cannot be opened"},
    "error_count_one": {"nl": "1 probleem gevonden in {name}:", "en": "1 problem found in {name}:"},
    "error_count_many": {"nl": "{n} problemen gevonden in {name}:", "en": "{n} problems found in {name}:"},
    "error_kept": {"nl": "De casus die open was, blijft open.", "en": "The case that was open stays open."},
    "error_where": {"nl": "Plaats in het bestand", "en": "Place in the file"},
    "error_what": {"nl": "Probleem", "en": "Problem"},
    "close": {"nl": "Sluiten", "en": "Close"},
    "upload_unreadable": {"nl": "het bestand kon niet worden gelezen", "en": "the file could not be read"},
    # views
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "timeline_hint": {"nl": "Boven de lijn: wat professionals deden. Onder de lijn: hoe de familie het beleefde.",
                      "en": "Above the line: what professionals did. Below the line: what the family lived through."},
    "genosociogram": {"nl": "Geno-sociogram", "en": "Geno-sociogram"},
    "genosociogram_asof": {"nl": "Netwerk op {date}", "en": "Network on {date}"},
    "views_loading": {"nl": "Deze weergave wordt nog gebouwd.", "en": "This view is still being built."},
    "as_of": {"nl": "Datum", "en": "Date"},
    "as_of_label": {"nl": "Het netwerk zoals het was op", "en": "The network as it was on"},
    "clear_selection": {"nl": "Selectie wissen", "en": "Clear selection"},
    # filters
    "filters": {"nl": "Filters", "en": "Filters"},
    "filter_persons": {"nl": "Personen", "en": "Persons"},
    "filter_organisations": {"nl": "Organisaties", "en": "Organisations"},
    "filter_types": {"nl": "Soort gebeurtenis", "en": "Event type"},
    "filter_layer": {"nl": "Laag", "en": "Layer"},
    "filter_window": {"nl": "Periode", "en": "Period"},
    "filter_all": {"nl": "Alle", "en": "All"},
    "layer_both": {"nl": "Beide", "en": "Both"},
    "layer_formal_short": {"nl": "Formeel", "en": "Formal"},
    "layer_lived_short": {"nl": "Beleving", "en": "Lived"},
    "lanes": {"nl": "Banen", "en": "Lanes"},
    "lanes_organisation": {"nl": "per organisatie", "en": "by organisation"},
    "lanes_event_type": {"nl": "per soort", "en": "by type"},
    "filters_reset": {"nl": "Filters wissen", "en": "Reset filters"},
    "filters_active": {"nl": "{n} van {total} gebeurtenissen zichtbaar",
                       "en": "{n} of {total} events shown"},
    # side panel
    "details": {"nl": "Details", "en": "Details"},
    "details_empty": {"nl": "Klik op een persoon of gebeurtenis om de details te zien.",
                      "en": "Click a person or an event to see its details."},
    "patterns": {"nl": "Patronen", "en": "Patterns"},
    "patterns_pending": {"nl": "Patroonherkenning volgt.", "en": "Pattern finding is coming."},
    "patterns_none": {"nl": "Geen patronen gevonden.", "en": "No patterns found."},
    "kind_person": {"nl": "Persoon", "en": "Person"},
    "kind_event": {"nl": "Gebeurtenis", "en": "Event"},
    "kind_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "kind_finding": {"nl": "Patroon", "en": "Pattern"},
    "f_date": {"nl": "Datum", "en": "Date"},
    "f_until": {"nl": "tot", "en": "until"},
    "f_type": {"nl": "Soort", "en": "Type"},
    "f_layer": {"nl": "Laag", "en": "Layer"},
    "f_persons": {"nl": "Betrokkenen", "en": "People involved"},
    "f_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "f_to_organisation": {"nl": "Naar", "en": "To"},
    "f_source": {"nl": "Bron", "en": "Source"},
    "f_perspective": {"nl": "Wiens stem", "en": "Whose voice"},
    "f_statement_kind": {"nl": "Soort uitspraak", "en": "Kind of statement"},
    "f_certainty": {"nl": "Zekerheid", "en": "Certainty"},
    "f_placement": {"nl": "Plaatsing", "en": "Placement"},
    "f_crisis": {"nl": "crisis", "en": "crisis"},
    "f_decided_by": {"nl": "Besloten door", "en": "Decided by"},
    "f_family_involved": {"nl": "Familie betrokken", "en": "Family involved"},
    "f_rationale": {"nl": "Overwegingen", "en": "Rationale"},
    "f_kind": {"nl": "Soort", "en": "Kind"},
    "f_role": {"nl": "Rol", "en": "Role"},
    "f_gender": {"nl": "Gender", "en": "Gender"},
    "f_born": {"nl": "Geboren", "en": "Born"},
    "f_died": {"nl": "Overleden", "en": "Died"},
    "f_deceased": {"nl": "overleden", "en": "deceased"},
    "f_involved": {"nl": "Betrokken", "en": "Involved"},
    "f_note": {"nl": "Notitie", "en": "Note"},
    "f_events": {"nl": "Gebeurtenissen", "en": "Events"},
    "f_people": {"nl": "Mensen", "en": "People"},
    "f_annotations": {"nl": "Aantekeningen", "en": "Notes"},
    "f_index": {"nl": "indexpersoon", "en": "index person"},
    "n_events": {"nl": "{n} gebeurtenissen", "en": "{n} events"},
    "open_end": {"nl": "heden", "en": "present"},
    # table
    "table": {"nl": "Gebeurtenissen als tabel", "en": "Events as a table"},
    "table_caption": {"nl": "Gebeurtenissen in de casus, {n} rijen. Kies een rij om die te selecteren.",
                      "en": "Events in the case, {n} rows. Choose a row to select it."},
    "table_search": {"nl": "Zoeken in de tabel", "en": "Search the table"},
    "table_search_placeholder": {"nl": "Zoek op titel, persoon, organisatie…",
                                 "en": "Search title, person, organisation…"},
    "col_date": {"nl": "Datum", "en": "Date"},
    "col_title": {"nl": "Gebeurtenis", "en": "Event"},
    "col_type": {"nl": "Soort", "en": "Type"},
    "col_layer": {"nl": "Laag", "en": "Layer"},
    "col_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "col_persons": {"nl": "Betrokkenen", "en": "People"},
    "select_row": {"nl": "Kies", "en": "Select"},
    "selected_row": {"nl": "Gekozen", "en": "Selected"},
    "sort_by": {"nl": "Sorteer op {col}", "en": "Sort by {col}"},
    "page_prev": {"nl": "Vorige pagina", "en": "Previous page"},
    "page_next": {"nl": "Volgende pagina", "en": "Next page"},
    "page_of": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "table_empty": {"nl": "Geen gebeurtenissen bij deze filters.", "en": "No events match these filters."},
    # story mode
    "story_prev": {"nl": "Vorige", "en": "Previous"},
    "story_next": {"nl": "Volgende", "en": "Next"},
    "story_step": {"nl": "Stap {i} van {n}", "en": "Step {i} of {n}"},
    "story_keys": {"nl": "Pijltjestoetsen ← → bladeren", "en": "Arrow keys ← → step"},
    "story_stop": {"nl": "Verhaal stoppen", "en": "Stop story"},
    # accessibility
    "timeline_aria": {"nl": "Tijdlijn van de casus. De tabel hieronder bevat dezelfde gebeurtenissen.",
                      "en": "Timeline of the case. The table below holds the same events."},
    "genosociogram_aria": {"nl": "Geno-sociogram: familie, netwerk en professionals.",
                           "en": "Geno-sociogram: family, network and professionals."},
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def vocab(value: object, lang: str = DEFAULT_LANG) -> str:
    """A case-format vocabulary value (event type, organisation type…) in the reader's words."""
    return vocab_label(str(getattr(value, "value", value)), lang)


def format_day(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """``12 maart 2015`` in Dutch, ``12 March 2015`` in English."""
    return PartialDate.from_date(day).format(lang)


def format_partial(value: PartialDate | None, lang: str = DEFAULT_LANG) -> str:
    """A partial date the reader's way (``ca. maart 2015``); empty when unknown."""
    return value.format(lang) if value is not None else ""


def normal_lang(lang: str | None) -> str:
    """``lang`` when supported, else Dutch."""
    return lang if lang in LANGS else DEFAULT_LANG
