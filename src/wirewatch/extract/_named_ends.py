"""A trip's end named by a noun rather than a verb's phrase.

"A Y-20 left Urumqi on Saturday. Its destination was Belgrade", "declaring Antwerp as its
destination", "Its flight plan lists Nakhchivan as the destination", "Their destination was
given as the Mediterranean", "destination Ramstein per its flight plan", "broadcasting a
destination of Tobruk", "Filed destination: Incirlik". Flight- and ship-tracking posts say
where an asset is going this way (a filed plan, an AIS field) as often as with a verb. The
nouns and the route point each names are data (`events.yaml` motion `end_nouns`); the
asset is the noun's possessor, else the possessor of what holds the noun ("its flight
plan"), else the asset the text is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._movers import tracks_for
from wirewatch.extract._state import State
from wirewatch.extract._syntax import place_of, preps
from wirewatch.extract._tracks import Track
from wirewatch.extract.context import Context, children
from wirewatch.kb.tables.events import RoutePoint
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.model import Place

_VERBS = frozenset({"VERB", "AUX"})


def end_named(
    ctx: Context, lex: EventLexicon, noun: Token, state: State
) -> tuple[list[Track], RoutePoint, Place] | None:
    """(the assets, the route point, the place) an end noun names, or None."""
    role = lex.motion.end_nouns.get(noun.lemma_.casefold())
    if role is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    holder = _holder(noun)
    if holder is not None and (negated(holder, lex) or speculative(holder, lex)):
        return None  # "Its destination was not given", "its destination may be Tartus"
    place = next(
        (p for c in _named(noun) if (p := place_of(ctx, c, with_clauses=False)) is not None),
        None,
    )
    if place is None:
        return None
    owners = _owners(noun)
    movers = (
        [t for o in owners for t in owner_tracks(lex, o, state)]
        if owners
        else [t for t in (state.subject or state.last,) if t is not None]
    )
    return (movers, role, place) if movers else None


def owner_tracks(lex: EventLexicon, owner: Token, state: State) -> list[Track]:
    """The assets a possessive means: "its" the one the text is about, "their" the group
    named last, a noun the assets it names."""
    if owner.lower_ in {"its", "her"}:
        one = state.subject or state.last
        return [one] if one is not None else []
    if owner.lower_ == "their":
        return list(state.group) or ([state.last] if state.last is not None else [])
    return tracks_for(lex, owner, state)


def _holder(noun: Token) -> Token | None:
    """The verb the noun's clause turns on ("was", "given", "declaring"), if any."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head if head.pos_ in _VERBS and head.i != noun.i else None


def _named(noun: Token) -> list[Token]:
    """Where the place may be, by how the noun is built into its clause."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":  # "Its destination was Belgrade"
        return [c for c in children(head) if c.dep_ == "attr"]
    if noun.dep_ == "nsubjpass":  # "Their destination was given as the Mediterranean"
        return [o for word, o in preps(head) if word == "as"]
    if noun.dep_ == "pobj" and head.lower_ == "as":
        # "declaring Antwerp as its destination"; "declared Port Said as ..." can come out
        # with the place as the phrase's head.
        holder = head.head
        if holder.pos_ in _VERBS:
            return [c for c in children(holder) if c.dep_ == "dobj"]
        return [holder]
    # "destination Ramstein", "Filed destination: Incirlik", "a destination of Tobruk"
    out = [c for c in children(noun) if c.dep_ == "appos"]
    out += [o for word, o in preps(noun) if word == "of"]
    if noun.dep_ == "compound" and head.pos_ == "PROPN":
        out.append(head)
    return out


def _owners(noun: Token) -> list[Token]:
    """The noun's possessor; for "as the destination", the possessor of the verb's subject
    ("Its flight plan lists X as the destination") or the subject itself."""
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    if owners or noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return owners
    for subject in (c for c in children(noun.head.head) if c.dep_ == "nsubj"):
        owned = [c for c in children(subject) if c.dep_ == "poss"]
        return owned or ([subject] if subject.pos_ != "PRON" else [])
    return []
