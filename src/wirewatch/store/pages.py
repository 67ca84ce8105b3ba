"""Keyset pagination shared by every listing: order by a key, fetch one row more than asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Select
from sqlalchemy.sql.elements import KeyedColumnElement

from wirewatch.store import cursor as cursors
from wirewatch.store.records import Page

T = TypeVar("T")


def fetch_page(
    connection: Connection,
    query: Select[Any],
    key: Sequence[KeyedColumnElement],
    limit: int,
    cursor: str | None,
    build: Callable[[Sequence[Row[Any]]], list[T]],
) -> Page[T]:
    """Rows of `query` after `cursor` in `key` order; `build` turns rows into items."""
    cursors.check_limit(limit)
    condition = cursors.after(key, cursor)
    if condition is not None:
        query = query.where(condition)
    rows = connection.execute(query.order_by(*key).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more:
        last = rows[-1]._mapping
        next_cursor = cursors.encode([last[column] for column in key])
    return Page(items=build(rows), next_cursor=next_cursor)
