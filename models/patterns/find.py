"""Patterns in one case, each pointing at its evidence: ``find_patterns(case) -> list[Finding]``.

Every finding is a reflective question for the group ("do you recognise this?"), with a measure, the
counting rules used, and the exact event, person, organisation and relationship ids it rests on. Findings
come most telling first (``salience``, then a fixed order of kinds). The rules live in small modules:

- :mod:`models.patterns.referrals` — repeated referrals, back-and-forth, loops, heavier care;
- :mod:`models.patterns.placements` — placement instability, carousel, escalation;
- :mod:`models.patterns.people` — turnover, case-manager changes, decisions without the family, absent persons;
- :mod:`models.patterns.sequences` — recurring runs of event types, information gaps;
- :mod:`models.patterns.parallel` — mirrored patterns (parallel processes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.case import Case
from models.patterns.base import (
    DEFAULT_RULES,
    KIND_ORDER,
    CaseView,
    DateWindow,
    Finding,
    PatternKind,
    PatternRules,
)
from models.patterns.chain import find_back_and_forth, find_long_waits, find_veilig_thuis_reports
from models.patterns.decisions import find_decisions_without_family
from models.patterns.generations import find_intergenerational, find_repeated_separations
from models.patterns.life import (
    find_loss_then_trouble,
    find_network_dropping_out,
    find_out_of_school,
    find_parent_fading,
)
from models.patterns.parallel import find_mirrored_conflicts, find_mirrored_passing_on
from models.patterns.people import (
    find_absent_persons,
    find_case_manager_changes,
)
from models.patterns.placements import Spell, find_placement_patterns, placement_spells
from models.patterns.professionals import find_turnover
from models.patterns.referrals import find_repeated_referrals
from models.patterns.sequences import find_information_gaps, find_repeated_sequences
from models.patterns.voices import find_disputed_accounts, find_turning_points, find_unanswered_needs

__all__ = ["DEFAULT_RULES", "DateWindow", "Finding", "PatternKind", "PatternRules", "Spell", "find_patterns",
           "finding_by_id", "placement_spells"]

Rule = Callable[[CaseView, PatternRules], list[Finding]]

RULES: tuple[Rule, ...] = (
    find_repeated_referrals, find_placement_patterns, find_turnover, find_case_manager_changes,
    find_repeated_sequences, find_decisions_without_family, find_information_gaps, find_absent_persons,
    find_mirrored_conflicts, find_mirrored_passing_on, find_veilig_thuis_reports, find_back_and_forth,
    find_long_waits, find_unanswered_needs, find_disputed_accounts, find_turning_points, find_out_of_school,
    find_parent_fading, find_loss_then_trouble, find_network_dropping_out, find_intergenerational,
    find_repeated_separations,
)


def find_patterns(case: Case, *, date_window: DateWindow | None = None,
                  rules: PatternRules | None = None) -> list[Finding]:
    """All patterns found in ``case`` (optionally only within ``date_window``), most telling first.

    Pure: the same case, window and rules always give the same findings. A pattern that is absent gives no
    finding (one referral is not "repeated", one placement is not a carousel).
    """
    view = CaseView(case, date_window)
    active = rules or DEFAULT_RULES
    findings = [finding for rule in RULES for finding in rule(view, active)]
    findings.sort(key=lambda f: (-f.salience, KIND_ORDER[f.kind], f.id))
    return findings


def finding_by_id(findings: Sequence[Finding], finding_id: str | None) -> Finding | None:
    """The finding with this id (as used in the panel's click ids), or None."""
    return next((f for f in findings if f.id == finding_id), None)
