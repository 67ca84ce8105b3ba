"""Actors (`ctx.entities`): people, organisations, outlets, countries and nationalities, with
country and PLOVER sector, one Entity per real-world actor (mention clusters from nlp).

`actor_for_span(ctx, start, end)` is the helper later steps (events, movements, claims) use
to turn a noun phrase into an `Actor`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.actor_cues import in_tokens
from wirewatch.extract.actor_entities import cluster_entities, country_entities, person_named
from wirewatch.extract.context import Context
from wirewatch.extract.registry import step
from wirewatch.kb.tables.people import PersonHit
from wirewatch.model import Actor, Entity


@step("actors")
def find_actors(ctx: Context) -> None:
    ctx.entities.extend(cluster_entities(ctx))
    ctx.entities.extend(country_entities(ctx))


def actor_for_span(ctx: Context, start: int, end: int) -> Actor | None:
    """An Actor for the noun phrase at [start, end): the entity mentioned there, else the
    country and sector its words name ("the Venezuelan military" -> VEN MIL, "Turkish
    troops" -> TUR MIL, "Moscow" -> RUS GOV); None when it names neither."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = ctx.tokens[span.start : span.end]  # a span's iterator rebuilds its tokens
    entity = _named_entity(ctx, start, end)
    cues = in_tokens(ctx, tokens)
    if entity is not None:
        return Actor(
            entity=entity.id,
            name=entity.name,
            country=entity.country or cues.country,
            sector=entity.sector or cues.sector,
        )
    person = _listed_person(ctx, tokens)
    if person is not None:
        return Actor(name=person.name, country=person.country, sector=person.sector or cues.sector)
    if cues.country is None and cues.sector is None:
        return None
    exact = ctx.entity_at(start, end)
    whole = (
        exact if exact and any(m.start == start and m.end == end for m in exact.mentions) else None
    )
    return Actor(
        entity=whole.id if whole else None,
        name=ctx.kb.sectors.without_article(span.text),
        country=cues.country,
        sector=cues.sector,
    )


def _named_entity(ctx: Context, start: int, end: int) -> Entity | None:
    """A person, organisation or outlet mentioned inside the span (not a bare nationality
    or country, which only colour the phrase: "Russian troops" are not "Russian")."""
    return next((e for e in ctx.entities_within(start, end) if e.kind not in ("NORP", "GPE")), None)


def _listed_person(ctx: Context, tokens: list[Token]) -> PersonHit | None:
    """A leader or official of the people table named by a run of proper nouns the NER
    left untagged ("Erdogan said" with no entity on "Erdogan")."""
    run: list[Token] = []
    ended: list[Token | None] = [*tokens, None]  # None closes the last run
    for token in ended:
        if (
            token is not None
            and token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and ctx.ent_of(token) is None
        ):
            run.append(token)
            continue
        if run:
            hit = person_named(ctx, ctx.document.text[run[0].idx : run[-1].idx + len(run[-1])])
            if hit is not None:
                return hit
            run = []
    return None
