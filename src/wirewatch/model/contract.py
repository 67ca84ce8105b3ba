"""The output contract (spec §2) as pydantic v2 models.

Offsets are Unicode code-point offsets into `Document.text`, `end` exclusive. Models are
frozen-by-convention data: extractors build them, shells serialise them, nobody mutates them
after `analyze()` returns.
"""

from __future__ import annotations

import datetime as dt

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wirewatch.model import limits
from wirewatch.model.ids import stable_id
from wirewatch.model.vocab import (
    Anchor,
    Assessment,
    AssetKind,
    AttributionStatus,
    ClaimantKind,
    EntityKind,
    PlaceFeature,
    PloverType,
    Precision,
    Stance,
)

CONTRACT_VERSION = "1"


class Model(BaseModel):
    """Base: unknown fields are an error, so a typo in a producer fails loudly."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class Evidence(Model):
    """The sentence (or clause) that states a field: index, offsets and its text."""

    sentence: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Document(Model):
    """One report. Validated here for every way in (see `limits`): the CLI, the API and
    Python callers refuse the same documents for the same reasons."""

    id: str = Field(default="", max_length=limits.ID_MAX)
    date: dt.date
    outlet: str | None = Field(default=None, max_length=limits.META_MAX)
    url: str | None = Field(default=None, max_length=limits.META_MAX)
    title: str | None = Field(default=None, max_length=limits.META_MAX)
    lang: str = Field(default="en", min_length=1, max_length=limits.LANG_MAX)
    text: str

    @field_validator("date", mode="before")
    @classmethod
    def _date_not_number(cls, value: object) -> object:
        return limits.check_date_input(value)

    @field_validator("date")
    @classmethod
    def _date_in_range(cls, value: dt.date) -> dt.date:
        return limits.check_date(value)

    @field_validator("id", "outlet", "url", "title", "lang", "text")
    @classmethod
    def _storable(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else limits.check_storable(str(info.field_name), value)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("`text` is empty (nothing but white space)")
        return value

    @model_validator(mode="after")
    def _default_id(self) -> Document:
        # A content hash when the source gave no id: same text + metadata, same id.
        if not self.id:
            self.id = stable_id(
                "doc", self.text, self.date.isoformat(), self.outlet, self.url, self.title
            )
        return self


class Entity(Model):
    id: str
    kind: EntityKind
    name: str
    mentions: list[Span] = Field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    kb: str | None = None


class Actor(Model):
    entity: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None


class Place(Model):
    """A place the text names. Unresolved places keep null coordinates and say why."""

    id: str
    name: str
    mentions: list[Span] = Field(default_factory=list)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    country: str | None = None
    admin1: str | None = None
    feature: PlaceFeature | None = None
    precision_km: float | None = Field(default=None, ge=0)
    kb: str | None = None
    # Extensions to spec §2: how sure the geocoder is, and why a place stayed unresolved.
    confidence: float | None = Field(default=None, ge=0, le=1)
    reason: str | None = None


class TimeExpr(Model):
    text: str
    span: Span
    start: dt.date
    end: dt.date
    precision: Precision
    anchor: Anchor


class When(Model):
    start: dt.date
    end: dt.date
    precision: Precision
    text: str | None = None


class Attribution(Model):
    status: AttributionStatus = "asserted"
    claim: str | None = None
    hedge: str | None = None


class Event(Model):
    id: str
    event: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-9]|20)$")
    actor: list[Actor] = Field(default_factory=list)
    recipient: list[Actor] = Field(default_factory=list)
    place: str | None = None
    when: When | None = None
    negated: bool = False
    attribution: Attribution = Field(default_factory=Attribution)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)
    # Extension to spec §2: an act the report retells as background (an earlier leg of a
    # trip, "the An-124 that landed in Libya this week") rather than reports as its news. It
    # is an event all the same (spec §3); stories are built from the news.
    background: bool = False


class Asset(Model):
    kind: AssetKind
    model: str | None = None
    name: str | None = None
    reporting_name: str | None = None
    identifier: str | None = None
    operator: Actor | None = None
    count: int | None = Field(default=None, ge=0)


class Movement(Model):
    id: str
    asset: Asset
    origin: str | None = None
    via: list[str] = Field(default_factory=list)
    destination: str | None = None
    depart: When | None = None
    arrive: When | None = None
    payload: str | None = None
    personnel: int | None = Field(default=None, ge=0)
    attribution: Attribution = Field(default_factory=Attribution)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class Claimant(Model):
    name: str
    kind: ClaimantKind
    country: str | None = None
    sector: str | None = None


class Claim(Model):
    id: str
    claimant: Claimant
    outlet: str | None = None
    content: str
    when: When | None = None
    stance: Stance = "asserts"
    hedge: str | None = None
    assessed: Assessment | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Analysis(Model):
    document: Document
    # Extension to spec §2: sentence boundaries, which `Evidence.sentence` indexes into.
    sentences: list[Span] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    movements: list[Movement] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    dates: list[TimeExpr] = Field(default_factory=list)
    version: str = CONTRACT_VERSION

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, or None (ids on events and movements point here)."""
        return next((p for p in self.places if p.id == place_id), None)
