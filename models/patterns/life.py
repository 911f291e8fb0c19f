"""The family's life around the help: out of school, a parent fading from contact, a loss followed by trouble,
the informal network dropping out, and repeated separations."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right

from models.case import Event, Relationship
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.words import duration, names
from models.vocabulary import EventType, Layer, ParentKind, PersonKind, PlacementSetting, RelationshipType

_OUT_WORDS = ("thuiszit", "niet meer naar school", "geen school", "zonder school", "geen dagbesteding",
              "schoolweigering", "uitgeschreven van school")
_LOSS_WORDS = ("overlijd", "overleden", "overlijden", "begrafenis")
_SUPPORT = frozenset({RelationshipType.SUPPORTIVE, RelationshipType.INFORMAL_CARE, RelationshipType.CLOSE})


def _fallback_rule(used: bool, lang: str) -> str:
    if not used:
        return ""
    return (" Sommige gebeurtenissen zijn herkend aan woorden in de titel (terugval: zonder onderwerp in het "
            "dossier).") if lang == "nl" else " Some events were recognised by words in the title (fallback: no " \
        "topic in the file)."


def find_out_of_school(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Periods without school or day-time activity (topic ``out_of_school``, keywords as a fallback)."""
    spells, keyword = [], False
    for event in view.story_events:
        about, by_word = view.has_topic(event, "out_of_school", _OUT_WORDS)
        if about:
            end = view.end(event) if event.end else (view.story_end or view.end(event))
            spells.append((event, (end - view.start(event)).days))
            keyword |= by_word
    spells = [(e, d) for e, d in spells if d >= rules.out_of_school_days]
    if not spells:
        return []
    total = sum(d for _, d in spells)
    lines_nl = [f"{format_day(view.start(e), 'nl')}: {e.title} ({duration(d, 'nl')})" for e, d in spells]
    lines_en = [f"{format_day(view.start(e), 'en')}: {e.title} ({duration(d, 'en')})" for e, d in spells]
    child = view.person_label(view.case.index_person)
    return [make_finding(
        PatternKind.OUT_OF_SCHOOL,
        title=(f"{duration(total, 'nl').capitalize()} zonder school of dagbesteding",
               f"{duration(total, 'en').capitalize()} without school or day-time activity"),
        question=(f"Wat had {child} nodig om weer ergens elke dag naartoe te gaan, en wie was daarvoor aan zet?",
                  f"What did {child} need to go somewhere every day again, and whose move was it?"),
        measure=round(total / 30.44, 1), measure_label=("maanden thuis", "months at home"),
        salience=0.45 + 0.015 * min(total / 30.44, 24),
        rules=(f"Periodes met onderwerp 'thuiszitten' van minstens {rules.out_of_school_days} dagen; zonder einde: "
               "tot het einde van het verhaal." + _fallback_rule(keyword, "nl") + view.window_rule("nl"),
               f"Periods with topic 'out of school' of at least {rules.out_of_school_days} days; without an end: up "
               "to the end of the story." + _fallback_rule(keyword, "en") + view.window_rule("en")),
        events=[e.id for e, _ in spells], persons=[view.case.index_person], lines=(lines_nl, lines_en), view=view,
        details={"days": total, "events": [e.id for e, _ in spells], "keyword_fallback": keyword},
    )]


def _parents(view: CaseView) -> list[str]:
    child = view.case.index_person
    return [r.source for r in view.case.relationships if r.type == RelationshipType.PARENT and r.target == child
            and r.effective_parent_kind in (ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE)]


def _help_after(view: CaseView, day: dt.date) -> int:
    """Formal events naming the child after ``day``: how far the help went on (one pass for all parents)."""
    days = view.cache.get("child_formal_days")
    if days is None:
        child, first_day = view.case.index_person, view.first_day
        days = view.cache["child_formal_days"] = [first_day[e.id].toordinal() for e in view.story_events
                                                  if e.layer == Layer.FORMAL and child in e.persons]
    return len(days) - bisect_right(days, day.toordinal())


