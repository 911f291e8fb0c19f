"""Fitting the timeline's lanes into one screen's height: lanes with the fewest events merge into one
"other organisations" / "other voices" lane (used by :func:`layouts.timeline.lanes.timeline_layout`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layouts.timeline.style import LANE_GAP, lane_budget_rows
from models.case import Case
from models.vocabulary import Layer


@dataclass
class _Lanes:
    """The lane tables :func:`layouts.timeline.lanes.timeline_layout` builds, changed in place as lanes merge:
    lane key → (kind, ref, layer, first event), lane key → its events, lane key → its rows, each event's lane
    key, and the function that packs a lane's events into rows (and records its rows)."""

    info: dict[str, tuple[str, str, Layer, int]]
    members: dict[str, list[int]]
    n_rows: dict[str, int]
    lane_keys: list[str]
    pack: Callable[..., int]

    def height(self, keys: list[str]) -> float:
        """Rows the lanes ``keys`` take, with the gaps between them."""
        return sum(self.n_rows[key] for key in keys) + LANE_GAP * max(len(keys) - 1, 0)

    def need(self) -> dict[Layer, float]:
        """Rows each half takes."""
        return {layer: self.height([key for key, info in self.info.items() if info[2] == layer]) for layer in Layer}

    def merge(self, chosen: list[str], keys: list[str], target_key: str, kind: str, layer: Layer,
              merged: dict[str, list[str]], cap: int) -> None:
        """Merge the lanes ``chosen`` into ``target_key`` (made when missing; ``keys``: the half's lane keys,
        updated), record their refs in ``merged`` and pack the merged lane into at most ``cap`` rows."""
        for key in chosen:
            _, ref, _, order = self.info.pop(key)
            members = self.members.pop(key)
            keys.remove(key)
            del self.n_rows[key]
            merged.setdefault(target_key, []).append(ref)
            if target_key not in self.info:
                self.info[target_key] = (kind, "", layer, order)
                self.members[target_key] = []
                keys.append(target_key)
            else:
                info = self.info[target_key]
                self.info[target_key] = (info[0], info[1], layer, min(info[3], order))
            for i in members:
                self.lane_keys[i] = target_key
            self.members[target_key] += members
        self.members[target_key].sort()
        self.pack(target_key, self.members[target_key], 1, cap)


def _first_batch(lanes: _Lanes, candidates: list[str], keys: list[str], target_key: str, allowance: float,
                 minimum: int, cap: int) -> list[str]:
    """The first lanes to merge at once (taken from ``candidates``), guessing the merged lane as tall as the
    tallest lane in it: packing a lane of thousands of events once per merge would be slow."""
    guess = lanes.n_rows.get(target_key, 0)
    remaining = lanes.height(keys)
    batch: list[str] = []
    while remaining > allowance and len(candidates) > minimum:
        key = candidates.pop(0)
        before = min(cap, max(guess, 1))
        guess = min(cap, max(guess, lanes.n_rows[key]))
        remaining -= lanes.n_rows[key] + LANE_GAP
        if target_key not in keys and not batch:
            remaining += before + LANE_GAP
        remaining += guess - before if (target_key in keys or batch) else 0
        batch.append(key)
    return batch


def merge_to_budget(lane_info: dict[str, tuple[str, str, Layer, int]], by_lane: dict[str, list[int]],
                    n_rows: dict[str, int], lane_keys: list[str], pack: Callable[..., int],
                    lane_mode: str, projector: bool, case: Case, roomy: bool = True) -> dict[str, list[str]]:
    """Make formal and lived lanes fit the budget of one screen (:func:`lane_budget_rows`).

    First moments that share a moment overlap instead of taking a second row (unless ``roomy`` is False: the
    lanes were packed so already); then, per half, the lanes
    with the fewest events are merged into one lane — formal lanes into ``"other"``, voices into
    ``"others"`` — (the index person's lane and the family lane stay), the merged lane a few rows at most.
    Updates ``lane_info``, ``by_lane``, ``n_rows`` and ``lane_keys`` in place; returns merged lane key → the
    refs merged into it.
    """
    budget = lane_budget_rows(projector)
    lanes = _Lanes(lane_info, by_lane, n_rows, lane_keys, pack)
    if sum(lanes.need().values()) <= budget:
        return {}
    if roomy:
        for key, members in by_lane.items():
            pack(key, members, 1)
    natural = lanes.need()
    if sum(natural.values()) <= budget:
        return {}
    lived_share = min(natural[Layer.LIVED], max(0.38 * budget, budget - natural[Layer.FORMAL]))
    allowance = {Layer.LIVED: lived_share, Layer.FORMAL: budget - lived_share}
    cap = 2 if projector else 3
    merged: dict[str, list[str]] = {}
    for layer, target_key, kind in ((Layer.FORMAL, "other", "other"), (Layer.LIVED, "others", "others")):
        keys = [key for key, info in lane_info.items() if info[2] == layer]
        protected = {target_key, "family", f"person:{case.index_person}"}
        candidates = sorted((key for key in keys if key not in protected),
                            key=lambda key: (len(by_lane[key]), -lane_info[key][3]))
        minimum = 2 if layer == Layer.FORMAL else 1  # lanes of their own that stay, at the least
        # First a batch, then one at a time while the half does not fit.
        batch = _first_batch(lanes, candidates, keys, target_key, allowance[layer], minimum, cap)
        if batch:
            lanes.merge(batch, keys, target_key, kind, layer, merged, cap)
        while lanes.height(keys) > allowance[layer] and len(candidates) > minimum:
            lanes.merge([candidates.pop(0)], keys, target_key, kind, layer, merged, cap)
    return {key: sorted(refs) for key, refs in merged.items()}
