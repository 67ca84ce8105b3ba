"""`kb/data/people.yaml`: leaders and officials news names without a country ("Putin said",
"President Sheinbaum"), each with the country and sector they act for and the years they
held each role.

A name resolves to a person only when that is unambiguous: the full name or a listed alias,
whatever the year (a person's country does not change when they leave office); or a bare
surname that exactly one person in the table goes by and whose roles cover the year asked
about. The sector is that of the role held in that year, None outside every role.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row, key

# PLOVER's codes for actors above states (spec §2), allowed besides ISO 3166-1 alpha-3.
SUPRANATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=2)
    sector: str = Field(pattern=r"^[A-Z]{3}$")
    start: int = Field(ge=1945, le=2100)
    end: int | None = Field(default=None, ge=1945, le=2100)  # None: still held
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # acting for another

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"role {self.title!r} ends ({self.end}) before it starts")
        return self

    def covers(self, year: int) -> bool:
        return self.start <= year <= (self.end if self.end is not None else 9999)


class Person(Row):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=2)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = Field(default_factory=list)
    # Short forms used alone ("Putin"); default: the last word of the name. Empty when the
    # bare surname names too many people to stand alone ("Singh", "Khan").
    surnames: list[str] | None = None
    roles: list[Role] = Field(min_length=1)

    def short_forms(self) -> list[str]:
        return self.surnames if self.surnames is not None else [self.name.split()[-1]]

    def role_in(self, year: int | None) -> Role | None:
        """The role held in `year` (the latest-starting one when several overlap)."""
        if year is None:
            return None
        held = [r for r in self.roles if r.covers(year)]
        return max(held, key=lambda r: r.start) if held else None


@dataclass(frozen=True)
class PersonHit:
    """A resolved mention: who, the country and sector they act for then, how it matched."""

    id: str
    name: str
    country: str
    sector: str | None
    role: str | None
    via: str  # "name" (full name or alias) | "surname"


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    people: list[Person]
    _full: dict[str, Person] = PrivateAttr(default_factory=dict)
    _short: dict[str, list[Person]] = PrivateAttr(default_factory=dict)
    _memo: dict[tuple[str, int | None], PersonHit | None] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build(self) -> Table:
        ids: set[str] = set()
        for person in self.people:
            if person.id in ids:
                raise ValueError(f"people: id {person.id!r} is listed twice")
            ids.add(person.id)
            for term in (person.name, *person.aliases):
                other = self._full.setdefault(key(term), person)
                if other is not person:
                    raise ValueError(f"people: {term!r} names both {other.id} and {person.id}")
            for short_key in {key(short) for short in person.short_forms()}:
                self._short.setdefault(short_key, []).append(person)
        return self

    def lookup(self, name: str, year: int | None = None) -> PersonHit | None:
        """The person a name stands for in `year`, or None when unknown or ambiguous."""
        memo_key = (key(name), year)
        if memo_key not in self._memo:  # actors ask about the same few names per document
            self._memo[memo_key] = self._resolve(*memo_key)
        return self._memo[memo_key]

    def _resolve(self, name_key: str, year: int | None) -> PersonHit | None:
        person, via = self._full.get(name_key), "name"
        if person is None:
            person, via = self.surname_match(name_key, year), "surname"
        if person is None:
            return None
        role = person.role_in(year)
        country = (role.country if role else None) or person.country
        return PersonHit(
            person.id,
            person.name,
            country,
            role.sector if role else None,
            role.title if role else None,
            via,
        )

    def by_id(self, ident: str) -> Person | None:
        return next((p for p in self.people if p.id == ident), None)

    def surname_match(self, name_key: str, year: int | None) -> Person | None:
        """The person going by this short form, when exactly one listed person does (in
        office or not: two Aouns make "Aoun" ambiguous in any year) and their roles cover
        `year`."""
        going_by = self._short.get(name_key, [])
        if year is None or len(going_by) != 1:
            return None
        return going_by[0] if going_by[0].role_in(year) else None
