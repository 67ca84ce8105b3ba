"""A route written out as place names joined by marks: "flew Moscow–Tehran–Damascus".

Flight-tracking and shipping notes write a trip as its stops in order, joined by a dash or an
arrow, where prose would use "from", "via" and "to". The parser reads such a string as
appositions or compounds, which say nothing of the order; the text does. A run of two or more
places in one phrase with only a route mark between each pair is the route, first to last.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.context import Context
from wirewatch.model import Place


def route_string(ctx: Context, phrase: Token, marks: frozenset[str]) -> list[Place]:
    """The places of the longest route string inside the phrase headed by `phrase`, in
    order (empty when there is none of two or more places)."""
    start = phrase.left_edge.idx
    end = phrase.right_edge.idx + len(phrase.right_edge)
    text = ctx.document.text
    window = text[start:end]
    if not any(mark in window for mark in marks):
        return []  # the common case, decided without looking up places
    mentions = sorted(
        (m.start, m.end, place)
        for place in ctx.places_over(start, end)
        for m in place.mentions
        if start <= m.start and m.end <= end
    )
    best: list[Place] = []
    run: list[Place] = []
    last_end = -1
    for m_start, m_end, place in mentions:
        joined = run and text[last_end:m_start].strip() in marks
        run = [*run, place] if joined else [place]
        last_end = m_end
        if len(run) > len(best):
            best = run
    distinct = {p.id for p in best}
    return best if len(best) >= 2 and len(distinct) >= 2 else []
