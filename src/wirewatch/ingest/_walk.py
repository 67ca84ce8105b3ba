"""Paths to files: a directory means every file below it, in a stable, sorted order.

Entries are visited depth-first in code-point order of their names, so the same tree always
yields the same sequence. Hidden entries (names starting with ".", such as .git) are not
content and are passed over; symbolic links to directories are not followed (no cycles).
FIFOs, sockets and devices (and links to them) are reported, never opened: opening a FIFO
waits for a writer that may never come, and reading a device may never end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wirewatch.ingest._source import special_kind


@dataclass(frozen=True)
class Unlistable:
    """A directory that could not be listed; the caller reports it and goes on."""

    path: Path
    error: OSError


@dataclass(frozen=True)
class NotAFile:
    """A FIFO, socket or device (or a link to one): reported, not read."""

    path: Path
    kind: str  # "a FIFO (named pipe)", "a socket", ...


Found = Path | Unlistable | NotAFile


def iter_files(path: Path) -> Iterator[Found]:
    """`path` itself unless it is a directory (missing paths too: opening them reports why)."""
    if path.is_dir():
        yield from _below(path)
    else:
        yield _classify(path)


def _below(directory: Path) -> Iterator[Found]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(
                (entry for entry in scan if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError as error:
        yield Unlistable(directory, error)
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _below(Path(entry.path))
        elif _links_to_directory(entry):
            # Said, not followed: a link into a directory can lead back up the tree.
            yield NotAFile(
                Path(entry.path),
                "a link to a directory (not followed inside a directory, since it could loop)",
            )
        else:
            yield _classify(Path(entry.path))


def _links_to_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:  # a loop of links: opening it reports why
        return False


def _classify(path: Path) -> Path | NotAFile:
    try:
        mode = path.stat().st_mode  # follows links: a link to a FIFO is a FIFO
    except (OSError, ValueError):  # missing, a dangling link, a NUL in the name
        return path  # opening it reports why it cannot be read
    kind = special_kind(mode)
    return path if kind is None else NotAFile(path, kind)
