"""Opaque keyset cursors: the sort key of the last row of a page, as URL-safe text."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import ColumnElement, literal, tuple_
from sqlalchemy.sql.elements import KeyedColumnElement

from wirewatch.model.filters import MAX_LIMIT, check_limit
from wirewatch.model.limits import check_storable

# A key is a date, an id and at most a name: far shorter than this. Anything longer is not
# one of ours, and is refused before it is decoded.
MAX_CURSOR_CHARS = 8_192
_INT64 = 2**63

__all__ = ["MAX_LIMIT", "after", "check_limit", "decode", "encode"]


def encode(key: Sequence[object]) -> str:
    values = [v.isoformat() if isinstance(v, dt.date) else v for v in key]
    raw = json.dumps(values, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(cursor: str, size: int) -> list[object]:
    """The key a cursor holds; a ValueError names the cursor when it is not one of ours
    (anything a client sends comes back as a ValueError, never another exception)."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise ValueError(f"invalid cursor: longer than {MAX_CURSOR_CHARS} characters")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"invalid cursor {cursor!r}: {error}") from None
    except RecursionError:  # deeply nested JSON ("[[[[...") exhausts the decoder's stack
        raise ValueError(f"invalid cursor {cursor[:40]!r}...: nested too deeply") from None
    if not isinstance(values, list) or len(values) != size:
        raise ValueError(f"invalid cursor {cursor!r}: not a key of {size} parts")
    for value in values:
        _check_scalar(value, cursor)
    return values


def _check_scalar(value: object, cursor: str) -> None:
    """A key part is text the database can bind (no NUL, no lone surrogate) or a 64-bit
    integer; a list, an object, a float or an unbindable string would reach the query."""
    if isinstance(value, str):
        try:
            check_storable("cursor", value)
        except ValueError as error:
            raise ValueError(f"invalid cursor {cursor!r}: {error}") from None
        return
    if isinstance(value, int) and not isinstance(value, bool) and -_INT64 <= value < _INT64:
        return
    raise ValueError(
        f"invalid cursor {cursor!r}: a key part is {type(value).__name__}, not text or an integer"
    )


def after(columns: Sequence[KeyedColumnElement], cursor: str | None) -> ColumnElement[bool] | None:
    """The condition `(columns) > cursor key`, or None for the first page."""
    if cursor is None:
        return None
    values = decode(cursor, len(columns))
    typed = [
        literal(_typed(column, value, cursor), column.type)
        for column, value in zip(columns, values, strict=True)
    ]
    return tuple_(*columns) > tuple_(*typed)


def _typed(column: KeyedColumnElement, value: object, cursor: str) -> object:
    python_type = column.type.python_type
    try:
        if python_type is dt.date and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if python_type in (int, str) and isinstance(value, python_type):
            return value
    except ValueError:
        pass
    raise ValueError(f"invalid cursor {cursor!r}: bad value {value!r} for {column.name}")
