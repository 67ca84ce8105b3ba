"""The geocoder's own knowledge-base tables, loaded and validated one by one.

`geo` reads only its tables (and the shared `countries` table), not the whole knowledge base, so
building the gazetteer does not depend on every other data file being valid at that moment.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import import_module
from importlib.resources import files
from typing import Any

import yaml

from wirewatch.kb.loader import KnowledgeBaseError
from wirewatch.kb.tables._common import expose_private

OWN_TABLES = ("places_curated", "geo_cues", "geo_relative")


def _text(name: str) -> str:
    return files("wirewatch.kb").joinpath("data", f"{name}.yaml").read_text("utf-8")


@cache
def table(name: str) -> Any:
    """The validated `Table` of `kb/data/<name>.yaml` (cached for the process)."""
    schema = import_module(f"wirewatch.kb.tables.{name}").Table
    return expose_private(schema.model_validate(yaml.safe_load(_text(name))))


def optional_table(name: str) -> Any | None:
    """A table another team owns, or None when it is absent or does not validate (yet)."""
    try:
        return table(name)
    except (FileNotFoundError, ModuleNotFoundError, KnowledgeBaseError, ValueError):
        return None


def data_digest(names: tuple[str, ...]) -> str:
    """Hash of the data files the index is built from, so editing one forces a rebuild."""
    digest = hashlib.sha256()
    for name in names:
        try:
            digest.update(_text(name).encode("utf-8"))
        except FileNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:12]
