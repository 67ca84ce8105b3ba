"""The `movements` step: trips of military assets, built across sentences.

Asset mentions come from the EQUIPMENT entities (catalogue in kb/data/equipment.yaml); route
statements from motion verbs (kb/data/events.yaml `motion`), whose prepositions mark origin,
via and destination ("arrived at X", "stopped in Y", "flew through Z"). "Both aircraft" and
"it" refer back to the assets last named. A deployment abroad also gives one MOBILIZE event
for the whole operation, merged with the events step's mentions of the same act.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._movers import State, index_mentions, movers_of, tracks_for
from wirewatch.extract._operation import home_place, operation_events
from wirewatch.extract._syntax import (
    clause_date,
    place_of,
    preps,
    sentence_date,
    subject_of,
    table,
    when_of,
)
from wirewatch.extract._tracks import Route, Track
from wirewatch.extract.context import Context
from wirewatch.extract.registry import step
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.model import Attribution, Movement, Place, stable_id


@step("movements")
def find_movements(ctx: Context) -> None:
    lex, catalogue = table(ctx, "events"), table(ctx, "equipment")
    if lex is None or catalogue is None:
        return
    state = State(catalogue)
    for sent in ctx.doc.sents:
        if ctx.in_caption(sent.start_char):
            continue
        index_mentions(ctx, catalogue, sent, state)
        for tok in sent:
            if tok.pos_ in {"VERB", "AUX", "NOUN", "ADV"}:
                _statement(ctx, lex, tok, state)
    movements = [m for track in state.tracks.values() for m in _movements(ctx, track)]
    ctx.movements.extend(movements)
    ctx.events[:] = operation_events(ctx, movements, ctx.events)


def _statement(ctx: Context, lex: EventLexicon, tok: Token, state: State) -> None:
    """One clause: a motion verb with its movers and route, or a "back home" cue."""
    if tok.lower_ in lex.motion.home_words and tok.head is not tok:
        for track in movers_of(ctx, lex, tok.head, state, "travel"):
            track.returned = True
        return
    if tok.pos_ not in {"VERB", "AUX"}:
        return
    particles = {c.lower_ for c in tok.children if c.dep_ in {"prt", "advmod"}}
    kinds = lex.motion.classes_of(tok.lemma_.casefold(), particles)
    if not kinds or negated(tok, lex) or speculative(tok, lex):
        _personnel(lex, tok, state)
        return
    kind = kinds[0]
    movers = movers_of(ctx, lex, tok, state, kind)
    if not movers:
        _personnel(lex, tok, state)
        return
    route = _route(ctx, lex, tok, kind)
    route.earlier = any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)
    if len(movers) > 1:
        state.group = movers
    state.last = movers[-1] if len(movers) == 1 else state.last
    if route.empty():
        return
    for track in movers:
        track.update(route)


def _route(ctx: Context, lex: EventLexicon, verb: Token, kind: str) -> Route:
    roles = lex.motion.classes[kind].preps
    route = Route(kind=kind)
    target = lex.motion.classes[kind].object
    for obj in (c for c in verb.children if c.dep_ == "dobj" and target):
        place = place_of(ctx, obj)
        if place is not None:
            _put(route, target, place)
    for word, obj in preps(verb):
        if word == "home":
            route.home = True
            continue
        role = roles.get(word)
        place = place_of(ctx, obj) if role and role != "date" else None
        if place is None:
            continue
        _put(route, role, place)
    date = clause_date(ctx, verb) or (sentence_date(ctx, verb.sent)
                                      if kind in {"arrive", "depart"} else None)
    route.date = when_of(date) if date else None
    route.evidence = ctx.evidence(verb.idx, verb.idx + len(verb))
    route.attribution = _attribution(ctx, verb)
    return route


def _put(route: Route, role: str, place: Place) -> None:
    if role == "origin":
        route.origin = place
    elif role == "via":
        route.via.append(place)
    elif role == "destination":
        route.destination = place


def _attribution(ctx: Context, verb: Token) -> Attribution | None:
    for start, end, claim_id, status in ctx.notes.get("claim_spans", []):
        if start <= verb.idx < end:
            return Attribution(status=status, claim=claim_id)
    return None


def _personnel(lex: EventLexicon, verb: Token, state: State) -> None:
    """"it helped deliver almost 100 military personnel": the people an asset carried."""
    subject = subject_of(verb)
    tracks = tracks_for(lex, subject, state) if subject is not None else []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lower_ not in lex.motion.personnel_words:
            continue
        count = next((int(c.text) for c in obj.children
                      if c.dep_ == "nummod" and c.text.isdigit()), None)
        for track in tracks:
            track.personnel = track.personnel or count
            if track.legs:
                track.legs[0].personnel = track.legs[0].personnel or count


def _movements(ctx: Context, track: Track) -> list[Movement]:
    out = []
    for index, leg in enumerate(track.legs):
        last = index == len(track.legs) - 1
        if leg.destination is None and (leg.home or (last and track.returned and index > 0)):
            leg.destination = home_place(ctx, track.asset.operator)
        if leg.destination is None or not leg.evidence:
            continue  # every movement has a destination
        out.append(Movement(
            id=stable_id("movement", ctx.document.id, track.key, index),
            asset=track.asset, origin=leg.origin.id if leg.origin else None,
            via=[p.id for p in leg.via], destination=leg.destination.id,
            depart=leg.depart, arrive=leg.arrive,
            personnel=leg.personnel if leg.personnel is not None else
            (track.personnel if index == 0 else None),
            attribution=leg.attribution or Attribution(),
            evidence=leg.evidence,
            confidence=round(0.55 + 0.1 * bool(leg.origin) + 0.1 * bool(leg.arrive or leg.depart)
                             + 0.1 * bool(track.asset.operator), 2),
        ))
    return out
