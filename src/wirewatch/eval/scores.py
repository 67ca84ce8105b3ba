"""Score records: counts per kind that add up across documents, and the rates derived from them.

Precision and recall keep separate counts because spec §3 scores a non-exhaustive kind by
recall only: such a document adds its gold items and matches to recall, but nothing (neither
its false positives nor its true positives) to precision, which would otherwise be inflated.
"""

from __future__ import annotations

import statistics
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator


def drop_computed(cls: type[BaseModel], data: object) -> object:
    """Input without the derived figures a dump contains, so a saved report loads back."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in cls.model_computed_fields}
    return data


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _derived_are_not_input(cls, data: object) -> object:
        return drop_computed(cls, data)


class Ratio(_Record):
    """hits out of total; `value` is None when there was nothing to measure."""

    hits: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += int(hit)


class KindScore(_Record):
    """Counts for one kind (or one event type) and the P/R/F1 they give."""

    gold: int = Field(default=0, description="gold items, every document")
    found: int = Field(default=0, description="gold items matched (recall numerator)")
    predicted: int = Field(default=0, description="predictions scored, exhaustive documents only")
    correct: int = Field(default=0, description="of those, matched (precision numerator)")
    gold_exhaustive: int = Field(default=0, description="gold items in exhaustive documents")
    exhaustive_docs: int = Field(default=0, description="documents where this kind is exhaustive")
    set_aside: int = Field(default=0, description="predictions not counted either way")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def tp(self) -> int:
        return self.found

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fp(self) -> int:
        return self.predicted - self.correct

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fn(self) -> int:
        return self.gold - self.found

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        """None when no document is exhaustive for this kind (precision cannot be measured).
        With no prediction at all it is 1.0 if there was nothing to find, else 0.0."""
        if not self.exhaustive_docs:
            return None
        if not self.predicted:
            return 0.0 if self.gold_exhaustive else 1.0
        return self.correct / self.predicted

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


class PlaceScore(KindScore):
    acc161: Ratio = Field(default_factory=Ratio, description="matched places resolved in 161 km")
    country: Ratio = Field(default_factory=Ratio, description="matched places, right country")
    errors_km: list[float] = Field(default_factory=list, description="matched, with a point")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def median_error_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None


class DateScore(KindScore):
    resolved: int = Field(default=0, description="matched with start and end equal to gold")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        """Correctly resolved gold expressions out of all gold expressions."""
        return self.resolved / self.gold if self.gold else None


class EventScore(KindScore):
    by_type: dict[str, KindScore] = Field(
        default_factory=dict,
        description="matches and misses under the gold's first listed type, unmatched "
        "predictions under their own type",
    )


class MovementScore(KindScore):
    operator: Ratio = Field(default_factory=Ratio)
    origin: Ratio = Field(default_factory=Ratio)
    via: Ratio = Field(default_factory=Ratio, description="gold via points found (recall)")
    depart: Ratio = Field(default_factory=Ratio)
    arrive: Ratio = Field(default_factory=Ratio)


class ClaimScore(KindScore):
    stance: Ratio = Field(default_factory=Ratio)
    assessed: Ratio = Field(default_factory=Ratio)


Score = TypeVar("Score", bound=BaseModel)


def combined(first: Score, second: Score) -> Score:
    """Field-by-field sum of two records of one type (micro-aggregation): counts add, lists
    concatenate, nested records and per-key dicts combine recursively."""
    values: dict[str, object] = {}
    for name in type(first).model_fields:
        a, b = getattr(first, name), getattr(second, name)
        if isinstance(a, BaseModel):
            values[name] = combined(a, b)
        elif isinstance(a, dict):
            merged = dict(a)
            for key, item in b.items():
                merged[key] = combined(merged[key], item) if key in merged else item
            values[name] = merged
        elif isinstance(a, list):
            values[name] = [*a, *b]
        else:
            values[name] = a + b
    return type(first).model_validate(values)


class Link(_Record):
    """One line of an alignment: a gold item (by index and label), a prediction, or both."""

    gold: int | None = None
    label: str = ""
    pred: str | None = None


class Alignment(_Record):
    """What was matched to what in one document, for debugging a score."""

    exhaustive: bool = False
    matched: list[Link] = Field(default_factory=list)
    missed: list[Link] = Field(default_factory=list, description="gold items left unmatched")
    spurious: list[Link] = Field(
        default_factory=list, description="unmatched predictions (false positives if exhaustive)"
    )
    set_aside: list[str] = Field(default_factory=list)


def tally(
    score: KindScore,
    alignment: Alignment,
    labels: list[str],
    preds: list[str],
    chosen: list[tuple[int, int]],
) -> None:
    """Fill the shared counts and the alignment from the chosen (gold, prediction) pairs.

    `labels` names the gold items, `preds` the scored predictions (set-aside ones excluded).
    """
    score.gold = len(labels)
    score.found = len(chosen)
    if alignment.exhaustive:
        score.exhaustive_docs = 1
        score.gold_exhaustive = len(labels)
        score.predicted = len(preds)
        score.correct = len(chosen)
    score.set_aside = len(alignment.set_aside)
    matched_gold = {g for g, _ in chosen}
    matched_pred = {p for _, p in chosen}
    alignment.matched = [Link(gold=g, label=labels[g], pred=preds[p]) for g, p in sorted(chosen)]
    alignment.missed = [
        Link(gold=i, label=label) for i, label in enumerate(labels) if i not in matched_gold
    ]
    alignment.spurious = [Link(pred=ref) for i, ref in enumerate(preds) if i not in matched_pred]
