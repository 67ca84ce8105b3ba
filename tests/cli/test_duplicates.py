"""`wirewatch duplicates` and `wirewatch changes`: a corrected re-publication is kept and the
changed figure can be found, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.cli import main

FIRST = (
    "At least 6 people were killed when shells hit the covered market in Kharkiv on "
    "Monday morning, the regional governor said, adding that rescuers were still "
    "searching the rubble for survivors late into the evening. Emergency crews from "
    "three neighbouring districts joined the search after dark, and the city council "
    "declared two days of mourning. The market, one of the largest in the region, had "
    "reopened in the spring after repairs to its roof, which was damaged last winter. "
    "Traders said the first shell landed near the fish stalls shortly after nine, when "
    "the halls were at their busiest, and a second struck the car park minutes later. "
    "Hospitals in the city asked residents to donate blood, and schools nearby moved "
    "their lessons online for the rest of the week while engineers checked the "
    "buildings around the square for structural damage."
)
CORRECTED = FIRST.replace("At least 6", "At least 12")


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_corrected_report_is_kept_and_its_change_shown(db_url, tmp_path, capsys):
    first = _write(
        tmp_path / "morning.jsonl", {"date": "2026-02-02", "outlet": "Wire A", "text": FIRST}
    )
    later = _write(
        tmp_path / "evening.jsonl", {"date": "2026-02-02", "outlet": "Wire A", "text": CORRECTED}
    )
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "--no-analyze", str(first), str(later))
    assert code == 0 and "duplicate: near" in out
    code, out, _ = _run(capsys, "--db", db_url, "duplicates", "--json")
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["kind"] == "near" and record["text"] == CORRECTED
    code, out, _ = _run(capsys, "--db", db_url, "changes", record["document_id"])
    assert code == 0 and "[-6-]{+12+}" in out
    code, out, _ = _run(capsys, "--db", db_url, "changes", record["duplicate_of"], "--json")
    [version] = [json.loads(line) for line in out.splitlines()]
    assert [(c["before"], c["after"]) for c in version["changes"]] == [("6", "12")]


def test_a_new_text_under_a_stored_id_is_a_version(db_url, tmp_path, capsys):
    path = _write(
        tmp_path / "feed.jsonl",
        {"id": "story-1", "date": "2026-02-02", "text": FIRST},
        {"id": "story-1", "date": "2026-02-02", "text": "An unrelated text now."},
    )
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "--no-analyze", str(path))
    assert code == 0 and "duplicate: version" in out
    code, out, _ = _run(capsys, "--db", db_url, "duplicates", "--kind", "version")
    assert "story-1" in out
    code, out, _ = _run(capsys, "--db", db_url, "stats", "--json")
    assert json.loads(out)["duplicates"] == {"version": 1}


def test_changes_of_an_unknown_id_is_a_usage_error(db_url, capsys):
    code, _, err = _run(capsys, "--db", db_url, "changes", "nope")
    assert code == 2 and "no kept later text" in err
