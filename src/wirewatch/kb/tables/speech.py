"""Schema and lookups for `kb/data/speech.yaml`: who says what, and how sure anyone is."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

Stance = Literal["asserts", "denies"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WordList(_Strict):
    words: list[str]
    source: str


class WordSet(_Strict):
    """Words a rule tests a token against (order does not matter)."""

    words: frozenset[str]
    source: str


class Verbs(_Strict):
    asserts: list[str]
    denies: list[str]
    source: str


class Unnamed(_Strict):
    nouns: list[str]
    cues: list[str]
    source: str


class Evidence(_Strict):
    nouns: list[str]
    verbs: list[str]
    source: str


class Judgements(_Strict):
    doubted: list[str]
    supported: list[str]
    source: str


class Refutations(_Strict):
    falsehood: frozenset[str]
    truth: frozenset[str]
    support: frozenset[str] = frozenset()
    source: str


class Table(_Strict):
    verbs: Verbs
    non_claims: WordList
    citing: WordList
    according_to: WordList
    claim_nouns: WordList
    hedges: WordList
    unnamed: Unnamed
    outlet_nouns: WordList
    government_nouns: WordList
    evidence: Evidence
    judgements: Judgements
    accusation_nouns: WordSet
    pronouns: WordSet
    pointing_determiners: WordSet
    provider_preps: WordSet
    refutations: Refutations

    @cached_property
    def _stances(self) -> dict[str, Stance]:
        stances: dict[str, Stance] = {lemma: "asserts" for lemma in self.verbs.asserts}
        stances.update({lemma: "denies" for lemma in self.verbs.denies})
        return stances

    def stance_of(self, lemma: str) -> Stance | None:
        """asserts / denies for a verb of saying, None for any other verb."""
        return self._stances.get(lemma.casefold())

    def hedge_in(self, text: str) -> str | None:
        """The first hedge phrase in `text` (whole words, case-insensitive), or None."""
        padded = f" {' '.join(text.casefold().split())} "
        hits = [(padded.find(f" {h} "), h) for h in self.hedges.words if f" {h} " in padded]
        return min(hits)[1] if hits else None

    def judgement_in(self, text: str) -> Literal["doubted", "supported"] | None:
        found = self.judgement_at(text)
        return found[0] if found else None

    @cached_property
    def _verdicts(self) -> list[tuple[Literal["doubted", "supported"], re.Pattern[str]]]:
        def alternation(phrases: list[str]) -> re.Pattern[str]:
            return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")

        return [
            ("doubted", alternation(self.judgements.doubted)),
            ("supported", alternation(self.judgements.supported)),
        ]

    def judgement_at(self, text: str) -> tuple[Literal["doubted", "supported"], int] | None:
        """The author's verdict phrase in `text` and its offset (whole words only)."""
        folded = text.casefold().replace("’", "'")
        for verdict, pattern in self._verdicts:
            hit = pattern.search(folded)
            if hit:
                return verdict, hit.start()
        return None
