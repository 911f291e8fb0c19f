"""Placements: instability (moves per 1,000 days in care), the carousel, and escalation by restrictiveness."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.case import Case
from models.patterns.base import (
    CaseView,
    DateWindow,
    Finding,
    PatternKind,
    PatternRules,
    format_day,
    make_finding,
    plural,
)
from models.patterns.words import duration
from models.vocabulary import RESTRICTIVENESS, PlacementSetting, label


@dataclass(frozen=True)
class Spell:
    """Where the child lived from one placement event to the next (cut to the date window)."""

    event_id: str
    setting: PlacementSetting
    start: dt.date
    end: dt.date
    crisis: bool
    open_ended: bool
    organisation: str | None
    location: str | None
    merged: tuple[str, ...] = ()
    """Later placement events at the same place that continue this stay (informal care becoming formal)."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def restrictiveness(self) -> int:
        return RESTRICTIVENESS[self.setting]

    @property
    def out_of_home(self) -> bool:
        return self.setting != PlacementSetting.HOME

    @property
    def temporary(self) -> bool:
        return self.crisis or self.setting == PlacementSetting.CRISIS_SHELTER


def placement_spells(case: Case, date_window: DateWindow | None = None, child: str | None = None) -> list[Spell]:
    """Spells of one child (default: the index child) from the placement events about that child: each ends at
    its own end or at the next placement, whichever is first.

    A placement without an end lasts until the next placement, else until the end of the date window, the
    child's death or the last day of the case. A placement at the same place as the stay before it continues
    that stay (informal care with grandmother becoming formal kinship care is not a move).
    """
    return _spells(CaseView(case, date_window), child)


def _same_place(before: Spell, after: Spell) -> bool:
    return bool(before.location and after.location and before.location.casefold() == after.location.casefold()
                and before.out_of_home == after.out_of_home)


def _spells(view: CaseView, child: str | None = None) -> list[Spell]:
    spells = _raw_spells(view, child or view.case.index_person)
    merged: list[Spell] = []
    for spell in spells:
        if merged and _same_place(merged[-1], spell) and (spell.start - merged[-1].end).days <= 1:
            last = merged[-1]
            merged[-1] = Spell(last.event_id, spell.setting, last.start, spell.end, spell.crisis, spell.open_ended,
                               spell.organisation or last.organisation, last.location,
                               (*last.merged, spell.event_id))
        else:
            merged.append(spell)
    return merged


def _raw_spells(view: CaseView, child: str) -> list[Spell]:
    placed = [e for e in view.all_events if e.placement is not None and view.placement_child(e) == child]
    spells: list[Spell] = []
    for i, event in enumerate(placed):
        assert event.placement is not None
        start = view.start(event)
        next_start = view.start(placed[i + 1]) if i + 1 < len(placed) else None
        if event.end is not None:
            end = event.end.latest() if next_start is None else min(event.end.latest(), next_start)
            open_ended = False
        else:
            end = next_start or max(start, view.reference_end or start)
            open_ended = next_start is None
        if view.child_death is not None and child == view.case.index_person:
            end = min(end, max(start, view.child_death))
        if not view.overlaps(start, end):
            continue
        start, end = view.clip(start, end)
        spells.append(Spell(event.id, event.placement.setting, start, end, event.placement.crisis, open_ended,
                            event.organisation, event.placement.location))
    return spells


def _counted(spell: Spell, rules: PatternRules) -> bool:
    return spell.open_ended or spell.days >= rules.min_stay_days


def _setting_name(spell: Spell, lang: str) -> str:
    name = label(spell.setting, lang)
    return f"{name} ({spell.location})" if spell.location else name


