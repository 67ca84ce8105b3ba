"""Keep entities, stories and tracks in step with the stored analyses."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from wirewatch.resolve import entitydb, storydb, trackdb
from wirewatch.resolve.config import rules
from wirewatch.store import Store, locks, state


class Counts(BaseModel):
    entities: int
    stories: int
    tracks: int


def update(store: Store, document_ids: Iterable[str]) -> Counts:
    """After analyses of these documents were saved (new or re-analysed): rewrite only the
    entities, stories and tracks they can touch, in one transaction."""
    ids = sorted(set(document_ids))
    config = rules()
    if not ids:
        return Counts(entities=0, stories=0, tracks=0)
    with store.writing() as connection:
        # One resolver at a time: two interleaved neighbourhood rewrites would both insert
        # the same canonical rows. The documents move to `resolved` in the same transaction.
        locks.hold(connection, locks.RESOLVE)
        counts = Counts(
            entities=entitydb.update(connection, ids, config.entities),
            stories=storydb.update(connection, ids, config.stories),
            tracks=trackdb.update(connection, ids, config.tracks),
        )
        state.mark_resolved(connection, ids)
        return counts


def rebuild(store: Store) -> Counts:
    """Recompute everything from the stored analyses (the result `update` must agree with)."""
    config = rules()
    with store.writing() as connection:
        locks.hold(connection, locks.RESOLVE)
        counts = Counts(
            entities=entitydb.rebuild(connection, config.entities),
            stories=storydb.rebuild(connection, config.stories),
            tracks=trackdb.rebuild(connection, config.tracks),
        )
        state.mark_all_resolved(connection)
        return counts


def split_entity(store: Store, entity_id: str, alias: str) -> str:
    """Move an alias out of an entity into its own; remembered, so rebuilds keep it apart."""
    with store.writing() as connection:
        locks.hold(connection, locks.RESOLVE)
        return entitydb.split(connection, entity_id, alias, rules().entities)
