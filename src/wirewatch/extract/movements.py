"""The `movements` step: trips of military assets, built across sentences.

Asset mentions come from the EQUIPMENT entities (catalogue in kb/data/equipment.yaml) and
from numbered units ("82nd Airborne Division", found by the catalogue's `units` rule); route
statements from motion verbs (kb/data/events.yaml `motion`), whose prepositions mark origin,
via and destination ("arrived at X", "stopped in Y", "flew through Z"). "Both aircraft" and
"it" refer back to the assets last named. A deployment abroad also gives one MOBILIZE event
for the whole operation, merged with the events step's mentions of the same act.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._cargo import carry_along
from wirewatch.extract._dateline import dateline_place
from wirewatch.extract._flight_days import untold_ends
from wirewatch.extract._linear import linear_points
from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._movers import (
    index_mentions,
    movers_of,
    name_variants,
    note_escorts,
    note_named,
    shadowed,
    take_escorted_trips,
    take_passages,
    tracks_for,
)
from wirewatch.extract._named_ends import end_named, owner_tracks
from wirewatch.extract._operation import home_place, operation_events
from wirewatch.extract._refuted import refuted
from wirewatch.extract._registrations import index_registrations
from wirewatch.extract._route_string import route_string
from wirewatch.extract._state import State
from wirewatch.extract._stays import stayed_at
from wirewatch.extract._syntax import (
    actor_at,
    area_parties,
    clause_date,
    clause_verb,
    date_in,
    from_objects,
    parties,
    place_of,
    preps,
    previous_date,
    sentence_date,
    subject_of,
    when_of,
)
from wirewatch.extract._tracks import Route, Track, one_area
from wirewatch.extract._verbless import verbless_trips
from wirewatch.extract.context import Context, children, sentence
from wirewatch.extract.registry import step
from wirewatch.kb.tables.events import Motion, RoutePoint
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.model import Actor, Attribution, Movement, Place, TimeExpr, When, stable_id


@step("movements")
def find_movements(ctx: Context) -> None:
    lex, catalogue = ctx.kb.events, ctx.kb.equipment
    state = State(catalogue)
    for sent in ctx.sents:
        if ctx.in_caption(sent.start_char) or ctx.in_headline(sent.start_char):
            continue  # (a headline retells the trip the report tells: not one of its own)
        index_mentions(ctx, catalogue, sent, state)
        index_registrations(ctx, catalogue, sent, state)
        if _asked(ctx, lex, sent):
            continue  # "Is the frigate Sahand going to Venezuela?": asked, not told
        for tok in ctx.tokens[sent.start : sent.end]:  # a span's iterator rebuilds tokens
            if tok.pos_ in {"VERB", "AUX", "NOUN", "ADV"}:
                _statement(ctx, lex, tok, state)
        _unattached(ctx, lex, sent, state)
        verbless_trips(ctx, lex.motion, sent, state)
        _note_topic(ctx, lex, sent, state)
    _name_foretold(ctx, state)
    name_variants(state)
    take_passages(state)
    take_escorted_trips(state)
    for track in state.tracks.values():
        track.build()
    carry_along(ctx, state)
    movements = [m for track in state.tracks.values() for m in _movements(ctx, track)]
    ctx.movements.extend(movements)
    background = frozenset(
        stable_id("movement", ctx.document.id, track.key, index)
        for track in state.tracks.values()
        for index, leg in enumerate(track.legs)
        if leg.background
    )
    ctx.events[:] = operation_events(ctx, movements, ctx.events, background)


def _asked(ctx: Context, lex: EventLexicon, sent: SpacySpan) -> bool:
    """A sentence that asks ("Q: Is the frigate Sahand going to Venezuela?", "They landed at
    Starokostiantyniv?") tells nothing; a question of how or when ("How did HMCS Max
    Bernays get to Tokyo?") takes the trip as given (`motion.question_words`)."""
    if not ctx.document.text[sent.start_char : sent.end_char].rstrip().endswith("?"):
        return False
    words = [t for t in ctx.tokens[sent.start : sent.end] if t.is_alpha]
    if len(words) > 1 and words[1].i == words[0].i + 2 and ctx.tokens[words[0].i + 1].text == ":":
        words = words[1:]  # an interview's "Q:" label
    # (within its first words: "Q: Captain, how did ...")
    return not any(w.lower_ in lex.motion.question_words for w in words[:3])


def _note_topic(ctx: Context, lex: EventLexicon, sent: SpacySpan, state: State) -> None:
    """ "NORAD tracked two Tu-95MS and an A-50 ... F-35As went up to intercept. The Russian
    aircraft remained in international airspace. They landed back at Anadyr": a sentence
    whose subject refers back to assets makes them what "they" next means, even when its
    verb moves nothing."""
    root = next((t for t in ctx.tokens[sent.start : sent.end] if t.dep_ == "ROOT"), None)
    if root is None or state.by_verb.get(root.i):
        return  # (a motion verb has already said who moved)
    subjects = [c for c in children(root) if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or subjects[0].pos_ == "PRON" or subjects[0].i in state.by_token:
        return
    subject = subjects[0]
    definite = any(
        c.dep_ in {"det", "predet"} and c.lower_ in lex.motion.group_cues for c in children(subject)
    )
    if not lex.motion.kinds_meant(subject.lower_) or not definite:
        return
    tracks = tracks_for(lex, subject, state)
    if tracks:
        state.recent = tracks
        state.group = tracks if len(tracks) > 1 else []
        state.mentioned(tracks)


def _statement(ctx: Context, lex: EventLexicon, tok: Token, state: State) -> None:
    """One clause: a motion verb with its movers and route, or a "back home" cue."""
    if tok.lower_ in lex.motion.home_words and tok.head.i != tok.i:
        for track in movers_of(ctx, lex, tok.head, state, "travel"):
            track.returned = True
        return
    if tok.pos_ == "NOUN" and tok.lemma_.casefold() in lex.motion.trip_events:
        _nominal(ctx, lex, tok, state)
        return
    if tok.pos_ == "NOUN" and _end_named(ctx, lex, tok, state):
        return
    if tok.pos_ not in {"VERB", "AUX"} and not _verb_read_as_noun(lex, tok):
        return
    if _stop_named(ctx, lex, tok, state):
        return
    # A particle, or a preposition some verbs need ("pulled into" arrives, "pulled out" not).
    particles = _particles(tok)
    back = _back(lex, tok)
    kinds = (
        _motion_classes(lex, tok, particles)
        or _trip(lex, tok)
        or _idiom(lex, tok)
        or _made_place(ctx, lex, tok)
        or _underway(lex, tok)
        or _routed(ctx, lex, tok)
        or back
        or _directed(ctx, lex, tok)
        or _now_there(lex, tok)
    )
    if (
        not kinds
        or negated(tok, lex)
        or speculative(tok, lex)
        or refuted(ctx, tok)
        or _pleaded(tok, lex)
        or _cancelled(lex.motion, tok)  # "was called off" is no port call
        or _at_rest(ctx, lex, tok)
    ):
        if not kinds and not negated(tok, lex) and not speculative(tok, lex):
            _stayed(ctx, lex, tok, state)
        _personnel(lex, tok, state)
        return
    kind = kinds[0]
    if kind == "seen" and not _sighting(ctx, lex, tok):
        _personnel(lex, tok, state)  # "the tanker seen over Cyprus": which tanker, no trip
        return
    note_escorts(lex, tok, state)
    movers = _where_movers(tok, state) or movers_of(ctx, lex, tok, state, kind)
    movers += [t for t in _unloaded_from(lex, tok, state) if t not in movers]
    if not movers:
        _personnel(lex, tok, state)
        _foretold(ctx, lex, tok, kind, state)
        return
    route = _route(ctx, lex, tok, kind)
    _in_word_order(ctx, lex, tok, kind, route)
    if route.attribution is not None and route.attribution.status == "denied":
        return  # "dismissing reports that the warship had sailed for Odesa": no trip told
    if route.here and any(r.destination for track in movers for r in track.routes):
        # "diverted to Jeddah. It landed safely": an asset already on a trip told lands
        # at that trip's end, not where the report is.
        route.destination, route.here = None, False
    route.earlier = any(c.dep_ == "aux" and c.lower_ == "had" for c in children(tok))
    if route.earlier and route.kind == "travel" and not _placed(route):
        # "the frigate had patrolled the coast since 2022": going about before the news,
        # with no place of a trip, dates no leg.
        route.date = None
    route.background = _retelling(tok, state, lex.motion.retell_marks)
    # ("where it put in on Thursday" told of a stop: its day is no arrival at the trip's end)
    route.arrival = (
        tok.lemma_.casefold() in lex.motion.arrival_lemmas
        and route.origin is None
        and not (route.destination is None and route.via and _where(tok))
    )
    route.continues = tok.lemma_.casefold() in lex.motion.continue_lemmas
    route.call = route.call or tok.lemma_.casefold() in lex.motion.call_lemmas
    route.diverted = tok.lemma_.casefold() in lex.motion.divert_lemmas
    route.flown = any(t.asset.kind == "aircraft" for t in movers)
    route.onward = tok.lemma_.casefold() in lex.motion.onward_lemmas or bool(
        {c.lower_ for c in children(tok) if c.dep_ in {"prt", "advmod"}} & lex.motion.onward_words
    )
    route.back = (
        route.destination is None
        and not route.home
        and (
            tok.lemma_.casefold() in lex.motion.return_lemmas
            or any(c.dep_ == "advmod" and c.lower_ in lex.motion.back_words for c in children(tok))
        )
    )
    if back:  # "was back in Portsmouth on Wednesday": a trip home, ended that day
        route.kind, route.onward, route.arrival = "travel", True, True
    if route.destination is None and _there(lex, tok):
        route.destination = state.last_place  # "a second Y-20 landed there"
    if route.destination is not None:
        state.last_place = route.destination
    if _same_route(lex, tok) or _follows(lex, tok, route):
        _copy_route(route, movers, state)
    crafts = [t for t in movers if id(t) not in state.cargo]
    if len(crafts) > 1:
        state.group = crafts  # "both" means the craft, not what they carried
    elif crafts and crafts[0] not in state.group:
        state.group = []  # another asset moved since: "they" is no longer that group
    state.last = movers[-1] if len(movers) == 1 else state.last
    if route.empty():
        return
    for track in movers:
        track.add(route)
    for onward in _elided_legs(ctx, lex, tok, route):
        for track in movers:
            track.add(onward)
    passage = [*route.via, *([route.destination] if route.destination else [])]
    for track in shadowed(lex, tok, movers, state) if passage else []:
        # (The shadowing asset's end is a point on the shadowed one's way.)
        state.passages.append((track, Route(kind="transit", via=passage, evidence=route.evidence)))


def _elided_legs(ctx: Context, lex: EventLexicon, verb: Token, route: Route) -> list[Route]:
    """Legs told after "and" without their verb: "hopped from Novosibirsk to Anadyr on
    Saturday and on to Yelizovo on Sunday", "hopped to Nadi and then on to Funafuti" (the
    same trip going on), "flew from Sigonella to the Black Sea and back" (a leg back to
    where it started)."""
    legs: list[Route] = []
    sent = sentence(verb)
    for node in verb.subtree:
        if node.dep_ != "conj" or node.i == verb.i or clause_verb(node) not in {verb, node}:
            continue
        if node.i == sent.start or verb.doc[node.i - 1].lower_ not in _ELIDING:
            continue
        ends = [
            place
            for word, obj in preps(node)
            if lex.motion.classes["travel"].preps.get(word) == "destination"
            and (place := place_of(ctx, obj, with_clauses=False)) is not None
        ]
        back = (
            node.lower_ in _BACK and not ends and not any(c.dep_ == "prep" for c in children(node))
        )
        if node.lower_ in lex.motion.onward_words and ends:
            # (its date may hang off the verb: "... and on to Anadyr on Tuesday")
            date = date_in(ctx, node.idx, sent.end_char)
            when = when_of(date) if date is not None else None
            legs.append(_leg_after(route, ends[0], when, goes_on=True))
        elif back and route.origin is not None and route.destination is not None:
            legs.append(_leg_after(route, route.origin, None, goes_on=False))
        elif ends and lex.motion.classes["travel"].preps.get(node.lower_) == "origin":
            # "flew from Moscow to Tehran on Monday and from Tehran to Damascus on Tuesday"
            start = next(
                (p for o in children(node) if o.dep_ == "pobj" and (p := place_of(ctx, o))),
                None,
            )
            date = date_in(ctx, node.idx, sent.end_char)
            leg = _leg_after(route, ends[0], when_of(date) if date else None, goes_on=False)
            leg.origin = start
            legs.append(leg)
    return legs


def _leg_after(route: Route, end: Place, date: When | None, goes_on: bool) -> Route:
    """A further leg of the trip a clause told, to `end` (one trip with it when it
    `goes_on`, as "continued on to" does)."""
    return Route(
        kind="travel",
        destination=end,
        date=date,
        onward=True,
        continues=goes_on,
        evidence=route.evidence,
        attribution=route.attribution,
    )


_ELIDING = frozenset({"and", "then", ","})  # words before an elided leg ("and then on to X")
_BACK = frozenset({"back"})


def _unattached(ctx: Context, lex: EventLexicon, sent: SpacySpan, state: State) -> None:
    """An asset named before a motion verb of its sentence that the parse tied to no motion
    clause (a subject the small parser hangs off the wrong head: "The frigate Bayern and the
    replenishment ship Frankfurt am Main sailed", with "am" read as a verb) moves by the
    first motion verb after it, when no other asset stands between them (other than ones
    listed with it) and that verb moved nothing, or moved only assets listed with it."""
    span = range(sent.start, sent.end)
    moved = {id(t) for i in span for t in state.by_verb.get(i, [])}
    firsts: dict[int, tuple[int, Track]] = {}
    for i in span:
        for track in state.by_token.get(i, []):
            firsts.setdefault(id(track), (i, track))
    mentions = sorted(firsts.values(), key=lambda pair: pair[0])
    for n, (at, track) in enumerate(mentions):
        if id(track) in moved or id(track) in state.cargo or _governed(ctx, at, track, state):
            continue
        later, listed = _clause_end(ctx, mentions[n + 1 :], at, sent.end)
        verb = next((t for t in ctx.tokens[at + 1 : later] if _moves(ctx, lex, t)), None)
        if verb is None:
            continue
        movers = state.by_verb.get(verb.i, [])
        if movers and not any(id(t) in listed for t in movers):
            continue  # the verb has its own movers, and this asset is not listed with them
        kind = _motion_classes(lex, verb, _particles(verb))[0]
        if kind == "send":
            continue  # what is sent is the verb's object, never a subject before it
        route = _route(ctx, lex, verb, kind)
        _in_word_order(ctx, lex, verb, kind, route)
        if (
            route.destination is None
            or route.here
            or (route.attribution is not None and route.attribution.status == "denied")
        ):
            continue  # (a trip's end taken from where the report is needs a sure mover)
        route.flown = track.asset.kind == "aircraft"
        track.add(route)
        state.by_verb[verb.i] = [*movers, track]
        state.mentioned([track], sent.start)


def _in_word_order(ctx: Context, lex: EventLexicon, verb: Token, kind: str, route: Route) -> None:
    """A clause whose parse gave its trip no end: the route points read in word order
    (`_linear`) fill the slots the parse left empty. With an end, only a departure's start
    is read ("departed Novosibirsk bound for Anadyr", the place parsed as a subject)."""
    if route.here or kind not in _SELF_MOVING:
        return
    if route.destination is not None:
        if kind == "depart" and route.origin is None:
            motion = lex.motion.classes[kind]
            points = linear_points(ctx, lex.motion, verb, motion.preps, motion.object)
            route.origin = next((p for role, p in points if role == "origin"), None)
        return
    via = not route.via
    told = {p.id for p in (route.origin, *route.via) if p is not None}
    motion = lex.motion.classes[kind]
    for role, place in linear_points(ctx, lex.motion, verb, motion.preps, motion.object):
        if place.id in told:
            continue  # (a place the parse put in the route keeps its role)
        if role == "origin" and route.origin is None:
            route.origin = place
        elif role == "via" and via:
            _put(route, role, place)
        elif role == "destination":
            _put(route, role, place, onward=True)


# The classes whose subject is what moves (a `send` verb moves its object, a `load` verb
# tells where a load began): a route read in word order is the subject's.
_SELF_MOVING = frozenset({"arrive", "depart", "transit", "travel"})


def _verb_read_as_noun(lex: EventLexicon, tok: Token) -> bool:
    """ "The patrol ship Pavel Derzhavin sails from Novorossiysk to Sevastopol": a present
    tense the small tagger took for a plural noun, the root of a sentence with no verb,
    with where from or to (a travel verb's `preps`) hanging off it."""
    if tok.dep_ != "ROOT" or tok.tag_ != "NNS":
        return False
    travel = lex.motion.classes.get("travel")
    ends = {w for w, role in travel.preps.items() if role in _ENDS} if travel else set()
    return any(c.dep_ == "prep" and c.lower_ in ends for c in children(tok))


_ENDS = frozenset({"origin", "destination"})


def _placed(route: Route) -> bool:
    return bool(route.origin or route.via or route.destination or route.home)


def _clause_end(
    ctx: Context, rest: list[tuple[int, Track]], at: int, end: int
) -> tuple[int, set[int]]:
    """Where the search for a mention's verb stops: at the next asset named, unless the two
    are listed together ("The frigate Bayern and the replenishment ship Frankfurt am Main
    sailed": only nouns, determiners, "and" and commas between them); with the ids of the
    tracks listed with it."""
    listed: set[int] = set()
    for start, track in rest:
        between = ctx.tokens[at + 1 : start]
        # ("the nuclear-powered submarine Kazan": a participle modifying a noun lists too)
        if any(t.pos_ not in _LISTING and t.dep_ not in {"amod", "compound"} for t in between):
            return start, listed
        listed.add(id(track))
        at = start
    return end, listed


_LISTING = frozenset({"DET", "CCONJ", "PUNCT", "NOUN", "ADJ", "PROPN", "NUM"})


def _governed(ctx: Context, at: int, track: Track, state: State) -> bool:
    """The mention is a preposition's or a verb's object ("taken by rail to the 20th
    Mechanised Brigade in Morąg, while the howitzers were moved"): not a subject."""
    root = ctx.tokens[at]
    while root.head.i != root.i and track in state.by_token.get(root.head.i, []):
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        # "Soldiers of the 2nd Armored Brigade Combat Team ... arrived": the unit is who.
        return root.head.head.dep_ not in {"nsubj", "nsubjpass"}
    return root.dep_ in {"pobj", "dobj", "attr", "dative"}


def _at_rest(ctx: Context, lex: EventLexicon, verb: Token) -> bool:
    """ "is berthed at Jinhae": a present passive of lying somewhere, with no word of change
    and no date in its clause, says where the asset is (`motion.rest_lemmas`)."""
    motion = lex.motion
    if verb.lemma_.casefold() not in motion.rest_lemmas:
        return False
    kids = children(verb)
    if any(c.dep_ == "advmod" and c.lower_ in motion.state_words for c in kids):
        return True  # "shows the Galaxy Leader still anchored off Ras Isa": where it has been
    if verb.tag_ != "VBN":
        return False
    present = any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in kids)
    changed = any(c.lower_ in motion.change_words for c in kids)
    return present and not changed and clause_date(ctx, verb) is None


def _sighting(ctx: Context, lex: EventLexicon, verb: Token) -> bool:
    """ "was spotted at Bamako": a finite passive of seeing that tells no trip of its own
    ("was spotted hopping from Wiesbaden to Katterbach" is told by "hopping")."""
    return any(c.dep_ == "auxpass" for c in children(verb)) and not any(
        c.dep_ in {"xcomp", "advcl", "ccomp", "conj"} and _moves(ctx, lex, c)
        for c in children(verb)
    )


def _moves(ctx: Context, lex: EventLexicon, tok: Token) -> bool:
    """A motion verb told as done (not denied, hoped for or pleaded); a sighting is none
    ("was spotted hopping from X to Y": "hopping" moves)."""
    return (
        tok.pos_ == "VERB"
        and _motion_classes(lex, tok, _particles(tok)) not in ([], ["seen"])
        and not (
            negated(tok, lex)
            or speculative(tok, lex)
            or refuted(ctx, tok)
            or _pleaded(tok, lex)
            or _cancelled(lex.motion, tok)
            or _at_rest(ctx, lex, tok)
        )
    )


def _motion_classes(lex: EventLexicon, tok: Token, particles: set[str]) -> list[str]:
    """The motion classes of a verb, by its motion reading (`Motion.motion_lemma`)."""
    lemma = lex.motion.motion_lemma(tok.lemma_.casefold(), tok.lower_, tok.tag_)
    return lex.motion.classes_of(lemma, particles)


def _particles(tok: Token) -> set[str]:
    return {c.lower_ for c in children(tok) if c.dep_ in {"prt", "advmod", "prep"}}


def _same_route(lex: EventLexicon, verb: Token) -> bool:
    """ "took the same route", "flew the same route a day later"."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.casefold() in lex.motion.same_route_nouns
        and any(m.lower_ in lex.motion.same_words for m in children(c))
        for c in children(verb)
    )


def _there(lex: EventLexicon, verb: Token) -> bool:
    """ "landed there": the verb's place is the one named last."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.motion.there_words for c in children(verb))


def _nominal(ctx: Context, lex: EventLexicon, noun: Token, state: State) -> None:
    """A trip told as a noun: "the transfer of two S-400 batteries from Kaliningrad to
    Belarus was completed", "the frigate's arrival in Tartus". Its movers are the noun's
    "of" phrase or owner; a trip planned, expected or denied is none."""
    motion = lex.motion
    if any(c.lower_ in motion.unreal_modifiers for c in children(noun) if c.dep_ == "amod"):
        return
    verb = clause_verb(noun)
    if verb is not None and (
        negated(verb, lex) or speculative(verb, lex) or _cancelled(motion, verb)
    ):
        return
    holders = [p for w, o in preps(noun) if w in motion.trip_event_preps for p in parties(o)]
    holders += [c for c in children(noun) if c.dep_ == "poss" and c.pos_ != "PRON"]
    kind = motion.trip_events[noun.lemma_.casefold()]
    tracks = list({id(t): t for h in holders for t in tracks_for(lex, h, state)}.values())
    if not tracks:
        return
    route = _route(ctx, lex, noun, kind)
    roles = motion.classes[kind].preps
    for holder in holders:
        # "the arrival of the submarine Novorossiysk at Tartus": the parser hangs the route
        # off what arrived.
        for word, obj in preps(holder):
            role = roles.get(word)
            if role is None or role == "date" or word == "of":
                continue
            place = place_of(ctx, obj, with_clauses=False)
            if place is not None:
                _put(route, role, place)
    if route.date is None and verb is not None:
        # "The transfer ... was completed on Sunday": the date of the clause it is told in.
        told = _own_date(ctx, verb)
        route.date = when_of(told) if told else None
    if route.empty():
        return
    state.recent = tracks
    for track in tracks:
        track.add(route)


def _cancelled(motion: Motion, verb: Token) -> bool:
    """ "A second flight to Wapenamanda was called off": the trip was not made."""
    particle = motion.cancel_verbs.get(verb.lemma_.casefold())
    if particle is None:
        return False
    return not particle or any(c.dep_ == "prt" and c.lower_ == particle for c in children(verb))


def _back(lex: EventLexicon, verb: Token) -> list[str]:
    """ "HMS Tyne was back in Portsmouth": a copula with "back" tells an arrival."""
    if verb.lemma_ != "be" or not any(
        c.dep_ == "advmod" and c.lower_ in lex.motion.back_words for c in children(verb)
    ):
        return []
    return ["arrive"]


def _follows(lex: EventLexicon, verb: Token, route: Route) -> bool:
    """ "A second An-124 followed in the afternoon": following no one named, along no route
    of its own, is making the trip told before (not "the following morning")."""
    return (
        verb.lemma_.casefold() in lex.motion.follow_lemmas
        and verb.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
        and verb.dep_ not in {"amod", "compound", "nmod"}
        and not any(c.dep_ == "dobj" for c in children(verb))
        and route.origin is None
        and route.destination is None
        and not route.via
    )


def _copy_route(route: Route, movers: list[Track], state: State) -> None:
    """The route the asset followed is the latest other asset's of its kind: its first
    leg's start, stops and end fill what the clause leaves unsaid."""
    kinds = frozenset(t.asset.kind for t in movers)
    other = next(
        (t for t in reversed(state.history) if t not in movers and t.asset.kind in kinds), None
    )
    if other is None:
        return
    told = [r for r in other.routes if not r.background]
    route.origin = route.origin or next((r.origin for r in told if r.origin), None)
    if not route.via:
        route.via = [v for r in told for v in r.via]
    if route.destination is None:
        route.destination = next((r.destination for r in told if r.destination), None)
    # "landed at Mürted on Friday ... a second An-124 followed": the same day, unless told.
    route.date = route.date or next((r.date for r in told if r.date), None)


def _foretold(ctx: Context, lex: EventLexicon, verb: Token, kind: str, state: State) -> None:
    """ "Two Russian Navy ships arrived at Tartus yesterday ... SANA named the frigate
    Admiral Essen": a trip told of assets named only after it waits for their names."""
    subject = subject_of(verb)
    motion = lex.motion
    if subject is None:
        return
    group = motion.group_nouns.get(subject.lower_)
    if subject.lower_ not in motion.generic_assets and group is None:
        return
    if group is None and _refers_back(subject):
        return  # "The ship had left Shanghai": one told of before, not one named next
    if verb.tag_ == "VBG" and any(c.lower_ == "been" for c in children(verb)):
        return  # "warships have been shifting to Novorossiysk": a trend, no one trip
    route = _route(ctx, lex, verb, kind)
    if route.empty():
        return
    counts = [motion.count_words.get(c.lower_, 0) for c in children(subject)]
    # A group ("the taskforce") is all its members named next; else as many as it counts,
    # and an uncounted plural ("The vessels passed through the strait") all of them.
    plural = subject.tag_ in {"NNS", "NNPS"}
    count = _ALL if group is not None else max([n for n in counts if n] or [_ALL if plural else 1])
    kinds = frozenset({group}) if group is not None else motion.kinds_meant(subject.lower_)
    state.foretold.append((subject.i, kinds, count, route, _group_operator(ctx, subject)))


def _refers_back(subject: Token) -> bool:
    """A definite singular ("the ship", "this aircraft") refers back to an asset already
    told of; only an indefinite or a plural may wait for names given after it."""
    definite = any(c.dep_ == "det" and c.lower_ in _BACK_DETERMINERS for c in children(subject))
    return definite and subject.tag_ == "NN"


_BACK_DETERMINERS = frozenset({"the", "this", "that"})


def _group_operator(ctx: Context, subject: Token) -> Actor | None:
    """ "A new escort taskforce of the Chinese People's Liberation Army Navy", "Two Russian
    Navy ships": who operates the assets the phrase stands for."""
    for noun in (subject, *(o for w, o in preps(subject) if w == "of")):
        actor = actor_at(ctx, noun)
        if actor is not None and actor.country:
            return actor if actor.sector else actor.model_copy(update={"sector": "MIL"})
    return None


_ALL = 99  # a group's members: every asset of its kind named in the next sentences


def _name_foretold(ctx: Context, state: State) -> None:
    """Give each waiting trip to the assets of its kind named first after it, in the next
    two sentences."""
    for token, kinds, count, route, operator in state.foretold:
        sent = ctx.sentence_index(ctx.tokens[token].idx)
        named = sorted(
            (first, key)
            for key, first in state.first_token.items()
            if first > token
            and ctx.sentence_index(ctx.tokens[first].idx) - sent <= 2
            and state.tracks.get(key) is not None
            and state.tracks[key].asset.kind in kinds
            and _same_operator(state.tracks[key], operator)
        )
        for _, key in named[:count]:
            track = state.tracks[key]
            track.add(route)
            if track.asset.operator is None and operator is not None:
                track.asset = track.asset.model_copy(update={"operator": operator})


def _same_operator(track: Track, operator: Actor | None) -> bool:
    """A waiting trip told of "a Danish surveillance aircraft" is not a US C-17's."""
    named = track.asset.operator
    if operator is None or named is None or not operator.country or not named.country:
        return True
    return operator.country == named.country


def _retelling(verb: Token, state: State, retell_marks: frozenset[str]) -> bool:
    """A clause that retells an earlier trip rather than reports one: a relative clause
    identifying the asset ("the C-17A 07-7183, which flew the first paratroopers into
    Romania"), a "since" clause ("has been flying in Europe since it left Pope Army
    Airfield"), the past perfect ("It had departed Migalovo on 4 October")."""
    if verb.dep_ == "relcl" and any(
        t.i in state.by_token for t in verb.head.subtree if t.i < verb.i
    ):
        return True
    if any(c.dep_ == "mark" and c.lower_ in retell_marks for c in children(verb)):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in children(verb))


