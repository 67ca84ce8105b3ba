"""Temporal expressions: each convention of spec §3 ("Dates"), on tiny texts and the seed.

The document date is Monday 2019-03-25 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

SEED_GOLD = Path(__file__).resolve().parents[1] / "gold" / "00-seed-an124-venezuela.json"
D = dt.date.fromisoformat


@pytest.fixture
def dates(context_for):
    def run(text: str, date: str = "2019-03-25"):
        return context_for(text, date, upto="dates").dates

    return run


def only(found, text):
    hits = [d for d in found if d.text == text]
    assert len(hits) == 1, [(d.text, d.start, d.end) for d in found]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "precision", "anchor"),
    [
        (
            "The plane landed on Mar. 23, 2019.",
            "Mar. 23, 2019",
            "2019-03-23",
            "2019-03-23",
            "day",
            "absolute",
        ),
        (
            "The ceremony took place in May 2017.",
            "May 2017",
            "2017-05-01",
            "2017-05-31",
            "month",
            "absolute",
        ),
        ("A launcher on parade in 2014.", "2014", "2014-01-01", "2014-12-31", "year", "absolute"),
        ("The talks ended yesterday.", "yesterday", "2019-03-24", "2019-03-24", "day", "document"),
        ("Troops arrived last week.", "last week", "2019-03-18", "2019-03-24", "range", "document"),
        (
            "Sanctions were imposed last month.",
            "last month",
            "2019-02-01",
            "2019-02-28",
            "month",
            "document",
        ),
        (
            "The base was expanded last year.",
            "last year",
            "2018-01-01",
            "2018-12-31",
            "year",
            "document",
        ),
        (
            "Exercises are held this year.",
            "this year",
            "2019-01-01",
            "2019-12-31",
            "year",
            "document",
        ),
        (
            "Flights resumed earlier this month.",
            "earlier this month",
            "2019-03-01",
            "2019-03-25",
            "range",
            "document",
        ),
        (
            "The ship has been in port since January.",
            "since January",
            "2019-01-01",
            "2019-03-25",
            "range",
            "document",
        ),
        (
            "Activity has grown since February 2019.",
            "since February 2019",
            "2019-02-01",
            "2019-03-25",
            "range",
            "document",
        ),
        ("The convoy left in April.", "April", "2018-04-01", "2018-04-30", "month", "document"),
        ("The convoy left in March.", "March", "2019-03-01", "2019-03-31", "month", "document"),
        ("The ship sailed on Tuesday.", "Tuesday", "2019-03-19", "2019-03-19", "day", "document"),
        ("The envoy arrived on Monday.", "Monday", "2019-03-25", "2019-03-25", "day", "document"),
        (
            "The vote is planned for Thursday.",
            "Thursday",
            "2019-03-28",
            "2019-03-28",
            "day",
            "document",
        ),
        (
            "The minister will visit Ankara on Monday.",
            "Monday",
            "2019-04-01",
            "2019-04-01",
            "day",
            "document",
        ),
        (
            "The strike happened three days ago.",
            "three days ago",
            "2019-03-22",
            "2019-03-22",
            "day",
            "document",
        ),
        ("Drills are due next week.", "next week", "2019-04-01", "2019-04-07", "range", "document"),
        (
            "He was arrested in March last year.",
            "March last year",
            "2018-03-01",
            "2018-03-31",
            "month",
            "document",
        ),
        (
            "The anchor cut the cable on Christmas Day.",
            "Christmas Day",
            "2018-12-25",
            "2018-12-25",
            "day",
            "document",
        ),
        (
            "Built in the 1990s, the base is old.",
            "the 1990s",
            "1990-01-01",
            "1999-12-31",
            "range",
            "absolute",
        ),
    ],
)
def test_rule(dates, text, phrase, start, end, precision, anchor):
    found = only(dates(text), phrase)
    assert (found.start, found.end) == (D(start), D(end))
    assert (found.precision, found.anchor) == (precision, anchor)
    assert text[found.span.start : found.span.end] == phrase


def test_core_phrase_leaves_out_the_weekday_time(dates):
    found = dates("Shelling resumed on Tuesday night.")
    assert [(d.text, d.start) for d in found] == [("Tuesday", D("2019-03-19"))]


@pytest.mark.parametrize(
    ("text", "first", "second", "start", "end"),
    [
        (
            "The plane left on Mar. 25, 2019. The day before, crews loaded it.",
            "Mar. 25, 2019",
            "The day before",
            "2019-03-24",
            "2019-03-24",
        ),
        (
            "Talks began on March 4, 2019. The following day they broke down.",
            "March 4, 2019",
            "The following day",
            "2019-03-05",
            "2019-03-05",
        ),
        (
            "Rebels attacked on Mar. 2, 2019. Troops replied the same day.",
            "Mar. 2, 2019",
            "the same day",
            "2019-03-02",
            "2019-03-02",
        ),
        (
            "In January 2019, mercenaries arrived. That same month, the leader resigned.",
            "January 2019",
            "That same month",
            "2019-01-01",
            "2019-01-31",
        ),
    ],
)
def test_relative_to_the_date_mentioned_before(dates, text, first, second, start, end):
    found = dates(text)
    assert [d.text for d in found] == [first, second]
    assert (found[1].start, found[1].end, found[1].anchor) == (D(start), D(end), "previous")


@pytest.mark.parametrize(
    ("text", "phrase", "start"),
    [
        # No date before: the latest such day on or before the document date (25 March).
        ("The convoy reached Kursk on the 20th.", "the 20th", "2019-03-20"),
        ("The convoy reached Kursk on the 28th.", "the 28th", "2019-02-28"),
        # After a date: the first such day on or after it.
        ("The ship left on 27 February and arrived on the 3rd.", "the 3rd", "2019-03-03"),
        ("By the 16th, the column had reached Ivalo.", "the 16th", "2019-03-16"),
        # The month written after it.
        ("The tug sailed on the 17th of January.", "the 17th of January", "2019-01-17"),
    ],
)
def test_a_day_by_its_ordinal(dates, text, phrase, start):
    found = only(dates(text), phrase)
    assert (found.start, found.end, found.precision) == (D(start), D(start), "day")


@pytest.mark.parametrize(
    "text",
    [
        "It was the 20th century's worst flood.",
        "The 20th Armored Brigade moved on the road.",
        "Since the 17th package of sanctions, trade fell.",
    ],
)
def test_an_ordinal_before_a_noun_is_no_day(dates, text):
    assert dates(text) == []


def test_previous_anchor_without_a_previous_date_gives_nothing(dates):
    assert dates("The day before, crews loaded it.") == []


@pytest.mark.parametrize(
    "text",
    [
        "For two months now, Maduro has been locked in a crisis.",
        "The ship stayed for two weeks.",
        "The ceasefire lasted 72 hours.",
        "Russia has backed Assad in recent years.",
        "A decision is expected within weeks.",
        "Patrols go out every Monday.",
        "The briefing started at 3 p.m. local time.",
        "Officials said a 17th package is being prepared.",
        "Ankara was offered a 50-year lease of the coast.",
        "The launch came a day after Kim threatened to respond.",
        "The flight was logged by Air Transport Wing 62 and tracking data.",
        "A transport aircraft, serial 54+08, took off from Wunstorf.",
        "The tanker departed at 2140Z, squawking 7700.",
        "It took off from Wunstorf at 0630 local.",
        "The transport landed at Niamey at 1520, the ministry said.",
        "By 2015 hrs the convoy had reached the border.",
        "The second aircraft touched down at 2010 GMT.",
    ],
)
def test_not_dates(dates, text):
    assert dates(text) == []


def test_a_year_that_could_be_a_time_is_still_a_year(dates):
    found = dates("The 2010 elections were disputed; in 1999 the border was drawn.")
    assert [(d.text, d.precision) for d in found] == [("2010", "year"), ("1999", "year")]


def test_a_unit_number_does_not_anchor_the_following_day(dates):
    found = dates(
        "The jet left on Oct. 16, said Wing 62. It returned the following day.", date="2026-10-18"
    )
    assert [d.text for d in found] == ["Oct. 16", "the following day"]
    assert found[1].start == D("2026-10-17")


def test_document_date_changes_the_resolution(dates):
    found = only(dates("The convoy left in April.", date="2019-05-02"), "April")
    assert (found.start, found.end) == (D("2019-04-01"), D("2019-04-30"))


def test_seed_gold_dates_all_found_and_resolved(dates):
    gold = json.loads(SEED_GOLD.read_text("utf-8"))
    text = gold["document"]["text"]
    found = dates(text, gold["document"]["date"])
    for item in gold["expect"]["dates"]:
        at = text.index(item["text"])
        hits = [d for d in found if d.span.start < at + len(item["text"]) and at < d.span.end]
        assert hits, f"{item['text']!r} not found"
        assert (hits[0].start, hits[0].end) == (D(item["start"]), D(item["end"])), item
    assert not any(d.text in ("two months", "recent years") for d in found)


def test_day_after_a_date_still_counts(dates):
    found = dates("Troops crossed on Mar. 2, 2019. A day later, they withdrew.")
    assert [(d.text, d.start) for d in found] == [
        ("Mar. 2, 2019", D("2019-03-02")),
        ("A day later", D("2019-03-03")),
    ]


@pytest.mark.parametrize(
    ("which", "future", "expected"),
    [
        (None, False, "2019-03-25"),  # the document day itself is "on or before"
        ("last", False, "2019-03-18"),  # "last Monday" said on a Monday: a week back
        ("next", False, "2019-04-01"),
        (None, True, "2019-04-01"),  # future context: strictly after the document date
    ],
)
def test_weekday_arithmetic(which, future, expected):
    from wirewatch.extract import timex

    assert timex.weekday("Monday", which, D("2019-03-25"), future).start == D(expected)


def test_leap_day_without_a_year_is_skipped_when_it_cannot_exist():
    from wirewatch.extract import timex

    assert timex.month_day(2, 29, None, D("2019-03-25"), False) is None
    assert timex.month_day(2, 29, None, D("2020-03-25"), False).start == D("2020-02-29")


# An impossible calendar date gets no date at all, not a coarser one: a typo in the day or
# month says nothing reliable about which day was meant, and a year alone from it would
# look like a finding.
@pytest.mark.parametrize(
    "phrase",
    [
        "2019-00-10",
        "2019-13-10",
        "2019-19-10",
        "2019-02-30",
        "2019-01-00",
        "2019-04-31",
        "31/02/2019",
        "02/31/2019",
        "February 30, 2019",
        "30 February 2019",
        "Feb. 30",
        "0 March 2019",
    ],
)
def test_an_impossible_date_gets_no_date(dates, phrase):
    text = f"The convoy left on {phrase}, officials said."
    at = text.index(phrase)
    assert [
        d.text for d in dates(text) if d.span.start < at + len(phrase) and at < d.span.end
    ] == []


def test_a_possible_iso_date_still_resolves(dates):
    found = only(dates("The convoy left on 2019-02-28, officials said."), "2019-02-28")
    assert (found.start, found.end, found.anchor) == (D("2019-02-28"), D("2019-02-28"), "absolute")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The fort fell 10,000 years ago.", "10,000 years ago"),  # not "000 years ago"
        ("The fort fell 1,000,000,000,000 days ago.", "000 days ago"),
        ("The fort fell " + "9" * 5000 + " days ago.", "days ago"),  # no number Python refuses
    ],
)
def test_counts_out_of_the_calendar_give_no_date(dates, text, phrase):
    assert [d.text for d in dates(text, date="1000-01-01") if phrase in d.text] == []


# Documents dated at the model's limits (1000-01-01, 8999-12-31): relative dates resolve
# across the year 1000 or 9000 boundary as anywhere else.
@pytest.mark.parametrize(
    ("date", "text", "expected"),
    [
        (
            "1000-01-01",
            "Troops arrived yesterday. The next day they left.",
            [
                ("yesterday", "0999-12-31", "0999-12-31"),
                ("The next day", "1000-01-01", "1000-01-01"),
            ],
        ),
        (
            "1000-01-01",
            "Sanctions were imposed last month.",
            [("last month", "0999-12-01", "0999-12-31")],
        ),
        ("1000-01-01", "Troops left last week.", [("last week", "0999-12-23", "0999-12-29")]),
        ("1000-01-01", "The envoy arrived on Monday.", [("Monday", "0999-12-30", "0999-12-30")]),
        ("1000-01-01", "The fort fell 9000 years ago.", []),
        (
            "8999-12-31",
            "Sanctions will end next year.",
            [("next year", "9000-01-01", "9000-12-31")],
        ),
        (
            "8999-12-31",
            "The envoy will arrive on Monday.",
            [("Monday", "9000-01-06", "9000-01-06")],
        ),
        (
            "8999-12-31",
            "In the year 9999 the treaty ends.",
            [("the year 9999", "9999-01-01", "9999-12-31")],
        ),
        (
            "8999-12-31",
            "It fell two days ago. Three years later it was rebuilt.",
            [
                ("two days ago", "8999-12-29", "8999-12-29"),
                ("Three years later", "9002-01-01", "9002-12-31"),
            ],
        ),
    ],
)
def test_relative_dates_at_the_documents_limits(dates, date, text, expected):
    assert [(d.text, d.start.isoformat(), d.end.isoformat()) for d in dates(text, date)] == expected


@pytest.fixture
def dates_on_any_day(resources):
    """The steps up to `dates` on a document of any calendar date: what a caller that
    builds its document without the model's range check gets."""
    from wirewatch.extract.context import Context
    from wirewatch.model import Document

    def run(text: str, date: dt.date):
        document = Document.model_construct(
            id="doc", date=date, text=text, outlet=None, url=None, title=None, lang="en"
        )
        ctx = Context(document=document, doc=resources.nlp(text), kb=resources.kb, gazetteer=None)
        for name, step in resources.steps:
            step(ctx)
            if name == "dates":
                break
        return [(d.text, d.start.isoformat(), d.end.isoformat()) for d in ctx.dates]

    return run


