"""Scores for resolution across reports (pure; the gold format is in tests/gold/resolve).

- Story clustering: B-cubed precision, recall and F1 over gold items. An item is a report's
  event of one PLOVER type (document id + type). Each item's precision is the share of its
  predicted cluster that is in its gold cluster; recall the share of its gold cluster that is
  in its predicted cluster; both averaged over items (Bagga & Baldwin 1998). Only gold items
  count; a gold item the system did not cluster is its own predicted singleton.
- Entity resolution: pairwise precision, recall and F1 over gold mentions: a pair of mentions
  is positive when both are in one gold group; predicted positive when one entity holds both.

The gold files (`resolve/stories.json`, `resolve/entities.json` beside a gold set) are read
here; what the system predicted comes in as plain mappings, read from a resolved store by
`wirewatch.resolve.goldlabels` (this module reads no database).
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from wirewatch.model.vocab import PloverType

RESOLVE_DIR = "resolve"  # beside the gold files: <gold dir>/resolve/{stories,entities}.json
STORIES_FILE, ENTITIES_FILE = "stories.json", "entities.json"


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float
    items: int

    @classmethod
    def of(cls, precision: float, recall: float, items: int) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4), items=items
        )


Item = TypeVar("Item", bound=Hashable)  # what is clustered
Label = TypeVar("Label", bound=Hashable)  # the name of a cluster
Predicted = Hashable  # a predicted label, or a singleton made up for a missing prediction


def _clusters(labels: Mapping[Item, Hashable]) -> dict[Hashable, set[Item]]:
    out: dict[Hashable, set[Item]] = {}
    for item, label in labels.items():
        out.setdefault(label, set()).add(item)
    return out


def bcubed(gold: Mapping[Item, Label], predicted: Mapping[Item, Hashable]) -> PRF:
    """`gold` and `predicted` map item -> cluster label. Items missing from `predicted` are
    predicted singletons; predicted items not in `gold` are ignored."""
    if not gold:
        return PRF.of(0.0, 0.0, 0)
    labels: dict[Item, Predicted] = {
        item: predicted.get(item, ("singleton", item)) for item in gold
    }
    gold_of, pred_of = _clusters(gold), _clusters(labels)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_of[gold[item]], pred_of[labels[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    return PRF.of(precision / len(gold), recall / len(gold), len(gold))


def pairwise(gold: Mapping[Item, Label], predicted: Mapping[Item, Hashable]) -> PRF:
    """Pair counting over gold items; a missing prediction is a singleton."""
    items = sorted(gold, key=repr)
    labels: dict[Item, Predicted] = {
        item: predicted.get(item, ("singleton", item)) for item in items
    }
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


# --- the gold files ------------------------------------------------------------------------


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Location(_Gold):
    """Where the reader found a document that has no id of its own in the corpus."""

    path: str
    locator: str | None = None


class _CorpusGold(_Gold):
    corpus: str  # the corpus directory, relative to the gold file or one of its parents
    note: str = ""
    documents: dict[str, Location] = Field(default_factory=dict)
    _path: Path | None = PrivateAttr(default=None)

    def corpus_path(self) -> Path:
        """The corpus directory: absolute, else the first existing one relative to the gold
        file's directory or one of its parents (a gold set is often kept inside the repo
        that holds its corpus)."""
        given = Path(self.corpus)
        if given.is_absolute() or self._path is None:
            return given
        here = self._path.resolve().parent
        for base in (here, *here.parents):
            if (base / given).is_dir():
                return base / given
        raise ResolveGoldError(
            f"{self._path}: corpus {self.corpus!r} not found beside it or in a parent directory"
        )

    def locations(self) -> dict[str, tuple[str, str | None]]:
        """Document name -> (path, locator) for every name the gold uses: an explicit
        location, else the name itself as a path (a name that is also an id matches as id)."""
        out: dict[str, tuple[str, str | None]] = {name: (name, None) for name in self.names()}
        out.update(
            {
                name: (where.path, where.locator)
                for name, where in self.documents.items()
                if name in out
            }
        )
        return out

    @abstractmethod
    def names(self) -> set[str]:
        """Every document name the gold file uses (each kind of gold lists them its own way)."""


class GoldStory(_Gold):
    id: str
    label: str = ""
    event: list[PloverType]  # the types that count for it
    members: list[str] = Field(min_length=1)


class GoldSingleton(_Gold):
    document: str
    event: list[PloverType]


class StoryGold(_CorpusGold):
    """`stories.json`: multi-report stories and the singletons that must stay apart."""

    stories: list[GoldStory]
    singletons: list[GoldSingleton] = Field(default_factory=list)

    def names(self) -> set[str]:
        return {m for s in self.stories for m in s.members} | {s.document for s in self.singletons}

    def items(self) -> dict[tuple[str, str], tuple[str, list[str]]]:
        """Item (document, gold story id) -> (document, the types that count for it)."""
        out: dict[tuple[str, str], tuple[str, list[str]]] = {}
        for story in self.stories:
            for member in story.members:
                out[(member, story.id)] = (member, list(story.event))
        for i, single in enumerate(self.singletons):
            out[(single.document, f"single-{i}")] = (single.document, list(single.event))
        return out


class GoldGroup(_Gold):
    id: str
    kind: str
    country: str | None = None
    mentions: list[tuple[str, str]] = Field(min_length=1)  # (document, name as written)


class EntityGold(_CorpusGold):
    """`entities.json`: mention groups that are one entity (groups of one: hard negatives)."""

    groups: list[GoldGroup]

    def names(self) -> set[str]:
        return {doc for g in self.groups for doc, _ in g.mentions}

    def labels(self) -> dict[tuple[str, str, int], str]:
        """Item (document, name, position in its group) -> gold group id."""
        return {
            (doc, name, i): group.id
            for group in self.groups
            for i, (doc, name) in enumerate(group.mentions)
        }


class ResolveGoldError(ValueError):
    """A resolution gold file that cannot be read or is malformed; the message names it."""


class ResolveGold(BaseModel):
    """The resolution gold of a gold set: either file may be absent."""

    stories: StoryGold | None = None
    entities: EntityGold | None = None

    def corpora(self) -> list[Path]:
        return sorted({g.corpus_path() for g in (self.stories, self.entities) if g is not None})


def _read(path: Path, model: type[_CorpusGold]) -> _CorpusGold:
    try:
        gold = model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResolveGoldError(f"{path}: cannot read resolution gold: {error}") from error
    except ValidationError as error:
        raise ResolveGoldError(f"{path}: not valid resolution gold:\n{error}") from error
    gold._path = path
    return gold


def load_resolve_gold(path: Path) -> ResolveGold | None:
    """The resolution gold of a gold directory (`<dir>/resolve/`, or the directory itself
    when it holds the files); None when there is none (a single gold file has none)."""
    path = Path(path)
    if not path.is_dir():
        return None
    where = path / RESOLVE_DIR if (path / RESOLVE_DIR).is_dir() else path
    stories, entities = where / STORIES_FILE, where / ENTITIES_FILE
    if not (stories.is_file() or entities.is_file()):
        return None
    gold = ResolveGold(
        stories=_read(stories, StoryGold) if stories.is_file() else None,  # type: ignore[arg-type]
        entities=_read(entities, EntityGold) if entities.is_file() else None,  # type: ignore[arg-type]
    )
    if len(gold.corpora()) > 1:
        raise ResolveGoldError(f"{where}: stories and entities name different corpora")
    return gold


# --- scores from what the system predicted --------------------------------------------------

Membership = tuple[str, str, int]  # (story id, the member event's PLOVER type, source count)


def score_stories(gold: StoryGold, memberships: Mapping[str, Iterable[Membership]]) -> PRF:
    """B-cubed over the gold items. `memberships`: gold document name -> the stories its
    events are in. An item's predicted story is the one holding an event of that document of
    one of the item's types (the story with most reports when there are several, then the
    smallest id); an item in none is a predicted singleton."""
    labels: dict[tuple[str, str], str] = {}
    predicted: dict[tuple[str, str], str] = {}
    for item, (name, types) in gold.items().items():
        labels[item] = item[1]
        found = sorted(
            (-count, story)
            for story, event_type, count in memberships.get(name, ())
            if event_type in types
        )
        if found:
            predicted[item] = found[0][1]
    return bcubed(labels, predicted)


def score_entities(gold: EntityGold, entity_of: Mapping[tuple[str, str], str]) -> PRF:
    """Pairwise over gold mentions. `entity_of`: (gold document name, name as written) -> the
    entity the system resolved that mention to; a mention missing is a predicted singleton."""
    labels = gold.labels()
    predicted = {key: entity for key in labels if (entity := entity_of.get(key[:2]))}
    return pairwise(labels, predicted)


class ResolveScores(BaseModel):
    """Story clustering (B-cubed) and entity resolution (pairwise) against resolution gold."""

    model_config = ConfigDict(extra="forbid")

    stories: PRF | None = None
    entities: PRF | None = None
