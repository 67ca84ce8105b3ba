"""Closed vocabularies of the contract (spec §2) as `Literal` types.

The full PLOVER/CAMEO tables with labels and modes live as data in `kb/data`; these literals
are the part the contract itself fixes, so pydantic can reject a bad value at the boundary.
"""

from __future__ import annotations

from typing import Literal, get_args

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EntityKind = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "EQUIPMENT", "UNIT", "OUTLET", "NORP"]
PlaceFeature = Literal[
    "country",
    "admin",
    "region",
    "city",
    "locality",
    "airport",
    "airbase",
    "port",
    "base",
    "site",
    "water",
    "point",
]
Precision = Literal["day", "month", "year", "range"]
Anchor = Literal["document", "previous", "absolute"]
AttributionStatus = Literal["asserted", "reported", "claimed", "denied", "speculated"]
AssetKind = Literal["aircraft", "ship", "vehicle", "weapon_system", "unit", "personnel"]
ClaimantKind = Literal["person", "unnamed_source", "outlet", "government", "org"]
Stance = Literal["asserts", "denies"]
Assessment = Literal["supported", "doubted"]

PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
CAMEO_ROOTS: tuple[str, ...] = tuple(f"{code:02d}" for code in range(1, 21))
