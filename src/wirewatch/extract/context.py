"""The working state of one document's analysis, passed from step to step.

Each extraction step reads what earlier steps found and appends its own findings. Steps run in
the order `extract/pipeline.yaml` gives; a step may rely only on steps listed before it. What
steps hand each other beyond the contract's lists is a typed field here (`claim_spans`), and
what any step may derive from the parse is built once, on first use.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirewatch.kb import KnowledgeBase
from wirewatch.model import (
    Actor,
    Analysis,
    Attribution,
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Movement,
    Place,
    Span,
    TimeExpr,
)
from wirewatch.model.vocab import AttributionStatus

ItemT = TypeVar("ItemT")  # what one list of the context holds


class Geocoder(Protocol):
    """What the places step asks of `wirewatch.geo.Geocoder` (extract does not import geo:
    docs/architecture.md): the index's name lookups, and geocoding of toponym spans."""

    @property
    def scan_keys(self) -> frozenset[str]: ...  # name keys worth scanning running text for

    def features(self, name: str) -> frozenset[str]: ...

    def loose_features(self, name: str) -> frozenset[str]: ...  # exact or by skeleton

    def codes(self, code: str) -> Sequence[object]: ...  # airfields with this ICAO/IATA code

    def reachable(self, name: str) -> frozenset[str]: ...  # features geocoding would consider

    def key(self, name: str) -> str: ...

    def may_open_scan_key(self, word: str) -> bool: ...

    def geocode(
        self,
        document_id: str,
        text: str,
        spans: Iterable[tuple[int, int]],
        captions: Iterable[tuple[int, int]] = (),
        demonyms: Iterable[str] = (),
    ) -> list[Place]: ...


@dataclass(frozen=True)
class ClaimSpan:
    """Where a claim's content lies: an event or movement told inside it is attributed to
    the claim (the claims step lists these; events and movements read them)."""

    start: int
    end: int
    claim: str  # the Claim's id
    status: AttributionStatus


