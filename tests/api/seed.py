"""Hand-built analyses for the API tests: three documents, two outlets, one An-124 airframe
seen in all three (once without its tail number), events of four types in three countries."""

from __future__ import annotations

import datetime as dt

from tests.samples import sample_analysis
from wirewatch.ingest import fingerprint
from wirewatch.model import (
    Actor,
    Analysis,
    Asset,
    Claim,
    Claimant,
    Document,
    Entity,
    Event,
    Evidence,
    Movement,
    Origin,
    Place,
    Span,
    When,
    stable_id,
)
from wirewatch.store import Store

RUSSIA = Actor(name="Russia", country="RUS", sector="MIL")
USA = Actor(name="United States", country="USA", sector="GOV")
FRANCE = Actor(name="French farmers", country="FRA", sector="CVL")


def _day(text: str) -> When:
    day = dt.date.fromisoformat(text)
    return When(start=day, end=day, precision="day")


def _whole(text: str) -> list[Evidence]:
    return [Evidence(sentence=0, start=0, end=len(text), text=text)]


def _place(
    doc: Document, name: str, lat: float, lon: float, country: str, feature: str = "city"
) -> Place:
    start = doc.text.index(name)
    return Place(
        id=stable_id("plc", doc.id, name),
        name=name,
        mentions=[Span(start=start, end=start + len(name))],
        lat=lat,
        lon=lon,
        country=country,
        feature=feature,
        precision_km=5.0,
    )  # type: ignore[arg-type]


def return_leg() -> Analysis:
    """2019-03-29, Second Wire: the An-124 flies back Caracas -> Moscow; the US accuses Russia."""
    text = (
        "The An-124 RA-82038 left Caracas for Moscow on March 28. "
        "Washington accused Russia of reckless escalation."
    )
    doc = Document(
        date=dt.date(2019, 3, 29), outlet="Second Wire", title="An-124 leaves", text=text
    )
    caracas = _place(doc, "Caracas", 10.488, -66.879, "VEN")
    moscow = _place(doc, "Moscow", 55.75, 37.62, "RUS")
    washington = _place(doc, "Washington", 38.9, -77.04, "USA")
    first = text.index(". ") + 1
    evidence = [
        Evidence(sentence=0, start=0, end=first, text=text[:first]),
        Evidence(sentence=1, start=first + 1, end=len(text), text=text[first + 1 :]),
    ]
    movement = Movement(
        id=stable_id("mov", doc.id, 1),
        asset=Asset(kind="aircraft", model="An-124", identifier="RA-82038", operator=RUSSIA),
        origin=caracas.id,
        destination=moscow.id,
        depart=_day("2019-03-28"),
        evidence=[evidence[0]],
        confidence=0.9,
    )
    accuse = Event(
        id=stable_id("evt", doc.id, 1),
        event="ACCUSE",
        actor=[USA],
        recipient=[RUSSIA],
        place=washington.id,
        when=_day("2019-03-28"),
        evidence=[evidence[1]],
        confidence=0.7,
    )
    entity = Entity(
        id=stable_id("ent", doc.id, "Russia"),
        kind="GPE",
        name="Russia",
        mentions=[Span(start=text.index("Russia"), end=text.index("Russia") + 6)],
        country="RUS",
    )
    return Analysis(
        document=doc,
        sentences=[Span(start=e.start, end=e.end) for e in evidence],
        entities=[entity],
        places=[caracas, moscow, washington],
        events=[accuse],
        movements=[movement],
    )


def paris() -> Analysis:
    """2019-04-03, Second Wire: a protest in Paris; an An-124 with no tail number lands in
    Moscow; a spokesman denies it carried troops."""
    text = (
        "Farmers protested in Paris on April 2. A Russian An-124 landed in Moscow. "
        "A spokesman denied it carried troops."
    )
    doc = Document(date=dt.date(2019, 4, 3), outlet="Second Wire", title="Paris protest", text=text)
    paris_ = _place(doc, "Paris", 48.857, 2.352, "FRA")
    moscow = _place(doc, "Moscow", 55.75, 37.62, "RUS")
    protest = Event(
        id=stable_id("evt", doc.id, 1),
        event="PROTEST",
        actor=[FRANCE],
        place=paris_.id,
        when=_day("2019-04-02"),
        evidence=_whole(text[:38]),
        confidence=0.8,
    )
    landing = Movement(
        id=stable_id("mov", doc.id, 1),
        asset=Asset(kind="aircraft", model="An-124", operator=RUSSIA),
        destination=moscow.id,
        evidence=_whole(text[:38]),
        confidence=0.6,
    )
    claim = Claim(
        id=stable_id("clm", doc.id, 1),
        claimant=Claimant(name="a spokesman", kind="person", country="RUS"),
        content="it carried troops",
        stance="denies",
        evidence=_whole(text[text.index("A spokesman") :]),
    )
    return Analysis(
        document=doc, places=[paris_, moscow], events=[protest], movements=[landing], claims=[claim]
    )


def analyses() -> list[Analysis]:
    return [sample_analysis(), return_leg(), paris()]


def fill(store: Store, items: list[Analysis] | None = None) -> list[Analysis]:
    """Store the analyses (document first, as ingest does) and return them."""
    items = analyses() if items is None else items
    for number, analysis in enumerate(items):
        doc = analysis.document
        store.add_document(doc, fingerprint(doc.text), Origin(source="test", locator=str(number)))
        store.save_analysis(analysis)
    return items
