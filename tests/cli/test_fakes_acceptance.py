"""The foundation's acceptance on real data: FA-KES dev (411 records) and the seed article."""

import json
import sqlite3
from pathlib import Path

from conftest import FAKES, SEED, need_fakes, need_seed


def test_fakes_dev_ingests_as_promised(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    need_fakes()
    first = run("ingest", FAKES, "--db", db_path)
    assert first.returncode == 0, first.stderr
    assert "411 records: 407 new, 4 duplicate, 30 re-decoded, 0 skipped" in first.stdout
    assert "Traceback" not in first.stderr
    duplicate_lines = [line for line in first.stderr.splitlines() if line.startswith("duplicate:")]
    assert len(duplicate_lines) == 4
    assert all("fakes-dev.csv record" in line for line in duplicate_lines)

    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 407
    assert conn.execute("SELECT COUNT(*) FROM articles WHERE published IS NULL").fetchone()[0] == 0
    bad = conn.execute(
        "SELECT COUNT(*) FROM articles WHERE instr(text, char(65533)) OR instr(title, char(65533))"
    ).fetchone()[0]
    assert bad == 0
    assert (
        conn.execute("SELECT COUNT(*) FROM articles WHERE encoding = 'cp1252'").fetchone()[0] == 30
    )
    conn.close()

    # every repeated id stays findable, as an article id or an alias of its article
    for unit_id in ("1926479049", "1926479313"):
        found = run("articles", "--id", unit_id, "--json", "--db", db_path)
        assert len(found.stdout.splitlines()) == 1, found.stdout
    trt = run("articles", "--id", "1924058078", "--json", "--db", db_path)
    [row] = [json.loads(line) for line in trt.stdout.splitlines()]
    assert row["source"] == "trt" and row["external_id"] != "1924058078"  # found through its alias

    again = run("ingest", FAKES, "--db", db_path)
    assert again.returncode == 0
    assert "411 records: 0 new, 411 duplicate" in again.stdout


def test_seed_article(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    need_seed()
    result = run("ingest", SEED, "--db", db_path)
    assert result.returncode == 0, result.stderr
    export = json.loads(run("export", "--db", db_path).stdout)
    [article] = export["articles"]
    assert article["published"] == "2016-09-17"
    assert article["external_id"] == SEED.name
    assert article["title"].startswith("Syria’s army general command")
    assert "Sixty-two Syrian soldiers were killed" in article["text"]
