"""Incremental update gives what a rebuild gives, whatever the batches and their order."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from tests.resolve.builders import Report, when
from tests.resolve.synthetic import reports
from wirewatch import resolve
from wirewatch.resolve import tables as rt
from wirewatch.store import Store

SNAPSHOT = [
    rt.entities,
    rt.entity_nodes,
    rt.entity_mentions,
    rt.stories,
    rt.story_members,
    rt.story_countries,
    rt.tracks,
    rt.track_legs,
    rt.track_members,
]


def snapshot(store: Store) -> dict[str, list[tuple]]:
    with store.engine.connect() as connection:
        out = {
            t.name: sorted(tuple(map(str, row)) for row in connection.execute(select(t)))
            for t in SNAPSHOT
        }
        m = rt.merges.c
        out["merges"] = sorted(
            tuple(map(str, r))
            for r in connection.execute(select(m.entity_id, m.alias, m.linked_to, m.rule, m.score))
        )
    return out


def assert_same(got: dict[str, list[tuple]], expected: dict[str, list[tuple]]) -> None:
    """Equal snapshots; else a short message naming each table and the rows that differ
    (a whole snapshot is thousands of rows: the end of a failing log must show the cause)."""
    lines = []
    for table in sorted(set(got) | set(expected)):
        a, b = Counter(got.get(table, [])), Counter(expected.get(table, []))
        if a != b:
            now, before = sorted((a - b).elements()), sorted((b - a).elements())
            lines.append(f"{table}: only now {now[:5]}; only before {before[:5]}")
    assert not lines, "\n".join(lines)


def _add(store: Store, batch: list[Report]) -> None:
    for report in batch:
        store.save_analysis(report.analysis())
    resolve.update(store, [r.id for r in batch])


def test_incremental_equals_rebuild(store: Store) -> None:
    corpus = reports(90, seed=3)
    for start in range(0, 90, 30):
        _add(store, corpus[start : start + 30])
    # A re-analysis that changes a document's events must also be taken back out.
    changed = corpus[40]
    changed.events.clear()
    changed.movements.clear()
    changed.entities[:] = [e.model_copy(update={"name": "Juan Guiado"}) for e in changed.entities]
    # And a report whose only name is one nobody else uses, re-analysed without it.
    lonely = Report("lonely", "2026-10-05", "Wire")
    lonely.entity("Aleksandr Unique", "PERSON", "RUS")
    _add(store, [lonely])
    lonely.entities.clear()
    _add(store, [lonely])
    _add(store, [changed])
    incremental = snapshot(store)
    assert len(incremental["resolve_stories"]) > 20
    assert any(int(row[4]) > 1 for row in incremental["resolve_stories"])  # source_count
    assert incremental["resolve_tracks"] and incremental["resolve_entities"]
    resolve.rebuild(store)
    assert_same(snapshot(store), incremental)


def test_batch_order_does_not_matter(store: Store, tmp_path) -> None:
    corpus = reports(60, seed=5)
    _add(store, corpus)
    one_batch = snapshot(store)
    with Store(str(tmp_path / "reverse.db")) as other:
        other.migrate()
        for report in reversed(corpus):
            _add(other, [report])
        assert_same(snapshot(other), one_batch)


def test_a_late_report_bridges_two_stories(store: Store) -> None:
    def strike(doc: str, day: str, lat: float) -> Report:
        r = Report(doc, day, "Wire")
        p = r.place("Mosul area", lat, 43.1, "IRQ")
        r.event("ASSAULT", f"A drone strike ({doc}).", when(day), [("Turkey", "TUR")], place=p)
        return r

    # 150 km apart: two stories, until a report placed between them links both.
    _add(store, [strike("north", "2026-10-17", 37.0), strike("south", "2026-10-17", 35.65)])
    assert len(resolve.stories(store).items) == 2
    _add(store, [strike("middle", "2026-10-17", 36.3)])
    stories = resolve.stories(store).items
    assert [s.source_count for s in stories] == [3]
    before = snapshot(store)
    resolve.rebuild(store)
    assert_same(snapshot(store), before)
