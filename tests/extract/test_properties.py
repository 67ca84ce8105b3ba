"""Property tests: no text the model accepts, on no date the model accepts, makes extraction
raise, and what it returns holds together.

- Calendar arithmetic (`timex`) on any parts and any date of the calendar: None or an
  ordered range, never an exception.
- The dates step on date-like phrases composed from numbers, month and weekday names,
  relative words and separators, with document dates anywhere in the calendar (the model
  allows 1000-01-01..8999-12-31; the step is also called directly with any date).
- `analyze()` on arbitrary short texts and on compositions of news-like fragments, numbers,
  punctuation, unicode, very long tokens and runs of newlines: a valid Analysis whose
  offsets point into the text.

Bounded under the "default" profile; `HYPOTHESIS_PROFILE=fuzz` runs many more examples.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from wirewatch.analyze import Resources, analyze
from wirewatch.extract import timex
from wirewatch.extract.context import Context
from wirewatch.model import Analysis, Document, Evidence, Span
from wirewatch.model.limits import DATE_MAX, DATE_MIN

pytestmark = pytest.mark.property

FIRST, LAST = dt.date.min, dt.date.max

# Document dates: the model's range, its ends, and (for direct calls) the calendar's ends.
allowed_dates = st.one_of(
    st.dates(DATE_MIN, DATE_MAX),
    st.sampled_from([DATE_MIN, DATE_MAX]),
    st.integers(0, 10).map(lambda k: DATE_MIN + dt.timedelta(days=k)),
    st.integers(0, 10).map(lambda k: DATE_MAX - dt.timedelta(days=k)),
)
any_dates = st.one_of(
    allowed_dates,
    st.dates(),
    st.integers(0, 10).map(lambda k: FIRST + dt.timedelta(days=k)),
    st.integers(0, 10).map(lambda k: LAST - dt.timedelta(days=k)),
)

MONTH_WORDS = [*sorted(timex.MONTHS), "Sept.", "Feb.", "MARCH", "Smarch"]
WEEKDAY_WORDS = [*timex.WEEKDAYS, "Mondays", "TUESDAY", "Funday"]
RELATIVE_WORDS = [
    "last",
    "next",
    "this",
    "coming",
    "past",
    "previous",
    "following",
    "same",
    "that",
    "the",
    "a",
    "an",
    "one",
    "twelve",
    "few",
    "several",
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "since",
    "in",
    "on",
    "by",
    "until",
    "during",
    "early",
    "late",
    "mid-",
    "every",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "the year",
    "the 1990s",
    "the day before",
    "the next day",
    "earlier this week",
    "Christmas Day",
    "New Year's Eve",
    "st",
    "th",
]
SEPARATORS = [" ", "-", "/", ".", ",", ", ", "–", "  ", "\n", ""]


def _number_text(n: int) -> st.SearchStrategy[str]:
    return st.sampled_from([str(n), f"{n:02d}", f"{n:,}", f"{n}th", f"{n:04d}"])


numbers = st.one_of(st.integers(0, 40), st.integers(0, 10_000), st.integers(0, 10**13)).flatmap(
    _number_text
)
words = st.one_of(
    numbers,
    st.sampled_from(MONTH_WORDS),
    st.sampled_from(WEEKDAY_WORDS),
    st.sampled_from(RELATIVE_WORDS),
)


@st.composite
def numeric_dates(draw: st.DrawFn) -> str:
    """Numeric dates, possible or not: "2019-00-10", "31/02/2019", "9999-12-31"."""
    year = draw(st.integers(0, 12_000))
    month, day = draw(st.integers(0, 99)), draw(st.integers(0, 99))
    form = draw(
        st.sampled_from(
            [
                "{y:04d}-{m:02d}-{d:02d}",
                "{d}/{m}/{y}",
                "{m}/{d}/{y}",
                "{d}.{m}.{y}",
                "{y}/{m:02d}/{d:02d}",
            ]
        )
    )
    return form.format(y=year, m=month, d=day)


@st.composite
def written_dates(draw: st.DrawFn) -> str:
    """Month-day-year and relative forms built from valid and invalid parts."""
    month = draw(st.sampled_from(MONTH_WORDS))
    day, year = draw(st.integers(0, 40)), draw(st.integers(0, 12_000))
    count = draw(numbers)
    unit = draw(
        st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"])
    )
    return draw(
        st.sampled_from(
            [
                f"{month} {day}, {year}",
                f"{day} {month} {year}",
                f"{month} {day}",
                f"in {month}",
                f"{month} {year}",
                f"in {year}",
                f"{count} {unit} ago",
                f"{count} {unit} later",
                f"in {count} {unit}",
                f"{month} next year",
                f"{month} last year",
                f"the year {year}",
                f"since {month} {year}",
            ]
        )
    )


composed = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), min_size=1, max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts)
)
date_phrases = st.one_of(numeric_dates(), written_dates(), composed)


def _check_span(text: str, span: Span | Evidence) -> None:
    assert 0 <= span.start <= span.end <= len(text), span


def _check_time(start: dt.date, end: dt.date) -> None:
    assert FIRST <= start <= end <= LAST, (start, end)


def _dates_of(resources: Resources, text: str, date: dt.date) -> Context:
    """The steps up to and including `dates`, on a document with any date of the calendar
    (built without the model's range check, as a direct caller could)."""
    document = Document.model_construct(
        id="doc", date=date, text=text, outlet=None, url=None, title=None, lang="en"
    )
    ctx = Context(document=document, doc=resources.nlp(text), kb=resources.kb, gazetteer=None)
    for name, step in resources.steps:
        step(ctx)
        if name == "dates":
            break
    return ctx


@given(
    base=any_dates,
    unit=st.sampled_from(["day", "week", "month", "year"]),
    offset=st.integers(-(10**7), 10**7),
)
def test_shift_stays_in_the_calendar(base: dt.date, unit: str, offset: int) -> None:
    found = timex.shift(base, unit, offset, "document")
    if found is not None:
        _check_time(found.start, found.end)
    if unit == "day":
        assert (found is None) == (timex.plus_days(base, offset) is None)


@given(
    year=st.integers(-100, 12_000),
    month=st.integers(-2, 14),
    day=st.integers(-2, 40),
    document=any_dates,
    future=st.booleans(),
    with_year=st.booleans(),
)
@example(year=2019, month=0, day=10, document=dt.date(2019, 3, 25), future=False, with_year=True)
@example(year=2019, month=2, day=30, document=dt.date(2019, 3, 25), future=False, with_year=True)
def test_month_day_is_a_day_or_nothing(
    year: int, month: int, day: int, document: dt.date, future: bool, with_year: bool
) -> None:
    found = timex.month_day(month, day, year if with_year else None, document, future)
    if found is not None:
        assert found.start == found.end
        assert (found.start.month, found.start.day) == (month, day)
        _check_time(found.start, found.end)


@given(date=any_dates, days=st.integers(-(10**7), 10**7))
def test_clamp_days_is_plus_days_cut_at_the_ends(date: dt.date, days: int) -> None:
    moved = timex.plus_days(date, days)
    clamped = timex.clamp_days(date, days)
    if moved is not None:
        assert clamped == moved == date + dt.timedelta(days=days)
    else:
        assert clamped == (FIRST if days < 0 else LAST)


@given(
    phrase=date_phrases,
    date=any_dates,
    lead=st.sampled_from(["", "Talks began on March 3. ", "Troops left yesterday. "]),
)
@example(phrase="2019-00-10", date=dt.date(2019, 3, 25), lead="")
@example(phrase="10,000 years ago", date=DATE_MIN, lead="")
@example(phrase="the next day", date=LAST, lead="Troops left yesterday. ")
def test_dates_step_never_raises_and_ranges_are_ordered(
    resources: Resources, phrase: str, date: dt.date, lead: str
) -> None:
    text = f"{lead}The convoy moved {phrase} and stopped."
    for found in _dates_of(resources, text, date).dates:
        _check_time(found.start, found.end)
        _check_span(text, found.span)
        assert text[found.span.start : found.span.end] == found.text


# Real news-like fragments, so that the later steps (actors, places, events, movements)
# get something to work on, not only noise.
FRAGMENTS = [
    "Russian jets struck Idlib on Monday, the defence ministry said.",
    "Turkey accused Greece of violating its airspace last week.",
    "An An-124 (RA-82038) flew from Khmeimim to Benina the next day.",
    "The Pentagon said 300 troops would deploy to Poland next month.",
    "NATO denied the claim.",
    "Protesters gathered in Kyiv yesterday.",
    "Iran's foreign minister met his Chinese counterpart in Beijing on March 3, 2019.",
    '"We will respond," said the spokesman.',
    "Two Su-35 fighters landed at Hmeimim.",
    "The strike killed 12 people, officials said.",
    "Ukraine requested air defence aid.",
    "Israel and Hamas agreed to a ceasefire on 2019-00-10.",
    "Since 31/02/2019, nothing.",
    "— (Reuters) —",
    "Mr. Smith, 45, was arrested.",
    "U.S. Navy ship USS Cole sailed.",
]
ODD = [
    "",
    " ",
    "\n",
    "\n\n\n\n\n\n",
    "\t",
    ".",
    ",",
    "—",
    "(",
    ")",
    '"',
    "'",
    "!?",
    "...",
    "é",
    "日本語",
    "العربية",
    "🙂",
    "\u200b",
    "\ufeff",
    "\u2028",
    "x" * 3000,
    "Zz" * 700,
    "9" * 5000,
    "A-" * 400,
    "https://example.org/a?b=c",
]
storable_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=300,
)
pieces = st.one_of(
    st.sampled_from(FRAGMENTS), st.sampled_from(ODD), numbers, words, date_phrases, storable_text
)
news_like = st.lists(pieces, min_size=1, max_size=10).flatmap(
    lambda parts: st.sampled_from([" ", "", "\n", ". "]).map(lambda sep: sep.join(parts))
)
texts = st.one_of(storable_text, news_like).filter(lambda t: bool(t.strip()))