def _pleaded(verb: Token, lex: EventLexicon) -> bool:
    """ "asked for passage, saying both were returning to Sevastopol": a trip in progress
    given as the reason for a request is an intention, not a trip reported."""
    progressive = verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in children(verb)
    )
    node, steps = verb, 0
    while progressive and node.dep_ in {"ccomp", "advcl", "xcomp", "conj"} and steps < 4:
        node, steps = node.head, steps + 1
        if node.lemma_.casefold() in lex.hypothetical.governors:
            return True
    return False


def _trip(lex: EventLexicon, verb: Token) -> list[str]:
    """ "made a second hop from Dushanbe to Kant", "completed the flight to X": a light
    verb with a trip noun moves its subject like a verb of travel."""
    if verb.lemma_.casefold() not in lex.motion.trip_verbs:
        return []
    objects = [c for c in children(verb) if c.dep_ == "dobj"]
    lemmas = {c.lemma_.casefold() for c in objects}
    if lemmas & _stops(lex):
        return ["transit"]  # "made a refuelling stop in Makhachkala"
    if any(_port_call(lex, o) for o in objects):
        return ["arrive"]  # "made a port call at Alexandria": as "called at Alexandria"
    # "made the first landing at Fua'amotu": the noun's own class.
    told = [
        lex.motion.trip_noun_classes[n]
        for n in sorted(lemmas & lex.motion.trip_noun_classes.keys())
    ]
    if told:
        return told[:1]
    return ["travel"] if lemmas & lex.motion.trip_nouns else []


