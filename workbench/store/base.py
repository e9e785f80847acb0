"""Opening, migrating and transactions: the part of the store every table area shares.

SQLite through sqlite-utils, in WAL mode with foreign keys on and a busy timeout. The schema is the
numbered SQL files in `db/` (shipped inside the package as `workbench/db`), applied in order by
sqlite-utils' own `Migrations`, which records each step in `_sqlite_migrations`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Self

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

DEFAULT_DB = "workbench.db"
# how long a writer waits for another's lock; WORKBENCH_BUSY_TIMEOUT overrides it
BUSY_TIMEOUT_S = 10.0
MIGRATION_SET = "workbench"
_MIGRATION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(Exception):
    """The database cannot be opened or used; the message is one line for the user."""


def now() -> str:
    """The current time in UTC, ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations_dir() -> Path:
    """The `db/` folder: inside the installed package, or at the top of a source checkout."""
    packaged = Path(str(resources.files("workbench"))) / "db"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "db"


def _statements(sql: str) -> Iterator[str]:
    """Split a migration file into statements (triggers hold semicolons of their own)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") for part in buffer.strip().splitlines()
    ):
        raise ValueError(f"unterminated SQL statement: {buffer.strip()[:60]!r}")


def build_migrations(folder: Path | None = None) -> Migrations:
    """One sqlite-utils migration per numbered SQL file, in number order."""
    folder = folder or migrations_dir()
    migrations = Migrations(MIGRATION_SET)
    files = sorted(p for p in folder.iterdir() if _MIGRATION_FILE.match(p.name))
    if not files:
        raise StoreError(f"{folder}: no migration files found (the package is incomplete)")
    for path in files:
        sql = path.read_text(encoding="utf-8")

        def step(db: Database, sql: str = sql) -> None:
            for statement in _statements(sql):
                db.conn.execute(statement)

        migrations(name=path.stem)(step)
    return migrations


def busy_timeout() -> float:
    """Seconds to wait for another process's lock: WORKBENCH_BUSY_TIMEOUT, else 10."""
    given = os.environ.get("WORKBENCH_BUSY_TIMEOUT", "").strip()
    if not given:
        return BUSY_TIMEOUT_S
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise StoreError(f"WORKBENCH_BUSY_TIMEOUT={given!r}: expected seconds from 0 to 3600")
    return seconds


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class StoreBase:
    """An open workbench database connection; `Store` adds the queries of each table area."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self.db = db
        self.conn = db.conn
        # lines for the user about what opening did (a backup before migrating); the CLI prints
        # them on stderr, the library never prints
        self.notices: list[str] = []
        self.backup_path: Path | None = None

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Self:
        """Open (creating if asked) and migrate the database at `path`.

        Raises StoreError with a one-line reason when the file is missing, not a SQLite database,
        read-only, locked or otherwise unusable.
        """
        p = Path(path)
        if not create and not p.exists():
            raise StoreError(f"{p}: no such database (run `workbench ingest` first, or pass --db)")
        if p.exists() and p.is_dir():
            raise StoreError(f"{p}: is a directory, not a database file")
        timeout = busy_timeout()
        try:
            conn = sqlite3.connect(
                str(p), timeout=timeout, isolation_level=None, check_same_thread=True
            )
        except sqlite3.Error as e:
            raise StoreError(f"{p}: cannot open database: {_one_line(e)}") from e
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and not read_only(p):
                raise StoreError(f"{p}: cannot switch the database to WAL mode (mode is {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            db = Database(conn)
            store = cls(p, db)
            store.migrate()
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"{p}: {describe(e)}") from e
        return store

    def migrate(self) -> list[str]:
        """Apply pending migration steps; returns their names.

        A database that already holds data is first copied beside itself (SQLite's backup API)
        to `<name>.backup-<time>-pre-<step>.db`; the copy's path is in `backup_path` and a line
        about it in `notices`. When the copy cannot be written nothing is migrated.
        """
        migrations = build_migrations()
        pending = [m.name for m in migrations.pending(self.db)]
        if pending:
            if read_only(self.path):
                raise StoreError(
                    f"{self.path}: read-only database needs schema steps {', '.join(pending)}"
                )
            if self._holds_data():
                self.backup_path = self.backup(pending[0])
                self.notices.append(
                    f"{self.path}: schema is older than this workbench: saved a copy as"
                    f" {self.backup_path} before applying {', '.join(pending)}"
                )
            migrations.apply(self.db)
        return pending

    def _holds_data(self) -> bool:
        """True unless the file is new: no tables at all."""
        row = self.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
        return int(row.fetchone()[0]) > 0

    def backup(self, before_step: str) -> Path:
        """Copy the database beside itself with SQLite's online backup; returns the copy's path.

        The copy is written under a temporary name and renamed when complete, so a crash never
        leaves a half copy under the backup's name.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        base = f"{self.path.stem}.backup-{stamp}-pre-{before_step}"
        target = self.path.with_name(base + ".db")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{base}-{n}.db")
            n += 1
        partial = target.with_name(target.name + ".part")
        try:
            copy = sqlite3.connect(str(partial))
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
            partial.replace(target)
        except (OSError, sqlite3.Error) as e:
            partial.unlink(missing_ok=True)
            raise StoreError(
                f"{self.path}: cannot write a backup before migrating ({_one_line(e)});"
                " nothing was changed"
            ) from e
        return target

    def applied_migrations(self) -> list[str]:
        return [m.name for m in build_migrations().applied(self.db)]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is committed together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {describe(e)}") from e
        try:
            yield
        except BaseException as e:
            self._rollback()
            if isinstance(e, sqlite3.DatabaseError) and environmental(e):
                raise StoreError(f"{self.path}: {describe(e)}") from e
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise StoreError(f"{self.path}: {describe(e)}") from e

    def _rollback(self) -> None:
        """Undo the open transaction; the error that caused it is what the caller raises."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:  # the original error says what went wrong; it is re-raised
                pass


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query matching all of them literally (no operators)."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'


def read_only(path: Path) -> bool:
    return path.exists() and not os.access(path, os.W_OK)


_ENVIRONMENTAL = (
    "not a database",
    "malformed",
    "locked",
    "busy",
    "readonly",
    "read-only",
    "disk i/o",
    "disk is full",
    "unable to open",
)


def environmental(error: sqlite3.Error) -> bool:
    """True for failures of the database file itself (corrupt, read-only, locked, disk full),
    as opposed to a query's own mistake (a constraint, a typo): those reach the user as one
    StoreError line."""
    message = str(error).lower()
    return any(part in message for part in _ENVIRONMENTAL)


def describe(error: sqlite3.Error) -> str:
    message = _one_line(error)
    if "file is not a database" in message or "malformed" in message:
        return f"not a usable SQLite database ({message})"
    if "locked" in message or "busy" in message:
        return f"database is locked by another process ({message}); try again when it finishes"
    if "readonly" in message or "read-only" in message:
        return f"database is read-only ({message}); check the file's permissions"
    if "disk is full" in message:
        return f"the disk is full ({message})"
    return message
