"""Small repairs to the statistical NER's spans, run right after `ner`.

The small model sometimes starts an entity on a possessive or punctuation token
("’s Khmeimim" from "military’s Khmeimim"); the span is trimmed to its first real word.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token


class EntFixes:
    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        fixed = [f for ent in ents if (f := _trim(ent)) is not None]
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


def _junk(token: Token) -> bool:
    return token.tag_ == "POS" or token.is_punct


@Language.factory("wirewatch_ent_fixes")
def make_ent_fixes(nlp: Language, name: str) -> EntFixes:
    return EntFixes()