def analyse_placements(view: CaseView, rules: PatternRules) -> dict:
    """Moves, re-entries, days in care and the carousel window (figures shared by the placement rules)."""
    spells = _spells(view)
    counted = [s for s in spells if _counted(s, rules)]
    moves: list[dict] = []
    reentries: list[dict] = []
    previous_care: Spell | None = None
    home_since: Spell | None = None
    for spell in counted:
        if not spell.out_of_home:
            if previous_care is not None and home_since is None:
                home_since = spell
            continue
        if previous_care is not None and home_since is None \
                and (spell.start - previous_care.end).days <= rules.move_max_gap_days:
            direction = "up" if spell.restrictiveness > previous_care.restrictiveness else \
                "down" if spell.restrictiveness < previous_care.restrictiveness else "same"
            moves.append({"from": previous_care.event_id, "to": spell.event_id, "date": spell.start.isoformat(),
                          "from_setting": str(previous_care.setting), "to_setting": str(spell.setting),
                          "direction": direction, "progress": direction == "down"})
        elif home_since is not None and (spell.start - home_since.start).days <= rules.reentry_window_days:
            reentries.append({"home": home_since.event_id, "event": spell.event_id,
                              "days_home": (spell.start - home_since.start).days})
        previous_care, home_since = spell, None
    in_care = [s for s in spells if s.out_of_home]
    counted_care = [s for s in counted if s.out_of_home]
    days_in_care = sum(s.days for s in in_care)
    best: list[Spell] = []
    left = 0
    for right, spell in enumerate(counted_care):
        while (spell.start - counted_care[left].start).days >= rules.carousel_window_days:
            left += 1
        if right - left + 1 > len(best):
            best = counted_care[left:right + 1]
    return {"spells": spells, "counted_care": counted_care, "moves": moves, "reentries": reentries,
            "days_in_care": days_in_care, "crisis_days": sum(s.days for s in in_care if s.temporary),
            "carousel": best}


def _placement_rules(rules: PatternRules, view: CaseView) -> tuple[str, str]:
    return (
        "Plaatsing: gebeurtenis met plaatsingsgegevens; een verblijf loopt tot het einde of tot de volgende "
        f"plaatsing. Verhuizing: van de ene plaatsing buiten huis naar de volgende binnen "
        f"{rules.move_max_gap_days} dagen. Niet geteld als verhuizing: de eerste uithuisplaatsing, terug naar "
        f"huis, weglopen; verblijven korter dan {rules.min_stay_days} dagen tellen niet mee (CFSR-telwijze). "
        "Een nieuwe plaatsing op dezelfde plek (bijvoorbeeld informele zorg bij oma die formele netwerkpleegzorg "
        "wordt) is geen verhuizing. Alleen plaatsingen van dit kind (plaatsing.kind; anders het kind dat de "
        "gebeurtenis noemt). Vooruitgang: naar een minder "
        f"beperkende setting. Terugplaatsing: binnen {rules.reentry_window_days} dagen na thuiskomst weer "
        "geplaatst." + view.window_rule("nl"),
        "Placement: an event with placement data; a stay lasts until its end or the next placement. Move: from "
        f"one out-of-home placement to the next within {rules.move_max_gap_days} days. Not counted as moves: the "
        f"first removal, return home, running away; stays shorter than {rules.min_stay_days} days are left out "
        "(CFSR counting). A new placement at the same place (informal care with grandmother becoming formal "
        "kinship care) is not a move. Only placements of this child (placement.child; else the child the event "
        "names). Progress: to a less restrictive "
        f"setting. Re-entry: placed again within {rules.reentry_window_days} days of going home."
        + view.window_rule("en"),
    )


