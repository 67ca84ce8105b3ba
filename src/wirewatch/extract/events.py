"""The `events` step: PLOVER events from dependency-parse patterns over the event lexicon.

A trigger word (kb/data/events.yaml) gives type, mode and CAMEO root; its parse arguments give
actor, recipient, place and date. Negated clauses are kept with `negated: true`; modal,
future, conditional and purposive ones with status `speculated`, so a consumer (and the
scorer) can set them aside. Events in captions are skipped; repeats are merged.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._event_args import actors_of, light_verb, recipients_of
from wirewatch.extract._merge import merge_events
from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._syntax import (
    clause_date,
    place_of,
    preps,
    previous_date,
    sentence_date,
    subject_of,
    table,
    when_of,
)
from wirewatch.extract.context import Context
from wirewatch.extract.registry import step
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.kb.tables.events import Trigger
from wirewatch.model import Actor, Attribution, Event, Place, stable_id

_PLACE_PREPS = {"in", "at", "near", "outside", "over", "off"}
_PLACE_TARGETED = {"ASSAULT", "COERCE"}


@step("events")
def find_events(ctx: Context) -> None:
    lex = table(ctx, "events")
    if lex is None:
        return
    found = []
    for sent in ctx.doc.sents:
        if ctx.in_caption(sent.start_char):
            continue
        for tok in sent:
            if tok.pos_ in {"VERB", "NOUN"} and (event := _event_at(ctx, lex, tok, found)):
                found.append(event)
    ctx.events[:] = merge_events([*ctx.events, *found])


def _event_at(ctx: Context, lex: EventLexicon, tok: Token, earlier: list[Event]) \
        -> Event | None:
    if tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"}:
        return None  # "tourists visiting Greek islands" describes, it does not report
    trigger = next((t for t in lex.triggers_for(tok.lemma_, tok.pos_) if _fits(lex, t, tok)),
                   None)
    if trigger is None or _rejects_a_claim(ctx, trigger, tok):
        return None
    actors = actors_of(ctx, lex, trigger, tok)
    if not actors:
        return None  # an act with no one doing it is not an event we can report
    recipients = [r for r in recipients_of(ctx, lex, trigger, tok, actors) if r not in actors]
    place = _place(ctx, tok)
    if not recipients:
        recipients = _fallback_recipients(ctx, lex, trigger, tok, earlier, place)
    recipients = [_hosted(r, actors, place) if trigger.event == "CONSULT" else r
                  for r in recipients]
    if trigger.reciprocal and not recipients and len(actors) > 1:
        actors, recipients = actors[:1], actors[1:]
    recipients = [r for r in recipients
                  if not any(a.country and a.country == r.country for a in actors)]
    attribution, denied = _attribution(ctx, lex, tok)
    date = clause_date(ctx, tok) or sentence_date(ctx, tok.sent) or \
        previous_date(ctx, tok.sent.start_char)
    return Event(
        id=stable_id("event", ctx.document.id, trigger.event, tok.idx),
        event=trigger.event, mode=trigger.mode, cameo=trigger.cameo,
        actor=actors, recipient=recipients, place=place.id if place else None,
        when=when_of(date) if date else None,
        negated=negated(tok, lex) or denied, attribution=attribution,
        evidence=[ctx.evidence(tok.idx, tok.idx + len(tok))],
        confidence=_confidence(bool(recipients), date is not None, place is not None),
    )


def _rejects_a_claim(ctx: Context, trigger: Trigger, tok: Token) -> bool:
    """"rejected the accusation", "dismissed the report": a denial of fact is a claim
    (spec §3), not a REJECT event."""
    speech = table(ctx, "speech")
    if trigger.event != "REJECT" or speech is None:
        return False
    nouns = set(speech.claim_nouns.words) | {"charge", "charges", "accusation", "accusations"}
    return any(c.dep_ == "dobj" and c.lemma_.casefold() in nouns for c in tok.children)


def _place(ctx: Context, tok: Token) -> Place | None:
    """Where it happened: "in X" on the trigger, else on its object ("shelled the
    hospital in El Fasher") or nested ("on the edge of Tripoli")."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "pobj"}]
    frontier, seen = [tok, *objects], 0
    while frontier and seen < 12:  # prepositional chains: "on a car on the edge of Tripoli"
        anchor = frontier.pop(0)
        seen += 1
        for word, obj in preps(anchor):
            if word in _PLACE_PREPS | {"of", "across", "on"} and \
                    (place := place_of(ctx, obj)) is not None:
                return place
            frontier.append(obj)
    # "visited Niamey", "bombed Idlib": the object is itself the place.
    named = [ctx.place_at(o.idx, o.idx + len(o)) for o in objects if o.pos_ == "PROPN"]
    return next((p for p in named if p is not None), None)


