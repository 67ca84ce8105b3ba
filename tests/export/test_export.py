"""Each export format round-trips or validates against its own spec."""

from __future__ import annotations

import csv
import io
import json

import geojson
import pyarrow.parquet as pq

from tests.samples import sample_analysis
from wirewatch.export import export, plover_record
from wirewatch.export._geojson import split_antimeridian
from wirewatch.model import Analysis, Filters


def _run(fmt, tmp_path, analyses, filters=None):
    out = tmp_path / f"out.{fmt}"
    count = export(fmt, analyses, out, filters)
    return count, out


def test_jsonl_round_trips_every_field(tmp_path):
    analysis = sample_analysis()
    count, out = _run("jsonl", tmp_path, [analysis])
    lines = out.read_text().splitlines()
    assert count == len(lines) == 1
    assert Analysis.model_validate_json(lines[0]) == analysis


def test_jsonl_keeps_only_analyses_with_matching_events(tmp_path):
    count, _ = _run("jsonl", tmp_path, [sample_analysis()], Filters(event_type=["ASSAULT"]))
    assert count == 0


def test_csv_has_one_row_per_event_with_flat_columns(tmp_path):
    analysis = sample_analysis()
    count, out = _run("csv", tmp_path, [analysis])
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert count == len(rows) == 1
    row = rows[0]
    assert row["event_type"] == "MOBILIZE"
    assert row["actor1_country"] == "RUS" and row["actor2_country"] == "VEN"
    assert row["location"] == "Caracas" and float(row["latitude"]) == 10.488
    assert row["event_date"] == "2019-03-23" and row["source"] == "Test Wire"


def test_geojson_is_valid_and_draws_the_movement_route(tmp_path):
    _, out = _run("geojson", tmp_path, [sample_analysis()])
    collection = geojson.loads(out.read_text())
    assert collection.is_valid, collection.errors()
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert kinds.count("place") == 2  # the unresolved place has no point and is left out
    assert "event" in kinds
    line = next(f for f in collection["features"] if f["properties"]["kind"] == "movement")
    assert line["geometry"]["coordinates"] == [[35.9486, 35.4011], [-66.879, 10.488]]


def test_lines_across_the_antimeridian_are_cut():
    parts = split_antimeridian([(170.0, 10.0), (-170.0, 20.0)])
    assert parts == [[(170.0, 10.0), (180.0, 15.0)], [(-180.0, 15.0), (-170.0, 20.0)]]
    assert split_antimeridian([(10.0, 0.0), (20.0, 0.0)]) == [[(10.0, 0.0), (20.0, 0.0)]]


def test_plover_records_carry_the_required_fields(tmp_path):
    count, out = _run("plover", tmp_path, [sample_analysis()])
    record = json.loads(out.read_text().splitlines()[0])
    assert count == 1
    for field in ("id", "date", "source", "event"):
        assert field in record
    assert record["event"] == ["MOBILIZE"]
    assert record["source"][0]["code"] == "RUS" and record["recipient"][0]["code"] == "VEN"
    assert record["event_loc"]["country code"] == "VE"
    assert record["event_loc"]["geonameid"] == 3646738


def test_plover_marks_negated_and_speculated_events():
    analysis = sample_analysis()
    event = analysis.events[0].model_copy(update={"negated": True})
    assert "negation" in plover_record(event, analysis, "1", {})["context"]


def test_parquet_tables_round_trip(tmp_path):
    analysis = sample_analysis()
    out = tmp_path / "parquet"
    assert (
        export("parquet", [analysis, sample_analysis(text=analysis.document.text + " More.")], out)
        == 2
    )
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert len(events) == 2 and events[0]["event_type"] == "MOBILIZE"
    movements = pq.read_table(out / "movements.parquet").to_pylist()
    assert movements[0]["asset_model"] == "An-124" and movements[0]["personnel"] == 100
    places = pq.read_table(out / "places.parquet").to_pylist()
    assert {p["name"] for p in places} == {"Caracas", "Khmeimim", "Nowhere"}
    assert pq.read_table(out / "claims.parquet").num_rows == 2


def _linked(analysis):
    event, movement = analysis.events[0], analysis.movements[0]
    doc = analysis.document.id
    from wirewatch.export import Links

    return lambda ids: Links(
        story_of={(doc, event.id): "sty_1"} if doc in ids else {},
        track_of={(doc, movement.id): "RA-82038"} if doc in ids else {},
    )


def test_exports_carry_story_and_track_ids(tmp_path):
    analysis = sample_analysis()
    links = _linked(analysis)
    out = tmp_path / "e.csv"
    export("csv", [analysis], out, links=links)
    assert next(csv.DictReader(io.StringIO(out.read_text())))["story_id"] == "sty_1"
    out = tmp_path / "e.plover"
    export("plover", [analysis], out, links=links)
    assert json.loads(out.read_text())["link"] == "sty_1"
    out = tmp_path / "e.geojson"
    export("geojson", [analysis], out, links=links)
    features = json.loads(out.read_text())["features"]
    props = {f["properties"]["kind"]: f["properties"] for f in features}
    assert props["event"]["story_id"] == "sty_1" and props["movement"]["track_id"] == "RA-82038"
    out = tmp_path / "pq"
    export("parquet", [analysis], out, links=links)
    assert pq.read_table(out / "movements.parquet").to_pylist()[0]["track_id"] == "RA-82038"


def test_geojson_draws_tracks_as_lines_across_the_antimeridian(tmp_path):
    import datetime as dt
    from types import SimpleNamespace as NS

    def stop(lat, lon):
        return NS(lat=lat, lon=lon)

    legs = [
        NS(origin=stop(55.0, 160.0), via=[], destination=stop(60.0, -170.0)),
        NS(origin=stop(60.0, -170.0), via=[stop(None, None)], destination=stop(64.0, -150.0)),
    ]
    track = NS(
        key="RF-94130",
        model="Tu-95MS",
        identifier="RF-94130",
        operator_country="RUS",
        start=dt.date(2026, 10, 20),
        end=dt.date(2026, 10, 21),
        legs=legs,
    )
    out = tmp_path / "t.geojson"
    export("geojson", [], out, tracks=[track])
    collection = geojson.loads(out.read_text())
    assert collection.is_valid
    (line,) = collection["features"]
    assert line["properties"]["kind"] == "track" and line["properties"]["legs"] == 2
    assert line["geometry"]["type"] == "MultiLineString"  # cut at 180°
    assert line["geometry"]["coordinates"][-1][-1] == [-150.0, 64.0]