def _underway(lex: EventLexicon, verb: Token) -> list[str]:
    """ "A HIMARS battery ... is on its way to East Arm Wharf", "the ship was bound for X": a
    copula with a route word is a trip under way."""
    words = lex.motion.route_words
    if (
        verb.lower_ in words
        and verb.tag_ == "VBN"
        and any(c.dep_ in {"auxpass", "aux"} for c in children(verb))
    ):
        return ["travel"]  # "was bound for Tartus" read as a passive (not "X bound for Y")
    if verb.lemma_ != "be":
        return []
    for child in children(verb):
        if child.dep_ == "acomp" and child.lower_ in words:
            return ["travel"]  # "was bound for X"
        if child.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.lower_ in words for o in children(child)
        ):
            return ["travel"]  # "is on its way to X", "is en route to X"
    return []


def _routed(ctx: Context, lex: EventLexicon, verb: Token) -> list[str]:
    """ "The Il-62M did Chkalovsky–Hmeimim": any verb whose object is a route written out is
    a trip along it."""
    if verb.pos_ != "VERB":
        return []
    marks = lex.motion.route_marks
    objects = (c for c in children(verb) if c.dep_ == "dobj")
    return ["travel"] if any(route_string(ctx, o, marks) for o in objects) else []


def _directed(ctx: Context, lex: EventLexicon, verb: Token) -> list[str]:
    """ "HMAS Rankin slipped into Apra Harbor", "the tanks roared into Nowa Deba": a verb
    the lexicon does not know, with no object, whose preposition of direction (on the verb
    or on its adverb: "sailed back into") takes a place, is a trip there (`directed_preps`;
    the movers step then asks for an asset as its subject)."""
    motion = lex.motion
    if verb.pos_ != "VERB" or verb.lemma_.casefold() in motion.directed_not:
        return []
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in children(verb)):
        return []
    heads = [verb, *(c for c in children(verb) if c.dep_ in {"advmod", "prt"})]
    for head in heads:
        for prep in children(head):
            if prep.dep_ != "prep" or prep.lower_ not in motion.directed_preps:
                continue
            for obj in (o for o in children(prep) if o.dep_ == "pobj"):
                end = obj.right_edge.idx + len(obj.right_edge)
                if ctx.place_at(obj.left_edge.idx, end) is not None:
                    return ["travel"]
    return []


