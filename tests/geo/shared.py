"""Session-wide gazetteer and analysis resources for the geo and places tests.

The index is built once per test session into pytest's base temp dir (a clean cache, never the
user's data dir); a second request finds it there and does not rebuild.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.analyze import Resources, analyze, load_resources
from wirewatch.geo import BuildReport, Gazetteer, build_gazetteer
from wirewatch.model import Analysis, Document, Place
from wirewatch.settings import Settings


def gazetteer_dir(factory: pytest.TempPathFactory) -> Path:
    return factory.getbasetemp() / "wirewatch-gazetteer"


def build_once(factory: pytest.TempPathFactory) -> BuildReport:
    return build_gazetteer(gazetteer_dir(factory))


def open_once(factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_once(factory).path)


def resources_once(factory: pytest.TempPathFactory) -> Resources:
    return load_resources(Settings(data_dir=gazetteer_dir(factory)))


def run(resources: Resources, text: str, date: dt.date = dt.date(2024, 5, 6)) -> Analysis:
    return analyze(Document(date=date, text=text), resources)


def named(analysis: Analysis, name: str) -> Place:
    """The place with a mention whose text is `name` (fails the test when there is none)."""
    text = analysis.document.text
    for place in analysis.places:
        if any(text[m.start : m.end] == name for m in place.mentions):
            return place
    found = [p.name for p in analysis.places]
    raise AssertionError(f"no place mentioned as {name!r}; places: {found}")


def names(analysis: Analysis) -> set[str]:
    text = analysis.document.text
    return {text[m.start : m.end] for p in analysis.places for m in p.mentions}