# At the calendar's own ends, a date that would leave it is dropped, and so is a range with
# an end outside it ("next week" on 9999-12-31); what stays inside resolves as usual.
@pytest.mark.parametrize(
    ("date", "text", "expected"),
    [
        (dt.date.min, "Troops arrived yesterday. The next day they left.", []),
        (dt.date.min, "Troops will leave tomorrow.", [("tomorrow", "0001-01-02", "0001-01-02")]),
        (dt.date.min, "Sanctions were imposed last month.", []),
        (dt.date.min, "Sanctions were imposed in March last year.", []),
        (dt.date.min, "Troops left last week.", []),
        (dt.date.min, "The envoy arrived last Sunday.", []),
        (dt.date.min, "The fort fell a year ago.", []),
        (dt.date.min, "The envoy arrived on Monday.", [("Monday", "0001-01-01", "0001-01-01")]),
        (
            dt.date.max,
            "Troops arrived yesterday. The next day they left.",
            [
                ("yesterday", "9999-12-30", "9999-12-30"),
                ("The next day", "9999-12-31", "9999-12-31"),
            ],
        ),
        (dt.date.max, "Troops will leave tomorrow.", []),
        (dt.date.max, "Sanctions will end next year.", []),
        (dt.date.max, "Talks resume next month.", []),
        (dt.date.max, "Drills are held this week.", []),
        (dt.date.max, "Flights resumed earlier this week.", []),
        (dt.date.max, "The envoy will arrive on Monday.", []),
        (dt.date.max, "The vote is planned for Christmas Day.", []),
        (dt.date.max, "Troops left last week.", [("last week", "9999-12-20", "9999-12-26")]),
    ],
)
def test_dates_that_leave_the_calendar_are_dropped(dates_on_any_day, date, text, expected):
    assert dates_on_any_day(text, date) == expected


