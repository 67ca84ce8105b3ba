"""Calendar arithmetic for temporal expressions: pure functions from parts to a date range.

Every function returns a `Resolved` (start, end, precision, anchor) following the spec's
date conventions; `extract/dates.py` finds the expressions and picks the function.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# English month names and abbreviations from the calendar module, plus newswire "Sept".
MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}


@dataclass(frozen=True)
class Resolved:
    start: dt.date
    end: dt.date
    precision: str  # day | month | year | range
    anchor: str  # document | previous | absolute


def day(date: dt.date, anchor: str) -> Resolved:
    return Resolved(date, date, "day", anchor)


def month(year: int, month_no: int, anchor: str) -> Resolved:
    last = calendar.monthrange(year, month_no)[1]
    return Resolved(dt.date(year, month_no, 1), dt.date(year, month_no, last), "month", anchor)


def year(number: int, anchor: str) -> Resolved:
    return Resolved(dt.date(number, 1, 1), dt.date(number, 12, 31), "year", anchor)


def week(date: dt.date, anchor: str) -> Resolved:
    """The ISO week (Monday to Sunday) holding `date`."""
    monday = date - dt.timedelta(days=date.weekday())
    return Resolved(monday, monday + dt.timedelta(days=6), "range", anchor)


def shift(base: dt.date, unit: str, offset: int, anchor: str) -> Resolved:
    """The unit (day, week, month, year) `offset` units away from the one holding `base`."""
    if unit == "day":
        return day(base + dt.timedelta(days=offset), anchor)
    if unit == "week":
        return week(base + dt.timedelta(weeks=offset), anchor)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return month(index // 12, index % 12 + 1, anchor)
    return year(base.year + offset, anchor)


def to_date(base: dt.date, unit: str) -> Resolved:
    """From the start of the unit holding `base` to `base` ("earlier this month")."""
    start = shift(base, unit, 0, "document").start
    return Resolved(start, base, "range", "document")


def since(start: Resolved, document: dt.date) -> Resolved | None:
    """"since X": the start of X to the document date."""
    if start.start > document:
        return None
    return Resolved(start.start, document, "range", "document")


def weekday(name: str, which: str | None, document: dt.date, future: bool) -> Resolved:
    """A weekday: in past context the latest on or before the document date ("last" makes
    it strictly before); in future context ("next", "is planned for") the next one after."""
    target = WEEKDAYS[name.casefold()]
    if which == "next" or (future and which != "last"):
        ahead = (target - document.weekday()) % 7 or 7
        return day(document + dt.timedelta(days=ahead), "document")
    back = (document.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return day(document - dt.timedelta(days=back), "document")


def bare_month(name: str, document: dt.date, future: bool) -> Resolved:
    """A month without a year: its latest occurrence on or before the document date, or in
    future context its next occurrence on or after it."""
    number = MONTHS[name.casefold()]
    if future:
        return month(document.year + (number < document.month), number, "document")
    return month(document.year - (number > document.month), number, "document")


def month_day(name: str, day_no: int, year_no: int | None, document: dt.date,
              future: bool) -> Resolved | None:
    number = MONTHS[name.casefold().rstrip(".")]
    try:
        if year_no is not None:
            return day(dt.date(year_no, number, day_no), "absolute")
        found = dt.date(document.year, number, day_no)
    except ValueError:
        return None  # "Feb. 30": not a date
    if future and found < document:
        found = _next_year(found)
    elif not future and found > document:
        found = _next_year(found, -1)
    return day(found, "document") if found else None


def _next_year(date: dt.date, step: int = 1) -> dt.date | None:
    try:
        return date.replace(year=date.year + step)
    except ValueError:  # 29 February
        return None


def ago(count: str, unit: str, direction: str, base: Resolved) -> Resolved:
    """"three days ago" (from the document date), "two weeks later" (from the previous date);
    the result has the precision of its unit (a week counts as a day)."""
    n = NUMBERS.get(count.casefold()) or int(count)
    sign = 1 if direction.casefold() in ("later", "after") else -1
    unit = unit.casefold()
    if unit == "week":
        unit, n = "day", n * 7
    return shift(base.start, unit, sign * n, base.anchor)


def decade(first_year: int) -> Resolved:
    return Resolved(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "range",
                    "absolute")


def with_anchor(found: Resolved, anchor: str) -> Resolved:
    return replace(found, anchor=anchor)
