"""The workbook's shape: its sheets and columns, and how one cell becomes a case value.

Each sheet holds one collection of the case (Personen → persons, …); each column one field, by a
dotted name (``placement.setting``). Closed word lists are written with their Dutch labels
(:data:`models.vocabulary.LABELS`); the English label or the case format's own value is read too.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from models.partial_date import PartialDate, normal_date
from models.vocabulary import (
    LABELS,
    Certainty,
    EventType,
    FamilyInvolved,
    Gender,
    Layer,
    OrganisationType,
    ParentKind,
    PartnerStatus,
    PersonKind,
    PlacementSetting,
    RelationshipType,
    SourceKind,
    StatementKind,
)


@dataclass(frozen=True)
class Column:
    """One column: its Dutch header, the field it fills and the kind of value it holds."""

    header: str
    field: str  # dotted path in the item
    kind: str  # id | text | date | bool | enum | ref | refs | json
    enum: type[StrEnum] | None = None
    refers_to: str | None = None  # for ref/refs: persons | organisations | actors | sources
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, the case collection it fills and its columns."""

    name: str
    collection: str
    id_prefix: str
    columns: tuple[Column, ...]

    def column(self, header: str) -> Column | None:
        wanted = header.strip().casefold()
        return next((c for c in self.columns if c.header.casefold() == wanted), None)

    def column_for(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)


def _c(header: str, field: str, kind: str = "text", enum: type[StrEnum] | None = None,
       refers_to: str | None = None, required: bool = False) -> Column:
    return Column(header, field, kind, enum, refers_to, required)


SOURCES = Sheet("Bronnen", "sources", "s", (
    _c("Id", "id", "id"),
    _c("Soort", "kind", "enum", SourceKind),
    _c("Titel", "title", required=True),
    _c("Datum", "date", "date"),
    _c("Notitie", "note"),
))

PERSONS = Sheet("Personen", "persons", "p", (
    _c("Id", "id", "id"),
    _c("Naam of rol", "label", required=True),
    _c("Soort", "kind", "enum", PersonKind, required=True),
    _c("Geslacht", "gender", "enum", Gender),
    _c("Geboren", "birth", "date"),
    _c("Overleden op", "death", "date"),
    _c("Overleden", "deceased", "bool"),
    _c("Rol", "role"),
    _c("Organisatie", "organisation", "ref", refers_to="organisations"),
    _c("Betrokken vanaf", "involvement.start", "date"),
    _c("Betrokken tot", "involvement.end", "date"),
    _c("Tweeling van", "twin.of", "ref", refers_to="persons"),
    _c("Eeneiig", "twin.identical", "bool"),
    _c("Casusregisseur", "case_manager", "bool"),
    _c("Werkte ook bij", "affiliations", "json"),
    _c("Notitie", "note"),
))

ORGANISATIONS = Sheet("Organisaties", "organisations", "o", (
    _c("Id", "id", "id"),
    _c("Naam", "name", required=True),
    _c("Soort", "type", "enum", OrganisationType, required=True),
    _c("Notitie", "note"),
    _c("Korte naam", "short_name"),
))

RELATIONSHIPS = Sheet("Relaties", "relationships", "r", (
    _c("Id", "id", "id"),
    _c("Van", "source", "ref", refers_to="persons", required=True),
    _c("Soort", "type", "enum", RelationshipType, required=True),
    _c("Naar", "target", "ref", refers_to="persons", required=True),
    _c("Soort ouderschap", "parent_kind", "enum", ParentKind),
    _c("Status", "status", "enum", PartnerStatus),
    _c("Getrouwd", "married", "date"),
    _c("Uit elkaar", "separated", "date"),
    _c("Gescheiden", "divorced", "date"),
    _c("Begin", "start", "date"),
    _c("Einde", "end", "date"),
    _c("Gezien door", "view", "ref", refers_to="persons"),
    _c("Zekerheid", "certainty", "enum", Certainty),
    _c("Bron", "info_source", "ref", refers_to="sources"),
    _c("Verteld door", "informant", "ref", refers_to="persons"),
    _c("Notitie", "note"),
))

