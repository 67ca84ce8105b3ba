"""Extraction steps registered by name and assembled from `pipeline.yaml`, spaCy-style.

A step is a function `(Context) -> None` that appends its findings to the context. Register it
with `@step("name")`; list the name in `pipeline.yaml` to run it.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.resources import files

import yaml

from wirewatch.extract.context import Context

Step = Callable[[Context], None]
_STEPS: dict[str, Step] = {}


def step(name: str) -> Callable[[Step], Step]:
    def register(func: Step) -> Step:
        if name in _STEPS and _STEPS[name] is not func:
            raise ValueError(f"extraction step {name!r} is registered twice")
        _STEPS[name] = func
        return func

    return register


def load_pipeline() -> list[tuple[str, Step]]:
    """The configured steps in order; each step's module is imported to register it."""
    config = yaml.safe_load(files("wirewatch.extract").joinpath("pipeline.yaml").read_text())
    pipeline = []
    for entry in config["steps"]:
        import_module(entry["module"])
        name = entry["name"]
        if name not in _STEPS:
            raise KeyError(
                f"pipeline.yaml names step {name!r}, but {entry['module']} registers no such step"
            )
        pipeline.append((name, _STEPS[name]))
    return pipeline
