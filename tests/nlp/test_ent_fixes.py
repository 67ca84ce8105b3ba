"""Repairs to the statistical NER's spans (nlp/ent_fixes.py), on the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from wirewatch.kb import KnowledgeBase
from wirewatch.nlp.ent_fixes import EntFixes


def _fixed(nlp: Language, kb: KnowledgeBase, text: str, start: int, end: int) -> list[str]:
    """The place spans `EntFixes` leaves of one FAC span over tokens [start, end)."""
    doc: Doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label="FAC")]
    fixes = EntFixes()
    fixes.setup(kb)
    return [e.text for e in fixes(doc).ents]


def test_a_route_is_cut_into_its_places(nlp: Language, kb: KnowledgeBase) -> None:
    text = "The battery was flown from Ramstein to Rzeszów on Wednesday."
    assert _fixed(nlp, kb, text, 5, 8) == ["Ramstein", "Rzeszów"]
    text = "It had sailed from Safaga through the Red Sea and docked."
    assert _fixed(nlp, kb, text, 4, 9) == ["Safaga", "Red Sea"]


def test_names_with_inner_words_stay_whole(nlp: Language, kb: KnowledgeBase) -> None:
    text = "They flew to Bosnia and Herzegovina on Monday."
    assert _fixed(nlp, kb, text, 3, 6) == ["Bosnia and Herzegovina"]
    text = "They sailed to the Strait of Gibraltar."
    assert _fixed(nlp, kb, text, 4, 7) == ["Strait of Gibraltar"]


def test_the_pipeline_cuts_a_route_the_model_joined(nlp: Language) -> None:
    doc = nlp(
        "Separately, a US Army Patriot battery was flown from Ramstein to Rzeszów aboard C-17s."
    )
    assert "Ramstein to Rzeszów" not in {e.text for e in doc.ents}


def test_a_name_leaves_a_date_it_was_run_into(nlp: Language) -> None:
    doc = nlp("A C-17A left Ellsworth yesterday and landed at Keflavík.")
    assert "Ellsworth yesterday" not in {e.text for e in doc.ents}
    assert "yesterday" in {e.text for e in doc.ents if e.label_ == "DATE"}
    # Months and weekdays open dates of their own.
    doc = nlp("The jets left on Monday 5 May and landed in Ørland.")
    assert any(e.text.startswith("Monday") for e in doc.ents if e.label_ == "DATE")
