"""Loading: every table validates; a bad row fails with a message naming its file."""

from __future__ import annotations

import pytest

from wirewatch.kb import KnowledgeBaseError, default_kb, load_kb

MY_TABLES = (
    "countries",
    "sectors",
    "outlets",
    "organisations",
    "plover",
    "cameo",
    "dates",
    "captions",
)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_tables_load(kb):
    for name in MY_TABLES:
        assert getattr(kb, name) is not None


def test_every_table_is_required(tmp_path):
    _copy_shipped(tmp_path)
    (tmp_path / "speech.yaml").unlink()
    with pytest.raises(KnowledgeBaseError, match=r"kb/data/speech\.yaml is missing"):
        load_kb(tmp_path)


def test_the_shared_knowledge_base_loads_once():
    assert default_kb() is default_kb()
    assert default_kb().plover.quad_codes()["ASSAULT"] == 4


def test_country_without_iso3_is_rejected_naming_the_file(tmp_path):
    (tmp_path / "countries.yaml").write_text(
        "countries:\n  - {iso2: XX, name: Nowhere, source: test}\n", "utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"(?s)kb/data/countries\.yaml.*iso3"):
        load_kb(tmp_path)


def test_row_without_source_is_rejected(tmp_path):
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n  - {key: x, name: X News, country: USA}\n", "utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"(?s)kb/data/outlets\.yaml.*source"):
        load_kb(tmp_path)


def test_one_term_for_two_countries_is_rejected(tmp_path):
    (tmp_path / "countries.yaml").write_text(
        "anaphora: {words: [country], source: test}\n"
        "countries:\n"
        "  - {iso3: AAA, iso2: AA, name: Aland, demonyms: [Alandic], source: test}\n"
        "  - {iso3: BBB, iso2: BB, name: Bland, demonyms: [Alandic], source: test}\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match="Alandic"):
        load_kb(tmp_path)


def test_data_file_without_schema_is_rejected(tmp_path):
    (tmp_path / "mystery.yaml").write_text("rows: []\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"mystery\.yaml has no schema"):
        load_kb(tmp_path)


def _copy_shipped(folder):
    """The package's data files, copied into `folder` to be edited there."""
    from importlib.resources import files

    for entry in files("wirewatch.kb").joinpath("data").iterdir():
        if entry.name.endswith(".yaml"):
            (folder / entry.name).write_text(entry.read_text("utf-8"), "utf-8")


def test_trigger_mode_outside_the_plover_modes_is_rejected(tmp_path):
    _copy_shipped(tmp_path)
    load_kb(tmp_path)  # the shipped pair agrees
    events = (tmp_path / "events.yaml").read_text("utf-8")
    (tmp_path / "events.yaml").write_text(
        events.replace("event: PROTEST, mode: demo,", "event: PROTEST, mode: march,", 1), "utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"events\.yaml.*mode 'march'"):
        load_kb(tmp_path)
