"""Tracks in the database: incremental update, and the full rebuild.

Who is who is decided locally: an identified movement belongs to its identifier's track; an
unidentified one joins an airframe only when one airframe of its model and operator was
reported within `join_days` at a shared stop. So an update re-decides only the unidentified
movements within that window of the changed ones (a date-indexed query per model), and
rebuilds only the tracks whose membership can change: the cost follows the day's news and
the airframes in it, not the archive's size, and the result is the one a rebuild gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, delete, insert, select

from wirewatch.model.calendar import clamp_days
from wirewatch.resolve import db
from wirewatch.resolve import tables as rt
from wirewatch.resolve.config import TrackRules, rules
from wirewatch.resolve.trackbuild import (
    Nearby,
    Sighting,
    assign,
    block_key,
    build_track,
    countries_by_identifier,
    decide,
    identified_key,
    identifier_key,
    model_key,
    sightings,
)

TM = rt.track_members.c
Key = tuple[str, str]  # (document id, movement id)


def _skip() -> set[str]:
    return set(rules().stories.skip_statuses)


def _key(s: Sighting) -> Key:
    return (s.document_id, s.movement_id)


def _block(s: Sighting) -> str:
    return block_key(s.model, s.country)


def _load(connection: Connection, keys: Iterable[Key]) -> dict[Key, Sighting]:
    """The sightings with these keys, a chunk of analyses in memory at a time."""
    wanted = set(keys)
    skip = _skip()
    out: dict[Key, Sighting] = {}
    for batch in db.chunks(sorted({d for d, _ in wanted})):
        for analysis in db.analyses(connection, batch).values():
            out.update((_key(s), s) for s in sightings(analysis, skip) if _key(s) in wanted)
    return out


def _rows(connection: Connection, *where: ColumnElement[bool]) -> list[Row[*tuple[Any, ...]]]:
    return list(connection.execute(select(rt.track_members).where(*where)))


def _windows(
    spans: Iterable[tuple[str, dt.date, dt.date]], pad: int, longest: int
) -> dict[str, list[list[dt.date]]]:
    """Per block, merged date ranges [lo, hi] padded by `pad` days."""
    out: dict[str, list[list[dt.date]]] = {}
    for block, start, end in sorted(spans):
        lo, hi = clamp_days(start, -(pad + longest)), clamp_days(end, pad)
        merged = out.setdefault(block, [])
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return out


def _in_windows(
    connection: Connection, windows: dict[str, list[list[dt.date]]], identified: bool
) -> list:
    kind = TM.ident_key.isnot(None) if identified else TM.ident_key.is_(None)
    out = []
    for block, spans in windows.items():
        for lo, hi in spans:
            out += _rows(
                connection, TM.block == block, TM.date_start >= lo, TM.date_start <= hi, kind
            )
    return out


def update(connection: Connection, doc_ids: list[str], config: TrackRules) -> int:
    docs = sorted(set(doc_ids))
    old: list = []
    for batch in db.chunks(docs):
        old += _rows(connection, TM.document_id.in_(batch))
        connection.execute(delete(rt.track_members).where(TM.document_id.in_(batch)))
    new = [s for a in db.analyses(connection, docs).values() for s in sightings(a, _skip())]
    idents = {r.ident_key for r in old if r.ident_key}
    idents |= {identifier_key(s.identifier) for s in new if s.identifier}
    ident_rows: list = []
    for batch in db.chunks(sorted(idents)):
        ident_rows += _rows(connection, TM.ident_key.in_(batch))
    # Unidentified movements whose decision can change: near a changed movement, or in a
    # track of a changed identifier (its key can change with the operator seen).
    pad, longest = config.join_days, config.join_max_span_days
    changed = [(r.block, r.date_start, r.date_end) for r in old]
    changed += [(_block(s), *s.span) for s in new]
    loose = _in_windows(connection, _windows(changed, pad, longest), identified=False)
    ident_tracks = sorted(
        {r.track_key for r in ident_rows} | {r.track_key for r in old if r.ident_key}
    )
    for batch in db.chunks(ident_tracks):
        loose += _rows(connection, TM.track_key.in_(batch), TM.ident_key.is_(None))
    loose_keys = {(r.document_id, r.movement_id) for r in loose}
    undecided = [(r.block, r.date_start, r.date_end) for r in loose]
    undecided += [(_block(s), *s.span) for s in new if not s.identifier]
    context = _in_windows(connection, _windows(undecided, pad, longest), identified=True)
    context = [r for r in context if r.ident_key not in idents]
    seen = _load(
        connection, {(r.document_id, r.movement_id) for r in [*ident_rows, *loose, *context]}
    )
    seen.update((_key(s), s) for s in new)
    # Identified sightings of the changed identifiers, keyed afresh.
    ident_sightings = [
        seen[(r.document_id, r.movement_id)]
        for r in ident_rows
        if (r.document_id, r.movement_id) in seen
    ]
    ident_sightings += [s for s in new if s.identifier]
    countries_of = countries_by_identifier(ident_sightings)
    keyed = [(identified_key(s, countries_of), s) for s in ident_sightings]
    nearby = Nearby(
        keyed
        + [
            (r.track_key, seen[(r.document_id, r.movement_id)])
            for r in context
            if (r.document_id, r.movement_id) in seen
        ],
        config,
    )
    decided = {k: decide(seen[k], nearby, config) for k in loose_keys if k in seen}
    decided.update((_key(s), decide(s, nearby, config)) for s in new if not s.identifier)
    affected = {r.track_key for r in [*old, *ident_rows, *loose]}
    affected |= {k for k, _ in keyed} | set(decided.values())
    members: dict[str, set[Key]] = {}
    moved = set(decided) | {_key(s) for s in ident_sightings}
    for batch in db.chunks(sorted(affected)):
        for r in _rows(connection, TM.track_key.in_(batch)):
            if (r.document_id, r.movement_id) not in moved:
                members.setdefault(r.track_key, set()).add((r.document_id, r.movement_id))
    for key, s in keyed:
        members.setdefault(key, set()).add(_key(s))
    for k, key in decided.items():
        members.setdefault(key, set()).add(k)
    missing = {k for ks in members.values() for k in ks} - set(seen)
    seen.update(_load(connection, missing))
    _delete_tracks(connection, affected)
    groups = {key: [seen[k] for k in sorted(ks) if k in seen] for key, ks in members.items()}
    return _write(connection, {k: v for k, v in groups.items() if v}, config)


def _write(connection: Connection, groups: dict[str, list[Sighting]], config: TrackRules) -> int:
    tracks: list[dict[str, Any]] = []
    legs: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    copies = db.copies(connection, {s.document_id for group in groups.values() for s in group})
    for key, group in sorted(groups.items()):
        track = build_track(key, group, config, copies)
        tracks.append(
            {
                "key": key,
                "model_key": model_key(track.model) if track.model else None,
                "identifier": track.identifier,
                "operator_country": track.operator_country,
                "date_start": track.start,
                "date_end": track.end,
                "legs": len(track.legs),
                "flags": len(track.flags),
                "data": track.model_dump_json(),
            }
        )
        legs += [
            {
                "track_key": key,
                "position": i,
                "depart": leg.depart,
                "arrive": leg.arrive,
                "origin": leg.origin.name if leg.origin else None,
                "destination": leg.destination.name if leg.destination else None,
                "sources": len(leg.sources),
            }
            for i, leg in enumerate(track.legs)
        ]
        members += [
            {
                "document_id": s.document_id,
                "movement_id": s.movement_id,
                "track_key": key,
                "block": _block(s),
                "ident_key": identifier_key(s.identifier) if s.identifier else None,
                "date_start": s.span[0],
                "date_end": s.span[1],
            }
            for s in group
        ]
    for table, rows in ((rt.tracks, tracks), (rt.track_legs, legs), (rt.track_members, members)):
        for batch in db.chunks(rows):
            connection.execute(insert(table), batch)
    return len(tracks)


def _delete_tracks(connection: Connection, keys: Iterable[str]) -> None:
    for batch in db.chunks(sorted(set(keys))):
        connection.execute(delete(rt.track_members).where(TM.track_key.in_(batch)))
        connection.execute(delete(rt.track_legs).where(rt.track_legs.c.track_key.in_(batch)))
        connection.execute(delete(rt.tracks).where(rt.tracks.c.key.in_(batch)))


def rebuild(connection: Connection, config: TrackRules) -> int:
    for table in (rt.track_members, rt.track_legs, rt.tracks):
        connection.execute(delete(table))
    skip = _skip()
    items: list[Sighting] = []
    ids = db.all_ids(connection, db.st.movements.c.document_id)
    for batch in db.chunks(ids):
        for analysis in db.analyses(connection, batch).values():
            items += sightings(analysis, skip)
    return _write(connection, assign(items, config), config)