def _now_there(lex: EventLexicon, verb: Token) -> list[str]:
    """ "Yantar ... is now alongside in Baltiysk": being somewhere, said with a word that
    makes it news, is having arrived there (`arrived_words`)."""
    motion = lex.motion
    if (
        verb.lemma_ != "be"
        or any(c.dep_ == "aux" and c.lower_ == "had" for c in children(verb))
        or not any(
            (c.dep_ == "advmod" and c.lower_ in motion.arrived_words)
            or any(f"{w} {o.lemma_.casefold()}" in motion.arrived_phrases for w, o in preps(c))
            for c in (verb, *children(verb))
        )
    ):
        # ("had been on the ground in Tehran for three hours": a stop told again)
        return []
    after = verb.doc[verb.i + 1 : sentence(verb).end]
    if any(t.lower_ in lex.motion.route_words for t in after):
        return []  # "is now in the Andaman Sea, bound for the Bay of Bengal": on its way
    arrive = lex.motion.classes.get("arrive")
    heads = [verb, *(c for c in children(verb) if c.dep_ == "advmod")]
    if arrive is None or not any(w in arrive.preps for h in heads for w, _ in preps(h)):
        return []
    return ["arrive"]


def _idiom(lex: EventLexicon, verb: Token) -> list[str]:
    """ "dropped anchor off Alanya", "made port in Tartus": a verb with the object that
    makes it a motion (`object_idioms`)."""
    lemma = verb.lemma_.casefold()
    return [
        kind
        for c in children(verb)
        if c.dep_ == "dobj"
        and (kind := lex.motion.object_idioms.get(f"{lemma} {c.lemma_.casefold()}")) is not None
    ][:1]


def _made_place(ctx: Context, lex: EventLexicon, verb: Token) -> list[str]:
    """ "made Alexandria on 8 August", "finally made Eielson": a verb whose object, when it
    is a place, is where the trip got to (`motion.place_object_verbs`)."""
    kind = lex.motion.place_object_verbs.get(verb.lemma_.casefold())
    if kind is None:
        return []
    placed = any(
        c.dep_ == "dobj" and ctx.place_at(c.left_edge.idx, c.idx + len(c)) is not None
        for c in children(verb)
    )
    return [kind] if placed else []


def _stop_named(ctx: Context, lex: EventLexicon, verb: Token, state: State) -> bool:
    """ "Its next stop was Baku", "The C-17's first stop was Lajes": a copula whose subject
    is an asset's stop names a place on its way (the asset: the subject's possessor)."""
    if verb.lemma_ != "be":
        return False
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or not _is_stop(lex, subject, _stops(lex)):
        return False
    owners = [c for c in children(subject) if c.dep_ == "poss"]
    owners += [o for word, o in preps(subject) if word == "of"]
    places = [
        p
        for c in children(verb)
        if c.dep_ == "attr" and (p := place_of(ctx, c, with_clauses=False)) is not None
    ]
    movers = [t for o in owners for t in owner_tracks(lex, o, state)]
    if not places or not movers:
        return False
    route = _route(ctx, lex, verb, "transit")
    route.via = [*route.via, *places]
    for track in movers:
        track.add(route)
    return True


def _end_named(ctx: Context, lex: EventLexicon, noun: Token, state: State) -> bool:
    """ "Its destination was Belgrade" (`_named_ends`): a route with that end for the assets."""
    found = end_named(ctx, lex, noun, state)
    if found is None:
        return False
    movers, role, place = found
    route = Route(kind="travel")
    _put(route, role, place)
    route.evidence = ctx.evidence(noun.idx, noun.idx + len(noun))
    route.attribution = ctx.claim_attribution(noun.idx)
    for track in movers:
        track.add(route)
    state.last_place = place
    return True