def find_parent_fading(view: CaseView, rules: PatternRules) -> list[Finding]:
    """A living parent who was in the story, then is named in no event for the last ``fading_days`` of it."""
    if view.story_end is None:
        return []
    findings = []
    all_decisions = [e for e in view.story_events if e.decision is not None]
    for parent in _parents(view):
        person = view.persons.get(parent)
        if person is None or (person.death and person.death.earliest() <= view.story_end):
            continue
        seen = [e for e in view.events_of(parent) if view.in_story(e)]
        if len(seen) < 2 or (view.story_end - view.start(seen[-1])).days < rules.fading_days:
            continue
        if _help_after(view, view.start(seen[-1])) < rules.fading_min_events:  # the file winds down, no one fades
            continue
        contact = [e for e in seen if "contact" in e.topics] or seen[-6:]
        decisions = [e for e in all_decisions if view.start(e) > view.start(seen[0])]
        absent = [e for e in decisions if parent not in e.persons and parent not in e.decision.decided_by]
        name, silent = person.label, (view.story_end - view.start(seen[-1])).days
        lines_nl = [f"{format_day(view.start(e), 'nl')}: {e.title}" for e in contact]
        lines_en = [f"{format_day(view.start(e), 'en')}: {e.title}" for e in contact]
        lines_nl.append(f"Daarna {duration(silent, 'nl')} niets van {name} op de tijdlijn")
        lines_en.append(f"Then {duration(silent, 'en')} nothing from {name} on the timeline")
        if decisions:
            lines_nl.append(f"Niet genoemd bij {len(absent)} van {len(decisions)} besluiten")
            lines_en.append(f"Not named in {len(absent)} of {len(decisions)} decisions")
        findings.append(make_finding(
            PatternKind.PARENT_FADING, key=parent,
            title=(f"{name} raakt uit beeld: {duration(silent, 'nl')} niets meer",
                   f"{name} fades from view: nothing for {duration(silent, 'en')}"),
            question=(f"Wat weten we van {name} in deze tijd? Wie zocht contact, en wat zou {name} erover zeggen?",
                      f"What do we know of {name} in this time? Who reached out, and what would {name} say?"),
            measure=round(silent / 30.44, 1), measure_label=("maanden uit beeld", "months out of view"),
            salience=0.45 + 0.01 * min(silent / 30.44, 30),
            rules=(f"Een levende ouder die minstens twee keer op de tijdlijn staat en in de laatste "
                   f"{rules.fading_days} dagen van het verhaal of langer in geen enkele gebeurtenis meer genoemd "
                   f"wordt, terwijl de hulp aan het kind doorging (minstens {rules.fading_min_events} formele "
                   "gebeurtenissen met het kind in die tijd). Bewijs: de omgangsmomenten (onderwerp 'omgang'), "
                   "anders de laatste gebeurtenissen." + view.window_rule("nl"),
                   "A living parent on the timeline at least twice who is named in no event for the last "
                   f"{rules.fading_days} days of the story or longer, while the help for the child went on (at "
                   f"least {rules.fading_min_events} formal events with the child in that time). Evidence: the "
                   "contact moments (topic 'contact'), else the last events." + view.window_rule("en")),
            events=[e.id for e in contact], persons=[parent], lines=(lines_nl, lines_en), view=view,
            details={"parent": parent, "last_seen": seen[-1].id, "days_out_of_view": silent,
                     "decisions_without_parent": len(absent)},
        ))
    return findings


def _losses(view: CaseView) -> tuple[list[tuple[dt.date, str, Event | None]], bool]:
    """(day, who, the event telling it) of deaths within the story, and events about loss; whether keywords
    were used."""
    losses: list[tuple[dt.date, str, Event | None]] = []
    keyword = False
    for person in view.case.persons:
        if person.death is None or person.id == view.case.index_person or person.kind == PersonKind.PROFESSIONAL:
            continue
        day = person.death.earliest()
        if view.story_start and day >= view.story_start and (view.story_end is None or day <= view.story_end):
            told = next((e for e in view.events_of(person.id) if view.start(e) == day), None)
            losses.append((day, person.label, told))
    told_ids = {e.id for _, _, e in losses if e}
    for event in view.story_events:
        if event.type != EventType.LIFE_EVENT or event.id in told_ids:
            continue
        about, by_word = view.has_topic(event, "loss", _LOSS_WORDS)
        if about:
            losses.append((view.start(event), event.title, event))
            keyword |= by_word
    return sorted(losses, key=lambda loss: loss[0]), keyword


