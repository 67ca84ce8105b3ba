"""Offline geocoding: a gazetteer index built from installed packages, and resolution in context.

`build_gazetteer(data_dir)` builds (or finds) the index; `open_gazetteer(settings)` opens it,
building it first when missing; `open_geocoder(settings, kb)` wraps it in the `Geocoder` that
turns toponym spans into Places (`Geocoder.geocode(...)`), built once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.geo import build
from wirewatch.geo.build import BuildReport, build_gazetteer, index_path
from wirewatch.geo.gazetteer import Candidate, Gazetteer
from wirewatch.geo.geocode import Geocoder
from wirewatch.geo.normalize import NameKeys
from wirewatch.kb import KnowledgeBase, default_kb

if TYPE_CHECKING:
    from wirewatch.settings import Settings


def open_gazetteer(settings: Settings, kb: KnowledgeBase | None = None) -> Gazetteer:
    """The gazetteer for these settings, built under `settings.data_dir` on first use, keyed
    by `kb`'s rules (default: the package's knowledge base)."""
    kb = kb if kb is not None else default_kb()
    path = index_path(settings.data_dir)
    if not path.exists():
        build_gazetteer(settings.data_dir, kb=kb)
    return Gazetteer(path, NameKeys(kb.geo_cues))


def open_geocoder(settings: Settings, kb: KnowledgeBase) -> Geocoder:
    """The geocoder over the gazetteer for these settings, with `kb`'s rules."""
    return Geocoder(open_gazetteer(settings, kb), kb.geo_cues, kb.geo_relative)


__all__ = [
    "BuildReport",
    "Candidate",
    "Gazetteer",
    "Geocoder",
    "build",
    "build_gazetteer",
    "index_path",
    "open_gazetteer",
    "open_geocoder",
]
