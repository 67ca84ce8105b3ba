from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from tests.eval.builders import (
    analysis,
    claim,
    date,
    event,
    gold,
    movement,
    place,
    span,
    when,
)
from wirewatch.eval import (
    EvalReport,
    FloorsError,
    UnknownFigure,
    check_floors,
    load_floors,
    load_gold,
    score,
)

TEXT = (
    "Russia's An-124 landed at Simón Bolívar International Airport in Caracas on "
    "Mar. 23, 2019, an unnamed diplomatic source told Sputnik."
)
ALL = {"places": True, "dates": True, "events": True, "movements": True, "claims": True}
EXPECT = {
    "places": [
        {"name": "Russia", "lat": 60.0, "lon": 100.0, "country": "RUS", "feature": "country"},
        {
            "names": ["Simón Bolívar International Airport", "Maiquetía"],
            "lat": 10.6031,
            "lon": -66.9906,
            "country": "VEN",
        },
        {"name": "Caracas", "lat": 10.488, "lon": -66.879, "country": "VEN"},
    ],
    "dates": [{"text": "Mar. 23, 2019", "start": "2019-03-23", "end": "2019-03-23"}],
    "events": [
        {
            "event": ["AID", "MOBILIZE"],
            "actor_country": "RUS",
            "recipient_country": "VEN",
            "date": "2019-03-23",
            "place": {"name": "Caracas", "lat": 10.488, "lon": -66.879},
        }
    ],
    "movements": [
        {
            "asset_model": "An-124",
            "operator_country": "RUS",
            "origin": {"country": "RUS"},
            "via": [{"name": "Caracas", "lat": 10.488, "lon": -66.879}],
            "destination": {
                "name": "Simón Bolívar International Airport",
                "lat": 10.6031,
                "lon": -66.9906,
            },
            "depart": "2019-03-22",
            "arrive": "2019-03-23",
        }
    ],
    "claims": [
        {
            "claimant": "unnamed diplomatic source",
            "outlet": "Sputnik",
            "stance": "asserts",
            "assessed": "doubted",
        }
    ],
}


def perfect(doc_id: str = "doc-1"):
    day = when("2019-03-23")
    places = [
        place("rus", "Russia", 61.5, 105.3, "RUS", mentions=[span(TEXT, "Russia")]),
        place("svmi", "Simon Bolivar International Airport", 10.6031, -66.9906, "VEN"),
        place("ccs", "Caracas", 10.488, -66.879, "VEN", mentions=[span(TEXT, "Caracas")]),
    ]
    return analysis(
        TEXT,
        doc_id,
        places=places,
        dates=[date(TEXT, "Mar. 23, 2019", "2019-03-23")],
        events=[event("e", "MOBILIZE", ("RUS",), ("VEN",), when=day, place="ccs")],
        movements=[
            movement(
                "m",
                "AN-124",
                "svmi",
                operator="RUS",
                origin="rus",
                via=["ccs"],
                depart=when("2019-03-22"),
                arrive=day,
            )
        ],
        claims=[
            claim(
                "c",
                "Unnamed diplomatic source",
                outlet="Sputnik",
                assessed="doubted",
                kind="unnamed_source",
            )
        ],
    )


def _rates(report: EvalReport) -> dict[str, float | None]:
    skip = (
        "gold",
        "found",
        "predicted",
        "correct",
        "gold_exhaustive",
        "exhaustive_docs",
        "set_aside",
        "tp",
        "fp",
        "fn",
        "resolved",
        "median_error_km",
    )
    return {k: v for k, v in report.figures().items() if not k.endswith(skip)}


def test_perfect_prediction_scores_one_everywhere():
    report = score([(gold(TEXT, EXPECT, ALL), perfect())])
    rates = _rates(report)
    assert rates and all(value == 1.0 for value in rates.values()), rates
    for name in (
        "events.f1",
        "movements.f1",
        "claims.f1",
        "dates.accuracy",
        "places.recall",
        "places.acc161",
        "places.country",
        "dates.f1",
        "movements.via",
        "movements.depart",
        "claims.assessed",
        "events.by_type.AID.recall",
        "events.by_type.AID.precision",
    ):
        assert report.figure(name) == 1.0, name
    assert report.places.median_error_km == 0.0
    for kind in report.kinds().values():
        assert kind.fp == 0 and kind.fn == 0
    assert check_floors(report, {"events.f1": 1.0, "places.acc161": 1.0}) == []


