"""The workshop's join address says when phones cannot reach it (the app binds to this computer by default)."""

from __future__ import annotations

import pytest

from layouts.components.workshop_panel import join_block, join_url, only_this_computer
from layouts.texts import text


@pytest.mark.parametrize(("host", "local"), [("http://127.0.0.1:8050/", True), ("http://localhost:8050/", True),
                                             ("http://[::1]:8050/", True), ("https://casus.example.nl/", False),
                                             ("http://192.168.1.20:8050/", False)])
def test_a_loopback_address_is_only_this_computers(host: str, local: bool) -> None:
    assert only_this_computer(join_url(host, "ABCDE")) is local


def _texts(component) -> list[str]:
    children = getattr(component, "children", None)
    if isinstance(children, str):
        return [children]
    if isinstance(children, list | tuple):
        return [t for child in children for t in _texts(child)]
    return _texts(children) if children is not None else []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_join_block_warns_that_phones_cannot_reach_a_loopback_address(lang: str) -> None:
    warning = text("workshop_local_only", lang)
    local = [t for part in join_block("ABCDE", join_url("http://127.0.0.1:8050/", "ABCDE"), [], {}, lang)
             for t in _texts(part)]
    assert warning in local
    network = [t for part in join_block("ABCDE", join_url("https://casus.example.nl/", "ABCDE"), [], {}, lang)
               for t in _texts(part)]
    assert warning not in network and any("casus.example.nl" in t for t in network)
