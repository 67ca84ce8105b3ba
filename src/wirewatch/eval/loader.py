"""Reading gold sets: a directory of `*.json` files (one document each) or a single file.

Every error names the file it came from and lists each problem pydantic found in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from wirewatch.eval.gold import GoldDocument

# Files that may sit beside a gold set without being one: the CI score floors.
NOT_GOLD = frozenset({"floors.json"})


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow spec §3; the message names the file."""


def _describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"  {where}: {item['msg']}")
    return "\n".join(lines)


def load_gold_file(path: Path) -> GoldDocument:
    """One gold file, or a GoldError naming the file and every problem in it."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read gold file: {error}") from error
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file holds one JSON object, not {type(data).__name__}")
    try:
        gold = GoldDocument.model_validate(data)
    except ValidationError as error:
        raise GoldError(f"{path}: not a valid gold document:\n{_describe(error)}") from error
    gold._path = path
    return gold


def load_gold(path: Path) -> list[GoldDocument]:
    """A gold set: every `*.json` in a directory (sorted by name; `floors.json` excepted),
    or a single gold file."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.json") if p.is_file() and p.name not in NOT_GOLD)
        if not files:
            raise GoldError(f"{path}: no *.json gold files in this directory")
    elif path.is_file():
        files = [path]
    else:
        raise GoldError(f"{path}: no such gold file or directory")
    golds = [load_gold_file(file) for file in files]
    seen: dict[str, Path | None] = {}
    for gold in golds:
        # Per-document results are keyed by id; two files with one id would hide each other.
        if gold.id in seen:
            raise GoldError(f"{gold.path}: document id {gold.id!r} repeats {seen[gold.id]}")
        seen[gold.id] = gold.path
    return golds
