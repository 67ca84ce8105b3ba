"""Movements (spec §3): P/R/F1, then field accuracy over the matched ones.

Set aside: movements with no asset model (a designator is what a gold movement is keyed on).
Match rule: the same asset model (case, hyphens and spaces ignored) and a destination within
100 km of gold's, or in gold's country when gold gives only `{country}` (or a place with
`feature: country`), using the country of the predicted destination place.
Fields, each over the matched movements whose gold gives it:
- operator: gold operator_country equals the predicted asset's operator country;
- origin: the same rule as the destination;
- via: recall: gold via points with some predicted via place within 100 km (or same country);
- depart, arrive: gold day within ±1 day of the predicted interval.
Best first, by: more field agreements (telling two trips of one model apart), then the closer
destination, then higher confidence.
"""

from __future__ import annotations

from wirewatch.eval.gold import GoldMovement
from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.measure import (
    model_key,
    point_gap_km,
    point_matches,
    same_country,
    within_a_day,
)
from wirewatch.eval.scores import Alignment, MovementScore, Ratio, tally
from wirewatch.model import Analysis, Movement

FIELDS = ("operator", "origin", "via", "depart", "arrive")


def set_aside(movement: Movement) -> bool:
    return not (movement.asset.model and model_key(movement.asset.model))


def field_checks(gold: GoldMovement, pred: Movement, analysis: Analysis) -> dict[str, Ratio]:
    """Each field gold gives, as hits out of total (via has one per gold via point)."""
    checks = {name: Ratio() for name in FIELDS}
    if gold.operator_country:
        operator = pred.asset.operator
        checks["operator"].add(
            same_country(gold.operator_country, operator.country if operator else None)
        )
    if gold.origin:
        checks["origin"].add(point_matches(gold.origin, analysis.place(pred.origin)))
    for point in gold.via or []:
        places = [analysis.place(pid) for pid in pred.via]
        checks["via"].add(any(point_matches(point, place) for place in places))
    if gold.depart:
        checks["depart"].add(within_a_day(gold.depart, pred.depart))
    if gold.arrive:
        checks["arrive"].add(within_a_day(gold.arrive, pred.arrive))
    return checks


def _candidate(
    gi: int,
    pi: int,
    gold: GoldMovement,
    pred: Movement,
    analysis: Analysis,
) -> Candidate | None:
    if model_key(pred.asset.model or "") != model_key(gold.asset_model):
        return None
    destination = analysis.place(pred.destination)
    if not point_matches(gold.destination, destination):
        return None
    agreements = sum(r.hits for r in field_checks(gold, pred, analysis).values())
    score = (agreements, -point_gap_km(gold.destination, destination), pred.confidence)
    return Candidate(gi, pi, score)


def _label(gold: GoldMovement) -> str:
    return f"{gold.asset_model} → {gold.destination.label}"


def score_movements(
    gold: list[GoldMovement], analysis: Analysis, exhaustive: bool
) -> tuple[MovementScore, Alignment]:
    preds = [m for m in analysis.movements if not set_aside(m)]
    candidates = [
        cand
        for gi, item in enumerate(gold)
        for pi, pred in enumerate(preds)
        if (cand := _candidate(gi, pi, item, pred, analysis)) is not None
    ]
    pairs = [(c.gold, c.pred) for c in greedy_match(candidates)]
    score = MovementScore()
    alignment = Alignment(
        exhaustive=exhaustive, set_aside=[m.id for m in analysis.movements if set_aside(m)]
    )
    tally(
        score,
        alignment,
        [_label(g) for g in gold],
        [f"{m.id} {m.asset.model}" for m in preds],
        pairs,
    )
    for gi, pi in pairs:
        for name, check in field_checks(gold[gi], preds[pi], analysis).items():
            ratio: Ratio = getattr(score, name)
            ratio.hits += check.hits
            ratio.total += check.total
    return score, alignment
