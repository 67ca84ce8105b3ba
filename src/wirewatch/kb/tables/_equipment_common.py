"""What the equipment catalogue's parts share: the match key, the item row and a hit.

`wirewatch.kb.tables.equipment` re-exports these; import them from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EquipmentKind = Literal["aircraft", "ship", "vehicle", "weapon_system"]
_FOLD = re.compile(r"[\s\-\u2010-\u2015.'’]+")


def fold(text: str) -> str:
    """The match key: case-folded, with spaces, hyphens, dots and apostrophes removed."""
    return _FOLD.sub("", text).casefold()


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    designator: str
    variants: list[str] = Field(default_factory=list)
    # Other spellings that name the item on their own ("Globemaster III", "HIMARS").
    aliases: list[str] = Field(default_factory=list)
    kind: EquipmentKind
    name: str | None = None  # full name, e.g. "Antonov An-124 Ruslan"
    maker: str | None = None
    country: str | None = None  # ISO alpha-3 of the maker's country
    reporting_name: str | None = None  # NATO name: trusted only next to the designator
    # Other ambiguous names ("Ruslan", "Abrams"): same rule as the reporting name.
    nicknames: list[str] = Field(default_factory=list)
    source: str


@dataclass(frozen=True)
class Match:
    """One catalogue hit: the item and the designator form the text names.

    For a ship named in the text (`Table.vessel_match`), `vessel` is its name as written
    without the navy prefix and `navy` the ISO alpha-3 code the prefix denotes, if any."""

    item: Item
    model: str  # the variant's (or family's) canonical spelling, or the text's own
    contextual: bool = False  # hit on a reporting/popular name alone
    vessel: str | None = None
    navy: str | None = None


_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for `words`, factored by shared prefixes ("ship|shipment" ->
    "ship(?:ment)?"), so a scan tests a character or two at each position, not every word.
    Longer words win where one is a prefix of another, as in a longest-first alternation."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [re.escape(ch) + _node_pattern(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
