"""The extraction commands in real processes: ingest, extract, claims, demo, eval fakes."""

import json
from pathlib import Path

from conftest import DATA, REPO

from workbench.report.export_json import CLAIM_ADDITIONS, CLAIM_FIELDS

CORPUS = REPO / "workbench" / "samples" / "corpus"


def claim_lines(run, db_path: Path, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = run("claims", "--json", *args, "--db", db_path)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_extracts_unless_told_not_to(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    skipped = run("ingest", CORPUS, "--no-extract", "--db", db_path)
    assert skipped.returncode == 0 and "extracted" not in skipped.stdout
    assert claim_lines(run, db_path) == []
    extracted = run("extract", "--db", db_path)
    assert extracted.returncode == 0, extracted.stderr
    [line, aligned] = extracted.stdout.splitlines()
    assert line.startswith("extracted 10 articles: ") and line.endswith(f"-> {db_path}")
    assert "casualty" in line and "weapon" in line
    assert aligned.startswith("10 of 10 articles in ")  # extraction then aligns (issue 4)
    again = run("extract", "--db", db_path)
    assert again.stdout.startswith("extracted 0 articles: 0 claims")


def test_ingest_runs_extraction_and_keeps_its_exit_codes(
    run, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = run("ingest", CORPUS, "--db", db_path)
    assert first.returncode == 0
    lines = first.stdout.splitlines()
    assert "10 records: 10 new" in lines[0] and lines[1].startswith("extracted 10 articles: ")
    repeat = run("ingest", CORPUS, "--db", db_path)
    assert repeat.returncode == 0 and "extracted" not in repeat.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert run("ingest", empty, "--db", db_path).returncode == 1


def test_extract_all_keeps_fingerprints_and_ids(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", CORPUS, "--db", db_path)
    before = claim_lines(run, db_path)
    result = run("extract", "--all", "--workers", "2", "--db", db_path)
    assert result.returncode == 0 and result.stdout.startswith("extracted 10 articles")
    assert claim_lines(run, db_path) == before


def test_claims_lists_and_filters(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", CORPUS, "--db", db_path)
    rows = claim_lines(run, db_path, "--article", "MNA-2016-0312-01", "--kind", "casualty")
    assert rows and {r["kind"] for r in rows} == {"casualty"}
    assert len({r["article_id"] for r in rows}) == 1
    for row in rows:
        assert list(row) == ["id", "article_id", *CLAIM_FIELDS, *CLAIM_ADDITIONS]
    assert {(r["outcome"], r["low"], r["high"]) for r in rows} >= {("killed", 18, None)}
    table = run("claims", "--kind", "weapon", "--db", db_path)
    assert table.returncode == 0
    assert "Su-34 x2" in table.stdout and "Levant Wire > local residents" in table.stdout
    assert table.stderr.strip().endswith("claims")
    assert run("claims", "--kind", "rumour", "--db", db_path).returncode == 2
    missing = run("claims", "--article", "no-such-id", "--db", db_path)
    assert missing.returncode == 1 and missing.stderr == "error: no article with id 'no-such-id'\n"


def test_demo_extracts(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("demo", "--db", tmp_path / "demo.db")
    assert result.returncode == 0
    assert "extracted 10 articles: " in result.stdout


def test_eval_fakes_prints_the_table(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("eval", "fakes", DATA / "eval" / "fakes_like.csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["metric", "all", "even", "odd", "target"]
    rows = {line[:34].strip(): line[34:].split() for line in lines[2:]}
    assert rows["articles"] == ["4", "2", "2"]
    assert rows["casualty recall"] == [
        "0.667",
        "(2/3)",
        "1.000",
        "(1/1)",
        "0.500",
        "(1/2)",
        ">=",
        "0.92",
    ]
    assert rows["actor recall"][:2] == ["1.000", "(3/3)"]
    assert rows["median killed claims per article"][0] == "1"
    assert float(rows["extraction ms per article"][0]) > 0
    missing = run("eval", "fakes", tmp_path / "nope.csv")
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_claims_table_shows_hostile_text_literally(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "hostile.txt"
    article.write_text(
        "date 2016-09-17\nStrike\n\nAt least 12 people were killed \x1b[31mtoday[/], "
        "activists said.\n",
        encoding="utf-8",
    )
    assert run("ingest", article, "--db", db_path).returncode == 0
    table = run("claims", "--kind", "casualty", "--db", db_path)
    assert table.returncode == 0
    assert "\x1b" not in table.stdout and "?[31mtoday[/]" in table.stdout
    assert "killed 12+ people" in table.stdout
