"""Small dependency-parse helpers the events, movements and claims steps share.

They answer one question each about a token: which noun phrase it heads, which parties it
names, which place or date its clause states, and whether the clause is negated or only
hypothetical. Findings are tied to earlier steps (actors, places, dates) through the
Context's offset lookups, never re-derived here.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.actors import actor_for_span
from wirewatch.extract.context import Context, children, parse_tree, sentence
from wirewatch.model import Actor, Place, TimeExpr, When

# Entity labels that can name an actor (dates, numbers and equipment never do).
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "OUTLET", "UNIT"}
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "punct"}
MODIFIERS = {"compound", "amod", "nmod", "poss", "nummod", "flat", "case", "det", "quantmod"}
_TAILS = {"compound", "flat", "nummod"}  # right-hand children that belong to the phrase


def phrase(token: Token) -> SpacySpan:
    """The noun phrase `token` heads, without clauses or prepositional tails (memoised per
    parse: the steps ask for the same phrases many times)."""
    tree = parse_tree(token.doc)
    found = tree.phrases.get(token.i)
    if found is None:
        found = tree.phrases[token.i] = _phrase(token, tree.children[token.i])
    return found


def _phrase(token: Token, kids: tuple[Token, ...]) -> SpacySpan:
    left = right = token.i
    for child in kids:
        if child.i < token.i and child.dep_ in MODIFIERS:
            left = min(left, child.left_edge.i)
        elif child.i > token.i and child.dep_ in _TAILS:
            right = max(right, child.right_edge.i)
    return SpacySpan(token.doc, left, right + 1)  # `doc[a:b]` normalises the slice first


def parties(token: Token) -> list[Token]:
    """`token` and its coordinated partners ("Russia and Venezuela", "Russia [and V.]"),
    memoised per parse (a new list each time: callers extend it)."""
    tree = parse_tree(token.doc)
    found = tree.parties.get(token.i)
    if found is None:
        found = tree.parties[token.i] = tuple(_parties(token))
    return list(found)


def _parties(token: Token) -> list[Token]:
    out = [token]
    # A dateline ("MOGADISHU — Somalia and Ethiopia agreed") parses as the subject with the
    # real subject in apposition: the parties are the apposition's.
    dateline = is_dateline(token)
    for child in children(token):
        if child.dep_ == "conj" or (
            (token.is_punct or dateline) and child.dep_ in {"nmod", "conj", "appos"}
        ):
            out.extend(parties(child))
    if dateline:
        out = out[1:]
    return [t for t in out if not t.is_punct]


def is_dateline(token: Token) -> bool:
    """ "NOVI SAD, Serbia —": the capitalised place a wire story opens with, never an actor."""
    if len(token) < 2 or not token.text.isupper() or any(ch.isdigit() for ch in token.text):
        return False  # the cheap word test first: most tokens are not capitals (nor "RA-86496")
    sent = sentence(token)
    head = token.doc[sent.start : min(sent.end, sent.start + 6)]
    # The dateline's dash stands apart ("NOVI SAD —"), unlike a route's ("Chkalovsky–Hmeimim").
    dash = next(
        (t.i for t in head if t.text in {"—", "–", "-"} and t.i > 0 and t.doc[t.i - 1].whitespace_),
        None,
    )
    return (
        dash is not None
        and sent.start <= token.i < dash
        and token.text.isupper()
        and len(token) > 1
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited along conj/xcomp/advcl chains when it has none
    (memoised per parse)."""
    subjects = parse_tree(verb.doc).subjects
    if verb.i not in subjects:
        subjects[verb.i] = _subject_of(verb)
    return subjects[verb.i]


def _subject_of(verb: Token) -> Token | None:
    seen = 0
    while seen < 6:
        for child in children(verb):
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb, seen = verb.head, seen + 1
            continue
        if verb.dep_ in {"acl", "relcl"} and verb.head.i != verb.i:
            return verb.head  # "The An-124 left on ...", "troops that arrived"
        return None
    return None


def preps(token: Token) -> tuple[tuple[str, Token], ...]:
    """(preposition, object) pairs hanging off a token ("in Caracas" -> ("in", Caracas)),
    memoised per parse."""
    tree = parse_tree(token.doc)
    found = tree.preps.get(token.i)
    if found is None:
        found = tree.preps[token.i] = tuple(_preps(tree.children[token.i]))
    return found


