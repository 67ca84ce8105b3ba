"""A route read in word order, for a motion clause whose parse holds none.

The small parser misreads clauses of the kind tracking posts are written in ("An Il-76
departed Orenburg for Hmeimim": "departed" taken for an adjective of "Orenburg"), and then
the route phrases hang off the wrong word. This reader does not use the tree: from the motion
verb to the end of its clause it takes each place the way English marks it, by the
preposition before it as the verb's motion class reads it (`motion.classes[kind].preps`),
or, right after the verb, as the class's object ("departed Orenburg": the origin); a place
listed after another ("over the Caspian and Iran") takes the same role. It only fills route
points the parse left empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Token

from wirewatch.extract.context import Context
from wirewatch.kb.tables.events import Motion, RoutePoint
from wirewatch.model import Place

# Tags of a finite verb: a new clause starts there (unless it is a route word: "bound").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BREAKS = frozenset({";", ":", "(", "—", "–"})
_LIST = frozenset({"and", ",", "then", "or"})
# Words that may stand between a preposition and its place ("to the Syrian port of Tartus").
_SKIP = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "ADP", "PUNCT"})
_REACH = 4  # words a preposition's place may lie after it
# Prepositions that, soon after a place, say where that place is rather than a new point.
_LOCATING = frozenset({"in", "near", "outside", "inside"})


def linear_points(
    ctx: Context,
    motion: Motion,
    verb: Token,
    roles: Mapping[str, RoutePoint],
    target: RoutePoint | None = None,
    end: int | None = None,
) -> Iterator[tuple[RoutePoint, Place]]:
    """(role, place) for each place of the clause after `verb` (up to token `end` at
    most), read left to right: a place takes the role `roles` gives the preposition (or cue
    word) before it; right after `verb`, the role of its object (`target`)."""
    role: RoutePoint | None = target
    since, after_place = 0, False
    last_place: int | None = None
    features = ctx.kb.geo_cues.feature_words
    seen: set[str] = set()
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.sent.end, end or verb.sent.end)]:
        if _clause_break(token, motion):
            return
        lower = token.lower_
        place = ctx.place_at(token.idx, token.idx + len(token))
        if place is not None:
            owner = token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"
            if place.id not in seen and role is not None and role != "date" and not owner:
                seen.add(place.id)
                yield role, place
            since, after_place, last_place = 0, True, token.i
            continue
        if lower == "of" and token.i > 0 and doc[token.i - 1].lower_ != "out":
            continue  # "the waters of the Sea of Okhotsk": "of" names, only "out of" starts
        if lower in _LOCATING and _apposed(doc, last_place, token.i, features):
            role = None  # "from Khmeimim, the Russian air base in Syria": it locates Khmeimim
            continue
        if lower in roles:
            role, since, after_place = roles[lower], 0, False
            continue
        if token.pos_ == "ADP":
            # ("ETA at Pyongyang": a preposition right after a cue word keeps its role)
            cue = token.i > 0 and doc[token.i - 1].lower_ in roles and since == 0
            role = role if cue and doc[token.i - 1].pos_ != "ADP" else None
            since, after_place = 0, False
            continue
        since += 1
        if lower in _LIST and after_place:
            since = 0  # "over the Caspian and Iran": the list keeps its preposition
        elif token.pos_ not in _SKIP or since > _REACH or lower in _LIST:
            role = None
        after_place = False


def _apposed(doc: Doc, place_at: int | None, at: int, features: frozenset[str]) -> bool:
    """The words from the last place to `at` are an apposition that says what the place is:
    a comma right after it, then a noun phrase ending in a word of a kind of place
    ("Khmeimim, the Russian air base in")."""
    if place_at is None or at - place_at > _REACH + 3 or doc[place_at + 1].text != ",":
        return False
    between = doc[place_at + 2 : at]
    nouns = all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} for t in between)
    return nouns and len(between) > 0 and between[-1].lower_ in features


def _clause_break(token: Token, motion: Motion) -> bool:
    if token.text in _BREAKS or token.lower_ in {"which", "who", "while", "whereas", "but"}:
        return True
    if token.lower_ in motion.source_words:
        return True  # "according to U.S. Sixth Fleet": a source, not a route
    return token.tag_ in FINITE_TAGS and token.lower_ not in motion.route_words
