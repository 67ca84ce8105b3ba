"""Where a trigger's actor and recipient stand in the parse (roles named in events.yaml)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from wirewatch.extract._syntax import (
    actor_at,
    parties,
    phrase,
    place_of,
    preps,
    subject_of,
    table,
)
from wirewatch.extract.context import Context
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.kb.tables.events import Trigger
from wirewatch.model import Actor, Place

_ANAPHORS = {"country", "nation", "state"}


def actors_of(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token) -> list[Actor]:
    if trigger.pos == "VERB":
        return _resolve(ctx, _verb_actor_tokens(tok), lex)
    for holders in _noun_actor_tokens(lex, tok):
        found = _resolve(ctx, holders, lex)
        if found:
            return found
    return []


def recipients_of(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token,
                  actors: list[Actor]) -> list[Actor]:
    holders: list[Token] = []
    anchors = [tok] + ([v] if trigger.pos == "NOUN" and (v := light_verb(lex, tok)) else [])
    for role in trigger.recipient:
        for anchor in anchors:
            holders.extend(_role(anchor, role))
    skip = {a.country for a in actors if a.country}
    anaphors = [h for h in holders if _is_anaphor(h)]
    found = _resolve(ctx, [h for h in holders if h not in anaphors], lex, places=True)
    found += [a for h in anaphors if (a := anaphoric_country(ctx, h, skip)) is not None]
    return [a for i, a in enumerate(found) if all(_key(a) != _key(b) for b in found[:i])]


def light_verb(lex: EventLexicon, noun: Token) -> Token | None:
    """The verb that carries a noun trigger ("held talks", "took part in consultations")."""
    node, steps = noun, 0
    while node.dep_ in {"dobj", "pobj", "prep", "attr", "conj", "compound", "nsubjpass"} \
            and steps < 5:
        node, steps = node.head, steps + 1
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "prep":  # "including" is a prep
            # "holding up aid" is not giving it: a phrasal verb is no light verb.
            phrasal = any(c.dep_ == "prt" for c in node.children)
            light = node.lemma_.casefold() in lex.light_verbs.words and not phrasal
            return node if light else None
    return None


def _verb_actor_tokens(tok: Token) -> list[Token]:
    for child in tok.children:
        if child.dep_ == "agent":  # passive: "was attacked by X"
            return [c for c in child.children if c.dep_ == "pobj"]
    subject = subject_of(tok)
    if subject is None or any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    return parties(subject)


def _noun_actor_tokens(lex: EventLexicon, tok: Token) -> list[list[Token]]:
    """Candidate actor holders of a noun trigger, best first: "Russia's deployment",
    "deployment by Russia", "Russian deployment", "Russia held talks"."""
    groups: list[list[Token]] = []
    for child in tok.children:
        if child.dep_ == "poss":
            groups.append(parties(child))
        if child.dep_ == "prep" and child.lower_ == "by":
            groups.append([c for c in child.children if c.dep_ == "pobj"])
    groups.append([c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}])
    verb = light_verb(lex, tok)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None:
        groups.append(parties(subject))
    return groups


def _role(anchor: Token, role: str) -> list[Token]:
    if role.startswith("prep:"):
        # "recalled its ambassador from Paris": the phrase may hang off the object.
        word = role.split(":", 1)[1]
        holders = [anchor] + [c for c in anchor.children if c.dep_ == "dobj"]
        return [p for h in holders for t in (obj for w, obj in preps(h) if w == word)
                for p in parties(t)]
    if role == "poss_of_object":
        return [c for o in anchor.children if o.dep_ == "dobj"
                for c in o.children if c.dep_ == "poss"]
    if role == "dative":
        out = []
        for child in anchor.children:
            if child.dep_ == "dative":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                out.extend(p for t in (objs or [child]) for p in parties(t))
        return out
    deps = {"dobj", "oprd"} if role == "dobj" else {role}  # "left Niger" parses as oprd
    return [p for c in anchor.children if c.dep_ in deps for p in parties(c)]


def _resolve(ctx: Context, holders: list[Token], lex: EventLexicon,
             places: bool = False) -> list[Actor]:
    """Actors the holders name; a bare sector ("military") with no country or entity
    names no one in particular and is dropped. With `places`, a named place stands for
    its country (recipients: "visited Niamey", "shelled a hospital in El Fasher")."""
    out: list[Actor] = []
    for token in holders:
        actor = actor_at(ctx, token) or (place_actor(ctx, token) if places else None)
        if actor is not None and actor.country is None and (
                _titled(lex, token) or _titled_elsewhere(ctx, lex, actor)):
            actor = actor.model_copy(update={"country": dateline_country(ctx)})
        if actor is None or not (actor.country or actor.entity):
            continue
        if all(_key(actor) != _key(a) for a in out):
            out.append(actor)
    return out


def place_actor(ctx: Context, token: Token) -> Actor | None:
    place = place_of(ctx, token)
    code = place.country if place is not None else None
    return Actor(name=place.name, country=code) if place is not None and code else None


def _titled(lex: EventLexicon, token: Token) -> bool:
    return any(t.lower_ in lex.leader_titles.words for t in phrase(token))


def _titled_elsewhere(ctx: Context, lex: EventLexicon, actor: Actor) -> bool:
    """Another mention of the same person carries the title ("President Claudia
    Sheinbaum ... Sheinbaum rejected")."""
    entity = next((e for e in ctx.entities if e.id == actor.entity), None)
    if entity is None or entity.kind != "PERSON":
        return False
    text = ctx.document.text
    return any(set(text[max(0, m.start - 30):m.start].casefold().split())
               & set(lex.leader_titles.words) for m in entity.mentions)


def dateline_country(ctx: Context) -> str | None:
    """The country of the story's dateline ("BOGOTA —", "RIGA, Latvia —"), if any."""
    text = ctx.document.text
    dash = min((i for i in (text.find("—"), text.find(" - ")) if 0 < i < 60), default=-1)
    if dash < 0:
        return None
    countries = table(ctx, "countries")
    for place in ctx.places:
        if any(m.end <= dash for m in place.mentions):
            code = place.country or country_code(countries, place)
            if code:
                return code
    return None


def _key(actor: Actor) -> str:
    return f"{actor.country}|{actor.sector}" if actor.country else actor.name.casefold()


def _is_anaphor(token: Token) -> bool:
    return token.lemma_.casefold() in _ANAPHORS and any(
        c.lower_ == "the" for c in token.children)


def anaphoric_country(ctx: Context, token: Token, skip: set[str]) -> Actor | None:
    """"the country" points back to the latest country named before it (other than the
    actor's own: "Russia sent troops to the country")."""
    countries = table(ctx, "countries")
    named = []
    for place in ctx.places:
        iso3 = country_code(countries, place)
        if iso3 and iso3 not in skip:
            named += [(m.start, place.name, iso3) for m in place.mentions if m.end <= token.idx]
    if not named:
        return None
    _, name, iso3 = max(named)
    return Actor(name=name, country=iso3)


def country_code(countries: Any, place: Place) -> str | None:
    """The country a place *is* (not one it lies in)."""
    if place.feature == "country":
        return place.country
    hit = countries.lookup(place.name) if countries is not None else None
    return hit.iso3 if hit is not None and hit.via in {"name", "alias"} else None
