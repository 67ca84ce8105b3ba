"""Cross-report links for exports: the story each event belongs to, the track of each movement.

Stories and tracks are built by `resolve` across documents; writers only need a lookup. A
`LinkSource` maps a chunk of document ids to their links, so a large export asks once per
chunk, never once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from wirewatch.model import Analysis

CHUNK = 500


@dataclass(frozen=True)
class Links:
    story_of: Mapping[tuple[str, str], str] = field(default_factory=dict)
    track_of: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def story(self, document_id: str, event_id: str) -> str | None:
        return self.story_of.get((document_id, event_id))

    def track(self, document_id: str, movement_id: str) -> str | None:
        return self.track_of.get((document_id, movement_id))


NO_LINKS = Links()
LinkSource = Callable[[list[str]], Links]


def with_links(
    analyses: Iterable[Analysis], source: LinkSource | None
) -> Iterator[tuple[Analysis, Links]]:
    """Each analysis with the links of its document (NO_LINKS when there is no source)."""
    if source is None:
        for analysis in analyses:
            yield analysis, NO_LINKS
        return
    iterator = iter(analyses)
    while chunk := list(islice(iterator, CHUNK)):
        links = source([a.document.id for a in chunk])
        for analysis in chunk:
            yield analysis, links