def from_objects(noun: Token) -> Iterator[Token]:
    """The objects of "from X" and "out of X" ("B-1Bs out of Ellsworth AFB") on a noun."""
    for word, obj in preps(noun):
        if word == "from":
            yield obj
    for out in (c for c in children(noun) if c.dep_ == "prep" and c.lower_ == "out"):
        for word, obj in preps(out):
            if word == "of":
                yield obj


def _preps(kids: tuple[Token, ...]) -> Iterator[tuple[str, Token]]:
    for child in kids:
        dep = child.dep_
        if dep in {"prep", "dative", "agent"}:
            for obj in children(child):
                if obj.dep_ in {"pobj", "pcomp"}:
                    yield child.lower_, obj
        if dep in {"prt", "advmod"}:
            if dep == "advmod" and child.lower_ == "home":
                yield "home", child
            elif child.lower_ != "home":
                yield from preps(child)  # "flown in from Kayseri": the prep hangs off "in"
        if misread_to_name(child):
            yield "to", child
            yield from preps(child)  # the phrases the parser hung off the "verb" are the clause's


def misread_to_name(token: Token) -> bool:
    """ "flew from Al Dhafra to Amdjarass": an unfamiliar name after "to" that the parser
    took for an infinitive ("to" + verb). A verb is not written with a capital mid-sentence;
    a name the model tagged as an entity is one."""
    return (
        token.dep_ in {"advcl", "xcomp"}
        and token.is_title
        and bool(token.ent_type_)
        and not token.is_sent_start
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(token))
    )


def actor_at(ctx: Context, token: Token) -> Actor | None:
    """The actor a noun phrase names: the actors step's lookup, else a country term
    (memoised per document: events, claims and movements ask about the same tokens)."""
    memo = ctx.token_actors
    if token.i not in memo:
        memo[token.i] = _actor_at(ctx, token)
    return memo[token.i]


def _actor_at(ctx: Context, token: Token) -> Actor | None:
    span = phrase(token)
    if not any(t.ent_type_ in _ACTOR_LABELS for t in ctx.tokens[span.start : span.end]):
        # Every actor the actors step can name is an entity mention (a person, a body, a
        # country or a nationality); skip the lookup for plain noun phrases ("the plan").
        return country_actor(ctx, span)
    for start, end in ((span.start_char, span.end_char), (token.idx, token.idx + len(token))):
        actor = actor_for_chars(ctx, start, end)
        if actor is not None:
            return actor
    return country_actor(ctx, span)


def actor_for_chars(ctx: Context, start: int, end: int) -> Actor | None:
    """The actors step's lookup for [start, end), memoised per document: events, claims and
    movements ask about the same noun phrases many times."""
    memo = ctx.actor_memo
    if (start, end) not in memo:
        memo[(start, end)] = actor_for_span(ctx, start, end)
    return memo[(start, end)]


def country_actor(ctx: Context, span: SpacySpan) -> Actor | None:
    countries = ctx.kb.countries
    root = span.root.i  # found once: spaCy walks the span's heads for it
    for token in sorted(ctx.tokens[span.start : span.end], key=lambda t: t.i == root, reverse=True):
        # Country names and demonyms are capitalised ("a car" is not the CAF code).
        named = token.pos_ in {"PROPN", "ADJ", "NOUN"} and token.text[:1].isupper()
        hit = countries.lookup(token.text) if named else None
        if hit is not None:
            return Actor(name=hit.name, country=hit.iso3, sector=hit.sector)
    return None


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above a token: the clause it belongs to."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def area_parties(ctx: Context, token: Token) -> list[Token]:
    """ "over the waters of the Barents Sea and the Norwegian Sea": the names a feature
    word's phrase lists, each one a place of its own; else the token itself."""
    if token.pos_ == "NOUN" and token.lower_ in ctx.kb.geo_cues.feature_words:
        for child in (c for c in children(token) if c.dep_ == "prep" and c.lower_ in AREA_PREPS):
            named = [p for o in children(child) if o.dep_ == "pobj" for p in parties(o)]
            if len(named) > 1:
                return named
    return [token]


