"""Identifiers written next to an asset: registrations, serials, hull and pennant numbers,
ICAO 24-bit addresses, call signs, MMSI and IMO numbers.

Patterns and registration formats are data (kb/data/equipment.yaml `identifiers`,
`registrations`); this module compiles them once and finds them in a text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from wirewatch.kb.tables._equipment_common import trie_pattern

IdentifierKind = Literal[
    "registration", "tail", "serial", "hull", "pennant", "side", "icao24", "callsign", "mmsi", "imo"
]
# Kinds that name one airframe or hull (a call sign names a flight): what `first_list` reads.
AIRFRAME_KINDS: frozenset[str] = frozenset(
    {"registration", "tail", "serial", "hull", "pennant", "side", "icao24", "mmsi", "imo"}
)


class Identifier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: IdentifierKind
    pattern: str  # group 1 is the identifier; {{id}} / {{idnum}} stand for the id token
    check: Literal["imo"] | None = None  # a check digit the identifier must satisfy
    # Words (any case) one of which a text must contain for the row to be tried: a cheap
    # gate before the pattern. None: always tried.
    cues: list[str] | None = None
    source: str


class Registration(BaseModel):
    """An aircraft nationality mark: prefix, separator and the state's mark format."""

    model_config = ConfigDict(extra="forbid")

    prefix: str
    country: str  # ISO alpha-3 (UNO for the United Nations' common mark)
    mark: str  # regex of the mark after the separator
    sep: str = "-"  # regex of the separator
    source: str


def imo_ok(number: str) -> bool:
    """The IMO number check digit: the first six digits weighted 7..2, summed, mod 10."""
    if len(number) != 7 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(number[6])


_CHECKS: dict[str, Callable[[str], bool]] = {"imo": imo_ok}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    ident: str
    kind: IdentifierKind
    order: int  # the row's place in the table (registrations last): first wins a tie


class Finder:
    """Every identifier pattern and the registration formats, compiled once. A scan first
    looks for the rows' cue words (one pass over a trie of them), then runs only the rows
    whose cue is there, the uncued rows and the registration formats."""

    def __init__(
        self,
        rows: list[Identifier],
        registrations: list[Registration],
        macros: dict[str, str],
        joiner: str | None,
        reject: str | None,
        is_designator: Callable[[str], bool],
    ) -> None:
        self.rows = [(re.compile(_expand(r.pattern, macros)), r) for r in rows]
        self.registrations = [
            (re.compile(f"{re.escape(r.prefix)}(?:{r.sep})(?:{r.mark})"), r) for r in registrations
        ]
        self.registration_re = _registration_re(registrations)
        self.cue_rows: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            for cue in row.cues or ():
                for form in {cue, cue.lower(), cue.capitalize(), cue.upper()}:
                    self.cue_rows[form].append(i)
        self.cues = re.compile(trie_pattern(sorted(self.cue_rows))) if self.cue_rows else None
        self.joiner = re.compile(joiner) if joiner else None
        self.reject = re.compile(reject) if reject else None
        self.is_designator = is_designator

    def country(self, mark: str) -> str | None:
        """The state a registration mark belongs to ("RA-82038" -> "RUS"), or None."""
        text = mark.strip()
        return next((r.country for rx, r in self.registrations if rx.fullmatch(text)), None)

    def hits(self, text: str) -> list[Hit]:
        """Every identifier in `text`, in order, none overlapping another."""
        cued: set[int] = set()
        if self.cues is not None:
            for m in self.cues.finditer(text):
                cued.update(self.cue_rows[m.group(0)])
        found: list[Hit] = []
        for i, (rx, row) in enumerate(self.rows):
            if row.cues is not None and i not in cued:
                continue
            for m in rx.finditer(text):
                ident = m.group(1)
                if self._ok(ident) and (row.check is None or _CHECKS[row.check](ident)):
                    found.append(Hit(m.start(1), m.end(), ident, row.kind, i))
        if self.registration_re is not None:
            for m in self.registration_re.finditer(text):
                if self._ok(m.group(0)):
                    found.append(
                        Hit(m.start(), m.end(), m.group(0), "registration", len(self.rows))
                    )
        if len(found) > 1:
            found.sort(key=lambda h: (h.start, h.order))
        out: list[Hit] = []
        for hit in found:
            if not out or hit.start >= out[-1].end:
                out.append(hit)
        return out

    def listed(self, text: str, first: Hit) -> list[str]:
        """The identifier `first` and those listed after it ("A, B and C")."""
        found, end = [first.ident], first.end
        while self.joiner is not None and (more := self.joiner.match(text, end)):
            if not self._ok(more.group(1)):
                break
            found.append(more.group(1))
            end = more.end()
        return found

    def _ok(self, ident: str) -> bool:
        """Not a year, time, date or phone number, nor a designator ("P-800" is a missile)."""
        if self.reject is not None and self.reject.match(ident):
            return False
        return not self.is_designator(ident)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for name, value in macros.items():
        pattern = pattern.replace("{{" + name + "}}", value)
    return pattern


def _registration_re(rows: list[Registration]) -> re.Pattern[str] | None:
    """One pattern for every registration format, its alternatives grouped by first
    character so that a scan tries a handful of them at each position, not all."""
    if not rows:
        return None
    by_first: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_first[r.prefix[0]].append(f"{re.escape(r.prefix[1:])}(?:{r.sep})(?:{r.mark})")
    groups = "|".join(
        f"{re.escape(first)}(?:{'|'.join(alts)})" for first, alts in sorted(by_first.items())
    )
    return re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])")
