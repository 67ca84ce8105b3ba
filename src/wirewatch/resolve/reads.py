"""Reads for the CLI and the REST API: pages of stories, tracks and entities, and one each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select, exists, or_, select
from sqlalchemy.sql.elements import KeyedColumnElement

from wirewatch.model import Filters
from wirewatch.model.filters import STORY_FILTERS, TRACK_FILTERS
from wirewatch.resolve import entitydb
from wirewatch.resolve import tables as rt
from wirewatch.resolve.models import CanonicalEntity, Page, Story, Track
from wirewatch.resolve.names import alias_key, fold
from wirewatch.resolve.trackbuild import identifier_key, model_key
from wirewatch.store import Store
from wirewatch.store import cursor as keyset
from wirewatch.store import tables as st
from wirewatch.store.flatten import fold as outlet_key

S, T, E, A = rt.stories.c, rt.tracks.c, rt.entities.c, rt.entity_nodes.c
M = TypeVar("M", bound=BaseModel)


def stories(
    store: Store,
    filters: Filters | None = None,
    limit: int = 50,
    cursor: str | None = None,
    min_sources: int = 1,
) -> Page[Story]:
    """Stories by date; `min_sources=2` lists only stories told by several reports."""
    f = filters or Filters()
    f.check_supported(STORY_FILTERS, "stories")
    keyset.check_limit(limit)
    query = select(S.id, S.date_start, S.data).where(S.source_count >= min_sources)
    if f.since:
        query = query.where(S.date_end >= f.since)
    if f.until:
        query = query.where(S.date_start <= f.until)
    if f.event_type:
        query = query.where(S.event_type.in_(f.event_type))
    if f.country:
        c = rt.story_countries.c
        query = query.where(exists().where(c.story_id == S.id, c.country == f.country.upper()))
    if f.outlet:
        m, d = rt.story_members.c, st.documents.c
        query = query.where(
            exists().where(
                m.story_id == S.id, d.id == m.document_id, d.outlet_key == f.outlet.casefold()
            )
        )
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        query = query.where(S.lat.between(min_lat, max_lat), S.lon.between(min_lon, max_lon))
    return _page(store, query, [S.date_start, S.id], limit, cursor, Story)


def story(store: Store, story_id: str) -> Story | None:
    with store.engine.connect() as connection:
        data = connection.execute(select(S.data).where(S.id == story_id)).scalar()
    return Story.model_validate_json(data) if data else None


def story_of_event(store: Store, document_id: str, event_id: str) -> Story | None:
    m = rt.story_members.c
    with store.engine.connect() as connection:
        data = connection.execute(
            select(S.data)
            .join(rt.story_members, m.story_id == S.id)
            .where(m.document_id == document_id, m.event_id == event_id)
        ).scalar()
    return Story.model_validate_json(data) if data else None


def tracks(
    store: Store,
    filters: Filters | None = None,
    limit: int = 50,
    cursor: str | None = None,
    identified_only: bool = False,
) -> Page[Track]:
    f = filters or Filters()
    f.check_supported(TRACK_FILTERS, "tracks")
    keyset.check_limit(limit)
    query = select(T.key, T.date_start, T.data)
    if f.outlet:
        # One report behind a leg from that outlet: the track's member movements are those
        # reports (written from the same sightings), and an outlet is its document's.
        member, doc = rt.track_members.c, st.documents.c
        query = query.where(
            exists().where(
                member.track_key == T.key,
                doc.id == member.document_id,
                doc.outlet_key == outlet_key(f.outlet),
            )
        )
    if identified_only:
        query = query.where(T.identifier.isnot(None), ~T.key.startswith("model:"))
    if f.since:
        query = query.where(T.date_end >= f.since)
    if f.until:
        query = query.where(T.date_start <= f.until)
    if f.country:
        query = query.where(T.operator_country == f.country.upper())
    if f.asset_model:
        query = query.where(T.model_key == model_key(f.asset_model))
    return _page(store, query, [T.date_start, T.key], limit, cursor, Track)


def track(store: Store, key: str) -> Track | None:
    with store.engine.connect() as connection:
        data = connection.execute(select(T.data).where(T.key == key)).scalar()
    return Track.model_validate_json(data) if data else None


def find_tracks(store: Store, model_or_identifier: str) -> list[Track]:
    """Tracks whose key or identifier is this (case, spaces and hyphens ignored), or every
    track of this model ("An-124")."""
    members = rt.track_members.c
    by_ident = (
        select(members.track_key)
        .where(members.ident_key == identifier_key(model_or_identifier))
        .distinct()
    )
    with store.engine.connect() as connection:
        rows = (
            connection.execute(
                select(T.data)
                .where(
                    or_(
                        T.key == model_or_identifier,
                        T.model_key == model_key(model_or_identifier),
                        T.key.in_(by_ident),
                    )
                )
                .order_by(T.date_start, T.key)
            )
            .scalars()
            .all()
        )
    return [Track.model_validate_json(row) for row in rows]


def entities(
    store: Store,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[CanonicalEntity]:
    """Canonical entities by name; `name` matches any alias (titles and case ignored)."""
    keyset.check_limit(limit)
    query = select(E.id, E.name_key, E.data)
    if name:
        key = alias_key(name)
        query = query.where(
            or_(E.name_key == fold(name), exists().where(A.entity_id == E.id, A.alias_key == key))
        )
    if kind:
        query = query.where(E.kind == kind.upper())
    if country:
        query = query.where(E.country == country.upper())
    return _page(store, query, [E.name_key, E.id], limit, cursor, CanonicalEntity)


def entity(store: Store, id_or_name: str) -> CanonicalEntity | None:
    """By id, else among the entities this name is an alias of (or the last words of one):
    one that has the name as written first (so a split-off spelling finds its own entity),
    then the most mentioned."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(E.data).where(E.id == id_or_name)).scalars().all()
        key = alias_key(id_or_name)
        for match in (A.alias_key == key, A.alias_key.endswith(" " + key)):
            # A bare surname finds "Selim Korkmaz" when no mention is "Korkmaz" alone.
            if not rows:
                rows = (
                    connection.execute(
                        select(E.data)
                        .where(exists().where(A.entity_id == E.id, match))
                        .order_by(E.id)
                    )
                    .scalars()
                    .all()
                )
        found = [CanonicalEntity.model_validate_json(row) for row in rows]
        wanted = fold(id_or_name)
        found.sort(key=lambda e: (all(fold(a.name) != wanted for a in e.aliases), -e.mentions))
        if not found:
            return None
        best = found[0]
        return best.model_copy(update={"documents": entitydb.document_count(connection, best.id)})


