"""What people said: statements of need nobody answered, accounts that contradict each other (work card 3:
facts, opinions, interpretations), and the turning point after which things went better."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from models.case import Event
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.words import duration
from models.vocabulary import Certainty, EventType, Layer, label

_TROUBLE = frozenset({EventType.INCIDENT, EventType.REFERRAL})


def find_unanswered_needs(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Statements of need with no answer: nothing in the file ``responds_to`` them. In a file that never uses
    ``responds_to``, a formal event naming the speaker within ``answer_window_days`` counts as an answer
    (a fallback, said so in the rules)."""
    needs = [e for e in view.story_events if e.type == EventType.STATEMENT_OF_NEED]
    if not needs:
        return []
    answers: dict[str, list[Event]] = {}
    for event in view.all_events:
        for target in event.responds_to:
            answers.setdefault(target, []).append(event)
    fallback = not answers
    formal_days: dict[str, list[int]] = {}  # speaker -> days of formal events naming them
    unanswered, late = [], []
    for need in needs:
        if fallback:
            speaker = need.perspective or (need.persons[0] if need.persons else "")
            if speaker not in formal_days:
                formal_days[speaker] = [view.start(e).toordinal() for e in view.events_of(speaker)
                                        if e.layer == Layer.FORMAL and e.id in view.position]
            days, day = formal_days[speaker], view.start(need).toordinal()
            if bisect_right(days, day + rules.answer_window_days) == bisect_left(days, day):
                unanswered.append(need)
        elif need.id not in answers:
            unanswered.append(need)
        elif (view.start(answers[need.id][0]) - view.start(need)).days > 183:
            late.append((need, answers[need.id][0]))
    if not unanswered:
        return []
    lines_nl = [f"{format_day(view.start(e), 'nl')}: {e.title}" for e in unanswered]
    lines_en = [f"{format_day(view.start(e), 'en')}: {e.title}" for e in unanswered]
    for need, answer in late:
        wait = (view.start(answer) - view.start(need)).days
        lines_nl.append(f"Laat beantwoord (na {duration(wait, 'nl')}): {need.title}")
        lines_en.append(f"Answered late (after {duration(wait, 'en')}): {need.title}")
    n = len(unanswered)
    how_nl = ("Zonder 'reageert op' in het dossier geldt als antwoord: een formele gebeurtenis met de spreker binnen "
              f"{rules.answer_window_days} dagen (terugval, geen vastgelegd antwoord).") if fallback else \
        "Antwoord: een gebeurtenis die in het dossier 'reageert op' de uitspraak."
    how_en = ("Without 'responds to' in the file, an answer is a formal event naming the speaker within "
              f"{rules.answer_window_days} days (fallback, not a recorded answer).") if fallback else \
        "Answer: an event the file marks as 'responds to' the statement."
    return [make_finding(
        PatternKind.UNANSWERED_NEEDS,
        title=(f"{plural(n, 'vraag', 'vragen')} van het gezin zonder antwoord",
               f"{plural(n, 'request', 'requests')} from the family without an answer"),
        question=("Wie hoorde deze vraag, en wat gebeurde ermee? Wat had het gezin toen nodig?",
                  "Who heard this request, and what happened to it? What did the family need then?"),
        measure=n, measure_label=("vraag|vragen zonder antwoord", "request|requests without an answer"),
        salience=0.5 + 0.08 * n,
        rules=("Uitspraken over behoefte (onder de lijn) binnen het verhaal van het kind. " + how_nl
               + view.window_rule("nl"),
               "Statements of need (below the line) within the child's story. " + how_en + view.window_rule("en")),
        events=[e.id for e in unanswered], persons=[e.perspective for e in unanswered if e.perspective],
        lines=(lines_nl, lines_en), view=view,
        details={"unanswered": [e.id for e in unanswered], "answered_late": [n.id for n, _ in late],
                 "fallback": fallback},
    )]