EVENTS = Sheet("Gebeurtenissen", "events", "e", (
    _c("Id", "id", "id"),
    _c("Datum", "date", "date", required=True),
    _c("Einddatum", "end", "date"),
    _c("Ongeveer", "approximate", "bool"),
    _c("Laag", "layer", "enum", Layer, required=True),
    _c("Soort", "type", "enum", EventType, required=True),
    _c("Titel", "title", required=True),
    _c("Beschrijving", "description"),
    _c("Personen", "persons", "refs", refers_to="persons"),
    _c("Organisatie", "organisation", "ref", refers_to="organisations"),
    _c("Ook betrokken organisaties", "organisations", "refs", refers_to="organisations"),
    _c("Naar organisatie", "to_organisation", "ref", refers_to="organisations"),
    _c("Bron", "source", "ref", refers_to="sources"),
    _c("Verteld door", "informant", "ref", refers_to="persons"),
    _c("Perspectief van", "perspective", "ref", refers_to="persons"),
    _c("Soort uitspraak", "statement_kind", "enum", StatementKind),
    _c("Zekerheid", "certainty", "enum", Certainty),
    _c("Kernmoment", "key_moment", "bool"),
    _c("Plaatsing", "placement.setting", "enum", PlacementSetting),
    _c("Plaatsing: kind", "placement.child", "ref", refers_to="persons"),
    _c("Plaatsing: locatie", "placement.location"),
    _c("Plaatsing: crisis", "placement.crisis", "bool"),
    _c("Besluit door", "decision.decided_by", "refs", refers_to="actors"),
    _c("Besluit: familie betrokken", "decision.family_involved", "enum", FamilyInvolved),
    _c("Besluit: motivering", "decision.rationale"),
    _c("Besluit: niet gehoord", "decision.not_heard", "refs", refers_to="persons"),
))

SHEETS: tuple[Sheet, ...] = (PERSONS, ORGANISATIONS, RELATIONSHIPS, EVENTS, SOURCES)
"""The item sheets, in the order a workbook holds them (after Casus)."""

CASE_SHEET = "Casus"
CASE_FIELDS: dict[str, str] = {
    "Casusnummer": "id", "Titel": "title", "Omschrijving": "description", "Indexpersoon": "index_person",
    "Aangemaakt": "created", "Bijgewerkt": "updated", "Schemaversie": "schema_version",
}
"""The Casus sheet: one row per field, the name in column A and the value in column B."""

OTHER_SHEET = "Overig"
OTHER_PARTS = ("households", "annotations", "reflections", "layout", "organisation_relationships")
"""What the workbook carries as JSON, untouched, so a round trip loses nothing."""

LISTS_SHEET = "Lijsten"
"""The hidden sheet holding the drop-down lists."""

ALIASES: dict[str, tuple[str, ...]] = {
    "formal": ("formeel", "boven", "boven de lijn"),
    "lived": ("beleving", "beleefd", "onder", "onder de lijn"),
}
"""Short words people write for a value, besides its labels."""

TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "waar", "x", "1"})
FALSE_WORDS = frozenset({"nee", "n", "no", "false", "onwaar", "0"})


class CellError(ValueError):
    """A cell that cannot be read; ``nl``/``en`` say why."""

    def __init__(self, code: str, nl: str, en: str) -> None:
        super().__init__(en)
        self.code, self.nl, self.en = code, nl, en


def is_empty(value: Any) -> bool:
    """An empty cell: nothing, blank text or pandas' NaN."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ``.0``, dates as typed in Dutch."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day}-{value.month}-{value.year}"
    return str(value).strip()


def read_date(value: Any) -> str:
    """A date cell (Excel date, a year as a number, or Dutch text) as the case format's text."""
    if isinstance(value, dt.datetime | dt.date):
        if isinstance(value, dt.datetime) and value.time() != dt.time(0):
            raise CellError("date_with_time", "een datum zonder tijd verwacht", "expected a date without a time")
        day = value.date() if isinstance(value, dt.datetime) else value
        return PartialDate.from_date(day).iso()
    text = normal_date(cell_text(value))
    try:
        return PartialDate.parse(text).iso()
    except ValueError:
        raise CellError("bad_date", f"'{_short(value)}' is geen datum zoals 12-3-2015, 3-2015, 2015 of ca. 2015",
                        f"'{_short(value)}' is not a date like 12-3-2015, 3-2015, 2015 or ca. 2015") from None


def read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError("bad_yes_no", f"'{_short(value)}' is geen ja of nee", f"'{_short(value)}' is not yes or no")


def choice_labels(enum: type[StrEnum], lang: str = "nl") -> list[str]:
    """The drop-down entries of a closed word list, in its order."""
    return [LABELS.get(member.value, {}).get(lang, member.value) for member in enum]


def read_enum(value: Any, enum: type[StrEnum]) -> str:
    """A word-list cell: the Dutch label, the English label or the format's value (any case)."""
    wanted = cell_text(value).casefold()
    for member in enum:
        names = {member.value, *LABELS.get(member.value, {}).values(), *ALIASES.get(member.value, ())}
        if wanted in {name.casefold() for name in names}:
            return member.value
    choices = ", ".join(choice_labels(enum))
    raise CellError("bad_choice", f"'{_short(value)}' staat niet in de lijst; kies uit: {choices}",
                    f"'{_short(value)}' is not in the list; choose one of: {', '.join(choice_labels(enum, 'en'))}")


def split_refs(value: Any) -> list[str]:
    """A cell naming several items: separated by commas, semicolons or line breaks."""
    text = cell_text(value).replace(";", ",").replace("\n", ",")
    return [part.strip() for part in text.split(",") if part.strip()]


def _short(value: Any) -> str:
    text = cell_text(value)
    return text if len(text) <= 40 else text[:39] + "…"
