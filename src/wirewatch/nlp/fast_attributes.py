"""The model's `attribute_ruler` (tag -> POS and morphology, a few lemma exceptions), applied
with the same rules and the same result but without a Matcher pass per document.

spaCy's AttributeRuler runs a Matcher over every token and sets attributes match by match;
it cost about an eighth of the bare model's time, more than all our own components. Its
rules look at four token attributes only (TAG, LOWER, DEP, IS_SPACE), so what the
single-token rules do to a token is a function of those four values: computed once per
combination and cached. Multi-token rules ("there is" -> VERB, "gon na") are checked
only where their first token fits. Later rules win, as in the original (sorted by rule id).
`tests/nlp/test_fast_attributes.py` checks the annotations are identical.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Key = tuple[str, str, str, bool]
_ATTRS = {
    "TAG": lambda k: k[0],
    "LOWER": lambda k: k[1],
    "DEP": lambda k: k[2],
    "IS_SPACE": lambda k: k[3],
}


class UnsupportedRule(ValueError):
    """A rule uses an attribute or operator this fast path does not evaluate."""


def _key(token: Token) -> Key:
    return token.tag_, token.lower_, token.dep_, token.is_space


def _fits(condition: dict[str, Any], key: Key) -> bool:
    for attr, wanted in condition.items():
        value = _ATTRS[attr](key)
        if isinstance(wanted, dict):
            ((op, arg),) = wanted.items()
            if (op == "IN" and value not in arg) or (op == "NOT_IN" and value in arg):
                return False
            if op == "REGEX" and not re.search(arg, value):
                return False
        elif value != wanted:
            return False
    return True


def _check(pattern: list[dict[str, Any]]) -> None:
    for condition in pattern:
        for attr, wanted in condition.items():
            ops = set(wanted) if isinstance(wanted, dict) else set()
            if attr not in _ATTRS or not ops <= {"IN", "NOT_IN", "REGEX"} or len(ops) > 1:
                raise UnsupportedRule(f"attribute_ruler rule {condition!r}")


def _token_patterns(value: object) -> list[list[dict[str, Any]]]:
    """A rule's `patterns`: token patterns, each a list of conditions (spaCy types the field
    as any of its rule fields' types; anything else is beyond us)."""
    if not isinstance(value, list) or not all(
        isinstance(p, list) and all(isinstance(c, dict) for c in p) for p in value
    ):
        raise UnsupportedRule(f"attribute_ruler patterns {value!r}")
    return value


class FastAttributes:
    """Drop-in for a loaded AttributeRuler (`adopt` it before use)."""

    def __init__(self) -> None:
        self.attrs: list[dict[int, Any]] = []
        self.single: list[tuple[int, dict[str, Any]]] = []  # (rule id, condition)
        self.multi: list[tuple[int, list[dict[str, Any]], int]] = []  # (id, pattern, index)
        self._single_cache: dict[Key, dict[int, Any] | None] = {}
        self._first_cache: dict[Key, list[int]] = {}

    def adopt(self, ruler: AttributeRuler) -> None:
        """Take the rules of the model's ruler; raises UnsupportedRule if one is beyond us."""
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in _token_patterns(rule["patterns"]):
                _check(pattern)
                if len(pattern) == 1:
                    self.single.append((rule_id, pattern[0]))
                else:
                    self.multi.append((rule_id, pattern, ruler.indices[rule_id]))
        self.attrs = list(ruler.attrs)

    def __call__(self, doc: Doc) -> Doc:
        keys = [_key(token) for token in doc]
        extra = self._multi_matches(keys)
        for i, key in enumerate(keys):
            if i in extra:
                merged = self._merge(sorted({*self._single_ids(key), *extra[i]}))
            else:
                try:
                    merged = self._single_cache[key]
                except KeyError:  # once per (tag, word, dependency): then cached
                    merged = self._single_cache[key] = self._merge(self._single_ids(key))
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _single_ids(self, key: Key) -> list[int]:
        return [rule_id for rule_id, condition in self.single if _fits(condition, key)]

    def _merge(self, rule_ids: list[int]) -> dict[int, Any] | None:
        """The attributes the rules set, applied in rule order (a later rule wins)."""
        merged: dict[int, Any] = {}
        for rule_id in rule_ids:
            merged.update(self.attrs[rule_id])
        return merged or None

    def _multi_matches(self, keys: list[Key]) -> dict[int, list[int]]:
        """Token index -> ids of multi-token rules whose target is that token."""
        out: dict[int, list[int]] = {}
        for start, key in enumerate(keys):
            firsts = self._first_cache.get(key)
            if firsts is None:
                firsts = self._first_cache[key] = [
                    n for n, (_id, pattern, _ix) in enumerate(self.multi) if _fits(pattern[0], key)
                ]
            for n in firsts:
                rule_id, pattern, index = self.multi[n]
                end = start + len(pattern)
                if end <= len(keys) and all(
                    _fits(c, k) for c, k in zip(pattern[1:], keys[start + 1 : end], strict=True)
                ):
                    out.setdefault(start + (index % len(pattern)), []).append(rule_id)
        return out


@Language.factory("wirewatch_fast_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes()
