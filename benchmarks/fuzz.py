"""`make fuzz`: every property test under the "fuzz" hypothesis profile, round after round.

    python benchmarks/fuzz.py --minutes 10            # what `make fuzz FUZZ_MINUTES=10` runs
    python benchmarks/fuzz.py --minutes 3 tests/ingest    # only the property tests under a path

The tests marked `property` are collected once. Each round runs them all in one pytest process
with HYPOTHESIS_PROFILE=fuzz (thousands of examples a test, tests/conftest.py) and a fresh
`--hypothesis-seed`, until the time is up. A round still running at the deadline is stopped;
the next round (in a longer run) starts with the test it was stopped in, and the first round
starts at a random test, so short runs do not fuzz the first tests over and over and never the
last. The script ends by listing the tests it did not fuzz to the end.

On the first failure the script prints pytest's report (hypothesis shows the falsifying example
and the `@reproduce_failure` line for it), the seed and the command that replays the round, and
exits 1. A crash found this way becomes a regression test: add the input to the property test
as `@example(...)` (written exactly as hypothesis prints the falsifying example) or as an
explicit test beside it, then fix the code. Hypothesis also keeps failing examples in its local
database (.hypothesis/) and replays them first, but that is not shared: the `@example` is what
keeps the case for everyone.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PASSED = re.compile(r"^\S+::\S+ PASSED", re.MULTILINE)
_NO_TESTS = 5  # pytest's exit code when nothing was collected


@dataclass(frozen=True)
class Round:
    seed: int
    tests: list[str]
    code: int | None  # None: stopped at the deadline
    output: str

    @property
    def passed(self) -> int:
        return len(_PASSED.findall(self.output))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    tests = collect(args.paths)
    if not tests:
        print("fuzz: no tests marked `property` were collected", file=sys.stderr)
        return 2
    print(f"fuzz: {len(tests)} property tests, {args.minutes:g} min", flush=True)
    deadline = time.monotonic() + args.minutes * 60
    # A random first test, so that runs too short for a whole round still share out the time.
    start, rounds = random.SystemRandom().randrange(len(tests)), 0
    finished: set[str] = set()
    while (left := deadline - time.monotonic()) > 1:
        rounds += 1
        done = run_round(tests[start:] + tests[:start], left)
        finished.update(done.tests[: done.passed])
        print(
            f"round {rounds}: seed {done.seed}, {done.passed}/{len(tests)} tests passed"
            + ("" if done.code is not None else " (stopped at the deadline)"),
            flush=True,
        )
        if done.code not in (0, None):
            report(done)
            return 1
        start = (start + done.passed) % len(tests) if done.code is None else start
    print(f"fuzz: {rounds} round(s), no failure", flush=True)
    unfinished = [test for test in tests if test not in finished]
    if unfinished:
        print(
            f"not fuzzed to the end in this run (give it more minutes): {len(unfinished)} "
            "tests\n  " + "\n  ".join(unfinished),
            flush=True,
        )
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz")
    parser.add_argument("paths", nargs="*", default=["tests"], help="where to collect tests")
    return parser.parse_args(argv)


def _pytest(*args: str) -> list[str]:
    # No cache plugin: rounds must not reorder or skip tests by what failed last time.
    return [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]


def collect(paths: list[str]) -> list[str]:
    listed = subprocess.run(
        _pytest("--collect-only", "-q", "-m", "property", *paths),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode not in (0, _NO_TESTS):
        sys.stderr.write(listed.stdout + listed.stderr)
        raise SystemExit(f"fuzz: collecting the property tests failed ({listed.returncode})")
    return [line for line in listed.stdout.splitlines() if "::" in line]


def run_round(tests: list[str], budget: float) -> Round:
    """All `tests` (in this order) with a fresh seed, stopped after `budget` seconds."""
    seed = random.SystemRandom().randrange(2**32)
    command = _pytest("-v", "-x", "-m", "property", f"--hypothesis-seed={seed}", *tests)
    environment = {**os.environ, "HYPOTHESIS_PROFILE": "fuzz"}
    # Output goes to a file, not a pipe, so what a stopped round printed can still be read.
    with tempfile.TemporaryFile("w+") as log:
        try:
            code: int | None = subprocess.run(
                command,
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=budget,
                check=False,
            ).returncode
        except subprocess.TimeoutExpired:
            code = None
        log.seek(0)
        return Round(seed=seed, tests=tests, code=code, output=log.read())


def report(done: Round) -> None:
    print(done.output)
    failing = next(
        (
            line.split(" ")[0]
            for line in done.output.splitlines()
            if " FAILED" in line and "::" in line
        ),
        "?",
    )
    print(
        f"fuzz: FAILED {failing} with seed {done.seed}\n"
        f"replay: HYPOTHESIS_PROFILE=fuzz {Path(sys.executable).name} -m pytest "
        f"--hypothesis-seed={done.seed} '{failing}'\n"
        "then keep the input as an @example(...) on the test (see this script's docstring)",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
