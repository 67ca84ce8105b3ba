"""Entities from the parse: one per mention cluster (people, organisations, outlets) and
one per country named or implied by a nationality. Caption lines give no entities."""

from __future__ import annotations

from wirewatch.extract.actor_cues import Cues, around, in_tokens
from wirewatch.extract.context import Context
from wirewatch.kb.tables.people import PersonHit
from wirewatch.model import Entity, Span, stable_id
from wirewatch.model.vocab import EntityKind
from wirewatch.nlp.clusters import Cluster

# Organisations-table kinds with their own entity kind.
_ORG_KINDS: dict[str, EntityKind] = {"unit": "UNIT"}


def cluster_entities(ctx: Context) -> list[Entity]:
    out: list[Entity] = []
    countries = ctx.kb.countries
    clusters: list[Cluster] = ctx.doc._.clusters or []  # set by nlp.clusters
    for cluster in clusters:
        mentions = [Span(start=s, end=e) for s, e in cluster["mentions"] if not ctx.in_caption(s)]
        # A country or capital the NER tagged ORG/PERSON (a "MOGADISHU —" dateline) is a
        # place: country_entities and the places step cover it. Seats (the Kremlin) stay.
        place = not cluster["kb"].startswith("seat:") and countries.lookup(cluster["name"])
        if mentions and not place:
            out.append(_entity(ctx, cluster, mentions))
    _borrow_domestic_countries(ctx, out)
    return out


def _entity(ctx: Context, cluster: Cluster, mentions: list[Span]) -> Entity:
    kind, cues, kb = _known(ctx, cluster)
    person = person_named(ctx, cluster["name"]) if kind is None else None
    if person is not None:
        # A listed leader or official: the table knows whom they act for, whatever the
        # words around ("President Javier Milei", a bare "Erdogan said"); the context fills
        # a sector only for someone out of office in the document's year.
        kind, kb = "PERSON", f"person:{person.id}"
        cues = Cues(person.country, person.sector).fill(_from_context(ctx, mentions))
    if kind is None:
        kind = _unknown_kind(ctx, cluster)
        # A facility is a place: its country is the geocoder's business, not a modifier's.
        if kind != "FAC":
            cues = _from_name(ctx, mentions[0]).fill(_from_context(ctx, mentions))
    return Entity(
        id=stable_id("ent", ctx.document.id, kind, cluster["name"]),
        kind=kind,
        name=cluster["name"],
        mentions=mentions,
        country=cues.country,
        sector=cues.sector,
        kb=kb,
    )


def _known(ctx: Context, cluster: Cluster) -> tuple[EntityKind | None, Cues, str | None]:
    """Kind, country/sector and kb id for a cluster the KB entity ruler recognised."""
    namespace, _, ident = (cluster.get("kb") or "").partition(":")
    if namespace == "outlet":
        outlet = ctx.kb.outlets.by_key(ident)
        if outlet is None:  # the ruler's ids come from this table: a stale id is a bug
            raise KeyError(f"entity ruler id outlet:{ident} names no kb/data/outlets.yaml row")
        return "OUTLET", Cues(outlet.country, outlet.sector), f"outlet:{ident}"
    if namespace == "org":
        org = ctx.kb.organisations.lookup(cluster["name"], ctx.kb.countries)
        if org:
            return (
                _ORG_KINDS.get(org.kind, "ORG"),
                Cues(org.country, org.sector),
                org.kb or org.key,
            )
    if namespace == "seat":
        seat = ctx.kb.countries.lookup(cluster["name"])
        if seat:
            return "ORG", Cues(seat.iso3, seat.sector), None
    return None, Cues(), None


def person_named(ctx: Context, name: str) -> PersonHit | None:
    """The people-table row (`PersonHit`) a name stands for in the document's year: the
    name without its leading titles and nationality ("Russian President Vladimir Putin"),
    as a full name or alias, or as a lone surname that is unambiguous then."""
    people = ctx.kb.people
    words = name.split()
    while len(words) > 1 and (dropped := _title_words(ctx, words)):
        words = words[dropped:]
    return people.lookup(" ".join(words), ctx.document.date.year) if words else None


