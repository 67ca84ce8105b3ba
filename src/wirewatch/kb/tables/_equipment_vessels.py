"""Ships named in a text: "USS Gerald R. Ford", "the frigate Admiral Makarov", and the same
names again later ("Admiral Makarov then anchored").

The naming rules (name words, ship-type nouns, words that end a name) are data
(kb/data/equipment.yaml `vessels`); navy prefixes come from `ship_prefixes`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.kb.tables._equipment_common import trie_pattern

_WORD = re.compile(r"\S+")


class Vessels(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    name_word: str  # the first word of a name
    tail_word: str  # a later word (also a Roman numeral or a number: "Grace 1")
    connectors: list[str] = Field(default_factory=list)  # "Prince of Wales"
    max_words: int = 5
    nouns: list[str]  # ship-type nouns that introduce a name
    # Nouns that follow a name as its type ("the Admiral Gorshkov frigate"): a name of one
    # word before them is a ship's; before the other nouns, only a name of two or more
    # words is (a firm's name often stands before "tanker" or "container ship").
    nouns_after_name: list[str] = Field(default_factory=list)
    stops: list[str] = Field(default_factory=list)  # words that end (or are never) a name
    # Ship registers whose number written after a name makes it a ship's ("Xiang Yang Hong
    # 03 (MMSI 412877310)", "Glovis Sirius, IMO 9737620").
    register_cues: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Named:
    """A ship's name in a text: its span (prefix included) and the name without it."""

    start: int
    end: int
    name: str
    prefix: str | None
    navy: str | None


_GAP = r"[^\S\n]+"  # spaces between the words of a name, never a line break
_NAME_REACH = 120  # characters before a type noun in which its name and article may stand
_LOWER_AFTER_HYPHEN = re.compile(r"-[a-z]")  # "Liberian-flagged", "Kirov-class": no name
_DESIGNATOR = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")  # "the S26T submarine": a type, no name


