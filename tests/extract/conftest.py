"""Fixtures for extraction tests: the resources load once per session (spaCy model, KB).

- `resources`: `wirewatch.analyze.load_resources(geocode=False)`.
- `geocoded_text(text, date="2019-03-25") -> Analysis`: the whole pipeline with geocoding on
  (places get countries and gazetteer names).
- `analyze_text(text, date="2019-03-25") -> Analysis`: the whole pipeline on a string.
- `context_for(text, date="2019-03-25", upto=None) -> Context`: the steps in order (up to
  and including the step named `upto`, or all), returning the working context (for helpers
  such as `actor_for_span` that take one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from wirewatch.analyze import Resources, analyze, load_resources
from wirewatch.extract.context import Context
from wirewatch.model import Analysis, Document


@pytest.fixture(scope="session")
def resources() -> Resources:
    return load_resources(geocode=False)


def _document(text: str, date: str) -> Document:
    return Document(date=dt.date.fromisoformat(date), text=text)


@pytest.fixture(scope="session")
def analyze_text(resources: Resources) -> Callable[..., Analysis]:
    def run(text: str, date: str = "2019-03-25") -> Analysis:
        return analyze(_document(text, date), resources)

    return run


@pytest.fixture(scope="session")
def geocoded_text() -> Callable[..., Analysis]:
    geocoding = load_resources()

    def run(text: str, date: str = "2019-03-25") -> Analysis:
        return analyze(_document(text, date), geocoding)

    return run


@pytest.fixture(scope="session")
def context_for(resources: Resources) -> Callable[..., Context]:
    def run(text: str, date: str = "2019-03-25", upto: str | None = None) -> Context:
        document = _document(text, date)
        ctx = Context(
            document=document,
            doc=resources.nlp(text),
            kb=resources.kb,
            gazetteer=resources.gazetteer,
        )
        for name, step in resources.steps:
            step(ctx)
            if name == upto:
                break
        return ctx

    return run