def place_of(ctx: Context, token: Token, *, with_clauses: bool = True) -> Place | None:
    """The place a prepositional object names: itself, its apposition, then its subtree;
    "the Syrian port of Tartus", "the Baltic port of Baltiysk": the place the feature word's
    "of" names."""
    if token.pos_ == "NOUN" and token.lower_ in ctx.kb.geo_cues.feature_words:
        # "the waters off Qaqortoq", "the area near Kherson": the place the phrase locates
        # (not when the feature word ends a name: "Nasosnaya air base near Baku"); "the
        # Baltic Sea port of Gdynia": the place "of" names, whatever named the port's region.
        named_before = bool(ctx.places_over(token.left_edge.idx, token.idx + len(token)))
        for child in children(token):
            if child.dep_ != "prep" or child.lower_ not in AREA_PREPS:
                continue
            if named_before and child.lower_ != "of":
                continue
            for obj in (o for o in children(child) if o.dep_ == "pobj"):
                named = _specific_place(ctx, phrase(obj).start_char, phrase(obj).end_char)
                if named is not None:
                    return named
    span = phrase(token)
    place = _specific_place(ctx, span.start_char, span.end_char)
    if place is not None:
        return place
    for child in children(token):
        if child.dep_ == "appos":
            place = ctx.place_at(phrase(child).start_char, phrase(child).end_char)
            if place is not None:
                return place
    # For a route point, the subtree without clauses hanging off it ("left Wunstorf,
    # refuelled in Larnaca": Larnaca is the clause's stop, not where it left from); an
    # event's place may be in one ("attacked students putting up posters in Novi Sad").
    clauses = (
        []
        if with_clauses
        else [
            c.left_edge.i
            for c in children(token)
            if c.i > token.i and c.dep_ in CLAUSES and c.dep_ != "punct"
        ]
    )
    start = token.left_edge.i
    sub = SpacySpan(token.doc, start, max(start, min([token.right_edge.i + 1, *clauses])))
    return ctx.place_at(sub.start_char, sub.end_char) or _definite_place(ctx, token)


# The prepositions after a feature word that name the place it is by ("the waters off X").
AREA_PREPS = frozenset({"of", "off", "near"})


def _specific_place(ctx: Context, start: int, end: int) -> Place | None:
    """The most specific place mentioned in [start, end): "Afghanistan's Paktika province"
    is Paktika, not Afghanistan."""
    hits = ctx.places_over(start, end)
    if not hits:
        return None
    # "Nasosnaya air base near Baku": the narrowest place of the phrase (the others locate
    # it); countries last, whatever their size; a place of unknown size after sized ones.
    return min(
        hits,
        key=lambda p: (
            p.feature == "country",
            p.precision_km if p.precision_km is not None else math.inf,
        ),
    )


def _definite_place(ctx: Context, token: Token) -> Place | None:
    """ "the shoal", "the strait": the latest place named before whose name ends in it."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in children(token)):
        return None
    word = token.lower_
    named = [
        (m.start, p)
        for p in ctx.places
        if p.name.casefold().split()[-1:] == [word]
        for m in p.mentions
        if m.end <= token.idx
    ]
    return max(named, key=lambda hit: hit[0])[1] if named else None


def when_of(expr: TimeExpr) -> When:
    return When(start=expr.start, end=expr.end, precision=expr.precision, text=expr.text)


def date_in(ctx: Context, start: int, end: int) -> TimeExpr | None:
    """The first date expression inside [start, end)."""
    hits = [d for d in ctx.dates if start <= d.span.start and d.span.end <= end]
    return min(hits, key=lambda d: d.span.start) if hits else None


def clause_date(ctx: Context, token: Token) -> TimeExpr | None:
    """A date stated in the token's own clause: a prepositional or adverbial date child."""
    for child in children(token):
        if child.dep_ in {"prep", "npadvmod", "advmod", "nmod", "tmod", "pobj"}:
            hit = date_in(ctx, child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if hit is not None:
                return hit
    return None


def sentence_date(ctx: Context, sent: SpacySpan) -> TimeExpr | None:
    """The one date of a sentence; None when it states several (ambiguous) or none."""
    hits = [d for d in ctx.dates if sent.start_char <= d.span.start < sent.end_char]
    return hits[0] if len(hits) == 1 else None


def previous_date(ctx: Context, offset: int) -> TimeExpr | None:
    """The latest date before `offset` in the same paragraph: the running time context.
    A paragraph break resets it (a new paragraph often turns to background)."""
    text = ctx.document.text
    hits = [d for d in ctx.dates if d.span.end <= offset and "\n" not in text[d.span.end : offset]]
    return max(hits, key=lambda d: d.span.start) if hits else None
