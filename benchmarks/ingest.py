"""Ingest throughput with analysis off, and peak memory, for growing corpus sizes.

Each size runs in a fresh subprocess, so its peak RSS is its own: if readers, dedup and the
store stream as they should, peak RSS stays flat as N grows ten-fold.

    python benchmarks/ingest.py                 # N = 10,000 and 100,000
    python benchmarks/ingest.py --sizes 2000    # a quick run
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "troops convoy airport frigate strait border ministry talks sanctions protest drone "
    "strike ceasefire aid delivery minister official spokesman reported denied warned base "
    "port capital region parliament opposition rebels militia navy army air force cargo "
    "transport patrol exercise summit agreement embassy envoy refugees shelling village"
).split()


def generate(path: Path, count: int, seed: int = 7) -> None:
    """`count` distinct synthetic articles as JSONL (random word order: no near-duplicates)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            words = [rng.choice(WORDS) for _ in range(rng.randint(120, 260))]
            day = 1 + index % 28
            record = {
                "id": f"bench-{index}",
                "date": f"2025-10-{day:02d}",
                "outlet": f"Outlet {index % 7}",
                "text": " ".join(words) + ".",
            }
            out.write(json.dumps(record) + "\n")


def run_one(count: int) -> dict[str, float]:
    """Runs in the child process: generate, ingest without analysis, report."""
    from wirewatch.batch import run_ingest
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        generate(corpus, count)
        store = Store(str(Path(tmp) / "bench.db"))
        store.migrate()
        started = time.perf_counter()
        summary = run_ingest(
            [corpus], store, Settings(db=str(Path(tmp) / "bench.db")), analyser=None
        )
        seconds = time.perf_counter() - started
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": count,
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "seconds": round(seconds, 1),
        "docs_per_s": round(count / seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    print(f"{'N':>8} {'stored':>8} {'dups':>6} {'seconds':>8} {'docs/s':>8} {'peak RSS MB':>12}")
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{row['n']:>8} {row['stored']:>8} {row['duplicates']:>6} {row['seconds']:>8} "
            f"{row['docs_per_s']:>8} {row['peak_rss_mb']:>12}"
        )


if __name__ == "__main__":
    main()
