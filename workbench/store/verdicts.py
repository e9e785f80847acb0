"""SQL for reviewers and the append-only verdict history."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from workbench.models import Verdict
from workbench.store.base import StoreBase, now

_FIELDS = (
    "id",
    "claim_id",
    "fingerprint",
    "reviewer",
    "verdict",
    "note",
    "at",
    "claim_quote",
    "claim_value",
)


def _verdict(row: Sequence[Any]) -> Verdict:
    data = dict(zip(_FIELDS, row, strict=True))
    data["claim_value"] = json.loads(data["claim_value"] or "{}")
    return Verdict(**data)


class VerdictQueries(StoreBase):
    def ensure_reviewer(self, name: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO reviewers (name, created_at) VALUES (?, ?)", (name, now())
        )

    def append_verdict(self, verdict: Verdict) -> int:
        """Append one history entry (the reviewer is registered on first use); returns its id."""
        self.ensure_reviewer(verdict.reviewer)
        cursor = self.conn.execute(
            "INSERT INTO verdicts (claim_id, fingerprint, reviewer, verdict, note, at,"
            " claim_quote, claim_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                verdict.claim_id,
                verdict.fingerprint,
                verdict.reviewer,
                verdict.verdict,
                verdict.note,
                verdict.at,
                verdict.claim_quote,
                json.dumps(verdict.claim_value, ensure_ascii=False, sort_keys=True),
            ),
        )
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def verdict_history(
        self, *, fingerprint: str | None = None, reviewer: str | None = None
    ) -> list[Verdict]:
        """History entries in the order they were written."""
        where: list[str] = []
        params: list[Any] = []
        if fingerprint is not None:
            where.append("fingerprint = ?")
            params.append(fingerprint)
        if reviewer is not None:
            where.append("reviewer = ?")
            params.append(reviewer)
        sql = f"SELECT {', '.join(_FIELDS)} FROM verdicts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_verdict(r) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def current_verdict(self, fingerprint: str, reviewer: str) -> Verdict | None:
        """The reviewer's latest entry for the claim (its `verdict` is None once cleared)."""
        row = self.conn.execute(
            f"SELECT {', '.join(_FIELDS)} FROM verdicts WHERE fingerprint = ? AND reviewer = ?"
            " ORDER BY id DESC LIMIT 1",
            (fingerprint, reviewer),
        ).fetchone()
        return None if row is None else _verdict(row)

    def current_verdicts(
        self, fingerprints: Iterable[str] | None = None, *, reviewer: str | None = None
    ) -> dict[tuple[str, str], Verdict]:
        """Latest entry per (fingerprint, reviewer), cleared ones included, narrowed if asked."""
        where: list[str] = []
        params: list[Any] = []
        if fingerprints is not None:
            where.append("fingerprint IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(fingerprints)))
        if reviewer is not None:
            where.append("reviewer = ?")
            params.append(reviewer)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        sql = (
            f"SELECT {', '.join(_FIELDS)} FROM verdicts WHERE id IN"
            f" (SELECT MAX(id) FROM verdicts{cond} GROUP BY fingerprint, reviewer) ORDER BY id"
        )
        return {
            (v.fingerprint, v.reviewer): v for v in map(_verdict, self.conn.execute(sql, params))
        }

    def reviewers(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM reviewers ORDER BY name")]
