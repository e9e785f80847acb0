"""The one module that speaks SQL: opens, migrates, reads and writes the workbench database.

SQLite through sqlite-utils, in WAL mode with foreign keys on and a busy timeout. The schema is the
numbered SQL files in `db/` (shipped inside the package as `workbench/db`), applied in order by
sqlite-utils' own `Migrations`, which records each step in `_sqlite_migrations`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workbench.models import Article, ArticleRecord

DEFAULT_DB = "workbench.db"
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
    return Path(__file__).resolve().parent.parent / "db"


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


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class Store:
    """An open workbench database. Use `Store.open(path)`; close it, or use it as a context."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self.db = db
        self.conn = db.conn

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open (creating if asked) and migrate the database at `path`.

        Raises StoreError with a one-line reason when the file is missing, not a SQLite database,
        read-only, locked or otherwise unusable.
        """
        p = Path(path)
        if not create and not p.exists():
            raise StoreError(f"{p}: no such database (run `workbench ingest` first, or pass --db)")
        if p.exists() and p.is_dir():
            raise StoreError(f"{p}: is a directory, not a database file")
        try:
            conn = sqlite3.connect(
                str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=True
            )
        except sqlite3.Error as e:
            raise StoreError(f"{p}: cannot open database: {_one_line(e)}") from e
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and not _read_only(p):
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
            raise StoreError(f"{p}: {_describe(e)}") from e
        return store

    def migrate(self) -> list[str]:
        """Apply pending migration steps; returns their names."""
        migrations = build_migrations()
        pending = [m.name for m in migrations.pending(self.db)]
        if pending:
            if _read_only(self.path):
                raise StoreError(
                    f"{self.path}: read-only database needs schema steps {', '.join(pending)}"
                )
            migrations.apply(self.db)
        return pending

    def applied_migrations(self) -> list[str]:
        return [m.name for m in build_migrations().applied(self.db)]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is committed together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {_describe(e)}") from e
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- articles ------------------------------------------------------------------------------

    def article_id_for_text(self, source: str | None, sha256: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE IFNULL(source, '') = ? AND sha256 = ?",
            (source or "", sha256),
        ).fetchone()
        return None if row is None else int(row[0])

    def articles_sharing_text(self, sha256: str, exclude_id: int) -> list[tuple[int, str | None]]:
        rows = self.conn.execute(
            "SELECT id, source FROM articles WHERE sha256 = ? AND id != ? ORDER BY id",
            (sha256, exclude_id),
        )
        return [(int(r[0]), r[1]) for r in rows]

    def insert_article(self, record: ArticleRecord, sha256: str) -> int:
        cursor = self.conn.execute(
            "INSERT INTO articles (external_id, source, title, published, published_at, url,"
            " sha256, text, metadata, file, record, encoding, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.external_id,
                record.source,
                record.title,
                record.published,
                record.published_at,
                record.url,
                sha256,
                record.text,
                json.dumps(record.metadata, ensure_ascii=False, sort_keys=True),
                record.file,
                record.record,
                record.encoding,
                now(),
            ),
        )
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def add_alias(self, article_id: int, external_id: str, file: str, record: int) -> bool:
        """Remember that input record `external_id` repeated article `article_id`.

        Nothing is added when the id is the article's own or already an alias.
        """
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO article_aliases (article_id, external_id, file, record, seen_at)"
            " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS"
            " (SELECT 1 FROM articles WHERE id = ? AND external_id IS ?)",
            (article_id, external_id, file, record, now(), article_id, external_id),
        )
        return cursor.rowcount > 0

    def find_articles(
        self,
        *,
        source: str | None = None,
        search: str | None = None,
        external_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Articles as short rows (id, source, published, title, external_id), newest id last.

        `search` is full-text (FTS5) over title and text, the words taken literally;
        `external_id` finds an article by its input id or by an alias a duplicate record left.
        """
        where: list[str] = []
        params: list[Any] = []
        if source is not None:
            where.append("a.source = ? COLLATE NOCASE")
            params.append(source)
        if external_id is not None:
            where.append(
                "(a.external_id = ? OR a.id IN"
                " (SELECT article_id FROM article_aliases WHERE external_id = ?))"
            )
            params += [external_id, external_id]
        order = "a.id"
        if search:
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(_fts_query(search))
        sql = "SELECT a.id, a.external_id, a.source, a.published, a.title FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def iter_articles(self) -> Iterator[Article]:
        """Every article in id order, with its aliases and the articles sharing its text."""
        aliases: dict[int, list[str]] = {}
        for article_id, external_id in self.conn.execute(
            "SELECT article_id, external_id FROM article_aliases ORDER BY article_id, rowid"
        ):
            aliases.setdefault(article_id, []).append(external_id)
        shared: dict[int, list[int]] = {}
        for a, b in self.conn.execute(
            "SELECT x.id, y.id FROM articles x JOIN articles y"
            " ON x.sha256 = y.sha256 AND x.id != y.id ORDER BY x.id, y.id"
        ):
            shared.setdefault(a, []).append(b)
        cursor = self.conn.execute(
            "SELECT id, external_id, source, title, published, published_at, url, sha256, text,"
            " metadata, file, record, encoding FROM articles ORDER BY id"
        )
        names = [d[0] for d in cursor.description]
        for row in cursor:
            data = dict(zip(names, row, strict=True))
            data["metadata"] = json.loads(data["metadata"] or "{}")
            data["aliases"] = aliases.get(data["id"], [])
            data["shares_text_with"] = shared.get(data["id"], [])
            yield Article(**data)

    # -- summaries -----------------------------------------------------------------------------

    def table_counts(self) -> dict[str, int]:
        """Rows per workbench table (FTS shadow tables and bookkeeping left out)."""
        tables = [
            "articles",
            "article_aliases",
            "claims",
            "events",
            "claim_groups",
            "suggestions",
            "verdicts",
            "reviewers",
        ]
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0]) for t in tables
        }

    def source_counts(self) -> list[dict[str, Any]]:
        """Articles per outlet, with their date range, most articles first."""
        cursor = self.conn.execute(
            "SELECT source, COUNT(*) AS articles, MIN(published) AS first_published,"
            " MAX(published) AS last_published FROM articles"
            " GROUP BY source ORDER BY articles DESC, IFNULL(source, '')"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def shared_text_count(self) -> int:
        """Articles whose text another outlet's article also carries (wire copy)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE sha256 IN"
            " (SELECT sha256 FROM articles GROUP BY sha256 HAVING COUNT(*) > 1)"
        ).fetchone()
        return int(row[0])


def _fts_query(text: str) -> str:
    """A user's words as an FTS5 query matching all of them literally (no operators)."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'


def _read_only(path: Path) -> bool:
    return path.exists() and not os.access(path, os.W_OK)


def _describe(error: sqlite3.Error) -> str:
    message = _one_line(error)
    if "file is not a database" in message or "malformed" in message:
        return f"not a usable SQLite database ({message})"
    if "locked" in message or "busy" in message:
        return f"database is locked by another process ({message}); try again when it finishes"
    if "readonly" in message or "read-only" in message:
        return f"database is read-only ({message})"
    return message
