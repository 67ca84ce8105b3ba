"""Candidate entries for one name as written: exact key, the name without its feature cue
("Khmeimim air base" -> "Khmeimim" among bases), the transliteration skeleton, and as a last
resort the name without leading words ("Nazi Germany" -> "Germany")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from wirewatch.geo.gazetteer import Candidate, Gazetteer
from wirewatch.geo.normalize import NameKeys
from wirewatch.kb.tables.geo_cues import Table as GeoCues

# Names with a country reading never resolve to a smaller named thing (a street, an airfield);
# a subdivision of the same name stays in play ("Georgia" the state).
COUNTRY_PEERS = frozenset({"country", "admin", "region"})
AIRFIELD_FEATURES = frozenset({"airport", "airbase"})
TOWNS = frozenset({"city", "locality"})
_FUNCTION_WORDS = frozenset({"of", "the", "and", "de", "la", "le", "del", "al", "el"})


@dataclass(frozen=True)
class NameQuery:
    key: str
    core: str  # the key without a trailing feature cue
    cues: frozenset[str]  # features the cue words favour (empty: no cue)
    capitals: bool = False  # written in capitals: may be an airfield's code ("AIN", "CCS")
    marked: str = ""  # the name as written when it has letters beyond ASCII ("Ørland")
    at_town: bool = False  # its cue names a site after its town ("Busan Naval Base")


class NameReader:
    """A name as written -> its `NameQuery`, by the feature cues of the geo_cues table."""

    def __init__(self, cues: GeoCues, keys: NameKeys) -> None:
        self._key = keys.key
        pairs = [(keys.key(w), frozenset(c.features)) for c in cues.feature_cues for w in c.words]
        # Longest cue first.
        self._cue_phrases = tuple(sorted(pairs, key=lambda p: -len(p[0])))
        self._leading = tuple(
            (phrase, features)
            for phrase, features in self._cue_phrases
            if any(c.leading and keys.key(w) == phrase for c in cues.feature_cues for w in c.words)
        )
        self._at_town = frozenset(
            keys.key(w) for c in cues.feature_cues if c.at_town for w in c.words
        )
        self._generic_words = frozenset(keys.key(w) for w in cues.generic_words)
        # A pure function of the name; the same names recur in every text.
        self.parse = lru_cache(maxsize=1 << 16)(self._parse)

    def _parse(self, surface: str) -> NameQuery:
        k = self._key(surface)
        cues: set[str] = set()
        at_town = False
        # "Niamey air base 101": a field's number after its cue is no part of the core.
        head, _, last = k.rpartition(" ")
        core = head if head and last.isdigit() else k
        for phrase, features in self._cue_phrases:
            if f" {phrase} " in f" {k} ":
                cues |= features
                if core.endswith(" " + phrase):
                    core = core[: -len(phrase) - 1].strip()
                    at_town = at_town or phrase in self._at_town
        if core == k:
            for phrase, _features in self._leading:
                rest = k[len(phrase) + 1 :] if k.startswith(phrase + " ") else ""
                if (
                    rest
                    and not rest.split()[0].isdigit()
                    and rest.split()[0] not in _FUNCTION_WORDS
                ):
                    # "Naval Station Rota": the cue before the name.
                    core, at_town = rest, phrase in self._at_town
                    break
        if not cues or any(phrase.startswith(core) for phrase, _ in self._cue_phrases):
            # A number ends no name without a cue ("Grace 1"); "Air Base 201" has no core.
            core, at_town = k, False
        generic = self._generic_words
        while cues and " " in core and core.rsplit(" ", 1)[1] in generic:
            core = core.rsplit(" ", 1)[0]
        return NameQuery(
            key=k,
            core=core or k,
            cues=frozenset(cues),
            capitals=surface.isupper(),
            marked="" if surface.isascii() else surface.strip().casefold(),
            at_town=at_town,
        )


def candidates(gaz: Gazetteer, query: NameQuery) -> list[Candidate]:
    airfield_cue = bool(query.cues & AIRFIELD_FEATURES)
    exact = gaz.lookup(query.key)
    found = _usable(exact, airfield_cue)
    if not query.capitals:
        found = [c for c in found if c.how != "code"]  # "Ain" is no code; "AIN" may be
    if query.marked:
        # "landed at Ørland": an airfield whose own name is spelt so is in play without an
        # airfield word (only it writes "Ø"; the same key elsewhere is "Orland").
        seen = {c.id for c in found}
        found += [
            c
            for c in exact
            if c.feature in AIRFIELD_FEATURES
            and c.id not in seen
            and c.how != "code"
            and query.marked in c.name.casefold()
        ]
    if query.cues and query.core != query.key:
        found += [
            c
            for c in _usable(gaz.lookup(query.core), airfield_cue)
            if c.feature in query.cues and c.id not in {f.id for f in found}
        ]
    if not found:
        found = [
            c
            for c in gaz.lookup_skeleton(query.key)
            if airfield_cue or c.feature not in AIRFIELD_FEATURES or c.detail == "curated"
        ]
    if not found and query.core != query.key:
        found = [c for c in gaz.lookup_skeleton(query.core) if c.feature in query.cues]
    if not found:
        found = [c for c in exact if c.how == "stem"]
    if not found:
        # Last of all, an airfield by the town it serves or a word of its own name ("arrived
        # from Evenes": Harstad/Narvik Airport, Evenes), when the name reaches nothing else.
        # Weighed as a stem: by then it is the name's only reading.
        found = [
            replace(c, how="stem")
            for c in exact
            if c.how == "served"
            or (c.how == "alt" and c.feature in AIRFIELD_FEATURES and query.key in gaz.key(c.name))
        ]
    core_words = len(query.core.split()) if query.cues else None
    if not found and airfield_cue:
        # "Ain al-Asad air base" for Al Asad Air Base: leading words off the field's name.
        rest = _trailing(gaz, query.key, core_words, function_words=True)
        found = [c for c in rest if c.feature in AIRFIELD_FEATURES]
    if not found:
        found = _trailing(gaz, query.key, core_words)
    if not found and query.at_town and query.core != query.key:
        # "Busan Naval Base", "Kidal airport", with no such site in the gazetteer: the town
        # the site is named after is where it is.
        found = [
            replace(c, how="town")
            for c in gaz.lookup(query.core)
            if c.feature in TOWNS and c.how in ("name", "alt", "title")
        ]
    return _countries_first(found)


def _usable(found: list[Candidate], airfield_cue: bool) -> list[Candidate]:
    """'served' names (the city an airport serves) only count when the text says airport, and
    so do airfields reached by a keyword or variant (ourairports keywords hold operators and
    old names: "Gazprom" is not an airport). Curated bases keep all their names."""
    return [
        c
        for c in found
        if airfield_cue
        or (
            c.how not in ("served", "stem")
            and not (c.how == "alt" and c.feature in AIRFIELD_FEATURES and c.detail != "curated")
        )
    ]


def _trailing(
    gaz: Gazetteer, name_key: str, core_words: int | None = None, function_words: bool = False
) -> list[Candidate]:
    """The name without leading words: the longest rest that names something. The rest keeps
    at least one of the first `core_words` (the words before a feature cue: "8th Tactical Air
    Base" never becomes "Air Base"); it may open with a function word only when
    `function_words` ("al asad")."""
    words = name_key.split()
    for start in range(1, core_words if core_words is not None else len(words)):
        part = " ".join(words[start:])
        if len(part) < 4 or (words[start] in _FUNCTION_WORDS and not function_words):
            continue  # "Gulf of" must not become the Turkish town "Of"
        found = [c for c in gaz.lookup(part) if c.how in ("name", "alt", "title", "bare")]
        if found:
            return [replace(c, how="part") for c in found]
    return []


def _countries_first(found: list[Candidate]) -> list[Candidate]:
    if any(c.feature == "country" and c.how in ("name", "alt") for c in found):
        return [c for c in found if c.feature in COUNTRY_PEERS]
    return found
