"""The cached attribute rules give exactly the annotations of the model's attribute_ruler."""

from __future__ import annotations

import pytest
import spacy

from wirewatch.nlp.fast_attributes import FastAttributes, UnsupportedRule
from wirewatch.settings import Settings

TEXTS = [
    "A Russian Il-76MD landed at Khmeimim air base on Monday, the ministry said.",
    "There is no plan, and there were two convoys; there's more to come.",
    "Ain't nobody gonna stop us, y'all. Let's go, c'mon, I got ta leave.",
    "  \n\nThe U.S. Navy's destroyer USS Carney (DDG-64) sailed north.\t ",
    "“We will respond,” Peskov told reporters. Officials declined to comment.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings.load().model)


def _annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_same_annotations_as_the_model_ruler(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributes()
    fast.adopt(ruler)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(TEXTS))
    for doc in parsed:
        expected, got = ruler(doc.copy()), fast(doc.copy())
        assert _annotations(got) == _annotations(expected)
        assert any(t.pos_ for t in got)  # the rules did set something


def test_rules_it_cannot_evaluate_are_refused(nlp):
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    with pytest.raises(UnsupportedRule):
        FastAttributes().adopt(ruler)
