"""Geocode one document: toponym spans in, `Place`s out (pure, given the opened gazetteer).

`Geocoder` holds the opened index and the rules (kb geo_cues, geo_relative). Mentions are
grouped by name key, each name gets candidates, the names are resolved together (`choose`),
and names that reached the same entry become one Place ("Khmeimim" and "Khmeimim air base").
A relative phrase before a mention ("75 miles south of Caracas") adds a computed point.
Caption policy: mentions inside captions and photo credits are listed as mentions, and a
place named only there is kept (the text does name it), but they give no context (they do
not count as the document naming a country, nor qualify a neighbour).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise

from wirewatch.geo.candidates import NameQuery, NameReader, candidates
from wirewatch.geo.choose import BROAD, Group, choose, distance_km, lies_in
from wirewatch.geo.gazetteer import Candidate, Gazetteer
from wirewatch.geo.relative import RelativeReader, project
from wirewatch.kb.tables.geo_cues import Table as GeoCues
from wirewatch.kb.tables.geo_relative import Table as GeoRelative
from wirewatch.model import Place, Span, stable_id

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[A-Z“\"]")
MAX_CANDIDATES = 60  # most prominent by prior; a name with more readings is ruled by its big ones
RELATIVE_COUNTRY_KM = 150  # a computed point keeps its anchor's country up to this distance


class Geocoder:
    """The opened gazetteer with the rules that choose among its entries: built once per
    process (`wirewatch.geo.open_geocoder`) and handed to every analysis."""

    def __init__(self, gazetteer: Gazetteer, cues: GeoCues, relative: GeoRelative) -> None:
        self.gazetteer = gazetteer
        self.scoring = cues.scoring
        self.names = NameReader(cues, gazetteer.keys)
        self.relatives = RelativeReader(relative)
        self._between = re.compile(cues.scoring.qualifier_between, re.IGNORECASE)
        # A name's candidates, most prominent first: the same for every text that names it,
        # so computed once per name for the life of the opened index (callers only read).
        self._ranked: dict[NameQuery, list[Candidate]] = {}

    def geocode(
        self,
        document_id: str,
        text: str,
        spans: Iterable[tuple[int, int]],
        captions: Iterable[tuple[int, int]] = (),
        demonyms: Iterable[str] = (),
    ) -> list[Place]:
        """`Place`s for the toponym spans of one document; `captions` give mentions but no
        context, `demonyms` (ISO alpha-3 of each) are weak country context."""
        caption_spans = list(captions)
        groups: dict[str, Group] = {}
        for start, end in sorted(set(spans)):
            query = self.names.parse(text[start:end])
            group = groups.get(query.key)
            if group is None:
                group = groups[query.key] = Group(query, [], [], self._candidates(query))
            group.mentions.append((start, end))
            if not any(s <= start < e for s, e in caption_spans):
                group.context_mentions.append((start, end))
        ordered = list(groups.values())
        qualified = _link_neighbours(
            ordered, text, self.scoring.qualifier_window_chars, self._between
        )
        choose(ordered, self.scoring, demonyms)
        _airfields_by_short_name(ordered, self.names.parse, self.scoring.airfield_town_km)
        ordered += _split_homonyms(ordered, qualified)
        return _places(document_id, text, ordered) + _relatives(
            document_id, text, ordered, self.relatives
        )

    def _candidates(self, query: NameQuery) -> list[Candidate]:
        found = self._ranked.get(query)
        if found is None:
            found = sorted(candidates(self.gazetteer, query), key=lambda c: -c.prior)
            found = self._ranked[query] = found[:MAX_CANDIDATES]
        return found

    # What toponym recognition asks of the index (the places step), passed through.
    @property
    def scan_keys(self) -> frozenset[str]:
        return self.gazetteer.scan_keys

    def features(self, name: str) -> frozenset[str]:
        return self.gazetteer.features(name)

    def loose_features(self, name: str) -> frozenset[str]:
        return self.gazetteer.loose_features(name)

    def codes(self, code: str) -> list[Candidate]:
        return self.gazetteer.codes(code)

    def reachable(self, name: str) -> frozenset[str]:
        """The features of the entries the geocoder would consider for a name as written,
        by every way it reaches one ("Ain al-Asad air base": Al Asad Air Base, an airbase)."""
        return frozenset(c.feature for c in self._candidates(self.names.parse(name)))

    def key(self, name: str) -> str:
        return self.gazetteer.key(name)

    def may_open_scan_key(self, word: str) -> bool:
        return self.gazetteer.may_open_scan_key(word)


def _link_neighbours(
    groups: list[Group], text: str, window: int, between: re.Pattern[str]
) -> dict[tuple[int, int], set[int]]:
    """Names next to each other, within `window` characters and with only `between`'s words
    between them ("Tripoli, Lebanon"), qualify each other. Returns the groups next to each
    mention, for telling apart two places with one name."""
    marks = sorted((s, e, i) for i, g in enumerate(groups) for s, e in g.context_mentions)
    near: dict[tuple[int, int], set[int]] = {}
    for (s1, e1, i), (s2, e2, j) in pairwise(marks):
        gap = text[e1:s2]
        if (
            i != j
            and len(gap) <= window
            and between.fullmatch(gap)
            and not _SENTENCE_END.search(text[e1 : s2 + 1])
        ):
            groups[i].neighbours.add(j)
            groups[j].neighbours.add(i)
            near.setdefault((s1, e1), set()).add(j)
            near.setdefault((s2, e2), set()).add(i)
    return near


_AIRFIELDS = frozenset({"airport", "airbase"})


def _airfields_by_short_name(
    groups: list[Group], parse: Callable[[str], NameQuery], town_km: float
) -> None:
    """An airfield the text names in full or by its code ("UCFM", "Manas International
    Airport") is what its short name means in the same text ("the movements at Manas"),
    not a namesake town far from it (the town it serves stays a place of its own)."""
    fields = {
        parse(g.choice.name).core: g.choice
        for g in groups
        if g.choice is not None and g.choice.feature in _AIRFIELDS
    }
    for group in groups:
        field = fields.get(group.query.key)
        if (
            field is None
            or group.query.cues
            or (group.choice is not None and group.choice.feature in {*BROAD, "admin"})
            or group.choice is field
            or (group.choice is not None and distance_km(group.choice, field) <= town_km)
        ):
            continue
        group.choice, group.reason = field, None
        group.confidence = max(group.confidence, 0.5)


def _split_homonyms(groups: list[Group], near: dict[tuple[int, int], set[int]]) -> list[Group]:
    """Two places with one name in one text ("Tripoli, Lebanon" ... "Tripoli, Libya"): when
    the qualifiers next to a name's mentions point to different entries, each qualified
    mention goes to the entry inside its own qualifier. Unqualified mentions stay with the
    name's choice (a writer qualifies a name once, then repeats it bare)."""
    extra: list[Group] = []
    for group in list(groups):
        if group.choice is None or len(group.mentions) < 2:
            continue
        local = {
            m: _inside_qualifier(group, [groups[n] for n in near.get(m, ())])
            for m in group.context_mentions
        }
        picked = {c.id: c for c in local.values() if c is not None}
        if len(picked) < 2:
            continue
        if group.choice.id not in picked:  # the name's choice is none of them: keep the
            counts = Counter(c.id for c in local.values() if c is not None)  # commonest
            group.choice = picked[counts.most_common(1)[0][0]]
        for ident, choice in picked.items():
            if ident == group.choice.id:
                continue
            moved = [m for m, c in local.items() if c is not None and c.id == ident]
            group.mentions = [m for m in group.mentions if m not in moved]
            group.context_mentions = [m for m in group.context_mentions if m not in moved]
            extra.append(
                Group(
                    group.query,
                    moved,
                    moved,
                    group.candidates,
                    choice=choice,
                    confidence=group.confidence,
                )
            )
    return extra


def _inside_qualifier(group: Group, qualifiers: list[Group]) -> Candidate | None:
    """The most prominent candidate of `group` lying in a country or subdivision chosen
    for a name right next to this mention, if any."""
    inside = [
        c
        for q in qualifiers
        if q.choice and q.choice.feature in ("country", "admin")
        for c in group.candidates
        if lies_in(c, q.choice)
    ]
    return max(inside, key=lambda c: (c.prior, -c.id), default=None)


def _places(document_id: str, text: str, groups: list[Group]) -> list[Place]:
    merged: dict[str, list[Group]] = {}
    for g in groups:
        merged.setdefault(g.choice.kb if g.choice else f"name:{g.query.key}", []).append(g)
    return [_place(document_id, text, ident, members) for ident, members in merged.items()]


def _place(document_id: str, text: str, ident: str, members: list[Group]) -> Place:
    spans = sorted(m for g in members for m in g.mentions)
    surfaces: dict[str, int] = {}
    for s, e in spans:
        surfaces[text[s:e]] = surfaces.get(text[s:e], 0) + 1
    name = max(surfaces, key=lambda n: (surfaces[n], len(n)))
    best = max(members, key=lambda g: g.confidence)
    c = best.choice
    place_id = stable_id("plc", document_id, ident)
    mentions = [Span(start=s, end=e) for s, e in spans]
    if c is None:
        return Place(id=place_id, name=name, mentions=mentions, reason=best.reason)
    return Place(
        id=place_id,
        name=name,
        mentions=mentions,
        reason=best.reason,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country=c.country,
        admin1=c.admin1 if c.feature != "country" else None,
        feature=c.feature,
        precision_km=round(c.precision_km, 1),
        kb=c.kb,
        confidence=best.confidence,
    )


def _relatives(
    document_id: str, text: str, groups: list[Group], reader: RelativeReader
) -> list[Place]:
    out: dict[str, Place] = {}
    for g in groups:
        for start, end in g.mentions:
            rel = reader.find(text, start) if g.choice else None
            if rel is None or g.choice is None:
                continue
            lat, lon = project(g.choice.lat, g.choice.lon, rel)
            phrase = text[rel.start : end]
            pid = stable_id("plc", document_id, "relative", " ".join(phrase.lower().split()))
            previous = out.get(pid)
            spans = [*(previous.mentions if previous else []), Span(start=rel.start, end=end)]
            out[pid] = Place(
                id=pid,
                name=phrase,
                mentions=spans,
                lat=round(lat, 5),
                lon=round(lon, 5),
                country=g.choice.country if rel.distance_km <= RELATIVE_COUNTRY_KM else None,
                feature="point",
                kb=None,
                confidence=g.confidence,
                precision_km=round(rel.uncertainty_km + g.choice.precision_km, 1),
            )
    return list(out.values())
