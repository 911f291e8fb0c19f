"""Patterns in one case, each a question for the group pointing at its evidence: :func:`find_patterns`.

May import: ``models`` (the case, dates, vocabulary). Never ``layouts`` or ``app``.
"""

from models.patterns.base import DEFAULT_RULES, DateWindow, Finding, PatternKind, PatternRules
from models.patterns.find import find_patterns, finding_by_id
from models.patterns.placements import Spell, placement_spells

__all__ = ["DEFAULT_RULES", "DateWindow", "Finding", "PatternKind", "PatternRules", "Spell", "find_patterns",
           "finding_by_id", "placement_spells"]
