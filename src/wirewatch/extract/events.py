"""The `events` step: PLOVER events from dependency-parse patterns over the event lexicon.

A trigger word (kb/data/events.yaml) gives type, mode and CAMEO root; its parse arguments give
actor, recipient, place and date. Negated clauses are kept with `negated: true`; modal,
future, conditional and purposive ones with status `speculated`, so a consumer (and the
scorer) can set them aside. Events in captions are skipped; repeats are merged.
Habitual states ("which trains ...", "since 1992") and an attack's outcome participle
("..., killing 20") give no event of their own; a national body or crowd named without a
country belongs to the dateline's (or the place's) country; a response with no named
target answers whoever last acted on the actor. An act whose doer the text does not name
is still an event where its row allows it (`agentless`): "14 people were killed in fighting
in Tripoli", "a drone strike north of Mosul", "a ceasefire was declared".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._dateline import dateline, dateline_place
from wirewatch.extract._event_args import (
    actors_of,
    cause_actors,
    light_verb,
    local_actors,
    noun_actor_tokens,
    place_actor,
    real_subject,
    recipients_of,
    setting_verb,
    verb_actor_tokens,
)
from wirewatch.extract._merge import merge_events
from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._syntax import (
    clause_date,
    date_in,
    phrase,
    place_of,
    preps,
    previous_date,
    sentence_date,
    when_of,
)
from wirewatch.extract.context import Context, children, sentence
from wirewatch.extract.registry import step
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.kb.tables.events import Trigger
from wirewatch.kb.tables.speech import Table as Speech
from wirewatch.model import Actor, Attribution, Event, Place, TimeExpr, stable_id

# Word lists (places, pairs, determiners, ...) are the lexicon's: kb/data/events.yaml.
_PLACE_TARGETED = {"ASSAULT", "COERCE"}
_MOVING = {"MOBILIZE", "AID"}  # a deployment or delivery happens where it goes
# Responses: with no target named, they answer whoever last acted on the actor.
_REACTIONS = {"ACCUSE", "THREATEN", "REJECT"}


@step("events")
def find_events(ctx: Context) -> None:
    lex = ctx.kb.events
    found: list[Event] = []
    for sent in ctx.sents:
        if ctx.in_caption(sent.start_char):
            continue
        for tok in ctx.tokens[sent.start : sent.end]:  # a span's iterator rebuilds tokens
            pos = tok.pos_
            if (
                pos in {"VERB", "NOUN"}
                and lex.triggers_for(tok.lemma_, pos)
                and (event := _event_at(ctx, lex, tok, found))
            ):
                found.append(event)
    ctx.events[:] = merge_events([*ctx.events, *found])


def _event_at(ctx: Context, lex: EventLexicon, tok: Token, earlier: list[Event]) -> Event | None:
    if tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"}:
        return None  # "tourists visiting Greek islands" describes, it does not report
    trigger = next(
        (t for t in lex.triggers_for(tok.lemma_, tok.pos_) if _fits(ctx, lex, t, tok)), None
    )
    if (
        trigger is None
        or _rejects_a_claim(ctx.kb.speech, trigger, tok)
        or _habitual(lex, tok)
        or _result_of(trigger, tok, earlier)
    ):
        return None
    place = _place(ctx, tok, trigger.event)
    holders = verb_actor_tokens(lex, tok) if trigger.pos == "VERB" else noun_actor_tokens(lex, tok)
    if not holders and trigger.event == "MOBILIZE":
        # "soldiers were deployed in the capital": the forces moved are their state's.
        holders = [c for c in children(tok) if c.dep_ == "nsubjpass"]
    actors = _pair(lex, holders, earlier) or actors_of(ctx, lex, trigger, tok)
    if not any(a.country for a in actors) and (local := local_actors(ctx, lex, holders, place)):
        actors += local
        place = place or dateline_place(ctx)  # a local body acts where the story is filed
    cause = _cause(lex, trigger, tok) if not actors else None
    if cause is not None and _repeat(lex, trigger, cause, earlier):
        return None  # "five were killed in the attack": the attack told before
    if cause is not None:  # "killed in Russian shelling", "killed in fighting in Tripoli"
        actors = cause_actors(ctx, lex, cause, place)
    stated = (
        not actors and _stated_done(lex, trigger, tok) and not _repeat(lex, trigger, tok, earlier)
    )
    if stated:  # "a ceasefire was declared in Sudan": the verb's place is the act's
        place = place or _place(ctx, tok.head) or _framing_place(ctx, lex, tok.head)
    if not actors and not (
        stated
        or cause is not None
        or _unnamed_attacker(lex, trigger, holders)
        or _armed_attack(lex, trigger, tok)
    ):
        return None  # an act with no one doing it is not an event we can report
    recipients = [
        r for r in recipients_of(ctx, lex, trigger, tok, actors, place) if r not in actors
    ]
    if not recipients and trigger.cargo is not None:
        recipients = _cargo_for(ctx, tok)  # "with 500 tonnes of food for Gaza"
    if not recipients and trigger.event in {"REQUEST", *_REACTIONS}:
        recipients = _pair(
            lex,
            [
                c
                for c in children(tok)
                if c.dep_ in {"dobj", "prep"}
                for c in [c, *children(c)]
                if c.lower_ in lex.pairs.alone
            ],
            earlier,
        )
    if not recipients:
        recipients = _fallback_recipients(ctx, lex, trigger, tok, earlier, place, actors)
    recipients = [
        _hosted(r, actors, place) if trigger.event == "CONSULT" else r for r in recipients
    ]
    if trigger.reciprocal and not recipients and len(actors) > 1:
        actors, recipients = actors[:1], actors[1:]
    if not actors and not recipients and place is None and not stated:
        return None  # an unnamed attacker and no target or place: nothing to report
    setting = setting_verb(lex, tok) if trigger.pos == "NOUN" else None
    place = (
        place
        or (_place(ctx, setting) if setting is not None else None)
        or (_light_place(ctx, lex, tok) if trigger.pos == "NOUN" else None)
        or _seat(ctx, holders)
        or _lead_place(ctx, tok)
    )
    attribution, denied = _attribution(ctx, lex, tok)
    date = _date(ctx, tok)
    return Event(
        id=stable_id("event", ctx.document.id, trigger.event, tok.idx),
        event=trigger.event,
        mode=trigger.mode,
        cameo=trigger.cameo,
        actor=actors,
        recipient=recipients,
        place=place.id if place else None,
        when=when_of(date) if date else None,
        negated=negated(tok, lex) or denied,
        attribution=attribution,
        evidence=[ctx.evidence(tok.idx, tok.idx + len(tok))],
        confidence=_confidence(bool(recipients), date is not None, place is not None),
    )


def _unnamed_attacker(lex: EventLexicon, trigger: Trigger, holders: list[Token]) -> bool:
    """ "Gunmen killed a police officer": an attack is reported even when its doer is not
    named, as long as the clause names one (not a pronoun, and not "the raids", which
    points back to an attack told before)."""
    if trigger.event != "ASSAULT" or trigger.pos != "VERB":
        return False
    return any(_fresh_doer(lex, h) for h in holders)


def _cause(lex: EventLexicon, trigger: Trigger, tok: Token) -> Token | None:
    """ "14 people were killed in fighting", "wounded during clashes": an agentless passive
    whose "in/during/amid" phrase names violence (the row's `agentless` class) reports an
    attack whose doer the text leaves unnamed; "killed in a crash" does not."""
    name = trigger.agentless
    if trigger.pos != "VERB" or name is None or name == "passive":
        return None
    kids = children(tok)
    if not any(c.dep_ == "nsubjpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    return next(
        (
            obj
            for word, obj in preps(tok)
            if word in lex.cause_preps.words
            and (lex.in_class(name, obj.lemma_) or lex.in_class(name, obj.lower_))
        ),
        None,
    )


def _framing_place(ctx: Context, lex: EventLexicon, verb: Token) -> Place | None:
    """ "14 were killed in fighting in Tripoli before a ceasefire was declared": a clause
    that only times itself against another, and names no place of its own, happened where
    that other did."""
    if (
        verb.dep_ != "advcl"
        or verb.head.i == verb.i
        or not any(
            c.dep_ == "mark" and c.lower_ in lex.temporal_marks.words for c in children(verb)
        )
    ):
        return None
    return _place(ctx, verb.head)


def _repeat(lex: EventLexicon, trigger: Trigger, noun: Token, earlier: list[Event]) -> bool:
    """ "the ceasefire was declared", "killed in the fighting" after an act of the same type:
    a definite noun with no party named tells that act again."""
    definite = lex.determiners.definite
    return any(c.lower_ in definite for c in children(noun) if c.dep_ in {"det", "poss"}) and any(
        e.event == trigger.event for e in earlier
    )


def _stated_done(lex: EventLexicon, trigger: Trigger, tok: Token) -> bool:
    """ "a ceasefire was declared", "a truce took hold": a noun told as done in the past by
    a verb that states it happened, with no party named (rows with `agentless: passive`)."""
    if trigger.pos != "NOUN" or trigger.agentless != "passive" or tok.head.i == tok.i:
        return False
    verb = tok.head
    kids = children(verb)
    if tok.dep_ == "nsubjpass":
        return (
            verb.lemma_.casefold() in lex.hypothetical.realizing
            and any(c.dep_ == "auxpass" and c.lower_ in lex.auxiliaries.past_passive for c in kids)
            and not any(c.dep_ == "agent" for c in kids)
        )
    if tok.dep_ == "nsubj" and verb.tag_ in {"VBD", "VBN"}:
        onset = [c for c in kids if c.dep_ in {"dobj", "attr"}]
        onset += [obj for word, obj in preps(verb) if word == "into"]  # "came into force"
        return any(lex.in_class("onset_like", o.lemma_) for o in onset)
    return False


def _armed_attack(lex: EventLexicon, trigger: Trigger, tok: Token) -> bool:
    """ "a drone strike north of Mosul", "an airstrike on a market": an indefinite attack
    noun of an armed kind (the row's `agentless` class, the noun or its modifier) reports
    an attack even with no doer named; "a strike at the port" may be a walkout."""
    name = trigger.agentless
    if trigger.pos != "NOUN" or name is None or name == "passive":
        return False
    kids = children(tok)
    if not any(c.dep_ == "det" and c.lower_ in lex.determiners.indefinite for c in kids):
        return False
    kinds = [tok, *(c for c in kids if c.dep_ in {"compound", "amod"})]
    armed = any(lex.in_class(name, k.lemma_) or lex.in_class(name, k.lower_) for k in kinds)
    return armed and _told_as_fact(lex, tok)


def _told_as_fact(lex: EventLexicon, noun: Token) -> bool:
    """The noun's act happened: it did something ("a drone strike killed five"), or it is
    what a reaction answers ("condemned a drone strike", "protest against a strike");
    "warned of a missile attack" and "braced for an airstrike" tell none."""
    head = noun.head
    if head.i == noun.i:
        return False
    if noun.dep_ == "nsubj":
        return head.tag_ == "VBD" or (
            head.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in lex.auxiliaries.perfect for c in children(head))
        )
    verb = (
        head.head
        if noun.dep_ == "pobj" and head.dep_ == "prep"
        else head
        if noun.dep_ == "dobj"
        else None
    )
    return verb is not None and lex.in_class("presupposing", verb.lemma_)


def _cargo_for(ctx: Context, tok: Token) -> list[Actor]:
    """ "sailed with 500 tonnes of food for Gaza": the load's "for" phrase names who the aid
    is for."""
    loads = [obj for word, obj in preps(tok) if word == "with"]
    loads += [g for o in loads for word, g in preps(o) if word == "of"]
    for load in loads:
        for word, obj in preps(load):
            if word == "for" and (actor := place_actor(ctx, obj)) is not None:
                return [actor]
    return []


def _fresh_doer(lex: EventLexicon, holder: Token) -> bool:
    definite = any(c.lower_ in lex.determiners.definite for c in children(holder))
    repeat = definite and holder.lemma_.casefold() in lex.attack_nouns.words
    doer = any(
        lex.in_class(name, word)
        for name in ("unnamed_attacker", "attacker_like")
        for word in (holder.lemma_, holder.lower_)
    )
    return doer and not repeat


def _habitual(lex: EventLexicon, tok: Token) -> bool:
    """ "Turkey, which trains Somali commandos", "had mediated between them since 1992":
    a present-simple verb or a "since" span states an ongoing situation, not an act; so
    does a noun's present-tense light verb ("all flights are conducted in accordance")."""
    if (
        tok.pos_ == "VERB"
        and tok.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in children(tok))
    ):
        return True
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ in {"dobj", "nsubjpass"}
        and (verb := light_verb(lex, tok)) is not None
        and _present(lex, verb)
    ):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "since" for c in children(tok))


