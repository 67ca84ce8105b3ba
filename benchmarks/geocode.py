"""Geocoding benchmark: index build time and size, lookup latency, and geocoding's share of
analysis time on the seed article plus a few synthetic documents.

    .venv/bin/python benchmarks/geocode.py [--data-dir DIR] [--rebuild]

Without --data-dir the index is built into a fresh temporary directory (a clean-cache build).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import tempfile
import time
from pathlib import Path

from wirewatch.analyze import load_resources
from wirewatch.extract.context import Context
from wirewatch.geo import Gazetteer, build_gazetteer
from wirewatch.model import Document
from wirewatch.settings import Settings

SEED = (
    Path(__file__).resolve().parents[1]
    / "examples"
    / "corpus"
    / "seed"
    / "an124-venezuela-2019-03-25.txt"
)
SYNTHETIC = [
    "RIGA, Latvia — Latvian officials said on Monday that a Russian corvette was seen 40 km "
    "north-west of Liepaja, near the Irbe Strait, before it turned back toward Baltiysk.",
    "Two Tu-95MS bombers took off from Engels air base, crossed the Sea of Japan and landed at "
    "Anadyr, while Japanese jets scrambled from Misawa and Chitose. Tokyo protested to Moscow.",
    "Militias clashed in Tripoli on Tuesday, Libya's interior ministry said; Benghazi and "
    "Misrata were calm. An aid ship from Alexandria, Egypt, docked at Tobruk the next day.",
    "The governor of Georgia met officials in Atlanta and Savannah, while in Tbilisi Georgia's "
    "prime minister spoke to protesters. Flights from ATL to Hartsfield continued.",
    "A C-17 from Dover Air Force Base landed at Rzeszów-Jasionka airport in Poland, about 90 km "
    "from the Ukrainian border, after a stop at Ramstein. Washington said more would follow.",
]


def _documents() -> list[Document]:
    docs = [Document(date=dt.date(2024, 5, 6), text=t * 3) for t in SYNTHETIC]
    if SEED.exists():
        raw = SEED.read_text("utf-8")
        head = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
        if head:
            docs.insert(
                0, Document(date=dt.date.fromisoformat(head.group(1)), text=raw[head.end() :])
            )
    return docs


def bench_build(data_dir: Path, rebuild: bool) -> Path:
    report = build_gazetteer(data_dir, force=rebuild)
    state = f"built in {report.seconds:.1f} s" if report.built else "already built"
    print(f"index: {report.path} ({state})")
    print(f"  {report.places:,} places, {report.names:,} names, {report.size_bytes / 1e6:.1f} MB")
    return report.path


def bench_lookup(path: Path) -> None:
    started = time.perf_counter()
    gaz = Gazetteer(path)
    print(f"open: {time.perf_counter() - started:.2f} s ({len(gaz.scan_keys):,} scan keys)")
    rows = gaz._conn.execute("SELECT key FROM name ORDER BY random() LIMIT 3000").fetchall()
    probes = [r[0] for r in rows] + [f"no such place {i}" for i in range(1000)]
    times = []
    for name in probes:
        t0 = time.perf_counter()
        gaz.lookup(name)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(
        f"lookup (uncached, {len(times)} names): median {statistics.median(times):.3f} ms, "
        f"p99 {times[int(0.99 * len(times))]:.3f} ms"
    )


def bench_share(data_dir: Path) -> None:
    resources = load_resources(Settings(data_dir=data_dir))
    docs = _documents()
    per_step: dict[str, float] = {"spacy": 0.0}
    for _round in range(3):
        for document in docs:
            t0 = time.perf_counter()
            doc = resources.nlp(document.text)
            per_step["spacy"] += time.perf_counter() - t0
            ctx = Context(
                document=document, doc=doc, kb=resources.kb, gazetteer=resources.gazetteer
            )
            for name, run in resources.steps:
                t0 = time.perf_counter()
                run(ctx)
                per_step[name] = per_step.get(name, 0.0) + time.perf_counter() - t0
    total = sum(per_step.values())
    chars = 3 * sum(len(d.text) for d in docs)
    print(f"analysis: {len(docs)} documents x 3, {chars:,} chars, {total:.2f} s")
    for name, seconds in sorted(per_step.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {seconds:6.3f} s  {100 * seconds / total:5.1f} %")
    print(
        f"geocoding (places step) share of analysis time: "
        f"{100 * per_step.get('places', 0.0) / total:.1f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch)
        path = bench_build(data_dir, args.rebuild)
        bench_lookup(path)
        bench_share(data_dir)


if __name__ == "__main__":
    main()
