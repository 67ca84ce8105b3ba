"""The small comparisons spec §3 is built from: names, designators, distances and days."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

from wirewatch.eval.gold import GoldCountry, GoldPlace, GoldRoutePoint, gold_interval
from wirewatch.model import Place, When

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), the usual constant for acc@161
ACC_KM = 161.0  # "within 161 km" (100 miles), the toponym-resolution convention
NEAR_KM = 100.0  # event places and movement route points
DAY = dt.timedelta(days=1)


def name_key(name: str) -> str:
    """A name as compared: accents stripped, case folded, only letters and digits kept.

    Dropping white space as well as punctuation makes "U.S." equal "US" and "Guinea-Bissau"
    equal "Guinea Bissau", and a mention broken over a line still matches.
    """
    # NFKD splits "ã" into "a" + a combining tilde; the tilde is not alphanumeric, so the
    # filter below drops it with the punctuation.
    decomposed = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in decomposed if c.isalnum())


def model_key(model: str) -> str:
    """An asset designator as compared: case, hyphens (any dash) and spaces ignored."""
    folded = unicodedata.normalize("NFKC", model).casefold()
    return "".join(c for c in folded if not (c.isspace() or unicodedata.category(c) == "Pd"))


def same_country(a: str | None, b: str | None) -> bool:
    """Country codes equal, ignoring case; an absent code never equals anything."""
    if not a or not b:
        return False
    return a.strip().upper() == b.strip().upper()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(gold: GoldPlace, place: Place | None) -> float | None:
    """Distance from a gold place to a predicted one; None when the prediction has no point."""
    if place is None or place.lat is None or place.lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, place.lat, place.lon)


def point_matches(gold: GoldRoutePoint, place: Place | None, km: float = NEAR_KM) -> bool:
    """A gold route/event point against a predicted place.

    `{country}` and gold places with `feature: country` compare country codes (a country has
    no single point); any other gold place must be within `km` of the predicted coordinates.
    """
    if place is None:
        return False
    if isinstance(gold, GoldCountry) or gold.feature == "country":
        return same_country(gold.country, place.country)
    found = distance_km(gold, place)
    return found is not None and found <= km


def point_gap_km(gold: GoldRoutePoint, place: Place | None) -> float:
    """How far off a matching point is, for ranking candidates (0 for a country match)."""
    if isinstance(gold, GoldCountry) or gold.feature == "country":
        return 0.0
    found = distance_km(gold, place)
    return found if found is not None else math.inf


def day_gap(gold_day: str, when: When | None) -> int | None:
    """Days between a gold day/month and a predicted interval; 0 when they overlap.

    None when nothing was predicted. The spec's "within ±1 day" is `day_gap(...) <= 1`: the
    predicted [start-1, end+1] overlaps the gold day (or any day of the gold month).
    """
    if when is None:
        return None
    first, last = gold_interval(gold_day)
    if when.end < first:
        return (first - when.end).days
    if when.start > last:
        return (when.start - last).days
    return 0


def within_a_day(gold_day: str, when: When | None) -> bool:
    gap = day_gap(gold_day, when)
    return gap is not None and gap <= 1
