"""One event per real-world action: repeated mentions of the same act are merged."""

from __future__ import annotations

from wirewatch.model import Actor, Event, When
from wirewatch.model.calendar import clamp_days

_SLACK_DAYS = 1


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
    # An act told without its doer ("the raids had targeted") may repeat one told with it.
    if a.actor and b.actor and not _overlap(a.actor, b.actor):
        return False
    if not (a.actor and b.actor) and (a.when is None or b.when is None):
        return False  # without a doer, only a stated date ties two mentions together
    # Recipients differ only if both sides name a country ("Erdogan" vs "Turkey" may agree);
    # a mention with neither date nor place ("the military said it had targeted a
    # commander") repeats an act told before rather than telling a new one.
    loose = (b.when is None and b.place is None) or (a.when is None and a.place is None)
    if (
        not loose
        and _countried(a.recipient)
        and _countried(b.recipient)
        and not _overlap(a.recipient, b.recipient)
    ):
        return False
    if _apart(a, b):
        return False
    return dates_compatible(a.when, b.when)


def _apart(a: Event, b: Event) -> bool:
    """Two places and two different days: "jets hit X on Friday" and "a strike on Y on
    Saturday" are two acts, even though a day's slack would join them."""
    days = (
        a.when is not None
        and b.when is not None
        and a.when.precision == "day"
        and b.when.precision == "day"
        and a.when.start != b.when.start
    )
    return days and a.place is not None and b.place is not None and a.place != b.place


def _countried(actors: list[Actor]) -> bool:
    return bool(actors) and all(a.country for a in actors)


def _overlap(xs: list[Actor], ys: list[Actor]) -> bool:
    keys = {(x.country or x.name.casefold()) for x in xs}
    return any((y.country or y.name.casefold()) in keys for y in ys)


def dates_compatible(a: When | None, b: When | None) -> bool:
    if a is None or b is None:
        return True
    # Clamped: a date on the calendar's first day has no day before it to give slack to.
    return clamp_days(a.start, -_SLACK_DAYS) <= b.end and clamp_days(b.start, -_SLACK_DAYS) <= a.end


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
    into.background = into.background and other.background  # told as news once is news


def _narrower(a: When, b: When) -> bool:
    return (a.end - a.start) < (b.end - b.start)
