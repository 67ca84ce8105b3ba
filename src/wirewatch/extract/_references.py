"""Back-references by what they say of an asset (issue 12): a shorter name given before
("Golovko" for "Admiral Golovko", "RCH231" for "RCH231, a C-17A"), a role ("the tankers"), a
country ("the Russian aircraft"), and whether an asset was named as one ("they" is several).
The movers step (`_movers`) keeps the state; these read and fill it."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._assets import Mention
from wirewatch.extract._state import State
from wirewatch.extract._syntax import actor_at
from wirewatch.extract._tracks import Track
from wirewatch.extract.context import Context, children
from wirewatch.kb.tables.equipment import Table as Catalogue
from wirewatch.kb.tables.equipment import fold

_MODIFIERS = frozenset({"amod", "compound"})


def note_aliases(
    ctx: Context,
    catalogue: Catalogue,
    mention: Mention,
    track: Track,
    sent: SpacySpan,
    state: State,
) -> None:
    """The shorter names a report may use for the asset later: a named ship's last word
    ("Admiral Golovko ... Golovko anchored"), a call sign written just after the asset
    ("A C-17A, callsign RCH417, left X. RCH417 landed at Y")."""
    if mention.vessel is not None:
        last = mention.vessel.split()[-1]
        if len(last) > 3 and last[0].isupper() and last != mention.vessel:
            state.aliases.setdefault(fold(last), track)
    # "RCH417, a C-17A, is outbound": a code in apposition to the asset names it.
    head = mention.token
    apposed = [c for c in children(head) if c.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.i < head.i:
        apposed.append(head.head)
    for token in apposed:
        if token.is_alpha or not any(ch.isdigit() for ch in token.text):
            continue
        if any(ch.isalpha() for ch in token.text) and token.i not in state.by_token:
            state.aliases.setdefault(fold(token.text), track)
    if mention.ent is None:
        return
    text = ctx.document.text
    window = text[mention.ent.end_char : min(sent.end_char, mention.ent.end_char + 40)]
    for ident, kind in catalogue.identifier_kinds_in(window):
        if kind == "callsign":
            state.aliases.setdefault(fold(ident), track)


def note_nationalities(ctx: Context, sent: SpacySpan, state: State) -> None:
    """ "The Russian aircraft remained in international airspace": the country a modifier
    of a back-reference noun names, for the noun to mean that country's assets only."""
    generic = ctx.kb.events.motion.generic_assets
    for token in ctx.tokens[sent.start : sent.end]:  # (a span's iterator rebuilds tokens)
        if token.dep_ not in _MODIFIERS or token.head.lower_ not in generic:
            continue
        if token.i in state.by_token or token.head.i in state.by_token:
            continue  # part of an asset's own name ("Russian Tu-95MS bombers")
        actor = actor_at(ctx, token)
        if actor is not None and actor.country:
            state.nationality[token.head.i] = actor.country


def named_as_one(mention: Mention) -> bool:
    """ "an A400M", "a second Il-76", "RF-78654", "the frigate Admiral Makarov": one asset,
    by its count, a singular article, one identifier or a ship's name."""
    head = mention.token
    return (
        mention.asset.count == 1
        or len(mention.identifiers) == 1
        or mention.vessel is not None
        or (
            head.tag_ in {"NN", "NNP"}
            and any(c.dep_ == "det" and c.lower_ in _ONE for c in children(head))
        )
    )


_ONE = frozenset({"a", "an", "another", "one"})


def aliased(holder: Token, state: State) -> Track | None:
    """The asset a proper name stands for that the report gave it before ("Golovko",
    "RCH417"): the name alone, or with the number written after it ("BONE 11")."""
    if not state.aliases or holder.pos_ not in {"PROPN", "NOUN", "NUM", "X"}:
        return None
    numbers = [c.text for c in children(holder) if c.dep_ == "nummod"]
    for name in (holder.text, " ".join([holder.text, *numbers])):
        track = state.aliases.get(fold(name))
        if track is not None:
            return track
    return None


def several(state: State, found: list[Track], track: Track) -> bool:
    """The track is not named as one, or another of `found` was named in its sentence."""
    where = state.sentence.get(track.key)
    return track.key not in state.single or any(
        t is not track and state.sentence.get(t.key) == where for t in found
    )


def operated_by(track: Track, country: str | None, state: State | None = None) -> bool:
    """The asset is the country's: its operator, or when the report names none (and `state`
    is given), its maker ("two Tu-95MS bombers ... Japanese F-15Js ... Both Russian
    aircraft": the Tupolevs)."""
    operator = track.asset.operator
    if country is None:
        return False
    if operator is not None:
        return operator.country == country
    if state is None or not track.asset.model:
        return False
    match = state.catalogue.lookup(track.asset.model)
    return match is not None and match.item.country == country


def has_role(state: State, track: Track, role: str) -> bool:
    """The asset is of the role or type: the report writes it so ("two IL-78MKI tankers",
    "the frigate Admiral Makarov"), or an aircraft's type is one (equipment.yaml `roles`)."""
    if state.role.get(track.key) == role:
        return True
    roles = state.catalogue.roles
    asset = track.asset
    return (
        asset.kind == "aircraft"
        and roles is not None
        and roles.role_of(asset.model, asset.name) == role
    )
