"""Choose one gazetteer entry per name, in the context of the whole document.

Score = prior (log10 population scale) + how the name matched + feature cue ("air base") +
countries the document names + qualifiers next to the mention ("Caracas, Venezuela",
"Venezuela's capital Caracas", "... in Syria") + proximity to the other places chosen. Weights are
data (`geo_cues.yaml: scoring`). Below `min_score` a name stays unresolved, with its reason.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from wirewatch.geo.candidates import NameQuery
from wirewatch.geo.gazetteer import Candidate
from wirewatch.kb.tables.geo_cues import Scoring

BROAD = frozenset({"country", "region", "water"})


@dataclass
class Group:
    """One distinct name in the document with its mentions and candidate entries."""

    query: NameQuery
    mentions: list[tuple[int, int]]
    context_mentions: list[tuple[int, int]]  # mentions outside captions: they give context
    candidates: list[Candidate]
    neighbours: set[int] = field(default_factory=set)  # indices of groups named next to it
    choice: Candidate | None = None
    confidence: float = 0.0
    reason: str | None = None


# Great-circle distance is at least the latitude difference along a meridian (111.195 km per
# degree on the haversine sphere); slightly under, so the cheap test below never drops a pair
# the exact one would keep.
_KM_PER_DEGREE_LAT = 111.19


def distance_km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance (haversine): scoring needs speed, not geodesic precision."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def choose(groups: list[Group], scoring: Scoring, demonyms: Iterable[str] = ()) -> None:
    """Fill `choice`, `confidence` and `reason` of every group (two passes: the second adds
    proximity to the places the first pass chose). `demonyms`: the country (ISO alpha-3) of
    each demonym in the text ("Egyptian"), weaker context than the country's name."""
    countries = _document_countries(groups, demonyms, scoring.demonym_share)
    for _ in range(2):
        anchors = [g.choice for g in groups if g.choice and g.choice.feature not in BROAD]
        for index, group in enumerate(groups):
            _pick(group, _scores(index, group, groups, countries, anchors, scoring), scoring)


def _document_countries(
    groups: list[Group], demonyms: Iterable[str], share: float
) -> dict[str, float]:
    """Countries named in the body, weighted by mentions relative to the most named one."""
    counts: dict[str, float] = {}  # weights: a demonym counts a share of a name mention
    for iso3 in demonyms:
        counts[iso3] = counts.get(iso3, 0) + share
    for g in groups:
        named = {c.country for c in g.candidates if c.feature == "country" and c.country}
        if len(named) == 1 and g.context_mentions:
            country = named.pop()
            counts[country] = counts.get(country, 0) + len(g.context_mentions)
    top = max(counts.values(), default=1)
    return {iso3: n / top for iso3, n in counts.items()}


def _scores(
    index: int,
    group: Group,
    groups: list[Group],
    countries: dict[str, float],
    anchors: list[Candidate],
    w: Scoring,
) -> list[tuple[float, Candidate]]:
    qualifiers = [
        c
        for n in group.neighbours
        for c in groups[n].candidates
        if c.feature in ("country", "admin")
    ]
    # `lies_in` a country qualifier is lying in its country: one set test per candidate.
    qualifying_countries = {q.country for q in qualifiers if q.feature == "country"}
    subdivisions = [q for q in qualifiers if q.feature != "country"]
    # A name two countries share ("Congo") leans to the country the rest of the text names
    # or implies ("Congolese" is the DRC's demonym in the table; "Goma" lies in the DRC).
    rivals = sum(c.feature == "country" for c in group.candidates) > 1
    others = [a for a in anchors if a is not group.choice]  # the same for every candidate
    scored = []
    # "Ørland" is written the way only the Norwegian entry is: letters beyond ASCII that an
    # entry's own name shares are strong evidence for it over same-keyed names elsewhere.
    marked = group.query.marked
    cue_words = set(group.query.key.split()) - set(group.query.core.split())
    for c in group.candidates:
        score = c.prior + w.how.get(c.how, 0.0)
        if marked and marked in c.name.casefold():
            score += w.spelling
        if rivals and c.feature == "country" and c.country in countries:
            score += w.doc_country * countries[c.country]
        if group.query.cues:
            # "Esperanza Base" is the entry's own name, whatever kind of entry it is.
            named_so = cue_words and cue_words <= set(c.name.casefold().split())
            fits = c.feature in group.query.cues or named_so or c.how == "town"
            score += w.cue_match if fits else w.cue_mismatch
        if c.feature != "country" and c.country in countries:
            score += w.doc_country * countries[c.country]
        # (Each `any` below only when it has something to look at: the first pass has no
        # anchors.)
        if c.feature != "country" and (
            c.country in qualifying_countries or any(lies_in(c, q) for q in subdivisions)
        ):
            score += w.qualifier
        if (
            others
            and c.feature in ("admin", "country")
            and any(a.id != c.id and lies_in(a, c) for a in others)
        ):
            score += w.contains  # a place chosen elsewhere in the text lies inside it
        if (
            others
            and c.feature not in BROAD
            and any(
                a.id != c.id
                and abs(a.lat - c.lat) * _KM_PER_DEGREE_LAT < w.proximity_km
                and distance_km(a, c) < w.proximity_km
                for a in others
            )
        ):
            score += w.proximity
        scored.append((score, c))
    return sorted(scored, key=lambda s: (-s[0], -s[1].prior, s[1].id))


def lies_in(c: Candidate, q: Candidate) -> bool:
    """True when candidate c lies in qualifier q (a country or subdivision named next to it)."""
    if c.id == q.id or c.feature == "country":
        return False
    if q.feature == "country":
        return c.country == q.country
    return c.admin1 == q.admin1 or (
        c.country == q.country and distance_km(c, q) < 1.5 * q.precision_km
    )


def _pick(group: Group, scored: list[tuple[float, Candidate]], w: Scoring) -> None:
    if not scored:
        group.choice, group.confidence = None, 0.0
        group.reason = f"no gazetteer entry for {group.query.key!r}"
        return
    best, top = scored[0]
    if best < w.min_score:
        group.choice, group.confidence = None, 0.0
        group.reason = (
            f"only weak matches for {group.query.key!r}: best {top.name} "
            f"({top.country or '-'}, {top.feature}) scored {best:.1f} "
            f"< {w.min_score}"
        )
        return
    margin = best - scored[1][0] if len(scored) > 1 else best - w.min_score + 2.0
    confidence = 1 / (1 + math.exp(-margin))
    if top.how in ("skel", "part", "town"):
        confidence *= 0.7  # the text's spelling is not one the gazetteer knows
    group.choice, group.confidence, group.reason = top, round(min(0.99, confidence), 3), None
