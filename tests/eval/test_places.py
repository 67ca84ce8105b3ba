from __future__ import annotations

from tests.eval.builders import analysis, gold, north_of, place, span
from wirewatch.eval import score

TEXT = "Troops reached SAO PAULO and Bogotá, then Washington said the U.S. would wait."
SP = (-23.55, -46.63)


def test_names_match_ignoring_accents_case_and_punctuation_on_name_or_mention():
    g = gold(
        TEXT,
        {
            "places": [
                {"name": "São Paulo", "lat": SP[0], "lon": SP[1], "country": "BRA"},
                {"name": "Bogota", "lat": 4.71, "lon": -74.07, "country": "COL"},
                {
                    "name": "United States",
                    "lat": 39.8,
                    "lon": -98.6,
                    "country": "USA",
                    "feature": "country",
                },
            ]
        },
    )
    preds = [
        # Matched through its mention text "SAO PAULO" although its name differs.
        place("p1", "Sao Paulo City", *SP, "BRA", mentions=[span(TEXT, "SAO PAULO")]),
        place("p2", "Bogotá", 4.71, -74.07, "COL"),
        # "U.S." equals "US"; the name "United States" matches directly too.
        place("p3", "United States", 38.9, -77.0, "USA", mentions=[span(TEXT, "U.S.")]),
    ]
    report = score([(g, analysis(TEXT, places=preds))])
    assert report.places.tp == 3 and report.places.fn == 0
    assert report.figure("places.acc161") == 1.0 and report.figure("places.country") == 1.0


def test_a_name_that_differs_in_letters_does_not_match():
    g = gold(TEXT, {"places": [{"name": "Bogotá", "lat": 4.71, "lon": -74.07}]}, {"places": True})
    report = score([(g, analysis(TEXT, places=[place("p", "Bogor", 4.71, -74.07)]))])
    assert (report.places.tp, report.places.fp, report.places.fn) == (0, 1, 1)


def test_acc161_boundary_and_median_error():
    g = gold(
        TEXT,
        {
            "places": [
                {"name": "São Paulo", "lat": SP[0], "lon": SP[1]},
                {"name": "Bogotá", "lat": 4.71, "lon": -74.07},
            ]
        },
    )
    preds = [
        place("p1", "São Paulo", north_of(SP[0], 160.9), SP[1]),
        place("p2", "Bogotá", north_of(4.71, 161.1), -74.07),
    ]
    report = score([(g, analysis(TEXT, places=preds))])
    assert report.places.tp == 2
    assert report.places.acc161.hits == 1 and report.figure("places.acc161") == 0.5
    assert abs(report.places.median_error_km - 161.0) < 0.01  # type: ignore[operator]


def test_country_feature_is_resolved_by_country_code_not_distance():
    g = gold(
        TEXT,
        {
            "places": [
                {
                    "name": "United States",
                    "lat": 39.8,
                    "lon": -98.6,
                    "country": "USA",
                    "feature": "country",
                }
            ]
        },
    )
    # Washington, D.C. stands for the country: 2,000 km from the centroid, right code.
    far = place("p", "United States", 38.9, -77.0, "usa")
    assert score([(g, analysis(TEXT, places=[far]))]).figure("places.acc161") == 1.0
    wrong = place("p", "United States", 39.8, -98.6, "CAN")
    report = score([(g, analysis(TEXT, places=[wrong]))])
    assert report.figure("places.acc161") == 0.0 and report.figure("places.country") == 0.0
    # A country's centroid distance is not an error in km.
    assert report.places.median_error_km is None


def test_unresolved_prediction_is_matched_but_not_within_161():
    g = gold(TEXT, {"places": [{"name": "Bogotá", "lat": 4.71, "lon": -74.07, "country": "COL"}]})
    report = score([(g, analysis(TEXT, places=[place("p", "Bogota")]))])
    assert report.places.tp == 1 and report.places.recall == 1.0
    assert report.figure("places.acc161") == 0.0 and report.places.errors_km == []


def test_greedy_one_to_one_best_first_two_predictions_one_gold():
    g = gold(TEXT, {"places": [{"name": "Bogotá", "lat": 4.71, "lon": -74.07}]}, {"places": True})
    # The first prediction only mentions the name and is far off; the second is the place.
    decoy = place("far", "Cundinamarca", 0.0, 0.0, mentions=[span(TEXT, "Bogotá")])
    right = place("near", "Bogotá", 4.72, -74.07)
    report = score([(g, analysis(TEXT, places=[decoy, right]))])
    assert (report.places.tp, report.places.fp, report.places.fn) == (1, 1, 0)
    [link] = report.per_document[0].alignment["places"].matched
    assert link.pred == "near"
    assert report.places.precision == 0.5 and report.figure("places.acc161") == 1.0


def test_exact_name_beats_a_mention_only_match_even_if_closer():
    g = gold(TEXT, {"places": [{"name": "Bogotá", "lat": 4.71, "lon": -74.07}]})
    district = place("district", "Capital District", 4.71, -74.07, mentions=[span(TEXT, "Bogotá")])
    city = place("city", "Bogota", 4.75, -74.10)
    report = score([(g, analysis(TEXT, places=[district, city]))])
    [link] = report.per_document[0].alignment["places"].matched
    assert link.pred == "city"


def test_two_gold_places_with_one_name_take_the_nearest_predictions():
    text = "Paris, Texas, is not Paris."
    g = gold(
        text,
        {
            "places": [
                {"name": "Paris", "lat": 48.86, "lon": 2.35, "country": "FRA"},
                {"name": "Paris", "lat": 33.66, "lon": -95.56, "country": "USA"},
            ]
        },
    )
    preds = [place("tx", "Paris", 33.66, -95.55, "USA"), place("fr", "Paris", 48.85, 2.35, "FRA")]
    report = score([(g, analysis(text, places=preds))])
    assert report.places.tp == 2 and report.figure("places.acc161") == 1.0


def test_right_country_beats_distance_for_a_country():
    text = "Georgia protested."
    g = gold(
        text,
        {
            "places": [
                {
                    "name": "Georgia",
                    "lat": 42.0,
                    "lon": 43.5,
                    "country": "GEO",
                    "feature": "country",
                }
            ]
        },
    )
    state = place("state", "Georgia", 32.7, -83.4, "USA")
    country = place("country", "Georgia", country="GEO")  # a code but no point
    report = score([(g, analysis(text, places=[state, country]))])
    assert report.per_document[0].alignment["places"].matched[0].pred == "country"
    assert report.figure("places.acc161") == 1.0
