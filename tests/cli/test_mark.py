"""`workbench mark` and `workbench review` in real processes: verdicts, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tui.corpus import Built, build_review_db

from workbench.store import Store


@pytest.fixture
def built(tmp_path: Path) -> Built:
    return build_review_db(tmp_path / "review.db", tmp_path / "articles")


def test_mark_records_a_verdict_through_the_review_function(run, built: Built) -> None:  # type: ignore[no-untyped-def]
    claim = built.claims["levant-killed"]
    done = run("mark", claim, "disputed", "--note", "residents only", "--reviewer", "ana",
               "--db", built.path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"claim {claim}: disputed by ana at ")
    cleared = run("mark", claim, "clear", "--db", built.path, env={"WORKBENCH_REVIEWER": "bob"})
    assert cleared.returncode == 0, cleared.stderr
    assert "cleared by bob" in cleared.stdout
    with Store.open(built.path) as store:
        history = store.verdict_history()
    assert [(v.claim_id, v.reviewer, v.verdict, v.note) for v in history] == [
        (claim, "ana", "disputed", "residents only"),
        (claim, "bob", None, None),
    ]
    assert history[0].claim_quote.startswith("Twenty-three civilians were killed")
    assert history[0].claim_value["low"] == 23

    export = run("export", "--format", "json", "--db", built.path)
    verdicts = json.loads(export.stdout)["verdicts"]
    assert [list(v) for v in verdicts] == [
        ["claim_id", "fingerprint", "reviewer", "verdict", "note", "at", "claim_quote",
         "claim_value"],
    ] * 2  # fmt: skip
    assert [(v["reviewer"], v["verdict"]) for v in verdicts] == [("ana", "disputed"), ("bob", None)]
    assert verdicts[0]["fingerprint"] == "fp-levant-killed"
    value = {"kind": "casualty", "outcome": "killed", "subject": "civilians", "low": 23, "high": 23}
    assert verdicts[0]["claim_value"] == value


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["999", "disputed"], 1, "error: no claim with id 999\n"),
        (["1", "wrong"], 2, "'wrong' is not one of"),
        (["one", "disputed"], 2, "'one' is not a valid integer"),
        (["1"], 2, "Missing argument 'VERDICT'"),
    ],
)
def test_mark_errors_are_one_line_with_their_exit_status(  # type: ignore[no-untyped-def]
    run, built: Built, args: list[str], status: int, message: str
) -> None:
    result = run("mark", *args, "--db", built.path)
    assert result.returncode == status, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if status == 1:
        assert result.stderr.count("\n") == 1
    with Store.open(built.path) as store:
        assert store.verdict_history() == []


def test_mark_and_review_on_a_missing_database(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for args in (["mark", "1", "disputed"], ["review"]):
        result = run(*args, "--db", tmp_path / "nowhere.db")
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "no such database" in result.stderr
        assert not (tmp_path / "nowhere.db").exists()
