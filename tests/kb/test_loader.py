"""Loading: every table validates; a bad row fails with a message naming its file."""

from __future__ import annotations

import pytest

from wirewatch.kb import KnowledgeBaseError, load_kb

MY_TABLES = ("countries", "sectors", "outlets", "organisations", "plover", "cameo", "dates",
             "captions")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_tables_load(kb):
    for name in MY_TABLES:
        assert kb.table(name) is not None


def test_unknown_table_names_the_file(kb):
    with pytest.raises(KeyError, match=r"kb/data/nope\.yaml"):
        kb.table("nope")


def test_country_without_iso3_is_rejected_naming_the_file(tmp_path):
    (tmp_path / "countries.yaml").write_text(
        "countries:\n  - {iso2: XX, name: Nowhere, source: test}\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"(?s)kb/data/countries\.yaml.*iso3"):
        load_kb(tmp_path)


def test_row_without_source_is_rejected(tmp_path):
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n  - {key: x, name: X News, country: USA}\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"(?s)kb/data/outlets\.yaml.*source"):
        load_kb(tmp_path)


def test_one_term_for_two_countries_is_rejected(tmp_path):
    (tmp_path / "countries.yaml").write_text(
        "countries:\n"
        "  - {iso3: AAA, iso2: AA, name: Aland, demonyms: [Alandic], source: test}\n"
        "  - {iso3: BBB, iso2: BB, name: Bland, demonyms: [Alandic], source: test}\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match="Alandic"):
        load_kb(tmp_path)


def test_data_file_without_schema_is_rejected(tmp_path):
    (tmp_path / "mystery.yaml").write_text("rows: []\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"mystery\.yaml has no schema"):
        load_kb(tmp_path)


def test_trigger_mode_outside_the_plover_modes_is_rejected(tmp_path):
    from importlib.resources import files

    data = files("wirewatch.kb").joinpath("data")
    for name in ("plover", "events"):
        (tmp_path / f"{name}.yaml").write_text(data.joinpath(f"{name}.yaml").read_text("utf-8"),
                                               "utf-8")
    load_kb(tmp_path)  # the shipped pair agrees
    events = (tmp_path / "events.yaml").read_text("utf-8")
    (tmp_path / "events.yaml").write_text(
        events.replace("event: PROTEST, mode: demo,", "event: PROTEST, mode: march,", 1), "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"events\.yaml.*mode 'march'"):
        load_kb(tmp_path)