@dataclass
class Context:
    document: Document
    doc: Doc  # the spaCy parse of document.text
    kb: KnowledgeBase
    gazetteer: Geocoder | None = None  # None when geocoding is off
    sentences: list[Span] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    claim_spans: list[ClaimSpan] = field(default_factory=list)  # set by the claims step
    # The actors step's answer per character span: events, claims and movements ask about
    # the same noun phrases many times (see `_syntax.actor_for_chars`).
    actor_memo: dict[tuple[int, int], Actor | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # ... and per token heading a noun phrase (see `_syntax.actor_at`).
    token_actors: dict[int, Actor | None] = field(default_factory=dict, repr=False, compare=False)
    # Per-document lookup tables, built on first use (see `_ParseIndex`, `_SpanIndex`).
    _parse: _ParseIndex | None = field(default=None, init=False, repr=False, compare=False)
    _spans: dict[str, _SpanIndex] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _captions: list[Span] | None = field(default=None, init=False, repr=False, compare=False)

    # The parse, read once. `doc.ents` builds new Span objects and `doc.text` joins every
    # token on each access: steps asking per mention made those whole-document scans the
    # largest cost of extraction.
    @property
    def ents(self) -> tuple[SpacySpan, ...]:
        """`doc.ents`, built once per document."""
        return (self._parse or self._parse_index()).ents

    @property
    def tokens(self) -> list[Token]:
        """The tokens of `doc`, built once per document."""
        return (self._parse or self._parse_index()).tokens

    def ent_of(self, token: Token) -> SpacySpan | None:
        """The named entity covering `token`, if any (an array lookup)."""
        return self._parse_index().ent_by_token[token.i]

    def ents_before(self, offset: int) -> list[SpacySpan]:
        """Named entities ending at or before character `offset`, in text order."""
        index = self._parse_index()
        return list(index.ents[: bisect_right(index.ent_ends, offset)])

    @property
    def sents(self) -> list[SpacySpan]:
        """`doc.sents`, built once per document (spaCy walks the parse on every access)."""
        return self._parse_index().sents(self.doc)

    def subtree_holding(self, token: Token, wanted: Callable[[Token], bool]) -> Iterable[Token]:
        """`token.subtree` when some token of its stretch of text is `wanted`, else nothing:
        the subtree lies inside that stretch, and walking it makes a Token per word, so a
        search of the subtree for `wanted` tokens skips the walk when it would find none."""
        stretch = self.tokens[token.left_edge.i : token.right_edge.i + 1]
        return token.subtree if any(wanted(t) for t in stretch) else ()

    def capitalised_tokens(self) -> list[bool]:
        """Whether each token opens with a capital, computed once per document (the places
        step's scans ask about each token several times)."""
        return self._parse_index().capitalised(self.document.text)

    def equipment_tokens(self) -> frozenset[int]:
        """Indices of the tokens inside EQUIPMENT entities, built once per document."""
        return self._parse_index().equipment_tokens()

    def ents_in(self, sent: SpacySpan) -> list[SpacySpan]:
        """`sent.ents` from the cached entities: the same test spaCy applies (start inside,
        stop at the first entity running past the end), without rebuilding every span."""
        index = self._parse_index()
        out = []
        for ent in index.ents[bisect_right(index.ent_ends, sent.start_char) :]:
            if ent.start >= sent.start:
                if ent.end > sent.end:
                    break
                out.append(ent)
        return out

    def _parse_index(self) -> _ParseIndex:
        if self._parse is None:
            self._parse = _ParseIndex(self.doc)
        return self._parse

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing character `offset` (the last one if past the end)."""
        hit = self._span_index("sentences", self.sentences, _own_spans).first_containing(offset)
        return hit if hit is not None else max(len(self.sentences) - 1, 0)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a finding at [start, end): the whole sentence that holds it."""
        index = self.sentence_index(start)
        if self.sentences:
            sent = self.sentences[index]
            start, end = min(start, sent.start), max(end, sent.end)
        return Evidence(sentence=index, start=start, end=end, text=self.document.text[start:end])

    def to_analysis(self) -> Analysis:
        return Analysis(
            document=self.document,
            sentences=self.sentences,
            entities=self.entities,
            places=self.places,
            events=self.events,
            movements=self.movements,
            claims=self.claims,
            dates=self.dates,
        )

    # Lookups later steps use to tie a finding to what earlier steps found at that offset.
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the longest."""
        hits = self._span_index("entities", self.entities, _mention_spans).overlapping(start, end)
        # Longest mention first; among equals the earliest entity, as a scan would find it.
        best = min(hits, key=lambda h: (h[0] - h[1], h[2]), default=None)
        return self.entities[best[2]] if best else None

    def mentions_over(self, start: int, end: int) -> list[tuple[Entity, int, int]]:
        """Each entity mention overlapping [start, end), as (entity, start, end)."""
        hits = self._span_index("entities", self.entities, _mention_spans).overlapping(start, end)
        return [(self.entities[i], s, e) for s, e, i in hits]

    def entities_within(self, start: int, end: int) -> list[Entity]:
        """Every entity with a mention inside [start, end), in the order of `entities`."""
        hits = self._span_index("entities", self.entities, _mention_spans).overlapping(start, end)
        return [
            self.entities[i] for i in sorted({i for s, e, i in hits if start <= s and e <= end})
        ]

    def places_over(self, start: int, end: int) -> list[Place]:
        """Every place with a mention overlapping [start, end), in the order of `places`."""
        hits = self._span_index("places", self.places, _mention_spans).overlapping(start, end)
        return [self.places[i] for i in sorted({h[2] for h in hits})]

    def place_at(self, start: int, end: int) -> Place | None:
        """The place with a mention overlapping [start, end)."""
        hits = self._span_index("places", self.places, _mention_spans).overlapping(start, end)
        return self.places[min(h[2] for h in hits)] if hits else None

    def in_caption(self, offset: int) -> bool:
        """True inside a photo-credit or caption span (no events are taken from those)."""
        captions = self.captions()
        return (
            bool(captions)
            and self._span_index("captions", captions, _own_spans).first_containing(offset)
            is not None
        )

    def claim_attribution(self, offset: int) -> Attribution | None:
        """The attribution of a finding at `offset` inside a claim's content ("the ministry
        said troops had arrived": reported, denied ... as the claim is), else None."""
        for span in self.claim_spans:
            if span.start <= offset < span.end:
                return Attribution(status=span.status, claim=span.claim)
        return None

    def _span_index(
        self,
        name: str,
        source: list[ItemT],
        spans: Callable[[list[ItemT]], list[tuple[int, int, int]]],
    ) -> _SpanIndex:
        """An interval index over one list of this context, rebuilt when that list grows or
        is replaced (steps append to `entities` and assign `places`). Items are not edited
        in place once listed: a step that moves a mention replaces the list."""
        index = self._spans.get(name)
        if index is None or index.source is not source or index.size != len(source):
            index = self._spans[name] = _SpanIndex(spans(source), source)
        return index

    def datelines(self) -> list[Span]:
        """Line openings that may be the report's dateline (nlp openings), first first."""
        marked: list[tuple[int, int]] | None = (
            self.doc._.datelines if Doc.has_extension("datelines") else None
        )
        return [Span(start=s, end=e) for s, e in marked or []]

    def in_headline(self, offset: int) -> bool:
        """True inside a headline line (nlp openings): it retells the report's news."""
        marked: list[tuple[int, int]] | None = (
            self.doc._.headlines if Doc.has_extension("headlines") else None
        )
        return any(s <= offset < e for s, e in marked or [])

    def captions(self) -> list[Span]:
        """Caption spans (credit + caption line) the nlp caption marker found; read from
        the parse on first use, so any step may call it."""
        if self._captions is None:
            marked: list[tuple[int, int]] | None = (
                self.doc._.captions if Doc.has_extension("captions") else None
            )
            self._captions = [Span(start=s, end=e) for s, e in marked or []]
        return self._captions


def _own_spans(items: Sequence[Span]) -> list[tuple[int, int, int]]:
    return [(s.start, s.end, i) for i, s in enumerate(items)]


def _mention_spans(items: Sequence[Entity | Place]) -> list[tuple[int, int, int]]:
    return [(m.start, m.end, i) for i, item in enumerate(items) for m in item.mentions]


class _ParseIndex:
    """Tokens and named entities of one parse, materialised once, with the entity covering
    each token (spaCy rebuilds `doc.ents` as new objects on every access)."""

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = parse_tree(doc).tokens
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)
        self.ent_ends: list[int] = [e.end_char for e in self.ents]
        self.ent_by_token: list[SpacySpan | None] = [None] * len(self.tokens)
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.ent_by_token[i] = ent
        self._capitalised: list[bool] | None = None
        self._equipment: frozenset[int] | None = None

    def sents(self, doc: Doc) -> list[SpacySpan]:
        return parse_tree(doc).sents()

    def capitalised(self, text: str) -> list[bool]:
        if self._capitalised is None:  # a token's first letter, read from the parse's text
            self._capitalised = [text[t.idx].isupper() for t in self.tokens]
        return self._capitalised

    def equipment_tokens(self) -> frozenset[int]:
        if self._equipment is None:
            self._equipment = frozenset(
                i
                for ent in self.ents
                if ent.label_ == "EQUIPMENT"
                for i in range(ent.start, ent.end)
            )
        return self._equipment


