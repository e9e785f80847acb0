"""The Markdown report: a golden file, escaping of table metacharacters, order and filters."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from report.conftest import GENERATED_AT, HOSTILE_OUTLET, REVIEWERS, ReportDb
from workbench.report import ReportError, ReportOptions, write_report

GOLDEN = Path(__file__).parent / "golden"


def markdown(db: ReportDb, **options: object) -> str:
    out = io.StringIO()
    write_report(db.store, "markdown", out, ReportOptions(generated_at=GENERATED_AT, **options))  # type: ignore[arg-type]
    return out.getvalue()


def check_golden(name: str, text: str) -> None:
    """Compare with tests/report/golden/NAME; UPDATE_GOLDEN=1 rewrites it (read the diff first)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1 and read it"
    assert text == path.read_text(encoding="utf-8")


def test_golden_report(report_db: ReportDb) -> None:
    check_golden("builder.md", markdown(report_db))


def cells(line: str) -> list[str]:
    """A Markdown table row split on unescaped pipes, as GitHub's table parser splits it."""
    parts = re.split(r"(?<!\\)\|", line.strip())
    return parts[1:-1]


def tables(text: str) -> list[list[list[str]]]:
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(cells(line))
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def test_every_table_row_has_as_many_cells_as_its_header(report_db: ReportDb) -> None:
    text = markdown(report_db)
    found = tables(text)
    assert len(found) >= 8
    for table in found:
        assert {len(row) for row in table} == {len(table[0])}, table[0]


def test_hostile_text_is_literal(report_db: ReportDb) -> None:
    text = markdown(report_db)
    # no "<" that a renderer could take for HTML: every one is backslash-escaped
    assert re.search(r"(?<!\\)<", text) is None
    assert r'Bad \<script\>alert(1)\</script\> \& "Co" \</td\> \[bold\]' in text
    # a line break inside a quote or a note never breaks the table row
    assert r"no named source second line \| pipe" in text
    assert r"40 \| 41 people were killed in the" in text
    assert HOSTILE_OUTLET not in text


def test_conflicts_come_first_within_each_event(report_db: ReportDb) -> None:
    text = markdown(report_db)
    event1 = text.split("## Event 1:", 1)[1].split("## Event 2:", 1)[0]
    headings = re.findall(r"^### (.*)$", event1, flags=re.M)
    assert headings == [
        "Conflict: people killed (casualty)",
        "Sources agree: aircraft (weapon)",
        "Single source: militants killed (casualty)",
    ]
    # within the conflict group, claims by article date: 18 (12 March), then 27 and 40-41
    conflict = event1.split("### Conflict", 1)[1].split("###", 1)[0]
    ids = [int(row[0]) for row in tables(conflict)[0][2:]]
    c = report_db.claims
    assert ids == [c["lev-killed"], c["cou-killed"], c["hos-killed"]]


def test_summary_counts_the_database(report_db: ReportDb) -> None:
    summary = dict((row[0].strip(), row[1].strip()) for row in tables(markdown(report_db))[0][2:])
    store = report_db.store
    assert summary["Articles"] == str(len(store.find_articles()))
    assert summary["Events"] == str(len(store.events()))
    assert summary["Claims"].startswith(str(sum(1 for _ in store.iter_claims())))
    verdicts = tables(markdown(report_db))[1]
    totals = {row[0].strip(): int(row[-1]) for row in verdicts[2:]}
    current = store.current_verdicts()
    for name in REVIEWERS:
        mine = [v for (_, r), v in current.items() if r == name and v.verdict]
        assert totals[name.replace("<", "\\<").replace(">", "\\>").replace("&", "\\&")] == len(mine)


def test_event_filter(report_db: ReportDb) -> None:
    text = markdown(report_db, event_id=report_db.events["bomb"])
    assert "## Event 2:" in text and "## Event 1:" not in text
    assert "Showing event 2 (Car bomb in Nahr al-Ward)." in text
    assert "Tell Hamra" not in text.split("## Event 2", 1)[1]


def test_status_filter(report_db: ReportDb) -> None:
    text = markdown(report_db, status="conflict")
    assert "### Conflict: people killed" in text
    assert "### Sources agree" not in text and "### Single source" not in text
    assert "## Event 2" not in text and "Claims not in any group" not in text


def test_reviewer_filter(report_db: ReportDb) -> None:
    text = markdown(report_db, reviewer="bob")
    assert "verdicts of bob only" in text
    assert "carol" not in text and "alice" not in text
    assert "## Agreement between reviewers" not in text
    # carol never judged the 27: from bob's view the conflict is reviewed; the summary says so
    assert "| Open conflicts | 0 (of 1 conflict group;" in text
    assert "| Open conflicts | 1 (of 1 conflict group;" in markdown(
        report_db, reviewer="carol <c&d>"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"event_id": 99}, "no event with id 99"),
        ({"reviewer": "zed"}, "no reviewer named 'zed' (reviewers: alice, bob, carol <c&d>)"),
        ({"status": "fine"}, "unknown group status 'fine'"),
    ],
)
def test_unknown_scope_is_one_line_error(
    report_db: ReportDb, options: dict[str, object], message: str
) -> None:
    with pytest.raises(ReportError) as error:
        markdown(report_db, **options)
    assert message in str(error.value) and "\n" not in str(error.value)
