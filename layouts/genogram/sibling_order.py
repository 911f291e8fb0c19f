"""The order of siblings in a family row, as genograms draw it: each sibship in birth order (or the saved sibling
order), except a sibling married into another family of the row (their partner a child of other parents in the case):
that one sits at the end of their sibship next to their partner, and their siblings stay on their side of the couple
(the father's siblings on the father's side, the mother's on the mother's side), so that the two families' sibship
lines do not cross."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from models.case import Person
from models.vocabulary import Gender, ParentKind

Unit = tuple[ParentKind, tuple[str, ...]]
Blocks = list[list[str]]


def married_in(pid: str, block: list[str], sibship_of: dict[str, Unit]) -> bool:
    """Whether ``pid`` shares a partner block with a child of another sibship (two families joined)."""
    own = sibship_of.get(pid)
    return own is not None and any(sibship_of.get(m) not in (None, own) for m in block)


def family_side(pid: str, block: list[str], sibship_of: dict[str, Unit]) -> int:
    """Where the siblings of ``pid`` (married into ``block``) go: -1 left of the block, +1 right of it (away from
    the other families in the block), 0 when other families sit on both sides of them."""
    own, at = sibship_of.get(pid), block.index(pid)
    others = [i for i, m in enumerate(block) if sibship_of.get(m) not in (None, own)]
    if all(i > at for i in others):
        return -1
    if all(i < at for i in others):
        return 1
    return 0


def wife_left(block: list[str], sibship_of: dict[str, Unit], persons: dict[str, Person]) -> int:
    """How many couples of ``block`` joining two families of the row have the wife left of her husband."""
    return sum(sibship_of.get(a) not in (None, sibship_of.get(b)) and b in sibship_of
               and persons[a].gender == Gender.FEMALE and persons[b].gender == Gender.MALE
               for a, b in itertools.pairwise(block))


def couple_key(block: list[str], xs: dict[str, float], sibship_of: dict[str, Unit],
               unit_children: dict[Unit, list[str]], persons: dict[str, Person]) -> tuple[int, int]:
    """How well a couple ``block`` (two persons, left to right; ``xs`` their row's slots) follows the convention,
    lower is better: a spouse without parents in the case on the side of their partner away from the partner's
    siblings, then the husband on the left."""
    left, right = block
    outer = 0
    if (left in sibship_of) != (right in sibship_of):
        own = left if left in sibship_of else right
        sibs = [xs[k] for k in unit_children.get(sibship_of[own], []) if k in xs and k != own]
        if sibs:  # the couple right of the siblings: the spouse on the right
            side = (xs[left] + xs[right]) / 2 - sum(sibs) / len(sibs)
            outer = int(side * (1 if own == left else -1) < 0)
    return outer, int(persons[left].gender == Gender.FEMALE and persons[right].gender == Gender.MALE)


def enforce_sibling_order(blocks: Blocks, unit_children: dict[Unit, list[str]], sibship_of: dict[str, Unit],
                          birth: Callable[[str], tuple], hints: dict[str, int]) -> Blocks:
    """``blocks`` (a row's partner blocks, left to right) with each sibship in order: its married-in sibling's
    siblings moved to their side of the couple, then the others in birth order (or the saved order) among their
    slots. Finally the saved left-to-right order across sibships too (e.g. cousins)."""
    blocks = list(blocks)
    for _unit, kids in sorted(unit_children.items(), key=lambda kv: kv[1]):
        blocks = _to_family_side(blocks, kids, sibship_of)
        block_of = {m: i for i, blk in enumerate(blocks) for m in blk}
        here = [k for k in kids if k in block_of and not married_in(k, blocks[block_of[k]], sibship_of)]
        slots = sorted({block_of[k] for k in here})
        if len(slots) < 2 or len(slots) != len(here):
            continue
        ordered = sorted(here, key=birth)
        hinted = [k for k in ordered if k in hints]
        hinted_slots = [i for i, k in enumerate(ordered) if k in hints]
        for i, k in zip(hinted_slots, sorted(hinted, key=lambda k: hints[k]), strict=True):
            ordered[i] = k
        moved = [blocks[block_of[k]] for k in ordered]
        for slot, blk in zip(slots, moved, strict=True):
            blocks[slot] = blk
    block_of = {m: i for i, blk in enumerate(blocks) for m in blk}
    hinted_blocks = sorted({block_of[m] for m in block_of if m in hints})
    if len(hinted_blocks) > 1:
        by_hint = sorted(hinted_blocks, key=lambda i: min(hints[m] for m in blocks[i] if m in hints))
        new = list(blocks)
        for slot, i in zip(hinted_blocks, by_hint, strict=True):
            new[slot] = blocks[i]
        blocks = new
    return blocks


def _to_family_side(blocks: Blocks, kids: list[str], sibship_of: dict[str, Unit]) -> Blocks:
    """The blocks of ``kids``'s siblings that sit on the far side of their married-in sibling's couple, moved next
    to it on their own side (when exactly one of them is married in, with the other family on one side)."""
    block_of = {m: i for i, blk in enumerate(blocks) for m in blk}
    joined = [k for k in kids if k in block_of and married_in(k, blocks[block_of[k]], sibship_of)]
    if len(joined) != 1:
        return blocks
    home = blocks[block_of[joined[0]]]
    side = family_side(joined[0], home, sibship_of)
    if side == 0:
        return blocks
    at = block_of[joined[0]]
    wrong = [i for i in sorted({block_of[k] for k in kids if k in block_of}) if (i - at) * side < 0]
    if not wrong:
        return blocks
    stray = [blocks[i] for i in wrong]
    kept = [blk for i, blk in enumerate(blocks) if i not in wrong]
    at = kept.index(home)
    return kept[:at] + stray + kept[at:] if side < 0 else kept[:at + 1] + stray + kept[at + 1:]
