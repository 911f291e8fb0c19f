"""A couple's status on a day, read from the dates of a ``partner`` relationship (married, separated, divorced,
ended) and its latest known ``status``.

Moved out of :mod:`models.case` to keep that module to the structure of the file; ``Relationship``
delegates ``partner_status_on`` and ``together_on`` here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from models.partial_date import PartialDate
from models.vocabulary import PartnerStatus, RelationshipType

if TYPE_CHECKING:
    from models.case import Relationship

ENDINGS = frozenset({PartnerStatus.SEPARATED, PartnerStatus.DIVORCED, PartnerStatus.WIDOWED})
"""Statuses that say how a couple ended."""


def partner_status_on(tie: Relationship, day: dt.date | None) -> PartnerStatus | None:
    """The couple's status on ``day`` (None: the latest known); None before they met or for a non-partner tie."""
    if tie.type != RelationshipType.PARTNER:
        return None
    if day is None:
        return tie.status or latest_status_from_dates(tie)
    if tie.start is not None and day < tie.start.earliest():
        return None

    def passed(value: PartialDate | None) -> bool:
        return value is not None and value.earliest() <= day

    if passed(tie.divorced):
        return PartnerStatus.DIVORCED
    if passed(tie.separated):
        return PartnerStatus.SEPARATED
    if passed(tie.end):
        return tie.status if tie.status in ENDINGS else PartnerStatus.SEPARATED
    if passed(tie.married):
        return PartnerStatus.MARRIED
    if tie.status == PartnerStatus.MARRIED and tie.married is None:
        return PartnerStatus.MARRIED
    ending_dated = {PartnerStatus.DIVORCED: tie.divorced, PartnerStatus.SEPARATED: tie.separated,
                    PartnerStatus.WIDOWED: tie.end}
    if tie.status in ENDINGS and ending_dated[tie.status] is None and tie.end is None:
        return tie.status  # ended at an unknown moment: show how it ended
    return PartnerStatus.COHABITING


def latest_status_from_dates(tie: Relationship) -> PartnerStatus:
    """The latest status the dates show, for a tie without a recorded ``status``."""
    if tie.divorced:
        return PartnerStatus.DIVORCED
    if tie.separated:
        return PartnerStatus.SEPARATED
    return PartnerStatus.MARRIED if tie.married else PartnerStatus.COHABITING
