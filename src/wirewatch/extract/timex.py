"""Calendar arithmetic for temporal expressions: pure functions from parts to a date range.

Every function returns a `Resolved` (start, end, precision, anchor) following the spec's
date conventions; `extract/dates.py` finds the expressions and picks the function.

The calendar ends: Python's dates run from 0001-01-01 to 9999-12-31. Parts that name no date
("2019-00-10", "Feb. 30") and arithmetic that leaves the calendar ("10,000 years ago",
"tomorrow" on 9999-12-31) give None, never an exception: such a phrase has no date, and a
range with either end outside the calendar is dropped whole rather than cut short. Window
edges (story and track joins in `resolve/`) instead stop at the calendar's ends, which keeps
every comparison they feed exact. `calendar_date`, `plus_days` and `clamp_days` are the only
places that check: everything else (here, in `_merge` and in `resolve/`) builds or moves its
dates through them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from wirewatch.model.calendar import DAY_DIGITS, calendar_date, clamp_days, plus_days
from wirewatch.model.vocab import Anchor, Precision

__all__ = ["calendar_date", "clamp_days", "plus_days"]  # with the resolvers below

# English month names and abbreviations from the calendar module, plus newswire "Sept".
MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "march"), else None."""
    return MONTHS.get(name.casefold().rstrip("."))


@dataclass(frozen=True)
class Resolved:
    start: dt.date
    end: dt.date
    precision: Precision  # day | month | year | range
    anchor: Anchor  # document | previous | absolute


def day(date: dt.date, anchor: Anchor) -> Resolved:
    return Resolved(date, date, "day", anchor)


def _range(
    start: dt.date | None, end: dt.date | None, precision: Precision, anchor: Anchor
) -> Resolved | None:
    """A range whose ends both lie in the calendar, else None."""
    if start is None or end is None:
        return None
    return Resolved(start, end, precision, anchor)


def month(year_no: int, month_no: int, anchor: Anchor) -> Resolved | None:
    first = calendar_date(year_no, month_no, 1)
    if first is None:
        return None
    last = calendar.monthrange(year_no, month_no)[1]
    return Resolved(first, first.replace(day=last), "month", anchor)


def year(number: int, anchor: Anchor) -> Resolved | None:
    return _range(calendar_date(number, 1, 1), calendar_date(number, 12, 31), "year", anchor)


def week(date: dt.date, anchor: Anchor) -> Resolved | None:
    """The ISO week (Monday to Sunday) holding `date`."""
    monday = plus_days(date, -date.weekday())
    return _range(monday, plus_days(date, 6 - date.weekday()), "range", anchor)


def shift(base: dt.date, unit: str, offset: int, anchor: Anchor) -> Resolved | None:
    """The unit (day, week, month, year) `offset` units away from the one holding `base`."""
    if unit == "day":
        moved = plus_days(base, offset)
        return day(moved, anchor) if moved else None
    if unit == "week":
        moved = plus_days(base, 7 * offset)
        return week(moved, anchor) if moved else None
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return month(index // 12, index % 12 + 1, anchor)
    return year(base.year + offset, anchor)


def to_date(base: dt.date, unit: str) -> Resolved | None:
    """From the start of the unit holding `base` to `base` ("earlier this month")."""
    whole = shift(base, unit, 0, "document")
    return Resolved(whole.start, base, "range", "document") if whole else None


def since(start: Resolved, document: dt.date) -> Resolved | None:
    """ "since X": the start of X to the document date."""
    if start.start > document:
        return None
    return Resolved(start.start, document, "range", "document")


def weekday(name: str, which: str | None, document: dt.date, future: bool) -> Resolved | None:
    """A weekday: in past context the latest on or before the document date ("last" makes
    it strictly before); in future context ("next", "is planned for") the next one after."""
    target = WEEKDAYS.get(name.casefold())
    if target is None:
        return None
    if which == "next" or (future and which != "last"):
        ahead = (target - document.weekday()) % 7 or 7
        found = plus_days(document, ahead)
    else:
        back = (document.weekday() - target) % 7
        if which == "last" and back == 0:
            back = 7
        found = plus_days(document, -back)
    return day(found, "document") if found else None


def bare_month(name: str, document: dt.date, future: bool) -> Resolved | None:
    """A month without a year: its latest occurrence on or before the document date, or in
    future context its next occurrence on or after it."""
    number = month_number(name)
    if number is None:
        return None
    if future:
        return month(document.year + (number < document.month), number, "document")
    return month(document.year - (number > document.month), number, "document")


def month_day(
    month_no: int, day_no: int, year_no: int | None, document: dt.date, future: bool
) -> Resolved | None:
    """A day of a month: in the year given, else the occurrence nearest the document date on
    the side the context points to. None when the parts name no date ("Feb. 30")."""
    if year_no is not None:
        found = calendar_date(year_no, month_no, day_no)
        return day(found, "absolute") if found else None
    found = calendar_date(document.year, month_no, day_no)
    if found is not None and future and found < document:
        found = calendar_date(document.year + 1, month_no, day_no)  # None on 29 February
    elif found is not None and not future and found > document:
        found = calendar_date(document.year - 1, month_no, day_no)
    return day(found, "document") if found else None


def day_of_month(
    day_no: int, after: dt.date | None, document: dt.date, future: bool
) -> Resolved | None:
    """ "on the 20th": a day of a month the text does not name. After a date mentioned
    before (`after`), the first such day on or after it ("left on 28 October ... arrived
    on the 3rd": 3 November); else, like a weekday, the latest on or before the document
    date, or in future context the next after it. None when no month near holds the day."""
    year_no, month_no = (after or document).year, (after or document).month
    for _ in range(3):  # (a 31st is never more than two months away)
        found = calendar_date(year_no, month_no, day_no)
        ok = found is not None and (
            (after is not None and found >= after and found <= document)
            or (after is None and (found > document if future else found <= document))
        )
        if ok and found is not None:
            return day(found, "previous" if after is not None else "document")
        step = 1 if after is not None or future else -1
        month_no += step
        if month_no in {0, 13}:
            year_no, month_no = year_no + step, 12 if month_no == 0 else 1
    if after is not None:
        return day_of_month(day_no, None, document, future)  # past the document: its month
    return None


def count(text: str, numbers: Mapping[str, int]) -> int | None:
    """ "three" (one of `numbers`), "12" or "10,000" as a number; None when it has more
    digits than the calendar has days (such a count leaves it in any unit, and Python
    refuses to read numbers of thousands of digits)."""
    word = numbers.get(text.casefold())
    if word is not None:
        return word
    digits = text.replace(",", "")
    return int(digits) if len(digits) <= DAY_DIGITS else None


def ago(n: int, unit: str, forward: bool, base: Resolved) -> Resolved | None:
    """ "three days ago" (back from the document date), "two weeks later" (`forward` from the
    previous date); the result has the precision of its unit (a week counts as a day)."""
    sign = 1 if forward else -1
    unit = unit.casefold()
    if unit == "week":
        unit, n = "day", n * 7
    return shift(base.start, unit, sign * n, base.anchor)


def decade(first_year: int) -> Resolved | None:
    return _range(
        calendar_date(first_year, 1, 1), calendar_date(first_year + 9, 12, 31), "range", "absolute"
    )


def with_anchor(found: Resolved, anchor: Anchor) -> Resolved:
    return replace(found, anchor=anchor)
