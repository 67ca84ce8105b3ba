"""API latency benchmark: p50/p95 of filtered /api/v1/events and /api/v1/tracks queries over a
store of 100,000 events (hand-built analyses written through the store).

    .venv/bin/python benchmarks/api.py [--db PATH_OR_URL] [--events 100000] [--requests 300]

The database is generated on the first run (a few minutes; progress is printed) and reused
when it already holds the events. Requests go through the in-process ASGI client, so the
figures are the app's and the store's time, without a network. The target is p95 < 100 ms
on both endpoints. PostgreSQL: give a URL, e.g. with a schema of its own (create it first):

    --db 'postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dbench'
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from wirewatch import resolve
from wirewatch.api import create_app
from wirewatch.ingest import fingerprint
from wirewatch.model import (
    PLOVER_TYPES,
    Actor,
    Analysis,
    Asset,
    Document,
    Event,
    Evidence,
    Movement,
    Origin,
    Place,
    When,
    stable_id,
)
from wirewatch.settings import Settings
from wirewatch.store import Store

COUNTRIES = [
    "RUS",
    "USA",
    "CHN",
    "UKR",
    "SYR",
    "IRN",
    "ISR",
    "TUR",
    "FRA",
    "DEU",
    "GBR",
    "POL",
    "VEN",
    "LBY",
    "MLI",
    "IRQ",
    "SAU",
    "EGY",
    "IND",
    "PAK",
    "JPN",
    "KOR",
    "PRK",
    "BLR",
]
OUTLETS = [f"Outlet {n}" for n in range(12)]
MODELS = [
    "An-124",
    "Il-76MD",
    "C-17A",
    "C-130J",
    "A400M",
    "Tu-95MS",
    "Tu-160",
    "Su-35",
    "Type 052D",
    "Project 22350",
    "KC-135R",
    "Il-62M",
    "B-52H",
    "P-8A",
    "MQ-9",
]
START = dt.date(2023, 1, 1)
SPAN_DAYS = 3 * 365
EVENTS_PER_DOC = 5
MOVEMENT_EVERY = 4  # one movement per this many documents


def _places(rng: random.Random) -> list[tuple[str, float, float, str]]:
    return [
        (f"Place {n}", rng.uniform(-60, 70), rng.uniform(-179, 179), rng.choice(COUNTRIES))
        for n in range(400)
    ]


Gazetteer = list[tuple[str, float, float, str]]


def _analysis(n: int, rng: random.Random, gazetteer: Gazetteer) -> Analysis:
    day = START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    words = " ".join(
        rng.choice(
            [
                "convoy",
                "strike",
                "talks",
                "aid",
                "border",
                "flight",
                "port",
                "minister",
                "protest",
                "drill",
            ]
        )
        for _ in range(12)
    )
    names = rng.sample(gazetteer, 3)
    text = f"Report {n}: {words}. " + " ".join(f"Officials mentioned {p[0]}." for p in names)
    doc = Document(
        id=f"bench-{n:06d}",
        date=day + dt.timedelta(days=rng.randrange(3)),
        outlet=rng.choice(OUTLETS),
        title=f"Report {n}",
        text=text,
    )
    places = []
    for name, lat, lon, country in names:
        start = text.index(name)
        places.append(
            Place(
                id=stable_id("plc", doc.id, name),
                name=name,
                lat=lat,
                lon=lon,
                country=country,
                feature="city",
                precision_km=5.0,
                mentions=[{"start": start, "end": start + len(name)}],
            )
        )
    evidence = [Evidence(sentence=0, start=0, end=len(text), text=text)]
    when = When(start=day, end=day, precision="day")
    events = []
    for k in range(EVENTS_PER_DOC):
        kind = rng.choice(PLOVER_TYPES)
        actor, recipient = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        events.append(
            Event(
                id=stable_id("evt", doc.id, k),
                event=kind,
                actor=[Actor(name=f"Force of {actor}", country=actor)],
                recipient=[Actor(name=f"Gov of {recipient}", country=recipient)],
                place=rng.choice(places).id,
                when=when,
                evidence=evidence,
                confidence=0.7,
            )
        )
    movements = []
    if n % MOVEMENT_EVERY == 0:
        model = rng.choice(MODELS)
        operator = rng.choice(COUNTRIES[:8])
        movements.append(
            Movement(
                id=stable_id("mov", doc.id, 1),
                asset=Asset(
                    kind="aircraft",
                    model=model,
                    identifier=f"{operator[:2]}-{rng.randrange(40):03d}",
                    operator=Actor(name=operator, country=operator),
                ),
                origin=places[0].id,
                via=[places[1].id],
                destination=places[2].id,
                depart=when,
                evidence=evidence,
                confidence=0.8,
            )
        )
    return Analysis(document=doc, places=places, events=events, movements=movements)


def generate(store: Store, events: int) -> None:
    rng = random.Random(7)
    gazetteer = _places(rng)
    documents = events // EVENTS_PER_DOC
    started = time.perf_counter()
    for n in range(documents):
        analysis = _analysis(n, rng, gazetteer)
        doc = analysis.document
        store.add_document(doc, fingerprint(doc.text), Origin(source="benchmark", locator=str(n)))
        store.save_analysis(analysis)
        if (n + 1) % 1000 == 0:
            rate = (n + 1) / (time.perf_counter() - started)
            print(
                f"  {n + 1:>6}/{documents} documents ({(n + 1) * EVENTS_PER_DOC} events), "
                f"{rate:.0f} docs/s",
                flush=True,
            )


def resolve_tracks(store: Store) -> None:
    """`/tracks` serves what `resolve` stored; ingest resolves each batch, but `generate`
    writes through the store alone, so resolve once here (and on a database from before)."""
    if store.stats().movements == 0 or resolve.tracks(store, limit=1).items:
        return
    print("resolving (tracks, entities, stories) ...", flush=True)
    started = time.perf_counter()
    counts = resolve.rebuild(store)
    print(f"resolved in {time.perf_counter() - started:.0f} s: {counts}")


def _window(rng: random.Random, days: int) -> dict[str, str]:
    since = START + dt.timedelta(days=rng.randrange(SPAN_DAYS - days))
    return {"since": since.isoformat(), "until": (since + dt.timedelta(days=days)).isoformat()}


def event_queries(rng: random.Random) -> dict[str, Callable[[], dict]]:
    def box() -> str:
        lon, lat = rng.uniform(-170, 140), rng.uniform(-50, 40)
        return f"{lon:.1f},{lat:.1f},{lon + 30:.1f},{lat + 20:.1f}"

    return {
        "date 30d": lambda: _window(rng, 30),
        "type": lambda: {"type": rng.choice(PLOVER_TYPES)},
        "type+date 90d": lambda: {"type": rng.choice(PLOVER_TYPES), **_window(rng, 90)},
        "country": lambda: {"country": rng.choice(COUNTRIES)},
        "country+date 60d": lambda: {"country": rng.choice(COUNTRIES), **_window(rng, 60)},
        "outlet+date 30d": lambda: {"outlet": rng.choice(OUTLETS), **_window(rng, 30)},
        "actor": lambda: {"actor": f"force of {rng.choice(COUNTRIES).lower()}"},
        "bbox": lambda: {"bbox": box()},
        "bbox+date 90d": lambda: {"bbox": box(), **_window(rng, 90)},
    }


def track_queries(rng: random.Random) -> dict[str, Callable[[], dict]]:
    return {
        "asset": lambda: {"asset": rng.choice(MODELS)},
        "asset+date 180d": lambda: {"asset": rng.choice(MODELS), **_window(rng, 180)},
        "date 30d": lambda: _window(rng, 30),
        "country+date 90d": lambda: {"country": rng.choice(COUNTRIES[:8]), **_window(rng, 90)},
        "outlet": lambda: {"outlet": rng.choice(OUTLETS)},
        "outlet+asset": lambda: {"outlet": rng.choice(OUTLETS), "asset": rng.choice(MODELS)},
    }


TARGET_P95_MS = 100.0


def measure(
    client: TestClient, path: str, queries: dict[str, Callable[[], dict]], requests: int, limit: int
) -> float:
    """Print p50/p95 per kind of filter and over all requests; return the overall p95."""
    timings: dict[str, list[float]] = {name: [] for name in queries}
    names = list(queries)
    for i in range(requests):
        name = names[i % len(names)]
        params = {"limit": limit, **queries[name]()}
        started = time.perf_counter()
        reply = client.get(path, params=params)
        timings[name].append((time.perf_counter() - started) * 1000)
        reply.raise_for_status()
    every = sorted(t for ts in timings.values() for t in ts)
    print(f"\n{path} (limit={limit}, {requests} requests)")
    print(f"  {'filter':<20} {'n':>4} {'p50 ms':>8} {'p95 ms':>8}")
    for name, ts in timings.items():
        ts.sort()
        print(
            f"  {name:<20} {len(ts):>4} {statistics.median(ts):>8.1f} "
            f"{ts[int(0.95 * (len(ts) - 1))]:>8.1f}"
        )
    p95 = every[int(0.95 * (len(every) - 1))]
    print(f"  {'ALL':<20} {len(every):>4} {statistics.median(every):>8.1f} {p95:>8.1f}")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="bench-api.db", help="SQLite path or SQLAlchemy URL")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--limit", type=int, default=100, help="page size of each request")
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="refresh planner statistics first (generating ends with it, as a "
        "batch ingest does; a database filled through POST has none)",
    )
    args = parser.parse_args()

    store = Store(args.db)
    store.migrate()
    have = sum(store.stats().events.values())
    if have < args.events:
        if have:
            raise SystemExit(
                f"{args.db} holds {have} events, fewer than {args.events}; remove it to regenerate"
            )
        print(f"generating {args.events} events into {args.db} ...", flush=True)
        started = time.perf_counter()
        generate(store, args.events)
        store.refresh_statistics()  # as a batch ingest ends
        print(f"generated in {time.perf_counter() - started:.0f} s")
    resolve_tracks(store)
    if args.analyze:
        store.refresh_statistics()
    stats = store.stats()
    store.close()
    print(
        f"store: {stats.documents} documents, {sum(stats.events.values())} events, "
        f"{stats.movements} movements"
    )

    rng = random.Random(11)
    with TestClient(create_app(Settings(db=args.db))) as client:
        client.get("/api/v1/events", params={"limit": 1})  # open and warm the store
        worst = max(
            measure(client, "/api/v1/events", event_queries(rng), args.requests, args.limit),
            measure(client, "/api/v1/tracks", track_queries(rng), args.requests // 2, args.limit),
        )
    verdict = "met" if worst < TARGET_P95_MS else "MISSED"
    print(f"\ntarget p95 < {TARGET_P95_MS:.0f} ms on both endpoints: {verdict} (worst {worst:.1f})")


if __name__ == "__main__":
    main()
