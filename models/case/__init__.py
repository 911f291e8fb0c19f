"""The pseudonymised case: persons, organisations, relationships, events and annotations.

Structure and types live here; checks across items (dangling ids, dates that cannot be, ancestry loops) live in
:mod:`models.validation`. The package has one module per kind of item — :mod:`.base` (version, id and text
types, the strict base class, periods, sources), :mod:`.people` (persons, organisations, relationships,
households), :mod:`.events` (events, placements, decisions), :mod:`.notes` (annotations, reflection notes) and
:mod:`.case_file` (the case as a whole) — and everything is imported from here: ``from models.case import Case``.
"""

from __future__ import annotations

from models.case.base import (
    ADDED_BY,
    READABLE_VERSIONS,
    SCHEMA_VERSION,
    CaseItem,
    Contributor,
    Id,
    LongText,
    Period,
    ShortText,
    Source,
)
from models.case.case_file import Case, LayoutHints, Position
from models.case.events import Decision, Event, Placement
from models.case.notes import Annotation, AnnotationTarget, DateRange, ReflectionNote
from models.case.people import (
    Affiliation,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationRelationship,
    Person,
    Relationship,
    Twin,
)

__all__ = [
    "ADDED_BY", "READABLE_VERSIONS", "SCHEMA_VERSION", "Affiliation", "Annotation", "AnnotationTarget", "Case",
    "CaseItem", "Contributor", "DateRange", "Decision", "Event", "Household", "HouseholdMember", "Id",
    "LayoutHints", "LongText", "Organisation", "OrganisationRelationship", "Period", "Person", "Placement",
    "Position", "ReflectionNote", "Relationship", "ShortText", "Source", "Twin",
]
