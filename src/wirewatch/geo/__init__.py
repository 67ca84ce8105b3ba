"""Offline geocoding: a gazetteer index built from installed packages, and resolution in context.

`build_gazetteer(data_dir)` builds (or finds) the index; `open_gazetteer(settings)` opens it,
building it first when missing; `Gazetteer.geocode(...)` turns toponym spans into Places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.geo import build
from wirewatch.geo.build import BuildReport, build_gazetteer, index_path
from wirewatch.geo.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from wirewatch.settings import Settings


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for these settings, built under `settings.data_dir` on first use."""
    path = index_path(settings.data_dir)
    if not path.exists():
        build_gazetteer(settings.data_dir)
    return Gazetteer(path)


__all__ = ["BuildReport", "Candidate", "Gazetteer", "build", "build_gazetteer", "index_path",
           "open_gazetteer"]
