from __future__ import annotations

import pytest

from tests.geo.shared import build_once, open_once, resources_once
from wirewatch.analyze import Resources
from wirewatch.geo import BuildReport, Gazetteer, Geocoder
from wirewatch.kb import default_kb


@pytest.fixture(scope="session")
def build_report(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    return build_once(tmp_path_factory)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return open_once(tmp_path_factory)


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    kb = default_kb()
    return Geocoder(gazetteer, kb.geo_cues, kb.geo_relative)


@pytest.fixture(scope="session")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    return resources_once(tmp_path_factory)