def _stayed(ctx: Context, lex: EventLexicon, verb: Token, state: State) -> None:
    """ "It has been waiting off Tartus since Sunday" (`_stays`): where the assets are, which
    ends a trip of theirs told as begun (`Track` ignores it for an asset not under way)."""
    place = stayed_at(ctx, lex, verb)
    subject = subject_of(verb)
    if place is None or subject is None:
        return
    motion = lex.motion
    if subject.lower_ in motion.personnel_words or subject.lower_ in motion.part_words:
        return  # "the battalion's soldiers remain at X": the unit may have moved on
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in children(subject)):
        return  # "The division's headquarters remains near Moscow": a part of the asset
    movers = movers_of(ctx, lex, verb, state, "travel")
    if not movers:
        return
    date = _verb_date(ctx, verb, "arrive")
    route = Route(kind="rest", destination=place, date=when_of(date) if date else None)
    route.evidence = ctx.evidence(verb.idx, verb.idx + len(verb))
    route.attribution = ctx.claim_attribution(verb.idx)
    for track in movers:
        track.add(route)


def _stops(lex: EventLexicon) -> frozenset[str]:
    """Nouns of a stop on the way ("a refuelling stop at X", "a night at Ramstein")."""
    transit = lex.motion.classes.get("transit")
    return frozenset(transit.lemmas) if transit is not None else frozenset()


def _is_stop(lex: EventLexicon, noun: Token, stops: frozenset[str]) -> bool:
    """A noun of a stop on the way: one of `stops` ("a refuelling stop"), or "a port call"
    (`call_nouns`)."""
    return noun.lemma_.casefold() in stops or _port_call(lex, noun)


def _port_call(lex: EventLexicon, noun: Token) -> bool:
    word = lex.motion.call_nouns.get(noun.lemma_.casefold())
    return word is not None and any(c.lower_ == word for c in children(noun))


def _home_base(ctx: Context, verb: Token) -> Place | None:
    """ "Two KC-135 tankers from RAF Mildenhall accompanied the jets to Jordan": a place
    the subject comes from is where the trip began."""
    subjects = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    # "QUID471, a KC-135R out of RAF Mildenhall, went up": the apposition's phrase too.
    subjects += [a for s in subjects for a in children(s) if a.dep_ == "appos"]
    # "A pair of B-1B Lancers from Ellsworth": the phrase of what the pair is of.
    subjects += [o for s in subjects for word, o in preps(s) if word == "of"]
    for subject in subjects:
        for obj in from_objects(subject):
            place = place_of(ctx, obj)
            if place is not None and place.feature in _SITES:
                return place
    return None


_SITES = frozenset({"airport", "airbase", "base", "port", "city", "locality"})


def _comes_here(motion: Motion, verb: Token, kind: str) -> bool:
    if verb.dep_ in {"amod", "compound"} and verb.tag_ != "VBD":
        return False  # "aboard four landing ships": a modifier, not an arrival
    particles = {c.lower_ for c in children(verb) if c.dep_ in {"prt", "advmod"}}
    return (kind == "arrive" and verb.lemma_.casefold() in motion.here_lemmas) or (
        kind == "travel" and "in" in particles
    )


def _report_place(ctx: Context) -> Place | None:
    """Where the report is: its dateline, else the one area it keeps coming back to (sites
    named together at least twice, more often than any other area: "Lossiemouth" and "RAF
    Lossiemouth" are one), as its most specific site there."""
    dateline = dateline_place(ctx)
    if dateline is not None:
        return dateline
    sites = [p for p in ctx.places if p.feature in _SITES]
    areas = sorted(
        ((sum(len(o.mentions) for o in sites if one_area(p, o)), p) for p in sites),
        key=lambda pair: -pair[0],
    )
    if not areas or areas[0][0] < 2:
        return None
    top, first = areas[0]
    if any(n == top and not one_area(first, p) for n, p in areas[1:]):
        return None  # two areas told as often: no one place the report is about
    area = [p for n, p in areas if one_area(first, p)]
    return min(area, key=lambda p: (_SITES_RANK.get(p.feature or "", 9), -len(p.mentions)))


# The most specific kind of site names an area best ("RAF Lossiemouth" over the town).
_SITES_RANK = {"airbase": 0, "airport": 0, "port": 0, "base": 0, "locality": 1, "city": 1}


def _trip_ends(ctx: Context, lex: EventLexicon, verb: Token, route: Route) -> None:
    """ "made the Hmeimim–Benina run": a trip noun's place modifiers are its two ends."""
    for noun in (c for c in children(verb) if c.dep_ == "dobj"):
        if noun.lemma_.casefold() not in lex.motion.trip_nouns:
            continue
        chain = route_string(ctx, noun, lex.motion.route_marks)
        if chain:  # "flew the Moscow–Tehran–Damascus route": its stops too
            route.origin = route.origin or chain[0]
            route.via.extend(chain[1:-1])
            route.destination = route.destination or chain[-1]
            continue
        ends = [p for t in noun.lefts for p in ctx.places_over(t.left_edge.idx, t.idx + len(t))]
        ends = list({p.id: p for p in ends}.values())
        if len(ends) >= 2:
            route.origin = route.origin or ends[0]
            route.destination = route.destination or ends[-1]


def _where_clause(ctx: Context, lex: EventLexicon, verb: Token, kind: str, route: Route) -> None:
    """ "shipped to Bremerhaven, where they came ashore on Sunday", "Lajes, where it
    refuelled": a "where" clause of arriving or stopping happens at the place it hangs on,
    in the slot its verb gives "at" (an arrival's end, a stop on the way)."""
    if not _where(verb) or kind not in {"arrive", "transit"}:
        return
    role = lex.motion.classes[kind].preps["at"]
    head = verb.head
    if head.dep_ == "attr" and _stop_named_by(lex, head.head):
        role = "via"  # "Its first stop was Pearl Harbor, where it put in on the 21st"
    # "in Port Louis, Mauritius, where it had arrived": the place the apposition locates.
    heads = [head.head, head] if head.dep_ == "appos" else [head]
    place = next((p for h in heads if (p := place_of(ctx, h, with_clauses=False))), None)
    if place is not None and role != "date":
        _put(route, role, place)


def _where(verb: Token) -> bool:
    """A "where" clause told in the past ("where they came ashore"; "where the group is
    assembling" is how things stand, not a trip)."""
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in {"VBD", "VBN"}
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in children(verb))
    )


def _where_movers(verb: Token, state: State) -> list[Track]:
    """ "The launchers were shipped to Bremerhaven, where they came ashore": "they" in a
    "where" clause are what the clause the place belongs to moved."""
    subject = subject_of(verb)
    if not _where(verb) or subject is None or subject.pos_ != "PRON":
        return []
    for outer in verb.head.ancestors:
        tracks = state.by_verb.get(outer.i)
        if tracks:
            state.by_verb[verb.i] = list(tracks)
            return list(tracks)
    return []


def _unloaded_from(lex: EventLexicon, verb: Token, state: State) -> list[Track]:
    """ "Two Mi-24Ps were unloaded from an An-124 at Bamako", "offloaded at Niamey from two
    Il-76MDs": the craft a load came out of arrived where it was unloaded."""
    if verb.lemma_.casefold() not in lex.motion.unload_lemmas:
        return []
    return [
        track
        for word, obj in preps(verb)
        if word == "from"
        for track in tracks_for(lex, obj, state)
        if track.asset.kind in lex.motion.carrier_kinds
    ]


def _stop_named_by(lex: EventLexicon, copula: Token) -> bool:
    """ "Its first stop was X": a copula whose subject is a stop on the way."""
    stops = _stops(lex)
    return copula.lemma_ == "be" and any(
        c.dep_ == "nsubj" and _is_stop(lex, c, stops) for c in children(copula)
    )