def _fallback_recipients(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token,
                         earlier: list[Event], place: Place | None) -> list[Actor]:
    """"condemned the strike": the target is whoever struck (the latest such event);
    an attack with no named target hits the country where it happened."""
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        kinds = {t.event for t in lex.triggers_for(obj.lemma_, "NOUN")}
        previous = next((e for e in reversed(earlier) if e.event in kinds), None)
        if previous is not None and previous.actor:
            return list(previous.actor)
    if trigger.event in _PLACE_TARGETED and place is not None and place.country:
        return [Actor(name=place.name, country=place.country)]
    return []


def _hosted(recipient: Actor, actors: list[Actor], place: Place | None) -> Actor:
    """"met Vladimir Putin in Moscow": a host named without a country belongs to the
    country of the meeting place (when that is not the visitor's own)."""
    if recipient.country or place is None or not place.country:
        return recipient
    if any(a.country == place.country for a in actors):
        return recipient
    return recipient.model_copy(update={"country": place.country})


def _fits(lex: EventLexicon, trigger: Trigger, tok: Token) -> bool:
    children = list(tok.children)
    if trigger.with_ and not any(c.lower_ == trigger.with_ for c in children
                                 if c.dep_ in {"prt", "prep", "advmod"}):
        return False
    if trigger.requires_modifier and not any(
            c.lower_ in trigger.requires_modifier for c in children
            if c.dep_ in {"amod", "compound"}):
        return False
    if trigger.requires_xcomp and not any(c.dep_ == "xcomp" for c in children):
        return False
    if trigger.subject is not None:
        subject = subject_of(tok)
        if subject is None or not (lex.in_class(trigger.subject, subject.lemma_)
                                   or lex.in_class(trigger.subject, subject.lower_)):
            return False
    if trigger.light_with:
        verb = light_verb(lex, tok)
        if verb is None or verb.lemma_.casefold() not in trigger.light_with:
            return False
    return trigger.object is None or _object_in(lex, trigger.object, tok)


def _object_in(lex: EventLexicon, name: str, tok: Token) -> bool:
    """The trigger's object (direct object and its conjuncts) belongs to the word class."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [c for o in objects for c in o.conjuncts]
    # "amounts of weapons", "tons of cargo": the quantity's complement is the real object.
    objects += [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    cls = lex.classes.get(name)
    for obj in objects:
        if lex.in_class(name, obj.lemma_) or lex.in_class(name, obj.lower_):
            return True
        if cls is not None and cls.equipment and any(
                t.ent_type_ == "EQUIPMENT" for t in obj.subtree):
            return True
    return False


def _attribution(ctx: Context, lex: EventLexicon, tok: Token) -> tuple[Attribution, bool]:
    """Speculated, carried by a claim (reported/claimed/denied), hedged, or asserted."""
    if speculative(tok, lex):
        return Attribution(status="speculated"), False
    for start, end, claim_id, status in ctx.notes.get("claim_spans", []):
        if start <= tok.idx < end:
            return Attribution(status=status, claim=claim_id), status == "denied"
    speech = table(ctx, "speech")
    governor = tok.head if tok.dep_ in {"xcomp", "ccomp", "dobj", "pcomp"} else None
    if speech is not None and governor is not None and \
            speech.stance_of(governor.lemma_) == "denies":
        return Attribution(status="denied"), True  # "The RSF denied targeting the hospital"
    hedge = speech.hedge_in(" ".join(c.text for c in tok.children if c.dep_ == "advmod")) \
        if speech else None
    return Attribution(status="reported" if hedge else "asserted", hedge=hedge), False


def _confidence(recipient: bool, date: bool, place: bool) -> float:
    return round(0.5 + 0.15 * recipient + 0.1 * date + 0.1 * place, 2)
