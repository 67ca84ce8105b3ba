"""One event per real-world action: repeated mentions of the same act are merged."""

from __future__ import annotations

import datetime as dt

from wirewatch.model import Actor, Event, When

_SLACK = dt.timedelta(days=1)


def merge_events(events: list[Event]) -> list[Event]:
    """Events in order of first mention, with later mentions of the same act folded in."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_act(k, event)), None)
        if same is None:
            kept.append(event)
        else:
            _fold(same, event)
    return kept


def _same_act(a: Event, b: Event) -> bool:
    if a.event != b.event or a.negated != b.negated:
        return False
    if (a.attribution.status == "speculated") != (b.attribution.status == "speculated"):
        return False
    if not _overlap(a.actor, b.actor):
        return False
    # Recipients differ only if both sides name a country ("Erdogan" vs "Turkey" may agree).
    if _countried(a.recipient) and _countried(b.recipient) and \
            not _overlap(a.recipient, b.recipient):
        return False
    return dates_compatible(a.when, b.when)


def _countried(actors: list[Actor]) -> bool:
    return bool(actors) and all(a.country for a in actors)


def _overlap(xs: list[Actor], ys: list[Actor]) -> bool:
    keys = {(x.country or x.name.casefold()) for x in xs}
    return any((y.country or y.name.casefold()) in keys for y in ys)


def dates_compatible(a: When | None, b: When | None) -> bool:
    if a is None or b is None:
        return True
    return a.start - _SLACK <= b.end and b.start - _SLACK <= a.end


def _fold(into: Event, other: Event) -> None:
    """Keep the first mention's id; fill what it lacks from the repeat."""
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    if not _countried(into.recipient) and _countried(other.recipient):
        into.recipient = other.recipient
    into.place = into.place or other.place
    if into.when is None or (other.when and _narrower(other.when, into.when)):
        into.when = other.when or into.when
    if into.attribution.claim is None and other.attribution.claim is not None:
        into.attribution = other.attribution
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)


def _narrower(a: When, b: When) -> bool:
    return (a.end - a.start) < (b.end - b.start)
