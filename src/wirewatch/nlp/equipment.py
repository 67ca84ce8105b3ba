"""Equipment in the spaCy pipeline: designators kept whole, and tagged EQUIPMENT before `ner`.

The base model splits "Il-62M" into "Il-62" + "M" (the "M" looks like a unit suffix) and tags
"An-124" as PERSON; both rules below fix that from the equipment catalogue in kb/data.

EQUIPMENT spans are: catalogue designators and aliases (hand-listed, ICAO Doc 8643 types,
variant suffixes; see kb/tables/equipment.py), designators known by form ("Project 22160",
"Kilo-class"), ships named in the text ("USS Carney", "the frigate Admiral Makarov" -> the
name, and later bare mentions of it) and, next to their designator, reporting names. A span
that `Table.lookup` does not answer is a named ship: `Table.vessel_match` turns it into an
asset.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables.equipment import Match, Table
from wirewatch.nlp.kb_ruler import patterns

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
    """Marks catalogue designators, aliases, forms, named ships and (next to their
    designators) reporting names as EQUIPMENT."""

    def __init__(self) -> None:
        self.table: Table | None = None
        self.known: frozenset[str] = frozenset()

    def setup(self, kb: KnowledgeBase) -> None:
        self.table = kb.equipment
        # Names the knowledge base holds for something else (countries, demonyms,
        # organisations, outlets): "the vessel Iran seized" names no ship "Iran".
        self.known = frozenset(p["pattern"] for p in patterns(kb))

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None or not len(doc):
            return doc
        spans = find_equipment(doc, self.table, self.known)
        if spans:
            taken = {i for span in spans for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken & set(range(e.start, e.end))]
            doc.ents = sorted([*kept, *spans], key=lambda span: span.start)
        return doc


@Language.factory("wirewatch_equipment")
def make_equipment_ruler(nlp: Language, name: str) -> EquipmentRuler:
    return EquipmentRuler()


def find_equipment(doc: Doc, table: Table, known: frozenset[str] = frozenset()) -> list[Span]:
    """The EQUIPMENT spans of `doc`; `known` holds names that are not ships' (see above)."""
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
    taken = {t for span in spans for t in range(span.start, span.end)}
    text = doc.text
    for start, end, _hit in table.forms_in(text):
        _add(doc, start, end, spans, taken, trim=(table, known))
    for start, end, _hit in table.vessels_in(text, known.__contains__):
        _add(doc, start, end, spans, taken)
    # A bare reporting name ("the Condor") only once its designator is in the same text.
    if items:
        for token in doc:
            name = table.lookup_name(token.text) if token.text[:1].isupper() else None
            if name and name.item.designator in items and token.i not in taken:
                spans.append(Span(doc, token.i, token.i + 1, label=LABEL))
    return sorted(spans, key=lambda span: span.start)


def _add(
    doc: Doc,
    start: int,
    end: int,
    spans: list[Span],
    taken: set[int],
    trim: tuple[Table, frozenset[str]] | None = None,
) -> None:
    """Add the span of characters start..end unless it overlaps one taken; with `trim`,
    leading stop words and KB names are left out ("Two Russian Kilo-class") as long as
    the rest is still a designator."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    first = span.start
    if trim is not None:
        table, known = trim
        while first < span.end - 1 and (doc[first].is_stop or doc[first].text in known):
            first += 1
        if first > span.start and table.lookup(doc[first : span.end].text) is None:
            return
    if any(t in taken for t in range(first, span.end)):
        return
    spans.append(Span(doc, first, span.end, label=LABEL))
    taken.update(range(first, span.end))


def _designator_at(doc: Doc, start: int, table: Table) -> tuple[Span, Match] | None:
    first = doc[start].text
    # Designators are written with a capital or a digit; "an 124-page report" is not one.
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    if not table.may_start(first):
        return None
    for end in range(min(len(doc), start + table.max_tokens), start, -1):
        span = doc[start:end]
        if span[-1].is_punct or span[-1].is_space:
            continue
        match = table.lookup_listed(span.text)
        if match and not match.contextual:
            return span, match
    return None


def _is_name_of(text: str, match: Match, table: Table) -> bool:
    name = table.lookup_name(text)
    return name is not None and name.item.designator == match.item.designator
