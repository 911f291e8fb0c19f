"""Repeated referrals: the chain of referring → receiving organisations, re-referrals, back-and-forth, loops."""

from __future__ import annotations

from typing import Any

from models.case import Event
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding
from models.patterns.words import duration
from models.vocabulary import OrganisationType, label


def referral_events(view: CaseView, rules: PatternRules) -> list[Event]:
    """Referrals in time order (events of one of ``rules.referral_types``); computed once per view."""
    key = f"referrals:{sorted(rules.referral_types)}"
    if key not in view.cache:
        view.cache[key] = [e for e in view.events if e.type in rules.referral_types]
    return view.cache[key]


def heaviness(view: CaseView, rules: PatternRules, org_id: str | None) -> int | None:
    organisation = view.organisations.get(org_id) if org_id else None
    return rules.organisation_heaviness.get(organisation.type) if organisation else None


def _chains(referrals: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Follow the ball: a referral continues the chain that ended at its sender (else starts a new one).

    Returns the chains (organisation path and event ids) and the loops: a chain reaching an organisation
    it passed before, with at least two others in between (A → B → A is back-and-forth, not a loop).
    """
    chains: list[dict[str, Any]] = []
    loops: list[dict[str, Any]] = []
    open_at: dict[str, int] = {}  # organisation -> the chain that currently ends there
    places: list[dict[str | None, list[int]]] = []  # per chain: organisation -> its positions in the path
    for event in referrals:
        sender, receiver = event.organisation, event.to_organisation
        index = open_at.pop(sender, None) if sender is not None else None
        if index is None:
            chains.append({"organisations": [sender, receiver], "events": [event.id]})
            places.append({})
            places[-1].setdefault(sender, []).append(0)
            places[-1].setdefault(receiver, []).append(1)
            index = len(chains) - 1
        else:
            chain = chains[index]
            path = chain["organisations"]
            # the last place of the receiver before the path's last two (a lookup, not a scan of the path)
            seen = places[index].get(receiver, ()) if receiver is not None else ()
            k = next((at for at in reversed(seen) if at < len(path) - 2), None)
            if k is not None:
                loops.append({"organisations": [*path[k:], receiver], "events": [*chain["events"][k:], event.id]})
            places[index].setdefault(receiver, []).append(len(path))
            path.append(receiver)
            chain["events"].append(event.id)
        if receiver is not None:
            open_at[receiver] = index
    return chains, loops


def analyse_referrals(view: CaseView, rules: PatternRules, *, to_help_only: bool = False) -> dict[str, Any]:
    """The figures behind the referral finding (also used by the mirrored-pattern rule); ``to_help_only``: without
    the reports to Veilig Thuis (a finding of their own, not a referral to help)."""
    referrals = referral_events(view, rules)
    if to_help_only:
        referrals = [e for e in referrals if not _to_veilig_thuis(view, e)]
    rereferrals: list[dict[str, Any]] = []
    back_and_forth: list[dict[str, Any]] = []
    heavier: list[str] = []
    last_pair: dict[tuple[str, str], Event] = {}  # (sender, receiver) -> latest such referral
    for i, event in enumerate(referrals):
        sender, receiver = event.organisation, event.to_organisation
        if i > 0:
            previous = referrals[i - 1]
            days = (view.start(event) - view.start(previous)).days
            if days <= rules.rereferral_window_days:
                same = sender is not None and sender == previous.organisation
                rereferrals.append({"event": event.id, "previous": previous.id, "days": days,
                                    "kind": "repeat" if same else "redo"})
        weight_from, weight_to = heaviness(view, rules, sender), heaviness(view, rules, receiver)
        if weight_from is not None and weight_to is not None and weight_to > weight_from:
            heavier.append(event.id)
        if sender is not None and receiver is not None and sender != receiver:
            reverse = last_pair.get((receiver, sender))
            if reverse is not None:
                back_and_forth.append({"organisations": [receiver, sender], "events": [reverse.id, event.id]})
            last_pair[(sender, receiver)] = event
    chains, loops = _chains(referrals)
    return {"referrals": referrals, "rereferrals": rereferrals, "back_and_forth": back_and_forth,
            "loops": loops, "heavier": heavier, "chains": chains}


def _chain_text(view: CaseView, segments: list[list[str | None]]) -> str:
    return "; ".join(" → ".join(view.org_name(org) for org in segment) for segment in segments)


def _referral_lines(view: CaseView, rules: PatternRules, data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The finding's lines: the chain, each referral, re-referrals, back-and-forth, loops, heavier care."""
    referrals: list[Event] = data["referrals"]
    rereferrals, back, loops, heavier = data["rereferrals"], data["back_and_forth"], data["loops"], data["heavier"]
    segments = [chain["organisations"] for chain in data["chains"]]
    months = round(rules.rereferral_window_days / 30.44)
    repeats = sum(1 for r in rereferrals if r["kind"] == "repeat")
    n = len(referrals)
    lines_nl = [f"Keten: {_chain_text(view, segments)}"]
    lines_en = [f"Chain: {_chain_text(view, segments)}"]
    heavier_ids = set(heavier)
    for event in referrals:
        marker_nl = " (zwaarder)" if event.id in heavier_ids else ""
        marker_en = " (heavier)" if event.id in heavier_ids else ""
        pair = f"{view.org_name(event.organisation)} → {view.org_name(event.to_organisation)}"
        lines_nl.append(f"{format_day(view.start(event), 'nl')}: {pair}{marker_nl}")
        lines_en.append(f"{format_day(view.start(event), 'en')}: {pair}{marker_en}")
    if rereferrals:
        lines_nl.append(f"Binnen {months} maanden opnieuw verwezen: {len(rereferrals)} "
                        f"({repeats} door dezelfde verwijzer, {len(rereferrals) - repeats} door een andere)")
        lines_en.append(f"Referred again within {months} months: {len(rereferrals)} "
                        f"({repeats} by the same referrer, {len(rereferrals) - repeats} by another)")
    for item in back:
        a, b = (view.org_name(org) for org in item["organisations"])
        lines_nl.append(f"Heen en weer: {a} → {b} → {a}")
        lines_en.append(f"Back and forth: {a} → {b} → {a}")
    for item in loops:
        path = " → ".join(view.org_name(org) for org in item["organisations"])
        lines_nl.append(f"Rondje: {path}")
        lines_en.append(f"Loop: {path}")
    lines_nl.append(f"Naar zwaardere zorg: {len(heavier)} van {n}")
    lines_en.append(f"To heavier care: {len(heavier)} of {n}")

    return lines_nl, lines_en


def _referral_rules(view: CaseView, rules: PatternRules) -> tuple[str, str]:
    """How the referral finding counted (nl, en)."""
    return (
        f"Telt gebeurtenissen van het type {', '.join(label(t, 'nl') for t in sorted(rules.referral_types))}. "
        f"Opnieuw verwezen: binnen {rules.rereferral_window_days} dagen na de vorige verwijzing (dezelfde "
        "verwijzer = herhaling, een andere = overdoen). Heen en weer: B verwijst terug naar A nadat A naar B "
        "verwees. Keten: een verwijzing door de organisatie die de vorige ontving loopt door. Rondje: de bal komt in "
        "één keten via minstens twee anderen terug bij een organisatie. Zwaarder: "
        "school/huisarts/gemeente < wijkteam < ggz/jeugdhulp < Veilig Thuis/pleegzorg < Raad/GI/rechter < "
        f"gesloten jeugdzorg. Gemeld vanaf {rules.min_referrals} verwijzingen, of vanaf 2 met een herverwijzing, "
        "heen-en-weer of rondje. Meldingen bij Veilig Thuis tellen niet mee als verwijzing: ze hebben een eigen "
        "bevinding." + view.window_rule("nl"),
        f"Counts events of type {', '.join(label(t, 'en') for t in sorted(rules.referral_types))}. Referred "
        f"again: within {rules.rereferral_window_days} days of the previous referral (same referrer = repeat, "
        "another = redo). Back and forth: B refers back to A after A referred to B. Chain: a referral by the "
        "organisation that received the previous one continues it. Loop: within one chain the ball comes back "
        "to an organisation via at least two others. Heavier: school/GP/municipality < local team "
        "< mental health/youth care < Veilig Thuis/foster care < Board/certified institution/court < closed "
        f"youth care. Reported from {rules.min_referrals} referrals, or from 2 with a re-referral, back-and-forth "
        "or loop. Reports to Veilig Thuis do not count as referrals: they have a finding of their own."
        + view.window_rule("en"),
    )


def _to_veilig_thuis(view: CaseView, event: Event) -> bool:
    organisation = view.organisations.get(event.to_organisation) if event.to_organisation else None
    return organisation is not None and organisation.type == OrganisationType.VEILIG_THUIS


def _has_own_finding(pair: list[str], referrals: list[Event], rules: PatternRules) -> bool:
    """Whether the ball passed back between ``pair`` has a finding of its own (:func:`.chain.find_back_and_forth`):
    then this finding asks the general question, not that finding's again (trial: the same ping-pong twice, once
    over a count of every referral)."""
    between = [e for e in referrals if {e.organisation, e.to_organisation} == set(pair)]
    return len(between) >= rules.min_back_and_forth and len({e.organisation for e in between}) >= 2


def find_repeated_referrals(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Reported from ``rules.min_referrals`` referrals, or from two with a re-referral, back-and-forth or loop."""
    data = analyse_referrals(view, rules, to_help_only=True)
    referrals: list[Event] = data["referrals"]
    n = len(referrals)
    rereferrals, back, loops, heavier = data["rereferrals"], data["back_and_forth"], data["loops"], data["heavier"]
    if n < 2 or not (n >= rules.min_referrals or rereferrals or back or loops):
        return []
    segments = [chain["organisations"] for chain in data["chains"]]
    first, last = view.start(referrals[0]), view.start(referrals[-1])
    lines_nl, lines_en = _referral_lines(view, rules, data)
    everyone = referral_events(view, rules)
    unasked = next((pair for pair in back if not _has_own_finding(pair["organisations"], everyone, rules)), None)
    if unasked is not None:
        a, b = (view.org_name(org) for org in unasked["organisations"])
        question = (f"Herkennen jullie dit: de bal gaat heen en weer tussen {a} en {b}? Wat maakte dat niemand de "
                    "vraag kon houden, en hoe was dat voor het gezin?",
                    f"Do you recognise this: the ball goes back and forth between {a} and {b}? What made it hard "
                    "for anyone to hold on to the question, and what was that like for the family?")
    else:
        question = ("Herkennen jullie dit: de vraag wordt telkens doorgegeven aan een volgende organisatie? Wat "
                    "gebeurde er vlak voor elke verwijzing, en hoe was dat voor het gezin?",
                    "Do you recognise this: the question keeps being passed on to the next organisation? What "
                    "happened just before each referral, and what was it like for the family?")
    organisations = [org for e in referrals for org in (e.organisation, e.to_organisation) if org]
    rules_text = _referral_rules(view, rules)
    salience = 0.35 + 0.05 * (n - 2) + 0.05 * len(rereferrals) + 0.15 * len(back) + 0.1 * len(loops) \
        + 0.03 * len(heavier)
    return [make_finding(
        PatternKind.REPEATED_REFERRALS,
        title=(f"{n} keer verwezen in {duration((last - first).days, 'nl')}",
               f"Referred {n} times in {duration((last - first).days, 'en')}"),
        question=question, measure=n, measure_label=("verwijzingen", "referrals"), salience=salience,
        rules=rules_text, events=[e.id for e in referrals],
        persons=[p for e in referrals for p in e.persons], organisations=organisations,
        lines=(lines_nl, lines_en), view=view,
        details={"count": n, "referrals": [{"event": e.id, "from": e.organisation, "to": e.to_organisation,
                                            "date": view.start(e).isoformat()} for e in referrals],
                 "segments": segments, "rereferrals": rereferrals, "back_and_forth": back, "loops": loops,
                 "to_heavier": heavier},
    )]