def test_calendar_helpers():
    from wirewatch.extract import timex

    assert timex.calendar_date(2019, 0, 10) is None
    assert timex.calendar_date(2019, 13, 10) is None
    assert timex.calendar_date(2019, 2, 29) is None
    assert timex.calendar_date(0, 1, 1) is None and timex.calendar_date(10_000, 1, 1) is None
    assert timex.calendar_date(2020, 2, 29) == D("2020-02-29")
    assert timex.plus_days(dt.date.max, 1) is None and timex.plus_days(dt.date.min, -1) is None
    assert timex.plus_days(D("2019-03-25"), -365) == D("2018-03-25")
    assert timex.clamp_days(dt.date.max, 7) == dt.date.max
    assert timex.clamp_days(dt.date.min, -7) == dt.date.min
    assert timex.clamp_days(D("2019-03-25"), 7) == D("2019-04-01")
    assert timex.shift(dt.date.max, "week", 0, "document") is None  # ends on 10000-01-02
    assert timex.year(10_000, "absolute") is None and timex.month(0, 12, "document") is None


def test_merging_events_on_the_calendars_first_day():
    from wirewatch.extract._merge import dates_compatible
    from wirewatch.model import When

    first = When(start=dt.date.min, end=dt.date.min, precision="day")
    last = When(start=dt.date.max, end=dt.date.max, precision="day")
    assert dates_compatible(first, first) and dates_compatible(last, last)
    assert not dates_compatible(first, last)
