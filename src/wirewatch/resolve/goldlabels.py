"""What a resolved store predicts for the documents and mentions a resolution gold names:
the stories each document's events are in and the entity each mention resolved to. Plain
mappings out; the gold format and the scores are `wirewatch.eval.clusters`'s."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, select

from wirewatch.resolve import db
from wirewatch.resolve import tables as rt
from wirewatch.resolve.names import alias_key
from wirewatch.store import tables as st


def document_ids(
    connection: Connection, located: Mapping[str, tuple[str, str | None]]
) -> dict[str, str]:
    """Gold document name -> stored document id. `located` gives each name's (path, locator):
    a name that is a stored id is that document; else the document read from a source whose
    path ends with `path` (at `locator`, when given). Names found nowhere are left out."""
    d = st.documents.c
    rows = connection.execute(select(d.id, d.origin_source, d.origin_locator)).all()
    ids = {r.id for r in rows}
    out: dict[str, str] = {}
    for name, (path, locator) in located.items():
        if name in ids:
            out[name] = name
            continue
        found = sorted(
            r.id
            for r in rows
            if (r.origin_source or "").endswith(path)
            and (locator is None or r.origin_locator == locator)
        )
        if found:
            out[name] = found[0]
    return out


def story_memberships(
    connection: Connection, doc_ids: Iterable[str]
) -> dict[str, list[tuple[str, str, int]]]:
    """Document id -> (story id, event type, story's source count) for each of its events
    in a story."""
    m, e, s = rt.story_members.c, st.events.c, rt.stories.c
    out: dict[str, list[tuple[str, str, int]]] = {}
    for batch in db.chunks(sorted(set(doc_ids))):
        rows = connection.execute(
            select(m.document_id, m.story_id, e.event_type, s.source_count)
            .join(st.events, (e.document_id == m.document_id) & (e.id == m.event_id))
            .join(rt.stories, s.id == m.story_id)
            .where(m.document_id.in_(batch))
            .order_by(m.document_id, m.story_id, e.event_type)
        )
        for row in rows:
            out.setdefault(row.document_id, []).append(
                (row.story_id, row.event_type, row.source_count)
            )
    return out


def mention_entities(
    connection: Connection, mentions: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(document id, name as written) -> the entity its resolved mention belongs to.

    A name matches a resolved mention of that document with the same alias key (titles
    dropped, case and accents ignored), else one whose alias key ends with it: in-document
    coreference is the extractor's ("Korkmaz" is a span of its "Selim Korkmaz" entity, not a
    mention of its own), so the longer name ending in it counts."""
    wanted = sorted(set(mentions))
    n, m = rt.entity_nodes.c, rt.entity_mentions.c
    by_key: dict[tuple[str, str], str] = {}
    for batch in db.chunks(sorted({doc for doc, _ in wanted})):
        rows = connection.execute(
            select(m.document_id, n.alias_key, n.entity_id)
            .join(rt.entity_nodes, n.id == m.node_id)
            .where(m.document_id.in_(batch))
        ).all()
        for r in sorted(rows, key=lambda r: (r.document_id, r.alias_key, r.entity_id)):
            by_key.setdefault((r.document_id, r.alias_key), r.entity_id)
    out: dict[tuple[str, str], str] = {}
    for doc_id, name in wanted:
        key = alias_key(name)
        entity = by_key.get((doc_id, key))
        if entity is None:
            longer = sorted(k for d, k in by_key if d == doc_id and k.endswith(" " + key))
            entity = by_key[(doc_id, longer[0])] if longer else None
        if entity is not None:
            out[(doc_id, name)] = entity
    return out
