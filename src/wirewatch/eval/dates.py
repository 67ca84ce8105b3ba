"""Dates (spec §3): found expressions (recall) and correct resolutions (accuracy).

A predicted TimeExpr matches a gold date when its span overlaps an occurrence of the gold text
in the document text (case-insensitive). When the text occurs several times, each occurrence
can be claimed once. Best first, by: start and end both right, then the larger overlap (as a
share of the two spans' union).
"""

from __future__ import annotations

import re

from wirewatch.eval.gold import GoldDate
from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.scores import Alignment, DateScore, tally
from wirewatch.model import Analysis, TimeExpr


def occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text`, ignoring case, as (start, end) code-point offsets."""
    # re with IGNORECASE keeps offsets into the original text (str.lower() can change lengths).
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def is_correct(gold: GoldDate, pred: TimeExpr) -> bool:
    return pred.start == gold.start and pred.end == gold.end


def _candidates(gold: list[GoldDate], analysis: Analysis) -> list[Candidate]:
    text = analysis.document.text
    found = []
    for gi, item in enumerate(gold):
        for start, end in occurrences(item.text, text):
            for pi, pred in enumerate(analysis.dates):
                overlap = min(end, pred.span.end) - max(start, pred.span.start)
                if overlap <= 0:
                    continue
                union = max(end, pred.span.end) - min(start, pred.span.start)
                score = (is_correct(item, pred), overlap / union)
                found.append(Candidate(gi, pi, score, claims=(("occurrence", start, end),)))
    return found


def _ref(pred: TimeExpr) -> str:
    return f"{pred.span.start}:{pred.span.end} {pred.text!r} {pred.start}..{pred.end}"


def score_dates(
    gold: list[GoldDate], analysis: Analysis, exhaustive: bool
) -> tuple[DateScore, Alignment]:
    chosen = greedy_match(_candidates(gold, analysis))
    score, alignment = DateScore(), Alignment(exhaustive=exhaustive)
    tally(
        score,
        alignment,
        [g.text for g in gold],
        [_ref(d) for d in analysis.dates],
        [(c.gold, c.pred) for c in chosen],
    )
    score.resolved = sum(is_correct(gold[c.gold], analysis.dates[c.pred]) for c in chosen)
    return score, alignment
