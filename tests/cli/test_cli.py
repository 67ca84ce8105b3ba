"""The CLI end to end, on SQLite and PostgreSQL: ingest, re-ingest, rejects, queries, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wirewatch.cli import main
from wirewatch.model.filters import MAX_LIMIT

SEED = Path(__file__).parents[2] / "examples" / "corpus" / "seed"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text(
        json.dumps(
            {
                "id": "a",
                "date": "2025-10-02",
                "outlet": "Wire One",
                "text": "Turkish troops crossed into northern Iraq on Tuesday.",
            }
        )
        + "\n"
        + "{not json\n"
        + json.dumps(
            {
                "id": "b",
                "date": "2025-10-03",
                "outlet": "Wire Two",
                "text": "A Russian frigate entered the Bosphorus heading south.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (folder / "undated.txt").write_text("A convoy was seen near the border.", encoding="utf-8")
    return folder


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ingest_accounts_for_every_input_and_is_idempotent(db_url, tmp_path, capsys):
    corpus = _corpus(tmp_path)
    code, out, err = _run(capsys, "--db", db_url, "ingest", "--no-analyze", str(corpus))
    assert code == 1  # one malformed line and one undated text were rejected
    assert "malformed" in err and "missing_date" in err
    assert "good.jsonl:line 2" in err
    code, out, _ = _run(capsys, "--db", db_url, "stats", "--json")
    stats = json.loads(out)
    assert stats["documents"] == 2 and stats["rejects"] == {"malformed": 1, "missing_date": 1}
    # The same input again adds nothing and says so.
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "--no-analyze", str(corpus))
    assert code == 1
    assert re.search(r"stored\s+│\s+0 ", out) and re.search(r"already ingested\s+│\s+2 ", out)
    _, out, _ = _run(capsys, "--db", db_url, "stats", "--json")
    again = json.loads(out)
    assert again["documents"] == 2
    assert again["rejects"] == {"malformed": 1, "missing_date": 1}  # recorded once
    _, out, _ = _run(capsys, "--db", db_url, "rejects", "--json")
    assert sorted(json.loads(line)["reason"] for line in out.splitlines()) == [
        "malformed",
        "missing_date",
    ]


def test_date_flag_lets_plain_text_in(db_url, tmp_path, capsys):
    corpus = _corpus(tmp_path)
    code, _, _ = _run(
        capsys,
        "--db",
        db_url,
        "ingest",
        "--no-analyze",
        "--date",
        "2025-10-05",
        str(corpus / "undated.txt"),
    )
    assert code == 0
    _, out, _ = _run(capsys, "--db", db_url, "documents", "--json")
    assert json.loads(out.splitlines()[0])["date"] == "2025-10-05"


def test_usage_errors_exit_2_with_one_line(tmp_path, capsys):
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "events", "--since", "yesterday")
    assert code == 2
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "export", "--format", "xml")
    assert code == 2 and "unknown format" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "events", "--bbox", "1,2,3")
    assert code == 2 and "bbox" in err


def test_limit_is_capped_at_the_stores_page_size(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert _run(capsys, "--db", db, "events", "--limit", str(MAX_LIMIT))[0] == 0
    for command in ("events", "documents", "stories", "tracks", "entities"):
        code, _, err = _run(capsys, "--db", db, command, "--limit", str(MAX_LIMIT + 1))
        assert code == 2 and "--limit" in err and "Traceback" not in err, (command, err)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--country", "Russia"),
        ("--bbox", "10,0,0,10"),
        ("--bbox", "nan,0,1,1"),
        ("--type", "EXPLODE"),
    ],
)
def test_filters_refuse_what_the_api_refuses(tmp_path, capsys, option, value):
    """One validation (the `Filters` model) behind the CLI and the API."""
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "events", option, value)
    assert code == 2 and err.startswith("error: bad filter: " + option.lstrip("-")), err
    code, _, err = _run(
        capsys,
        "--db",
        str(tmp_path / "x.db"),
        "events",
        "--since",
        "2019-04-01",
        "--until",
        "2019-03-01",
    )
    assert code == 2 and "after until" in err


def test_schema_prints_the_contract(capsys):
    code, out, _ = _run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and "Movement" in schema["$defs"]


@pytest.mark.slow
def test_ingest_analyses_the_seed_and_exports(db_url, tmp_path, capsys):
    code, out, _ = _run(capsys, "--db", db_url, "ingest", str(SEED))
    assert code == 0
    _, out, _ = _run(capsys, "--db", db_url, "stats", "--json")
    stats = json.loads(out)
    assert stats["documents"] == stats["analyses"] == 1
    assert stats["duplicates"] == {"exact": 1}  # the seed comes in two forms
    target = tmp_path / "events.geojson"
    code, _, _ = _run(capsys, "--db", db_url, "export", "--format", "geojson", "-o", str(target))
    assert code == 0 and json.loads(target.read_text())["type"] == "FeatureCollection"
    code, out, _ = _run(capsys, "--db", db_url, "analyze", str(SEED / "seed.jsonl"))
    analysis = json.loads(out.splitlines()[0])
    assert analysis["document"]["id"] == "seed-an124-venezuela" and analysis["sentences"]


ARTICLES = [
    {
        "id": "w1",
        "date": "2026-03-10",
        "outlet": "Harbour Post",
        "text": "MOSUL, Iraq — Turkish jets struck a village north of Mosul on Monday, killing "
        "three people, Iraqi officials said.\n\nThe Iraqi foreign ministry condemned the "
        "raid.",
    },
    {
        "id": "w2",
        "date": "2026-03-11",
        "outlet": "Valley Ledger",
        "text": "Turkish warplanes bombed a village near Mosul on Monday, Iraq's government said, "
        "in the third such raid this month.\n\nAnkara said its forces hit militant "
        "positions.",
    },
    {
        "id": "w3",
        "date": "2026-03-11",
        "outlet": "Valley Ledger",
        "text": "Police in Tbilisi detained 14 protesters on Tuesday after a march against a new "
        "media law, the interior ministry said.",
    },
]


def _gold_with_resolution(tmp_path: Path) -> Path:
    """A one-document gold set with a resolution gold over a three-report corpus beside it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    gold = tmp_path / "gold"
    (gold / "resolve").mkdir(parents=True)
    (gold / "g1.json").write_text(
        json.dumps(
            {
                "document": {
                    "id": "g1",
                    "date": "2026-03-10",
                    "text": "Turkish jets struck a village north of Mosul on Monday.",
                },
                "expect": {"events": [{"event": "ASSAULT", "actor_country": "TUR"}]},
            }
        )
    )
    (gold / "resolve" / "stories.json").write_text(
        json.dumps(
            {
                "corpus": "corpus",
                "stories": [{"id": "S1", "event": ["ASSAULT"], "members": ["w1", "w2"]}],
                "singletons": [{"document": "w3", "event": ["COERCE"]}],
            }
        )
    )
    (gold / "resolve" / "entities.json").write_text(
        json.dumps(
            {
                "corpus": "corpus",
                "groups": [
                    {"id": "mosul", "kind": "GPE", "mentions": [["w1", "Mosul"], ["w2", "Mosul"]]},
                    {"id": "tbilisi", "kind": "GPE", "mentions": [["w3", "Tbilisi"]]},
                ],
            }
        )
    )
    return gold


def test_eval_scores_stories_and_entities_with_a_resolution_gold(tmp_path, capsys):
    gold = _gold_with_resolution(tmp_path)
    code, out, _ = _run(capsys, "eval", str(gold), "--json")
    report = json.loads(out)
    assert code == 0 and report["documents"] == 1
    assert report["stories"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "items": 3}
    assert report["entities"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "items": 3}
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps(
            {
                "dev": {"stories.f1": 1.0, "entities": {"f1": 1.0}},
                "strict": {"stories.recall": 1.01},
            }
        )
    )
    code, out, err = _run(capsys, "eval", str(gold), "--floors", str(floors), "--section", "dev")
    assert code == 0 and not err
    assert re.search(r"stories\s+│\s+3 ", out) and re.search(r"entities\s+│\s+3 ", out)
    code, _, err = _run(capsys, "eval", str(gold), "--floors", str(floors), "--section", "strict")
    assert code == 1 and "stories.recall 1.00 < floor 1.01" in err
    code, _, err = _run(capsys, "eval", str(gold), "--floors", str(floors))
    assert code == 2 and "choose one" in err
    code, out, _ = _run(capsys, "eval", str(gold), "--json", "--no-resolve")
    assert json.loads(out)["stories"] is None
