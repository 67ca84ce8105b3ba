"""wirewatch: turn dated news reports into evidence-backed events, movements and claims.

The public API is small on purpose: build `Document`s, call `analyze`, read the `Analysis`.

    from wirewatch import Document, analyze, load_resources

    resources = load_resources()
    analysis = analyze(Document(date="2019-03-25", text="..."), resources)
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from wirewatch.model import Analysis, Document

if TYPE_CHECKING:
    from wirewatch.analyze import analyze, analyze_many, load_resources

__version__ = "0.1.0"

__all__ = ["Analysis", "Document", "__version__", "analyze", "analyze_many", "load_resources"]

# Imported on first use: `wirewatch.analyze` loads spaCy (most of a second), which every
# command and the API would otherwise pay at start-up, whether they analyse or not.
_LAZY = {"analyze", "analyze_many", "load_resources"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("wirewatch.analyze"), name)
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")


class _Package(ModuleType):
    """The package, whose `analyze` stays the function: importing the submodule of the same
    name binds the module here (the import system does), which would hide the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "analyze" and isinstance(value, ModuleType):
            value = value.analyze
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