def _route(ctx: Context, lex: EventLexicon, verb: Token, kind: str) -> Route:
    roles = lex.motion.classes[kind].preps
    route = Route(kind=kind)
    target = lex.motion.classes[kind].object
    # "crossed the Sea of Japan and the Sea of Okhotsk": every coordinated object.
    if target is not None:
        objects = [c for c in children(verb) if c.dep_ == "dobj"]
        # "Baltiysk, which it left on Oct. 2": the relative pronoun stands for its noun.
        objects = [
            verb.head if o.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" else o for o in objects
        ]
        if verb.dep_ in {"amod", "compound"} and (verb.tag_ == "VBD" or _perfect(verb)):
            # "departed Benina airport", "having departed Minsk" parsed as a modifier
            objects.append(verb.head)
        # "flew Moscow–Tehran–Damascus": a route written out, first to last.
        chain = next(
            (c for o in objects if (c := route_string(ctx, o, lex.motion.route_marks))), []
        )
        if chain:
            route.origin, route.destination = chain[0], chain[-1]
            route.via.extend(chain[1:-1])
            objects = []
        for obj in (p for c in objects for p in parties(c)):
            place = (
                place_of(ctx, obj, with_clauses=False)
                if kind != "travel" or _flew_a_trip(lex, verb, obj)
                # "approached Malé": the object itself; not a place in its phrases ("flown
                # non-stop from X", "conducting patrols in Y" name no end).
                else ctx.place_at(obj.left_edge.idx, obj.idx + len(obj))
            )
            if place is not None:
                _put(route, _object_role(lex, verb, kind, target, place), place)
    stops = _stops(lex)  # built once per clause, asked of every route phrase
    for noun in (c for c in children(verb) if c.dep_ == "dobj" and _is_stop(lex, c, stops)):
        places = _stop_place(ctx, lex.motion, noun)
        if kind == "arrive" and places and _port_call(lex, noun):
            # "made a port call at Alexandria": a call, the trip's end unless an arrival
            # elsewhere follows (`Route.call`).
            route.destination, route.call = places[0], True
            continue
        route.via.extend(places)  # "made a stop in X"
    way = _on_the_way(verb, lex.motion) if kind == "arrive" else None
    for word, obj in _route_preps(verb, lex.motion):
        if word == "home":
            route.home = True
            continue
        if obj.pos_ == "NOUN" and _is_stop(lex, obj, stops):
            route.via.extend(_stop_place(ctx, lex.motion, obj))
            continue
        role = roles.get(word)
        if word == "from" and obj.ent_type_ == "EQUIPMENT":
            continue  # "unloaded from an An-124 at Bamako": the craft, not a place left
        # "flew over Finland and Sweden": every coordinated place is a route point.
        if role is None or role == "date" or _trip_of(lex.motion, obj) is not None:
            continue  # ("at the end of a flight from X": the flight's phrases are yielded)
        if role == "destination" and way is not None and not _under(obj, way):
            role = "via"  # "called at Souda Bay on the way to Djibouti": a stop
        if word == "in" and _set_off(obj):
            continue  # "from Augustdorf, in North Rhine-Westphalia,": it locates the origin
        route_objects = (
            [a for o in parties(obj) for a in area_parties(ctx, o)] if role == "via" else [obj]
        )
        onward = word in lex.motion.chain_preps
        for o in route_objects:
            place = place_of(ctx, o, with_clauses=False)
            if place is not None and not _names_a_thing(lex, o, place):
                _put(route, role, place, onward)
    _trip_ends(ctx, lex, verb, route)
    _where_clause(ctx, lex, verb, kind, route)
    if route.destination is None:
        route.destination = _waters_off(ctx, verb)
    if route.origin is None and kind != "send":
        route.origin = _home_base(ctx, verb)
    if route.destination is None and kind in {"travel", "depart"}:
        route.destination = _purpose_place(ctx, lex.motion, verb)
    if route.destination is None and kind in {"travel", "depart"}:
        route.destination = _due_at(ctx, lex, verb)
    if route.destination is None and kind in {"travel", "depart"}:
        route.destination = _load_for(ctx, lex.motion, verb)
    if route.destination is None and _comes_here(lex.motion, verb, kind):
        # "DIEGO GARCIA — ... a C-17A which flew in from Hickam via Guam": flying "in"
        # with no place named is coming to where the report is.
        route.destination = _report_place(ctx)
        route.here = route.destination is not None
    date = _verb_date(ctx, verb, kind)
    route.date = when_of(date) if date else _just_now(ctx, lex.motion, verb)
    route.evidence = ctx.evidence(verb.idx, verb.idx + len(verb))
    route.attribution = ctx.claim_attribution(verb.idx)
    return route


def _names_a_thing(lex: EventLexicon, obj: Token, place: Place) -> bool:
    """ "flew to Kazan for the BRICS summit", "left for the Zapad exercise": a place name
    before a noun of an occasion names the occasion, not where the trip goes (`motion.
    occasion_nouns`; "the Cincu training area" is a place)."""
    if obj.pos_ != "NOUN" or obj.lemma_.casefold() not in lex.motion.occasion_nouns:
        return False
    start = obj.left_edge.idx
    return any(start <= m.start and m.end <= obj.idx for m in place.mentions)


def _perfect(verb: Token) -> bool:
    """ "having departed": a participle with its perfect auxiliary is a verb, whatever the
    parser made of it."""
    return any(c.dep_ == "aux" and c.lower_ == "having" for c in children(verb))


def _object_role(
    lex: EventLexicon, verb: Token, kind: str, target: RoutePoint, place: Place
) -> RoutePoint:
    """ "flew Leipzig to Toronto", "sailed the Atlantic to Halifax": a verb of travel whose
    "to" phrase names the end makes its place object where the trip began, or a sea crossed
    on the way."""
    if kind != "travel" or target != "destination":
        return target
    roles = lex.motion.classes[kind].preps
    if not any(roles.get(word) == "destination" for word, _ in preps(verb)):
        return target
    return "via" if place.feature == "water" else "origin"


def _load_for(ctx: Context, motion: Motion, verb: Token) -> Place | None:
    """ "took off from Melsbroek with 30 tonnes of tents for Beirut": where the load is for,
    when the clause names no other end, is where the trip goes."""
    for load in (o for w, o in preps(verb) if w in motion.with_preps):
        for word, obj in preps(load):
            place = place_of(ctx, obj, with_clauses=False) if word == "for" else None
            if place is not None:
                return place
    return None


def _flew_a_trip(lex: EventLexicon, verb: Token, obj: Token) -> bool:
    """ "flew a patrol over the Chukchi Sea": a verb of travel itself (not a light verb:
    "is conducting patrols in X") whose object is a trip noun; the trip's place is its end."""
    motion = lex.motion
    return (
        obj.lemma_.casefold() in motion.trip_nouns
        and verb.lemma_.casefold() in motion.classes["travel"].lemmas
    )


def _set_off(obj: Token) -> bool:
    """An "in" phrase set off by a comma right after a name ("from Augustdorf, in North
    Rhine-Westphalia, across Poland") locates that name, whatever the parser hung it on."""
    prep = obj.head
    before = prep.nbor(-1) if prep.i > 0 else None
    return (
        before is not None
        and before.text == ","
        and before.i > 0
        and before.nbor(-1).pos_ == "PROPN"
    )


def _waters_off(ctx: Context, verb: Token) -> Place | None:
    """ "sailing south to the waters off Qaqortoq": the parser hangs "off X" on the verb; the
    area the trip goes to ("waters", "area", a feature word) is off (near) that place."""
    words = ctx.kb.geo_cues.feature_words
    if not any(w == "to" and o.lower_ in words for w, o in preps(verb)):
        return None
    return next(
        (p for w, o in preps(verb) if w in {"off", "near"} and (p := place_of(ctx, o))),
        None,
    )


def _just_now(ctx: Context, motion: Motion, verb: Token) -> When | None:
    """ "A C-17A has just touched down at X": a perfect told as just done happened on the
    report's day."""
    kids = children(verb)
    if any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in kids
    ) and any(c.dep_ == "advmod" and c.lower_ in motion.just_words for c in kids):
        day = ctx.document.date
        return When(start=day, end=day, precision="day", text=verb.text)
    return None


def _on_the_way(verb: Token, motion: Motion) -> Token | None:
    """The "way" of "called at X on the way", "en route to Y": an arrival told with it is a
    stop on a longer trip."""
    return next(
        (
            o
            for w, o in preps(verb)
            if w in motion.en_route_preps and o.lower_ in motion.en_route_words
        ),
        None,
    )


def _under(token: Token, head: Token) -> bool:
    """`token` lies in `head`'s phrase."""
    return head.left_edge.i <= token.i <= head.right_edge.i


