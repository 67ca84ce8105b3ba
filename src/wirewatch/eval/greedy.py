"""One-to-one greedy matching, best match first (spec §3, "Matching and scores").

Each kind builds the candidate pairs that satisfy its match rule, each with a score that sorts
higher for a better match; this module picks pairs from the best down, skipping any whose gold
item or prediction is already taken. Ties fall to the lower gold index, then the lower
prediction index, so the result never depends on set or dict order.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A possible match: gold index, prediction index, a sortable score, and extra resources
    the pair would consume (a date's text occurrence), which no other pair may then take."""

    gold: int
    pred: int
    score: tuple[float, ...]
    claims: tuple[Hashable, ...] = ()


def greedy_match(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The chosen pairs, in the order they were chosen (best first)."""
    ordered = sorted(candidates, key=lambda c: (_negated(c.score), c.gold, c.pred))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    used_other: set[Hashable] = set()
    chosen: list[Candidate] = []
    for cand in ordered:
        if cand.gold in used_gold or cand.pred in used_pred:
            continue
        if any(claim in used_other for claim in cand.claims):
            continue
        used_gold.add(cand.gold)
        used_pred.add(cand.pred)
        used_other.update(cand.claims)
        chosen.append(cand)
    return chosen


def _negated(score: tuple[float, ...]) -> tuple[float, ...]:
    # Sort descending on the score but ascending on the indices: negate numeric parts.
    return tuple(-part for part in score)
