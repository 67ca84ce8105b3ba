"""Claims (spec §3): P/R/F1, then stance and assessed accuracy over the matched ones.

Match rule: the claimant names match fuzzily (rapidfuzz token-set ratio ≥ 80 on lower-cased
names), or both gold and prediction give an outlet and it is the same (case-, accent- and
punctuation-insensitive). Best first, by: claimant match, then same outlet, then the higher
ratio; so when one outlet quotes two sources, each gold source takes the prediction naming it
before an outlet-only match can take it.
Accuracy: stance over matched gold items that give a stance, assessed over those giving it.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from wirewatch.eval.gold import GoldClaim
from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.measure import name_key
from wirewatch.eval.scores import Alignment, ClaimScore, tally
from wirewatch.model import Analysis, Claim

CLAIMANT_RATIO = 80.0


def same_outlet(gold: GoldClaim, pred: Claim) -> bool:
    if not gold.outlet or not pred.outlet:
        return False
    key = name_key(gold.outlet)
    return bool(key) and key == name_key(pred.outlet)


def _candidate(gi: int, pi: int, gold: GoldClaim, pred: Claim) -> Candidate | None:
    ratio = fuzz.token_set_ratio(gold.claimant.lower(), pred.claimant.name.lower())
    claimant = ratio >= CLAIMANT_RATIO
    outlet = same_outlet(gold, pred)
    if not (claimant or outlet):
        return None
    return Candidate(gi, pi, (claimant, outlet, ratio))


def score_claims(
    gold: list[GoldClaim], analysis: Analysis, exhaustive: bool
) -> tuple[ClaimScore, Alignment]:
    preds = analysis.claims
    candidates = [
        cand
        for gi, item in enumerate(gold)
        for pi, pred in enumerate(preds)
        if (cand := _candidate(gi, pi, item, pred)) is not None
    ]
    pairs = [(c.gold, c.pred) for c in greedy_match(candidates)]
    score, alignment = ClaimScore(), Alignment(exhaustive=exhaustive)
    tally(
        score,
        alignment,
        [g.claimant for g in gold],
        [f"{c.id} {c.claimant.name}" for c in preds],
        pairs,
    )
    for gi, pi in pairs:
        item, pred = gold[gi], preds[pi]
        if item.stance:
            score.stance.add(pred.stance == item.stance)
        if item.assessed:
            score.assessed.add(pred.assessed == item.assessed)
    return score, alignment
