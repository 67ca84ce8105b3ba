"""`analyze(document) -> Analysis`: the pure core.

`load_resources()` does all the loading (spaCy pipeline, knowledge base, geocoder) once per
process and is the only way in to them; `analyze()` and `analyze_many()` then touch no file,
socket or database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.extract.context import Context
from wirewatch.extract.registry import Step, load_pipeline
from wirewatch.geo import Geocoder, open_geocoder
from wirewatch.kb import KnowledgeBase, default_kb
from wirewatch.model import Analysis, Document
from wirewatch.nlp import build_pipeline
from wirewatch.settings import Settings


@dataclass
class Resources:
    """Everything analysis needs, loaded once: pass it to every `analyze` call."""

    nlp: Language
    kb: KnowledgeBase
    steps: list[tuple[str, Step]]
    # The geocoder (the opened gazetteer index and the rules that choose among its entries),
    # built once here; None when geocoding is off.
    gazetteer: Geocoder | None = None


def load_resources(settings: Settings | None = None, *, geocode: bool = True) -> Resources:
    """The spaCy pipeline, the package's knowledge base (loaded once per process) and, with
    `geocode`, the geocoder over the gazetteer under `settings.data_dir`."""
    settings = settings or Settings.load()
    kb = default_kb()
    nlp = build_pipeline(settings.model, kb)
    return Resources(
        nlp=nlp,
        kb=kb,
        steps=load_pipeline(),
        gazetteer=open_geocoder(settings, kb) if geocode else None,
    )


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """Resources from the default settings, loaded on first use and kept for the process."""
    return load_resources()


def analyze(document: Document, resources: Resources | None = None) -> Analysis:
    resources = resources or default_resources()
    return _run_steps(document, resources.nlp(document.text), resources)


def analyze_many(
    documents: Iterable[Document], resources: Resources | None = None, batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyses in input order; spaCy parses in batches (`nlp.pipe`) for throughput."""
    resources = resources or default_resources()
    pairs = resources.nlp.pipe(
        ((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size
    )
    for doc, document in pairs:
        yield _run_steps(document, doc, resources)


def _run_steps(document: Document, doc: Doc, resources: Resources) -> Analysis:
    ctx = Context(document=document, doc=doc, kb=resources.kb, gazetteer=resources.gazetteer)
    for _name, run in resources.steps:
        run(ctx)
    return ctx.to_analysis()
