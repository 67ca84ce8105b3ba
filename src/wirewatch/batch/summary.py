"""The end-of-run account: every input is stored, a duplicate, or rejected with a reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from wirewatch.model import IngestResult


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    analysed: int = 0
    analysis_failed: int = 0
    failures: list[str] = field(default_factory=list)  # one line per failed analysis
    seconds: float = 0.0

    def add(self, result: IngestResult) -> None:
        if result.outcome == "stored":
            self.stored += 1
        elif result.outcome == "duplicate":
            self.duplicates += 1
        else:
            self.rejected[result.reason or "unknown"] += 1

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + sum(self.rejected.values())

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every input was stored or a duplicate, 1 when any was rejected."""
        return 1 if self.rejected or self.analysis_failed else 0
