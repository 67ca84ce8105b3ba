"""Caption marking: photo credits and their captions, found from `kb/data/captions.yaml`.

Sets `doc._.captions` (char spans of whole caption lines) and `doc._.credits` (the credit
part), and drops named entities inside credits: "Dmitriy Vinogradov/Sputnik" is a byline,
not an ORG that said something.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables.captions import Caption
from wirewatch.kb.tables.captions import Table as Captions
from wirewatch.nlp.text import text_of

CharSpan = tuple[int, int]

for _name in ("captions", "credits"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class CaptionMarker:
    def __init__(self) -> None:
        self.table: Captions | None = None

    def setup(self, kb: KnowledgeBase) -> None:
        self.table = kb.captions

    def __call__(self, doc: Doc) -> Doc:
        found: list[Caption] = self.table.find(text_of(doc)) if self.table is not None else []
        doc._.captions = [(c.start, c.end) for c in found]
        doc._.credits = [(c.credit_start, c.credit_end) for c in found]
        if doc._.credits:
            doc.ents = [e for e in doc.ents if not _inside(e.start_char, e.end_char, doc._.credits)]
        return doc


def _inside(start: int, end: int, spans: list[CharSpan]) -> bool:
    return any(s < end and start < e for s, e in spans)


def captions_of(doc: Doc) -> list[CharSpan]:
    """Caption spans of a parsed doc ([] when the component is not in the pipeline)."""
    return list(doc._.captions or [])


@Language.factory("wirewatch_captions")
def make_caption_marker(nlp: Language, name: str) -> CaptionMarker:
    return CaptionMarker()