def _check_analysis(analysis: Analysis, text: str) -> None:
    assert analysis.document.text == text
    for sentence in analysis.sentences:
        _check_span(text, sentence)
    evidence = [
        e
        for item in (*analysis.events, *analysis.movements, *analysis.claims)
        for e in item.evidence
    ]
    for ev in evidence:
        _check_span(text, ev)
    for place in analysis.places:
        for mention in place.mentions:
            _check_span(text, mention)
    for found in analysis.dates:
        _check_span(text, found.span)
        _check_time(found.start, found.end)
    whens = (
        [e.when for e in analysis.events]
        + [c.when for c in analysis.claims]
        + [w for m in analysis.movements for w in (m.depart, m.arrive)]
    )
    for when in whens:
        if when is not None:
            _check_time(when.start, when.end)
    ids = {p.id for p in analysis.places}
    assert {e.place for e in analysis.events if e.place} <= ids
    assert {p for m in analysis.movements for p in (m.origin, m.destination, *m.via) if p} <= ids
    # What the store writes and reads back: a valid Analysis, unchanged by the round trip.
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis


@given(text=texts, date=allowed_dates)
@example(text="It happened on 2019-00-10.", date=dt.date(2019, 3, 25))
@example(
    text="Troops left yesterday. The next day they came back. 10,000 years ago.", date=DATE_MIN
)
@example(text="Talks will resume next week, in 50 years and in the year 9999.", date=DATE_MAX)
def test_analyze_never_raises_and_returns_a_valid_analysis(
    resources: Resources, text: str, date: dt.date
) -> None:
    analysis = analyze(Document(date=date, text=text), resources)
    _check_analysis(analysis, text)
