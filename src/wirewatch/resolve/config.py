"""Thresholds and name rules for resolution, read once from `rules.yaml` and validated."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml
from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quantity(_Strict):
    label: str
    window: int = Field(ge=1)
    words: list[str]


class StoryRules(_Strict):
    date_tolerance_days: int = Field(ge=0)
    max_interval_days: int = Field(ge=0)
    max_distance_km: float = Field(gt=0)
    area_precision_km: float = Field(gt=0)
    skip_statuses: list[str]
    denied_statuses: list[str]
    quantity_sentence_window: int = Field(ge=0)
    syndication_similarity: float = Field(gt=0, le=1)
    place_disagreement_km: float = Field(gt=0)
    quantities: list[Quantity]
    number_words: dict[str, int]


class TrackRules(_Strict):
    leg_match_km: float = Field(gt=0)
    leg_date_tolerance_days: int = Field(ge=0)
    undated_lookback_days: int = Field(default=7, ge=0)
    same_place_km: float = Field(default=10, gt=0)
    gap_km: float = Field(gt=0)
    contradiction_km: float = Field(gt=0)
    join_days: int = Field(ge=0)
    join_km: float = Field(gt=0)
    join_max_span_days: int = Field(ge=0)


class EntityRules(_Strict):
    fuzzy_threshold: float = Field(ge=0, le=100)
    surname_threshold: float = Field(ge=0, le=100)
    given_threshold: float = Field(ge=0, le=100)
    claimant_kinds: dict[str, str]
    place_kinds: dict[str, str]
    titles: list[str]
    aliases: dict[str, str]
    transliterations: list[tuple[str, str]]


class Rules(_Strict):
    source: str
    stories: StoryRules
    tracks: TrackRules
    entities: EntityRules


@cache
def rules() -> Rules:
    """The packaged rules (validated once per process)."""
    text = files("wirewatch.resolve").joinpath("rules.yaml").read_text("utf-8")
    return Rules.model_validate(yaml.safe_load(text))
