"""`workbench export` in a real process: every format, files written whole, one-line errors."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from pathlib import Path

import pytest

from report.conftest import ReportDb
from workbench.report import FORMATS
from workbench.report.agreement import fleiss_kappa

ROWS = {"markdown": "8 claims", "html": "8 claims", "csv": "8 claims", "json": "4 articles",
        "claimreview": "5 claim reviews"}  # fmt: skip


def export_args(db: ReportDb, fmt: str, *more: str | Path) -> list[str | Path]:
    extra: list[str | Path] = ["--org", "Desk"] if fmt == "claimreview" else []
    return ["export", "--format", fmt, "--db", db.path, *extra, *more]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_to_a_file_and_to_stdout(
    run, report_db: ReportDb, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    target = tmp_path / f"report.{fmt}"
    result = run(*export_args(report_db, fmt, "--output", target))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"wrote {ROWS[fmt]} to {target}"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("report.")] == [target.name]
    written = target.read_text(encoding="utf-8")
    again = run(*export_args(report_db, fmt))
    assert again.returncode == 0, again.stderr
    # two exports of the same database differ at most in the one line holding the time
    changed = [
        line
        for line in difflib.unified_diff(written.splitlines(), again.stdout.splitlines(), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert len(changed) in (0, 2), changed
    assert all("generated" in line.lower() for line in changed)


def test_json_keeps_its_contract_and_adds_agreement(run, report_db: ReportDb) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "--format", "json", "--db", report_db.path)
    data = json.loads(result.stdout)
    assert data["schema"] == "workbench-export/1"
    assert list(data)[:9] == ["schema", "generated_at", "tool_version", "articles", "claims",
                              "events", "groups", "suggestions", "verdicts"]  # fmt: skip
    agreement = data["agreement"]
    # recomputed from the verdict history: each claim's current verdicts, cleared ones left out
    judged: dict[str, dict[str, str]] = {}
    for (fp, reviewer), entry in report_db.store.current_verdicts().items():
        if entry.verdict:
            judged.setdefault(fp, {})[reviewer] = entry.verdict
    shared = {fp: v for fp, v in judged.items() if len(v) > 1}
    categories = agreement["categories"]
    counts = [[Counter(v.values())[c] for c in categories] for v in shared.values()]
    overall = agreement["overall"]
    assert overall["method"] == "fleiss" and overall["claims"] == len(shared)
    assert overall["kappa"] == pytest.approx(fleiss_kappa(counts), abs=1e-4)
    assert overall["agreed"] == sum(len(set(v.values())) == 1 for v in shared.values())
    ids = {c.fingerprint: c.id for c in report_db.store.iter_claims()}
    disputed = {ids[fp]: v for fp, v in shared.items() if len(set(v.values())) > 1}
    assert {d["claim_id"]: d["verdicts"] for d in agreement["disagreements"]} == disputed
    assert [e["event_id"] for e in agreement["events"]] == [report_db.events["strike"]]
    assert len(agreement["pairs"]) == 3


def test_bom(run, report_db: ReportDb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "claims.csv"
    assert run(*export_args(report_db, "csv", "--bom", "-o", target)).returncode == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfevent_id,")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--format", "markdown", "--event", "99"], 1, "error: no event with id 99"),
        (["--format", "html", "--reviewer", "zed"], 1, "error: no reviewer named 'zed'"),
        (["--format", "claimreview"], 1, "error: ClaimReview needs --org NAME"),
        (["--format", "csv", "--status", "fine"], 2, "Invalid value for '--status'"),
        (["--format", "pdf"], 2, "Invalid value for '--format'"),
    ],
)
def test_errors_are_one_line_and_leave_files_alone(  # type: ignore[no-untyped-def]
    run, report_db: ReportDb, tmp_path: Path, args: list[str], status: int, message: str
) -> None:
    target = tmp_path / "old-report"
    target.write_text("the previous report\n")
    result = run("export", *args, "--output", target, "--db", report_db.path)
    assert result.returncode == status
    assert message in result.stderr and "Traceback" not in result.stderr
    if status == 1:
        assert result.stderr.count("\n") == 1
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old")) == [target.name]


def test_json_says_filters_do_not_narrow_it(run, report_db: ReportDb) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "--format", "json", "--event", "1", "--db", report_db.path)
    assert result.returncode == 0
    assert "note: the JSON export is always the whole database" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 4


def test_org_from_the_environment(run, report_db: ReportDb) -> None:  # type: ignore[no-untyped-def]
    args = ["export", "--format", "claimreview", "--db", report_db.path]
    result = run(*args, env={"WORKBENCH_ORG": "Env Desk"})
    assert result.returncode == 0, result.stderr
    reviews = json.loads(result.stdout)["@graph"]
    assert reviews and {r["author"]["name"] for r in reviews} == {"Env Desk"}
