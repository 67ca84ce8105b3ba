"""A story from its member events: every source kept, disagreements shown. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from wirewatch.model import Analysis, Claim, Event, Evidence, stable_id
from wirewatch.resolve.config import StoryRules
from wirewatch.resolve.distance import km
from wirewatch.resolve.models import (
    Copy,
    Disagreement,
    SourceValue,
    Story,
    StorySource,
)
from wirewatch.resolve.quantities import quantities
from wirewatch.resolve.storygraph import NodeKey
from wirewatch.store.dedup import similarity

Located = tuple[str, float, float, str | None]  # a source's place: name, lat, lon, country


def story_id(members: list[NodeKey]) -> str:
    return stable_id("sty", *min(members))


def related_claims(event: Event, analysis: Analysis) -> list[Claim]:
    """The claims an event's report makes about it: the claim it is attributed to, and every
    claim whose nearest event (in sentences; the earlier on a tie) is this one, unless that
    claim is another event's attribution."""
    owned = {e.attribution.claim: e.id for e in analysis.events if e.attribution.claim}
    out = []
    for claim in analysis.claims:
        if claim.id in owned:
            if owned[claim.id] == event.id:
                out.append(claim)
            continue
        if _nearest_event(claim, analysis) == event.id:
            out.append(claim)
    return out


def _nearest_event(claim: Claim, analysis: Analysis) -> str | None:
    said = [e.sentence for e in claim.evidence]
    best: tuple[int, int, str] | None = None
    for order, event in enumerate(analysis.events):
        if not event.evidence or not said:
            continue
        gap = min(abs(a.sentence - b) for a in event.evidence for b in said)
        if best is None or (gap, order) < best[:2]:
            best = (gap, order, event.id)
    return best[2] if best else None


def _nearby_text(analysis: Analysis, evidence: list[Evidence], window: int) -> str:
    """The evidence and the document's sentences within `window` of it, in text order."""
    spans = analysis.sentences
    wanted = {
        i
        for ev in evidence
        for i in range(ev.sentence - window, ev.sentence + window + 1)
        if 0 <= i < len(spans)
    }
    text = analysis.document.text
    parts = [text[spans[i].start : spans[i].end] for i in sorted(wanted)]
    return " ".join(parts + [ev.text for ev in evidence if ev.sentence >= len(spans)])


