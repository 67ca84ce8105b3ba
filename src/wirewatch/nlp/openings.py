"""Sentence boundaries the parser is told before it runs, and respects.

- After a line opening that is not part of a sentence: a dateline ("NOVI SAD, Serbia —") or a
  live blog's timestamp ("09:40 GMT —"), from `kb/data/captions.yaml` (`openings`). "BRASÍLIA,
  Oct 4 (Meridian Wire) - A Brazilian KC-390 ... landed" is then parsed as the dateline and a
  sentence whose subject is the aircraft, not the city.
  The openings that may be the dateline are kept as `doc._.datelines`.
- At the line under a heading line ("HMNZS TE KAHA" over "Sailed from Devonport on
  Monday") or a headline ("Spanish Hornets fly to Lithuania", kept as `doc._.headlines`):
  neither is the subject of the sentence below it.
- Never between a navy's ship prefix and the name after it ("HMAS | Adelaide arrived").
- Never where nothing ends a sentence: after a word with no full stop, question or
  exclamation mark, colon, semicolon or closing quote, on the same line. The small parser
  otherwise cuts a long list of subjects before its last name ("the Renhai-class destroyer
  Lhasa and the Jiangkai II-class frigate | Yuncheng were confirmed sailing"), and every
  step after it reads two fragments.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables.captions import Table as Layout
from wirewatch.nlp.text import text_of

# (start, end) of each line opening that may be the report's dateline, first first.
if not Doc.has_extension("datelines"):
    Doc.set_extension("datelines", default=None)
# (start, end) of each headline line over the report ("Spanish Hornets fly to Lithuania").
if not Doc.has_extension("headlines"):
    Doc.set_extension("headlines", default=None)


class OpeningSplitter:
    def __init__(self) -> None:
        self.layout: Layout | None = None
        self.prefixed: re.Pattern[str] | None = None

    def setup(self, kb: KnowledgeBase) -> None:
        self.layout = kb.captions
        prefixes = sorted((p.prefix for p in kb.equipment.ship_prefixes), key=len, reverse=True)
        if prefixes:
            alternatives = "|".join(re.escape(p) for p in prefixes)
            self.prefixed = re.compile(rf"\b(?:{alternatives})\s+(?=[A-Z])")

    def __call__(self, doc: Doc) -> Doc:
        if self.layout is None or not len(doc):
            return doc
        text = text_of(doc)
        openings = self.layout.line_openings(text)
        doc._.datelines = [(o.start, o.end) for o in openings if o.dateline]
        doc._.headlines = self.layout.headlines(text)
        for start in [*(o.end for o in openings), *self.layout.after_headings(text)]:
            token = _token_at(doc, start)
            if token is not None and token > 0:
                doc[token].is_sent_start = True
        for match in self.prefixed.finditer(text) if self.prefixed is not None else ():
            token = _token_at(doc, match.end())
            if token is not None and token > 0 and doc[token].is_sent_start is not True:
                doc[token].is_sent_start = False
        _no_cut_without_an_end(doc, text)
        return doc


# A word on the same line after one that ends no sentence (no full stop, question or
# exclamation mark, colon, semicolon or closing quote): where the parser may not start one.
# Only words that could open a sentence are looked at (capitals, digits, quotes, brackets);
# the parser does not start one at a lower-case word.
_NO_END = re.compile(r"[^\s.!?…:;\"”’)\]][ \t]+(?=[A-Z0-9À-Þ\"“‘(\[])")


def _no_cut_without_an_end(doc: Doc, text: str) -> None:
    for match in _NO_END.finditer(text):
        token = _token_at(doc, match.end())
        if token is not None and token > 0 and doc[token].is_sent_start is None:
            doc[token].is_sent_start = False


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


@Language.factory("wirewatch_openings")
def make_opening_splitter(nlp: Language, name: str) -> OpeningSplitter:
    return OpeningSplitter()
