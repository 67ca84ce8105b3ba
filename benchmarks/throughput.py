"""Throughput: bare spaCy `nlp.pipe` vs wirewatch `analyze_many` on the same documents.

    .venv/bin/python benchmarks/throughput.py [--docs 200] [--batch 32] [--repeat 3]

Prints words per second for each and the ratio wirewatch / bare (target >= 0.85), then where
wirewatch's extra time goes: its own spaCy components, each extraction step, and geocoding
(`Gazetteer.geocode`, inside the places step) as a share of the whole analysis.

Like with like: both sides get the same generated documents (sentence templates with varied
equipment, places, dates and attributions, so every extraction step has work to do), the same
model and batch size, and a warm-up; the gazetteer is on, as in production. The machine is
shared, so the two runs alternate `--repeat` times and each side keeps its fastest run, timed
in process CPU seconds (what this process did, not what its neighbours did); wall-clock
figures are printed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.analyze import Resources, analyze_many, load_resources
from wirewatch.extract.context import Context
from wirewatch.model import Document
from wirewatch.settings import Settings

ASSETS = ["An-124", "Il-76MD", "Tu-95MS", "C-17A", "C-130J", "A400M", "Su-35S", "Il-62M"]
OPERATORS = [
    "Russian Air Force",
    "US Air Force",
    "Turkish Air Force",
    "French Air Force",
    "Royal Air Force",
    "Chinese",
]
PLACES = [
    "Caracas",
    "Damascus",
    "Minsk",
    "Tripoli",
    "Ankara",
    "Warsaw",
    "Niamey",
    "Havana",
    "Belgrade",
    "Tehran",
    "Baghdad",
    "Kyiv",
]
COUNTRIES = [
    "Russia",
    "Venezuela",
    "Syria",
    "Belarus",
    "Libya",
    "Turkey",
    "Poland",
    "Niger",
    "Cuba",
    "Serbia",
    "Iran",
    "Iraq",
    "Ukraine",
    "China",
    "France",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "A {op} {asset} landed at the airport in {place} on {day}, {country}'s defence ministry said.",
    "The {asset} had flown in from {place2} after a refuelling stop in {place3}.",
    "{country} accused {country2} of violating its airspace on {day}.",
    "According to Reuters, {country} sent troops to {country2} in January.",
    "Officials in {place} met a delegation from {country2} to discuss military cooperation.",
    "\u201cThe aircraft delivered humanitarian aid,\u201d an unnamed official told Sputnik.",
    "{country} could deploy more {asset} aircraft to {place} next month, analysts said.",
    "The {asset} left {place} on {day} and returned home.",
    "{country} imposed sanctions on {country2} after the strike on {place}.",
    "Protesters rallied outside the embassy of {country2} in {place} on {day}.",
]


@dataclass
class Timing:
    cpu: float = float("inf")
    wall: float = float("inf")

    def keep_best(self, cpu: float, wall: float) -> None:
        self.cpu, self.wall = min(self.cpu, cpu), min(self.wall, wall)


def documents(count: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for index in range(count):
        sentences = []
        for _ in range(rng.randint(8, 16)):
            country, country2 = rng.sample(COUNTRIES, 2)
            place, place2, place3 = rng.sample(PLACES, 3)
            sentences.append(
                rng.choice(TEMPLATES).format(
                    op=rng.choice(OPERATORS),
                    asset=rng.choice(ASSETS),
                    place=place,
                    place2=place2,
                    place3=place3,
                    day=rng.choice(DAYS),
                    country=country,
                    country2=country2,
                )
            )
        date = dt.date(2024, 1, 1) + dt.timedelta(days=index % 300)
        docs.append(Document(id=f"bench-{index}", date=date, text=" ".join(sentences)))
    return docs


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def timed(run: Callable[[], Iterable[Any]]) -> tuple[float, float]:
    """(CPU, wall) seconds to exhaust what `run` returns."""
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in run():
        pass
    return time.process_time() - cpu, time.perf_counter() - wall


def compare(
    nlp: Language, resources: Resources, docs: list[Document], batch: int, repeat: int
) -> tuple[Timing, Timing]:
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:8], batch_size=batch))  # warm-up
    list(analyze_many(docs[:8], resources, batch_size=batch))
    bare, ours = Timing(), Timing()
    for _ in range(repeat):  # alternated, so both sides see the same neighbours
        bare.keep_best(*timed(lambda: nlp.pipe(texts, batch_size=batch)))
        ours.keep_best(*timed(lambda: analyze_many(docs, resources, batch_size=batch)))
    return bare, ours


def component_seconds(nlp: Language, texts: list[str], batch: int) -> dict[str, float]:
    """CPU seconds per pipeline component, each run over all documents in turn."""
    docs: list[Doc] = [nlp.make_doc(t) for t in texts]
    out: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch))
        else:
            docs = [proc(doc) for doc in docs]
        out[name] = time.process_time() - start
    return out


def step_seconds(
    resources: Resources, docs: list[Document], batch: int
) -> tuple[dict[str, float], float]:
    """CPU seconds per extraction step over parsed documents, and the geocoding part."""
    gaz = resources.gazetteer
    geocoding = [0.0]
    if gaz is not None:
        plain = gaz.geocode

        def geocode(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return plain(*args, **kwargs)
            finally:
                geocoding[0] += time.process_time() - start

        gaz.geocode = geocode
    steps: dict[str, float] = defaultdict(float)
    try:
        parsed = resources.nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch)
        for doc, document in parsed:
            ctx = Context(document=document, doc=doc, kb=resources.kb, gazetteer=gaz)
            for name, run in resources.steps:
                start = time.process_time()
                run(ctx)
                steps[name] += time.process_time() - start
    finally:
        if gaz is not None:
            del gaz.geocode
    return dict(steps), geocoding[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.docs)
    total = words(docs)
    model = Settings.load().model
    nlp, resources = spacy.load(model), load_resources()
    bare, ours = compare(nlp, resources, docs, args.batch, args.repeat)
    print(
        f"documents {len(docs)}, words {total}, batch {args.batch}, model {model}, "
        f"best of {args.repeat}"
    )
    print(
        f"bare spaCy nlp.pipe      {total / bare.cpu:8.0f} words/CPU-s  ({bare.cpu:.2f} s; "
        f"wall {total / bare.wall:.0f} words/s)"
    )
    print(
        f"wirewatch analyze_many   {total / ours.cpu:8.0f} words/CPU-s  ({ours.cpu:.2f} s; "
        f"wall {total / ours.wall:.0f} words/s)"
    )
    print(
        f"ratio                    {bare.cpu / ours.cpu:8.2f}  (target >= 0.85; "
        f"wall {bare.wall / ours.wall:.2f})"
    )
    ours_components = {
        name: s
        for name, s in component_seconds(resources.nlp, [d.text for d in docs], args.batch).items()
        if name.startswith("wirewatch")
    }
    steps, geocoding = step_seconds(resources, docs, args.batch)
    print(
        "wirewatch spaCy components (CPU s): "
        + ", ".join(
            f"{name.removeprefix('wirewatch_')} {s:.3f}" for name, s in ours_components.items()
        )
        + f"; total {sum(ours_components.values()):.3f}"
    )
    print(
        "extraction steps (CPU s): "
        + ", ".join(f"{name} {s:.3f}" for name, s in steps.items())
        + f"; total {sum(steps.values()):.3f}"
    )
    print(
        f"geocoding (Gazetteer.geocode, in places) {geocoding:.3f} CPU s = "
        f"{100 * geocoding / ours.cpu:.1f}% of analysis time (target < 10%)"
    )


if __name__ == "__main__":
    main()
