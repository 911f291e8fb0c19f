"""Fitting the timeline's lanes into one screen's height: lanes with the fewest events merge into one
"other organisations" / "other voices" lane (used by :func:`layouts.timeline.lanes.timeline_layout`)."""

from __future__ import annotations

from collections.abc import Callable

from layouts.timeline.style import LANE_GAP, lane_budget_rows
from models.case import Case
from models.vocabulary import Layer


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

    def height(keys: list[str]) -> float:
        return sum(n_rows[key] for key in keys) + LANE_GAP * max(len(keys) - 1, 0)

    def need() -> dict[Layer, float]:
        return {layer: height([key for key, info in lane_info.items() if info[2] == layer]) for layer in Layer}

    if sum(need().values()) <= budget:
        return {}
    if roomy:
        for key, members in by_lane.items():
            pack(key, members, 1)
    natural = need()
    if sum(natural.values()) <= budget:
        return {}
    lived_share = min(natural[Layer.LIVED], max(0.38 * budget, budget - natural[Layer.FORMAL]))
    allowance = {Layer.LIVED: lived_share, Layer.FORMAL: budget - lived_share}
    merged_cap = 2 if projector else 3
    merged: dict[str, list[str]] = {}
    for layer, target_key, kind in ((Layer.FORMAL, "other", "other"), (Layer.LIVED, "others", "others")):
        keys = [key for key, info in lane_info.items() if info[2] == layer]
        protected = {target_key, "family", f"person:{case.index_person}"}
        candidates = sorted((key for key in keys if key not in protected),
                            key=lambda key: (len(by_lane[key]), -lane_info[key][3]))
        minimum = 2 if layer == Layer.FORMAL else 1  # lanes of their own that stay, at the least

        def merge(chosen: list[str], keys: list[str] = keys, target_key: str = target_key, kind: str = kind,
                  layer: Layer = layer) -> None:
            for key in chosen:
                _, ref, _, order = lane_info.pop(key)
                members = by_lane.pop(key)
                keys.remove(key)
                del n_rows[key]
                merged.setdefault(target_key, []).append(ref)
                if target_key not in lane_info:
                    lane_info[target_key] = (kind, "", layer, order)
                    by_lane[target_key] = []
                    keys.append(target_key)
                else:
                    info = lane_info[target_key]
                    lane_info[target_key] = (info[0], info[1], layer, min(info[3], order))
                for i in members:
                    lane_keys[i] = target_key
                by_lane[target_key] += members
            by_lane[target_key].sort()
            pack(target_key, by_lane[target_key], 1, merged_cap)

        # First a batch, guessing the merged lane as tall as the tallest lane in it (packing a lane of
        # thousands of events once per merge would be slow), then one at a time while it does not fit.
        guess = n_rows.get(target_key, 0)
        remaining = height(keys)
        batch: list[str] = []
        while remaining > allowance[layer] and len(candidates) > minimum:
            key = candidates.pop(0)
            before = min(merged_cap, max(guess, 1))
            guess = min(merged_cap, max(guess, n_rows[key]))
            remaining -= n_rows[key] + LANE_GAP
            if target_key not in keys and not batch:
                remaining += before + LANE_GAP
            remaining += guess - before if (target_key in keys or batch) else 0
            batch.append(key)
        if batch:
            merge(batch)
        while height(keys) > allowance[layer] and len(candidates) > minimum:
            merge([candidates.pop(0)])
    return {key: sorted(refs) for key, refs in merged.items()}
