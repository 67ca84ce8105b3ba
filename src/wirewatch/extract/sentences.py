"""Sentence boundaries, which every `Evidence.sentence` indexes into."""

from __future__ import annotations

from wirewatch.extract.context import Context
from wirewatch.extract.registry import step
from wirewatch.model import Span


@step("sentences")
def find_sentences(ctx: Context) -> None:
    # The parse's text is the document's (`doc.text` and `sent.text` join tokens anew).
    text = ctx.document.text
    ctx.sentences = [
        Span(start=sent.start_char, end=sent.end_char)
        for sent in ctx.sents
        if text[sent.start_char : sent.end_char].strip()
    ]
