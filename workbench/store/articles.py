"""SQL for articles: dedupe lookups, inserts, aliases, listing, full-text search, counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from workbench.models import Article, ArticleRecord
from workbench.store.base import StoreBase, fts_query, now


class ArticleQueries(StoreBase):
    # -- articles ------------------------------------------------------------------------------

    def article_id_for_text(self, source: str | None, sha256: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE IFNULL(source, '') = ? AND sha256 = ?",
            (source or "", sha256),
        ).fetchone()
        return None if row is None else int(row[0])

    def articles_with_text(self, sha256: str) -> list[tuple[int, str | None]]:
        """(id, outlet) of every article with this text hash, in id order: one lookup gives
        both the duplicate (same outlet) and the wire copies (other outlets)."""
        rows = self.conn.execute(
            "SELECT id, source FROM articles WHERE sha256 = ? ORDER BY id", (sha256,)
        )
        return [(int(r[0]), r[1]) for r in rows]

    def articles_sharing_text(self, sha256: str, exclude_id: int) -> list[tuple[int, str | None]]:
        rows = self.conn.execute(
            "SELECT id, source FROM articles WHERE sha256 = ? AND id != ? ORDER BY id",
            (sha256, exclude_id),
        )
        return [(int(r[0]), r[1]) for r in rows]

    def insert_article(
        self, record: ArticleRecord, sha256: str, ingested_at: str | None = None
    ) -> int:
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
                ingested_at or now(),
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
            params.append(fts_query(search))
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
