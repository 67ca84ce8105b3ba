"""The ingest tests run the readers strict: an exception raised in our own code escapes
`read_sources` instead of becoming a reject, so a bug cannot hide behind the last line of
defence (`wirewatch.ingest._sources.STRICT`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirewatch.ingest import _sources


# Package scope, not a function-scoped monkeypatch: hypothesis refuses function-scoped
# fixtures around property tests, and the setting must not outlive this package's tests.
@pytest.fixture(autouse=True, scope="package")
def _strict_readers() -> Iterator[None]:
    previous = _sources.STRICT
    _sources.STRICT = True
    yield
    _sources.STRICT = previous
