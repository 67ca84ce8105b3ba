"""An airframe named by its registration alone: "Two Il-78s were seen over Armenia. RF-78779
departed Orenburg on the 10th": the registration is a mention of an asset, of the type named
last when the report has not tied it to one yet, so the clause it is the subject of moves it.
"""

from __future__ import annotations

import copy

from spacy.tokens import Span as SpacySpan

from wirewatch.extract._assets import registered_operator
from wirewatch.extract._state import State
from wirewatch.extract._tracks import Track
from wirewatch.extract.context import Context
from wirewatch.kb.tables.equipment import Table as Catalogue
from wirewatch.kb.tables.equipment import fold

_KINDS = frozenset({"registration"})  # marks with a nationality prefix: unmistakable


def index_registrations(ctx: Context, catalogue: Catalogue, sent: SpacySpan, state: State) -> None:
    text = ctx.document.text
    start = sent.start_char
    for ident, kind in catalogue.identifier_kinds_in(text[start : sent.end_char]):
        if kind not in _KINDS:
            continue
        at = text.find(ident, start, sent.end_char)
        if at < 0:
            continue
        start = at + len(ident)
        span = ctx.doc.char_span(at, start, alignment_mode="expand")
        if span is None or any(t.i in state.by_token for t in span):
            continue  # written with its type: the equipment mention holds it
        track = _airframe(ctx, catalogue, state, ident)
        if track is None:
            continue
        state.mentioned([track], sent.start, span.start)
        named = [track]  # one list for the whole mention: a run of tokens is one mention
        for token in span:
            state.by_token[token.i] = named


def _airframe(ctx: Context, catalogue: Catalogue, state: State, ident: str) -> Track | None:
    """The track of this registration; else the one airframe of the type named last, now
    identified ("An An-124 landed ... The freighter, UR-82008, ..."); else a new airframe of
    that type ("Two Il-78s ... RF-78779 departed")."""
    for track in state.tracks.values():
        if track.asset.identifier and fold(track.asset.identifier) == fold(ident):
            return track
    latest = next((t for t in reversed(state.history) if t.asset.kind == "aircraft"), None)
    if latest is None:
        return None
    latest = state.group_of.get(latest.key, latest)  # the next member of the same group
    if latest.asset.identifier is None and (latest.asset.count or 1) == 1:
        update: dict[str, object] = {"identifier": ident}
        if latest.asset.operator is None:
            update["operator"] = registered_operator(ctx, catalogue, ident)
        latest.asset = latest.asset.model_copy(update=update)
        return latest
    family = latest.key.split("|", 1)[0]
    key = f"{family}|{ident}"
    operator = registered_operator(ctx, catalogue, ident) or latest.asset.operator
    asset = latest.asset.model_copy(update={"identifier": ident, "count": 1, "operator": operator})
    if key in state.tracks:
        return state.tracks[key]
    count = latest.asset.count or 1
    if latest.asset.identifier is not None or count < 2:
        return state.tracks.setdefault(key, Track(key, asset))
    # One of a counted group ("Two Il-76s landed ... RA-78830 and RA-76502 had flown from
    # Benghazi"): it made the group's trip so far; once every member is named, the group is
    # its members.
    member = Track(key, asset, routes=copy.deepcopy(latest.routes), personnel=latest.personnel)
    state.tracks[key] = member
    state.group_of[key] = latest
    members = state.members.setdefault(latest.key, [])
    members.append(member)
    if len(members) == count:
        state.tracks.pop(latest.key, None)
        for token, tracks in state.by_token.items():
            if latest in tracks:
                state.by_token[token] = list(members)
        state.history = [t for t in state.history if t is not latest]
    return member
