"""Load every data file under `kb/data/` once, validated, into a `KnowledgeBase`.

Each table `kb/data/<name>.yaml` has a schema module `wirewatch.kb.tables.<name>` whose
`Table` pydantic model validates it; a data file without a schema is an error, so no table
is read unchecked. Validation happens once, at load; lookups afterwards are plain attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from wirewatch.kb.tables._common import expose_private


class KnowledgeBaseError(ValueError):
    """A data file under kb/data is missing its schema or does not validate."""


@dataclass
class KnowledgeBase:
    """All validated data tables, keyed by file stem (`countries`, `equipment`, ...)."""

    tables: dict[str, BaseModel] = field(default_factory=dict)

    def table(self, name: str) -> Any:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"knowledge base has no table {name!r} (kb/data/{name}.yaml)") from None


def load_kb(data: Traversable | Path | None = None) -> KnowledgeBase:
    """Every table under `data` (default: the package's kb/data), validated."""
    data = data if data is not None else files("wirewatch.kb").joinpath("data")
    tables: dict[str, BaseModel] = {}
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            name = entry.name.rsplit(".", 1)[0]
            tables[name] = _validate(name, yaml.safe_load(entry.read_text("utf-8")))
    _check_modes(tables)
    return KnowledgeBase(tables=tables)


def _check_modes(tables: dict[str, BaseModel]) -> None:
    """Every event trigger's mode is one the PLOVER table lists for its type (the manual's
    mode tables), so the lexicon cannot drift from the ontology it codes into."""
    plover, events = tables.get("plover"), tables.get("events")
    if plover is None or events is None:
        return
    modes = {row.type: set(row.modes) for row in plover.types}  # type: ignore[attr-defined]
    for trigger in events.triggers:  # type: ignore[attr-defined]
        if trigger.mode is not None and trigger.mode not in modes.get(trigger.event, set()):
            raise KnowledgeBaseError(
                f"kb/data/events.yaml: trigger {trigger.lemma!r} ({trigger.event}) has mode "
                f"{trigger.mode!r}, not one of {sorted(modes.get(trigger.event, set()))} "
                "(kb/data/plover.yaml)")


def _validate(name: str, raw: Any) -> BaseModel:
    try:
        schema = import_module(f"wirewatch.kb.tables.{name}").Table
    except ModuleNotFoundError:
        raise KnowledgeBaseError(
            f"kb/data/{name}.yaml has no schema module wirewatch/kb/tables/{name}.py"
        ) from None
    try:
        return expose_private(schema.model_validate(raw))
    except ValidationError as error:
        raise KnowledgeBaseError(f"kb/data/{name}.yaml is invalid: {error}") from error
