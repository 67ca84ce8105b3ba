from __future__ import annotations

from tests.eval.builders import analysis, date, gold
from wirewatch.eval import score

TEXT = "On Tuesday night troops left. By Friday they were back. on tuesday again."


def _gold(exhaustive: bool = False):
    return gold(
        TEXT,
        {
            "dates": [
                {"text": "Tuesday", "start": "2019-03-19", "end": "2019-03-19"},
                {"text": "Friday", "start": "2019-03-22", "end": "2019-03-22"},
            ]
        },
        {"dates": exhaustive},
    )


def test_overlapping_span_is_found_and_correct_when_start_and_end_equal():
    preds = [
        date(TEXT, "Tuesday night", "2019-03-19"),  # longer than gold's core phrase: overlaps
        date(TEXT, "Friday", "2019-03-21"),  # found but resolved a day off
    ]
    report = score([(_gold(), analysis(TEXT, dates=preds))])
    assert report.dates.tp == 2 and report.figure("dates.recall") == 1.0
    assert report.dates.resolved == 1 and report.figure("dates.accuracy") == 0.5
    assert report.dates.precision is None  # not exhaustive


def test_a_span_elsewhere_is_not_found():
    # "On " ends where "Tuesday" starts: touching is not overlapping.
    preds = [date(TEXT, "troops", "2019-03-19"), date(TEXT, "On ", "2019-03-19")]
    report = score([(_gold(), analysis(TEXT, dates=preds))])
    assert report.dates.tp == 0 and report.figure("dates.accuracy") == 0.0


def test_any_unclaimed_occurrence_counts_and_each_occurrence_is_claimed_once():
    # Gold lists "Tuesday" twice (two expressions); the text has it twice ("tuesday" lower).
    g = gold(
        TEXT,
        {
            "dates": [
                {"text": "Tuesday", "start": "2019-03-19", "end": "2019-03-19"},
                {"text": "Tuesday", "start": "2019-03-26", "end": "2019-03-26"},
            ]
        },
        {"dates": True},
    )
    both = [date(TEXT, "Tuesday", "2019-03-19"), date(TEXT, "tuesday", "2019-03-26")]
    report = score([(g, analysis(TEXT, dates=both))])
    assert report.dates.tp == 2 and report.dates.resolved == 2 and report.dates.f1 == 1.0
    # Two predictions over one occurrence: only one can claim it.
    twice = [date(TEXT, "Tuesday", "2019-03-19"), date(TEXT, "Tuesday night", "2019-03-26")]
    report = score([(g, analysis(TEXT, dates=twice))])
    assert (report.dates.tp, report.dates.fp, report.dates.fn) == (1, 1, 1)


def test_best_first_prefers_the_correct_resolution():
    g = gold(
        TEXT,
        {"dates": [{"text": "Tuesday", "start": "2019-03-19", "end": "2019-03-19"}]},
        {"dates": True},
    )
    preds = [date(TEXT, "Tuesday", "2019-03-12"), date(TEXT, "tuesday", "2019-03-19")]
    report = score([(g, analysis(TEXT, dates=preds))])
    assert report.dates.resolved == 1 and report.dates.fp == 1
    assert report.dates.precision == 0.5 and report.figure("dates.accuracy") == 1.0
