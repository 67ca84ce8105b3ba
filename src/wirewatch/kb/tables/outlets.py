"""`kb/data/outlets.yaml`: news outlets and agencies with their country and aliases."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row, index
from wirewatch.kb.tables._common import key as plain_key

# Lookups on running text ask about the same few thousand terms again and again.
key = lru_cache(maxsize=1 << 16)(plain_key)


class Outlet(Row):
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    state: bool = False  # state-owned or state-directed media
    sector: str = "JRN"  # PLOVER: journalists and news media (MED is medical)


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outlets: list[Outlet]
    _terms: dict[str, Outlet] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build(self) -> Table:
        entries = [(term, o.key, o) for o in self.outlets for term in (o.name, *o.aliases)]
        self._terms = index(entries, "outlets")
        return self

    def lookup(self, term: str) -> Outlet | None:
        """The outlet a name or alias ("AP", "the Associated Press") stands for."""
        return self._terms.get(key(term))

    def by_key(self, outlet_key: str) -> Outlet | None:
        return next((o for o in self.outlets if o.key == outlet_key), None)
