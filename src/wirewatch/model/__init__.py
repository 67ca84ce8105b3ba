"""The contract (spec §2) as pydantic models, plus ingest records and query filters."""

from wirewatch.model.contract import (
    CONTRACT_VERSION,
    Actor,
    Analysis,
    Asset,
    Attribution,
    Claim,
    Claimant,
    Document,
    Entity,
    Event,
    Evidence,
    Movement,
    Place,
    Span,
    TimeExpr,
    When,
)
from wirewatch.model.filters import Filters
from wirewatch.model.ids import normalize_text, stable_id, text_hash
from wirewatch.model.records import Fingerprint, Incoming, IngestResult, Origin, Reject
from wirewatch.model.vocab import CAMEO_ROOTS, PLOVER_TYPES

__all__ = [
    "CAMEO_ROOTS",
    "CONTRACT_VERSION",
    "PLOVER_TYPES",
    "Actor",
    "Analysis",
    "Asset",
    "Attribution",
    "Claim",
    "Claimant",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "Filters",
    "Fingerprint",
    "Incoming",
    "IngestResult",
    "Movement",
    "Origin",
    "Place",
    "Reject",
    "Span",
    "TimeExpr",
    "When",
    "normalize_text",
    "stable_id",
    "text_hash",
]
