"""Date windows over items that last from `date_start` to `date_end`, as index range scans.

An item is in the window [since, until] when it starts by `until` and ends on or after
`since`. Pages are in start order, and in that order `date_end >= since` bounds nothing: a
scan of the (date_start, ...) index would read every item that started before the window to
find the few still running into it. So each item stores the class of its length: `span_class`
is the bit length of (end - start) in days, and an item of class c lasts at most 2**c - 1 days,
so it can reach the window only if it starts on or after since - (2**c - 1). One range scan per
class present, on the (span_class, date_start, id, document_id) index, merged in key order,
reads the window and, per class, at most one class length of items before it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, select

# The class of the longest span two dates can have. The schema's default for `span_class`,
# so a row written without one is bounded by nothing (slow) rather than missed (wrong).
UNBOUNDED = (dt.date.max - dt.date.min).days.bit_length()


def span_class(start: dt.date, end: dt.date) -> int:
    # An end before the start (bad input) still passes `date_end >= since` only for items
    # that start after `since`, which class 0 keeps.
    return max((end - start).days, 0).bit_length()


def earliest_start(since: dt.date, cls: int) -> dt.date:
    """The first start an item of class `cls` can have and still end on or after `since`."""
    longest = (1 << cls) - 1
    if (since - dt.date.min).days <= longest:
        return dt.date.min
    return since - dt.timedelta(days=longest)


def classes(connection: Connection, column: Column[int]) -> list[int]:
    """The distinct classes in the table, each found by one index seek (a loose index scan,
    which neither backend does on its own for DISTINCT): a handful, not a table scan."""
    seen = select(column).order_by(column).limit(1).scalar_subquery()
    found = select(seen.label("c")).cte("span_classes", recursive=True)
    following = select(column).where(column > found.c.c).order_by(column).limit(1)
    found = found.union_all(select(following.scalar_subquery()).where(found.c.c.isnot(None)))
    rows = connection.execute(select(found.c.c).where(found.c.c.isnot(None)))
    return [int(c) for c in rows.scalars()]


def window_arms(
    connection: Connection, query: Select[Any], table: Table, since: dt.date
) -> list[Select[Any]]:
    """`query` (already filtered by the window) split by span class, each part bounded below
    by its class: the same rows in all, each part a range scan of the class index."""
    return [
        query.where(table.c.span_class == cls, table.c.date_start >= earliest_start(since, cls))
        for cls in classes(connection, table.c.span_class)
    ]
