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
