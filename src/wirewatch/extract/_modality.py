"""Is a clause negated, or only hypothetical? Cue words come from kb/data/events.yaml."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.context import children, parse_tree
from wirewatch.kb.tables.events import Negation
from wirewatch.kb.tables.events import Table as EventLexicon

# Deps through which a clause inherits its governor's modality ("could deploy and strike").
_INHERIT = {"conj", "xcomp"}


def negated(token: Token, lex: EventLexicon) -> bool:
    """Memoised per parse: events, claims and movements ask about the same verbs."""
    memo, key = parse_tree(token.doc).modality, ("negated", id(lex), token.i)
    if key not in memo:
        memo[key] = _negated(token, lex)
    return memo[key]


def _negated(token: Token, lex: EventLexicon) -> bool:
    cues = lex.negation
    words = set(cues.words)
    for node in _chain(token):
        for child in children(node):
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in words):
                return True
            if child.dep_ == "advmod" and child.lower_ in cues.adverbs:
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and _no_one(child, words, cues):
                return True  # "No one was killed", "none of the ships docked", "sent no troops"
    return False


def _no_one(subject: Token, words: set[str], cues: Negation) -> bool:
    """A participant that is no one: "nobody", "none of them", "no troops"."""
    return (
        subject.lower_ in words
        or subject.lower_ in cues.pronouns
        or any(c.dep_ == "det" and c.lower_ in words for c in children(subject))
    )


def speculative(token: Token, lex: EventLexicon) -> bool:
    """Future, modal, conditional, intended or purposive: not a reported fact (memoised
    per parse)."""
    memo, key = parse_tree(token.doc).modality, ("speculative", id(lex), token.i)
    if key not in memo:
        memo[key] = _speculative(token, lex)
    return memo[key]


def _speculative(token: Token, lex: EventLexicon) -> bool:
    cues = lex.hypothetical
    for node in _chain(token):
        kids = children(node)
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in cues.modals for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in cues.markers for c in kids):
            return True
        if any(c.dep_ == "amod" and c.lower_ in cues.modifiers for c in kids) and not _realized(
            node, lex
        ):
            return True
        if _under_governor(node, lex):
            return True
        if _going_to(node):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in cues.habitual for c in kids):
            return True  # "regularly fly to Hmeimim": a habit
        if _prevented(node, cues.preventing):
            return True
        if _set_aside(node, cues.alternatives):
            return True
    return False


def _set_aside(node: Token, alternatives: frozenset[str]) -> bool:
    """ "Instead of flying to Minsk, ...", "headed for Benghazi instead of sailing to
    Tartus": the act "instead of" or "rather than" sets aside (the parser makes it a
    preposition's complement, or a conjunct after "of" as a conjunction)."""
    if node.dep_ == "pcomp":
        holders = [node.head]
    elif node.dep_ == "conj":
        holders = [c for c in children(node.head) if c.dep_ == "cc" and c.i < node.i]
    else:
        return False
    return any(
        a.dep_ == "advmod" and a.lower_ in alternatives for h in holders for a in children(h)
    )


def _prevented(node: Token, preventing: frozenset[str]) -> bool:
    """ "was prevented from sailing to Port Said": the "from" complement of a verb of
    preventing did not happen."""
    head = node.head
    return (
        node.dep_ == "pcomp"
        and head.lower_ == "from"
        and head.head.i != head.i
        and head.head.lemma_.casefold() in preventing
    )


def _realized(node: Token, lex: EventLexicon) -> bool:
    """ "carried out a planned flight": the object of a verb that states it happened was
    planned only in the sense of scheduled."""
    head = node.head
    return (
        node.dep_ in {"dobj", "nsubjpass"}
        and head.i != node.i
        and head.lemma_.casefold() in lex.hypothetical.realizing
    )


def _chain(token: Token) -> list[Token]:
    """The token and the governors whose modality it shares; a noun shares its verb's
    ("an intervention might be on the horizon")."""
    chain = [token]
    if _split_passive(token):
        # "was not, as some outlets claimed, diverted to X": the parser can hang a passive
        # participle cut off from its "was" by an aside on the "was" as a clause of its own.
        chain.append(token.head)
    node = token
    while node.pos_ in {"NOUN", "PROPN"} and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    while chain[-1].dep_ in _INHERIT and chain[-1].head.i != chain[-1].i and len(chain) < 6:
        if chain[-1].dep_ == "conj" and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in children(chain[-1])
        ):
            break  # "NATO has not decided, but Britain has sent ...": a clause of its own
        chain.append(chain[-1].head)
    return chain


def _split_passive(token: Token) -> bool:
    """A participle the parser made a clause of a bare "was" (no complement, no auxiliary of
    its own) that stands before it."""
    head = token.head
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and head.lemma_ == "be"
        and head.i < token.i
        and not any(c.dep_ in {"auxpass", "aux"} for c in children(token))
        and not any(c.dep_ in {"attr", "acomp"} for c in children(head))
    )


def _under_governor(node: Token, lex: EventLexicon) -> bool:
    head = node.head
    if head.i == node.i:
        return False
    lemma = head.lemma_.casefold()
    if node.dep_ in {"xcomp", "ccomp"} and lemma in lex.hypothetical.governors:
        return True
    # "to shield X": an infinitival purpose clause states an aim, unless the governor
    # implies it happened ("helped deliver", "managed to").
    kids = children(node)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
    # "are believed to have flown": a perfect infinitive reports a past act (hedged), it
    # states no aim.
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in kids)
    if infinitive and not perfect and node.dep_ in {"advcl", "xcomp", "acl", "relcl"}:
        return lemma not in lex.implicative.words
    return False


def _going_to(node: Token) -> bool:
    """ "is going to deploy": the future with going."""
    head = node.head
    return node.dep_ == "xcomp" and head.lower_ == "going"
