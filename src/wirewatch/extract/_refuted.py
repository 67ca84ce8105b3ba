"""A claimed fact the sentence calls false: "Reports that the frigate Admiral Essen had sailed
to Odesa are false", "Claims that Patriot systems had been withdrawn to Germany were not
correct", "There is no evidence that the Il-76 landed in Minsk". The clause under a claim
noun (`speech.yaml` `claim_nouns`) whose predicate is a word of falsehood, or a negated word
of truth, or under a noun of support with "no" (`refutations`), tells no trip.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.context import Context, children

# How a claim noun holds its content clause, and how a clause hangs inside another.
_CONTENT = frozenset({"acl", "ccomp", "relcl"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "ccomp", "acl"})


def refuted(ctx: Context, verb: Token) -> bool:
    """Whether `verb`'s clause is the content of a claim the sentence calls false."""
    speech = ctx.kb.speech
    nouns = {w.casefold() for w in speech.claim_nouns.words}
    node = verb
    for _ in range(4):  # a clause is seldom more than a few levels under its claim noun
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in _CONTENT and head.pos_ == "NOUN" and head.lower_ in nouns:
            return _called_false(ctx, head)
        if node.dep_ in _CONTENT and head.pos_ == "NOUN" and _no_support(ctx, head):
            return True  # "There is no evidence that the Il-76 landed in Minsk"
        if node.dep_ not in _CLIMB:
            return False
        node = head
    return False


def _called_false(ctx: Context, noun: Token) -> bool:
    """The claim noun is the subject of "are false" or "were not correct" (or, parsed
    loosely, has the word as a modifier: "false claims that", "... were, X said, not
    correct" with "correct" hung on the noun)."""
    said = [c for c in children(noun) if c.dep_ == "amod"]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        said += [c for c in children(noun.head) if c.dep_ in {"acomp", "attr", "oprd"}]
    words = ctx.kb.speech.refutations
    return any(
        c.lower_ in words.falsehood or (_negated(c) and c.lower_ in words.truth) for c in said
    )


def _no_support(ctx: Context, noun: Token) -> bool:
    """ "no evidence", "no sign": a noun of support with "no" before it."""
    return noun.lemma_.casefold() in ctx.kb.speech.refutations.support and any(
        c.dep_ == "det" and c.lower_ == "no" for c in children(noun)
    )


def _negated(word: Token) -> bool:
    """ "not correct": a negation on the word or on the verb it completes."""
    holders = [word] if word.dep_ == "amod" else [word, word.head]
    return any(c.dep_ == "neg" for h in holders for c in children(h))
