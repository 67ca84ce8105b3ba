"""Is a phrase in future context? Read from the verb that governs it in the parse.

"is planned for Monday", "will meet on Tuesday" -> future; "met on Tuesday" -> past. The
cue words (modals, participles, "next") come from `kb/data/dates.yaml` (`future`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.extract.context import children
from wirewatch.kb.tables.dates import Future

_PRESENT = {"VBZ", "VBP"}


def is_future(doc: Doc, start: int, end: int, cues: Future) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if any(t.lower_ in cues.words for t in span):
        return True
    verb = _governing_verb(span.root)
    if verb is None:
        return False
    auxes = [c for c in children(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in cues.modals for a in auxes):
        return True
    if verb.lower_ in cues.participles and any(a.tag_ in _PRESENT for a in auxes):
        return True
    # "plans to meet on Monday": an infinitive under a present-tense verb of intent.
    head = verb.head
    return (
        verb.tag_ == "VB"
        and head.i != verb.i
        and head.tag_ in _PRESENT
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
    )


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
