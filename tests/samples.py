"""A hand-built Analysis that fills every field of the contract.

Store and export tests use it so that each field is known to survive a write and a read,
independently of what the extractors find.
"""

from __future__ import annotations

import datetime as dt

from wirewatch.model import (
    Actor,
    Analysis,
    Asset,
    Attribution,
    Claim,
    Claimant,
    Document,
    Entity,
    Event,
    Evidence,
    Movement,
    Place,
    Span,
    TimeExpr,
    When,
    stable_id,
)

TEXT = (
    "A Russian An-124 arrived in Caracas on Mar. 23, 2019, after a stop at Khmeimim. "
    "An unnamed source told Sputnik the crew came for consultations."
)


def _find(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start=start, end=start + len(needle))


def _evidence(sentence: int) -> Evidence:
    first_end = TEXT.index(". ") + 1
    start, end = (0, first_end) if sentence == 0 else (first_end + 1, len(TEXT))
    return Evidence(sentence=sentence, start=start, end=end, text=TEXT[start:end])


def sample_analysis(text: str = TEXT, outlet: str = "Test Wire") -> Analysis:
    doc = Document(
        date=dt.date(2019, 3, 25),
        outlet=outlet,
        url="https://example.org/a",
        title="An-124 lands in Caracas",
        text=text,
    )
    day = dt.date(2019, 3, 23)
    russia = Actor(
        entity=stable_id("ent", doc.id, "Russia"), name="Russia", country="RUS", sector="MIL"
    )
    venezuela = Actor(name="Venezuela", country="VEN", sector="GOV")
    caracas = Place(
        id=stable_id("plc", doc.id, "Caracas"),
        name="Caracas",
        mentions=[_find("Caracas")],
        lat=10.488,
        lon=-66.879,
        country="VEN",
        admin1="Distrito Capital",
        feature="city",
        precision_km=10.0,
        kb="geonames:3646738",
        confidence=0.95,
    )
    khmeimim = Place(
        id=stable_id("plc", doc.id, "Khmeimim"),
        name="Khmeimim",
        mentions=[_find("Khmeimim")],
        lat=35.4011,
        lon=35.9486,
        country="SYR",
        feature="airbase",
        precision_km=2.0,
        kb="icao:OSLK",
        confidence=0.9,
    )
    unresolved = Place(
        id=stable_id("plc", doc.id, "Nowhere"), name="Nowhere", reason="no gazetteer match"
    )
    claim = Claim(
        id=stable_id("clm", doc.id, 1),
        claimant=Claimant(name="unnamed source", kind="unnamed_source", country="RUS"),
        outlet="Sputnik",
        content="the crew came for consultations",
        when=When(start=day, end=day, precision="day"),
        stance="asserts",
        hedge="reportedly",
        assessed="doubted",
        evidence=[_evidence(1)],
    )
    when = When(start=day, end=day, precision="day", text="Mar. 23, 2019")
    event = Event(
        id=stable_id("evt", doc.id, 1),
        event="MOBILIZE",
        mode="troops",
        context=["military"],
        cameo="15",
        actor=[russia],
        recipient=[venezuela],
        place=caracas.id,
        when=when,
        attribution=Attribution(status="reported", claim=claim.id, hedge="reportedly"),
        evidence=[_evidence(0)],
        confidence=0.8,
    )
    movement = Movement(
        id=stable_id("mov", doc.id, 1),
        asset=Asset(
            kind="aircraft",
            model="An-124",
            name="Antonov An-124 Ruslan",
            reporting_name="Condor",
            identifier="RA-82038",
            operator=russia,
            count=1,
        ),
        origin=None,
        via=[khmeimim.id],
        destination=caracas.id,
        depart=None,
        arrive=when,
        payload="cargo",
        personnel=100,
        attribution=Attribution(status="asserted"),
        evidence=[_evidence(0)],
        confidence=0.9,
    )
    entity = Entity(
        id=russia.entity or "",
        kind="GPE",
        name="Russia",
        mentions=[_find("Russian")],
        country="RUS",
        sector="GOV",
        kb="wikidata:Q159",
    )
    date = TimeExpr(
        text="Mar. 23, 2019",
        span=_find("Mar. 23, 2019"),
        start=day,
        end=day,
        precision="day",
        anchor="absolute",
    )
    return Analysis(
        document=doc,
        sentences=[Span(start=e.start, end=e.end) for e in (_evidence(0), _evidence(1))],
        entities=[entity],
        places=[caracas, khmeimim, unresolved],
        events=[event],
        movements=[movement],
        claims=[claim],
        dates=[date],
    )
