"""`kb/data/countries.yaml`: every ISO 3166-1 country with aliases, demonyms and metonyms.

A metonym is a name standing for a state's institutions ("Moscow", "the Kremlin", "the
Pentagon"), so a hit through it carries a sector as well as a country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row, index
from wirewatch.kb.tables._common import key as plain_key

# Lookups on running text ask about the same few thousand terms again and again.
key = lru_cache(maxsize=1 << 16)(plain_key)

Via = Literal["name", "alias", "demonym", "metonym"]


class Metonym(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2)
    sector: str = "GOV"
    kind: Literal["capital", "seat"] = "capital"  # a city, or a building/street (an ORG)

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        # A bare string in the YAML is a metonym for the government (the common case).
        return {"name": value} if isinstance(value, str) else value


class Country(Row):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    metonyms: list[Metonym] = Field(default_factory=list)
    ambiguous: bool = False  # the name is also a common word or given name ("Chad", "Jordan")
    # Names this country shares with another ("Congo"): place names for the geocoder to weigh
    # in context, never KB lookups or entity patterns (one term, one country there).
    shares: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class CountryHit:
    """What a term resolves to: the country, how it was named, and the sector it implies."""

    iso3: str
    name: str
    via: Via
    sector: str | None = None


class Anaphora(Row):
    """Nouns that, after "the", stand for the last country named ("the country")."""

    words: list[str]


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    anaphora: Anaphora
    countries: list[Country]
    _terms: dict[str, CountryHit] = PrivateAttr(default_factory=dict)
    _by_iso3: dict[str, Country] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build(self) -> Table:
        entries: list[tuple[str, str, CountryHit]] = []
        for c in self.countries:
            entries.append((c.name, c.iso3, CountryHit(c.iso3, c.name, "name")))
            entries += [(a, c.iso3, CountryHit(c.iso3, c.name, "alias")) for a in c.aliases]
            entries += [(d, c.iso3, CountryHit(c.iso3, c.name, "demonym")) for d in c.demonyms]
            entries += [
                (m.name, c.iso3, CountryHit(c.iso3, c.name, "metonym", m.sector))
                for m in c.metonyms
            ]
        self._terms = index(entries, "countries")
        self._by_iso3 = {c.iso3: c for c in self.countries}
        return self

    def lookup(self, term: str) -> CountryHit | None:
        """The country a name, alias, demonym or metonym stands for, or None."""
        return self._terms.get(key(term))

    def by_iso3(self, iso3: str) -> Country | None:
        return self._by_iso3.get(iso3)

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """(text, kind, iso3) for entity-ruler patterns; kind is name, demonym, capital or
        seat. Ambiguous names are left out: the statistical NER judges those in context."""
        out: list[tuple[str, str, str]] = []
        for c in self.countries:
            names = [] if c.ambiguous else [c.name]
            out += [(n, "name", c.iso3) for n in [*names, *c.aliases]]
            out += [(d, "demonym", c.iso3) for d in c.demonyms]
            out += [(m.name, m.kind, c.iso3) for m in c.metonyms]
        return out
