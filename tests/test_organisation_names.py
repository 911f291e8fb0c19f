"""Organisations' shorter names (issue 16): the words a team uses where the full name has no room."""

from __future__ import annotations

from pathlib import Path

import pytest

from layouts.genogram.fit import sociogram_layout
from layouts.genogram.sized_boxes import names_cut_in, shown_org_names
from layouts.organisation_names import abbreviated, first_fitting, name_ladders, own_name
from layouts.timeline.text import HoverWriter, lane_label
from models import load_case
from models.loading import parse_case_bytes
from models.saving import case_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


@pytest.mark.parametrize(("name", "short"), [
    ("Jeugdbescherming Oost", "JB Oost"),
    ("Veilig Thuis regio Noord", "VT Noord"),
    ("Politie, basisteam West", "Politie West"),
    ("Rechtbank West, kinderrechter", "Rechtbank West"),
    ("Openbaar Ministerie, arrondissement Oost", "OM Oost"),
    ("Raad voor de Kinderbescherming", "RvdK"),
    ("Gemeente West (leerplicht)", "Gem. West"),
    ("Gemeente (leerplicht en jeugdbeleid)", "Gemeente"),
    ("Het Baken, voortgezet onderwijs", "Het Baken"),
    ("Huisartsenpraktijk Het Plein", "Huisarts Het Plein"),
    ("Wijkteam Oost", "Wijkteam Oost"),
])
def test_the_name_abbreviated_as_a_team_says_it(name: str, short: str) -> None:
    assert abbreviated(name) == short


def test_an_own_name_starts_with_an_article_and_is_never_a_bare_place() -> None:
    assert own_name("Crisisopvang Het Baken") == "Het Baken"
    assert own_name("Gezinshuis De Linde") == "De Linde"
    assert own_name("Jeugdbescherming Oost") == ""
    assert own_name("Traumacentrum Jeugd") == ""
    assert own_name("Halt") == ""


def test_the_ladder_runs_longest_first_with_the_files_short_name_before_any_rule() -> None:
    ladders = name_ladders([("jb", "Jeugdbescherming Oost", "JBO"), ("baken", "Crisisopvang Het Baken", None),
                            ("wt", "Wijkteam Oost", None)])
    assert ladders["jb"] == ("Jeugdbescherming Oost", "JBO")  # "JB Oost" is no shorter than the team's word
    assert ladders["baken"] == ("Crisisopvang Het Baken", "Het Baken")
    assert ladders["wt"] == ("Wijkteam Oost",)
    assert first_fitting(ladders["baken"], lambda name: len(name) <= 12) == "Het Baken"
    assert first_fitting(ladders["jb"], lambda name: len(name) <= 2) == "JBO"  # the shortest, to be cut ...
    assert first_fitting(ladders["baken"], lambda name: len(name) <= 4) == "Crisisopvang Het Baken"  # ... not "He…"


def test_a_short_name_two_organisations_would_share_is_left_out() -> None:
    ladders = name_ladders([("a", "Jeugd-ggz De Linde", None), ("b", "Gezinshuis De Linde", None)])
    assert ladders == {"a": ("Jeugd-ggz De Linde",), "b": ("Gezinshuis De Linde",)}


def test_two_police_lanes_stay_apart_on_the_timeline() -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    writer = HoverWriter(case, "nl")
    police = [o.id for o in case.organisations if o.name.startswith("Politie")]
    labels = {tuple(lane_label("organisation", oid, writer, "nl", 16)) for oid in police}
    assert labels == {("Politie West",), ("Politie Oost",)}


def test_the_network_wall_names_lisas_organisations_by_their_short_names_rather_than_cut() -> None:
    case = load_case(SAMPLES / "lisa_gesloten_jeugdzorg.json")
    fitted = sociogram_layout(case, None, (1224, 519), projector=True)
    ladders = shown_org_names(case, fitted.graph)
    full = {oid: ladder[:1] for oid, ladder in ladders.items()}
    assert names_cut_in(full, fitted.ring, fitted.ppu) > 0  # the full names do not all fit at 1280×720 ...
    assert names_cut_in(ladders, fitted.ring, fitted.ppu) == 0  # ... every one of the short names does


def test_a_short_name_in_the_file_loads_and_saves_unchanged() -> None:
    data = (SAMPLES / "werkplaats_daan.json").read_bytes()
    case = parse_case_bytes(data)
    first = case.organisations[0].model_copy(update={"short_name": "De Wegwijzer"})
    with_short = case.model_copy(update={"organisations": [first, *case.organisations[1:]]})
    again = parse_case_bytes(case_bytes(with_short))
    assert again.organisations[0].short_name == "De Wegwijzer"
    assert case_bytes(case) == data  # the file without one: byte for byte
