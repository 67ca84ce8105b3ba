"""Who makes a claim: name and kind of the speaker, and the outlet that carries it."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._syntax import actor_at, phrase
from wirewatch.extract.context import Context, children, parse_tree, sentence
from wirewatch.model import Claimant
from wirewatch.model.vocab import ClaimantKind


def name_of(token: Token) -> str:
    """The claimant as the text names it: a proper-name run, or a common noun with its
    modifiers ("unnamed diplomatic source"), without determiners (memoised per parse)."""
    names = parse_tree(token.doc).names
    if token.i not in names:
        names[token.i] = _name_of(token)
    return names[token.i]


def _name_of(token: Token) -> str:
    if token.pos_ == "PROPN":
        sent = sentence(token)
        start = token
        while (
            start.i > sent.start
            and start.nbor(-1).pos_ == "PROPN"
            and start.nbor(-1).dep_ in {"compound", "flat"}
        ):
            start = start.nbor(-1)
        end = token
        while end.i + 1 < sent.end and end.nbor(1).dep_ in {"flat"}:
            end = end.nbor(1)
        return token.doc[start.i : end.i + 1].text
    named = next(
        (
            c
            for c in children(token)
            if c.pos_ == "PROPN"
            and c.i > token.i
            and c.dep_ in {"appos", "compound", "flat", "npadvmod"}
        ),
        None,
    )
    if named is not None:  # "the flight-tracking service Flightradar24"
        return name_of(named)
    span = phrase(token)
    first = span.start
    while first < token.i and token.doc[first].dep_ in {"det", "poss", "case", "predet"}:
        first = token.doc[first].right_edge.i + 1 if token.doc[first].dep_ == "poss" else first + 1
    return token.doc[min(first, token.i) : span.end].text.strip()


def outlet_name(ctx: Context, token: Token) -> str | None:
    """The outlet a noun phrase names ("Russian state media outlet Sputnik" -> Sputnik)."""
    outlets = ctx.kb.outlets
    span = phrase(token)
    for text in (name_of(token), span.text, token.text):
        hit = outlets.lookup(text)
        if hit is not None:
            return hit.name
    nouns = set(ctx.kb.speech.outlet_nouns.words)
    if token.pos_ == "PROPN" and any(t.lower_ in nouns for t in span if t.i != token.i):
        return name_of(token)
    return None


def resolve_pronoun(token: Token, pronouns: frozenset[str]) -> Token:
    """A pronoun subject stands for the latest person or organisation named before it."""
    if token.lower_ not in pronouns:
        return token
    before = [e for e in token.doc.ents if e.end <= token.i and e.label_ in {"PERSON", "ORG"}]
    return before[-1].root if before else token


def claimant_of(ctx: Context, token: Token) -> Claimant | None:
    pronouns = ctx.kb.speech.pronouns.words
    token = resolve_pronoun(token, pronouns)
    if token.lower_ in pronouns or (token.pos_ in {"PRON", "DET"} and token.lower_ != "one"):
        return None
    name = name_of(token)
    actor = actor_at(ctx, token)
    country = actor.country if actor else None
    sector = actor.sector if actor else None
    outlet = outlet_name(ctx, token)
    if outlet:
        return Claimant(name=outlet, kind="outlet", country=country, sector=sector or "JRN")
    return Claimant(name=name, kind=_kind(ctx, token), country=country, sector=sector)


def _kind(ctx: Context, token: Token) -> ClaimantKind:
    speech = ctx.kb.speech
    label = token.ent_type_
    if token.pos_ != "PROPN" and token.lower_ in speech.unnamed.nouns:
        return "unnamed_source"
    if label == "PERSON":
        return "person"
    if label == "GPE" or ctx.kb.countries.lookup(phrase(token).text):
        return "government"
    words = {t.lower_ for t in phrase(token)}
    if words & set(speech.government_nouns.words):
        return "government"
    return "org"
