"""Assets that ride along: a system, vehicle, unit or aircraft with no trip of its own, put on
a craft by a cargo word of its clause ("Four NH90 helicopters are embarked", "Its load
included a Tor-M2 system", "Aboard were elements of the 61st Brigade"), makes the trip of the
craft named nearest it: the leg of that craft told nearest the cargo's sentence.
"""

from __future__ import annotations

import copy

from spacy.tokens import Token

from wirewatch.extract._modality import negated, speculative
from wirewatch.extract._state import State
from wirewatch.extract._syntax import clause_verb
from wirewatch.extract._tracks import Leg, Track
from wirewatch.extract.context import Context, children
from wirewatch.kb.tables.events import Table as EventLexicon

# Sentences before and after the cargo's own in which its craft may be named.
_BEFORE, _AFTER = 2, 1
_CRAFT = frozenset({"aircraft", "ship"})


def carry_along(ctx: Context, state: State) -> None:
    """Give each asset without a leg the leg of the craft a cargo word puts it on."""
    lex = ctx.kb.events
    heads = _mention_heads(ctx.tokens, state.by_token)
    sentence_of = {h.i: ctx.sentence_index(h.idx) for h, _tracks in heads}
    for head, tracks in heads:
        riders = [t for t in tracks if not _has_trip(t) and not _munition(lex, head)]
        if not riders:
            continue
        # A ship is never cargo; it can sail in company.
        ships = [t for t in riders if t.asset.kind == "ship"]
        riders = ships if ships == riders else [t for t in riders if t not in ships]
        cues = lex.motion.company_cues if ships == riders else lex.motion.cargo_cues
        if not _on_board(lex, head, state.by_token, cues):
            continue
        at = sentence_of[head.i]
        craft = _nearest_craft(heads, sentence_of, head, at, riders)
        if craft is None:
            continue
        # "A second A400M is being loaded": no craft is its own cargo.
        riders = [t for t in riders if _family(t) != _family(craft)]
        leg = min(craft.legs, key=lambda g: _distance(g, at))
        for rider in riders:
            taken = copy.deepcopy(leg)
            taken.evidence.append(ctx.evidence(head.idx, head.idx + len(head)))
            rider.legs.append(taken)


def _mention_heads(
    tokens: list[Token], mentions: dict[int, list[Track]]
) -> list[tuple[Token, list[Track]]]:
    """One head per mention (a run of tokens naming the same tracks): the run's token whose
    syntactic head lies outside it."""
    runs: list[list[int]] = []
    for i in sorted(mentions):
        if runs and i == runs[-1][-1] + 1 and mentions[i] is mentions[runs[-1][-1]]:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for run in runs:
        inside = set(run)
        heads = [tokens[i] for i in run if tokens[i].head.i not in inside or tokens[i].head.i == i]
        out.append((heads[0] if heads else tokens[run[-1]], mentions[run[0]]))
    return out


def _family(track: Track) -> str:
    return track.key.split("|", 1)[0]


def _has_trip(track: Track) -> bool:
    return any(leg.destination is not None for leg in track.legs)


def _munition(lex: EventLexicon, head: Token) -> bool:
    return head.lemma_.casefold() in lex.motion.munition_nouns


def _on_board(
    lex: EventLexicon, head: Token, mentions: dict[int, list[Track]], cues: frozenset[str]
) -> bool:
    """A cargo word in the asset's clause: its verb, that verb's words, or the noun the asset
    hangs off ("a load of IRIS-T launchers", "the cargo consisted of PzH 2000 howitzers").
    Not an asset that hangs off another asset ("HIMARS launchers of the 41st Brigade": the
    brigade is whose they are) or off a phrase of purpose ("parts for the M1A2T tanks"), nor
    one that does the carrying ("A C-130J carried ground crew", "the ship is loading")."""
    verb = clause_verb(head)
    if verb is None or negated(verb, lex) or speculative(verb, lex):
        return False
    path = _up_to(head, verb)
    if any(t.i in mentions and mentions[t.i] != mentions[head.i] for t in path):
        return False
    if any(t.dep_ in {"prep", "agent"} and t.lower_ != "of" for t in path):
        return False
    if _cued(verb, cues) and _carries(head):
        return False
    return any(_cued(t, cues) for t in (verb, *children(verb), *path))


def _cued(token: Token, cues: frozenset[str]) -> bool:
    return token.lemma_.casefold() in cues or token.lower_ in cues


def _carries(head: Token) -> bool:
    """The asset is the active subject of its clause: it carries, it is not carried."""
    node = head
    while node.dep_ in {"compound", "appos", "amod", "nummod"} and node.head.i != node.i:
        node = node.head
    return node.dep_ == "nsubj"


def _up_to(token: Token, verb: Token) -> list[Token]:
    """The words between a token and its clause's verb, up the parse."""
    out = []
    node = token
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
        out.append(node)
    return out


def _nearest_craft(
    heads: list[tuple[Token, list[Track]]],
    sentence_of: dict[int, int],
    head: Token,
    at: int,
    riders: list[Track],
) -> Track | None:
    """The craft with a trip named nearest the cargo, before it first, within the window."""
    best: tuple[int, Track] | None = None
    for other, tracks in heads:
        if not at - _BEFORE <= sentence_of[other.i] <= at + _AFTER:
            continue
        for track in tracks:
            if track in riders or track.asset.kind not in _CRAFT or not _has_trip(track):
                continue
            gap = head.i - other.i if other.i < head.i else 10_000 + other.i - head.i
            if best is None or gap < best[0]:
                best = (gap, track)
    return best[1] if best else None


def _distance(leg: Leg, at: int) -> int:
    return min((abs(e.sentence - at) for e in leg.evidence), default=10_000)
