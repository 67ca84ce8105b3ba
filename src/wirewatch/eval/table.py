"""The one table spec §3 prints: a row per kind (and per event type under events)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table

from wirewatch.eval.clusters import PRF
from wirewatch.eval.scores import (
    ClaimScore,
    DateScore,
    EventScore,
    KindScore,
    MovementScore,
    PlaceScore,
    Ratio,
)

DASH = "—"


def _rate(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def _ratio(label: str, ratio: Ratio) -> str:
    return f"{label} {_rate(ratio.value)} ({ratio.hits}/{ratio.total})"


def details(score: KindScore) -> str:
    """The kind-specific figures, as one cell."""
    if isinstance(score, PlaceScore):
        median = score.median_error_km
        km = DASH if median is None else f"{median:.1f} km"
        parts = [
            _ratio("acc@161", score.acc161),
            _ratio("country", score.country),
            f"median error {km}",
        ]
    elif isinstance(score, DateScore):
        parts = [f"accuracy {_rate(score.accuracy)} ({score.resolved}/{score.gold})"]
    elif isinstance(score, MovementScore):
        parts = [
            _ratio(name, getattr(score, name))
            for name in ("operator", "origin", "via", "depart", "arrive")
        ]
    elif isinstance(score, ClaimScore):
        parts = [_ratio("stance", score.stance), _ratio("assessed", score.assessed)]
    else:
        parts = []
    if score.set_aside:
        parts.append(f"set aside {score.set_aside}")
    return " · ".join(parts)


def _row(table: Table, label: str, score: KindScore, extra: str, style: str | None = None) -> None:
    table.add_row(
        label,
        str(score.gold),
        str(score.tp),
        str(score.fp),
        str(score.fn),
        _rate(score.precision),
        _rate(score.recall),
        _rate(score.f1),
        extra,
        style=style,
    )


ACROSS_DETAILS = {
    "stories": "B-cubed, {items} gold items",
    "entities": "pairwise, {items} gold mentions",
}


def kinds_table(
    kinds: Mapping[str, KindScore], documents: int, across: Mapping[str, PRF] | None = None
) -> Table:
    caption = (
        f"{documents} document(s), micro-averaged; precision and FP count only "
        "documents where the kind is exhaustive"
    )
    if across:
        caption += "; stories and entities: the gold set's corpus ingested and resolved"
    table = Table(title="wirewatch eval (spec §3)", caption=caption)
    table.add_column("kind")
    for name in ("gold", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(name, justify="right")
    table.add_column("resolution / fields")
    for kind, score in kinds.items():
        _row(table, kind, score, details(score))
        if isinstance(score, EventScore):
            for event_type, sub in sorted(score.by_type.items()):
                _row(table, f"  {event_type}", sub, "", style="dim")
    for name, prf in (across or {}).items():
        table.add_row(
            name,
            str(prf.items),
            "",
            "",
            "",
            _rate(prf.precision),
            _rate(prf.recall),
            _rate(prf.f1),
            ACROSS_DETAILS.get(name, "").format(items=prf.items),
        )
    return table