def find_placement_patterns(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Placement instability (from two counted out-of-home placements), carousel and escalation."""
    data = analyse_placements(view, rules)
    findings: list[Finding] = []
    instability = _instability(view, rules, data)
    if instability:
        findings.append(instability)
    carousel = _carousel(view, rules, data)
    if carousel:
        findings.append(carousel)
    escalation = _escalation(view, rules, data["spells"])
    if escalation:
        findings.append(escalation)
    return findings


def _instability(view: CaseView, rules: PatternRules, data: dict) -> Finding | None:
    care: list[Spell] = data["counted_care"]
    if len(care) < 2:
        return None
    moves, reentries, days = data["moves"], data["reentries"], data["days_in_care"]
    rate = len(moves) / days * 1000 if days else 0.0
    progress = sum(1 for m in moves if m["progress"])
    lines_nl: list[str] = []
    lines_en: list[str] = []
    for spell in data["spells"]:
        note_nl = " (crisis/tijdelijk)" if spell.temporary else ""
        note_en = " (crisis/temporary)" if spell.temporary else ""
        if not _counted(spell, rules):
            note_nl += " (te kort, niet geteld)"
            note_en += " (too short, not counted)"
        lines_nl.append(f"{format_day(spell.start, 'nl')}: {_setting_name(spell, 'nl')}, "
                        f"{duration(spell.days, 'nl')}{note_nl}")
        lines_en.append(f"{format_day(spell.start, 'en')}: {_setting_name(spell, 'en')}, "
                        f"{duration(spell.days, 'en')}{note_en}")
    every_nl = f", gemiddeld elke {duration(days // len(moves), 'nl')}" if moves else ""
    every_en = f", on average every {duration(days // len(moves), 'en')}" if moves else ""
    lines_nl += [f"{plural(len(moves), 'keer', 'keer')} overgeplaatst in {duration(days, 'nl')} buiten huis{every_nl}",
                 f"Naar een lichtere plek: {progress} keer; naar een even zware of zwaardere: {len(moves) - progress} "
                 "keer",
                 f"In crisis- of tijdelijke plaatsingen: {duration(data['crisis_days'], 'nl')}"]
    lines_en += [f"Moved {plural(len(moves), 'time', 'times')} in {duration(days, 'en')} in care{every_en}",
                 f"To a lighter place: {progress}; to an equal or heavier one: {len(moves) - progress}",
                 f"In crisis or temporary placements: {duration(data['crisis_days'], 'en')}"]
    if reentries:
        lines_nl.append(f"Terugplaatsingen binnen {rules.reentry_window_days} dagen na thuiskomst: {len(reentries)}")
        lines_en.append(f"Re-entries within {rules.reentry_window_days} days of going home: {len(reentries)}")
    events = [s.event_id for s in data["spells"]]
    persons = view.persons_of(events)
    salience = 0.35 + 0.08 * len(moves) + 0.08 * len(reentries) + 0.02 * min(rate, 10) \
        + 0.05 * (len(moves) - progress)
    return make_finding(
        PatternKind.PLACEMENT_INSTABILITY,
        title=(f"{len(care)} plaatsingen buiten huis, {len(moves)} keer overgeplaatst in {duration(days, 'nl')}",
               f"{len(care)} out-of-home placements, moved {plural(len(moves), 'time', 'times')} in "
               f"{duration(days, 'en')}"),
        question=("Herkennen jullie dit: steeds een nieuwe plek, nieuwe groepsgenoten, nieuwe begeleiders? Wat "
                  "betekende elke verhuizing voor het kind, en wie bleef er in al die tijd hetzelfde?",
                  "Do you recognise this: again and again a new place, new peers, new carers? What did each move "
                  "mean for the child, and who stayed the same through it all?"),
        measure=len(moves), measure_label=("keer overgeplaatst", "move|moves"),
        salience=salience, rules=_placement_rules(rules, view), events=events, persons=persons,
        organisations=[s.organisation for s in data["spells"] if s.organisation],
        lines=(lines_nl, lines_en), view=view,
        details={"placements": len(care), "moves": moves, "reentries": reentries, "days_in_care": days,
                 "moves_per_1000_days": round(rate, 2), "crisis_days": data["crisis_days"],
                 "progress_moves": progress, "non_progress_moves": len(moves) - progress,
                 "spells": [{"event": s.event_id, "setting": str(s.setting), "start": s.start.isoformat(),
                             "end": s.end.isoformat(), "days": s.days, "crisis": s.temporary,
                             "counted": _counted(s, rules)} for s in data["spells"]]},
    )


def _carousel(view: CaseView, rules: PatternRules, data: dict) -> Finding | None:
    best: list[Spell] = data["carousel"]
    if len(best) < rules.carousel_placements:
        return None
    months = round(rules.carousel_window_days / 30.44)
    seen: set[str] = set()
    returns = 0
    for spell in data["counted_care"]:
        place = spell.location or spell.organisation
        if place and place in seen:
            returns += 1
        if place:
            seen.add(place)
    path = " → ".join(_setting_name(s, "nl") for s in best)
    path_en = " → ".join(_setting_name(s, "en") for s in best)
    lines_nl = [f"{format_day(best[0].start, 'nl')} – {format_day(best[-1].start, 'nl')}: {path}"]
    lines_en = [f"{format_day(best[0].start, 'en')} – {format_day(best[-1].start, 'en')}: {path_en}"]
    if returns:
        lines_nl.append(f"Terug naar een eerdere plek: {returns} keer")
        lines_en.append(f"Back to an earlier place: {returns} times")
    events = [s.event_id for s in best]
    return make_finding(
        PatternKind.PLACEMENT_CAROUSEL,
        title=(f"Carrousel: {len(best)} plaatsingen binnen {months} maanden",
               f"Carousel: {len(best)} placements within {months} months"),
        question=("Herkennen jullie deze carrousel? Wat gebeurde er telkens vlak voor een overplaatsing, en wat "
                  "had het kind nodig om ergens te kunnen blijven?",
                  "Do you recognise this carousel? What happened each time just before a move, and what would the "
                  "child have needed to be able to stay?"),
        measure=len(best), measure_label=(f"plaatsingen binnen {months} maanden", f"placements within {months} months"),
        salience=0.7 + 0.05 * (len(best) - rules.carousel_placements) + 0.03 * returns,
        rules=(f"Carrousel: {rules.carousel_placements} of meer plaatsingen buiten huis die beginnen binnen "
               f"{rules.carousel_window_days} dagen (Engelse indicator 'drie of meer plaatsingen in een jaar'); "
               f"verblijven korter dan {rules.min_stay_days} dagen tellen niet mee." + view.window_rule("nl"),
               f"Carousel: {rules.carousel_placements} or more out-of-home placements starting within "
               f"{rules.carousel_window_days} days (English indicator 'three or more placements in a year'); stays "
               f"shorter than {rules.min_stay_days} days are left out." + view.window_rule("en")),
        events=events, persons=view.persons_of(events),
        organisations=[s.organisation for s in best if s.organisation], lines=(lines_nl, lines_en), view=view,
        details={"placements_in_window": len(best), "window_days": rules.carousel_window_days,
                 "start": best[0].start.isoformat(), "last_start": best[-1].start.isoformat(),
                 "returns_to_earlier_place": returns},
    )


def _escalation(view: CaseView, rules: PatternRules, spells: list[Spell]) -> Finding | None:
    step_ups: list[dict] = []
    previous: Spell | None = None
    for spell in spells:
        if not spell.out_of_home:
            continue
        if previous is not None and spell.restrictiveness > previous.restrictiveness:
            step_ups.append({"from": previous.event_id, "to": spell.event_id, "date": spell.start.isoformat(),
                             "from_setting": str(previous.setting), "to_setting": str(spell.setting)})
        previous = spell
    if not step_ups:
        return None
    highest = max((s for s in spells if s.out_of_home), key=lambda s: s.restrictiveness)
    first = next(s for s in spells if s.out_of_home)
    sequence_nl = " → ".join(label(s.setting, "nl") for s in spells)
    sequence_en = " → ".join(label(s.setting, "en") for s in spells)
    lines_nl, lines_en = [sequence_nl], [sequence_en]
    for lang, lines in (("nl", lines_nl), ("en", lines_en)):
        lines += [f"{format_day(dt.date.fromisoformat(u['date']), lang)}: {label(u['from_setting'], lang)} → "
                  f"{label(u['to_setting'], lang)}" for u in step_ups]
    events = [s.event_id for s in spells]
    closed = highest.restrictiveness >= RESTRICTIVENESS[PlacementSetting.CLOSED_YOUTH_CARE]
    return make_finding(
        PatternKind.ESCALATION,
        title=(f"Escalatie: van {label(first.setting, 'nl')} naar {label(highest.setting, 'nl')}",
               f"Escalation: from {label(first.setting, 'en')} to {label(highest.setting, 'en')}"),
        question=("Herkennen jullie dit: telkens een zwaardere plek als het niet lukt? Wat werd er bij elke stap "
                  "verwacht dat de zwaardere plek wél zou bieden, en kwam dat uit?",
                  "Do you recognise this: a heavier setting each time things do not work out? What was each step "
                  "expected to offer that the previous place could not, and did it?"),
        measure=len(step_ups),
        measure_label=("stap|stappen naar een zwaardere plek", "step|steps up to a heavier place"),
        salience=0.5 + 0.12 * len(step_ups) + (0.2 if closed else 0.0),
        rules=("Volgorde van beperking: thuis < netwerkpleeggezin < pleeggezin < gezinshuis < open groep < "
               "crisisopvang < gesloten jeugdzorg < justitiële jeugdinrichting. Stap omhoog: een plaatsing buiten "
               "huis in een zwaardere setting dan de vorige plaatsing buiten huis (ook na een periode thuis); de "
               "eerste uithuisplaatsing telt niet als stap. Korte verblijven tellen hier wel mee."
               + view.window_rule("nl"),
               "Order of restrictiveness: home < kinship care < foster family < family-style group home < open "
               "group < crisis shelter < closed youth care < youth detention. Step up: an out-of-home placement in "
               "a heavier setting than the previous out-of-home placement (also after a period at home); the first "
               "removal is not a step. Short stays do count here." + view.window_rule("en")),
        events=events, persons=view.persons_of(events),
        organisations=[s.organisation for s in spells if s.organisation], lines=(lines_nl, lines_en), view=view,
        details={"sequence": [str(s.setting) for s in spells], "step_ups": step_ups,
                 "highest": str(highest.setting), "reached_closed_care": closed},
    )
