"""The spec §3 scorer: gold files in, an EvalReport out.

golds = load_gold(Path("tests/gold"))
report = score((gold, analyze(gold.to_document())) for gold in golds)
print(report.to_table())              # or report.model_dump_json()
failures = check_floors(report, load_floors(Path("floors.json")))
"""

from wirewatch.eval.clusters import (
    PRF,
    EntityGold,
    ResolveGold,
    ResolveGoldError,
    ResolveScores,
    StoryGold,
    bcubed,
    load_resolve_gold,
    pairwise,
    score_entities,
    score_stories,
)
from wirewatch.eval.floors import FloorsError, check_floors, load_floors
from wirewatch.eval.gold import (
    KINDS,
    GoldClaim,
    GoldCountry,
    GoldDate,
    GoldDocument,
    GoldEvent,
    GoldExhaustive,
    GoldExpect,
    GoldMovement,
    GoldPlace,
    GoldSource,
)
from wirewatch.eval.loader import GoldError, load_gold, load_gold_file
from wirewatch.eval.report import DocumentResult, EvalReport, KindResults, UnknownFigure
from wirewatch.eval.scorer import score, score_document
from wirewatch.eval.scores import (
    Alignment,
    ClaimScore,
    DateScore,
    EventScore,
    KindScore,
    Link,
    MovementScore,
    PlaceScore,
    Ratio,
)

__all__ = [
    "KINDS",
    "PRF",
    "Alignment",
    "ClaimScore",
    "DateScore",
    "DocumentResult",
    "EntityGold",
    "EvalReport",
    "EventScore",
    "FloorsError",
    "GoldClaim",
    "GoldCountry",
    "GoldDate",
    "GoldDocument",
    "GoldError",
    "GoldEvent",
    "GoldExhaustive",
    "GoldExpect",
    "GoldMovement",
    "GoldPlace",
    "GoldSource",
    "KindResults",
    "KindScore",
    "Link",
    "MovementScore",
    "PlaceScore",
    "Ratio",
    "ResolveGold",
    "ResolveGoldError",
    "ResolveScores",
    "StoryGold",
    "UnknownFigure",
    "bcubed",
    "check_floors",
    "load_floors",
    "load_gold",
    "load_gold_file",
    "load_resolve_gold",
    "pairwise",
    "score",
    "score_document",
    "score_entities",
    "score_stories",
]
