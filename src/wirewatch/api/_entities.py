"""Entities across documents, folded from each analysis's own entities.

Stand-in for the `resolve` module's entity resolution: the same kind, name (ignoring case)
and country is taken to be the same entity. It reads the matching analyses whole, so it suits
a working set of thousands of documents, not millions; resolve will back this with a table.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from wirewatch.model import Analysis, Filters, stable_id
from wirewatch.model.vocab import EntityKind
from wirewatch.store import Store


class EntitySummary(BaseModel):
    id: str
    kind: EntityKind
    name: str
    country: str | None = None
    sector: str | None = None
    kb: str | None = None
    mentions: int = Field(description="mentions across the documents")
    documents: list[str] = Field(description="ids of the documents that name it")


def fold(analyses: Iterable[Analysis], kind: str | None = None,
         name: str | None = None) -> list[EntitySummary]:
    """Entities ordered by how many documents name them, then name."""
    found: dict[tuple[str, str, str | None], EntitySummary] = {}
    needle = name.casefold() if name else None
    for analysis in analyses:
        for entity in analysis.entities:
            if kind and entity.kind != kind:
                continue
            if needle and needle not in entity.name.casefold():
                continue
            key = (entity.kind, entity.name.casefold(), entity.country)
            summary = found.get(key)
            if summary is None:
                summary = found[key] = EntitySummary(
                    id=stable_id("ent", *key), kind=entity.kind, name=entity.name,
                    country=entity.country, sector=entity.sector, kb=entity.kb, mentions=0,
                    documents=[])
            summary.mentions += max(1, len(entity.mentions))
            summary.sector = summary.sector or entity.sector
            summary.kb = summary.kb or entity.kb
            if analysis.document.id not in summary.documents:
                summary.documents.append(analysis.document.id)
    return sorted(found.values(), key=lambda s: (-len(s.documents), s.name.casefold(), s.id))


def entities(store: Store, filters: Filters, kind: str | None,
             name: str | None) -> list[EntitySummary]:
    return fold(store.iter_analyses(filters), kind, name)
