"""The working state of one document's analysis, passed from step to step.

Each extraction step reads what earlier steps found and appends its own findings. Steps run in
the order `extract/pipeline.yaml` gives; a step may rely only on steps listed before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from wirewatch.model import (
    Analysis,
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Movement,
    Place,
    Span,
    TimeExpr,
)


@dataclass
class Context:
    document: Document
    doc: Doc  # the spaCy parse of document.text
    kb: Any  # wirewatch.kb.KnowledgeBase
    gazetteer: Any = None  # wirewatch.geo.Gazetteer, or None when geocoding is off
    sentences: list[Span] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    # Scratch space for steps to hand each other intermediate results (e.g. caption spans).
    notes: dict[str, Any] = field(default_factory=dict)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing character `offset` (the last one if past the end)."""
        for index, span in enumerate(self.sentences):
            if span.start <= offset < span.end:
                return index
        return max(len(self.sentences) - 1, 0)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a finding at [start, end): the whole sentence that holds it."""
        index = self.sentence_index(start)
        if self.sentences:
            sent = self.sentences[index]
            start, end = min(start, sent.start), max(end, sent.end)
        return Evidence(sentence=index, start=start, end=end, text=self.document.text[start:end])

    def to_analysis(self) -> Analysis:
        return Analysis(
            document=self.document,
            sentences=self.sentences,
            entities=self.entities,
            places=self.places,
            events=self.events,
            movements=self.movements,
            claims=self.claims,
            dates=self.dates,
        )

    # Lookups later steps use to tie a finding to what earlier steps found at that offset.
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the longest."""
        hits = [(m.end - m.start, e) for e in self.entities for m in e.mentions
                if m.start < end and start < m.end]
        return max(hits, key=lambda hit: hit[0])[1] if hits else None

    def place_at(self, start: int, end: int) -> Place | None:
        """The place with a mention overlapping [start, end)."""
        for place in self.places:
            if any(m.start < end and start < m.end for m in place.mentions):
                return place
        return None

    def in_caption(self, offset: int) -> bool:
        """True inside a photo-credit or caption span (no events are taken from those)."""
        return any(s.start <= offset < s.end for s in self.captions())

    def captions(self) -> list[Span]:
        """Caption spans (credit + caption line) the nlp caption marker found, kept in
        `notes["captions"]`; filled from the parse on first use, so any step may call it."""
        if "captions" not in self.notes:
            marked = getattr(self.doc._, "captions", None) if self.doc.has_extension(
                "captions") else None
            self.notes["captions"] = [Span(start=s, end=e) for s, e in marked or []]
        return self.notes["captions"]
