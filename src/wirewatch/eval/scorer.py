"""`score()`: every kind of every document scored against its gold, summed micro-style.

Pure: no I/O. Offsets in an Analysis index its own `document.text`, so mention texts and date
occurrences are read from there, not from the gold copy of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from wirewatch.eval.claims import score_claims
from wirewatch.eval.dates import score_dates
from wirewatch.eval.events import score_events
from wirewatch.eval.gold import GoldDocument
from wirewatch.eval.movements import score_movements
from wirewatch.eval.places import score_places
from wirewatch.eval.report import DocumentResult, EvalReport
from wirewatch.eval.scores import combined
from wirewatch.model import Analysis


def score_document(gold: GoldDocument, analysis: Analysis) -> DocumentResult:
    expect, full = gold.expect, gold.exhaustive
    places, places_at = score_places(expect.places, analysis, full.places)
    dates, dates_at = score_dates(expect.dates, analysis, full.dates)
    events, events_at = score_events(expect.events, analysis, full.events)
    movements, movements_at = score_movements(expect.movements, analysis, full.movements)
    claims, claims_at = score_claims(expect.claims, analysis, full.claims)
    return DocumentResult(
        id=gold.id,
        path=str(gold.path) if gold.path else None,
        places=places,
        dates=dates,
        events=events,
        movements=movements,
        claims=claims,
        alignment={
            "places": places_at,
            "dates": dates_at,
            "events": events_at,
            "movements": movements_at,
            "claims": claims_at,
        },
    )


def score(pairs: Iterable[tuple[GoldDocument, Analysis]]) -> EvalReport:
    """The report for (gold, analysis of `gold.to_document()`) pairs."""
    report = EvalReport()
    for gold, analysis in pairs:
        result = score_document(gold, analysis)
        report.per_document.append(result)
        report.documents += 1
        for kind, value in result.kinds().items():
            setattr(report, kind, combined(getattr(report, kind), value))
    return report
