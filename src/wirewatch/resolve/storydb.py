"""Stories in the database: incremental update by blocking, and the full rebuild.

Blocking: a new event is compared only with events of its PLOVER type whose dates fall in
its window (the events table's date index); the country and place tests run in Python on
that small set. The search follows links outward until no new event joins, so the stories
it rewrites are whole connected components, exactly those a rebuild would produce.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, insert, select

from wirewatch.model.calendar import clamp_days
from wirewatch.resolve import db
from wirewatch.resolve import tables as rt
from wirewatch.resolve.config import StoryRules
from wirewatch.resolve.storybuild import build_story
from wirewatch.resolve.storygraph import (
    Components,
    EventNode,
    NodeKey,
    Window,
    cluster_all,
    denial,
    eligible,
    reported,
)
from wirewatch.store import tables as st


def _select() -> Select[*tuple[Any, ...]]:
    """Every event with its parties' countries and its place's precision, one row a party."""
    e, p, pl = st.events, st.event_parties, st.places
    joined = e.outerjoin(
        p, and_(p.c.document_id == e.c.document_id, p.c.event_id == e.c.id)
    ).outerjoin(pl, and_(pl.c.document_id == e.c.document_id, pl.c.id == e.c.place_id))
    return select(
        e.c.document_id,
        e.c.id,
        e.c.event_type,
        e.c.date_start,
        e.c.date_end,
        e.c.lat,
        e.c.lon,
        e.c.place_country,
        e.c.negated,
        e.c.status,
        e.c.background,
        pl.c.precision_km,
        p.c.country,
    ).select_from(joined)


def _nodes(connection: Connection, rows: Iterable, config: StoryRules) -> dict[NodeKey, EventNode]:
    rows_by: dict[NodeKey, list] = {}
    for row in rows:
        rows_by.setdefault((row.document_id, row.id), []).append(row)
    out: dict[NodeKey, EventNode] = {}
    for key, group in rows_by.items():
        first = group[0]
        countries = {r.country for r in group if r.country}
        if first.place_country:
            countries.add(first.place_country)
        node = EventNode(
            *key,
            first.event_type,
            db.day(first.date_start),
            db.day(first.date_end),
            first.lat,
            first.lon,
            first.place_country,
            frozenset(countries),
            first.precision_km,
            denied=denial(first.negated, first.status, config),
        )
        # A retold act (an earlier leg, a background clause) is not the report's news: it
        # would tie the report into that act's story as if it were one of its sources.
        if eligible(node, first.negated, first.status, config) and not first.background:
            out[key] = node
    # An event the report does not place may be where the report says its story is.
    unplaced = [key for key, node in out.items() if node.lat is None]
    for key, named in db.named_countries(connection, unplaced).items():
        out[key] = replace(out[key], report_countries=named)
    return out


def nodes_of(
    connection: Connection, doc_ids: Iterable[str], config: StoryRules
) -> dict[NodeKey, EventNode]:
    out: dict[NodeKey, EventNode] = {}
    for batch in db.chunks(sorted(set(doc_ids))):
        rows = connection.execute(_select().where(st.events.c.document_id.in_(batch)))
        out.update(_nodes(connection, rows, config))
    return out


def _ranges(frontier: list[EventNode], config: StoryRules) -> dict[str, list[list[dt.date]]]:
    """Per type, the merged start-date ranges that can hold a neighbour of the frontier."""
    tol = config.date_tolerance_days
    reach = config.max_interval_days + tol
    spans: dict[str, list[list[dt.date]]] = {}
    for node in sorted(frontier, key=lambda n: (n.event, n.start)):
        lo, hi = clamp_days(node.start, -reach), clamp_days(node.end, tol)
        merged = spans.setdefault(node.event, [])
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return spans


def _window(
    connection: Connection, frontier: list[EventNode], config: StoryRules
) -> dict[str, Window]:
    e = st.events.c
    found: dict[str, dict[NodeKey, EventNode]] = {}
    for event_type, spans in _ranges(frontier, config).items():
        for lo, hi in spans:
            rows = connection.execute(
                _select().where(e.event_type == event_type, e.date_start >= lo, e.date_start <= hi)
            )
            found.setdefault(event_type, {}).update(_nodes(connection, rows, config))
    return {t: Window(nodes.values(), config) for t, nodes in found.items()}


def expand(
    connection: Connection, seeds: dict[NodeKey, EventNode], config: StoryRules
) -> list[list[NodeKey]]:
    """The whole components of the seeds, found by following links through the store."""
    found = Components()
    visited = dict(seeds)
    frontier = list(seeds.values())
    while frontier:
        windows = _window(connection, frontier, config)
        grown: list[EventNode] = []
        for node in frontier:
            found.add(node.key)
            window = windows.get(node.event)
            for other in window.near(node) if window else []:
                found.add(other.key)
                found.union(node.key, other.key)
                if other.key not in visited:
                    visited[other.key] = other
                    grown.append(other)
        frontier = grown
    return reported(found.groups(), visited)


def _story_ids_of(connection: Connection, keys: Iterable[NodeKey]) -> set[str]:
    m = rt.story_members.c
    wanted = set(keys)
    out: set[str] = set()
    for batch in db.chunks(sorted({d for d, _ in wanted})):
        rows = connection.execute(
            select(m.document_id, m.event_id, m.story_id).where(m.document_id.in_(batch))
        )
        out.update(r.story_id for r in rows if (r.document_id, r.event_id) in wanted)
    return out


def _delete(connection: Connection, story_ids: Iterable[str]) -> None:
    for batch in db.chunks(sorted(set(story_ids))):
        connection.execute(delete(rt.story_members).where(rt.story_members.c.story_id.in_(batch)))
        connection.execute(
            delete(rt.story_countries).where(rt.story_countries.c.story_id.in_(batch))
        )
        connection.execute(delete(rt.stories).where(rt.stories.c.id.in_(batch)))


def write(connection: Connection, components: list[list[NodeKey]], config: StoryRules) -> int:
    """Build and insert stories, a few hundred documents' analyses in memory at a time."""
    pending: list[list[NodeKey]] = []
    docs: set[str] = set()
    written = 0
    for members in sorted(components):
        pending.append(members)
        docs.update(d for d, _ in members)
        if len(docs) >= db.CHUNK:
            written += _write(connection, pending, docs, config)
            pending, docs = [], set()
    if pending:
        written += _write(connection, pending, docs, config)
    return written


