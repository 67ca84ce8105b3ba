"""Trips told without a verb, as tracking posts and logs write them.

"Il-62M RA-86496 out of Vnukovo, routing via Tehran, ETA Pyongyang", "RCH842, a C-5M, in
from Dover", "a C-17 en route to Incirlik from Ramstein": an asset that no motion verb of
its sentence moves, followed in its clause (before any finite verb) by a word that tells a
trip (`motion.verbless_cues`), goes where the prepositions after it say
(`motion.verbless_preps`, read in word order by `_linear`). The date is the one the clause
states, if any.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._linear import FINITE_TAGS, linear_points
from wirewatch.extract._state import State
from wirewatch.extract._syntax import date_in, when_of
from wirewatch.extract._tracks import Route, Track
from wirewatch.extract.context import Context
from wirewatch.kb.tables.events import Motion


def verbless_trips(ctx: Context, motion: Motion, sent: SpacySpan, state: State) -> None:
    """Give each asset of `sent` that no verb moved the trip its verbless clause tells."""
    moved = {id(t) for i in range(sent.start, sent.end) for t in state.by_verb.get(i, [])}
    done: set[int] = set()
    for i in range(sent.start, sent.end):
        for track in state.by_token.get(i, []):
            if id(track) in moved or id(track) in done or id(track) in state.cargo:
                continue
            if i + 1 < sent.end and track in state.by_token.get(i + 1, []):
                continue  # read from the mention's last word
            done.add(id(track))
            if _carried(ctx.tokens[i], motion):
                continue
            route = _told_after(ctx, motion, ctx.tokens[i], track, state)
            if route is not None:
                track.add(route)
                state.mentioned([track], sent.start)


def _told_after(
    ctx: Context, motion: Motion, last: Token, track: Track, state: State
) -> Route | None:
    end = _clause_end(last, track, state, motion)
    clause = last.doc[last.i + 1 : end]
    cue = next((t for t in clause if t.lower_ in motion.verbless_cues), None)
    if cue is None:
        return None
    route = Route(kind="travel")
    # "the Sparta IV (IMO 9743033) underway from Tartus": read on past the bracketed number.
    start = _past_brackets(last, end)
    for role, place in linear_points(ctx, motion, start, motion.verbless_preps, end=end):
        if role == "origin" and route.origin is None:
            route.origin = place
        elif role == "via":
            route.via.append(place)
        elif role == "destination":
            if route.destination is not None:
                route.via.append(route.destination)
            route.destination = place
    if route.destination is None and not (
        route.origin and cue.lower_ in motion.verbless_departures
    ):
        return None  # (where a trip began, with no end, is no movement, unless a later one ends it)
    stop = clause[-1] if len(clause) else last
    date = date_in(ctx, last.idx, stop.idx + len(stop))
    route.date = when_of(date) if date else None
    route.evidence = ctx.evidence(last.idx, stop.idx + len(stop))
    route.attribution = ctx.claim_attribution(last.idx)
    route.flown = track.asset.kind == "aircraft"
    return route


def _past_brackets(last: Token, end: int) -> Token:
    """The bracket's closing token when one opens right after the mention, else the mention."""
    doc = last.doc
    if last.i + 1 >= end or doc[last.i + 1].text != "(":
        return last
    close = next((t for t in doc[last.i + 2 : end] if t.text == ")"), None)
    return close if close is not None else last


def _carried(last: Token, motion: Motion) -> bool:
    """What a verb or preposition governs ("carrying Patriot interceptors bound for
    Ukraine"), or a munition, is carried: its "bound for" is the load's, not a trip."""
    head = last
    while head.dep_ in {"compound", "nmod", "amod"} and head.head.i != head.i:
        head = head.head
    if head.dep_ == "dobj" and head.head.lemma_.casefold() in motion.witness_lemmas:
        return False  # "shows the Sparta IV underway from Tartus": seen going, not carried
    return head.dep_ in _GOVERNED or head.lemma_.casefold() in motion.munition_nouns


_GOVERNED = frozenset({"dobj", "pobj", "dative", "attr"})


def _clause_end(last: Token, track: Track, state: State, motion: Motion) -> int:
    """The clause after the mention ends at a finite verb (the asset has a verb: no
    verbless trip, unless a cue came first: "Six A-29s, en route from Jacksonville to
    Lagos, were held at Bermuda") or at another asset's mention. (A cue the tagger took for
    a verb, "bound", is none.)"""
    cues = motion.verbless_cues | motion.route_words
    cued = False
    for token in last.doc[last.i + 1 : last.sent.end]:
        if token.tag_ in FINITE_TAGS and token.lower_ not in cues:
            # (else the verb's clause is the parse's; a verb of staying put says the trip
            # told before it has not begun)
            stays = token.lemma_.casefold() in motion.stay_lemmas
            return token.i if cued and not stays else last.i + 1
        cued = cued or token.lower_ in motion.verbless_cues
        if any(t is not track for t in state.by_token.get(token.i, [])):
            return token.i
    return last.sent.end