def _page(
    store: Store,
    query: Select[Any],
    order: list[KeyedColumnElement[Any]],
    limit: int,
    cursor: str | None,
    model: type[M],
) -> Page[M]:
    """The page of `query` after `cursor` in `order`; the last selected column holds each
    item's JSON."""
    condition = keyset.after(order, cursor)
    if condition is not None:
        query = query.where(condition)
    with store.engine.connect() as connection:
        rows = connection.execute(query.order_by(*order).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [model.model_validate_json(row[-1]) for row in rows]
    last = rows[-1]._mapping if rows else None
    next_cursor = keyset.encode([last[c.name] for c in order]) if more and last else None
    return Page(items=items, next_cursor=next_cursor)


def links(
    store: Store, document_ids: list[str]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """For exports: (document id, event id) -> story id and (document id, movement id) ->
    track key, for the given documents (one query each, however many documents)."""
    sm, tm = rt.story_members.c, rt.track_members.c
    with store.engine.connect() as connection:
        stories_of = {
            (d, e): s
            for d, e, s in connection.execute(
                select(sm.document_id, sm.event_id, sm.story_id).where(
                    sm.document_id.in_(document_ids)
                )
            )
        }
        tracks_of = {
            (d, m): k
            for d, m, k in connection.execute(
                select(tm.document_id, tm.movement_id, tm.track_key).where(
                    tm.document_id.in_(document_ids)
                )
            )
        }
    return stories_of, tracks_of


def all_tracks(store: Store, filters: Filters | None = None) -> Iterator[Track]:
    """Every track matching the filters that apply to tracks (dates, country, asset model),
    page by page, for exports."""
    f = filters or Filters()
    kept = Filters(since=f.since, until=f.until, country=f.country, asset_model=f.asset_model)
    cursor: str | None = None
    while True:
        page = tracks(store, kept, limit=500, cursor=cursor)
        yield from page.items
        if not page.next_cursor:
            return
        cursor = page.next_cursor