def _present(lex: EventLexicon, verb: Token) -> bool:
    """A present-simple clause, active ("holds") or passive ("are conducted")."""
    kids = children(verb)
    if verb.tag_ in {"VBZ", "VBP"}:
        return not any(c.dep_ in {"aux", "auxpass"} for c in kids)
    return (
        verb.tag_ == "VBN"
        and not any(c.dep_ == "aux" for c in kids)
        and any(c.dep_ == "auxpass" and c.lower_ in lex.auxiliaries.present_passive for c in kids)
    )


def _result_of(trigger: Trigger, tok: Token, earlier: list[Event]) -> bool:
    """ "stormed a restaurant, killing 20", "marched, demanding elections": a participle
    that tells the outcome or aim of an attack or protest just reported is part of it."""
    # "seizing rifles and injuring a sailor": a coordinated participle counts too.
    clause = tok.head if tok.dep_ == "conj" and tok.head.tag_ == "VBG" else tok
    participle = clause.dep_ == "advcl" and tok.tag_ == "VBG"
    if not (participle and trigger.event in {"ASSAULT", "REQUEST"}):
        return False
    last = earlier[-1] if earlier else None
    return (
        last is not None
        and last.event in {"ASSAULT", "PROTEST", "COERCE"}
        and last.evidence[0].start >= sentence(tok).start_char
    )