def _route_preps(verb: Token, motion: Motion) -> Iterator[tuple[str, Token]]:
    """The verb's (preposition, object) pairs, with parser slips repaired: "flew out of X"
    hangs "of X" off "out" (the inner preposition names the role), "arrived at Cam Ranh
    International Port" can leave "at" bare with the name attached to the verb, and a route
    can hang off the previous route phrase, the means of transport, the object carried or a
    route word (`motion.chain_preps`, `means_preps`, `route_words`)."""
    chain = motion.chain_preps
    for word, obj in preps(verb):
        yield word, obj
        yield from _chained(word, obj, chain)
        inner = _inner_trip(motion, obj)
        if inner is not None:
            # "landed at X at the end of a ferry flight from Y with a stop in Z": where the
            # trip noun's phrases say it came from and stopped is this clause's route (not
            # where it was: "after a patrol in the North Atlantic").
            yield from _trip_start(motion, inner)
        if obj.ent_type_ == "DATE":
            # "left Vung Tau on 12 July for Da Nang": the parser hangs the route off the date.
            yield from _chained("to", obj, chain)
        if word in motion.means_preps and (
            word != "by" or obj.lemma_.casefold() in motion.means_nouns
        ):
            # "moved by road from Rzeszow to Jasionka": the parser hangs the route off the
            # means of transport (not off an agent: "followed by an A400M from Wunstorf").
            for means_word, place in preps(obj):
                yield means_word, place
                yield from _chained(means_word, place, chain)
    # "were unloaded from an An-124 at Bamako": the parser can hang the route off the craft
    # the load came out of (not off an agent: "escorted by an A-50 from Lipetsk").
    for word, obj in preps(verb):
        if word == "from" and obj.ent_type_ == "EQUIPMENT":
            for craft_word, place in preps(obj):
                if craft_word != "from":
                    yield craft_word, place
    # "repositioned empty to Kant", "flew back light to Leipzig": the parser can hang the
    # route off the adjective that says how the craft went.
    for how in (c for c in children(verb) if c.dep_ in {"oprd", "acomp"} and c.pos_ == "ADJ"):
        for word, obj in preps(how):
            yield word, obj
            yield from _chained(word, obj, chain)
    # "flew first to Lajes and then to Gran Canaria": a preposition the parser coordinates
    # with the verb.
    for prep in (c for c in children(verb) if c.dep_ == "conj" and c.pos_ == "ADP"):
        for obj in (c for c in children(prep) if c.dep_ == "pobj"):
            yield prep.lower_, obj
    kids = children(verb)
    # "flew the first paratroopers into Romania", "the transfer of two S-400 batteries from
    # Kaliningrad": the parser hangs the route off the object carried.
    carried_objects = [c for c in kids if c.dep_ == "dobj"]
    # "flew two launchers and their crews from X": the route hangs off the last one listed.
    carried_objects += [c for o in carried_objects for c in children(o) if c.dep_ == "conj"]
    # "flew 38 sick and wounded soldiers from X to Y": a participle misread as a second verb
    # (no subject, no motion of its own) holds what the verb carried and the route.
    # (coordinated with the verb, or with an adjective the parser hung off it: "sick and")
    loose = [*kids, *(c for k in kids if k.dep_ == "acomp" for c in children(k))]
    for misread in (c for c in loose if _misread_participle(c, motion)):
        carried_objects += [c for c in children(misread) if c.dep_ == "dobj"]
        for word, obj in preps(misread):
            yield word, obj
            yield from _chained(word, obj, chain)
    if verb.pos_ == "NOUN":
        carried_objects += [o for w, o in preps(verb) if w in motion.trip_event_preps]
    for carried in carried_objects:
        # "performed a flight over the Barents Sea": a trip noun's phrases are all the route's.
        trip = carried.lemma_.casefold() in motion.trip_nouns
        # "departed Kronstadt for Antarctica": a name's "for" phrase is where the trip goes
        # ("flew supplies for the army" names who they were for).
        words = chain | {"from"} if carried.pos_ == "PROPN" else (chain - {"for"}) | {"from"}
        for word, place in preps(carried):
            if trip or word in words:
                yield word, place
                yield from _chained(word, place, chain)
    # "left Qingdao, bound for Djibouti", "transited Turkish airspace on its way to
    # Benghazi": a route word's own to/for phrase continues the verb's route.
    for node in verb.subtree:
        if node.lower_ in motion.route_words and node.i != verb.i and clause_verb(node) == verb:
            for word, place in preps(node):
                if word in chain or word == "from":
                    yield word, place
                    yield from _chained(word, place, chain)
    for child in kids:
        if child.dep_ == "advmod" and child.lower_ in motion.extent_words:
            yield from (("to", obj) for word, obj in preps(child) if word == "as")
        if child.dep_ not in {"prep", "prt"} or any(
            c.dep_ in {"pobj", "pcomp"} for c in children(child)
        ):
            continue
        if child.lower_ in motion.source_words:
            continue  # "according to the ministry in Ankara" names a source, not a route
        for inner in (c for c in children(child) if c.dep_ == "prep"):
            yield from ((inner.lower_, obj) for obj in children(inner) if obj.dep_ == "pobj")
        if not any(True for _ in children(child)):
            # "is now anchored off Tobruk": a name the parser left as an adverb after a
            # particle is the particle's object.
            yield from (
                (child.lower_, noun)
                for noun in kids
                if (noun.dep_ in _STRAY_OBJECTS or (noun.dep_ == "advmod" and noun.pos_ == "PROPN"))
                and noun.left_edge.i == child.i + 1
            )


def _misread_participle(token: Token, motion: Motion) -> bool:
    """ "sick and wounded soldiers": a conjoined participle with no subject, no motion of its
    own, right before the noun it modifies (parsed as its object)."""
    return (
        token.dep_ == "conj"
        and token.tag_ in {"VBD", "VBN"}
        and token.lemma_.casefold() not in motion.verb_lemmas
        and not any(k.dep_ in {"nsubj", "nsubjpass"} for k in children(token))
        and any(k.dep_ == "dobj" and k.left_edge.i == token.i + 1 for k in children(token))
    )


def _inner_trip(motion: Motion, obj: Token) -> Token | None:
    """The trip noun a route phrase is about: "after a flight from X", "at the end of a
    ferry flight from X"."""
    if obj.lemma_.casefold() in motion.trip_nouns:
        return obj
    return _trip_of(motion, obj)


def _trip_of(motion: Motion, obj: Token) -> Token | None:
    """ "the end of a ferry flight from X": a word that is no place, about a trip noun."""
    return next(
        (o for w, o in preps(obj) if w == "of" and o.lemma_.casefold() in motion.trip_nouns),
        None,
    )


def _trip_start(motion: Motion, trip: Token) -> Iterator[tuple[str, Token]]:
    """A trip noun's phrases of where it began and passed ("a flight from X with a stop in
    Y"), not of where it was ("a patrol in the North Atlantic")."""
    travel = motion.classes["travel"].preps
    stops = motion.classes["transit"].lemmas
    for word, place in preps(trip):
        if travel.get(word) in {"origin", "via"} or place.lemma_.casefold() in stops:
            yield word, place
    # "a voyage from Faslane that took it through the Suez Canal": the clause telling the
    # trip's way.
    for clause in (c for c in children(trip) if c.dep_ in {"relcl", "acl"}):
        for word, place in preps(clause):
            if travel.get(word) == "via":
                yield word, place


_STRAY_OBJECTS = {"npadvmod", "dobj", "oprd", "attr"}
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "pcomp", "ccomp", "xcomp", "conj", "parataxis"})


def _chained(word: str, obj: Token, chain: frozenset[str]) -> Iterator[tuple[str, Token]]:
    """ "from X to Y": "to Y" hangs off "from" or off X; both continue the route ("to X
    from Y" too: "came up to Tromsø from its home port of Sortland"; "arrive at X from Y")."""
    if word in _ARRIVAL_AT:
        follows = frozenset({"from"})
    elif word in chain | {"from", "out"}:
        follows = chain | {"from"} if word != "from" else chain
    else:
        return
    for node in (obj.head, obj):
        for prep in (c for c in children(node) if c.dep_ == "prep" and c.lower_ in follows):
            for inner in (c for c in children(prep) if c.dep_ == "pobj"):
                yield prep.lower_, inner
                yield from _chained(prep.lower_, inner, chain)


_ARRIVAL_AT = frozenset({"at", "in"})  # "arrive at X from Y": where from hangs off X


def _stop_place(ctx: Context, motion: Motion, stop: Token) -> list[Place]:
    """ "with a refuelling stop at Benina in eastern Libya": the stop's first place (a later
    "in X" only locates it); "with stops at Aberdeen and Ørland": each one listed; "after a
    port visit to Manila": a visit's or call's place."""
    words = motion.stop_preps | ({"to"} if stop.lemma_.casefold() in motion.call_nouns else set())
    for word, obj in preps(stop):
        if word not in words:
            continue
        places = [p for o in parties(obj) if (p := place_of(ctx, o)) is not None]
        if places:
            return list({p.id: p for p in places}.values())
    return []


def _purpose_place(ctx: Context, motion: Motion, verb: Token) -> Place | None:
    """ "flew out of X to refuel the pair over the North Sea": the place where the purpose
    clause's task is done is where the trip went (spec: an overflight target counts); "in"
    and "at" are not among its prepositions: "to strike targets in X" locates the task (or
    its object), which the asset need not reach."""
    for clause in children(verb):
        if clause.dep_ not in {"advcl", "xcomp"} or clause.pos_ != "VERB":
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(clause)):
            continue
        # The place can hang off the task's object ("to refuel fighters over X"), but there
        # only a preposition of the asset's own position counts ("to escort ships to X" is
        # where the ships go).
        pairs = [(w, o) for w, o in preps(clause) if w in motion.purpose_preps]
        pairs += [
            (w, o)
            for c in children(clause)
            if c.dep_ == "dobj"
            for w, o in preps(c)
            if w in motion.overhead_preps
        ]
        for _word, obj in pairs:
            place = place_of(ctx, obj)
            if place is not None:
                return place
        # "to take over escort missions in the Gulf of Aden": a task at sea is done where
        # the ship goes (a task "in" a country or town need not be: "to strike targets in X").
        at_sea = [
            o
            for c in (clause, *(c for c in children(clause) if c.dep_ == "dobj"))
            for w, o in preps(c)
            if w in {"in", "at"}
        ]
        for obj in at_sea:
            place = place_of(ctx, obj)
            if place is not None and place.feature == "water":
                return place
    return None


