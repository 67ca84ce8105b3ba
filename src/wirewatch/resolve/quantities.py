"""Numbers a report states about an event (casualties, troops, tonnes ...), read from its
evidence so that sources giving different figures can be shown side by side."""

from __future__ import annotations

import re

from wirewatch.resolve.config import StoryRules

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")


def _number(token: str, words: dict[str, int]) -> float | None:
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return float(words[token]) if token in words else None


def quantities(text: str, config: StoryRules) -> dict[str, set[float]]:
    """Label -> the numbers stated for it. A number takes the first label whose word follows
    it within the label's window ("six people were killed"), else one that precedes it
    ("killed six", "a toll of 11")."""
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    found: dict[str, set[float]] = {}
    for i, token in enumerate(tokens):
        value = _number(token, config.number_words)
        if value is None:
            continue
        label = _label_after(tokens, i, config) or _label_before(tokens, i, config)
        if label:
            found.setdefault(label, set()).add(value)
    return found


def _label_after(tokens: list[str], i: int, config: StoryRules) -> str | None:
    best: tuple[int, str] | None = None
    for quantity in config.quantities:
        words = set(quantity.words)
        for offset, token in enumerate(tokens[i + 1 : i + 1 + quantity.window]):
            if token in words and (best is None or offset < best[0]):
                best = (offset, quantity.label)
                break
            if _number(token, config.number_words) is not None:
                break  # the next number owns what follows
    return best[1] if best else None


def _label_before(tokens: list[str], i: int, config: StoryRules) -> str | None:
    for quantity in config.quantities:
        words = set(quantity.words)
        window = tokens[max(0, i - 2) : i]  # "killed six": the verb right before the number
        if any(token in words for token in window):
            return quantity.label
    return None