def _pair(lex: EventLexicon, holders: list[Token], earlier: list[Event]) -> list[Actor]:
    """ "The two sides agreed", "called on both": the two parties of the latest event that
    had a country on each side."""
    if len(holders) != 1:
        return []
    head = holders[0]
    pairs = lex.pairs
    paired = head.lower_ in pairs.words and (
        head.lower_ in pairs.alone or any(c.lower_ in pairs.counts for c in children(head))
    )
    if not paired:
        return []
    for event in reversed(earlier):
        parties = [a for a in [*event.actor, *event.recipient] if a.country]
        if len({a.country for a in parties}) >= 2 or (
            event.actor and event.recipient and len(parties) >= 2
        ):
            return parties
    return []


def _date(ctx: Context, tok: Token) -> TimeExpr | None:
    """The clause's own date, a governing clause's ("when India struck"), the noun's
    ("an April attack that killed"), the sentence's single date, then the running one."""
    date = clause_date(ctx, tok)
    if date is None and tok.dep_ in {"advcl", "relcl", "acl", "conj"} and tok.head.i != tok.i:
        date = (
            clause_date(ctx, tok.head)
            if tok.dep_ != "relcl"
            else (
                date_in(ctx, tok.head.idx, tok.head.idx + len(tok.head))  # "Wednesday, when"
                or _noun_date(ctx, tok.head)
            )
        )
    sent = sentence(tok)
    date = date or sentence_date(ctx, sent)
    if date is None and _relative(ctx, sent, ctx.kb.events.relative_time.words):
        # "Hours after the verdict": the latest day told before, not a year in passing.
        hits = [d for d in ctx.dates if d.span.end <= sent.start_char and d.precision == "day"]
        date = max(hits, key=lambda d: d.span.start) if hits else None
    return date or previous_date(ctx, sent.start_char)


