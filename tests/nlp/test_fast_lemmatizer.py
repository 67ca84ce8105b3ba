"""The memoised lemmatizer gives exactly the lemmas of the model's rule lemmatizer."""

from __future__ import annotations

import pytest
import spacy

from wirewatch.nlp.fast_lemmatizer import FastLemmatizer
from wirewatch.settings import Settings

TEXTS = [
    "Two Russian Il-76MD transports landed at Khmeimim air base on Monday, officials said.",
    "The frigates were sailing north; the destroyer had sailed south and was refuelling.",
    "Ain't nobody gonna stop us. Troops deployed, deploying and redeployed again.",
    "  \n\nThe U.S. Navy's destroyers USS Carney and USS Mason (DDG-87) escorted tankers.\t ",
    "“We will respond,” Peskov told reporters. Officials declined to comment further.",
    "Ministers met; the ministers' meeting ended. Better, best, worse: bigger strikes hit.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings.load().model)


def _parsed(nlp, texts):
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        return list(nlp.pipe(texts))


def test_same_lemmas_as_the_model_lemmatizer(nlp):
    original = nlp.get_pipe("lemmatizer")
    fast = FastLemmatizer()
    fast.adopt(original)
    for doc in _parsed(nlp, TEXTS * 2):  # the second round is answered from the memo
        expected, got = original(doc.copy()), fast(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
        assert any(t.lemma_ != t.text for t in got)  # it did lemmatize


def test_lemmas_set_before_are_kept(nlp):
    fast = FastLemmatizer()
    fast.adopt(nlp.get_pipe("lemmatizer"))
    doc = _parsed(nlp, ["Troops deployed quickly."])[0]
    doc[1].lemma_ = "KEPT"
    assert [t.lemma_ for t in fast(doc)][:2] == ["troop", "KEPT"]


def test_other_modes_run_as_they_are(nlp):
    lookup = spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"})
    fast = FastLemmatizer()
    fast.adopt(lookup)
    assert not fast.memo_forms


def test_unadopted_use_is_an_error():
    with pytest.raises(RuntimeError, match="before adopting"):
        FastLemmatizer()(spacy.blank("en")("text"))


def test_the_pipeline_uses_it():
    from wirewatch.analyze import load_resources

    nlp = load_resources(geocode=False).nlp
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
