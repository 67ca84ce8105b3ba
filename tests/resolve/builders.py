"""Hand-built analyses for resolution tests: a few lines per report, ids as analyze() makes
them (stable hashes of document id + name/number)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
    When,
    stable_id,
)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def when(start: str, end: str | None = None) -> When:
    first, last = day(start), day(end or start)
    return When(start=first, end=last, precision="day" if first == last else "range")


@dataclass
class Report:
    """One document under construction; `sentence()` adds text and returns its evidence."""

    id: str
    date: str
    outlet: str | None = None
    sentences: list[str] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def sentence(self, text: str) -> Evidence:
        start = sum(len(s) + 1 for s in self.sentences)
        self.sentences.append(text)
        return Evidence(
            sentence=len(self.sentences) - 1, start=start, end=start + len(text), text=text
        )

    def place(
        self,
        name: str,
        lat: float | None,
        lon: float | None,
        country: str | None,
        feature: str = "city",
        precision_km: float | None = None,
    ) -> str:
        """A place; mentioned where the text written so far names it (if it does)."""
        pid = stable_id("plc", self.id, name)
        at = " ".join(self.sentences).find(name)
        mentions = [Span(start=at, end=at + len(name))] if at >= 0 else []
        self.places[pid] = Place(
            id=pid,
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            feature=feature,
            precision_km=precision_km,  # type: ignore
            mentions=mentions,
        )
        return pid

    def event(
        self,
        kind: str,
        text: str,
        on: When | None,
        actors=(),
        recipients=(),
        place: str | None = None,
        status: str = "asserted",
        negated: bool = False,
        claim: str | None = None,
    ) -> Event:
        ev = Event(
            id=stable_id("evt", self.id, len(self.events)),
            event=kind,  # type: ignore
            actor=[Actor(name=n, country=c) for n, c in actors],
            recipient=[Actor(name=n, country=c) for n, c in recipients],
            place=place,
            when=on,
            negated=negated,
            attribution=Attribution(status=status, claim=claim),  # type: ignore[arg-type]
            evidence=[self.sentence(text)],
        )
        self.events.append(ev)
        return ev

    def claim(
        self,
        claimant: str,
        kind: str,
        content: str,
        stance: str = "asserts",
        assessed: str | None = None,
        country: str | None = None,
    ) -> Claim:
        cl = Claim(
            id=stable_id("clm", self.id, len(self.claims)),
            claimant=Claimant(name=claimant, kind=kind, country=country),  # type: ignore
            content=content,
            stance=stance,
            assessed=assessed,  # type: ignore[arg-type]
            evidence=[self.sentence(f"{claimant} said {content}.")],
        )
        self.claims.append(cl)
        return cl

    def entity(self, name: str, kind: str, country: str | None, kb: str | None = None) -> None:
        self.entities.append(
            Entity(
                id=stable_id("ent", self.id, name, len(self.entities)),
                kind=kind,
                name=name,
                country=country,
                kb=kb,
            )
        )  # type: ignore

    def movement(
        self,
        model: str | None,
        country: str | None,
        *,
        identifier: str | None = None,
        origin: str | None = None,
        via: tuple[str, ...] = (),
        destination: str | None = None,
        depart: str | None = None,
        arrive: str | None = None,
        kind: str = "aircraft",
        status: str = "asserted",
    ) -> Movement:
        mv = Movement(
            id=stable_id("mov", self.id, len(self.movements)),
            asset=Asset(
                kind=kind,
                model=model,
                identifier=identifier,  # type: ignore[arg-type]
                operator=Actor(name=country or "unknown", country=country),
            ),
            origin=origin,
            via=list(via),
            destination=destination,
            depart=when(*depart.split("/")) if depart else None,
            arrive=when(*arrive.split("/")) if arrive else None,
            attribution=Attribution(status=status),  # type: ignore[arg-type]
            evidence=[self.sentence(f"A {model or 'plane'} flew.")],
        )
        self.movements.append(mv)
        return mv

    def analysis(self) -> Analysis:
        # The id closes the text: a store keeps one document per text, and two test reports
        # may say the same sentences. Sentence spans and evidence come before it, unchanged.
        doc = Document(
            id=self.id,
            date=day(self.date),
            outlet=self.outlet,
            text=" ".join([*self.sentences, f"[{self.id}]"]),
        )
        spans, start = [], 0
        for text in self.sentences:
            spans.append(Span(start=start, end=start + len(text)))
            start += len(text) + 1
        return Analysis(
            document=doc,
            sentences=spans,
            places=list(self.places.values()),
            events=self.events,
            movements=self.movements,
            claims=self.claims,
            entities=self.entities,
        )
