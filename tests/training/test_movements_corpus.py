"""The written training corpus for the route-role model (`training/movements/*.jsonl`): every
line a document with a date, every annotated route point and asset mention written in its
text, ids unique, and enough of it to learn from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "training" / "movements"


def _rows() -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                rows.append((f"{path.name}:{number}", json.loads(line)))
    return rows


ROWS = _rows()


def test_the_corpus_is_large_enough_to_learn_from() -> None:
    documents = len(ROWS)
    movements = sum(len(row["movements"]) for _where, row in ROWS)
    still = sum(len(row.get("still") or []) for _where, row in ROWS)
    assert documents >= 500 and movements >= 600 and still >= 100


def test_ids_are_unique() -> None:
    ids = [row["id"] for _where, row in ROWS]
    assert len(ids) == len(set(ids))


def _problems(where: str, row: dict[str, Any]) -> list[str]:
    out = []
    try:
        dt.date.fromisoformat(row["date"])
    except (KeyError, ValueError):
        out.append(f"{where}: no ISO date")
    text = row["text"]
    if not (row["movements"] or row.get("still")):
        out.append(f"{where}: nothing annotated")
    for movement in row["movements"]:
        if not movement.get("asset_model") or not movement.get("destination"):
            out.append(f"{where}: a movement needs an asset model and a destination")
        points = [
            movement.get("asset_mention"),
            movement.get("origin"),
            movement.get("destination"),
        ]
        for point in [*points, *(movement.get("via") or [])]:
            if point is not None and point not in text:
                out.append(f"{where}: {point!r} is not in the text")
        for day in (movement.get("depart"), movement.get("arrive")):
            try:
                _ = day is None or dt.date.fromisoformat(day)
            except ValueError:
                out.append(f"{where}: {day!r} is no ISO date")
    return out


def test_every_annotation_is_written_in_its_text() -> None:
    problems = [p for where, row in ROWS for p in _problems(where, row)]
    assert problems == []
