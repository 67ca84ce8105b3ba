"""`kb/data/plover.yaml`: the 16 PLOVER event types with modes, quad class and CAMEO roots."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wirewatch.kb.tables._common import Row
from wirewatch.model import CAMEO_ROOTS, PLOVER_TYPES

Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
# PLOVER's numeric quad codes (the manual's quad-category table).
QUAD_CODES: dict[str, int] = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}


class EventType(Row):
    type: str
    description: str
    quad: Quad
    modes: list[str] = Field(default_factory=list)
    cameo: list[str] = Field(default_factory=list)  # CAMEO root codes it covers


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    types: list[EventType]

    @model_validator(mode="after")
    def _complete(self) -> Table:
        names = [t.type for t in self.types]
        if sorted(names) != sorted(PLOVER_TYPES):
            raise ValueError(f"plover types must be exactly the 16 of the contract, got {names}")
        bad = [c for t in self.types for c in t.cameo if c not in CAMEO_ROOTS]
        if bad:
            raise ValueError(f"unknown CAMEO root codes: {bad}")
        return self

    def get(self, name: str) -> EventType | None:
        return next((t for t in self.types if t.type == name), None)

    def cameo_root(self, name: str) -> str | None:
        """The main CAMEO root of a PLOVER type (the first listed), for CAMEO/GDELT users."""
        found = self.get(name)
        return found.cameo[0] if found and found.cameo else None

    def for_cameo(self, code: str) -> list[str]:
        """PLOVER types a CAMEO root code maps to."""
        return [t.type for t in self.types if code in t.cameo]

    def quad_codes(self) -> dict[str, int]:
        """PLOVER type -> numeric quad code (1-4), as PLOVER records carry it."""
        return {t.type: QUAD_CODES[t.quad] for t in self.types}