def find_loss_then_trouble(view: CaseView, rules: PatternRules) -> list[Finding]:
    """A death or loss followed within ``trouble_window_days`` by at least two incidents, crisis placements or
    events about safety."""
    losses, keyword = _losses(view)
    trouble = [e for e in view.story_events if e.type == EventType.INCIDENT or "safety" in e.topics
               or (e.placement is not None and e.placement.crisis)]
    days = [view.start(e).toordinal() for e in trouble]
    findings = []
    for day, who, told in losses:
        after = trouble[bisect_right(days, day.toordinal()):bisect_left(days, day.toordinal()
                                                                         + rules.trouble_window_days + 1)]
        if len(after) < 2:
            continue
        first = (view.start(after[0]) - day).days
        only_incidents = all(e.type == EventType.INCIDENT for e in after)  # else crises or events about safety too
        n = len(after)
        what_nl = plural(n, "incident", "incidenten") if only_incidents else f"{n} incidenten of crises"
        what_en = plural(n, "incident", "incidents") if only_incidents else f"{n} incidents or crises"
        lines_nl = [f"{format_day(day, 'nl')}: {who}"] + \
            [f"{format_day(view.start(e), 'nl')}: {e.title}" for e in after]
        lines_en = [f"{format_day(day, 'en')}: {who}"] + \
            [f"{format_day(view.start(e), 'en')}: {e.title}" for e in after]
        findings.append(make_finding(
            PatternKind.LOSS_THEN_TROUBLE, key=day.isoformat(),
            title=(f"Na een verlies ({who}): {what_nl} binnen {duration(rules.trouble_window_days, 'nl')}",
                   f"After a loss ({who}): {what_en} within {duration(rules.trouble_window_days, 'en')}"),
            question=("Wie rouwde hier om wie, en wie wist daarvan? Werd de onrust gezien als verdriet?",
                      "Who was grieving for whom here, and who knew? Was the unrest seen as grief?"),
            measure=len(after), measure_label=("incidenten of crises erna", "incidents or crises after"),
            salience=0.5 + 0.05 * len(after) - 0.001 * first,
            rules=("Een overlijden in de familie of het netwerk binnen het verhaal van het kind, of een gebeurtenis "
                   "over verlies, gevolgd door minstens twee incidenten, crisisplaatsingen of gebeurtenissen over "
                   f"veiligheid binnen {rules.trouble_window_days} dagen." + _fallback_rule(keyword, "nl")
                   + view.window_rule("nl"),
                   "A death in the family or network within the child's story, or an event about loss, followed by "
                   f"at least two incidents, crisis placements or events about safety within "
                   f"{rules.trouble_window_days} days." + _fallback_rule(keyword, "en") + view.window_rule("en")),
            events=([told.id] if told else []) + [e.id for e in after],
            persons=[p for e in after for p in e.persons if p in view.family_ids], lines=(lines_nl, lines_en),
            view=view, details={"loss": day.isoformat(), "trouble": [e.id for e in after]},
        ))
    return findings


_OWN_SETTINGS = frozenset({PlacementSetting.HOME, PlacementSetting.KINSHIP_CARE})


def _placement_carers(view: CaseView) -> set[str]:
    """People who came into the child's life with a placement outside the family's own network: the first event
    naming them places the child with a foster family that is not kin, in a family home or a group. They are the
    placement's carers (its ending is a placement ending), not the family's own network."""
    carers = set()
    for event in view.all_events:
        if event.placement is None or event.placement.setting in _OWN_SETTINGS \
                or view.placement_child(event) != view.case.index_person:
            continue
        carers.update(p for p in event.persons if view.events_of(p)[0] is event)
    return carers


