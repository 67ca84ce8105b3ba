"""`kb/data/cameo.yaml`: the 20 CAMEO root codes with their names and quad class."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wirewatch.kb.tables._common import Row
from wirewatch.model import CAMEO_ROOTS

Quad = Literal[
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "neutral"
]


class Root(Row):
    code: str = Field(pattern=r"^(0[1-9]|1[0-9]|20)$")
    name: str
    quad: Quad


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    roots: list[Root]

    @model_validator(mode="after")
    def _complete(self) -> Table:
        codes = [r.code for r in self.roots]
        if sorted(codes) != list(CAMEO_ROOTS):
            raise ValueError(f"cameo roots must be exactly 01..20 once each, got {codes}")
        return self

    def get(self, code: str) -> Root | None:
        return next((r for r in self.roots if r.code == code), None)