def _write(
    connection: Connection, components: list[list[NodeKey]], docs: set[str], config: StoryRules
) -> int:
    analyses = db.analyses(connection, docs)
    prints = db.fingerprints(connection, docs)
    copies = db.copies(connection, docs)
    stories: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    countries: list[dict[str, Any]] = []
    for component in components:
        story = build_story(component, analyses, prints, copies, config)
        stories.append(
            {
                "id": story.id,
                "event_type": story.event,
                "date_start": story.start,
                "date_end": story.end,
                "source_count": story.source_count,
                "lat": story.lat,
                "lon": story.lon,
                "data": story.model_dump_json(),
            }
        )
        members += [{"document_id": d, "event_id": e, "story_id": story.id} for d, e in component]
        countries += [{"story_id": story.id, "country": c} for c in story.countries]
    for table, rows in (
        (rt.stories, stories),
        (rt.story_members, members),
        (rt.story_countries, countries),
    ):
        for batch in db.chunks(rows):
            connection.execute(insert(table), batch)
    return len(stories)


def update(connection: Connection, doc_ids: list[str], config: StoryRules) -> int:
    """Re-cluster the neighbourhood of these (new or re-analysed) documents."""
    m = rt.story_members.c
    old: set[str] = set()
    for batch in db.chunks(sorted(set(doc_ids))):
        old.update(connection.execute(select(m.story_id).where(m.document_id.in_(batch))).scalars())
    seed_docs = set(doc_ids)
    for batch in db.chunks(sorted(old)):
        seed_docs.update(
            connection.execute(select(m.document_id).where(m.story_id.in_(batch))).scalars()
        )
    components = expand(connection, nodes_of(connection, seed_docs, config), config)
    stale = old | _story_ids_of(connection, (k for c in components for k in c))
    _delete(connection, stale)
    return write(connection, components, config)


def rebuild(connection: Connection, config: StoryRules) -> int:
    for table in (rt.story_members, rt.story_countries, rt.stories):
        connection.execute(delete(table))
    nodes = _nodes(connection, connection.execute(_select()).all(), config)
    return write(connection, cluster_all(nodes.values(), config), config)
