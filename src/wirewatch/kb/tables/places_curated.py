"""`kb/data/places_curated.yaml`: places and spellings no installed gazetteer package has.

Bases, seas, straits and regions, each with a representative point, an honest precision (how far
the real place may extend from that point) and the source of the row.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.kb.tables._common import Row
from wirewatch.model.vocab import PlaceFeature


class CuratedPlace(Row):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # ISO 3166-1 alpha-3
    feature: PlaceFeature
    precision_km: float = Field(gt=0)
    icao: str | None = Field(default=None, pattern=r"^[A-Z0-9]{4}$")


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    places: list[CuratedPlace]
