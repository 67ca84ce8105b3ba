"""Relative locations: the phrase read before a mention and the point computed from it."""

from __future__ import annotations

import pytest
from geographiclib.geodesic import Geodesic

from wirewatch.geo.relative import Relative, RelativeReader, project
from wirewatch.kb import default_kb

_READER = RelativeReader(default_kb().geo_relative)


def _before(text: str, anchor: str, reader: RelativeReader = _READER) -> Relative | None:
    return reader.find(text, text.rindex(anchor))


def test_miles_with_a_direction_and_a_hedge() -> None:
    text = "which is situated around 75 miles south of Caracas"
    rel = _before(text, "Caracas")
    assert rel is not None
    assert text[rel.start :] == "around 75 miles south of Caracas"
    assert rel.distance_km == pytest.approx(75 * 1.609344)
    assert rel.bearing == 180
    # a hedged figure is less certain than an exact one
    exact = _before("75 miles south of Caracas", "Caracas")
    assert exact is not None and exact.uncertainty_km < rel.uncertainty_km


@pytest.mark.parametrize(
    ("text", "km", "bearing"),
    [
        ("some 40 km north-east of Kyiv", 40, 45),
        ("a base 12 mi (19 km) NW of Homs", 12 * 1.609344, 315),
        ("ten miles west of Paris", 10 * 1.609344, 270),
        ("50 nautical miles east of Malta", 50 * 1.852, 90),
    ],
)
def test_units_and_bearings(text: str, km: float, bearing: float) -> None:
    rel = _before(text, text.split()[-1])
    assert rel is not None
    assert rel.distance_km == pytest.approx(km)
    assert rel.bearing == bearing


def test_without_a_direction_the_point_is_a_ring() -> None:
    rel = _before("about 30 kilometres from Aleppo", "Aleppo")
    assert rel is not None and rel.bearing is None
    assert rel.uncertainty_km >= 30  # anywhere on the ring round Aleppo
    assert project(36.2, 37.16, rel) == (36.2, 37.16)


def test_near_follows_the_data_switch() -> None:
    # The team's annotation convention lists "near X" as X alone; the switch turns points on.
    assert _before("shelling near Bakhmut", "Bakhmut") is None
    points = RelativeReader(default_kb().geo_relative.model_copy(update={"near_points": True}))
    rel = _before("shelling near Bakhmut", "Bakhmut", points)
    assert rel is not None and rel.distance_km == 0 and rel.uncertainty_km > 0
    assert _before("an airfield near the town of Homs", "Homs", points) is None


def test_no_phrase() -> None:
    assert _before("troops arrived in Caracas", "Caracas") is None


@pytest.mark.parametrize(("bearing", "km"), [(180, 120.7), (45, 40), (300, 500)])
def test_projected_point_has_that_distance_and_bearing(bearing: float, km: float) -> None:
    lat, lon = project(10.488, -66.879, Relative(0, km, bearing, 1.0))
    inverse = Geodesic.WGS84.Inverse(10.488, -66.879, lat, lon)
    assert inverse["s12"] / 1000 == pytest.approx(km, abs=1e-6)
    assert inverse["azi1"] % 360 == pytest.approx(bearing, abs=1e-6)
