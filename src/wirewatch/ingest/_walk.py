"""Paths to files: a directory means every file below it, in a stable, sorted order.

Entries are visited depth-first in code-point order of their names, so the same tree always
yields the same sequence. Hidden entries (names starting with ".", such as .git) are not
content and are passed over; symbolic links to directories are not followed (no cycles).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Unlistable:
    """A directory that could not be listed; the caller reports it and goes on."""

    path: Path
    error: OSError


def iter_files(path: Path) -> Iterator[Path | Unlistable]:
    """`path` itself unless it is a directory (missing paths too: opening them reports why)."""
    if path.is_dir():
        yield from _below(path)
    else:
        yield path


def _below(directory: Path) -> Iterator[Path | Unlistable]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted((entry for entry in scan if not entry.name.startswith(".")),
                             key=lambda entry: entry.name)
    except OSError as error:
        yield Unlistable(directory, error)
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _below(Path(entry.path))
        else:
            yield Path(entry.path)
