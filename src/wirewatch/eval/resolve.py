"""Scores for resolution across reports (pure; the gold format is in tests/gold/resolve).

- Story clustering: B-cubed precision, recall and F1 over gold items. An item is a report's
  event of one PLOVER type (document id + type). Each item's precision is the share of its
  predicted cluster that is in its gold cluster; recall the share of its gold cluster that is
  in its predicted cluster; both averaged over items (Bagga & Baldwin 1998). Only gold items
  count; a gold item the system did not cluster is its own predicted singleton.
- Entity resolution: pairwise precision, recall and F1 over gold mentions: a pair of mentions
  is positive when both are in one gold group; predicted positive when one entity holds both.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import combinations

from pydantic import BaseModel


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float
    items: int

    @classmethod
    def of(cls, precision: float, recall: float, items: int) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4),
                   items=items)


def _clusters(labels: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    out: dict[Hashable, set[Hashable]] = {}
    for item, label in labels.items():
        out.setdefault(label, set()).add(item)
    return out


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """`gold` and `predicted` map item -> cluster label. Items missing from `predicted` are
    predicted singletons; predicted items not in `gold` are ignored."""
    if not gold:
        return PRF.of(0.0, 0.0, 0)
    labels = {item: predicted.get(item, ("singleton", item)) for item in gold}
    gold_of, pred_of = _clusters(gold), _clusters(labels)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_of[gold[item]], pred_of[labels[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    return PRF.of(precision / len(gold), recall / len(gold), len(gold))


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """Pair counting over gold items; a missing prediction is a singleton."""
    items = sorted(gold, key=repr)
    labels = {item: predicted.get(item, ("singleton", item)) for item in items}
    true_pos = gold_pos = pred_pos = 0
    for a, b in combinations(items, 2):
        same_gold = gold[a] == gold[b]
        same_pred = labels[a] == labels[b]
        gold_pos += same_gold
        pred_pos += same_pred
        true_pos += same_gold and same_pred
    precision = true_pos / pred_pos if pred_pos else 1.0
    recall = true_pos / gold_pos if gold_pos else 1.0
    return PRF.of(precision, recall, len(items))
