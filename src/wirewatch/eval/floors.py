"""Floors: minimum figures a run must reach (`wirewatch eval --floors FILE`)."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.eval.gold import KINDS
from wirewatch.eval.report import ACROSS, KindResults, UnknownFigure

ROOTS = frozenset(KINDS) | frozenset(ACROSS)  # the first part of every figure name


class FloorsError(ValueError):
    """A floors file that cannot be read or is not a mapping of names to numbers."""


def load_floors(path: Path, section: str | None = None) -> dict[str, float]:
    """A JSON object of floors: flat (`{"events.f1": 0.75}`) or nested (`{"events": {"f1":
    0.75}}`), flattened to dotted names. A file may hold several gold sets' floors in named
    sections (`{"dev": {...}, "seed": {...}}`): `section` picks one, and is required then."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FloorsError(f"{path}: cannot read floors: {error}") from error
    if not isinstance(data, dict):
        raise FloorsError(f"{path}: floors must be a JSON object")
    sections = sorted(k for k, v in data.items() if isinstance(v, dict) and k not in ROOTS)
    if section is not None:
        if section not in sections:
            raise FloorsError(
                f"{path}: no floors section {section!r} (it has: {', '.join(sections) or 'none'})"
            )
        data = data[section]
    elif sections:
        raise FloorsError(
            f"{path}: floors are in sections ({', '.join(sections)}); "
            "choose one (wirewatch eval --section NAME)"
        )
    floors: dict[str, float] = {}
    _flatten(data, "", floors, path)
    return floors


def _flatten(data: dict[str, object], prefix: str, out: dict[str, float], path: Path) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{name}.", out, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[name] = float(value)
        else:
            raise FloorsError(f"{path}: floor {name!r} is not a number: {value!r}")


def _shown(value: float, floor: float) -> str:
    # Two decimals, unless that would print "0.75 < floor 0.75" for 0.749.
    for digits in range(2, 7):
        text = f"{value:.{digits}f}"
        if text != f"{floor:.{digits}f}":
            return text
    return repr(value)


def check_floors(report: KindResults, floors: dict[str, float]) -> list[str]:
    """Human-readable failures, one per floor not met; empty when every floor holds.

    An unknown figure name and a figure that could not be measured (None, e.g. precision
    with no exhaustive gold) are failures too: a floor that silently checks nothing is a bug.
    """
    failures = []
    for name, floor in floors.items():
        try:
            value = report.figure(name)
        except UnknownFigure as error:
            failures.append(str(error.args[0]))
            continue
        if value is None:
            failures.append(f"{name} not measured (floor {floor:g})")
        elif value < floor:
            failures.append(f"{name} {_shown(value, floor)} < floor {floor:g}")
    return failures