class VesselFinder:
    def __init__(self, rules: Vessels, prefixes: Mapping[str, str | None]) -> None:
        self.rules = rules
        self.prefixes = dict(prefixes)
        self.stops = frozenset(rules.stops)
        conn = "|".join(re.escape(c) for c in rules.connectors)
        # A name stays on its line: "HMNZS AOTEAROA" as a heading, its paragraph below.
        more = (
            rf"(?:{_GAP}(?:(?:{conn}){_GAP})?{rules.tail_word})"
            if conn
            else rf"(?:{_GAP}{rules.tail_word})"
        )
        self.name = rf"{rules.name_word}{more}{{0,{rules.max_words - 1}}}"
        self.name_re = re.compile(self.name)
        # Nouns as written or capitalised ("Frigate Admiral Makarov" opens a sentence), in
        # one case-sensitive trie: the scan then skips to the letters a noun can start with.
        # The patterns start with the words themselves, not a look-behind, for the same
        # reason; `_starts_word` checks the character before.
        nouns = trie_pattern(sorted({v for n in rules.nouns for v in (n, n[:1].upper() + n[1:])}))
        self.noun_re = re.compile(
            rf"(?P<noun>{nouns})(?P<plural>e?s)?\s+(?:(?:named|called)\s+)?(?P<name>{self.name})"
        )
        self.coord_re = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>{self.name})")
        cues = "|".join(re.escape(c) for c in rules.register_cues)
        self.register_re = re.compile(rf"[ \t]*[(,][ \t]*(?:{cues})\b[\s:#]*\d") if cues else None
        self.name_word_re = re.compile(rules.name_word)
        self.tail_word_re = re.compile(rules.tail_word)
        after = trie_pattern(sorted(set(rules.nouns)))
        # Found from the noun back (a noun is rarer than "the", where a forward scan would
        # try a name at every article): the name ends right before the noun's gap.
        self.type_noun_re = re.compile(rf"(?<![\w-])(?P<noun>{after})(?![\w-])")
        self.named_before_re = re.compile(
            rf"(?:(?<![\w-])(?:the|The)|\w['’]s){_GAP}(?P<name>{self.name}){_GAP}\Z"
        )
        self.after_name = frozenset(rules.nouns_after_name)
        marks = trie_pattern(list(self.prefixes))
        self.prefix_re = (
            re.compile(rf"(?P<prefix>{marks}){_GAP}(?P<name>{self.name})") if marks else None
        )

    def split(self, text: str) -> tuple[str | None, str]:
        """("USS", "Carney") from "USS Carney"; (None, name) without a known prefix."""
        head, _, rest = text.strip().partition(" ")
        if head in self.prefixes and rest.strip():
            return head, rest.strip()
        return None, text.strip()

    def is_name(self, name: str) -> bool:
        """Written like a ship's name, and not a word that never is one."""
        words = name.split()
        return (
            bool(words)
            and len(name) >= 2
            and words[0] not in self.stops
            and name not in self.prefixes
            and self.name_re.fullmatch(name) is not None
        )

    def find(
        self,
        text: str,
        unlikely: Callable[[str], bool] | None = None,
        place: Callable[[str], bool] | None = None,
    ) -> list[Named]:
        """Every ship named in `text`, in order: after a navy prefix, after a ship-type noun
        (unless `unlikely(name)`: a country, an organisation), before one (unless also
        `place(name)`: "the Mediterranean warship"), and bare once named so."""
        found: list[Named] = []
        if self.prefix_re is not None:
            for m in self.prefix_re.finditer(text):
                if not _starts_word(text, m.start()):
                    continue
                named = self._named(text, m.start(), m.start("name"), m.end("name"), m["prefix"])
                if named is not None:
                    found.append(named)
        for m in self.noun_re.finditer(text):
            if not _starts_word(text, m.start()):
                continue
            spans = [(m.start("name"), m.end("name"))]
            if m["plural"]:
                end = m.end("name")
                while more := self.coord_re.match(text, end):
                    spans.append((more.start("name"), more.end("name")))
                    end = more.end()
            for start, end in spans:
                if text[start:end].partition(" ")[0] in self.prefixes:
                    continue  # "the destroyer USS Carney": the prefix rule has it
                named = self._named(text, start, start, end, None)
                if named is not None and not (unlikely and unlikely(named.name)):
                    found.append(named)
        found += self._registered(text)
        found += self._before_noun(text, unlikely, place)
        found = _first_of_overlaps(found)
        return _first_of_overlaps(found + self._again(text, found))

    def _before_noun(
        self,
        text: str,
        unlikely: Callable[[str], bool] | None,
        place: Callable[[str], bool] | None,
    ) -> list[Named]:
        """ "the Admiral Gorshkov frigate", "Russia's Kazan submarine": a name between "the"
        (or a possessive) and a ship-type noun, each
        of its words a name's ("the Black Sea Fleet frigate", "the Liberian-flagged tanker"
        and "the Russian frigate" name none)."""
        out = []
        for noun in self.type_noun_re.finditer(text):
            start = max(0, noun.start() - _NAME_REACH)
            m = self.named_before_re.search(text[start : noun.start()])
            if m is None:
                continue
            name = m["name"]
            words = name.split()
            if (
                any(
                    w.rstrip(".,") in self.stops
                    or _LOWER_AFTER_HYPHEN.search(w)
                    or _DESIGNATOR.search(w)
                    for w in words
                )
                or name.partition(" ")[0] in self.prefixes
                or not self.is_name(name)
                or (len(words) == 1 and noun["noun"] not in self.after_name)
                or (unlikely is not None and (unlikely(name) or unlikely(words[0])))
                or (place is not None and place(name))
            ):
                continue
            out.append(Named(start + m.start("name"), start + m.end("name"), name, None, None))
        return out

    def _registered(self, text: str) -> list[Named]:
        """Names written just before a ship-register number ("Xiang Yang Hong 03 (MMSI
        412877310)"): the capitalised words back to the line's start or a word that is
        not one (a stop word, a lower-case word), at most `max_words`."""
        if self.register_re is None:
            return []
        out = []
        for m in self.register_re.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            words = list(_WORD.finditer(text, line_start, m.start()))
            kept: list[re.Match[str]] = []
            for w in reversed(words):
                word = w.group(0)
                if word in self.stops or len(kept) >= self.rules.max_words:
                    break
                if not (self.tail_word_re.fullmatch(word) or self.name_word_re.fullmatch(word)):
                    break
                kept.insert(0, w)
            while kept and not self.name_word_re.fullmatch(kept[0].group(0)):
                kept.pop(0)  # a name opens with a word, not a number
            if kept:
                start, end = kept[0].start(), kept[-1].end()
                out.append(Named(start, end, text[start:end], None, None))
        return out

    def _named(
        self, text: str, start: int, name_start: int, name_end: int, prefix: str | None
    ) -> Named | None:
        """The name cut at its first stop word, without a trailing connector or full stop."""
        kept: list[tuple[int, int]] = []
        for w in _WORD.finditer(text, name_start, name_end):
            word = w.group(0)
            if word.rstrip(".,") in self.stops:
                break
            kept.append(w.span())
            if word.endswith(".") and len(word) > 2:
                break  # "Ivan Khurs. Later": a full stop ends the sentence and the name
        while kept and text[kept[-1][0] : kept[-1][1]] in self.rules.connectors:
            kept.pop()
        if not kept:
            return None
        end = kept[-1][1]
        if text[end - 1] == ".":  # a name ends in no initial: the sentence's full stop
            end -= 1
        name = text[name_start:end]
        if len(name) < 2:
            return None
        navy = self.prefixes.get(prefix) if prefix else None
        return Named(start, end, name, prefix, navy)

    def _again(self, text: str, named: list[Named]) -> list[Named]:
        """Later bare mentions of the names found: any of several words, or one word after
        "the" ("the Carney"), from the end of the first mention on."""
        first: dict[str, Named] = {}
        for n in named:
            first.setdefault(n.name, n)
        out: list[Named] = []
        for name, n in first.items():
            one = " " not in name
            rx = (
                re.compile(rf"(?<![\w-])(?i:the)\s+({re.escape(name)})(?![\w-])")
                if one
                else re.compile(rf"(?<![\w-])({re.escape(name)})(?![\w-])")
            )
            for m in rx.finditer(text, n.end):
                out.append(Named(m.start(1), m.end(1), name, None, n.navy))
        return out


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-")


def _first_of_overlaps(found: list[Named]) -> list[Named]:
    out: list[Named] = []
    for n in sorted(found, key=lambda n: (n.start, -n.end)):
        if not out or n.start >= out[-1].end:
            out.append(n)
    return out
