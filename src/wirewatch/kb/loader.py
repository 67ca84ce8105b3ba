"""Load every data file under `kb/data/` once, validated, into a `KnowledgeBase`."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import yaml


@dataclass
class KnowledgeBase:
    """All data tables, keyed by file stem (`countries`, `equipment`, ...)."""

    tables: dict[str, Any] = field(default_factory=dict)

    def table(self, name: str) -> Any:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"knowledge base has no table {name!r} (kb/data/{name}.yaml)") from None


def load_kb() -> KnowledgeBase:
    data = files("wirewatch.kb").joinpath("data")
    tables: dict[str, Any] = {}
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            tables[entry.name.rsplit(".", 1)[0]] = yaml.safe_load(entry.read_text("utf-8"))
    return KnowledgeBase(tables=tables)
