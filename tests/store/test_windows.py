"""Date windows (`since`, `until`): items of every length are found, in the same order and on
the same pages as the listing without `since` gives them, though `since` now reads one range
of the span-class index per class (store/spans.py) instead of every item before the window."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, update

from tests.store.corpus import LENGTHS, of_every_length
from wirewatch.model import Analysis, Filters
from wirewatch.store import Store, spans
from wirewatch.store.tables import events

D = dt.date
WINDOWS = [
    Filters(since=D(2021, 6, 1)),
    Filters(since=D(2021, 6, 1), until=D(2021, 6, 30)),
    Filters(since=D(2020, 1, 3), until=D(2020, 1, 3)),
    Filters(since=D(2022, 12, 1), until=D(2023, 1, 31)),
    Filters(since=D(2031, 1, 1)),
    Filters(since=D(2021, 1, 1), event_type=["AGREE"]),
    Filters(since=D(2021, 2, 1), country="LVA"),
]


@pytest.fixture
def filled(store: Store) -> tuple[Store, list[Analysis]]:
    analyses = of_every_length()
    store.save_analyses(analyses)
    return store, analyses


def _walk(read, limit: int) -> list:
    items, cursor = [], None
    while True:
        page = read(limit=limit, cursor=cursor)
        items += page.items
        if page.next_cursor is None:
            return items
        cursor = page.next_cursor


def _reference(store: Store, kind: str, f: Filters) -> list:
    """The listing without `since` (one plain query), filtered by the window here."""

    def dates(item) -> tuple[D, D]:
        when = (
            item.event.when
            if kind == "events"
            else (
                item.movement.arrive or item.movement.depart
                if kind == "movements"
                else item.claim.when
            )
        )
        return (when.start, when.end) if when else (item.document_date, item.document_date)

    assert f.since is not None
    everything = getattr(store, kind)(f.model_copy(update={"since": None}), limit=1000)
    assert everything.next_cursor is None
    return [item for item in everything.items if dates(item)[1] >= f.since]


@pytest.mark.parametrize("kind", ["events", "movements", "claims"])
@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_windows_page_as_the_plain_listing(
    filled: tuple[Store, list[Analysis]], kind: str, limit: int
) -> None:
    store, _ = filled
    for f in WINDOWS:
        expected = _reference(store, kind, f)
        assert _walk(lambda f=f, **kw: getattr(store, kind)(f, **kw), limit) == expected, f


def test_windows_select_what_python_selects(filled: tuple[Store, list[Analysis]]) -> None:
    store, analyses = filled
    for f in WINDOWS:
        found = {(r.document_id, r.event.id) for r in store.events(f, limit=1000).items}
        assert found == {
            (a.document.id, e.id) for a in analyses for e in a.events if f.matches_event(e, a)
        }, f
    # Long items reach into a late window from years before it.
    f = Filters(since=D(2023, 6, 1), until=D(2023, 6, 30))
    assert {
        r.event.when.end - r.event.when.start for r in store.events(f).items if r.event.when
    } == {dt.timedelta(days=1000), dt.timedelta(days=4000)}


def test_every_length_class_is_stored(filled: tuple[Store, list[Analysis]]) -> None:
    store, _ = filled
    with store.engine.connect() as connection:
        found = spans.classes(connection, events.c.span_class)
    assert found == sorted({length.bit_length() for length in LENGTHS})


def test_no_classes_in_an_empty_store(store: Store) -> None:
    with store.engine.connect() as connection:
        assert spans.classes(connection, events.c.span_class) == []
    assert store.events(Filters(since=D(2020, 1, 1))).items == []


def test_a_row_without_a_class_is_still_found(filled: tuple[Store, list[Analysis]]) -> None:
    """The column's default bounds nothing: a row written without a class is read slowly,
    never missed."""
    store, _ = filled
    f = Filters(since=D(2023, 6, 1), until=D(2023, 6, 30))
    before = store.events(f).items
    with store.engine.begin() as connection:
        connection.execute(update(events).values(span_class=spans.UNBOUNDED))
    assert store.events(f).items == before


def test_span_class_and_bounds() -> None:
    day = D(2020, 1, 1)
    assert [spans.span_class(day, day + dt.timedelta(days=n)) for n in (0, 1, 2, 3, 4, 365)] == [
        0,
        1,
        2,
        2,
        3,
        9,
    ]
    assert spans.span_class(day, day - dt.timedelta(days=5)) == 0
    assert spans.span_class(D.min, D.max) == spans.UNBOUNDED
    assert spans.earliest_start(day, 0) == day
    assert spans.earliest_start(day, 2) == day - dt.timedelta(days=3)
    assert spans.earliest_start(day, spans.UNBOUNDED) == D.min
    assert spans.earliest_start(D(1, 1, 5), 3) == D.min


def test_sqlite_reads_a_window_by_the_class_index(tmp_path) -> None:
    """Not a timing: the plan. Without the class index a `since` is a scan from the start."""
    with Store(str(tmp_path / "plan.db")) as store:
        store.migrate()
        store.save_analyses(of_every_length())
        statements: list[tuple[str, object]] = []

        def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
            if "FROM events" in statement:
                statements.append((statement, parameters))

        event.listen(store.engine, "before_cursor_execute", record)
        store.events(Filters(since=D(2021, 6, 1), until=D(2021, 6, 30)))
        event.remove(store.engine, "before_cursor_execute", record)
        statement, parameters = statements[-1]
        with store.engine.connect() as connection:
            plan = " ".join(
                row[-1]
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
    assert "ix_events_span_class_date_start_id_document_id" in plan
    assert "SCAN events" not in plan and "TEMP B-TREE" not in plan