def _due_at(ctx: Context, lex: EventLexicon, verb: Token) -> Place | None:
    """ "sailed from Veracruz on Monday and are due to reach Havana on Thursday", "left
    Aksaz and is expected to arrive in Mersin": an arrival still to come, told in the same
    breath as the departure (no subject of its own), is where the trip is going."""
    for clause in (c for c in children(verb) if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}):
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in children(clause)):
            continue  # another subject: another asset's trip
        for node in clause.subtree:
            if node.pos_ != "VERB" or "arrive" not in _motion_classes(lex, node, _particles(node)):
                continue
            if not speculative(node, lex):
                continue  # an arrival told as done is a leg of its own
            for word, obj in preps(node):
                if lex.motion.classes["arrive"].preps.get(word) != "destination":
                    continue
                place = place_of(ctx, obj, with_clauses=False)
                if place is not None:
                    return place
            objects = [c for c in children(node) if c.dep_ == "dobj"]
            for obj in objects:  # "due to reach Havana"
                place = place_of(ctx, obj, with_clauses=False)
                if place is not None:
                    return place
        if clause.lemma_.casefold() in lex.motion.due_words:
            for word, obj in preps(clause):  # "is expected in Montevideo on Tuesday"
                if lex.motion.classes["arrive"].preps.get(word) == "destination":
                    place = place_of(ctx, obj, with_clauses=False)
                    if place is not None:
                        return place
    return None


def _verb_date(ctx: Context, verb: Token, kind: str) -> TimeExpr | None:
    """The date of a motion clause: its own, one the parser hung on its object ("anchored
    off Qingdao the following day"), else for an arrival or departure the sentence's only
    date, unless another verb's clause states it ("left X on Monday ... and reached Y":
    Monday is the departure, not the arrival)."""
    own = _own_date(ctx, verb)
    if own is not None:
        return own
    if verb.dep_ in {"amod", "compound"} and verb.tag_ == "VBD" and verb.head.head != verb.head:
        # "B-52H, callsign JULIET51, departed RAF Fairford on Tuesday" parsed with "departed"
        # a modifier of "Fairford": the date hangs off the word the parser made the verb.
        own = _own_date(ctx, verb.head.head)
        if own is not None:
            return own
    for obj in (c for c in children(verb) if c.dep_ == "dobj"):
        for child in children(obj):
            if child.dep_ in {"npadvmod", "tmod"}:
                hit = date_in(
                    ctx, child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                )
                if hit is not None:
                    return hit
    if kind not in {"arrive", "depart"} and not (kind == "travel" and _has_origin(verb)):
        return None
    only = sentence_date(ctx, sentence(verb))
    if only is None:
        # "The ministry announced on Friday that deliveries had begun. An An-124 landed at
        # X in the morning": the paragraph's running date, for an arrival or departure.
        running = previous_date(ctx, sentence(verb).start_char)
        if running is not None and kind in {"arrive", "depart"} and running.precision == "day":
            return running
        return None
    # A date fronted before the verbs ("Last week X passed ... and docked in Y") covers
    # them all; one written after another verb is that verb's own.
    others = (
        t
        for t in sentence(verb)
        if t.pos_ in {"VERB", "AUX"} and t.i != verb.i and t.idx < only.span.start
    )
    # "began on 14 December, when an An-124 flew from X": "when" ties the date to it.
    if only.span.end <= verb.idx:
        between = ctx.doc.char_span(only.span.end, verb.idx, alignment_mode="expand")
        if between is not None and any(
            t.lower_ in ctx.kb.events.motion.time_links for t in between
        ):
            return only
    return None if any(clause_date(ctx, t) == only for t in others) else only


def _has_origin(verb: Token) -> bool:
    """ "flew from X to Y": a trip told from its start, dated by its departure."""
    return any(word == "from" for word, _ in preps(verb))


def _own_date(ctx: Context, verb: Token) -> TimeExpr | None:
    """A date in the verb's own clause, not in a clause nested in one of its phrases
    ("stopped at X before landing at Y on Tuesday", "flew to X, where it landed on 7
    October": Tuesday and 7 October belong to the landing)."""
    hits: list[TimeExpr] = []
    for child in children(verb):
        if child.dep_ not in {"prep", "npadvmod", "advmod", "nmod", "tmod", "pobj"}:
            continue
        nested = [t for t in child.subtree if t.pos_ in {"VERB", "AUX"} and t.dep_ in _CLAUSAL]
        end = min((t.left_edge.i for t in nested), default=child.right_edge.i + 1)
        if end <= child.left_edge.i:
            continue
        last = verb.doc[end - 1]
        hit = date_in(ctx, child.left_edge.idx, last.idx + len(last))
        if hit is not None:
            hits.append(hit)
    # "this week flew on to Mali on Friday": the day, not the week.
    return min(hits, key=lambda d: (d.end - d.start, d.span.start)) if hits else None


def _put(route: Route, role: RoutePoint, place: Place, onward: bool = False) -> None:
    """Put a place in its route slot; with `onward` (a "to" phrase), a destination far from
    the one already found is the next stop told."""
    if role == "origin" and _more_specific(place, route.origin):
        route.origin = place
    elif role == "via" and not _locates(place, route.via):
        route.via.append(place)
    elif (
        onward
        and role == "destination"
        and route.destination is not None
        and not (one_area(place, route.destination) or place.feature in _AREAS)
    ):
        # "flew first to Lajes and then to Gran Canaria": two ends far apart in one clause
        # are stops in the order told; the last is where the trip went.
        if not _locates(route.destination, route.via):
            route.via.append(route.destination)
        route.destination = place
    elif role == "destination" and _more_specific(place, route.destination):
        route.destination = place


_AREAS = frozenset({"country", "region", "admin", "water"})  # names that can only locate


def _locates(place: Place, others: list[Place]) -> bool:
    """ "stopped at Benina in Libya": a country or region after a stop only locates it."""
    wide = _RANK.get(place.feature or "", 0) <= 1 and place.feature != "water"
    return wide and any(o.country == place.country and o.id != place.id for o in others)


def _more_specific(place: Place, other: Place | None) -> bool:
    """ "sent vehicles to Boa Vista, in Roraima state", "left Manama, Bahrain": of two end
    points in one clause the narrower place is the end point, the wider one only locates it
    (the first wins a tie)."""
    if other is None:
        return True
    mine, theirs = place.precision_km, other.precision_km
    if mine is None or theirs is None:
        return _RANK.get(place.feature or "", 0) > _RANK.get(other.feature or "", 0)
    return mine < theirs


# Narrowness by feature when a place has no precision: countries and regions are widest.
_RANK = {
    "country": 0,
    "region": 1,
    "water": 1,
    "admin": 2,
    "city": 3,
    "locality": 3,
    "airport": 4,
    "airbase": 4,
    "port": 4,
    "base": 4,
    "site": 4,
    "point": 4,
}


def _personnel(lex: EventLexicon, verb: Token, state: State) -> None:
    """ "it helped deliver almost 100 military personnel": the people an asset carried."""
    subject = subject_of(verb)
    if subject is None:
        return
    people = [
        c for c in children(verb) if c.dep_ == "dobj" and c.lower_ in lex.motion.personnel_words
    ]
    if not people:
        note_named(subject, state)  # any clause naming an asset keeps "the latest" current
        return
    tracks = tracks_for(lex, subject, state)
    for obj in people:
        count = next(
            (int(c.text) for c in children(obj) if c.dep_ == "nummod" and c.text.isdigit()), None
        )
        for track in tracks:
            track.personnel = track.personnel or count


def _movements(ctx: Context, track: Track) -> list[Movement]:
    out = []
    for index, leg in enumerate(track.legs):
        last = index == len(track.legs) - 1
        if leg.destination is None and (leg.home or (last and track.returned and index > 0)):
            leg.destination = home_place(ctx, track.asset.operator)
        if leg.destination is None and leg.back:
            continue  # "returned via Algiers": where it ended is not told (spec: stated points)
        if leg.destination is None and leg.via and last and not leg.home:
            # (a trip home through X and Y, to a home not known, did not end at Y)
            # "flew over the Barents Sea", "transited the Taiwan Strait": a trip told only by
            # where it passed ends, as far as the report goes, at the last place passed.
            leg.destination = leg.via.pop()
        if leg.destination is None or not leg.evidence:
            continue  # every movement has a destination
        via = [
            p.id
            for p in leg.via
            if p.id != leg.destination.id and (leg.origin is None or p.id != leg.origin.id)
        ]
        depart, arrive = untold_ends(
            leg.depart,
            leg.arrive,
            flown=track.asset.kind == "aircraft",
            has_origin=leg.origin is not None,
            stops=len(via),
            days=ctx.kb.events.motion.flight_days,
        )
        out.append(
            Movement(
                id=stable_id("movement", ctx.document.id, track.key, index),
                asset=track.asset,
                origin=leg.origin.id if leg.origin else None,
                via=via,
                destination=leg.destination.id,
                depart=depart,
                arrive=arrive,
                personnel=leg.personnel
                if leg.personnel is not None
                else (track.personnel if index == 0 else None),
                attribution=leg.attribution or Attribution(),
                evidence=leg.evidence,
                confidence=round(
                    0.55
                    + 0.1 * bool(leg.origin)
                    + 0.1 * bool(leg.arrive or leg.depart)
                    + 0.1 * bool(track.asset.operator),
                    2,
                ),
            )
        )
    return out
