"""Temporal expressions (`ctx.dates`), resolved to a date range per the spec's conventions.

Candidates come from the NER's DATE spans and from the lexicon's patterns and fixed phrases
(`kb/data/dates.yaml`), longest first. Each is resolved against the document date or, for
"the day before" and the like, the date mentioned just before it; durations, vague and
recurring expressions are dropped. dateparser's `DateDataParser` reads the absolute forms
the patterns do not cover (never `search_dates`: it reads "S-300 and S-400" as a date).
"""

from __future__ import annotations

import datetime as dt
import re

from dateparser.date import DateDataParser

from wirewatch.extract import timex
from wirewatch.extract.context import Context
from wirewatch.extract.date_rules import RULES, Candidate
from wirewatch.extract.registry import step
from wirewatch.extract.tense import is_future
from wirewatch.extract.timex import Resolved
from wirewatch.kb.tables.dates import Table as DatesTable
from wirewatch.model import Span, TimeExpr
from wirewatch.model.vocab import Anchor

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


@step("dates")
def find_dates(ctx: Context) -> None:
    table = ctx.kb.dates
    previous: Resolved | None = None
    for cand in _select(_candidates(ctx, table)):
        found = _resolve(ctx, table, cand, previous)
        if found is None:
            continue
        cand, resolved = found
        start = _since_start(ctx.document.text, cand.start)
        if start is not None:
            since = timex.since(resolved, ctx.document.date)
            if since is None:
                continue
            cand, resolved = Candidate(start, cand.end, cand.kind, cand.match), since
        ctx.dates.append(
            TimeExpr(
                text=ctx.document.text[cand.start : cand.end],
                span=Span(start=cand.start, end=cand.end),
                start=resolved.start,
                end=resolved.end,
                precision=resolved.precision,
                anchor=resolved.anchor,
            )
        )
        # "under a 2018 agreement ... a day later": a year or month is no anchor for the
        # next relative date while a day was mentioned before it.
        if resolved.precision == "day" or previous is None or previous.precision != "day":
            previous = resolved


def _candidates(ctx: Context, table: DatesTable) -> list[Candidate]:
    text = ctx.document.text
    found = [
        Candidate(m.start(), m.end(), "phrase", m) for m in table.phrase_regex().finditer(text)
    ]
    if table.holidays:
        found += [
            Candidate(m.start(), m.end(), "holiday", m)
            for m in table.holiday_regex().finditer(text)
        ]
    for name, regex in table.compiled("text"):
        found += [Candidate(*_core(m), name, m) for m in regex.finditer(text)]
    found += [Candidate(e.start_char, e.end_char, "entity") for e in ctx.ents if e.label_ == "DATE"]
    return found


def _core(match: re.Match[str]) -> tuple[int, int]:
    """The span without a leading preposition ("in 2014" -> "2014"): the spec's core phrase."""
    starts = [match.start(g) for g, v in match.groupdict().items() if v is not None]
    return (min(starts) if starts else match.start()), match.end()


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first; on equal length a rule beats the NER."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.kind == "entity", c.start))
    chosen: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _resolve(
    ctx: Context, table: DatesTable, cand: Candidate, previous: Resolved | None
) -> tuple[Candidate, Resolved] | None:
    text = ctx.document.text[cand.start : cand.end]
    if cand.kind == "entity":
        phrase = table.phrase(text)
        if phrase is None:
            if table.is_not_date(text):
                return None
            inner = _inner_match(table, text)
            if inner is None:
                parsed = _dateparser(ctx, text, cand)
                return (cand, parsed) if parsed else None
            name, match = inner
            cand = Candidate(cand.start + match.start(), cand.start + match.end(), name, match)
        else:
            cand = Candidate(cand.start, cand.end, "phrase", None)
    if (
        _after_duration_word(ctx.document.text, cand.start, table)
        or _event_relative(ctx, cand, table)
        or _clock_time(ctx.document.text, cand, table)
    ):
        return None
    resolved = _by_rule(ctx, table, cand, previous)
    return (cand, resolved) if resolved else None


def _inner_match(table: DatesTable, text: str) -> tuple[str, re.Match[str]] | None:
    for name, regex in table.compiled("entity"):
        match = regex.search(text)
        if match:
            return name, match
    return None


def _after_duration_word(text: str, start: int, table: DatesTable) -> bool:
    """ "for two weeks", "every Monday": the word before makes it a duration or a set."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return before is not None and before.group(1).casefold() in table.not_after


def _clock_time(text: str, cand: Candidate, table: DatesTable) -> bool:
    """ "at 2015 hrs": a four-digit number before a clock unit is a time of day."""
    number = text[cand.start : cand.end].split()[-1]
    return len(number) == 4 and number.isdigit() and table.before_clock_unit(text[cand.end :][:12])


def _event_relative(ctx: Context, cand: Candidate, table: DatesTable) -> bool:
    """ "a day after Kim threatened", "the day before the vote": measured from an event the
    text names, which we do not date, rather than from the previous date."""
    if not re.search(r"(?i)\b(?:before|after)$", ctx.document.text[cand.start : cand.end]):
        return False
    span = ctx.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.end >= len(ctx.doc):
        return False
    return ctx.doc[span.end].pos_ in table.event_relative_pos


def _since_start(text: str, start: int) -> int | None:
    before = _WORD_BEFORE.search(text[max(0, start - 12) : start])
    if before and before.group(1).casefold() == "since":
        return start - (len(text[max(0, start - 12) : start]) - before.start())
    return None


def _by_rule(
    ctx: Context, table: DatesTable, cand: Candidate, previous: Resolved | None
) -> Resolved | None:
    return RULES[cand.kind](ctx, table, cand, previous)


def _dateparser(ctx: Context, text: str, cand: Candidate) -> Resolved | None:
    """Absolute forms no pattern covers; month and year periods become ranges."""
    future = is_future(ctx.doc, cand.start, cand.end, ctx.kb.dates.future)
    base = dt.datetime.combine(ctx.document.date, dt.time())
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": [],
        },
    )
    try:
        data = parser.get_date_data(text)
    except OverflowError:
        # dateparser's own arithmetic ("Monday" from a base in the calendar's first or last
        # week) can leave the calendar; everything it returns is checked below.
        return None
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    when = data.date_obj.date()
    anchor: Anchor = "absolute" if _YEAR.search(text) else "document"
    if data.period == "year":
        return timex.year(when.year, anchor)
    if data.period == "month":
        return timex.month(when.year, when.month, anchor)
    return timex.day(when, anchor)
