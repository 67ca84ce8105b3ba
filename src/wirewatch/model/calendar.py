"""Date arithmetic that never leaves the calendar (0001-01-01 to 9999-12-31).

Extraction and resolution both move dates by days; near either end of the calendar a plain
`timedelta` raises. These three functions are the only places that check: a date that does
not exist or would leave the calendar is None, and a window edge stops at the calendar's end.
"""

from __future__ import annotations

import calendar
import datetime as dt

_FIRST_DAY = dt.date.min.toordinal()
_LAST_DAY = dt.date.max.toordinal()
DAY_DIGITS = len(str(_LAST_DAY))  # digits in the number of days the calendar holds


def calendar_date(year_no: int, month_no: int, day_no: int) -> dt.date | None:
    """The date with these parts, or None when there is none (month 0 or 13, 30 February,
    year 0 or 10000)."""
    if not (dt.MINYEAR <= year_no <= dt.MAXYEAR and 1 <= month_no <= 12):
        return None
    if not 1 <= day_no <= calendar.monthrange(year_no, month_no)[1]:
        return None
    return dt.date(year_no, month_no, day_no)


def plus_days(date: dt.date, days: int) -> dt.date | None:
    """`date` moved by `days` (negative: back), or None when that leaves the calendar."""
    ordinal = date.toordinal() + days
    if not _FIRST_DAY <= ordinal <= _LAST_DAY:
        return None
    return dt.date.fromordinal(ordinal)


def clamp_days(date: dt.date, days: int) -> dt.date:
    """`date` moved by `days`, stopping at the first or last day of the calendar: the edge of
    a search window. A window cut there holds every date the unclamped one would, so tests
    such as `x <= clamp_days(end, tolerance)` keep their meaning for any date `x`."""
    return dt.date.fromordinal(min(max(date.toordinal() + days, _FIRST_DAY), _LAST_DAY))
