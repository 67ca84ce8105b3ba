"""Being somewhere after setting out: the end of a trip told as begun.

"The Sparta IV left Baltiysk in late November. It has been waiting off Tartus since Sunday",
"The Il-76 left Chkalovsky on Monday. It is now parked at Hmeimim": a verb of staying
somewhere (`events.yaml` motion `stay_end_lemmas`, with a preposition of `stay_preps`)
places an asset whose trip the text began and did not end, and that place is the trip's
end. Of an asset with no trip under way it is a state, not a trip ("the corvette remained
at Sevastopol"): `Track` applies it only to an open leg.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._syntax import place_of, preps
from wirewatch.extract.context import Context, children
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.model import Place


def stayed_at(ctx: Context, lex: EventLexicon, verb: Token) -> Place | None:
    """The place a verb of staying puts its subject at, or None."""
    motion = lex.motion
    if verb.lemma_.casefold() not in motion.stay_end_lemmas:
        return None
    for word, obj in preps(verb):
        if word in motion.stay_preps:
            place = place_of(ctx, obj, with_clauses=False)
            if place is not None:
                return place
    # "has been waiting off Tobruk" can come out with "off" a particle and the place a
    # modifier of the verb: the word right after the particle.
    doc = verb.doc
    for particle in children(verb):
        if (
            particle.dep_ == "prt"
            and particle.lower_ in motion.stay_preps
            and particle.i + 1 < len(doc)
        ):
            after = doc[particle.i + 1]
            if after.head.i == verb.i and after.pos_ == "PROPN":
                return place_of(ctx, after, with_clauses=False)
    return None
