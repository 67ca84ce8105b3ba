"""Document dates: `YYYY-MM-DD`, ISO 8601 datetimes, and (in feeds) RFC 822 stamps.

A datetime keeps the calendar date it was written with, not the UTC one: "2019-03-25T23:30-05:00"
is the 25th, the day the publisher printed on the story.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from wirewatch.ingest._errors import RecordError, brief

_DAY_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object) -> dt.date:
    """A date from a record field; bad_date when it does not parse or cannot exist."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise RecordError(
            "bad_date",
            f"date {brief(value)} is a {type(value).__name__}, not a YYYY-MM-DD or ISO 8601 string",
        )
    return _parse_iso(value.strip())


def parse_stamp(value: str) -> dt.date:
    """ISO 8601 (Atom) or RFC 822 (RSS) stamps; bad_date when neither reads it."""
    try:
        return _parse_iso(value.strip())
    except RecordError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError) as error:
        raise RecordError(
            "bad_date", f"date {brief(value)} is neither ISO 8601 nor RFC 822"
        ) from error


def resolve_date(value: object, default: dt.date | None) -> dt.date:
    """The record's own date, else the caller's default, else missing_date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            raise RecordError(
                "missing_date", "the record has no date and no default date was given"
            )
        return default
    return parse_date(value)


def _parse_iso(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError as error:
        if _DAY_SHAPE.match(text):
            raise RecordError("bad_date", f"date {brief(text)} cannot exist: {error}") from error
        raise RecordError(
            "bad_date", f"date {brief(text)} is not YYYY-MM-DD or an ISO 8601 datetime"
        ) from error
