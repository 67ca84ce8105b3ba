"""Canonical entities from name mentions across reports. Pure: no database here.

Mentions are compared only inside a block (the skeleton of the last name word), and only
with mentions of the same kind and country, except that a shared kb id links anything. Full
names ("Nicolas Maduro") form groups; a weak mention (a surname alone, or a name of unknown
kind or country) joins a group only when exactly one group fits, so one "Maduro" cannot chain
two people, nor one country-less "Tripoli" two cities. Everything is decided on the set of
mentions alone, never on arrival order.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from rapidfuzz import fuzz

from wirewatch.model import Analysis, stable_id
from wirewatch.resolve.config import EntityRules
from wirewatch.resolve.models import Alias, CanonicalEntity, Merge
from wirewatch.resolve.names import alias_key, block, fold, person_score, similarity
from wirewatch.resolve.storygraph import Components


@dataclass(frozen=True)
class Mention:
    """A name as used in one report; or, with counts, a node: every mention of one name
    (same block, kind, country and kb), named by its earliest mention."""

    document_id: str
    mention_id: str
    kind: str | None
    country: str | None
    name: str
    alias_key: str
    block: str
    kb: str | None = None
    mentions: int = 1
    documents: int = 1

    @property
    def key(self) -> tuple[str, str]:
        return (self.document_id, self.mention_id)

    @property
    def node_id(self) -> str:
        return stable_id("enn", self.block, self.kind, self.country, fold(self.name), self.kb)


def mention(
    document_id: str,
    mention_id: str,
    kind: str | None,
    country: str | None,
    name: str,
    kb: str | None = None,
) -> Mention:
    key = alias_key(name)
    return Mention(document_id, mention_id, kind, country, name, key, block(key), kb)


def mentions_of(analysis: Analysis, config: EntityRules) -> list[Mention]:
    """Entities, places, event parties not linked to an entity, and named claimants."""
    doc = analysis.document.id
    out = [
        mention(doc, f"e:{e.id}", e.kind, e.country, e.name, e.kb)
        for e in analysis.entities
        if alias_key(e.name)
    ]
    for place in analysis.places:
        kind = config.place_kinds.get(place.feature or "")
        if kind and alias_key(place.name):
            out.append(mention(doc, f"p:{place.id}", kind, place.country, place.name, place.kb))
    for event in analysis.events:
        for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
            for i, party in enumerate(parties):
                if party.entity is None and alias_key(party.name):
                    out.append(
                        mention(doc, f"a:{event.id}:{role}:{i}", None, party.country, party.name)
                    )
    for claim in analysis.claims:
        kind = config.claimant_kinds.get(claim.claimant.kind)
        if kind and alias_key(claim.claimant.name):
            out.append(
                mention(doc, f"c:{claim.id}", kind, claim.claimant.country, claim.claimant.name)
            )
    return out


def _weak(m: Mention) -> bool:
    """A mention that may only join a group it alone fits: unknown kind or country, or a
    surname alone."""
    return (
        m.kind is None
        or m.country is None
        or (m.kind == "PERSON" and len(m.alias_key.split()) == 1)
    )


def _bucket(m: Mention) -> tuple:
    """Strong names that can link at all: same kind, and for people the same first letter of
    the given name (equal names, initials and close spellings share it), so a surname shared
    by many people costs comparisons per initial, not per pair of them all."""
    words = m.alias_key.split()
    return (m.kind, words[0][:1]) if m.kind == "PERSON" and len(words) > 1 else (m.kind,)


def link(a: Mention, b: Mention, config: EntityRules) -> tuple[str, float] | None:
    """Why two mentions of one block are one entity (rule, score), or None."""
    if a.kb and b.kb:
        return ("kb", 100.0) if a.kb == b.kb else None
    if (a.country and b.country and a.country != b.country) or a.block != b.block:
        return None
    if a.kind and b.kind and a.kind != b.kind:
        return None
    if a.alias_key == b.alias_key:
        rule = "same-key" if fold(a.name) == fold(b.name) else "alias-table"
        return (rule, 100.0)
    if "PERSON" in (a.kind, b.kind) or (a.kind is None and b.kind is None):
        score = person_score(a.alias_key, b.alias_key, config)
        return ("person-name", score) if score else None
    score = (
        similarity(a.alias_key, b.alias_key)
        if " " not in a.alias_key + b.alias_key
        else _multiword(a.alias_key, b.alias_key)
    )
    return ("fuzzy", score) if score >= config.fuzzy_threshold else None


def _multiword(a: str, b: str) -> float:
    # Whole-key Jaro-Winkler rewards a shared first word ("Russian Defence/Foreign Ministry").
    return fuzz.ratio(a, b)


def resolve(
    mentions: list[Mention], splits: set[tuple[str, str]], config: EntityRules
) -> list[tuple[CanonicalEntity, list[Mention]]]:
    """Canonical entities over `mentions` (a closed set of blocks), each with its mentions.
    `splits` holds (country or "", folded alias) pairs a user split off: each such alias
    stays an entity of its own."""
    anywhere = {alias for _, alias in splits}

    def is_held(m: Mention) -> bool:
        # A split alias seen without a country is held too: it must not slip back in.
        return (m.country or "", fold(m.name)) in splits or (
            m.country is None and fold(m.name) in anywhere
        )

    held = [m for m in mentions if is_held(m)]
    free = [m for m in mentions if not is_held(m)]
    by_split: dict[tuple, list[Mention]] = {}
    for m in held:
        by_split.setdefault((m.country, m.kind, fold(m.name)), []).append(m)
    out = [(_entity(g, config, ("split", *key)), g) for key, g in by_split.items()]
    out += [(_entity(g, config), g) for g in _cluster(free, config)]
    return sorted(out, key=lambda pair: pair[0].id)


def _distinct(mentions: list[Mention]) -> dict[tuple, list[Mention]]:
    """Mentions by what the rules look at: the same name in the same block is one node."""
    out: dict[tuple, list[Mention]] = {}
    for m in mentions:
        out.setdefault((m.block, m.kind, m.country, m.alias_key, fold(m.name), m.kb), []).append(m)
    return out


def _cluster(mentions: list[Mention], config: EntityRules) -> list[list[Mention]]:
    nodes = _distinct(mentions)
    reps = {k: v[0] for k, v in nodes.items()}
    by_block: dict[str, list[tuple]] = {}
    for k, m in reps.items():
        by_block.setdefault(m.block, []).append(k)
    strong = Components()
    for k, m in reps.items():
        if not _weak(m):
            strong.add((k[0], repr(k)))
    # Strong-strong links inside a block, plus kb links anywhere.
    keyed = {(k[0], repr(k)): k for k in reps}
    strong_keys = [sk for sk, k in keyed.items() if not _weak(reps[k])]
    by_kb: dict[str, list] = {}
    for sk in strong_keys:
        if reps[keyed[sk]].kb:
            by_kb.setdefault(reps[keyed[sk]].kb or "", []).append(sk)
    for members in by_kb.values():
        for other in members[1:]:
            strong.union(members[0], other)
    for block_nodes in by_block.values():
        buckets: dict[tuple, list] = {}
        for k in block_nodes:
            if not _weak(reps[k]):
                buckets.setdefault(_bucket(reps[k]), []).append((k[0], repr(k)))
        for ks in buckets.values():
            ks.sort()
            for i, a in enumerate(ks):
                for b in ks[i + 1 :]:
                    if link(reps[keyed[a]], reps[keyed[b]], config):
                        strong.union(a, b)
    groups: dict[tuple, list[tuple]] = {}
    for sk in strong_keys:
        groups.setdefault(strong.find(sk), []).append(sk)
    # Weak mentions: into the one group they fit, else among themselves.
    joined: dict[tuple, list[tuple]] = {root: list(ms) for root, ms in groups.items()}
    loose = Components()
    weak_keys = sorted((k[0], repr(k)) for k in reps if _weak(reps[k]))
    for wk in weak_keys:
        w = reps[keyed[wk]]
        fits = sorted(
            {
                root
                for root, ms in groups.items()
                if any(link(w, reps[keyed[s]], config) for s in ms)
            }
        )
        if len(fits) == 1:
            joined[fits[0]].append(wk)
        else:
            loose.add(wk)
    loose_keys = sorted(loose.parent)
    for i, a in enumerate(loose_keys):
        for b in loose_keys[i + 1 :]:
            if link(reps[keyed[a]], reps[keyed[b]], config):
                loose.union(a, b)
    out = [[m for sk in ms for m in nodes[keyed[sk]]] for ms in joined.values()]
    out += [[m for sk in ms for m in nodes[keyed[sk]]] for ms in loose.groups()]
    return out


def _entity(
    group: list[Mention], config: EntityRules, identity: tuple | None = None
) -> CanonicalEntity:
    """`identity` names a split-off entity; others are named by their earliest mention."""
    first = identity or min(m.key for m in group)
    kinds: Counter[str] = Counter()
    names: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for m in group:
        names[m.name] += m.mentions
        if m.kind:
            kinds[m.kind] += m.mentions
        if m.country:
            countries[m.country] += m.mentions
    # The name most reports use; the longest among equals ("Nicolas Maduro" over "Maduro").
    name = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
    aliases: dict[str, list[Mention]] = {}
    for m in group:
        aliases.setdefault(m.name, []).append(m)
    return CanonicalEntity(
        id=stable_id("ent", *first),
        kind=sorted(kinds, key=lambda k: (-kinds[k], k))[0] if kinds else "ACTOR",
        name=name,
        country=countries.most_common(1)[0][0] if countries else None,
        kb=sorted({m.kb for m in group if m.kb}),
        mentions=sum(m.mentions for m in group),
        aliases=[
            Alias(
                name=n,
                key=ms[0].alias_key,
                mentions=sum(m.mentions for m in ms),
                documents=sum(m.documents for m in ms),
            )
            for n, ms in sorted(
                aliases.items(), key=lambda kv: (-sum(m.mentions for m in kv[1]), kv[0])
            )
        ],
        merges=_merges(group, name, config),
    )


def _merges(group: list[Mention], root_name: str, config: EntityRules) -> list[Merge]:
    """Why each alias is here: a breadth-first tree from the entity's name over the links."""
    reps: dict[str, Mention] = {}
    for m in sorted(group, key=lambda m: m.key):
        reps.setdefault(m.name, m)
    seen = {root_name}
    queue = deque([root_name])
    out: list[Merge] = []
    while queue:
        here = queue.popleft()
        for name in sorted(reps):
            if name in seen:
                continue
            why = link(reps[here], reps[name], config)
            if why:
                seen.add(name)
                queue.append(name)
                out.append(Merge(alias=name, linked_to=here, rule=why[0], score=round(why[1], 1)))
    for name in sorted(set(reps) - seen):
        # Joined through another mention's kb id or a weak-to-group fit not via the root.
        out.append(Merge(alias=name, linked_to=root_name, rule="group", score=0.0))
    return out
