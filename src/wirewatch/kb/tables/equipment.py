"""Schema and lookups for `kb/data/equipment.yaml`: the military equipment catalogue.

A designator is matched on a normal form that ignores case, hyphens, spaces and dots, so
"An-124", "AN-124" and "An 124" meet on one key; the answer is the catalogue's spelling of the
variant the text names ("Il-62M", not the family "Il-62"), as spec §2 asks for `Asset.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EquipmentKind = Literal["aircraft", "ship", "vehicle", "weapon_system"]
_FOLD = re.compile(r"[\s\-\u2010-\u2015.'’]+")


def fold(text: str) -> str:
    """The match key: case-folded, with spaces, hyphens, dots and apostrophes removed."""
    return _FOLD.sub("", text).casefold()


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    designator: str
    variants: list[str] = Field(default_factory=list)
    # Other spellings that name the item on their own ("Globemaster III", "HIMARS").
    aliases: list[str] = Field(default_factory=list)
    kind: EquipmentKind
    name: str | None = None  # full name, e.g. "Antonov An-124 Ruslan"
    maker: str | None = None
    country: str | None = None  # ISO alpha-3 of the maker's country
    reporting_name: str | None = None  # NATO name: trusted only next to the designator
    # Other ambiguous names ("Ruslan", "Abrams"): same rule as the reporting name.
    nicknames: list[str] = Field(default_factory=list)
    source: str


@dataclass(frozen=True)
class Match:
    """One catalogue hit: the item and the designator form the text names."""

    item: Item
    model: str  # the variant's (or family's) canonical spelling
    contextual: bool = False  # hit on a reporting/popular name alone


class Identifier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str  # group 1 is the identifier
    source: str


class ShipPrefix(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prefix: str
    country: str
    source: str


class Units(BaseModel):
    """Numbered formations ("82nd Airborne Division"): the nouns that end a designation."""

    model_config = ConfigDict(extra="forbid")

    nouns: list[str]
    source: str


_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_CAP = r"[A-Z][\w'’.-]*"


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    # Tokens that look like designators ("Il-62M", "Tu-95MS") stay whole: see nlp/equipment.py.
    designator_token: str
    designator_suffixes: list[str] = Field(default_factory=list)
    identifiers: list[Identifier] = Field(default_factory=list)
    identifier_joiner: str | None = None
    ship_prefixes: list[ShipPrefix] = Field(default_factory=list)
    units: Units | None = None
    items: list[Item]

    @cached_property
    def _keys(self) -> dict[str, Match]:
        keys: dict[str, Match] = {}
        for item in self.items:
            for alias in item.aliases:
                keys.setdefault(fold(alias), Match(item, _alias_model(item, alias)))
            for form in [item.designator, *item.variants]:
                keys[fold(form)] = Match(item, form)
        return keys

    @cached_property
    def _names(self) -> dict[str, Match]:
        names: dict[str, Match] = {}
        for item in self.items:
            for name in (item.reporting_name, *item.nicknames):
                if name:
                    names.setdefault(fold(name), Match(item, item.designator, contextual=True))
        return names

    @cached_property
    def first_tokens(self) -> frozenset[str]:
        """Folded first tokens of every form: a cheap filter before trying longer spans."""
        firsts: set[str] = set()
        for item in self.items:
            for form in [item.designator, *item.variants, *item.aliases]:
                firsts.add(fold(form.split()[0]))
                firsts.add(fold(re.split(r"[\s\-]+", form)[0]))
            for name in (item.reporting_name, *item.nicknames):
                if name:
                    firsts.add(fold(re.split(r"[\s\-]+", name)[0]))
        return frozenset(firsts)

    @cached_property
    def max_tokens(self) -> int:
        forms = [f for i in self.items for f in [i.designator, *i.variants, *i.aliases]]
        return max(len(re.split(r"[\s\-]+", form)) for form in forms) + 1

    def lookup(self, text: str) -> Match | None:
        """The item a designator or alias names (any case, hyphen or spacing, or a plural
        "Tu-95s"), else None."""
        key = fold(text)
        hit = self._keys.get(key)
        if hit is None and len(key) > 3 and key.endswith("s"):
            hit = self._keys.get(key[:-1])
        return hit

    def lookup_name(self, text: str) -> Match | None:
        """The item a reporting or popular name ("Condor") belongs to; callers check context."""
        return self._names.get(fold(text))

    def designator_re(self) -> re.Pattern[str]:
        return re.compile(self.designator_token)

    @cached_property
    def _identifier_res(self) -> list[re.Pattern[str]]:
        return [re.compile(row.pattern) for row in self.identifiers]

    @cached_property
    def _unit_re(self) -> re.Pattern[str] | None:
        if self.units is None:
            return None
        nouns = "|".join(re.escape(n) for n in sorted(self.units.nouns, key=len, reverse=True))
        word = rf"(?:{_CAP}|{_ORDINAL}|of|the)"
        # "82nd Airborne Division"; British style adds the regiment after a comma ("1st
        # Battalion, Princess of Wales's Royal Regiment"), which is part of the designation.
        return re.compile(
            rf"\b{_ORDINAL}(?:\s+{_CAP}){{0,4}}?\s+(?:{nouns})\b"
            rf"(?:,\s+(?:The\s+)?(?:{word}\s+){{0,6}}?(?:{nouns})\b)?"
        )

    def units_in(self, text: str) -> list[tuple[int, int]]:
        """Character spans of numbered unit designations in `text`."""
        found = self._unit_re
        return [m.span() for m in found.finditer(text)] if found is not None else []

    def navy_of(self, name: str) -> str | None:
        """The country whose navy a ship name's prefix denotes ("USS X" -> USA)."""
        first = name.split()[0] if name.split() else ""
        return next((p.country for p in self.ship_prefixes if p.prefix == first), None)

    def identifier_in(self, text: str) -> str | None:
        """The first tail or hull number written in `text` ("RA-82038", "hull number 545")."""
        found = self.identifiers_in(text)
        return found[0] if found else None

    def identifiers_in(self, text: str) -> list[str]:
        """Every identifier of the first list in `text` ("tail numbers A and B" -> [A, B])."""
        hits = [m for r in self._identifier_res if (m := r.search(text))]
        if not hits:
            return []
        first = min(hits, key=lambda m: m.start())
        found, end = [first.group(1)], first.end()
        joiner = re.compile(self.identifier_joiner) if self.identifier_joiner else None
        while joiner is not None and (more := joiner.match(text, end)):
            found.append(more.group(1))
            end = more.end()
        return found


def _alias_model(item: Item, alias: str) -> str:
    """An alias that spells out a designator ("C-17 Globemaster III") answers with it;
    a bare name ("HIMARS", "Patriot") is how the text writes the model, so it answers as is."""
    key = fold(alias)
    for form in sorted([item.designator, *item.variants], key=len, reverse=True):
        if key.startswith(fold(form)):
            return form
    return alias
