"""A read-only, locked or corrupt database file: one line on stderr and exit status 1 from the
real `workbench` command, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, WORKBENCH
from faultkit import python

ARTICLE = DATA / "formats" / "strike.txt"
READS = [("stats",), ("articles", "--search", "killed"), ("export", "--format", "json")]


def one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ")
    for word in words:
        assert word in line
    return line


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test formats ingested by the real command, checkpointed into the main file."""
    db = tmp_path_factory.mktemp("template") / "filled.db"
    done = subprocess.run(
        [str(WORKBENCH), "ingest", str(DATA / "formats"), "--db", str(db)], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


@pytest.fixture
def filled_db(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template database for one test to damage."""
    return Path(shutil.copy(template_db, tmp_path / "filled.db"))


# -- read-only ---------------------------------------------------------------------------------


@pytest.fixture
def read_only(filled_db: Path) -> Iterator[Path]:
    """The database file made unwritable: immutable (chattr +i) when running as root, whom
    permissions do not stop; mode 0444 otherwise."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", filled_db]).returncode != 0:
            pytest.skip(
                "running as root and `chattr +i` is unavailable: cannot make a file read-only"
            )
        try:
            yield filled_db
        finally:
            subprocess.run([chattr, "-i", filled_db], check=True)
    else:
        filled_db.chmod(0o444)
        yield filled_db


def test_writing_to_a_read_only_database(run, read_only: Path) -> None:  # type: ignore[no-untyped-def]
    line = one_line_error(run("ingest", ARTICLE, "--db", read_only), "read-only")
    assert str(read_only) in line


def test_reading_a_read_only_database_works(run, read_only: Path) -> None:  # type: ignore[no-untyped-def]
    done = run("stats", "--db", read_only)
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout


# -- locked ------------------------------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
"""


@pytest.fixture
def locked(filled_db: Path, tmp_path: Path) -> Iterator[Path]:
    """Another process holds a write lock on the database (BEGIN EXCLUSIVE)."""
    holder = python(HOLD_LOCK, filled_db, tmp_path=tmp_path, stdin=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield filled_db
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


def test_writing_to_a_locked_database(run, locked: Path) -> None:  # type: ignore[no-untyped-def]
    done = run("ingest", ARTICLE, "--db", locked, env={"WORKBENCH_BUSY_TIMEOUT": "0.2"})
    line = one_line_error(done, "locked by another process")
    assert str(locked) in line


def test_reading_while_another_process_writes(run, locked: Path) -> None:  # type: ignore[no-untyped-def]
    # WAL mode: readers are not blocked by a writer
    done = run("stats", "--db", locked, env={"WORKBENCH_BUSY_TIMEOUT": "0.2"})
    assert done.returncode == 0, done.stderr


def test_a_bad_busy_timeout_is_one_line(run, filled_db: Path) -> None:  # type: ignore[no-untyped-def]
    done = run("stats", "--db", filled_db, env={"WORKBENCH_BUSY_TIMEOUT": "soon"})
    one_line_error(done, "WORKBENCH_BUSY_TIMEOUT")


# -- corrupt -----------------------------------------------------------------------------------


def random_bytes(db: Path) -> None:
    db.write_bytes(os.urandom(64 * 1024))


def truncated(db: Path) -> None:
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.truncate(size * 6 // 10)


def garbage_pages(db: Path) -> None:
    """The header and schema intact, pages in the middle overwritten: found only by a query."""
    page = 4096
    pages = db.stat().st_size // page
    with db.open("r+b") as f:
        f.seek(page * (pages // 3))
        f.write(os.urandom(page * max(1, pages // 3)))


@pytest.mark.parametrize("damage", [random_bytes, truncated, garbage_pages])
@pytest.mark.parametrize("command", READS)
def test_corrupt_database(run, filled_db: Path, damage, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    damage(filled_db)
    line = one_line_error(run(*command, "--db", filled_db), "not a usable SQLite database")
    assert str(filled_db) in line


def test_ingest_into_random_bytes(run, filled_db: Path) -> None:  # type: ignore[no-untyped-def]
    random_bytes(filled_db)
    one_line_error(run("ingest", ARTICLE, "--db", filled_db), "not a usable SQLite database")
