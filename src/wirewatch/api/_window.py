"""Cursor pages over lists computed in memory (tracks, entities): the cursor is an offset.

The store pages its own tables by keyset; lists the API aggregates itself are small enough to
build whole, so an opaque offset is enough and stays stable while the data does not change.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import TypeVar

from wirewatch.api._errors import bad_request

T = TypeVar("T")


def encode(offset: int) -> str:
    raw = json.dumps({"offset": offset}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = value["offset"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise bad_request(f"cursor: {cursor!r} is not a cursor this listing gave out") from None
    if not isinstance(offset, int) or offset < 0:
        raise bad_request(f"cursor: {cursor!r} is not a cursor this listing gave out")
    return offset


def window(items: Sequence[T], limit: int, cursor: str | None) -> tuple[list[T], str | None]:
    """`limit` items from the cursor's offset, and the cursor of the next page (or None)."""
    start = decode(cursor)
    end = start + limit
    return list(items[start:end]), (encode(end) if end < len(items) else None)
