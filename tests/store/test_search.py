"""Full-text search on both backends: stemmed words, phrases, OR, exclusion, snippets."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.model import Analysis, Document
from wirewatch.store import MARK_END, MARK_START, Store

TEXTS = {
    "freighter": "A heavy freighter landed at the airport near the capital after a long "
    "flight over the ocean. Ground crews unloaded crates for several hours.",
    "frigate": "The frigate entered the harbour on Sunday and anchored near the naval pier. "
    "Its crew was granted shore leave for two days.",
    "talks": "Ministers held talks on grain exports; no agreement was announced and the "
    "freighter contracts were left open.",
}


@pytest.fixture
def filled(store: Store) -> Store:
    for n, (title, text) in enumerate(TEXTS.items()):
        doc = Document(date=dt.date(2023, 6, 1 + n), outlet="Desk", title=title, text=text)
        store.save_analysis(Analysis(document=doc))
    return store


def _titles(hits) -> list[str]:
    return sorted(hit.title for hit in hits)


def test_words_are_stemmed_and_marked(filled: Store) -> None:
    hits = filled.search("landing")
    assert _titles(hits) == ["freighter"]
    assert f"{MARK_START}landed{MARK_END}" in hits[0].snippet
    assert hits[0].date == dt.date(2023, 6, 1)


def test_title_and_text_are_both_searched(filled: Store) -> None:
    assert _titles(filled.search("freighter")) == ["freighter", "talks"]
    assert _titles(filled.search("frigate")) == ["frigate"]


def test_phrase_or_and_exclusion(filled: Store) -> None:
    assert _titles(filled.search('"naval pier"')) == ["frigate"]
    assert filled.search('"pier naval"') == []
    assert _titles(filled.search("harbour OR grain")) == ["frigate", "talks"]
    assert _titles(filled.search("freighter -grain")) == ["freighter"]
    assert _titles(filled.search("crew harbour")) == ["frigate"]


def test_punctuated_terms_do_not_break_the_query(filled: Store) -> None:
    assert filled.search("An-124 (cargo) AND:") == []
    assert filled.search('"unclosed phrase') == []


def test_limit_and_ranking(filled: Store) -> None:
    hits = filled.search("freighter", limit=1)
    assert len(hits) == 1
    assert [h.score for h in filled.search("freighter")] == sorted(
        (h.score for h in filled.search("freighter")), reverse=True
    )


@pytest.mark.parametrize("query", ["", "   ", "-grain", '""'])
def test_query_without_words_is_a_value_error(filled: Store, query: str) -> None:
    with pytest.raises(ValueError, match="search query"):
        filled.search(query)
