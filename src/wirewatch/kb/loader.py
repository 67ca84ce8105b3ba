"""Load every data file under `kb/data/` once, validated, into a typed `KnowledgeBase`.

Each table `kb/data/<name>.yaml` is one attribute of `KnowledgeBase`, typed by the `Table`
pydantic model of its schema module `wirewatch.kb.tables.<name>`. Every table is required: a
data file the knowledge base has no attribute for, or an attribute with no data file, is an
error, so no table is read unchecked and no step has to cope with one missing. Validation
happens once, at load; lookups afterwards are plain attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

import yaml
from pydantic import BaseModel, ValidationError

from wirewatch.kb.tables import (
    cameo,
    captions,
    countries,
    dates,
    equipment,
    events,
    geo_cues,
    geo_relative,
    organisations,
    outlets,
    people,
    places_curated,
    plover,
    sectors,
    speech,
)
from wirewatch.kb.tables._common import expose_private

TableT = TypeVar("TableT", bound=BaseModel)


class KnowledgeBaseError(ValueError):
    """A data file under kb/data is missing, has no schema, or does not validate."""


@dataclass(frozen=True)
class KnowledgeBase:
    """Every validated data table: one attribute per file `kb/data/<attribute>.yaml`."""

    cameo: cameo.Table
    captions: captions.Table
    countries: countries.Table
    dates: dates.Table
    equipment: equipment.Table
    events: events.Table
    geo_cues: geo_cues.Table
    geo_relative: geo_relative.Table
    organisations: organisations.Table
    outlets: outlets.Table
    people: people.Table
    places_curated: places_curated.Table
    plover: plover.Table
    sectors: sectors.Table
    speech: speech.Table


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The package's own knowledge base, loaded once per process and shared by everything
    that reads it (analysis resources, the gazetteer build, exports)."""
    return load_kb()


def load_kb(data: Traversable | Path | None = None) -> KnowledgeBase:
    """Every table under `data` (default: the package's kb/data), validated."""
    folder = data if data is not None else files("wirewatch.kb").joinpath("data")
    found = _validate_all(_data_files(folder))
    kb = KnowledgeBase(
        cameo=_take(found, "cameo", cameo.Table),
        captions=_take(found, "captions", captions.Table),
        countries=_take(found, "countries", countries.Table),
        dates=_take(found, "dates", dates.Table),
        equipment=_take(found, "equipment", equipment.Table),
        events=_take(found, "events", events.Table),
        geo_cues=_take(found, "geo_cues", geo_cues.Table),
        geo_relative=_take(found, "geo_relative", geo_relative.Table),
        organisations=_take(found, "organisations", organisations.Table),
        outlets=_take(found, "outlets", outlets.Table),
        people=_take(found, "people", people.Table),
        places_curated=_take(found, "places_curated", places_curated.Table),
        plover=_take(found, "plover", plover.Table),
        sectors=_take(found, "sectors", sectors.Table),
        speech=_take(found, "speech", speech.Table),
    )
    _check_modes(kb)
    return kb


def _data_files(folder: Traversable | Path) -> dict[str, str]:
    """Table name -> YAML text of every data file in `folder`, in name order."""
    texts: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            texts[entry.name.rsplit(".", 1)[0]] = entry.read_text("utf-8")
    return texts


def _schemas() -> dict[str, type[BaseModel]]:
    """Table name -> its schema, read off `KnowledgeBase`'s annotations (the one list)."""
    hints = get_type_hints(KnowledgeBase)
    return {field.name: hints[field.name] for field in fields(KnowledgeBase)}


def _validate_all(texts: Mapping[str, str]) -> dict[str, BaseModel]:
    """Every file validated, in name order, before any is reported missing: a broken file
    is the more useful error."""
    schemas = _schemas()
    found: dict[str, BaseModel] = {}
    for name, text in texts.items():
        schema = schemas.get(name)
        if schema is None:
            raise KnowledgeBaseError(
                f"kb/data/{name}.yaml has no schema: add the module "
                f"wirewatch/kb/tables/{name}.py and a KnowledgeBase "
                "attribute"
            )
        found[name] = _validate(name, yaml.safe_load(text), schema)
    return found


def _validate(name: str, raw: Any, schema: type[BaseModel]) -> BaseModel:
    try:
        return expose_private(schema.model_validate(raw))
    except ValidationError as error:
        raise KnowledgeBaseError(f"kb/data/{name}.yaml is invalid: {error}") from error


def _take(found: Mapping[str, BaseModel], name: str, schema: type[TableT]) -> TableT:
    table = found.get(name)
    if table is None:
        raise KnowledgeBaseError(f"kb/data/{name}.yaml is missing (every table is required)")
    if not isinstance(table, schema):  # the annotation and this call name one schema
        raise KnowledgeBaseError(
            f"kb/data/{name}.yaml: validated as {type(table).__name__}, expected {schema.__name__}"
        )
    return table


def _check_modes(kb: KnowledgeBase) -> None:
    """Every event trigger's mode is one the PLOVER table lists for its type (the manual's
    mode tables), so the lexicon cannot drift from the ontology it codes into."""
    modes = {row.type: set(row.modes) for row in kb.plover.types}
    for trigger in kb.events.triggers:
        if trigger.mode is not None and trigger.mode not in modes.get(trigger.event, set()):
            raise KnowledgeBaseError(
                f"kb/data/events.yaml: trigger {trigger.lemma!r} ({trigger.event}) has mode "
                f"{trigger.mode!r}, not one of {sorted(modes.get(trigger.event, set()))} "
                "(kb/data/plover.yaml)"
            )
