"""SQL for claims: which articles need extracting, saving an article's claims, reading them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from workbench.models import Article, Claim
from workbench.store.base import StoreBase, fts_query, now

# claims table column -> Claim attribute, in insert order
_COLUMNS: tuple[str, ...] = (
    "article_id",
    "kind",
    "fingerprint",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_chain",
    "hedges",
    "negated",
    "subject",
    "subject_class",
    "outcome",
    "low",
    "high",
    "approximate",
    "canonical",
    "role",
    "count",
    "hypothetical",
    "value",
    "span_start",
    "span_end",
    "rising",
    "scope",
)
_SELECT = (
    "SELECT c.id, c.parent_id, "
    + ", ".join(f'c."{name}"' for name in _COLUMNS)
    + ", p.fingerprint AS parent_fingerprint FROM claims c"
    " LEFT JOIN claims p ON p.id = c.parent_id"
)
_BOOLS = ("negated", "approximate", "hypothetical", "rising")
_NAMES = ", ".join(f'"{n}"' for n in _COLUMNS)
_MARKS = ", ".join("?" for _ in _COLUMNS)
_INSERT = f"INSERT INTO claims ({_NAMES}, extracted_at) VALUES ({_MARKS}, ?)"
_UPDATE = (
    "UPDATE claims SET "
    + ", ".join(f'"{n}" = ?' for n in _COLUMNS)
    + ", parent_id = NULL WHERE id = ?"
)
_EXTRACT_SELECT = (
    "SELECT id, external_id, source, title, published, published_at, url, sha256, text"
    " FROM articles"
)
_NOT_EXTRACTED = " WHERE extracted_at IS NULL"


# a claim as saved: fingerprint, parent fingerprint, and the values of the columns after
# article_id (kind first); light to send between processes
ClaimRow = tuple[str, str | None, tuple[Any, ...]]
_VALUE_COLUMNS = _COLUMNS[1:]
_JSON_COLUMNS = frozenset(("speaker_chain", "hedges"))


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)


def claim_row(claim: Claim) -> ClaimRow:
    """The claim as the claims table stores it (lists as JSON, booleans as 0/1)."""
    fields = claim.__dict__
    values: list[Any] = []
    for name in _VALUE_COLUMNS:
        value = fields[name]
        if name in _JSON_COLUMNS:
            value = _to_json(value)
        elif value is True or value is False:
            value = int(value)
        values.append(value)
    return fields["fingerprint"], fields["parent_fingerprint"], tuple(values)


def claim_from_row(row: Sequence[Any]) -> Claim:
    data: dict[str, Any] = {"id": row[0], "parent": row[1]}
    for name, value in zip(_COLUMNS, row[2:], strict=False):
        data[name] = value
    data["parent_fingerprint"] = row[-1]
    data["speaker_chain"] = json.loads(data["speaker_chain"] or "[]")
    data["hedges"] = json.loads(data["hedges"] or "[]")
    for name in _BOOLS:
        if data[name] is not None:
            data[name] = bool(data[name])
    data["rising"] = bool(data["rising"])
    data["negated"] = bool(data["negated"])
    return Claim(**data)


class ClaimQueries(StoreBase):
    def articles_for_extraction(self, *, every: bool = False) -> Iterator[Article]:
        """Articles whose claims have not been extracted yet (`every`: all of them), id order.

        Only what extraction reads: id, outlet, title, dates, url, hash and text (no metadata:
        label columns of an evaluation set never reach the extractor).
        """
        cursor = self.conn.execute(
            _EXTRACT_SELECT + ("" if every else _NOT_EXTRACTED) + " ORDER BY id"
        )
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield Article(metadata={}, **dict(zip(names, row, strict=True)))

    def extraction_batch(
        self, *, every: bool = False, after_id: int = 0, limit: int = 200
    ) -> list[Article]:
        """The next `limit` articles for extraction with an id above `after_id`, read whole."""
        where = " WHERE id > ?" + ("" if every else " AND extracted_at IS NULL")
        cursor = self.conn.execute(
            _EXTRACT_SELECT + where + " ORDER BY id LIMIT ?", (after_id, limit)
        )
        names = [d[0] for d in cursor.description]
        return [Article(metadata={}, **dict(zip(names, row, strict=True))) for row in cursor]

    def count_for_extraction(self, *, every: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM articles" + ("" if every else _NOT_EXTRACTED)
        return int(self.conn.execute(sql).fetchone()[0])

    def has_article(self, article_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def claim_counts(self) -> dict[str, int]:
        """Claims per kind."""
        rows = self.conn.execute("SELECT kind, COUNT(*) FROM claims GROUP BY kind ORDER BY kind")
        return {kind: int(n) for kind, n in rows}

    def save_claims(self, article_id: int, claims: Iterable[Claim]) -> list[int]:
        """Make `claims` the article's claims; returns their ids in order. Call in a transaction.

        A claim whose fingerprint the article already had keeps its id (and so its groups and
        suggestions until the next alignment); claims no longer found are deleted. Verdicts are
        kept either way: they are keyed by fingerprint.
        """
        return self.save_claim_rows(article_id, [claim_row(c) for c in claims])

    def save_claim_rows(self, article_id: int, rows: Sequence[ClaimRow]) -> list[int]:
        """`save_claims` for claims already made rows by `claim_row` (in another process)."""
        existing = {
            fp: int(cid)
            for fp, cid in self.conn.execute(
                "SELECT fingerprint, id FROM claims WHERE article_id = ?", (article_id,)
            )
        }
        keep = {fp for fp, _, _ in rows}
        gone = [cid for fp, cid in existing.items() if fp not in keep]
        if gone:
            self.conn.executemany("DELETE FROM claims WHERE id = ?", [(i,) for i in gone])
        stamp = now()
        ids: dict[str, int] = {}
        execute = self.conn.execute
        if not existing and rows:  # a first extraction: all new, inserted in one go
            self.conn.executemany(_INSERT, [(article_id, *values, stamp) for _, _, values in rows])
            ids = dict(
                execute("SELECT fingerprint, id FROM claims WHERE article_id = ?", (article_id,))
            )
        for fp, _, values in rows if existing else ():
            if fp in existing:
                cid = existing[fp]
                execute(_UPDATE, (article_id, *values, cid))
            else:
                cursor = execute(_INSERT, (article_id, *values, stamp))
                assert cursor.lastrowid is not None
                cid = int(cursor.lastrowid)
            ids[fp] = cid
        parents = [(ids[parent], ids[fp]) for fp, parent, _ in rows if parent and parent in ids]
        if parents:
            self.conn.executemany("UPDATE claims SET parent_id = ? WHERE id = ?", parents)
        self.conn.execute("UPDATE articles SET extracted_at = ? WHERE id = ?", (stamp, article_id))
        return [ids[fp] for fp, _, _ in rows]

    def iter_claims(
        self,
        *,
        article_id: int | None = None,
        kind: str | None = None,
        ids: Sequence[int] | None = None,
        search: str | None = None,
        by_id: bool = False,
    ) -> Iterator[Claim]:
        """Claims in (article, position) order (`by_id`: in id order), optionally narrowed;
        `search` is full-text."""
        where: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            where.append("c.article_id = ?")
            params.append(article_id)
        if kind is not None:
            where.append("c.kind = ?")
            params.append(kind)
        if ids is not None:
            where.append("c.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(ids)))
        if search:
            where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(fts_query(search))
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY c.id" if by_id else " ORDER BY c.article_id, c.start, c.id"
        for row in self.conn.execute(sql, params):
            yield claim_from_row(row)

    def get_claim(self, claim_id: int) -> Claim | None:
        row = self.conn.execute(_SELECT + " WHERE c.id = ?", (claim_id,)).fetchone()
        return None if row is None else claim_from_row(row)