def _relative(ctx: Context, sent: SpacySpan, phrases: list[str]) -> bool:
    """The sentence has a relative time phrase (`sent.text` would join its tokens again)."""
    text = ctx.document.text[sent.start_char : sent.end_char].casefold()
    return any(cue in text for cue in phrases)


def _noun_date(ctx: Context, noun: Token) -> TimeExpr | None:
    for child in children(noun):
        if child.dep_ in {"compound", "amod", "nmod", "npadvmod"}:
            hit = date_in(ctx, child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if hit is not None:
                return hit
    return None


def _seat(ctx: Context, holders: list[Token]) -> Place | None:
    """ "Bucharest summoned the envoy": a government named by its capital acts there."""
    for holder in holders:
        place = ctx.place_at(holder.idx, holder.idx + len(holder))
        if place is not None and place.feature == "city" and holder.dep_ in {"nsubj", "pobj"}:
            return place
    return None


def _lead_place(ctx: Context, tok: Token) -> Place | None:
    """An act in the lead sentence with no place of its own happened at the dateline
    ("BRUSSELS — EU ministers adopted ..."): the sentence the dateline opens, or the next
    when the parser was told one ends at the dateline."""
    found = dateline(ctx)
    if found is None:
        return None
    span, place = found
    sent = sentence(tok)
    if sent.start_char <= span.start < sent.end_char or 0 <= sent.start_char - span.end <= 3:
        return place
    return None


def _rejects_a_claim(speech: Speech, trigger: Trigger, tok: Token) -> bool:
    """ "rejected the accusation", "dismissed the report": a denial of fact is a claim
    (spec §3), not a REJECT event."""
    if trigger.event != "REJECT":
        return False
    nouns = set(speech.claim_nouns.words) | speech.accusation_nouns.words
    if tok.dep_ == "relcl" and tok.head.lemma_.casefold() in nouns:
        return True  # "a charge that Vucic rejected"
    return any(c.dep_ == "dobj" and c.lemma_.casefold() in nouns for c in children(tok))


def _place(ctx: Context, tok: Token, kind: str = "") -> Place | None:
    """Where it happened: "in X" on the trigger, else on its object ("shelled the
    hospital in El Fasher") or nested ("on the edge of Tripoli"); a deployment's
    destination ("sent troops to X")."""
    objects = [c for c in children(tok) if c.dep_ in {"dobj", "pobj"}]
    # "struck what it called terrorist camps in Pakistan": the naming clause holds them.
    objects += [
        c
        for c in children(tok)
        if c.dep_ == "ccomp" and any(g.dep_ == "dobj" and g.lower_ == "what" for g in children(c))
    ]
    words = ctx.kb.events.places
    located = words.preps | (words.destination_preps if kind in _MOVING else frozenset())
    # "in/at/near X" anywhere in the chain beats "of/on X" ("the embassies of Rwanda ...
    # in Kinshasa").
    found = (
        _point_in(ctx, tok)
        or _along(ctx, [tok, *objects], located)
        or _along(ctx, [tok, *objects], located | words.loose_preps)
    )
    if found is not None:
        return found
    # "visited Niamey", "bombed Idlib", "hit the Masnaa border crossing": the object is
    # itself the place (a common noun only names a place smaller than a country).
    named = [
        (place_of(ctx, o) if o.pos_ == "NOUN" else ctx.place_at(o.idx, o.idx + len(o)), o)
        for o in objects
        if o.pos_ in {"PROPN", "NOUN"}
    ]
    found = next(
        (p for p, o in named if p is not None and (o.pos_ == "PROPN" or p.feature != "country")),
        None,
    )
    if found is None and tok.dep_ in {"relcl", "acl"} and tok.head.i != tok.i:
        # "a gun battle at a monastery in Banjska, in which gunmen killed ...".
        found = _along(ctx, [tok.head], words.preps)
        if found is None and _relative_where(tok, words.preps):
            found = _named_place(ctx, tok.head)  # "northern Kosovo, where gunmen killed"
    if found is None and kind == "MOBILIZE":
        # "fired a missile from the Pyongyang area": a launch happens where it starts.
        found = next(
            (p for w, o in preps(tok) if w == "from" and (p := _named_place(ctx, o)) is not None),
            None,
        )
    subject = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    if found is None and subject is not None:
        # "A federal jury in Alexandria convicted": the doer's own "in X".
        found = next(
            (
                p
                for w, o in preps(subject)
                if w in {"in", "at"} and (p := _named_place(ctx, o)) is not None
            ),
            None,
        )
    return found


def _light_place(ctx: Context, lex: EventLexicon, noun: Token) -> Place | None:
    """ "carried out an airstrike on Sunday against fighters about 50 km northwest of
    Kismayo", "held talks on Monday in Ankara": a point or an "in/at/near" place on the
    noun's light verb (not its objects: "lodged a protest with Washington")."""
    verb = light_verb(lex, noun)
    if verb is None:
        return None
    return _point_in(ctx, verb) or next(
        (
            p
            for w, o in preps(verb)
            if w in lex.places.preps
            and o.dep_ == "pobj"
            and (p := _named_place(ctx, o)) is not None
        ),
        None,
    )


def _relative_where(tok: Token, place_preps: frozenset[str]) -> bool:
    """A relative clause that happens at its antecedent: "where ...", "in which ..."."""
    return any(
        (c.dep_ == "advmod" and c.lower_ == "where")
        or (
            c.dep_ == "prep"
            and c.lower_ in place_preps
            and any(g.lower_ == "which" for g in children(c))
        )
        for c in children(tok)
    )


def _point_in(ctx: Context, tok: Token) -> Place | None:
    """A computed point stated in the trigger's own phrase or clause ("an airstrike
    against fighters about 50 km northwest of Kismayo") is the most exact place."""
    points = [p for p in ctx.places if p.feature == "point"]
    if not points:
        return None  # most texts state none: skip building the subtree span
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    points = [
        p
        for p in points
        if any(span.start_char <= m.start and m.end <= span.end_char for m in p.mentions)
    ]
    return points[0] if points else None


def _along(ctx: Context, start: list[Token], wanted: frozenset[str]) -> Place | None:
    frontier, seen = list(start), 0
    while frontier and seen < 12:  # prepositional chains: "on a car on the edge of Tripoli"
        anchor = frontier.pop(0)
        seen += 1
        for word, obj in preps(anchor):
            if obj.dep_ == "pcomp":  # "convicted X of exporting parts to Iran": another act
                continue
            if word in wanted and (place := _named_place(ctx, obj)) is not None:
                return place
            frontier.append(obj)
    return None


def _named_place(ctx: Context, obj: Token) -> Place | None:
    """The place a prepositional object names, preferring "the island of X" to a
    place inside the head phrase ("the Caribbean island")."""
    if obj.pos_ == "NOUN" and obj.lemma_.casefold() in ctx.kb.events.places.heads:
        inner = next(
            (p for w, o in preps(obj) if w == "of" and (p := place_of(ctx, o)) is not None), None
        )
        if inner is not None:
            return inner
    return place_of(ctx, obj)


def _fallback_recipients(
    ctx: Context,
    lex: EventLexicon,
    trigger: Trigger,
    tok: Token,
    earlier: list[Event],
    place: Place | None,
    actors: list[Actor],
) -> list[Actor]:
    """ "condemned the strike": the target is whoever struck (the latest such event);
    an attack with no named target hits the country where it happened; a deployment
    abroad goes to the country it reaches; a response with no target answers whoever
    last acted on the actor."""
    for obj in (c for c in children(tok) if c.dep_ == "dobj"):
        # "sent aid" names what is given, not an act answered ("condemned the strike").
        kinds = {t.event for t in lex.triggers_for(obj.lemma_, "NOUN")} - {trigger.event}
        previous = next((e for e in reversed(earlier) if e.event in kinds), None)
        if previous is not None and previous.actor:
            return list(previous.actor)
    own = {a.country for a in actors if a.country}
    if (
        place is not None
        and place.country
        and (
            trigger.event in _PLACE_TARGETED
            or (trigger.event in _MOVING and own and place.country not in own)
        )
    ):
        return [_country_party(ctx, place)]
    if trigger.event in _REACTIONS and own:
        return _answered(earlier, own) or _last_foreign(ctx, tok, own)
    return []


def _country_party(ctx: Context, place: Place) -> Actor:
    """The state a place belongs to, named as the state: a party named after the place
    ("Tripoli") would read as a second, country-bound Tripoli beside the place itself."""
    country = ctx.kb.countries.by_iso3(place.country) if place.country else None
    return Actor(name=country.name if country is not None else place.name, country=place.country)


def _last_foreign(ctx: Context, tok: Token, own: set[str]) -> list[Actor]:
    """A complaint with no target and no earlier act: the latest other state named
    before the sentence ("Russian bombers flew ... Tokyo lodged a complaint")."""
    mentions = [
        (m.start, e)
        for e in ctx.entities
        if e.country and e.country not in own and e.kind in {"GPE", "NORP", "ORG", "UNIT", "PERSON"}
        for m in e.mentions
        if m.end <= sentence(tok).start_char
    ]
    if not mentions:
        return []
    _, entity = max(mentions, key=lambda hit: hit[0])
    return [Actor(entity=entity.id, name=entity.name, country=entity.country)]


def _answered(earlier: list[Event], own: set[str]) -> list[Actor]:
    """Who a response answers: the latest actor that acted on `own`'s country, else the
    latest actor of another country."""

    def foreign(event: Event) -> list[Actor]:
        return [a for a in event.actor if a.country and a.country not in own]

    for event in reversed(earlier):
        if foreign(event) and any(r.country in own for r in event.recipient):
            return foreign(event)
    for event in reversed(earlier):
        if foreign(event) and not event.negated and event.attribution.status != "speculated":
            return foreign(event)
    return []


def _hosted(recipient: Actor, actors: list[Actor], place: Place | None) -> Actor:
    """ "met Vladimir Putin in Moscow": a host named without a country belongs to the
    country of the meeting place (when that is not the visitor's own)."""
    if recipient.country or place is None or not place.country:
        return recipient
    if any(a.country == place.country for a in actors):
        return recipient
    return recipient.model_copy(update={"country": place.country})


def _fits(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token) -> bool:
    kids = children(tok)
    # The particle or preposition may hang off the object ("fired a salvo of rockets at X").
    objects = [g for c in kids if c.dep_ == "dobj" for g in children(c) if g.dep_ == "prep"]
    if trigger.with_ and not any(
        c.lower_ == trigger.with_
        for c in [*kids, *objects]
        if c.dep_ in {"prt", "prep", "advmod", "acomp", "oprd"}
    ):
        return False
    if trigger.complement is not None and not any(
        lex.in_class(trigger.complement, c.lemma_)
        for c in kids
        if c.dep_ in {"xcomp", "ccomp", "oprd", "dobj"}
    ):
        return False
    if trigger.requires_modifier and not any(
        c.lower_ in trigger.requires_modifier for c in kids if c.dep_ in {"amod", "compound"}
    ):
        return False
    if trigger.requires_xcomp and not any(c.dep_ == "xcomp" for c in kids):
        return False
    if trigger.subject is not None and not _subject_in(ctx, lex, trigger, tok):
        return False
    if trigger.light_with:
        verb = light_verb(lex, tok)
        if verb is None or verb.lemma_.casefold() not in trigger.light_with:
            return False
    if trigger.cargo is not None and not _carries(lex, trigger.cargo, tok):
        return False
    return trigger.object is None or _object_in(ctx, lex, trigger.object, tok)


def _subject_in(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token) -> bool:
    """The subject belongs to the row's word class; a noun's subject is its light verb's
    ("two Tu-95MS bombers carried out a flight"), where a catalogued model also counts
    when the class takes equipment."""
    name = trigger.subject
    assert name is not None
    if trigger.pos == "VERB":
        subject = real_subject(tok)
        return subject is not None and (
            lex.in_class(name, subject.lemma_) or lex.in_class(name, subject.lower_)
        )
    verb = light_verb(lex, tok)
    subject = real_subject(verb) if verb is not None else None
    if subject is None:
        return False
    if lex.in_class(name, subject.lemma_) or lex.in_class(name, subject.lower_):
        return True
    cls = lex.classes.get(name)
    span = phrase(subject)
    return cls is not None and cls.equipment and _has_equipment(ctx, span.start, span.end - 1)


def _carries(lex: EventLexicon, name: str, tok: Token) -> bool:
    """The load of a motion verb belongs to the word class: "landed with 20 tonnes of
    medical supplies", "a C-130J carrying tents touched down", "landed carrying aid"."""
    kids = children(tok)
    loads = [
        o
        for c in kids
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in children(c)
        if o.dep_ == "pobj"
    ]
    carriers = [c for c in kids if c.dep_ in {"advcl", "xcomp"}]
    carriers += [
        a for c in kids if c.dep_ in {"nsubj", "nsubjpass"} for a in children(c) if a.dep_ == "acl"
    ]
    loads += [o for c in carriers if c.lemma_ == "carry" for o in children(c) if o.dep_ == "dobj"]
    loads += [c for o in loads for c in o.conjuncts]
    # "20 tonnes of medical supplies": the quantity's complement is the real load.
    loads += [g for o in loads for word, g in preps(o) if word == "of"]
    return any(lex.in_class(name, o.lemma_) or lex.in_class(name, o.lower_) for o in loads)


def _object_in(ctx: Context, lex: EventLexicon, name: str, tok: Token) -> bool:
    """The trigger's object (direct object and its conjuncts) belongs to the word class."""
    objects = [c for c in children(tok) if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [c for o in objects for c in o.conjuncts]
    # "amounts of weapons", "tons of cargo": the quantity's complement is the real object.
    objects += [
        g
        for o in objects
        for c in children(o)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in children(c)
        if g.dep_ == "pobj"
    ]
    cls = lex.classes.get(name)
    for obj in objects:
        if lex.in_class(name, obj.lemma_) or lex.in_class(name, obj.lower_):
            return True
        if (
            cls is not None
            and cls.equipment
            and _has_equipment(ctx, obj.left_edge.i, obj.right_edge.i)
        ):
            return True
    return False


def _has_equipment(ctx: Context, first: int, last: int) -> bool:
    """An EQUIPMENT entity among tokens first..last, from an index built once per document
    (walking a subtree makes a Token object per word)."""
    index = ctx.equipment_tokens()
    return any(i in index for i in range(first, last + 1))


def _attribution(ctx: Context, lex: EventLexicon, tok: Token) -> tuple[Attribution, bool]:
    """Speculated, carried by a claim (reported/claimed/denied), hedged, or asserted."""
    if speculative(tok, lex):
        return Attribution(status="speculated"), False
    claimed = ctx.claim_attribution(tok.idx)
    if claimed is not None:
        return claimed, claimed.status == "denied"
    speech = ctx.kb.speech
    governor = tok.head if tok.dep_ in {"xcomp", "ccomp", "dobj", "pcomp"} else None
    if governor is not None and speech.stance_of(governor.lemma_) == "denies":
        return Attribution(status="denied"), True  # "The RSF denied targeting the hospital"
    adverbs = " ".join(c.text for c in children(tok) if c.dep_ == "advmod")
    hedge = speech.hedge_in(adverbs) if adverbs else None
    return Attribution(status="reported" if hedge else "asserted", hedge=hedge), False


def _confidence(recipient: bool, date: bool, place: bool) -> float:
    return round(0.5 + 0.15 * recipient + 0.1 * date + 0.1 * place, 2)
