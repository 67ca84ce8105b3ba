"""Places (spec §3): toponym P/R/F1, then how well the matched ones were resolved.

Match rule: any gold name equals (case-, accent- and punctuation-insensitively) the predicted
place's `name` or the text of one of its mentions. Best first, by this score:
  1. the gold name equals the predicted `name` (2) rather than only a mention's text (1);
  2. the place is resolved (within 161 km, or the right country for a country);
  3. the smaller distance (an unresolved prediction counts as infinitely far).
"""

from __future__ import annotations

import math

from wirewatch.eval.gold import GoldPlace
from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.measure import ACC_KM, distance_km, name_key, same_country
from wirewatch.eval.scores import Alignment, PlaceScore, tally
from wirewatch.model import Analysis, Place


def resolved(gold: GoldPlace, place: Place) -> bool:
    """acc@161: within 161 km; a country (no single point) by its code instead."""
    if gold.feature == "country":
        return same_country(gold.country, place.country)
    found = distance_km(gold, place)
    return found is not None and found <= ACC_KM


def _pred_keys(analysis: Analysis) -> list[tuple[str, set[str]]]:
    text = analysis.document.text
    keys = []
    for place in analysis.places:
        mentioned = {name_key(text[m.start : m.end]) for m in place.mentions} - {""}
        keys.append((name_key(place.name), mentioned))
    return keys


def _candidates(gold: list[GoldPlace], analysis: Analysis) -> list[Candidate]:
    keys = _pred_keys(analysis)
    found = []
    for gi, item in enumerate(gold):
        wanted = {name_key(n) for n in item.all_names} - {""}
        for pi, place in enumerate(analysis.places):
            own, mentioned = keys[pi]
            rank = 2 if own in wanted else 1 if wanted & mentioned else 0
            if not rank:
                continue
            km = distance_km(item, place)
            score = (rank, resolved(item, place), -(km if km is not None else math.inf))
            found.append(Candidate(gi, pi, score))
    return found


def score_places(
    gold: list[GoldPlace], analysis: Analysis, exhaustive: bool
) -> tuple[PlaceScore, Alignment]:
    chosen = greedy_match(_candidates(gold, analysis))
    score, alignment = PlaceScore(), Alignment(exhaustive=exhaustive)
    tally(
        score,
        alignment,
        [g.label for g in gold],
        [p.id for p in analysis.places],
        [(c.gold, c.pred) for c in chosen],
    )
    for cand in chosen:
        item, place = gold[cand.gold], analysis.places[cand.pred]
        score.acc161.add(resolved(item, place))
        if item.country:
            score.country.add(same_country(item.country, place.country))
        km = distance_km(item, place)
        # A country's centroid is arbitrary, so its distance says nothing about the error.
        if km is not None and item.feature != "country":
            score.errors_km.append(km)
    return score, alignment
