"""FIFOs, sockets and devices are never opened: reading one could block forever."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.ingest.support import documents, read_all, rejects, write
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._source import file_source, gzip_source
from wirewatch.model import Incoming, Reject

T = TypeVar("T")

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX special files")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    yield path
    _release(path)


def _release(path: Path) -> None:
    """Unblock a reader stuck opening the FIFO (only a broken reader ever is)."""
    with contextlib.suppress(OSError):  # ENXIO: nobody is waiting on it
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def guarded(work: Callable[[], T], fifo: Path) -> T:
    """`work()` in a thread; one that blocks on the FIFO fails the test instead of hanging it
    (the FIFO is then opened for writing, which lets the blocked reader go on)."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed to the test thread, which re-raises it
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():
        _release(fifo)
        worker.join(5)
        pytest.fail("the reader opened the FIFO and blocked on it")
    if failure:
        raise failure[0]
    return outcome[0]


def read_guarded(paths: list[Path], fifo: Path) -> list[Incoming | Reject]:
    return guarded(lambda: read_all(paths), fifo)


def test_a_fifo_in_a_directory_is_skipped(tmp_path, fifo):
    write(tmp_path / "a.txt", "date 2019-01-01 before")
    write(tmp_path / "z.txt", "date 2019-01-01 after")
    results = read_guarded([tmp_path], fifo)
    assert [d.document.text for d in documents(results)] == ["before", "after"]
    assert [(r.origin.source, r.reason) for r in rejects(results)] == [(str(fifo), "not_a_file")]
    assert "FIFO" in rejects(results)[0].message


def test_a_fifo_given_directly_and_symlinks_to_it(tmp_path, fifo):
    link = tmp_path / "links" / "to-pipe.txt"
    link.parent.mkdir()
    link.symlink_to(fifo)
    results = read_guarded([fifo, link, link.parent], fifo)
    assert [(r.origin.source, r.reason) for r in results] == [
        (str(fifo), "not_a_file"),
        (str(link), "not_a_file"),
        (str(link), "not_a_file"),
    ]


def test_sockets_and_devices_are_skipped(tmp_path):
    sock_path = tmp_path / "s.jsonl"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(sock_path))
        (tmp_path / "null.txt").symlink_to(os.devnull)
        results = read_all([tmp_path, Path(os.devnull)])
    finally:
        server.close()
    assert [(r.origin.source, r.reason) for r in results] == [
        (str(tmp_path / "null.txt"), "not_a_file"),
        (str(sock_path), "not_a_file"),
        (os.devnull, "not_a_file"),
    ]
    assert "socket" in results[1].message and "device" in results[2].message


@pytest.mark.parametrize("make_source", [file_source, gzip_source])
def test_opening_checks_again_in_case_the_file_was_swapped(fifo, make_source):
    # Between listing and opening, a regular file may be replaced by a FIFO: the open itself
    # must not block and must refuse it.
    with pytest.raises(RecordError) as caught:
        guarded(make_source(fifo).open, fifo)
    assert caught.value.reason == "not_a_file"


def test_regular_files_behind_symlinks_are_read(tmp_path):
    target = write(tmp_path / "real" / "story.txt", "date 2019-01-01 behind a link")
    (tmp_path / "link.txt").symlink_to(target)
    results = read_all([tmp_path / "link.txt"])
    assert [d.document.text for d in documents(results)] == ["behind a link"]