def test_non_exhaustive_kinds_score_recall_only():
    extra = perfect()
    extra.places.append(place("x", "Atlantis", 0.0, 0.0))
    extra.events.append(event("e2", "ASSAULT", ("USA",)))
    report = score([(gold(TEXT, EXPECT, {**ALL, "places": False, "events": False}), extra)])
    assert report.places.fp == 0 and report.places.precision is None
    assert report.places.recall == 1.0 and report.places.f1 is None
    assert report.events.fp == 0 and report.figure("events.f1") is None
    assert report.figure("events.by_type.ASSAULT.precision") is None
    assert report.per_document[0].alignment["places"].spurious[0].pred == "x"
    # The same extras cost precision where the kind is exhaustive.
    full = score([(gold(TEXT, EXPECT, ALL), extra)])
    assert full.places.fp == 1 and full.places.precision == 0.75
    assert full.figure("events.precision") == 0.5


def test_micro_aggregate_over_documents_keeps_per_document_results():
    blank = analysis(TEXT, "doc-2")
    report = score(
        [
            (gold(TEXT, EXPECT, ALL, "doc-1"), perfect("doc-1")),
            (gold(TEXT, EXPECT, {**ALL, "events": False}, "doc-2"), blank),
        ]
    )
    assert report.documents == 2 and len(report.per_document) == 2
    assert (report.events.gold, report.events.tp, report.events.fn) == (2, 1, 1)
    # Precision only from doc-1 (exhaustive there); recall from both.
    assert report.events.precision == 1.0 and report.events.recall == 0.5
    # doc-2 predicted no dates: no false positive, so precision holds while recall halves.
    assert report.dates.precision == 1.0 and report.dates.recall == 0.5
    assert report.document("doc-2").events.recall == 0.0
    assert report.document("doc-1").figure("claims.f1") == 1.0
    assert report.places.errors_km == report.document("doc-1").places.errors_km


def test_no_prediction_against_empty_exhaustive_gold_is_perfect_precision():
    report = score([(gold(TEXT, {}, ALL), analysis(TEXT))])
    assert report.events.precision == 1.0 and report.events.recall is None
    report = score([(gold(TEXT, EXPECT, ALL), analysis(TEXT))])
    assert report.events.precision == 0.0 and report.events.f1 == 0.0


def test_figure_names_and_errors():
    report = score([(gold(TEXT, EXPECT, ALL), perfect())])
    assert report.figure("movements.tp") == 1.0
    with pytest.raises(UnknownFigure):
        report.figure("events.f2")
    with pytest.raises(UnknownFigure):
        report.figure("per_document")
    with pytest.raises(UnknownFigure):
        report.figure("events.by_type")


def test_check_floors_reports_each_failure_readably():
    g = gold(TEXT, EXPECT, ALL)
    half = perfect()
    half.events.append(event("e2", "ASSAULT", ("USA",)))
    report = score([(g, half)])
    failures = check_floors(
        report,
        {
            "events.f1": 0.75,
            "movements.f1": 0.9,
            "events.recall": 1.0,
            "events.by_type.SANCTION.recall": 0.5,
            "events.bogus": 0.1,
        },
    )
    assert failures[0] == "events.f1 0.67 < floor 0.75"
    assert failures[1] == "events.by_type.SANCTION.recall not measured (floor 0.5)"
    assert "events.bogus" in failures[2] and len(failures) == 3
    # A value just under its floor is printed with enough digits to show it.
    assert check_floors(report, {"events.f1": 0.667}) == ["events.f1 0.6667 < floor 0.667"]


def test_table_and_json_round_trip():
    report = score([(gold(TEXT, EXPECT, ALL), perfect())])
    out = io.StringIO()
    Console(file=out, width=200).print(report.to_table())
    shown = out.getvalue()
    for word in ("places", "dates", "events", "  AID", "movements", "claims", "acc@161 1.00"):
        assert word in shown
    data = json.loads(report.model_dump_json())
    assert data["events"]["f1"] == 1.0 and data["places"]["acc161"]["value"] == 1.0
    assert EvalReport.model_validate_json(report.model_dump_json()) == report


def test_load_floors_flat_or_nested(tmp_path: Path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"events.f1": 0.5, "places": {"acc161": 0.8}}))
    assert load_floors(path) == {"events.f1": 0.5, "places.acc161": 0.8}
    path.write_text(json.dumps({"events.f1": "high"}))
    with pytest.raises(FloorsError, match="not a number"):
        load_floors(path)


def test_seed_gold_scores_the_sample_analysis():
    from tests.samples import sample_analysis

    [seed] = load_gold(
        Path(__file__).resolve().parents[1] / "gold" / "00-seed-an124-venezuela.json"
    )
    report = score([(seed, sample_analysis())])
    # The sample's An-124 (Caracas, via Khmeimim) is the first gold movement, 17 km off.
    assert report.movements.tp == 1 and report.movements.precision == 1.0
    assert report.figure("movements.via") == 1.0 and report.figure("movements.operator") == 1.0
    assert report.places.tp == 2 and report.claims.tp == 1
