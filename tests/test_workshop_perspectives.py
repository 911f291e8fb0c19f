"""A participant's typed perspective finds the case's own: "Ouders", " ouder " and "OUDER" are the case's
``ouder`` (trimmed, any case, a Dutch plural's "s" or "en" dropped when that names one), not a new perspective."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.workshop_store import STORE_NAME, WorkshopStore
from models.contribution import Contribution, case_perspective, with_perspectives

CASE_PERSPECTIVES = [{"key": "ouder", "label": "Ouder", "colour": "#CC79A7"},
                     {"key": "jb", "label": "Jeugdbeschermer", "colour": "#0072B2"}]


@pytest.mark.parametrize("typed", ["Ouders", " ouder ", "OUDER", "ouder", "ouderen", "  Ouders  "])
def test_a_typed_perspective_matches_the_case_s_own(typed: str) -> None:
    assert case_perspective(typed, CASE_PERSPECTIVES) == CASE_PERSPECTIVES[0]


@pytest.mark.parametrize("typed", ["jeugdbeschermers", "Jeugdbeschermer ", "JB"])
def test_by_label_or_key_too(typed: str) -> None:
    assert case_perspective(typed, CASE_PERSPECTIVES) == CASE_PERSPECTIVES[1]


@pytest.mark.parametrize("typed", ["school", "s", "en", "ouderschap", "kinderen"])
def test_other_words_are_no_case_perspective(typed: str) -> None:
    assert case_perspective(typed, CASE_PERSPECTIVES) is None


def test_participants_typing_a_case_perspective_differently_share_it_on_the_wall(tmp_path: Path) -> None:
    store = WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop("x.json", perspectives=CASE_PERSPECTIVES)
    for name, typed in (("Anna", "Ouders"), ("Bo", " ouder "), ("Chris", "OUDER"), ("Dik", "school"),
                        ("Eva", "Scholen"), ("Fem", "schools")):
        assert store.join(workshop.code, name, typed)
    perspectives = [p.perspective for p in store.participants(workshop.id)]
    assert perspectives[:3] == ["Ouder"] * 3  # one perspective: the case's, named as the case names it
    assert perspectives[3:] == ["school", "scholen", "school"]  # "schools" finds the earlier participant's
    colours = dict(store.workshop(workshop.id).colours)
    assert colours["Ouder"] == "#CC79A7" and set(colours) == {"Ouder", "school", "scholen"}


def test_saving_adds_no_new_perspective_for_a_plural() -> None:
    data = {"perspectives": [dict(p) for p in CASE_PERSPECTIVES]}
    added = [Contribution(1, 1, "event", {}, "Anna", "Ouders"), Contribution(2, 1, "event", {}, "Bo", "ouder")]
    saved = with_perspectives(data, added, {"Ouders": "#D55E00", "ouder": "#D55E00"})
    assert [p["key"] for p in saved["perspectives"]] == ["ouder", "jb"]
    assert saved["perspectives"][0]["colour"] == "#D55E00"
