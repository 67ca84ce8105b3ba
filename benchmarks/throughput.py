"""Throughput: bare spaCy `nlp.pipe` vs wirewatch `analyze_many` on the same documents.

    .venv/bin/python benchmarks/throughput.py [--docs 200] [--batch 32]

Prints words per second for each and the ratio wirewatch / bare (target >= 0.85). The
documents are generated from sentence templates with varied equipment, places, dates and
attributions, so every extraction step has work to do. Both runs parse the same texts once
after a warm-up; the gazetteer is on, as in production.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import spacy

from wirewatch.analyze import analyze_many, load_resources
from wirewatch.model import Document
from wirewatch.settings import Settings

ASSETS = ["An-124", "Il-76MD", "Tu-95MS", "C-17A", "C-130J", "A400M", "Su-35S", "Il-62M"]
OPERATORS = ["Russian Air Force", "US Air Force", "Turkish Air Force", "French Air Force",
             "Royal Air Force", "Chinese"]
PLACES = ["Caracas", "Damascus", "Minsk", "Tripoli", "Ankara", "Warsaw", "Niamey", "Havana",
          "Belgrade", "Tehran", "Baghdad", "Kyiv"]
COUNTRIES = ["Russia", "Venezuela", "Syria", "Belarus", "Libya", "Turkey", "Poland", "Niger",
             "Cuba", "Serbia", "Iran", "Iraq", "Ukraine", "China", "France"]
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


def documents(count: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for index in range(count):
        sentences = []
        for _ in range(rng.randint(8, 16)):
            country, country2 = rng.sample(COUNTRIES, 2)
            place, place2, place3 = rng.sample(PLACES, 3)
            sentences.append(rng.choice(TEMPLATES).format(
                op=rng.choice(OPERATORS), asset=rng.choice(ASSETS), place=place, place2=place2,
                place3=place3, day=rng.choice(DAYS), country=country, country2=country2))
        date = dt.date(2024, 1, 1) + dt.timedelta(days=index % 300)
        docs.append(Document(id=f"bench-{index}", date=date, text=" ".join(sentences)))
    return docs


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def bare(model: str, docs: list[Document], batch: int) -> float:
    nlp = spacy.load(model)
    list(nlp.pipe((d.text for d in docs[:8]), batch_size=batch))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=batch):
        pass
    return time.perf_counter() - start


def ours(docs: list[Document], batch: int) -> float:
    resources = load_resources()
    list(analyze_many(docs[:8], resources, batch_size=batch))  # warm-up
    start = time.perf_counter()
    for _ in analyze_many(docs, resources, batch_size=batch):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    docs = documents(args.docs)
    total = words(docs)
    model = Settings.load().model
    base_s = bare(model, docs, args.batch)
    ours_s = ours(docs, args.batch)
    base_wps, ours_wps = total / base_s, total / ours_s
    print(f"documents {len(docs)}, words {total}, batch {args.batch}, model {model}")
    print(f"bare spaCy nlp.pipe      {base_wps:10.0f} words/s  ({base_s:.2f} s)")
    print(f"wirewatch analyze_many   {ours_wps:10.0f} words/s  ({ours_s:.2f} s)")
    print(f"ratio                    {ours_wps / base_wps:10.2f}  (target >= 0.85)")


if __name__ == "__main__":
    main()
