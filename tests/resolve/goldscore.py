"""Score a resolved store against tests/gold/resolve (stories: B-cubed; entities: pairwise)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from wirewatch.eval.resolve import PRF, bcubed, pairwise
from wirewatch.resolve import tables as rt
from wirewatch.resolve.names import alias_key
from wirewatch.store import Store
from wirewatch.store import tables as st

GOLD = Path(__file__).parents[1] / "gold" / "resolve"


def document_ids(store: Store, gold: dict) -> dict[str, str]:
    """Manifest name -> stored document id (by id, by path, or by path + locator)."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(st.documents.c.id, st.documents.c.origin_source,
                                         st.documents.c.origin_locator)).all()
    ids = {r.id for r in rows}
    out: dict[str, str] = {}
    names = {m for s in gold.get("stories", []) for m in s["members"]}
    names |= {s["document"] for s in gold.get("singletons", [])}
    names |= {m[0] for g in gold.get("groups", []) for m in g["mentions"]}
    for name in names:
        where = gold.get("documents", {}).get(name)
        if name in ids:
            out[name] = name
        else:
            path, locator = (where["path"], where["locator"]) if where else (name, None)
            found = [r.id for r in rows if (r.origin_source or "").endswith(path)
                     and (locator is None or r.origin_locator == locator)]
            if found:
                out[name] = found[0]
    return out


def story_scores(store: Store, path: Path = GOLD / "stories.json") -> PRF:
    gold = json.loads(path.read_text("utf-8"))
    docs = document_ids(store, gold)
    items: dict[tuple[str, str], tuple[str, list[str]]] = {}  # (doc, gold story) -> types
    labels: dict[tuple[str, str], str] = {}
    for story in gold["stories"]:
        for member in story["members"]:
            items[(member, story["id"])] = (member, story["event"])
            labels[(member, story["id"])] = story["id"]
    for i, single in enumerate(gold["singletons"]):
        key = (single["document"], f"single-{i}")
        items[key] = (single["document"], single["event"])
        labels[key] = key[1]
    m, e, s = rt.story_members.c, st.events.c, rt.stories.c
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(m.document_id, m.story_id, e.event_type, s.source_count)
            .join(st.events, (e.document_id == m.document_id) & (e.id == m.event_id))
            .join(rt.stories, s.id == m.story_id)).all()
    predicted: dict[tuple[str, str], str] = {}
    for key, (name, types) in items.items():
        doc_id = docs.get(name)
        found = sorted((-r.source_count, r.story_id) for r in rows
                       if r.document_id == doc_id and r.event_type in types)
        if found:
            predicted[key] = found[0][1]
    return bcubed(labels, predicted)


def entity_scores(store: Store, path: Path = GOLD / "entities.json") -> PRF:
    gold = json.loads(path.read_text("utf-8"))
    docs = document_ids(store, gold)
    labels = {(doc, name, i): group["id"] for group in gold["groups"]
              for i, (doc, name) in enumerate(group["mentions"])}
    n, m = rt.entity_nodes.c, rt.entity_mentions.c
    with store.engine.connect() as connection:
        rows = connection.execute(select(m.document_id, n.alias_key, n.entity_id)
                                  .join(rt.entity_nodes, n.id == m.node_id)).all()
    by_key = {}
    for r in sorted(rows, key=lambda r: (r.document_id, r.alias_key, r.entity_id)):
        by_key.setdefault((r.document_id, r.alias_key), r.entity_id)
    predicted = {}
    for key in labels:
        doc, name, _ = key
        doc_id, wanted = docs.get(doc, ""), alias_key(name)
        entity = by_key.get((doc_id, wanted))
        if entity is None:
            # In-document coreference is the extractor's: "Korkmaz" is a span of its "Selim
            # Korkmaz" entity, not a mention of its own. The longer name ending in it counts.
            longer = sorted(k for (d, k) in by_key if d == doc_id and k.endswith(" " + wanted))
            entity = by_key[(doc_id, longer[0])] if longer else None
        if entity:
            predicted[key] = entity
    return pairwise(labels, predicted)
