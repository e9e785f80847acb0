"""Opening the store: migrations through sqlite-utils, WAL, foreign keys, busy timeout, errors."""

import sqlite3
from pathlib import Path

import pytest

from workbench.store import Store, StoreError, build_migrations, migrations_dir


def test_fresh_database_is_migrated_by_sqlite_utils(db_path: Path) -> None:
    with Store.open(db_path) as store:
        steps = [p.stem for p in sorted(migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))]
        assert store.applied_migrations() == steps
        rows = store.conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
        assert rows == [("workbench", s) for s in steps]
        tables = {
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        expected = {"articles", "article_aliases", "claims", "events", "claim_groups"}
        expected |= {"group_claims", "suggestions", "verdicts", "reviewers", "articles_fts"}
        assert expected <= tables


def test_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.migrate() == []
        assert store.conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(
            build_migrations()._migrations
        )


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            'INSERT INTO claims (article_id, kind, fingerprint, quote, start, "end", extracted_at)'
            " VALUES (999, 'casualty', 'f', 'q', 0, 1, 'now')"
        )


def test_verdict_history_is_append_only(store: Store) -> None:
    store.conn.execute("INSERT INTO reviewers (name, created_at) VALUES ('ana', 'now')")
    store.conn.execute(
        "INSERT INTO verdicts (fingerprint, reviewer, verdict, at, claim_quote)"
        " VALUES ('fp', 'ana', 'disputed', 'now', 'q')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE verdicts SET verdict = 'corroborated'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM verdicts")
    assert store.conn.execute("SELECT verdict FROM verdicts").fetchall() == [("disputed",)]


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.conn.execute("INSERT INTO reviewers (name, created_at) VALUES ('bo', 'now')")
        raise RuntimeError("midway")
    assert store.conn.execute("SELECT COUNT(*) FROM reviewers").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"this is not a database at all, just some words" * 100, "not a usable SQLite database")],
)
def test_not_a_database(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=reason) as info:
        Store.open(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_missing_database_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_busy_timeout_from_the_environment(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT", "0.25")
    with Store.open(db_path) as store:
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 250
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT", "-1")
    with pytest.raises(StoreError, match="WORKBENCH_BUSY_TIMEOUT"):
        Store.open(db_path)


def test_a_locked_database_is_one_store_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT", "0.05")
    with Store.open(db_path) as holder, Store.open(db_path) as other:
        with holder.transaction():
            with pytest.raises(StoreError, match="locked by another process") as info:
                with other.transaction():
                    other.conn.execute("INSERT INTO reviewers VALUES ('x', 'now')")
            assert "\n" not in str(info.value)
        with other.transaction():  # the lock is gone: the same write goes through
            other.conn.execute("INSERT INTO reviewers VALUES ('x', 'now')")


def test_a_query_mistake_is_not_dressed_as_a_database_fault(store: Store) -> None:
    store.conn.execute("INSERT INTO reviewers VALUES ('ana', 'now')")
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.conn.execute("INSERT INTO reviewers VALUES ('ana', 'now')")
    assert not store.conn.in_transaction
