"""Name keys for the gazetteer index: one exact-ish key and one transliteration skeleton.

`key("St. Petersburg") == key("Saint Petersburg") == "saint petersburg"`; the skeleton folds
romanisation variants so "Khmeimim" and "Hmeimim" meet. Rules come from `kb/data/geo_cues.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from wirewatch.geo.data import table

_APOSTROPHE = re.compile(r"['’‘`ʼ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"['’]s$")
_REPEAT = re.compile(r"(.)\1+")


@cache
def _rules() -> tuple[dict[str, str], frozenset[str], tuple[tuple[str, str], ...], frozenset[str]]:
    cues = table("geo_cues")
    abbreviations = {a.short: a.full for a in cues.abbreviations}
    rewrites = tuple((s.find, s.replace) for s in cues.skeleton)
    return (abbreviations, frozenset(cues.leading_articles), rewrites,
            frozenset(cues.skeleton_drop_words))


def leading_articles() -> frozenset[str]:
    """Words `key` drops from the front of a longer name ("The Hague" -> "hague")."""
    return _rules()[1]


def fold(text: str) -> str:
    """Accents stripped, case folded, apostrophes dropped, other punctuation made a space."""
    text = _POSSESSIVE.sub("", text.strip())
    if not text.isascii():  # the decomposition is only needed for accented names
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return _NON_WORD.sub(" ", _APOSTROPHE.sub("", text)).strip()


@lru_cache(maxsize=1 << 18)
def key(name: str) -> str:
    """The index key: folded, abbreviations expanded, a leading article dropped."""
    abbreviations, articles, _, _ = _rules()
    words = " ".join(abbreviations.get(w, w) for w in _join_initials(fold(name).split())).split()
    if len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    """"U.S." folds to "u s": a run of single letters is one word again ("us")."""
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


@lru_cache(maxsize=1 << 18)
def skeleton(name_key: str) -> str:
    """Transliteration-tolerant form of a key: Arabic articles dropped, letters folded, repeated
    letters merged, spaces and hyphens removed."""
    _, _, rewrites, drop = _rules()
    text = "".join(w for w in name_key.split() if w not in drop) or name_key.replace(" ", "")
    for find, replace in rewrites:
        text = text.replace(find, replace)
    return _REPEAT.sub(r"\1", text)


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (the only script our input uses)."""
    if name.isascii():
        return any(ch.isalpha() for ch in name)
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)
