"""Keep entities, stories and tracks in step with the stored analyses."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from wirewatch.resolve import entitydb, storydb, trackdb
from wirewatch.resolve.config import rules
from wirewatch.store import Store


class Counts(BaseModel):
    entities: int
    stories: int
    tracks: int


def update(store: Store, document_ids: Iterable[str]) -> Counts:
    """After analyses of these documents were saved (new or re-analysed): rewrite only the
    entities, stories and tracks they can touch, in one transaction."""
    ids = sorted(set(document_ids))
    config = rules()
    with store.engine.begin() as connection:
        if not ids:
            return Counts(entities=0, stories=0, tracks=0)
        return Counts(entities=entitydb.update(connection, ids, config.entities),
                      stories=storydb.update(connection, ids, config.stories),
                      tracks=trackdb.update(connection, ids, config.tracks))


def rebuild(store: Store) -> Counts:
    """Recompute everything from the stored analyses (the result `update` must agree with)."""
    config = rules()
    with store.engine.begin() as connection:
        return Counts(entities=entitydb.rebuild(connection, config.entities),
                      stories=storydb.rebuild(connection, config.stories),
                      tracks=trackdb.rebuild(connection, config.tracks))


def split_entity(store: Store, entity_id: str, alias: str) -> str:
    """Move an alias out of an entity into its own; remembered, so rebuilds keep it apart."""
    with store.engine.begin() as connection:
        return entitydb.split(connection, entity_id, alias, rules().entities)