def _title_words(ctx: Context, words: list[str]) -> int:
    """How many words open the name without being part of it: a title ("Prime Minister",
    "then-President"), a country or nationality ("Russian", "Russia's") or a lower-case
    word; 0 when the name proper starts here."""
    first = words[0].split("-", 1)[1] if words[0].lower().startswith("then-") else words[0]
    if not first[:1].isupper() or ctx.kb.countries.lookup(first) is not None:
        return 1
    sectors = ctx.kb.sectors
    for size in range(min(3, len(words) - 1), 0, -1):
        if sectors.lookup(" ".join([first, *words[1:size]])) is not None:
            return size
    return 0


def _unknown_kind(ctx: Context, cluster: Cluster) -> EntityKind:
    """PERSON or ORG as the NER says, unless the name, or the name with the two words after
    one of its mentions ("Khmeimim air base"), ends in a facility word: then FAC."""
    organisations = ctx.kb.organisations
    names = [cluster["name"]]
    for _start, end in cluster["mentions"]:
        after = ctx.document.text[end : end + 30].split()[:2]
        names += [" ".join([cluster["name"], *after[:n]]) for n in (1, 2)]
    if any(organisations.is_facility(name) for name in names):
        return "FAC"
    return "PERSON" if cluster["label"] == "PERSON" else "ORG"


def _from_name(ctx: Context, mention: Span) -> Cues:
    """An unlisted organisation's own words: "Venezuelan National Guard" -> VEN; a name
    matching an organisation template or sector cue ("National Assembly" -> LEG)."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return Cues()
    hit = ctx.kb.organisations.lookup(span.text, ctx.kb.countries)
    return Cues(hit.country, hit.sector) if hit else in_tokens(ctx, list(span))


def _from_context(ctx: Context, mentions: list[Span]) -> Cues:
    """Titles, modifiers and appositions around each mention in turn, first found wins."""
    found = Cues()
    for mention in mentions:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            found = found.fill(around(ctx, span))
        if found.country and found.sector:
            break
    return found


def _borrow_domestic_countries(ctx: Context, entities: list[Entity]) -> None:
    """A person in a domestic sector with no country named ("opposition leader Juan
    Guaido") takes the country of a person named in the same sentence who has one."""
    sectors = ctx.kb.sectors
    people = [e for e in entities if e.kind == "PERSON"]
    for entity in people:
        if entity.country or not sectors.domestic(entity.sector):
            continue
        sentences = {ctx.sentence_index(m.start) for m in entity.mentions}
        entity.country = next(
            (
                o.country
                for o in people
                if o is not entity
                and o.country
                and sentences & {ctx.sentence_index(m.start) for m in o.mentions}
            ),
            None,
        )


def country_entities(ctx: Context) -> list[Entity]:
    """One GPE entity per country named, one NORP entity per nationality (capitals are
    places, left to the places step)."""
    countries = ctx.kb.countries
    groups: dict[tuple[EntityKind, str], list[Span]] = {}
    for ent in ctx.ents:
        if ent.label_ not in ("GPE", "NORP") or ctx.in_caption(ent.start_char):
            continue
        hit = countries.lookup(ent.text)
        if hit is None or hit.via == "metonym":
            continue
        kind: EntityKind = "NORP" if hit.via == "demonym" else "GPE"
        groups.setdefault((kind, hit.iso3), []).append(Span(start=ent.start_char, end=ent.end_char))
    out = []
    for (kind, iso3), mentions in groups.items():
        country = countries.by_iso3(iso3)
        if country is None:  # `lookup` answered with this code: the row is there
            raise KeyError(f"countries: no row for {iso3}")
        name = country.name if kind == "GPE" else country.demonyms[0]
        out.append(
            Entity(
                id=stable_id("ent", ctx.document.id, kind, iso3),
                kind=kind,
                name=name,
                mentions=mentions,
                country=iso3,
                kb=f"iso3166:{iso3}",
            )
        )
    return out