def _fmt_dates(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def mark_copies(
    sources: list[StorySource], prints: dict[str, tuple[str, list[int]]], threshold: float
) -> list[StorySource]:
    """Sources in date order, each later repeat of an earlier one (same text hash, or MinHash
    similarity at or above `threshold`) marked `copy_of` that one."""
    out: list[StorySource] = []
    for source in sources:
        mine = prints.get(source.document_id)
        original = None
        for earlier in out:
            theirs = prints.get(earlier.document_id)
            if (
                earlier.copy_of is None
                and mine
                and theirs
                and (mine[0] == theirs[0] or similarity(mine[1], theirs[1]) >= threshold)
            ):
                original = earlier.document_id
                break
        out.append(source.model_copy(update={"copy_of": original}))
    return out


def build_story(
    members: list[NodeKey],
    analyses: dict[str, Analysis],
    prints: dict[str, tuple[str, list[int]]],
    copies: dict[str, list[Copy]],
    config: StoryRules,
) -> Story:
    by_doc: dict[str, list[Event]] = {}
    for doc_id, event_id in members:
        event = next(e for e in analyses[doc_id].events if e.id == event_id)
        by_doc.setdefault(doc_id, []).append(event)
    order = sorted(by_doc, key=lambda d: (analyses[d].document.date, d))
    sources: list[StorySource] = []
    claims_of: dict[str, list[Claim]] = {}
    texts: dict[str, str] = {}
    points: dict[str, Located] = {}
    areas: dict[str, Located] = {}  # places too coarse to measure from (countries)
    countries: set[str] = set()
    for doc_id in order:
        analysis, events = analyses[doc_id], by_doc[doc_id]
        doc = analysis.document
        claims: dict[str, Claim] = {}
        for event in events:
            for claim in related_claims(event, analysis):
                claims.setdefault(claim.id, claim)
            countries.update(p.country for p in event.actor + event.recipient if p.country)
        claims_of[doc_id] = list(claims.values())
        starts = [e.when.start if e.when else doc.date for e in events]
        ends = [e.when.end if e.when else doc.date for e in events]
        place = next((p for e in events if (p := analysis.place(e.place))), None)
        if place and place.country:
            countries.add(place.country)
        if place and place.lat is not None and place.lon is not None:
            if place.precision_km is not None and place.precision_km > config.area_precision_km:
                areas[doc_id] = (place.name, place.lat, place.lon, place.country)
            else:
                points[doc_id] = (place.name, place.lat, place.lon, place.country)
        evidence = [ev for e in events for ev in e.evidence]
        texts[doc_id] = _nearby_text(analysis, evidence, config.quantity_sentence_window)
        sources.append(
            StorySource(
                document_id=doc_id,
                outlet=doc.outlet,
                date=doc.date,
                event_ids=[e.id for e in events],
                claim_ids=list(claims),
                when=(min(starts), max(ends)),
                place=place.name if place else None,
                evidence=evidence,
                copies=copies.get(doc_id, []),
            )
        )
    sources = mark_copies(sources, prints, config.syndication_similarity)
    # The story is placed at its first source's point: a place rather than an area's centre.
    first_point = next(
        (points[d] for d in order if d in points),
        next((areas[d] for d in order if d in areas), None),
    )
    return Story(
        id=story_id(members),
        event=by_doc[order[0]][0].event,
        start=min(s.when[0] for s in sources if s.when),
        end=max(s.when[1] for s in sources if s.when),
        countries=sorted(countries),
        place=first_point[0] if first_point else next((s.place for s in sources if s.place), None),
        lat=first_point[1] if first_point else None,
        lon=first_point[2] if first_point else None,
        source_count=sum(1 for s in sources if s.copy_of is None),
        sources=sources,
        disagreements=disagreements(sources, claims_of, texts, points, config, areas),
    )


def disagreements(
    sources: list[StorySource],
    claims_of: dict[str, list[Claim]],
    texts: dict[str, str],
    points: dict[str, Located],
    config: StoryRules,
    areas: dict[str, Located] | None = None,
) -> list[Disagreement]:
    out: list[Disagreement] = []

    def field(name: str, values: Iterable[tuple[StorySource, str]]) -> None:
        out.append(
            Disagreement(
                field=name,
                values=[
                    SourceValue(document_id=s.document_id, outlet=s.outlet, value=v)
                    for s, v in values
                ],
            )
        )

    dated = [(s, _fmt_dates(*s.when)) for s in sources if s.when]
    if len({v for _, v in dated}) > 1:
        field("date", dated)
    pointed = [s for s in sources if s.document_id in points]
    areas = areas or {}
    apart = any(
        km(*points[a.document_id][1:3], *points[b.document_id][1:3]) > config.place_disagreement_km
        for a in pointed
        for b in pointed
    )
    # An area (a country) and a place inside it do not disagree: the area is only vaguer.
    # An area in another country than another source's place does.
    countries = {place[3] for place in (*points.values(), *areas.values())}
    if apart or (areas and len(countries - {None}) > 1):
        field(
            "place",
            [
                (
                    s,
                    points[s.document_id][0]
                    if s.document_id in points
                    else areas[s.document_id][0],
                )
                for s in sources
                if s.document_id in points or s.document_id in areas
            ],
        )
    per_source = {s.document_id: quantities(texts[s.document_id], config) for s in sources}
    for label in [q.label for q in config.quantities]:
        stated = [
            (s, ", ".join(_fmt_number(v) for v in sorted(per_source[s.document_id][label])))
            for s in sources
            if label in per_source[s.document_id]
        ]
        if len({v for _, v in stated}) > 1:
            field(label, stated)
    _claim_fields(sources, claims_of, field)
    return out


def _claim_fields(
    sources: list[StorySource],
    claims_of: dict[str, list[Claim]],
    field: Callable[[str, Iterable[tuple[StorySource, str]]], None],
) -> None:
    def said(claim: Claim) -> str:
        return f"{claim.claimant.name}: {claim.content}"

    denials = [
        (s, said(c)) for s in sources for c in claims_of[s.document_id] if c.stance == "denies"
    ]
    if denials:
        field("denial", denials)
    doubted = [
        (s, f"{c.assessed}: {said(c)}")
        for s in sources
        for c in claims_of[s.document_id]
        if c.assessed == "doubted"
    ]
    if doubted:
        field("assessment", doubted)
    stated = [
        (s, " | ".join(said(c) for c in claims_of[s.document_id]))
        for s in sources
        if claims_of[s.document_id]
    ]
    if len(stated) > 1 and len({v for _, v in stated}) > 1:
        field("claims", stated)