class ParseTree:
    """One parse read once for the helpers that take a token, not a Context (`_syntax`,
    `_modality`): its tokens, each token's children, and their memo of what they derive
    from the parse alone. Every read of `token.children` walks the subtree and makes new
    Token objects, and the steps ask about the same few tokens thousands of times."""

    __slots__ = (
        "_sentence_of",
        "_sents",
        "children",
        "doc",
        "modality",
        "names",
        "parties",
        "phrases",
        "preps",
        "subjects",
        "tokens",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for token in self.tokens:  # in text order, as `children` yields them
            head = token.head.i
            if head != token.i:
                kids[head].append(token)
        self.children: list[tuple[Token, ...]] = [tuple(k) for k in kids]
        # Memo of `_syntax.phrase`, `preps`, `parties` and `subject_of`, by token index; of
        # `_claimant.name_of`; and of `_modality` (by question, lexicon and token).
        self.phrases: dict[int, SpacySpan] = {}
        self.preps: dict[int, tuple[tuple[str, Token], ...]] = {}
        self.parties: dict[int, tuple[Token, ...]] = {}
        self.subjects: dict[int, Token | None] = {}
        self.names: dict[int, str] = {}
        self.modality: dict[tuple[str, int, int], bool] = {}
        self._sents: list[SpacySpan] | None = None
        self._sentence_of: list[SpacySpan] | None = None

    def sents(self) -> list[SpacySpan]:
        """`doc.sents`, walked once (spaCy walks the parse on every access)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    def sentence(self, i: int) -> SpacySpan:
        """The sentence holding token i, as `token.sent` gives it (the sentences partition
        the doc; `token.sent` walks to both ends and builds a new span on every call)."""
        if self._sentence_of is None:
            self._sentence_of = [sent for sent in self.sents() for _ in range(len(sent))]
        return self._sentence_of[i]


# The tree of the parse last asked about, per thread: a document's steps run one after
# another on one thread, so this holds the current document's tree (and only that).
_LAST_TREE = threading.local()


def parse_tree(doc: Doc) -> ParseTree:
    """The `ParseTree` of `doc`, built on the first question about it."""
    last: ParseTree | None = getattr(_LAST_TREE, "tree", None)
    if last is None or last.doc is not doc:
        last = _LAST_TREE.tree = ParseTree(doc)
    return last


def sentence(token: Token) -> SpacySpan:
    """`token.sent`, from the parse's tree."""
    return parse_tree(token.doc).sentence(token.i)


def children(token: Token) -> tuple[Token, ...]:
    """`token.children` (in text order), from the parse's tree."""
    last: ParseTree | None = getattr(_LAST_TREE, "tree", None)
    if last is None or last.doc is not token.doc:
        last = parse_tree(token.doc)
    return last.children[token.i]


class _SpanIndex:
    """Character intervals `(start, end, item)` sorted by start, for overlap queries. Mentions
    are short and few per document, so a bisect on starts plus a bounded backward walk (by
    the longest interval) replaces a scan over every mention."""

    def __init__(self, spans: list[tuple[int, int, int]], source: Sequence[object]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e, _i in self.spans]
        self.longest = max((e - s for s, e, _i in self.spans), default=0)
        self.source, self.size = source, len(source)  # the list indexed, held so its id stays

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Intervals `(s, e, item)` with s < end and start < e."""
        hi = bisect_right(self.starts, end - 1)
        lo = bisect_right(self.starts, start - self.longest)
        return [s for s in self.spans[lo:hi] if start < s[1]]

    def first_containing(self, offset: int) -> int | None:
        """The smallest item whose interval contains `offset`."""
        hits = [i for s, e, i in self.overlapping(offset, offset + 1) if s <= offset < e]
        return min(hits) if hits else None
