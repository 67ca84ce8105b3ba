"""The other end's day of a non-stop flight, when the report dates only one end.

A report often dates a flight's take-off and names where it went without saying when it
landed ("took off from Evenes on Tuesday and flew to Lossiemouth"), or dates the landing of a
flight from a named airfield. A flight without a stop ends within `flight_days` of its start,
so the untold end is the told day or the next (or the previous), given as a range: what the
report implies and no more. Ships, convoys and flights with stops get nothing: their trips last
days or weeks.
"""

from __future__ import annotations

import datetime as dt

from wirewatch.model import When


def untold_ends(
    depart: When | None,
    arrive: When | None,
    *,
    flown: bool,
    has_origin: bool,
    stops: int,
    days: int,
) -> tuple[When | None, When | None]:
    """The leg's (depart, arrive), with an untold end dated from the told one."""
    if not flown or stops or days <= 0 or (depart is None) == (arrive is None):
        return depart, arrive
    span = dt.timedelta(days=days)
    if depart is not None and depart.precision == "day":
        return depart, When(start=depart.start, end=depart.end + span, precision="range")
    if arrive is not None and arrive.precision == "day" and has_origin:
        # A landing dated and its airfield of departure named: it took off that day or before.
        return When(start=arrive.start - span, end=arrive.end, precision="range"), arrive
    return depart, arrive
