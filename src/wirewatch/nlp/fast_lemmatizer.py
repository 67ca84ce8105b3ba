"""The model's rule lemmatizer, with its answers remembered per word form and written as one
array instead of token by token.

spaCy's Lemmatizer walks the Doc through Python `Token` objects and asks `lemmatize(token)`
for every token without a lemma; in rule mode the answer depends only on the token's ORTH,
POS and MORPH (spaCy's own cache key). Reading those columns and LEMMA with `to_array`,
looking each form up in a memo, and setting LEMMA back with `from_array` skips the token
objects for every form seen before. A new form is lemmatized by the original component, so
the lemmas are the original's; `tests/nlp/test_fast_lemmatizer.py` checks they are equal.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class FastLemmatizer:
    """Drop-in for a loaded rule-mode Lemmatizer (`adopt` it before use). Any other mode,
    or one that overwrites existing lemmas, is run as it is."""

    def __init__(self) -> None:
        self.original: Lemmatizer | None = None
        self.memo_forms = False
        self._memo: dict[tuple[int, int, int], int] = {}

    def adopt(self, original: Lemmatizer) -> None:
        self.original = original
        self.memo_forms = original.mode == "rule" and not original.overwrite

    def __call__(self, doc: Doc) -> Doc:
        if self.original is None:
            raise RuntimeError("FastLemmatizer used before adopting the model's lemmatizer")
        if not self.memo_forms:
            return self.original(doc)
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:  # set before (the attribute rules' exceptions): kept, as spaCy does
                continue
            form = (orth, pos, morph)
            value = self._memo.get(form)
            if value is None:
                value = self._memo[form] = doc.vocab.strings.add(self.original.lemmatize(doc[i])[0])
            lemmas[i] = value
        # spaCy's stubs say to_array gives float64 and from_array wants thinc's Ints2d; both
        # are the uint64 attribute array, 1-D for a single attribute.
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]
        return doc


@Language.factory("wirewatch_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer()
