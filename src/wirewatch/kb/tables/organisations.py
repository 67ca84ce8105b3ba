"""`kb/data/organisations.yaml`: military and government bodies, agencies, armed groups,
international organisations and firms, each with country and PLOVER sector.

`templates` name bodies every state has ("{demonym} Defence Ministry", "Ministry of Defence
of {country}"); they resolve through the countries table, so no state needs its own row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row, index
from wirewatch.kb.tables._common import key as plain_key
from wirewatch.kb.tables.countries import Table as Countries

# Lookups on running text ask about the same few thousand terms again and again.
key = lru_cache(maxsize=1 << 16)(plain_key)

Kind = Literal["org", "unit", "igo", "armed_group", "firm", "agency"]
_SLOT = re.compile(r"\{(demonym|country)\}")


class Organisation(Row):
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{3}$")  # ISO alpha-3 or PLOVER's IGO, UNO, EUR ...
    sector: str = Field(pattern=r"^[A-Z]{3}$")
    kind: Kind = "org"
    kb: str | None = None


class Template(Row):
    pattern: str  # with one {demonym} or {country} slot
    sector: str = Field(pattern=r"^[A-Z]{3}$")
    kind: Kind = "org"

    @model_validator(mode="after")
    def _one_slot(self) -> Template:
        if len(_SLOT.findall(self.pattern)) != 1:
            raise ValueError(f"template {self.pattern!r} needs one {{demonym}} or {{country}}")
        return self


@dataclass(frozen=True)
class OrgHit:
    name: str
    country: str
    sector: str
    kind: str
    key: str  # "org:<row key>", or "org:<iso3>_<template>" for a templated state body
    kb: str | None = None  # an outside id when the row gives one ("wikidata:Q7184")


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisations: list[Organisation]
    templates: list[Template] = Field(default_factory=list)
    facility_heads: list[str] = Field(default_factory=list)  # "airport": a place, not a body
    _terms: dict[str, Organisation] = PrivateAttr(default_factory=dict)
    _regex: list[tuple[re.Pattern[str], Template]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _build(self) -> Table:
        entries = [(t, o.key, o) for o in self.organisations for t in (o.name, *o.aliases)]
        self._terms = index(entries, "organisations")
        self._regex = [(_compile(t.pattern), t) for t in self.templates]
        return self

    def lookup(self, term: str, countries: Countries | None = None) -> OrgHit | None:
        """A named organisation, or (given the countries table) a templated state body."""
        found = self._terms.get(key(term))
        if found:
            return OrgHit(
                found.name, found.country, found.sector, found.kind, f"org:{found.key}", found.kb
            )
        if countries is None:
            return None
        for regex, template in self._regex:
            match = regex.fullmatch(key(term))
            hit = countries.lookup(match.group("slot")) if match else None
            if hit:
                return OrgHit(
                    term.strip(),
                    hit.iso3,
                    template.sector,
                    template.kind,
                    f"org:{hit.iso3.lower()}_{_slug(template.pattern)}",
                )
        return None

    def is_facility(self, name: str) -> bool:
        """A name ending in a facility word ("... International Airport"): the NER often tags
        these ORG, but they are places (FAC)."""
        words = key(name).split()
        return any(words[-len(h.split()) :] == key(h).split() for h in self.facility_heads)

    def surface_forms(self, countries: Countries) -> list[tuple[str, str]]:
        """(text, id) for every name, alias and template filled with each country's names
        and demonyms: the entity ruler's phrase patterns."""
        out = [(t, f"org:{o.key}") for o in self.organisations for t in (o.name, *o.aliases)]
        for template in self.templates:
            slot = _SLOT.search(template.pattern)
            for c in countries.countries:
                fills = c.demonyms if slot and slot.group(1) == "demonym" else [c.name, *c.aliases]
                out += [
                    (
                        _SLOT.sub(f, template.pattern),
                        f"org:{c.iso3.lower()}_{_slug(template.pattern)}",
                    )
                    for f in fills
                ]
        return out


def _compile(pattern: str) -> re.Pattern[str]:
    before, _, after = _SLOT.split(pattern, maxsplit=1)
    parts = [
        re.escape(key(before)) + (" " if before.strip() else ""),
        "(?P<slot>.+?)",
        (" " if after.strip() else "") + re.escape(key(after)),
    ]
    return re.compile("".join(parts).strip())


def _slug(pattern: str) -> str:
    return re.sub(r"[^a-z]+", "_", _SLOT.sub("", pattern).casefold()).strip("_")
