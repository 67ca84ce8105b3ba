"""The evaluation report: micro-aggregated scores per kind, per event type and per document.

`figure("events.f1")` reads one number by dotted name, which is what floors and dashboards use;
`model_dump_json()` is the `--json` output; `to_table()` is the one table spec §3 prints.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from rich.table import Table

from wirewatch.eval.clusters import PRF
from wirewatch.eval.gold import KINDS
from wirewatch.eval.scores import (
    Alignment,
    ClaimScore,
    DateScore,
    EventScore,
    KindScore,
    MovementScore,
    PlaceScore,
    Ratio,
)
from wirewatch.eval.table import kinds_table
from wirewatch.model import PLOVER_TYPES

ACROSS = ("stories", "entities")  # scores across reports, when a resolution gold is given


class UnknownFigure(KeyError):
    """A dotted figure name that names nothing in the report."""


class KindResults(BaseModel):
    """The five kinds' scores: for one document, or summed over all of them."""

    model_config = ConfigDict(extra="forbid")

    places: PlaceScore = Field(default_factory=PlaceScore)
    dates: DateScore = Field(default_factory=DateScore)
    events: EventScore = Field(default_factory=EventScore)
    movements: MovementScore = Field(default_factory=MovementScore)
    claims: ClaimScore = Field(default_factory=ClaimScore)

    def kinds(self) -> dict[str, KindScore]:
        return {kind: getattr(self, kind) for kind in KINDS}

    def figure(self, name: str) -> float | None:
        """One number by dotted name: `events.f1`, `places.acc161`, `movements.via`,
        `events.by_type.MOBILIZE.recall`. A ratio gives its value; None means not measured."""
        parts = name.split(".")
        if parts[0] not in KINDS:
            raise UnknownFigure(f"unknown figure {name!r}: it must start with one of {KINDS}")
        node: object = self
        for part in parts:
            node = _step(node, part, name)
        if isinstance(node, Ratio):
            return node.value
        if node is None:
            return None
        if isinstance(node, bool) or not isinstance(node, int | float):
            raise UnknownFigure(f"unknown figure {name!r}: it names a group, not a number")
        return float(node)

    def figures(self) -> dict[str, float | None]:
        """Every number by its dotted name (event types that occurred included)."""
        found: dict[str, float | None] = {}
        for kind in KINDS:
            _collect(getattr(self, kind), kind, found)
        return found


def _step(node: object, part: str, name: str) -> object:
    if isinstance(node, BaseModel):
        known = set(type(node).model_fields) | set(type(node).model_computed_fields)
        if part in known:
            return getattr(node, part)
    elif isinstance(node, dict):
        if part in node:
            return node[part]
        if part in PLOVER_TYPES:
            return KindScore()  # a type that neither gold nor predictions had: nothing measured
    raise UnknownFigure(f"unknown figure {name!r}: no {part!r} there")


def _collect(node: BaseModel, prefix: str, found: dict[str, float | None]) -> None:
    if isinstance(node, Ratio):
        found[prefix] = node.value
        return
    names = [*type(node).model_fields, *type(node).model_computed_fields]
    for field in names:
        value = getattr(node, field)
        key = f"{prefix}.{field}"
        if isinstance(value, BaseModel):
            _collect(value, key, found)
        elif isinstance(value, dict):
            for sub, item in sorted(value.items()):
                _collect(item, f"{key}.{sub}", found)
        elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            found[key] = None if value is None else float(value)


class DocumentResult(KindResults):
    """One document's scores and alignments (what matched what), for debugging."""

    id: str
    path: str | None = None
    alignment: dict[str, Alignment] = Field(default_factory=dict)


class EvalReport(KindResults):
    """Scores micro-aggregated over `documents`, plus each document's own result; with a
    resolution gold beside the gold set, story clustering and entity resolution scores."""

    documents: int = 0
    per_document: list[DocumentResult] = Field(default_factory=list)
    stories: PRF | None = None  # B-cubed over the items of resolve/stories.json
    entities: PRF | None = None  # pairwise over the mentions of resolve/entities.json

    def to_table(self) -> Table:
        return kinds_table(self.kinds(), self.documents, self.across())

    def across(self) -> dict[str, PRF]:
        """The resolution scores measured, by name (`stories`, `entities`)."""
        return {name: score for name in ACROSS if (score := getattr(self, name)) is not None}

    def figure(self, name: str) -> float | None:
        """As `KindResults.figure`, and `stories.f1`, `entities.precision`, ...: None when
        the gold set has no resolution gold for it."""
        head, _, rest = name.partition(".")
        if head not in ACROSS:
            return super().figure(name)
        if rest not in PRF.model_fields or rest == "items":
            raise UnknownFigure(f"unknown figure {name!r}: {head} has precision, recall, f1")
        score = getattr(self, head)
        return None if score is None else float(getattr(score, rest))

    def figures(self) -> dict[str, float | None]:
        """As `KindResults.figures`, and the resolution scores that were measured."""
        found = super().figures()
        for name, score in self.across().items():
            for field in ("precision", "recall", "f1"):
                found[f"{name}.{field}"] = getattr(score, field)
        return found

    def document(self, doc_id: str) -> DocumentResult:
        """The result for one document id (KeyError if it was not scored)."""
        for result in self.per_document:
            if result.id == doc_id:
                return result
        raise KeyError(doc_id)
