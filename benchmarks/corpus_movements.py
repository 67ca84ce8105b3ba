"""Movements on the written corpus: the rules scored on 1,100 reports of many styles.

    .venv/bin/python benchmarks/corpus_movements.py [--misses FILE]

`training/movements/*.jsonl` holds reports written for the project in six styles (flight
tracking, ship tracking, land forces, official and translated texts, briefs and live pages,
long analysis), each movement annotated with the asset's model and its route points as the
text writes them. It is a development set: large and varied enough that a rule which helps
only the sentences it was written for does not move it.

A predicted movement matches an annotated one when the asset's model or name folds to the
annotated model (or one contains the other: "F-16" and "F-16CM" differ, "Cavour" and its
class do not) and its destination place has a mention over the annotated destination's text
(or the same folded name). Prints P/R/F1 per style and over all; `--misses` writes each
report's missed and spurious movements as JSON Lines for reading.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirewatch.analyze import analyze_many, default_resources
from wirewatch.eval.measure import model_key
from wirewatch.model import Analysis, Document, Movement, Place

CORPUS = Path(__file__).resolve().parent.parent / "training" / "movements"


def rows() -> Iterator[tuple[str, Document, list[dict[str, Any]]]]:
    """(style, document, annotated movements) for every line of the corpus."""
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                document = Document(id=row["id"], text=row["text"], date=row["date"])
                yield path.stem, document, list(row["movements"])


def _written_at(text: str, needle: str) -> list[tuple[int, int]]:
    found, at = [], text.find(needle)
    while needle and at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def _names(place: Place | None, text: str, destination: str) -> bool:
    if place is None:
        return False
    spans = _written_at(text, destination)
    over = any(m.start < e and s < m.end for m in place.mentions for s, e in spans)
    return over or model_key(place.name) == model_key(destination)


def _same_asset(movement: Movement, model: str) -> bool:
    wanted = model_key(model)
    keys = {model_key(x) for x in (movement.asset.model, movement.asset.name) if x}
    return wanted in keys or any(len(k) > 3 and (k in wanted or wanted in k) for k in keys)


def score(analysis: Analysis, annotated: list[dict[str, Any]]) -> tuple[int, list[Any], list[Any]]:
    """(matched, missed annotations, spurious movements) of one report, greedy in text order."""
    text = analysis.document.text
    preds = [m for m in analysis.movements if m.asset.model]
    used: set[int] = set()
    missed = []
    for row in annotated:
        hit = next(
            (
                i
                for i, m in enumerate(preds)
                if i not in used
                and _same_asset(m, row["asset_model"])
                and _names(analysis.place(m.destination), text, row["destination"])
            ),
            None,
        )
        if hit is None:
            missed.append(row)
        else:
            used.add(hit)
    spurious = [m for i, m in enumerate(preds) if i not in used]
    return len(used), missed, spurious


def _place_name(analysis: Analysis, place_id: str | None) -> str | None:
    place = analysis.place(place_id)
    return place.name if place else None


def _line(name: str, c: Counter[str]) -> str:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({c['tp']} found of {c['tp'] + c['fn']})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", type=Path, help="write missed and spurious movements here")
    args = parser.parse_args()
    corpus = list(rows())
    styles: dict[str, Counter[str]] = defaultdict(Counter)
    out = args.misses.open("w", encoding="utf-8") if args.misses else None
    analyses = analyze_many((d for _s, d, _m in corpus), default_resources())
    for (style, _document, annotated), analysis in zip(corpus, analyses, strict=True):
        found, missed, spurious = score(analysis, annotated)
        for counts in (styles[style], styles["all"]):
            counts.update(tp=found, fn=len(missed), fp=len(spurious))
        if out is not None:
            record = {
                "id": analysis.document.id,
                "missed": [[r["asset_model"], r.get("origin"), r["destination"]] for r in missed],
                "spurious": [
                    [
                        m.asset.model,
                        _place_name(analysis, m.origin),
                        _place_name(analysis, m.destination),
                    ]
                    for m in spurious
                ],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for style, counts in sorted(styles.items(), key=lambda kv: kv[0] == "all"):
        print(_line(style, counts))


if __name__ == "__main__":
    main()
