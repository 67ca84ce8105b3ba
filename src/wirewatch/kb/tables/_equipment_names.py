"""Aircraft types written by a name alone ("Rafale", "Chinook", "Super Hornet").

The names come from ICAO Doc 8643 (`_equipment_icao`). Many are ordinary words or places
("Typhoon", "Atlas", "Canberra"), so a name counts only where the text shows it as an
aircraft: before an aircraft noun ("Rafale jets", "a Voyager tanker"), after its maker's name
("Dassault Rafale"), counted in the plural ("four Typhoons") or a nation's ("UK Typhoons").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from wirewatch.kb.tables._equipment_common import Item, Match, fold

# A capitalised word: where a name can start.
_WORD = re.compile(r"(?<![\w-])[A-Z][\w'’-]*")
# A variant mark written after a name, part of the model as the text writes it ("Merlin Mk4",
# "Chinook HC6", "Hawkeye E-2D" is not one: a designator is its own mention).
_MARK = re.compile(r"\s+(?:Mk\.?\s?\d{1,2}[A-Z]?|[A-Z]{1,3}\d{0,2}[A-Z]?)(?![\w-])")


# An armed service's acronym right before a name ("RAF Voyager", "RAAF Wedgetail").
_SERVICE_BEFORE = re.compile(r"\b[A-Z]{3,6}\s+$")
# A country's code or people's adjective right before a plural name ("UK Typhoons", "Saudi
# Typhoons", "Italian Eurofighters"): a nation's aircraft, counted as its fleet is.
_NATION_BEFORE = re.compile(r"(?:\b[A-Z]{2}|\b[A-Z][a-z]+(?:ian|ish|ese|an|i|ch))\s+$")
# What may follow a means ("by Voyager, via Ascension", "by Voyager to Cyprus"): the end of
# the phrase, not another word of a name ("hit by Typhoon Haikui", "by Atlas voters").
_MEANS_END = re.compile(r"s?(?:[,.;:)]|\s+(?:to|from|via|on|in|at|and|with|for|over|into)\b|$)")


@dataclass(frozen=True)
class NamedType:
    start: int
    end: int  # the name's end (a plural "s" after it is not the model's)
    match: Match


class NameFinder:
    """Finds the names of `names` (spelled -> item) in the contexts the module names."""

    def __init__(
        self,
        names: dict[str, Item],
        nouns: list[str],
        modifiers: list[str],
        counts: list[str],
        makers: list[str],
        means: Sequence[str] = (),
    ) -> None:
        self._by_first: dict[str, list[str]] = defaultdict(list)
        for name in sorted(names, key=len, reverse=True):
            self._by_first[name.split()[0]].append(name)
        self._items = names
        self._folded = {fold(name): name for name in names}
        noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        modifier = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True))
        # Up to two modifiers between: "Poseidon maritime patrol aircraft".
        self._noun_after = re.compile(rf"s?(?:\s+(?:{modifier})){{0,2}}\s+(?:{noun})s?\b")
        count = "|".join(re.escape(c) for c in sorted(counts, key=len, reverse=True))
        self._count_before = re.compile(rf"(?:\b(?:{count})|\d+)\s+$", re.IGNORECASE)
        maker = "|".join(re.escape(m) for m in sorted(set(makers), key=len, reverse=True))
        self._maker_before = re.compile(rf"\b(?:{maker})\s+$") if maker else None
        # "flown to Basra by Voyager", "aboard an Atlas": the means of a trip (and not a
        # storm's name: "hit by Typhoon Haikui" has a name after it).
        way = "|".join(re.escape(m) for m in sorted(means, key=len, reverse=True))
        self._means_before = (
            re.compile(rf"\b(?:{way})\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE) if way else None
        )

    def lookup(self, text: str) -> Match | None:
        """The type a name (or its plural) names, whatever the context."""
        name = self._folded.get(fold(text))
        if name is None and len(text) > 2 and text.endswith("s") and text[-2].isalpha():
            name = self._folded.get(fold(text[:-1]))  # "Typhoons", not "Eagle S"
        if name is None:
            mark = _MARK.search(text)
            base = text[: mark.start()] if mark is not None and mark.end() == len(text) else ""
            found = self._folded.get(fold(base)) if base else None
            return Match(self._items[found], " ".join(text.split())) if found else None
        return Match(self._items[name], name)

    def find(self, text: str) -> list[NamedType]:
        found: list[NamedType] = []
        for word in _WORD.finditer(text):
            start = word.start()
            first = word.group(0)
            names = self._by_first.get(first) or self._by_first.get(first[:-1], [])
            for name in names:
                if not text.startswith(name, start):
                    continue
                end = start + len(name)
                if end < len(text) and (text[end].isalnum() and text[end] != "s"):
                    continue  # part of a longer word
                mark = _MARK.match(text, end)
                if mark is not None:
                    end = mark.end()
                if self._shown(text, start, end):
                    written = " ".join(text[start:end].split())
                    found.append(NamedType(start, end, Match(self._items[name], written)))
                break
        return found

    def _shown(self, text: str, start: int, end: int) -> bool:
        """The context shows the name as an aircraft type (and not as a popular name of the
        type just named: "F-35A Lightning II", "AH-64E Apache Guardian")."""
        before = text[max(0, start - 24) : start].split()
        if before and (any(c.isdigit() for c in before[-1]) or fold(before[-1]) in self._folded):
            return False  # "AH-64E Apache Guardian": a name of the type just named
        if self._noun_after.match(text, end):
            return True
        window = text[max(0, start - 40) : start]
        if self._maker_before is not None and self._maker_before.search(window):
            return True
        if _SERVICE_BEFORE.search(window):
            return True  # "an RAF Voyager", "a RAAF Wedgetail": a service's acronym
        if (
            self._means_before is not None
            and self._means_before.search(window)
            and _MEANS_END.match(text, end)
        ):
            return True
        plural = text[end : end + 1] == "s" and not text[end + 1 : end + 2].isalnum()
        return plural and (
            self._count_before.search(window) is not None
            or _NATION_BEFORE.search(window) is not None
        )
