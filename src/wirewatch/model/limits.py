"""What a document may hold: checked once, in the model, for every way in (files, API, Python).

The limits follow the store's columns and the arithmetic done on dates. A document dated near
year 1 or 9999 would push relative dates ("yesterday", "next year") and the padding of story
and track windows out of the calendar Python can represent, so the date range leaves a wide
margin on both sides. Text that PostgreSQL or UTF-8 cannot hold (NUL, lone surrogates) is
refused here rather than failing a whole transaction later.
"""

from __future__ import annotations

import datetime as dt
import re

ID_MAX = 64  # the store's id columns
LANG_MAX = 16
META_MAX = 4_000  # outlet, url, title
DATE_MIN = dt.date(1000, 1, 1)
DATE_MAX = dt.date(8999, 12, 31)

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def check_storable(name: str, value: str) -> str:
    """`value` unchanged, or ValueError naming the field and what in it cannot be stored."""
    found = _UNSTORABLE.search(value)
    if found is not None:
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
        raise ValueError(
            f"`{name}` contains {what} (U+{ord(found.group()):04X}) at "
            f"offset {found.start()}, which text cannot hold"
        )
    return value


def check_date(value: dt.date) -> dt.date:
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueError(
            f"date {value.isoformat()} is outside {DATE_MIN.isoformat()} to "
            f"{DATE_MAX.isoformat()}: relative dates in its text would leave the "
            "calendar"
        )
    return value


def check_date_input(value: object) -> object:
    """A number is not a date: pydantic would read 0 as 1970-01-01 (a Unix timestamp)."""
    if isinstance(value, int | float) and not isinstance(value, dt.date):
        raise ValueError(f"date {value!r} is a number, not a YYYY-MM-DD string")
    return value
