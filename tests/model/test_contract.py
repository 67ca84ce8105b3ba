from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from tests.samples import sample_analysis
from wirewatch.model import Analysis, Document, Filters, Span


def test_document_id_is_a_content_hash():
    a = Document(date=dt.date(2020, 1, 1), text="Troops moved.", outlet="X")
    b = Document(date=dt.date(2020, 1, 1), text="Troops moved.", outlet="X")
    c = Document(date=dt.date(2020, 1, 1), text="Troops moved.", outlet="Y")
    assert a.id == b.id != c.id


def test_given_id_is_kept():
    assert Document(id="wire-1", date=dt.date(2020, 1, 1), text="x").id == "wire-1"


def test_analysis_round_trips_through_json():
    analysis = sample_analysis()
    again = Analysis.model_validate_json(analysis.model_dump_json())
    assert again == analysis


def test_unknown_fields_and_bad_values_are_rejected():
    with pytest.raises(ValidationError):
        Document(date=dt.date(2020, 1, 1), text="x", colour="red")
    with pytest.raises(ValidationError):
        Span(start=5, end=2)


def test_filters_select_events_by_type_country_and_date():
    analysis = sample_analysis()
    event = analysis.events[0]
    assert Filters(event_type=["MOBILIZE"], country="ven").matches_event(event, analysis)
    assert not Filters(event_type=["ASSAULT"]).matches_event(event, analysis)
    assert not Filters(since=dt.date(2019, 3, 24)).matches_event(event, analysis)
    assert Filters(bbox=(-70, 5, -60, 15)).matches_event(event, analysis)


def test_filters_select_movements_by_asset_model():
    analysis = sample_analysis()
    movement = analysis.movements[0]
    assert Filters(asset_model="an124").matches_movement(movement, analysis)
    assert not Filters(asset_model="Il-62M").matches_movement(movement, analysis)
