"""The family's own layout, remembered per content: it covers the whole history, so a click or another date
reuses it; an edit to the family is a new key."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from layouts.genogram.layout import FamilyLayout, family_layout
from models.case import Case
from models.network import KINSHIP_TYPES
from models.vocabulary import PersonKind

__all__ = ["cached_family_layout", "family_key"]

_FAMILY_LAYOUTS: OrderedDict[bytes, FamilyLayout] = OrderedDict()
_FAMILY_LAYOUTS_MAX = 48


def family_key(case: Case) -> bytes:
    """A digest of everything :func:`family_layout` reads: the index person, layout hints, the persons who
    are not professionals and the kinship ties (a superset, so an edit anywhere in them is a new key)."""
    parts = [case.index_person, case.layout.model_dump_json()]
    parts += [person.model_dump_json() for person in case.persons if person.kind != PersonKind.PROFESSIONAL]
    parts += [rel.model_dump_json() for rel in case.relationships if rel.type in KINSHIP_TYPES]
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8"), digest_size=16).digest()


def cached_family_layout(case: Case, label_room: dict[str, float] | None = None, stagger_drop: float = 0.0,
                         tall_room: dict[str, float] | None = None, line: float = 0.0) -> FamilyLayout:
    """:func:`family_layout`, remembered per content (it covers the whole history, so it does not depend on
    the as-of date or the highlight: a click on an event reuses it). Keyed by content, not by object, so an
    edited case is laid out afresh; treat the result as read-only."""
    key = family_key(case)
    if label_room:
        key += repr((sorted((p, round(r, 3)) for p, r in label_room.items()), round(stagger_drop, 3))).encode()
    if tall_room:
        key += repr((sorted((p, round(r, 3)) for p, r in tall_room.items()), round(line, 3))).encode()
    found = _FAMILY_LAYOUTS.get(key)
    if found is None:
        found = _FAMILY_LAYOUTS[key] = family_layout(case, label_room, stagger_drop, tall_room, line)
        while len(_FAMILY_LAYOUTS) > _FAMILY_LAYOUTS_MAX:
            _FAMILY_LAYOUTS.popitem(last=False)
    else:
        _FAMILY_LAYOUTS.move_to_end(key)
    return found
