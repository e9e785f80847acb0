"""kill -9 of `workbench ingest` midway through a folder of many files leaves a sound database
that holds whole files only, and running the same ingest again completes it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from collections import defaultdict
from pathlib import Path

from conftest import WORKBENCH
from faultkit import count, env, integrity, wait_for, write_files

FILES = 100
PER_FILE = 30
KILL_AFTER = 10 * PER_FILE  # articles committed before the kill


def records_by_file(db: Path) -> dict[str, set[int]]:
    """Which record numbers of each input file the database holds (articles and aliases)."""
    conn = sqlite3.connect(db)
    held: dict[str, set[int]] = defaultdict(set)
    for file, record in conn.execute(
        "SELECT file, record FROM articles UNION ALL SELECT file, record FROM article_aliases"
    ):
        held[file].add(record)
    conn.close()
    return held


def test_kill_9_midway_leaves_whole_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    paths = write_files(folder, FILES, PER_FILE, seed=3)
    db = tmp_path / "case.db"
    argv = [str(WORKBENCH), "ingest", str(folder), "--db", str(db)]
    # ingest only: leave out the stages that run after it, where the command has them
    help_text = subprocess.run([str(WORKBENCH), "ingest", "--help"], capture_output=True, text=True)
    argv += [flag for flag in ("--no-extract", "--no-align") if flag in help_text.stdout]
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(tmp_path)
    )
    try:
        wait_for(
            lambda: (
                count(db, "SELECT COUNT(*) FROM articles") >= KILL_AFTER
                or process.poll() is not None
            )
        )
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, (
        f"ingest ended by itself (exit {process.returncode}) before it could be killed"
    )

    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    fts = conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert fts is not None  # raises when the full-text index does not match the articles
    conn.close()
    held = records_by_file(db)
    total = FILES * PER_FILE
    stored = sum(len(r) for r in held.values())
    assert KILL_AFTER <= stored < total, "the kill did not land midway"
    whole = set(range(1, PER_FILE + 1))
    for file, records in held.items():
        assert records == whole, f"{file} was cut: {len(records)} of {PER_FILE} records kept"
    names = {str(p) for p in paths}
    assert set(held) <= names

    # the same command again picks up where the killed one stopped
    again = subprocess.run(argv, capture_output=True, text=True, env=env(tmp_path), timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{total - stored} new, {stored} duplicate" in again.stdout
    held = records_by_file(db)
    assert set(held) == names and all(r == whole for r in held.values())
    assert count(db, "SELECT COUNT(*) FROM articles") == total
