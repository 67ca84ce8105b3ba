"""A doc's text, joined once for every component that reads it (`Doc.text` joins every token
again on each access; nothing after the tokenizer changes the text)."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "wirewatch.text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_KEY] = doc.text
    return text
