"""Names as compared across reports: folded, titles dropped, known variants mapped, and a
coarse skeleton that puts transliterations of one name in the same block."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from wirewatch.resolve.config import EntityRules, rules

_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_DROP = set("aeiouhwy")


def fold(text: str) -> str:
    """Accents removed, case-folded, punctuation to spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACE.sub(" ", _NON_WORD.sub(" ", bare)).strip()


@cache
def _titles() -> frozenset[str]:
    return frozenset(rules().entities.titles)


def tokens(name: str, config: EntityRules | None = None) -> list[str]:
    """The name's words without leading titles, each mapped through the alias table."""
    config = config or rules().entities
    words = fold(name).split()
    titles = _titles()
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    # Possessive "s" left by the punctuation fold ("Maduro's") is not part of the name.
    if len(words) > 1 and words[-1] == "s":
        words.pop()
    return [config.aliases.get(w, w) for w in words]


def alias_key(name: str) -> str:
    return " ".join(tokens(name))


def skeleton(word: str) -> str:
    """Consonants of a transliteration-folded word, repeats collapsed: Khmeimim, Hmeimim -> m."""
    folded = word
    for old, new in rules().entities.transliterations:
        folded = folded.replace(old, new)
    out: list[str] = []
    for char in folded:
        if char in _DROP or not char.isalpha():
            continue
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)[:4] or folded[:4]


def block(key: str) -> str:
    """The skeleton of the last word (a person's surname, an org's head noun). Kind and
    country are left out on purpose: a mention of unknown kind or country must meet the typed
    ones; the link rules keep different kinds and countries apart."""
    words = key.split()
    return skeleton(words[-1]) if words else ""


def similarity(a: str, b: str) -> float:
    """0..100: the better of edit-distance ratio and Jaro-Winkler on the whole key."""
    return max(fuzz.ratio(a, b), JaroWinkler.similarity(a, b) * 100)


def person_score(a: str, b: str, config: EntityRules) -> float:
    """0..100 when two person names can be one person, else 0. A surname alone is compatible
    with any full name of that surname; given names must agree when both are present."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return 0.0
    surname = JaroWinkler.similarity(wa[-1], wb[-1]) * 100
    if surname < config.surname_threshold:
        return 0.0
    ga, gb = wa[:-1], wb[:-1]
    if not ga or not gb:
        return surname
    first_a, first_b = ga[0], gb[0]
    if (
        first_a == first_b
        or (len(first_a) == 1 and first_b.startswith(first_a))
        or (len(first_b) == 1 and first_a.startswith(first_b))
    ):
        return surname
    given = JaroWinkler.similarity(first_a, first_b) * 100
    return min(surname, given) if given >= config.given_threshold else 0.0
