"""The spaCy pipeline with wirewatch's components, built once per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from wirewatch.kb import KnowledgeBase, load_kb
from wirewatch.nlp import build_pipeline
from wirewatch.settings import Settings


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def nlp(kb: KnowledgeBase) -> Language:
    return build_pipeline(Settings().model, kb)
