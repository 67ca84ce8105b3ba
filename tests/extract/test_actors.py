"""Actors: country and sector from titles, modifiers, appositions and cue words; mention
clusters as one entity; captions give no entities; `actor_for_span` for noun phrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.extract.actors import actor_for_span

SEED_GOLD = Path(__file__).resolve().parents[1] / "gold" / "00-seed-an124-venezuela.json"


@pytest.fixture
def actors(context_for):
    def run(text: str):
        return context_for(text, upto="actors")

    return run


def entity(ctx, name):
    hits = [e for e in ctx.entities if e.name == name]
    assert len(hits) == 1, [(e.kind, e.name) for e in ctx.entities]
    return hits[0]


def span_actor(ctx, phrase):
    start = ctx.document.text.index(phrase)
    return actor_for_span(ctx, start, start + len(phrase))


def test_title_and_demonym_give_country_and_sector(actors):
    ctx = actors("The Kremlin backs embattled Venezuelan President Nicolas Maduro.")
    maduro = entity(ctx, "Nicolas Maduro")
    assert (maduro.kind, maduro.country, maduro.sector) == ("PERSON", "VEN", "GOV")


def test_opposition_leader_and_clustered_mentions(actors):
    ctx = actors(
        "Venezuelan President Nicolas Maduro is locked in a crisis with "
        "American-supported opposition leader Juan Guaido. Maduro refuses to go. "
        "Supporters cheered Guiado in Caracas, and Guaido thanked them."
    )
    guaido = entity(ctx, "Juan Guaido")
    assert (guaido.country, guaido.sector) == ("VEN", "OPP")  # not USA: "American-supported"
    assert len(guaido.mentions) == 3  # Guaido, the misspelt Guiado, Guaido
    assert len(entity(ctx, "Nicolas Maduro").mentions) == 2


def test_metonym_outlet_and_military_organisation(actors):
    ctx = actors(
        "A Russian Air Force An-124 landed. The Kremlin said nothing, and an unnamed "
        "diplomatic source told Russian state media outlet Sputnik it was routine."
    )
    kremlin = entity(ctx, "Kremlin")
    assert (kremlin.kind, kremlin.country, kremlin.sector) == ("ORG", "RUS", "GOV")
    sputnik = entity(ctx, "Sputnik")
    assert (sputnik.kind, sputnik.country, sputnik.sector) == ("OUTLET", "RUS", "JRN")
    air_force = entity(ctx, "Russian Air Force")
    assert (air_force.kind, air_force.country, air_force.sector) == ("ORG", "RUS", "MIL")
    source = span_actor(ctx, "an unnamed diplomatic source")
    assert source is not None and source.sector == "GOV" and source.country is None


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        (
            "Subsequent photographs show Russian personnel on the tarmac.",
            "Russian personnel",
            "RUS",
            "MIL",
        ),
        ("Russia sent the planes.", "Russia", "RUS", None),
        ("Members of the Venezuelan military defected.", "the Venezuelan military", "VEN", "MIL"),
        ("Turkish troops crossed the border.", "Turkish troops", "TUR", "MIL"),
        ("Moscow denied the report.", "Moscow", "RUS", "GOV"),
        ("The Pentagon declined to comment.", "The Pentagon", "USA", "MIL"),
        ("Police dispersed the protesters.", "the protesters", None, "CVL"),
    ],
)
def test_actor_for_span(actors, text, phrase, country, sector):
    actor = span_actor(actors(text), phrase)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_title_before_a_comma(actors):
    ctx = actors("Three officers were shot. Kosovo's prime minister, Albin Kurti, blamed Belgrade.")
    kurti = entity(ctx, "Albin Kurti")
    assert (kurti.country, kurti.sector) == ("XKX", "GOV")


def test_actor_for_span_names_the_entity(actors):
    ctx = actors("Venezuelan President Nicolas Maduro spoke.")
    actor = span_actor(ctx, "Venezuelan President Nicolas Maduro")
    assert actor.entity == entity(ctx, "Nicolas Maduro").id
    assert (actor.name, actor.country, actor.sector) == ("Nicolas Maduro", "VEN", "GOV")


def test_actor_for_span_without_cues_is_none(actors):
    ctx = actors("The weather was fine.")
    assert span_actor(ctx, "The weather") is None


def test_captions_marked_and_give_no_entities(actors):
    text = (
        "Russian personnel arrived in Caracas.\n\n"
        "Dmitriy Vinogradov/Sputnik via AP Russian personnel at Khmeimim during a "
        "ceremony in May 2017.\n\nThe claim from the Kremlin is doubtful."
    )
    ctx = actors(text)
    caption = text.index("Dmitriy")
    assert [(s.start, text[s.end - 9 : s.end]) for s in ctx.captions()] == [(caption, "May 2017.")]
    assert ctx.in_caption(text.index("Khmeimim"))
    inside = [e.name for e in ctx.entities for m in e.mentions if ctx.in_caption(m.start)]
    assert inside == []
    assert not any(e.name.startswith("Dmitriy") or e.name == "Sputnik" for e in ctx.entities)
    assert any(d.text == "May 2017" for d in ctx.dates)  # dates in captions still count


def test_seed_entities(actors):
    gold = json.loads(SEED_GOLD.read_text("utf-8"))
    ctx = actors(gold["document"]["text"])
    got = {e.name: (e.kind, e.country, e.sector) for e in ctx.entities}
    assert got["Nicolas Maduro"] == ("PERSON", "VEN", "GOV")
    assert got["Juan Guaido"] == ("PERSON", "VEN", "OPP")
    assert got["Sputnik"] == ("OUTLET", "RUS", "JRN")
    assert got["Associated Press"] == ("OUTLET", "USA", "JRN")
    assert got["ImageSat International"][1:] == ("ISR", "BUS")
    assert got["Russia"] == ("GPE", "RUS", None)
    names = [e.name for e in ctx.entities]
    assert "Guiado" not in names and "Maduro" not in names  # clustered, not separate
    assert not any("Vinogradov" in n or "Hernandez" in n or "Patiño" in n for n in names)


@pytest.mark.parametrize(
    ("text", "date", "phrase", "expected"),
    [
        (
            "Erdogan told reporters on Tuesday that the talks would continue.",
            "2024-05-02",
            "Erdogan",
            ("TUR", "GOV"),
        ),
        (
            "President Javier Milei met investors in the capital.",
            "2024-05-02",
            "President Javier Milei",
            ("ARG", "GOV"),
        ),
        (
            "President Sheinbaum rejected the proposal on Monday.",
            "2025-03-04",
            "President Sheinbaum",
            ("MEX", "GOV"),
        ),
        ("Putin and Lukashenko met in Minsk.", "2024-05-02", "Lukashenko", ("BLR", "GOV")),
    ],
)
def test_listed_people_get_their_country_without_a_cue(context_for, text, date, phrase, expected):
    ctx = context_for(text, date=date, upto="actors")
    actor = span_actor(ctx, phrase)
    assert actor is not None and (actor.country, actor.sector) == expected


def test_a_bare_surname_out_of_office_gets_no_country_from_the_table(context_for):
    # Trump held no office in 2023: "Trump" alone is not resolved by the people table.
    ctx = context_for("Trump spoke to supporters on Saturday.", date="2023-06-10", upto="actors")
    actor = span_actor(ctx, "Trump")
    assert actor is None or actor.country is None


def test_the_country_is_not_the_subject_of_its_own_sentence(context_for):
    ctx = context_for(
        "Venezuela faces a deepening crisis. In January, Russia sent mercenaries "
        "to the country, officials said.",
        upto="actors",
    )
    actor = span_actor(ctx, "the country")
    assert actor is not None and actor.country == "VEN"


def test_the_country_may_follow_a_nationality_in_its_sentence(context_for):
    ctx = context_for(
        "Brazil hosted the talks. Venezuelan President Nicolas Maduro ordered "
        "troops into the east of the country.",
        upto="actors",
    )
    actor = span_actor(ctx, "the country")
    assert actor is not None and actor.country == "VEN"
