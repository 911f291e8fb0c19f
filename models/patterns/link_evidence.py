"""The group's links as pattern evidence: where two events of a finding are joined by an arrow the group drew,
the finding cites it ("De groep trok een pijl: ‘A’ leidde tot ‘B’"), so the room sees its own reading beside the
counted pattern. The finding itself (what it counts) does not change."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from models.case import Case
from models.patterns.base import Finding

MAX_CITED = 3
"""At most this many links are cited per finding (the rest are on the timeline)."""


def cite_links(case: Case, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with a line per link between two of a finding's evidence events (in the order drawn)."""
    out: list[Finding] = []
    titles = {event.id: event.title for event in case.events}
    for found in findings:
        evidence = set(found.evidence_events)
        links = [link for link in case.links if link.source in evidence and link.target in evidence][:MAX_CITED]
        if not links:
            out.append(found)
            continue
        nl = tuple(f"De groep trok een pijl: ‘{titles[link.source]}’ {link.label} ‘{titles[link.target]}’"
                   for link in links)
        en = tuple(f"The group drew an arrow: ‘{titles[link.source]}’ {link.label} ‘{titles[link.target]}’"
                   for link in links)
        out.append(dataclasses.replace(found, lines_nl=(*found.lines_nl, *nl), lines_en=(*found.lines_en, *en)))
    return out
