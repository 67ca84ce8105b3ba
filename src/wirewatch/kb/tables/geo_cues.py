"""`kb/data/geo_cues.yaml`: how the geocoder normalises names and reads feature cues.

Name normalisation (abbreviations, articles, transliteration skeleton), the words that say what
kind of place a name is ("air base", "port"), gazetteer priors, and words that mark a name as a
ship's rather than a place's.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row
from wirewatch.model.vocab import PlaceFeature


class Abbreviation(Row):
    short: str
    full: str


class Skeleton(Row):
    """One transliteration-tolerant rewrite, applied in order to a normalised name."""

    find: str
    replace: str


class FeatureCue(Row):
    words: list[str]
    features: list[PlaceFeature]
    extend: bool = True  # a name followed by this cue takes it in ("Khmeimim air base")
    leading: bool = False  # the cue may stand before the name too ("Naval Station Rota")
    # A site of this kind is named after the town it is at: when the gazetteer holds no
    # such site, the town is where it is ("Busan Naval Base", "Kidal airport").
    at_town: bool = False


class Priors(Row):
    """Log-scale prior weights of gazetteer entries by kind (a city's is log10 population)."""

    country: float
    region: float
    curated: float
    admin: float
    airport: dict[str, float]
    airbase_bonus: float
    city_precision_base_km: float
    city_floor: float  # cities500 entries with no population given
    capital_bonus: float
    city_precision_per_sqrt_pop_km: float


class Scoring(Row):
    """Weights added to a candidate's prior by how it matched and what the context says."""

    how: dict[str, float]
    cue_match: float
    cue_mismatch: float
    doc_country: float
    demonym_share: float = Field(ge=0, le=1)  # a demonym as a share of a name mention
    qualifier: float
    contains: float
    proximity: float
    proximity_km: float = Field(gt=0)
    airfield_town_km: float = Field(gt=0)
    min_score: float
    qualifier_window_chars: int = Field(gt=0)
    spelling: float = 0.0  # an entry whose name has the text's non-ASCII spelling
    qualifier_between: str  # a regex the whole text between qualifier and name matches


class Locatives(Row):
    strong: list[str]
    weak: list[str]


class AdminAbbreviations(Row):
    names: dict[str, list[str]]  # ISO 3166-2 code -> abbreviations


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    abbreviations: list[Abbreviation]
    leading_articles: list[str]
    skeleton_drop_words: list[str]  # Arabic articles, dropped from the skeleton only
    skeleton: list[Skeleton]
    feature_cues: list[FeatureCue]
    airbase_words: list[str] = Field(description="name words that make an airfield military")
    airbase_stem_words: list[str] = Field(
        default_factory=list,
        description="words left out of a military field's name to give the bare name reports use",
    )
    airbase_stem_stop: list[str] = Field(
        default_factory=list, description="words that keep a field's bare name from being used"
    )
    ship_nouns: list[str]
    ship_prefixes: list[str]
    generic_words: list[str]
    class_words: list[str]
    direction_adjectives: list[str]
    locatives: Locatives
    admin_abbreviations: AdminAbbreviations
    priors: Priors
    scoring: Scoring
    _words: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)
    _cues: list[str] = PrivateAttr(default_factory=list)
    _cue_regex: re.Pattern[str] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _build(self) -> Table:
        def lowered(words: list[str]) -> frozenset[str]:
            return frozenset(w.lower() for w in words)

        self._words = {
            "ship_nouns": lowered(self.ship_nouns),
            "generic": lowered(self.generic_words),
            "classes": lowered(self.class_words),
            "directions": lowered(self.direction_adjectives),
            "strong": lowered(self.locatives.strong),
            "weak": lowered(self.locatives.weak),
            "feature_words": frozenset(w for w in self._all_cues() if " " not in w),
        }
        self._cues = sorted(
            {w.lower() for c in self.feature_cues for w in c.words}, key=len, reverse=True
        )
        alternation = "|".join(re.escape(w) for w in self._cues)
        # Up to four capitalised words, then a cue in any case ("Ugolny airport").
        self._cue_regex = re.compile(rf"((?:[A-Z][\w’'.-]*\s+){{1,4}})(?i:{alternation})\b")
        return self

    def _all_cues(self) -> set[str]:
        return {w.lower() for c in self.feature_cues for w in c.words}

    @property
    def feature_words(self) -> frozenset[str]:
        """Single-word feature cues ("port", "base", "region"): "the port of Tartus"."""
        return self._words["feature_words"]

    # Lookups the places step uses on running text.
    def locative(self, words: str) -> str | None:
        """ "strong" or "weak" when `words` ("at", "port of") introduce a place name."""
        w = words.lower()
        return (
            "strong"
            if w in self._words["strong"]
            else ("weak" if w in self._words["weak"] else None)
        )

    def is_direction(self, word: str) -> bool:
        return word.lower() in self._words["directions"]

    def ship_name_at(self, text: str, start: int) -> bool:
        """A name after a hull prefix ("USS Carney") or after a ship noun and capitalised words
        ("the frigate Admiral Essen") is a ship's."""
        words = text[max(0, start - 40) : start].split()
        if words and words[-1] in self.ship_prefixes:
            return True
        for back in range(1, min(3, len(words)) + 1):
            if words[-back].lower() in self._words["ship_nouns"]:
                return True
            if not words[-back][:1].isupper():
                return False
        return False

    def class_name_at(self, text: str, end: int) -> bool:
        """ "Delhi-class destroyer": the name before is a ship or weapon class."""
        after = re.match(r"[-‐ ](\w+)", text[end : end + 12])
        return after is not None and after.group(1).lower() in self._words["classes"]

    def has_cue(self, name: str) -> bool:
        lowered = f" {name.lower()} "
        return any(f" {w} " in lowered for w in self._cues)

    def cue_core(self, name: str) -> str:
        """The name without its trailing cue and generic words ("Cam Ranh International
        Port" -> "Cam Ranh")."""
        words = name.split()
        lowered = " ".join(words).lower()
        for cue in self._cues:
            if lowered.endswith(" " + cue):
                words = words[: len(words) - len(cue.split())]
                break
        while len(words) > 1 and words[-1].lower() in self._words["generic"]:
            words.pop()
        return " ".join(words)

    def extending_cues(self) -> list[tuple[str, frozenset[str]]]:
        """Cues a name takes in when they follow it, longest first, with their features."""
        pairs = [
            (w.lower(), frozenset(c.features))
            for c in self.feature_cues
            if c.extend
            for w in c.words
        ]
        return sorted(pairs, key=lambda p: -len(p[0]))

    def cue_regex(self) -> re.Pattern[str]:
        assert self._cue_regex is not None
        return self._cue_regex
