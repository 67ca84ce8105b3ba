"""Events (spec §3): P/R/F1, micro and per PLOVER type.

Set aside (counted neither way): predicted events that are negated or whose attribution is
`speculated` (gold never lists those, and a system is not penalised for marking them).

Match rule, each part checked only where gold gives it:
- the predicted type is in the gold list;
- actor_country is the country of some predicted actor, recipient_country of some recipient;
  for `reciprocal` items every gold party is among the predicted actors and recipients, in
  either role (so "A and B agreed" may come out as A→B, B→A, or A and B both actors);
- date: the predicted `when` widened by a day each side overlaps the gold day or month (no
  predicted `when` cannot match a gold date);
- place: the predicted event's place (looked up in `analysis.places`) is within 100 km of the
  gold place (a gold `feature: country` by its country code); no predicted place cannot match.
Best first, by: more gold constraints satisfied (a specific gold item takes its prediction
before a vaguer one), then the closer date, the closer place, the predicted type being the
gold's first listed type, and higher confidence.

Per type, each match is counted once, under one type, so per-type P/R/F1 are ordinary ones: a
matched pair and a missed gold event count under the gold's first listed type (a MOBILIZE
prediction matching gold ["AID", "MOBILIZE"] is an AID true positive); an unmatched prediction
is a false positive under its own type.
"""

from __future__ import annotations

from wirewatch.eval.gold import GoldEvent
from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.measure import day_gap, point_gap_km, point_matches
from wirewatch.eval.scores import Alignment, EventScore, KindScore, tally
from wirewatch.model import Actor, Analysis, Event


def set_aside(event: Event) -> bool:
    return event.negated or event.attribution.status == "speculated"


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country.strip().upper() for a in actors if a.country}


def parties_match(gold: GoldEvent, event: Event) -> bool:
    actors, recipients = _countries(event.actor), _countries(event.recipient)
    wanted_actor = gold.actor_country.strip().upper() if gold.actor_country else None
    wanted_recipient = gold.recipient_country.strip().upper() if gold.recipient_country else None
    if gold.reciprocal:
        wanted = {c for c in (wanted_actor, wanted_recipient) if c}
        return wanted <= actors | recipients
    if wanted_actor and wanted_actor not in actors:
        return False
    return not (wanted_recipient and wanted_recipient not in recipients)


def _candidate(
    gi: int,
    pi: int,
    gold: GoldEvent,
    event: Event,
    analysis: Analysis,
) -> Candidate | None:
    if event.event not in gold.event or not parties_match(gold, event):
        return None
    satisfied = 1 + bool(gold.actor_country) + bool(gold.recipient_country)
    gap_days, gap_km = 0, 0.0
    if gold.date:
        gap = day_gap(gold.date, event.when)
        if gap is None or gap > 1:
            return None
        gap_days, satisfied = gap, satisfied + 1
    if gold.place:
        place = analysis.place(event.place)
        if not point_matches(gold.place, place):
            return None
        gap_km, satisfied = point_gap_km(gold.place, place), satisfied + 1
    score = (satisfied, -gap_days, -gap_km, event.event == gold.first_type, event.confidence)
    return Candidate(gi, pi, score)


def _by_type(
    gold: list[GoldEvent], preds: list[Event], chosen: list[tuple[int, int]], exhaustive: bool
) -> dict[str, KindScore]:
    table: dict[str, KindScore] = {}
    matched_gold = {g for g, _ in chosen}
    matched_pred = {p for _, p in chosen}
    for gi, item in enumerate(gold):
        row = table.setdefault(item.first_type, KindScore())
        hit = gi in matched_gold
        row.gold += 1
        row.found += hit
        if exhaustive:
            row.gold_exhaustive += 1
            row.predicted += hit
            row.correct += hit
    if exhaustive:
        for pi, event in enumerate(preds):
            if pi not in matched_pred:
                table.setdefault(event.event, KindScore()).predicted += 1
    for row in table.values():
        row.exhaustive_docs = int(exhaustive)
    return table


def score_events(
    gold: list[GoldEvent], analysis: Analysis, exhaustive: bool
) -> tuple[EventScore, Alignment]:
    preds = [e for e in analysis.events if not set_aside(e)]
    candidates = [
        cand
        for gi, item in enumerate(gold)
        for pi, event in enumerate(preds)
        if (cand := _candidate(gi, pi, item, event, analysis)) is not None
    ]
    pairs = [(c.gold, c.pred) for c in greedy_match(candidates)]
    score = EventScore()
    alignment = Alignment(
        exhaustive=exhaustive, set_aside=[e.id for e in analysis.events if set_aside(e)]
    )
    labels = ["/".join(g.event) for g in gold]
    tally(score, alignment, labels, [f"{e.id} {e.event}" for e in preds], pairs)
    score.by_type = _by_type(gold, preds, pairs, exhaustive)
    return score, alignment
