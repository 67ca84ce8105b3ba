"""The end-of-run account: every input is stored, a duplicate, or rejected with a reason.

A document stored in this run whose analysis then fails moves from `stored` to
`rejected: analysis_failed` (it is kept, marked failed, and retried by the next run), so the
account still adds up to the inputs read. Work finished for earlier runs is counted apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from wirewatch.model import IngestResult


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)  # by kind: exact, near, version
    again: int = 0  # inputs stored or recorded by an earlier run
    rejected: Counter[str] = field(default_factory=Counter)
    analysed: int = 0
    resumed: int = 0  # documents earlier runs left pending or failed, analysed now
    resumed_failed: int = 0  # of those, failed again
    resolved_again: int = 0  # documents earlier runs analysed but did not resolve
    unresolved: set[str] = field(default_factory=set)  # story/track update failed (analysed)
    analysis_failed: int = 0  # documents whose analysis (or its saving) failed in this run
    failures: list[str] = field(default_factory=list)  # one line per failed document
    failed: dict[str, str] = field(default_factory=dict)  # document id -> reason, this run
    seconds: float = 0.0

    def add(self, result: IngestResult) -> None:
        if result.outcome == "stored":
            self.stored += 1
        elif result.outcome == "duplicate" and result.kind == "again":
            self.again += 1
        elif result.outcome == "duplicate":
            self.duplicates[result.kind or "exact"] += 1
        else:
            self.rejected[result.reason or "unknown"] += 1

    def fail(self, document_id: str, reason: str, *, resumed: bool) -> None:
        self.failures.append(f"{document_id}: {reason}")
        self.failed[document_id] = reason
        self.analysis_failed += 1
        if resumed:
            self.resumed_failed += 1
            return
        self.stored -= 1
        self.rejected[reason.split(":", 1)[0]] += 1

    @property
    def resolve_failed(self) -> int:
        return len(self.unresolved)

    @property
    def duplicate_count(self) -> int:
        return sum(self.duplicates.values()) + self.again

    @property
    def total(self) -> int:
        return self.stored + self.duplicate_count + sum(self.rejected.values())

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every input was stored or a duplicate and all work finished, else 1."""
        failed = self.rejected or self.resumed_failed or self.resolve_failed
        return 1 if failed else 0