def _dropping(view: CaseView) -> list[tuple[str, dt.date, list[Relationship]]]:
    """(person, day, ties) for supporters outside the parents who stopped within the story (not by death), leaving
    out the carers of a placement outside the family's own network."""
    child, parents = view.case.index_person, set(_parents(view)) | _placement_carers(view)
    ended: dict[str, tuple[dt.date, list[Relationship]]] = {}
    for tie in view.case.relationships:
        other = tie.target if tie.source == child else tie.source
        if child not in (tie.source, tie.target) and tie.type != RelationshipType.CUT_OFF:
            continue
        if other in parents or other not in view.persons or view.persons[other].kind == PersonKind.PROFESSIONAL:
            continue
        day = tie.start.earliest() if tie.type == RelationshipType.CUT_OFF and tie.start else \
            tie.end.earliest() if tie.type in _SUPPORT and tie.end else None
        if tie.type == RelationshipType.CUT_OFF:
            other = tie.source if tie.source not in parents else tie.target
            if other in parents or view.persons.get(other) is None:
                continue
        if day is None:
            continue
        ended.setdefault(other, (day, []))[1].append(tie)
    result = []
    for person_id, (day, ties) in ended.items():
        person = view.persons[person_id]
        died = person.death is not None and abs((person.death.earliest() - day).days) <= 31
        in_story = view.story_start is not None and day >= view.story_start and \
            (view.story_end is None or day <= view.story_end)
        supported = any(t.type in _SUPPORT for t in view.case.relationships
                        if person_id in (t.source, t.target) and child in (t.source, t.target))
        if not died and in_story and supported:
            result.append((person_id, day, ties))
    return sorted(result, key=lambda item: item[1])


def find_network_dropping_out(view: CaseView, rules: PatternRules) -> list[Finding]:
    """People from the family's own network who supported the child and stopped (tie ended, or cut off)."""
    gone = _dropping(view)
    if not gone:
        return []
    events, lines_nl, lines_en = [], [], []
    for person, day, _ in gone:
        near = [e for e in view.events_of(person) if e.id in view.position and view.in_story(e)
                and abs((view.start(e) - day).days) <= 62]
        events += [e.id for e in near[-1:]]
        label_ = view.person_label(person)
        lines_nl.append(f"{format_day(day, 'nl')}: {label_} stopt")
        lines_en.append(f"{format_day(day, 'en')}: {label_} stops")
    who = [view.person_label(p) for p, _, _ in gone]
    return [make_finding(
        PatternKind.NETWORK_DROPPING_OUT,
        title=(f"Het eigen netwerk wordt kleiner: {names(who, 'nl')}", f"The family's own network shrinks: "
               f"{names(who, 'en')}"),
        question=("Wie was er nog voor het kind en het gezin toen zij wegvielen? Wie had dat kunnen opvangen?",
                  "Who was still there for the child and the family when they dropped out? Who could have filled "
                  "the gap?"),
        measure=len(gone), measure_label=("steunfiguur|steunfiguren weggevallen", "supporter|supporters dropped out"),
        salience=0.4 + 0.08 * len(gone),
        rules=("Familie (geen ouder) of netwerk met een steunende, hechte of mantelzorgrelatie met het kind die "
               "binnen het verhaal eindigt of waarbij het contact verbroken wordt, niet door overlijden. Niet "
               "meegeteld: wie pas met een plaatsing buiten het eigen netwerk in beeld kwam (een pleeggezin dat geen "
               "familie is, een gezinshuis, een groep). Bewijs: de gebeurtenis met die persoon rond dat moment."
               + view.window_rule("nl"),
               "Family (not a parent) or network with a supportive, close or informal-care tie to the child that "
               "ends within the story or is cut off, not by death. Not counted: people who only came into view with "
               "a placement outside the family's own network (a foster family that is not kin, a family home, a "
               "group). Evidence: the event naming that person around that time." + view.window_rule("en")),
        events=events, persons=[p for p, _, _ in gone], relationships=[t.id for _, _, ties in gone for t in ties],
        lines=(lines_nl, lines_en), view=view, details={"persons": [p for p, _, _ in gone]},
    )]
