"""Keyset pagination shared by every listing: order by a key, fetch one row more than asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Select, literal_column, union_all
from sqlalchemy.sql.elements import KeyedColumnElement
from sqlalchemy.sql.selectable import GenerativeSelect

from wirewatch.store import cursor as cursors
from wirewatch.store.records import Page

T = TypeVar("T")


def fetch_page(
    connection: Connection,
    query: Select[Any] | Sequence[Select[Any]],
    key: Sequence[KeyedColumnElement],
    limit: int,
    cursor: str | None,
    build: Callable[[Sequence[Row[Any]]], list[T]],
) -> Page[T]:
    """Rows of `query` after `cursor` in `key` order; `build` turns rows into items.

    `query` may be several selects of the same columns and disjoint rows (see spans.py):
    their UNION ALL is paged, which both backends read as a merge of ordered index scans
    that stops at the page's end."""
    cursors.check_limit(limit)
    arms = [query] if isinstance(query, Select) else list(query)
    if not arms:
        return Page(items=[])
    condition = cursors.after(key, cursor)
    if condition is not None:
        arms = [arm.where(condition) for arm in arms]
    # The key by position in the select list: a compound's ORDER BY can name only its
    # output columns, and SQLite reads a bare `id` there as ambiguous when a join has two.
    positions = [_position(arms[0], column) for column in key]
    statement: GenerativeSelect  # one select, or the union of several
    if len(arms) == 1:
        statement = arms[0].order_by(*key)
    else:
        statement = union_all(*arms).order_by(*(literal_column(str(p + 1)) for p in positions))
    rows = connection.execute(statement.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more:
        next_cursor = cursors.encode([rows[-1][p] for p in positions])
    return Page(items=build(rows), next_cursor=next_cursor)


def _position(query: Select[Any], column: KeyedColumnElement) -> int:
    for position, selected in enumerate(query.selected_columns):
        if selected is column:
            return position
    raise ValueError(f"page key column {column} is not selected")
