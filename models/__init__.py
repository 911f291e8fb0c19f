"""The casusbeeld case model: load, validate and query one pseudonymised case."""

from models.case import (
    SCHEMA_VERSION,
    Annotation,
    AnnotationTarget,
    Case,
    DateRange,
    Decision,
    Event,
    Household,
    HouseholdMember,
    LayoutHints,
    Organisation,
    Period,
    Person,
    Placement,
    ReflectionNote,
    Relationship,
    Source,
)
from models.loading import DEFAULT_MAX_BYTES, check_source, load_case, validate_case_data
from models.partial_date import PartialDate
from models.problems import CaseError, Problem

__all__ = [
    "DEFAULT_MAX_BYTES", "SCHEMA_VERSION", "Annotation", "AnnotationTarget", "Case", "CaseError",
    "DateRange", "Decision", "Event", "Household", "HouseholdMember", "LayoutHints", "Organisation",
    "PartialDate", "Period", "Person", "Placement", "Problem", "ReflectionNote", "Relationship", "Source",
    "check_source", "load_case", "validate_case_data",
]