def find_disputed_accounts(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Accounts the file marks as contradicting another (``contradicts``) or as disputed (certainty)."""
    disputes = [e for e in view.story_events if e.contradicts]
    disputed = [e for e in view.story_events if e.certainty == Certainty.DISPUTED and not e.contradicts]
    ties = [r for r in view.relationships if r.certainty == Certainty.DISPUTED]
    if not (disputes or disputed or ties):
        return []
    lines_nl, lines_en, events = [], [], []
    for event in disputes:
        for target_id in event.contradicts:
            target = view.event_by_id.get(target_id)
            if target is None:
                continue
            events += [target.id, event.id]
            for lang, lines, word in (("nl", lines_nl, "tegenover"), ("en", lines_en, "against")):
                lines.append(f"{_account(view, target, lang)} {word} {_account(view, event, lang)}")
    for event in disputed:
        events.append(event.id)
        lines_nl.append(f"Betwist: {_account(view, event, 'nl')}")
        lines_en.append(f"Disputed: {_account(view, event, 'en')}")
    for tie in ties:
        who = f"{view.person_label(tie.source)} – {view.person_label(tie.target)}"
        lines_nl.append(f"Betwiste relatie: {who} ({label(tie.type, 'nl')})")
        lines_en.append(f"Disputed relationship: {who} ({label(tie.type, 'en')})")
    n = len(disputes) + len(disputed) + len(ties)
    return [make_finding(
        PatternKind.DISPUTED_ACCOUNTS, title=_disputed_title(len(disputes), len(disputed) + len(ties)),
        question=("Wat is hier feit, en wat mening of interpretatie? Wie heeft welk stuk van het verhaal, en wat "
                  "zou het gezin erover zeggen?",
                  "What is fact here, and what opinion or interpretation? Who holds which part of the story, and "
                  "what would the family say?"),
        # a recorded contradiction (two accounts side by side) says more than a mark 'disputed' on one account
        measure=n, measure_label=("keer tegengesproken of betwist", "time|times contradicted or disputed"),
        salience=0.45 + 0.07 * len(disputes) + 0.03 * (len(disputed) + len(ties)),
        rules=("Gebeurtenissen die volgens het dossier een ander verhaal tegenspreken ('spreekt tegen'), "
               "gebeurtenissen en relaties met zekerheid 'betwist'. Tussen haakjes: wie het zegt en of het een "
               "feit, mening, aanname, emotie of interpretatie is (werkkaart 3)." + view.window_rule("nl"),
               "Events the file marks as contradicting another account ('contradicts'), events and relationships "
               "with certainty 'disputed'. In brackets: who says it and whether it is a fact, opinion, assumption, "
               "emotion or interpretation (work card 3)." + view.window_rule("en")),
        events=events, persons=[e.perspective for e in disputes if e.perspective],
        relationships=[r.id for r in ties], lines=(lines_nl, lines_en), view=view,
        details={"disputes": [{"event": e.id, "contradicts": list(e.contradicts)} for e in disputes],
                 "disputed": [e.id for e in disputed], "relationships": [r.id for r in ties]},
    )]


def _disputed_title(contradicting: int, marked: int) -> tuple[str, str]:
    """The title in words of what the file holds: accounts that contradict another, and/or accounts and ties the
    file marks as disputed (one account, not two side by side)."""
    def times(n: int, lang: str) -> str:
        return f"{n} keer" if lang == "nl" else f"{n} {'time' if n == 1 else 'times'}"

    if not marked:
        return (f"Verhalen spreken elkaar tegen: {times(contradicting, 'nl')}",
                f"Accounts contradict each other: {times(contradicting, 'en')}")
    if not contradicting:
        return f"Betwist in het dossier: {times(marked, 'nl')}", f"Disputed in the file: {times(marked, 'en')}"
    return (f"Verhalen spreken elkaar tegen: {times(contradicting, 'nl')}, en {times(marked, 'nl')} betwist",
            f"Accounts contradict each other: {times(contradicting, 'en')}, and disputed {times(marked, 'en')}")


def _account(view: CaseView, event: Event, lang: str) -> str:
    who = view.person_label(event.perspective) if event.perspective else view.org_name(event.organisation) \
        if event.organisation else ""
    kind = label(event.statement_kind, lang) if event.statement_kind else ""
    note = ", ".join(part for part in (who, kind) if part)
    return f"'{event.title}'" + (f" ({note})" if note else "")


def find_turning_points(view: CaseView, rules: PatternRules) -> list[Finding]:
    """The turning point: events the file tags as one (annotation 'turning_point'); else, when the trouble stops
    for good after a troubled period, the events that started just before the calm (computed, to check)."""
    tagged = [(note, [e for e in note.target.events if e in view.position]) for note in view.case.annotations
              if note.tag == "turning_point"]
    tagged = [(note, events) for note, events in tagged if events]
    if tagged:
        events = [e for _, events in tagged for e in events]
        lines_nl = [f"{format_day(view.start(view.event_by_id[ids[0]]), 'nl')}: {note.text}" for note, ids in tagged]
        lines_en = [f"{format_day(view.start(view.event_by_id[ids[0]]), 'en')}: {note.text}" for note, ids in tagged]
        return [_turning(view, events, lines_nl, lines_en, computed=False)]
    trouble = [e for e in view.story_events if e.type in _TROUBLE or "safety" in e.topics
               or (e.placement and e.placement.crisis)]
    if len(trouble) < 3 or view.story_end is None:
        return []
    last = view.start(trouble[-1])
    if (view.story_end - last).days < rules.turning_calm_days:
        return []
    troubled = {e.id for e in trouble}
    after = [e for e in view.story_events if e.layer == Layer.FORMAL and e.id not in troubled
             and 0 <= (view.start(e) - last).days <= 183]
    if not after:
        return []
    lines_nl = [f"Na {format_day(last, 'nl')} geen incidenten, verwijzingen of crisisplaatsingen meer "
                f"({duration((view.story_end - last).days, 'nl')})"]
    lines_en = [f"After {format_day(last, 'en')} no more incidents, referrals or crisis placements "
                f"({duration((view.story_end - last).days, 'en')})"]
    return [_turning(view, [e.id for e in after[:4]], lines_nl, lines_en, computed=True)]


def _turning(view: CaseView, events: list[str], lines_nl: list[str], lines_en: list[str], *,
             computed: bool) -> Finding:
    first = view.event_by_id[events[0]]
    return make_finding(
        PatternKind.TURNING_POINT,
        title=(f"Kantelpunt: {first.title}", f"Turning point: {first.title}"),
        question=("Wat was het kantelpunt? Wat gebeurde er toen, wie deed wat, en wie of wat was daarin belangrijk?",
                  "What was the turning point? What happened then, who did what, and who or what mattered?"),
        measure=len(events), measure_label=("gebeurtenis|gebeurtenissen", "event|events"),
        salience=0.55 if not computed else 0.35,
        rules=(("Berekend: na een periode met minstens drie incidenten, verwijzingen, crisisplaatsingen of "
                "gebeurtenissen over veiligheid komen die een jaar "
                "of langer niet meer voor; bewijs zijn de formele gebeurtenissen in het half jaar erna. Toets het "
                "met het gezin.") if computed else "Gemarkeerd als kantelpunt in de notities van de casus."
               + view.window_rule("nl"),
               ("Computed: after a period with at least three incidents, referrals, crisis placements or events about "
                "safety, none occur for a "
                "year or more; evidence is the formal events in the half year after. Check it with the family.")
               if computed else "Marked as turning point in the case's notes." + view.window_rule("en")),
        events=events, persons=[p for e in events for p in view.event_by_id[e].persons if p in view.family_ids],
        lines=(lines_nl, lines_en), view=view, details={"computed": computed, "events": list(events)},
    )
