"""One resolver per kind of temporal expression: the lexicon's phrases and pattern names.

Each takes the context, the dates table, the candidate (with its regex match) and the date
mentioned just before, and returns a `Resolved` or None. `RULES` maps kind -> resolver.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wirewatch.extract import timex
from wirewatch.extract.context import Context
from wirewatch.extract.tense import is_future
from wirewatch.extract.timex import Resolved
from wirewatch.kb.tables.dates import Table as DatesTable


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # "phrase", a pattern name, or "entity"
    match: re.Match[str] | None = None


Rule = Callable[[Context, DatesTable, Candidate, "Resolved | None"], "Resolved | None"]


def _future(ctx: Context, table: DatesTable, cand: Candidate) -> bool:
    return is_future(ctx.doc, cand.start, cand.end, table.future)


def _group(cand: Candidate, name: str) -> str | None:
    if cand.match is None or name not in cand.match.re.groupindex:
        return None
    return cand.match.group(name)


def _number(cand: Candidate, name: str) -> int:
    """A numeric group; 0 (no day, month or year has it) when the pattern has none."""
    return int(_group(cand, name) or 0)


def _month(cand: Candidate) -> int:
    """The month group as 1-12; 0 when it names none, which no date accepts."""
    return timex.month_number(_group(cand, "month") or "") or 0


def phrase(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    found = table.phrase(ctx.document.text[cand.start : cand.end])
    if found is None:
        return None
    if found.anchor == "previous":
        if prev is None:
            return None  # nothing mentioned before: no anchor, so no date
        return timex.shift(prev.start, found.rule, found.offset, "previous")
    if found.rule == "to_date":
        return timex.to_date(ctx.document.date, found.unit or "month")
    return timex.shift(ctx.document.date, found.rule, found.offset, "document")


def weekday(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    which = (_group(cand, "which") or "").casefold() or None
    which = {"past": "last", "coming": "next"}.get(which or "", which)
    return timex.weekday(
        _group(cand, "weekday") or "", which, ctx.document.date, _future(ctx, table, cand)
    )


def ago(ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None) -> Resolved | None:
    direction = _group(cand, "dir") or "ago"
    if direction.casefold() == "ago":
        base = timex.day(ctx.document.date, "document")
    elif prev is not None:
        base = timex.with_anchor(prev, "previous")
    else:
        return None
    counts = table.relative_counts
    n = timex.count(_group(cand, "count") or "1", counts.numbers)
    if n is None:
        return None
    forward = direction.casefold() in counts.forward
    return timex.ago(n, _group(cand, "unit") or "day", forward, base)


def decade(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    return timex.decade(_number(cand, "decade"))


def month_day(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    year = _group(cand, "year")
    return timex.month_day(
        _month(cand),
        _number(cand, "day"),
        int(year) if year else None,
        ctx.document.date,
        _future(ctx, table, cand),
    )


def ordinal_day(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    """ "on the 20th", "the 17th of May": a day by its ordinal, in the month written or, with
    none, the one the date mentioned before leads to (`timex.day_of_month`)."""
    if _group(cand, "month"):
        return month_day(ctx, table, cand, prev)
    after = prev.start if prev is not None and prev.precision == "day" else None
    future = _future(ctx, table, cand)
    return timex.day_of_month(_number(cand, "day"), after, ctx.document.date, future)


def month_year(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    return timex.month(_number(cand, "year"), _month(cand), "absolute")


def month_rel_year(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    offset = {"last": -1, "this": 0, "next": 1}[(_group(cand, "rel") or "this").casefold()]
    return timex.month(ctx.document.date.year + offset, _month(cand), "document")


def bare_month(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    return timex.bare_month(
        _group(cand, "month") or "", ctx.document.date, _future(ctx, table, cand)
    )


def year(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    return timex.year(_number(cand, "year"), "absolute")


def holiday(
    ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None
) -> Resolved | None:
    found = table.holiday(ctx.document.text[cand.start : cand.end])
    if found is None:
        return None
    return timex.month_day(
        found.month, found.day, None, ctx.document.date, _future(ctx, table, cand)
    )


def iso(ctx: Context, table: DatesTable, cand: Candidate, prev: Resolved | None) -> Resolved | None:
    """ "2019-03-23". An impossible one ("2019-00-10", "2019-02-30") is most likely a typo in
    the day or month: it gets no date rather than a guessed one."""
    return timex.month_day(
        _number(cand, "month"),
        _number(cand, "day"),
        _number(cand, "year"),
        ctx.document.date,
        False,
    )


RULES: dict[str, Rule] = {
    "phrase": phrase,
    "weekday": weekday,
    "ago": ago,
    "decade": decade,
    "month_day": month_day,
    "day_month": month_day,
    "month_year": month_year,
    "ordinal_day": ordinal_day,
    "month_rel_year": month_rel_year,
    "in_month": bare_month,
    "named_month": bare_month,
    "in_year": year,
    "bare_year": year,
    "iso": iso,
    "holiday": holiday,
}
