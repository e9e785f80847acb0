"""The CSV report read back with the csv module and compared with the database."""

from __future__ import annotations

import csv
import io

import pytest

from report.conftest import REVIEWERS, ReportDb
from workbench.report import ReportOptions, write_report
from workbench.report.csvfile import CLAIM_COLUMNS, FORMULA_START, neutralise


def export(db: ReportDb, **options: object) -> str:
    out = io.StringIO(newline="")
    write_report(db.store, "csv", out, ReportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def plain(cell: str) -> str:
    """A cell as the data had it: the apostrophe guarding a formula taken off."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_START else cell


def number(cell: str) -> int | None:
    return int(cell) if cell else None


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a = b", "a = b"),
        ("", ""),
        (None, ""),
        (42, 42),
        (True, "true"),
        (False, "false"),
    ],
)
def test_neutralise(value: object, cell: object) -> None:
    assert neutralise(value) == cell


def test_rows_match_the_database(report_db: ReportDb) -> None:
    text = export(report_db)
    rows = read(text)
    header = next(csv.reader(io.StringIO(text)))
    verdict_columns = [f"{kind}: {r}" for r in REVIEWERS for kind in ("verdict", "note")]
    assert header == [*CLAIM_COLUMNS, *verdict_columns]
    store = report_db.store
    claims = {c.id: c for c in store.iter_claims()}
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(claims)  # each claim once here
    groups = {cid: g for g in store.groups() for cid in g.claim_ids}
    suggestions = store.suggestions()
    articles = {a.id: a for a in store.iter_articles()}
    current = store.current_verdicts()
    for row in rows:
        claim = claims[int(row["claim_id"])]
        assert plain(row["quote"]) == claim.quote
        assert (number(row["start"]), number(row["end"])) == (claim.start, claim.end)
        article = articles[int(row["article_id"])]
        assert article.text[claim.start : claim.end] == claim.quote
        assert plain(row["outlet"]) == article.source and row["url"] == (article.url or "")
        assert (number(row["low"]), number(row["high"])) == (claim.low, claim.high)
        assert (row["kind"], row["fingerprint"]) == (claim.kind, claim.fingerprint)
        group = groups.get(claim.id or 0)
        assert row["group_id"] == (str(group.id) if group else "")
        assert row["group_status"] == (group.status if group else "")
        suggestion = suggestions.get(claim.id or 0)
        assert row["suggestion"] == (suggestion.verdict if suggestion else "")
        for reviewer in REVIEWERS:
            entry = current.get((claim.fingerprint, reviewer))
            verdict = entry.verdict if entry else None
            assert row[f"verdict: {reviewer}"] == (verdict or "")
            note = entry.note if entry and verdict else None
            assert plain(row[f"note: {reviewer}"]) == (note or "")


def test_formulas_are_neutralised(report_db: ReportDb) -> None:
    rows = read(export(report_db))
    jets = next(r for r in rows if r["claim_id"] == str(report_db.claims["hos-jets"]))
    assert jets["quote"].startswith("'=HYPERLINK(")
    assert jets["speaker"].startswith("'=HYPERLINK(")
    killed = next(r for r in rows if r["claim_id"] == str(report_db.claims["hos-killed"]))
    assert killed["note: bob"].startswith("'=HYPERLINK(")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_bom_and_line_breaks(report_db: ReportDb) -> None:
    text = export(report_db, bom=True)
    assert text.startswith("\ufeffevent_id,")
    assert not export(report_db).startswith("\ufeff")
    # a line break inside a quote stays inside its quoted cell
    rows = read(text)
    killed = next(r for r in rows if r["claim_id"] == str(report_db.claims["hos-killed"]))
    assert "killed\nin the" in killed["quote"]


def test_one_reviewer(report_db: ReportDb) -> None:
    text = export(report_db, reviewer="alice")
    header = next(csv.reader(io.StringIO(text)))
    assert header[len(CLAIM_COLUMNS) :] == ["verdict: alice", "note: alice"]


def test_status_filter(report_db: ReportDb) -> None:
    rows = read(export(report_db, status="conflict"))
    assert {r["group_status"] for r in rows} == {"conflict"}
    assert len(rows) == 3
