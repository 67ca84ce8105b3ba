"""Resolution across reports: canonical entities, stories that merge outlets, asset tracks.

resolve.update(store, document_ids)     # after saving analyses (incremental, blocked)
resolve.rebuild(store)                  # everything again from the stored analyses
resolve.stories(store, filters, limit, cursor) / resolve.story(store, id)
resolve.tracks(store, filters, limit, cursor) / resolve.track(store, key)
resolve.entities(store, name=...) / resolve.entity(store, id_or_name)
resolve.split_entity(store, entity_id, alias)
"""

from wirewatch.resolve.models import (
    Alias,
    CanonicalEntity,
    Copy,
    Disagreement,
    Leg,
    LegSource,
    Merge,
    Page,
    SourceValue,
    Stop,
    Story,
    StorySource,
    Track,
    TrackFlag,
)
from wirewatch.resolve.reads import (
    all_tracks,
    entities,
    entity,
    find_tracks,
    links,
    stories,
    story,
    story_of_event,
    track,
    tracks,
)
from wirewatch.resolve.update import Counts, rebuild, split_entity, update

__all__ = [
    "Alias",
    "CanonicalEntity",
    "Copy",
    "Counts",
    "Disagreement",
    "Leg",
    "LegSource",
    "Merge",
    "Page",
    "SourceValue",
    "Stop",
    "Story",
    "StorySource",
    "Track",
    "TrackFlag",
    "all_tracks",
    "entities",
    "entity",
    "find_tracks",
    "links",
    "rebuild",
    "split_entity",
    "stories",
    "story",
    "story_of_event",
    "track",
    "tracks",
    "update",
]
