"""A database from an older schema is copied aside (SQLite backup API) before it is migrated."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from faultkit import integrity
from sqlite_utils import Database

from workbench.store import Store, build_migrations

FIRST = "0001_init"
STEPS = [m.name for m in build_migrations()._migrations]


def old_database(path: Path) -> None:
    """A database as the first release left it: only step 0001 applied, one article stored."""
    conn = sqlite3.connect(path, isolation_level=None)
    build_migrations().apply(Database(conn), stop_before=STEPS[1])
    conn.execute(
        "INSERT INTO articles (external_id, source, title, sha256, text, file, record,"
        " ingested_at) VALUES ('old-1', 'Levant Wire', 'Old', 'abc', 'Old text.', 'o.txt', 1,"
        " '2016-01-01T00:00:00+00:00')"
    )
    conn.close()


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def test_an_old_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    db = tmp_path / "case.db"
    old_database(db)
    assert applied(db) == [FIRST]

    with Store.open(db) as store:
        backup = store.backup_path
        assert backup is not None and backup.parent == tmp_path
        assert backup.name.startswith("case.backup-") and backup.name.endswith(
            f"-pre-{STEPS[1]}.db"
        )
        assert store.applied_migrations() == STEPS
        assert [str(backup) in n and "saved a copy" in n for n in store.notices] == [True]
        assert store.find_articles(external_id="old-1")[0]["title"] == "Old"

    # the copy is the database as it was: the old schema, the data, a sound file
    assert applied(backup) == [FIRST]
    assert integrity(backup) == "ok"
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT external_id FROM articles").fetchall() == [("old-1",)]
    columns = {r[1] for r in conn.execute("PRAGMA table_info(claims)")}
    assert "span_start" not in columns  # added by step 0002, which ran on the original only
    conn.close()
    assert not list(tmp_path.glob("*.part"))


def test_nothing_pending_means_no_backup(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with Store.open(db) as store:  # a new file: migrated from nothing, no copy
        assert store.backup_path is None and store.notices == []
    with Store.open(db) as store:  # up to date: nothing to do
        assert store.backup_path is None and store.notices == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == ["new.db"]


def test_the_cli_says_where_the_backup_is(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "case.db"
    old_database(db)
    done = run("stats", "--db", db)
    assert done.returncode == 0, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"note: {db}: schema is older") and "saved a copy as" in line
    backups = list(tmp_path.glob("case.backup-*-pre-*.db"))
    assert len(backups) == 1 and str(backups[0]) in line
    again = run("stats", "--db", db)
    assert again.returncode == 0 and again.stderr == ""
    assert len(list(tmp_path.glob("case.backup-*.db"))) == 1
