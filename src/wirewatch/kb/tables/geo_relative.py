"""`kb/data/geo_relative.yaml`: words of relative locations ("75 miles south of X").

Units with their length in kilometres, compass words with their bearing, hedges with the share
of the distance they add to the uncertainty, and "near" words with the radius they imply.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.kb.tables._common import Row


class Unit(Row):
    words: list[str]
    km: float = Field(gt=0)


class Direction(Row):
    words: list[str]
    bearing: float = Field(ge=0, lt=360)


class Hedge(Row):
    words: list[str]
    share: float = Field(ge=0, le=1)  # uncertainty as a share of the distance


class Near(Row):
    words: list[str]
    radius_km: float = Field(gt=0)


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    units: list[Unit]
    directions: list[Direction]
    hedges: list[Hedge]
    exact_share: float = Field(ge=0, le=1, description="uncertainty share with no hedge word")
    undirected_share: float = Field(ge=0, description="'30 km from X': a ring; extra share")
    near_points: bool = False
    near: list[Near]
    linkers: list[str]
    number_words: dict[str, float]
