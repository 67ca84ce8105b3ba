"""Name keys for the gazetteer index: one exact-ish key and one transliteration skeleton.

`key("St. Petersburg") == key("Saint Petersburg") == "saint petersburg"`; the skeleton folds
romanisation variants so "Khmeimim" and "Hmeimim" meet. Rules come from `kb/data/geo_cues.yaml`
(`NameKeys`); `fold` and `is_latin` need none.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from wirewatch.kb.tables.geo_cues import Table as GeoCues

_APOSTROPHE = re.compile(r"['’‘`ʼ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"['’]s$")
_REPEAT = re.compile(r"(.)\1+")
CACHE_SIZE = 1 << 18  # the index build keys every name once; analysis asks the same few again


class NameKeys:
    """`key` and `skeleton` by the rules of one geo_cues table, each cached: both are pure
    functions of the name, and building and reading the index ask about the same names."""

    def __init__(self, cues: GeoCues) -> None:
        self.cues = cues
        self.abbreviations = {a.short: a.full for a in cues.abbreviations}
        # Words `key` drops from the front of a longer name ("The Hague" -> "hague").
        self.leading_articles = frozenset(cues.leading_articles)
        self._rewrites = tuple((s.find, s.replace) for s in cues.skeleton)
        self._skeleton_drop = frozenset(cues.skeleton_drop_words)
        self.key = lru_cache(maxsize=CACHE_SIZE)(self._key)
        self.skeleton = lru_cache(maxsize=CACHE_SIZE)(self._skeleton)

    def _key(self, name: str) -> str:
        """The index key: folded, abbreviations expanded, a leading article dropped."""
        words = " ".join(
            self.abbreviations.get(w, w) for w in _join_initials(fold(name).split())
        ).split()
        if len(words) > 1 and words[0] in self.leading_articles:
            words = words[1:]
        return " ".join(words)

    def _skeleton(self, name_key: str) -> str:
        """Transliteration-tolerant form of a key: Arabic articles dropped, letters folded,
        repeated letters merged, spaces and hyphens removed."""
        text = "".join(
            w for w in name_key.split() if w not in self._skeleton_drop
        ) or name_key.replace(" ", "")
        for find, replace in self._rewrites:
            text = text.replace(find, replace)
        return _REPEAT.sub(r"\1", text)


def fold(text: str) -> str:
    """Accents stripped, case folded, apostrophes dropped, other punctuation made a space."""
    text = _POSSESSIVE.sub("", text.strip())
    if not text.isascii():  # the decomposition is only needed for accented names
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return _NON_WORD.sub(" ", _APOSTROPHE.sub("", text)).strip()


def _join_initials(words: list[str]) -> list[str]:
    """ "U.S." folds to "u s": a run of single letters is one word again ("us")."""
    out: list[str] = []
    in_run = False
    for word in words:
        single = len(word) == 1 and word.isalpha()
        if single and in_run:
            out[-1] += word
        else:
            out.append(word)
        in_run = single
    return out


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (the only script our input uses)."""
    if name.isascii():
        return any(ch.isalpha() for ch in name)
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)
