"""PLOVER JSONL: one record per event with PLOVER's own field names.

Required PLOVER fields are `id`, `date`, `source` (actor objects) and `event` (a list). The
location object follows PLOVER's geonames-style names ("country code" is alpha-2, `cc3` alpha-3).
Negated and speculated events are kept, marked in `context` as PLOVER's manual suggests
("negation", "hypothetical"), so that users can drop them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pycountry

from wirewatch.export._links import NO_LINKS, Links, LinkSource, with_links
from wirewatch.export._sink import TextSink
from wirewatch.kb import default_kb
from wirewatch.model import Actor, Analysis, Event, Filters, Place

CODEBOOK = "plover-wirewatch-1"


def quad_codes() -> dict[str, int]:
    """PLOVER type -> quad code, from the knowledge base's PLOVER table (data, not code); the
    knowledge base the analysis uses, loaded once per process."""
    return default_kb().plover.quad_codes()


def _actor(actor: Actor) -> dict[str, Any]:
    record: dict[str, Any] = {"actor_text": actor.name}
    if actor.country:
        record["code"] = actor.country
    if actor.sector:
        record["sector"] = actor.sector
    if actor.entity:
        record["identifier_id"] = actor.entity
    return record


def _alpha2(alpha3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.alpha_2 if country else None


def _location(place: Place) -> dict[str, Any]:
    loc: dict[str, Any] = {
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "country code": _alpha2(place.country),
        "cc3": place.country,
        "admin1 code": place.admin1,
    }
    if place.kb and place.kb.startswith("geonames:"):
        loc["geonameid"] = int(place.kb.split(":", 1)[1])
    return {key: value for key, value in loc.items() if value is not None}


def plover_record(
    event: Event, analysis: Analysis, version: str, quad: Mapping[str, int], links: Links = NO_LINKS
) -> dict[str, Any]:
    doc = analysis.document
    when = event.when
    context = list(event.context)
    if event.negated:
        context.append("negation")
    if event.attribution.status == "speculated":
        context.append("hypothetical")
    record: dict[str, Any] = {
        "id": event.id,
        "has_event": True,
        "date": (when.start if when else doc.date).isoformat(),
        "source": [_actor(a) for a in event.actor],
        "recipient": [_actor(a) for a in event.recipient],
        "event": [event.event],
        "event_text": [e.text for e in event.evidence],
        "context": context,
        "coder": f"wirewatch {version}",
        "cite_info": {
            key: value
            for key, value in {
                "url": doc.url,
                "title": doc.title,
                "language": doc.lang,
                "publication": doc.outlet,
                "citation": doc.id,
                "codebook": CODEBOOK,
                "version": version,
            }.items()
            if value
        },
    }
    if when and when.end != when.start:
        record["enddate"] = when.end.isoformat()
    if event.mode:
        record["mode"] = [event.mode]
    if event.event in quad:
        record["quad_code"] = quad[event.event]
    place = analysis.place(event.place)
    if place and place.lat is not None:
        record["event_loc"] = _location(place)
    if event.evidence:
        first = event.evidence[0]
        record["text_info"] = {"sequence": first.sentence, "start": first.start, "end": first.end}
    if event.cameo:
        record["cameo"] = event.cameo  # an extension field, as PLOVER permits
    story = links.story(doc.id, event.id)
    if story:
        record["link"] = story  # PLOVER's field for a reference shared by related records
    return record


def write_plover(
    analyses: Iterable[Analysis],
    out: TextSink,
    filters: Filters,
    *,
    version: str = "0",
    quad: Mapping[str, int] | None = None,
    links: LinkSource | None = None,
) -> int:
    count = 0
    for analysis, linked in with_links(analyses, links):
        for event in analysis.events:
            if filters.matches_event(event, analysis):
                out.write(
                    json.dumps(
                        plover_record(
                            event, analysis, version, quad_codes() if quad is None else quad, linked
                        ),
                        ensure_ascii=False,
                    )
                    + "\n"
                )
                count += 1
    return count
