"""Where a text writer writes: anything with `write(text)` (a file, standard output, the
API's streaming queue), so a writer never needs a whole `TextIO`."""

from __future__ import annotations

from typing import Protocol


class TextSink(Protocol):
    def write(self, text: str, /) -> int: ...
