"""Canonical entities in the database: incremental update by name block, rebuild, split.

Blocks are keyed by the skeleton of a name's last word (names.block).

Mentions are stored once each and folded into nodes (one per distinct name in a block, with
counts kept up to date by deltas); clustering runs on the nodes of the touched blocks (and
of blocks tied to them by a kb id), so an update costs the names involved, not the number of
times the archive mentions them, and rewrites whole blocks: it agrees with a rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select
from sqlalchemy import update as sql_update

from wirewatch.model import Analysis
from wirewatch.resolve import db
from wirewatch.resolve import tables as rt
from wirewatch.resolve.config import EntityRules
from wirewatch.resolve.entitygraph import Mention, mentions_of, resolve
from wirewatch.resolve.names import fold

N, M = rt.entity_nodes.c, rt.entity_mentions.c


def _node(row: Row[*tuple[Any, ...]]) -> Mention:
    return Mention(
        row.first_document,
        row.first_mention,
        row.kind,
        row.country,
        row.name,
        row.alias_key,
        row.block,
        row.kb,
        row.mentions,
        row.documents,
    )


def splits(connection: Connection) -> set[tuple[str, str]]:
    s = rt.splits.c
    return {(r.country, r.alias) for r in connection.execute(select(s.country, s.alias))}


def _fresh_mentions(analyses: dict[str, Analysis], config: EntityRules) -> list[Mention]:
    return [m for a in analyses.values() for m in mentions_of(a, config)]


def _apply(
    connection: Connection,
    removed: list[tuple[str, str, str]],
    added: list[Mention],
    config: EntityRules,
) -> tuple[set[str], set[str]]:
    """Fold removed (document, mention, node) and added mentions into the node rows. Returns
    the blocks whose nodes changed and the entities of nodes that no longer exist."""
    delta_m: dict[str, int] = defaultdict(int)
    old_docs: dict[str, set[str]] = defaultdict(set)
    new_docs: dict[str, set[str]] = defaultdict(set)
    gone: set[tuple[str, str]] = set()
    for doc, mention, node in removed:
        delta_m[node] -= 1
        old_docs[node].add(doc)
        gone.add((doc, mention))
    proto: dict[str, Mention] = {}
    for m in added:
        delta_m[m.node_id] += 1
        new_docs[m.node_id].add(m.document_id)
        if m.node_id not in proto or m.key < proto[m.node_id].key:
            proto[m.node_id] = m
    touched = sorted(delta_m)
    existing = {}
    for batch in db.chunks(touched):
        existing.update(
            {r.id: r for r in connection.execute(select(rt.entity_nodes).where(N.id.in_(batch)))}
        )
    blocks: set[str] = set()
    dropped: set[str] = set()
    for node in touched:
        row, new = existing.get(node), proto.get(node)
        mentions = (row.mentions if row else 0) + delta_m[node]
        documents = (row.documents if row else 0) + len(new_docs[node]) - len(old_docs[node])
        blocks.add(row.block if row else new.block)  # type: ignore[union-attr]
        if mentions <= 0:
            connection.execute(delete(rt.entity_nodes).where(N.id == node))
            if row is not None and row.entity_id:
                dropped.add(row.entity_id)
            continue
        first = (row.first_document, row.first_mention) if row else None
        name = row.name if row else None
        if first is None or first in gone:
            # The earliest mention went away: the next one, by index, not by scan.
            first = connection.execute(
                select(M.document_id, M.mention_id)
                .where(M.node_id == node)
                .order_by(M.document_id, M.mention_id)
                .limit(1)
            ).first()
            first = tuple(first) if first else None
            name = _mention_name(connection, first, config) if first else name
        if new is not None and (first is None or new.key < first):
            first, name = new.key, new.name
        # A node is named by its earliest mention ("MOSUL" or "Mosul"), whatever order the
        # reports came in: what a rebuild, which sees them all at once, also picks.
        assert first is not None  # a node with mentions left has an earliest one
        values = {
            "mentions": mentions,
            "documents": documents,
            "name": name,
            "first_document": first[0],
            "first_mention": first[1],
        }
        if row:
            connection.execute(sql_update(rt.entity_nodes).where(N.id == node).values(**values))
        else:
            assert new is not None  # a node not yet stored comes from a new mention
            connection.execute(
                insert(rt.entity_nodes).values(
                    id=node,
                    block=new.block,
                    kind=new.kind,
                    country=new.country,
                    alias_key=new.alias_key,
                    kb=new.kb,
                    entity_id="",
                    **values,
                )
            )
    return blocks, dropped


def _mention_name(connection: Connection, key: tuple[str, str], config: EntityRules) -> str | None:
    """The name a stored mention was written with (read back from its report's analysis)."""
    analysis = db.analyses(connection, [key[0]]).get(key[0])
    if analysis is None:
        return None
    return next((m.name for m in mentions_of(analysis, config) if m.key == key), None)


def _closure(connection: Connection, blocks: set[str]) -> list[Row[*tuple[Any, ...]]]:
    """Node rows of these blocks and of every block tied to them by a kb id."""
    done: set[str] = set()
    kbs_done: set[str] = set()
    found: dict[str, Row[*tuple[Any, ...]]] = {}
    todo = set(blocks)
    while todo:
        fresh: list[Row[*tuple[Any, ...]]] = []
        for batch in db.chunks(sorted(todo)):
            fresh += list(connection.execute(select(rt.entity_nodes).where(N.block.in_(batch))))
        done |= todo
        kbs = {r.kb for r in fresh if r.kb} - kbs_done
        kbs_done |= kbs
        for batch in db.chunks(sorted(kbs)):
            fresh += list(connection.execute(select(rt.entity_nodes).where(N.kb.in_(batch))))
        found.update((r.id, r) for r in fresh)
        todo = {r.block for r in fresh} - done
    return list(found.values())


def _recluster(
    connection: Connection,
    blocks: set[str],
    config: EntityRules,
    dropped: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Cluster the nodes of these blocks (and kb-tied ones) again and rewrite their entities;
    `dropped` entities lost their last node and go too."""
    rows = _closure(connection, blocks)
    old = {r.entity_id for r in rows if r.entity_id} | set(dropped)
    for batch in db.chunks(sorted(old)):
        connection.execute(delete(rt.merges).where(rt.merges.c.entity_id.in_(batch)))
        connection.execute(delete(rt.entities).where(rt.entities.c.id.in_(batch)))
    by_key = {(r.first_document, r.first_mention): r.id for r in rows}
    resolved = resolve([_node(r) for r in rows], splits(connection), config)
    entity_rows: list[dict[str, Any]] = []
    merge_rows: list[dict[str, Any]] = []
    for entity, members in resolved:
        entity_rows.append(
            {
                "id": entity.id,
                "kind": entity.kind,
                "name": entity.name,
                "name_key": fold(entity.name),
                "country": entity.country,
                "mentions": entity.mentions,
                "data": entity.model_dump_json(),
            }
        )
        merge_rows += [
            {
                "entity_id": entity.id,
                "alias": m.alias,
                "linked_to": m.linked_to,
                "rule": m.rule,
                "score": m.score,
            }
            for m in entity.merges
        ]
        nodes = sorted(by_key[m.key] for m in members)
        for batch in db.chunks(nodes):
            connection.execute(
                sql_update(rt.entity_nodes).where(N.id.in_(batch)).values(entity_id=entity.id)
            )
    for table, new_rows in ((rt.entities, entity_rows), (rt.merges, merge_rows)):
        for chunk in db.chunks(new_rows):
            connection.execute(insert(table), chunk)
    return len(resolved)


def update(connection: Connection, doc_ids: list[str], config: EntityRules) -> int:
    removed: list[tuple[str, str, str]] = []
    for batch in db.chunks(sorted(set(doc_ids))):
        removed += [
            tuple(r)
            for r in connection.execute(
                select(M.document_id, M.mention_id, M.node_id).where(M.document_id.in_(batch))
            )
        ]
        connection.execute(delete(rt.entity_mentions).where(M.document_id.in_(batch)))
    added = _fresh_mentions(db.analyses(connection, doc_ids), config)
    for rows in db.chunks(
        [
            {"document_id": m.document_id, "mention_id": m.mention_id, "node_id": m.node_id}
            for m in added
        ]
    ):
        connection.execute(insert(rt.entity_mentions), rows)
    blocks, dropped = _apply(connection, removed, added, config)
    return _recluster(connection, blocks, config, dropped) if blocks else 0


def rebuild(connection: Connection, config: EntityRules) -> int:
    for table in (rt.merges, rt.entity_mentions, rt.entity_nodes, rt.entities):
        connection.execute(delete(table))
    ids = db.all_ids(connection, db.st.analyses.c.document_id)
    blocks: set[str] = set()
    for batch in db.chunks(ids):
        added = _fresh_mentions(db.analyses(connection, batch), config)
        for rows in db.chunks(
            [
                {"document_id": m.document_id, "mention_id": m.mention_id, "node_id": m.node_id}
                for m in added
            ]
        ):
            connection.execute(insert(rt.entity_mentions), rows)
        blocks |= _apply(connection, [], added, config)[0]
    return _recluster(connection, blocks, config) if blocks else 0


def split(connection: Connection, entity_id: str, alias: str, config: EntityRules) -> str:
    """Move `alias` out of the entity into one of its own and remember the decision.
    Returns the new entity's id."""
    rows = list(connection.execute(select(rt.entity_nodes).where(N.entity_id == entity_id)))
    if not rows:
        raise ValueError(f"no entity {entity_id!r}")
    wanted = fold(alias)
    moving = [r for r in rows if fold(r.name) == wanted]
    if not moving:
        raise ValueError(
            f"entity {entity_id} has no alias {alias!r}; aliases: {sorted({r.name for r in rows})}"
        )
    if len(moving) == len(rows):
        raise ValueError(f"{alias!r} is the whole of entity {entity_id}; nothing to split")
    for key in sorted({(r.country or "", wanted) for r in moving}):
        exists = connection.execute(
            select(rt.splits.c.alias).where(
                rt.splits.c.country == key[0], rt.splits.c.alias == key[1]
            )
        ).first()
        if not exists:
            connection.execute(
                insert(rt.splits).values(
                    country=key[0], alias=key[1], created_at=dt.datetime.now(dt.UTC)
                )
            )
    _recluster(connection, {r.block for r in rows}, config)
    return connection.execute(select(N.entity_id).where(N.id == moving[0].id)).scalar_one()


def document_count(connection: Connection, entity_id: str) -> int:
    """Distinct reports that mention the entity (one indexed count over its mentions)."""
    nodes = select(N.id).where(N.entity_id == entity_id).scalar_subquery()
    return connection.execute(
        select(func.count(func.distinct(M.document_id))).where(M.node_id.in_(nodes))
    ).scalar_one()
