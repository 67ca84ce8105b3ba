"""Small repairs to the statistical NER's spans, run right after `ner`.

The small model sometimes starts an entity on a possessive or punctuation token
("’s Khmeimim" from "military’s Khmeimim"); the span is trimmed to its first real word. It
also runs a route into one place ("flown from Ramstein to Rzeszów" tagged FAC "Ramstein to
Rzeszów"); a place span is cut at a route preposition between two capitalised words
(`motion.chain_preps` of the events table, "Bosnia and Herzegovina" keeps its "and"). And it
takes a name into a date ("left Ellsworth yesterday" tagged DATE "Ellsworth yesterday"): a
date loses a leading proper noun that is no month or weekday when a lower-case word or a
number follows it.
"""

from __future__ import annotations

import calendar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.kb import KnowledgeBase

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class EntFixes:
    def __init__(self) -> None:
        self.route_words: frozenset[str] = frozenset()

    def setup(self, kb: KnowledgeBase) -> None:
        self.route_words = kb.events.motion.chain_preps

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        fixed = [
            part
            for ent in ents
            if (f := _trim(ent)) is not None and (f := _date_only(f)) is not None
            for part in _cut_routes(f, self.route_words)
        ]
        # Setting `doc.ents` rewrites every token's entity annotation: only when a span moved.
        if len(fixed) != len(ents) or any(f is not e for f, e in zip(fixed, ents, strict=True)):
            doc.ents = fixed
        return doc


def _trim(ent: Span) -> Span | None:
    start = ent.start
    while start < ent.end and _junk(ent.doc[start]):
        start += 1
    if start == ent.end:
        return None
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)


def _cut_routes(ent: Span, words: frozenset[str]) -> list[Span]:
    """ "Ramstein to Rzeszów" -> "Ramstein", "Rzeszów"; "Safaga through the Red Sea" ->
    "Safaga", "Red Sea"; other spans as they are."""
    if ent.label_ not in PLACE_LABELS or len(ent) < 3:
        return [ent]
    doc = ent.doc
    parts: list[Span] = []
    start = ent.start
    for t in ent[1:-1]:
        if t.i <= start or not (t.lower_ in words and t.is_lower and doc[t.i - 1].is_title):
            continue
        after = t.i + 1 + (doc[t.i + 1].lower_ == "the")
        if after < ent.end and doc[after].is_title:
            parts.append(Span(doc, start, t.i, label=ent.label))
            start = after
    if not parts:
        return [ent]
    return [*parts, Span(doc, start, ent.end, label=ent.label)]


# English calendar names (the standard library's C-locale tables), full and abbreviated.
# Month and weekday names and abbreviations (folded): words of a date.
CALENDAR_WORDS = frozenset(
    n.casefold()
    for names in (calendar.month_name, calendar.month_abbr, calendar.day_name, calendar.day_abbr)
    for n in names
    if n
)


def _date_only(ent: Span) -> Span | None:
    """ "Ellsworth yesterday" (DATE) -> "yesterday"; other spans as they are."""
    if ent.label_ != "DATE":
        return ent
    start = ent.start
    doc = ent.doc
    while (
        start + 1 < ent.end
        and doc[start].pos_ == "PROPN"
        and doc[start].is_title
        and doc[start].lower_.rstrip(".") not in CALENDAR_WORDS
        and (doc[start + 1].is_lower or doc[start + 1].like_num)
    ):
        start += 1
    if start == ent.start:
        return ent
    return Span(doc, start, ent.end, label=ent.label)


def _junk(token: Token) -> bool:
    return token.tag_ == "POS" or token.is_punct


@Language.factory("wirewatch_ent_fixes")
def make_ent_fixes(nlp: Language, name: str) -> EntFixes:
    return EntFixes()
