"""JSON Lines: one full Analysis per line, exactly the contract (spec §2)."""

from __future__ import annotations

from collections.abc import Iterable

from wirewatch.export._sink import TextSink
from wirewatch.model import Analysis, Filters


def selected(analysis: Analysis, filters: Filters) -> bool:
    """Keep a whole analysis when its document matches and, if event- or asset-level filters
    are set, at least one of its events or movements does."""
    if not filters.matches_document(analysis):
        return False
    item_level = filters.model_dump(exclude={"outlet", "text"}, exclude_defaults=True)
    if not item_level:
        return True
    return any(filters.matches_event(e, analysis) for e in analysis.events) or any(
        filters.matches_movement(m, analysis) for m in analysis.movements
    )


def write_jsonl(analyses: Iterable[Analysis], out: TextSink, filters: Filters) -> int:
    count = 0
    for analysis in analyses:
        if selected(analysis, filters):
            out.write(analysis.model_dump_json() + "\n")
            count += 1
    return count
