"""Equipment in the spaCy pipeline: designators kept whole, and tagged EQUIPMENT before `ner`.

The base model splits "Il-62M" into "Il-62" + "M" (the "M" looks like a unit suffix) and tags
"An-124" as PERSON; both rules below fix that from the equipment catalogue in kb/data.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables.equipment import Match, Table, fold

LABEL = "EQUIPMENT"


def keep_designators(nlp: Language, kb: KnowledgeBase) -> None:
    """Tokenizer rule: a token shaped like a designator is never split by affix rules."""
    table = kb.equipment
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # spaCy types the slot as any callable
        raise TypeError(f"designator rules need spaCy's Tokenizer, not {type(tokenizer)}")
    ours = table.designator_token
    previous = tokenizer.token_match
    if previous is not None:
        # Keep the model's own rule: one alternation, so the tokenizer still serialises.
        ours = f"(?:{ours})|(?:{previous.__self__.pattern})"
    tokenizer.token_match = re.compile(ours).match
    suffix = tokenizer.suffix_search
    if table.designator_suffixes and suffix is not None:
        extra = "|".join(table.designator_suffixes)
        tokenizer.suffix_search = re.compile(f"{suffix.__self__.pattern}|{extra}").search


class EquipmentRuler:
    """Marks catalogue designators, aliases and (next to them) reporting names as EQUIPMENT."""

    def __init__(self) -> None:
        self.table: Table | None = None

    def setup(self, kb: KnowledgeBase) -> None:
        self.table = kb.equipment

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None or not len(doc):
            return doc
        spans = find_equipment(doc, self.table)
        if spans:
            taken = {i for span in spans for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken & set(range(e.start, e.end))]
            doc.ents = sorted([*kept, *spans], key=lambda span: span.start)
        return doc


@Language.factory("wirewatch_equipment")
def make_equipment_ruler(nlp: Language, name: str) -> EquipmentRuler:
    return EquipmentRuler()


def find_equipment(doc: Doc, table: Table) -> list[Span]:
    spans: list[Span] = []
    items: set[str] = set()
    i = 0
    while i < len(doc):
        hit = _designator_at(doc, i, table)
        if hit is None:
            i += 1
            continue
        span, match = hit
        if span.end < len(doc) and _is_name_of(doc[span.end].text, match, table):
            span = doc[span.start : span.end + 1]  # "An-124 Condor": the name rides along
        spans.append(Span(doc, span.start, span.end, label=LABEL))
        items.add(match.item.designator)
        i = span.end
    # A bare reporting name ("the Condor") only once its designator is in the same text.
    if items:
        taken = {t for span in spans for t in range(span.start, span.end)}
        for token in doc:
            name = table.lookup_name(token.text) if token.text[:1].isupper() else None
            if name and name.item.designator in items and token.i not in taken:
                spans.append(Span(doc, token.i, token.i + 1, label=LABEL))
    return sorted(spans, key=lambda span: span.start)


def _designator_at(doc: Doc, start: int, table: Table) -> tuple[Span, Match] | None:
    first = doc[start].text
    # Designators are written with a capital or a digit; "an 124-page report" is not one.
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    if fold(first) not in table.first_tokens and fold(first.rstrip("s")) not in table.first_tokens:
        return None
    for end in range(min(len(doc), start + table.max_tokens), start, -1):
        span = doc[start:end]
        if span[-1].is_punct or span[-1].is_space:
            continue
        match = table.lookup(span.text)
        if match and not match.contextual:
            return span, match
    return None


def _is_name_of(text: str, match: Match, table: Table) -> bool:
    name = table.lookup_name(text)
    return name is not None and name.item.designator == match.item.designator
