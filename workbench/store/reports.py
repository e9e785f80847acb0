"""SQL for reports: claims per event and group with each reviewer's current verdict, streamed.

Every query here takes the report's scope (an event, a group status, a reviewer) and returns rows
in a stable order, read through a cursor so a report of any size is written as it is read.
The *current* verdict of a reviewer on a claim is the reviewer's latest history entry for the
claim's fingerprint; a cleared one (verdict NULL) counts as no verdict.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.models import Claim, Suggestion
from workbench.store.base import StoreBase
from workbench.store.claims import _COLUMNS as SAVED_COLUMNS

# A claim row as one JSON object built by SQLite and parsed by pydantic (the fastest way found to
# turn 100k rows into Claims: about 7 us a claim): the claims table's columns as claims.py saves
# them, its JSON lists embedded as lists.
_JSON_LISTS = ("speaker_chain", "hedges")
_CLAIM_JSON = (
    "json_object('id', c.id, 'parent', c.parent_id, "
    + ", ".join(
        f"'{name}', json(c.\"{name}\")" if name in _JSON_LISTS else f"'{name}', c.\"{name}\""
        for name in SAVED_COLUMNS
    )
    + ")"
)
_SUGGESTION_JSON = (
    "CASE WHEN s.claim_id IS NULL THEN NULL ELSE json_object('claim_id', s.claim_id,"
    " 'verdict', s.verdict, 'reason', s.reason, 'origins', json(s.origins)) END"
)
# Conflicts first, then rising tolls, agreement, single claims.
STATUS_RANK = (
    "CASE g.status WHEN 'conflict' THEN 0 WHEN 'update' THEN 1 WHEN 'agree' THEN 2 ELSE 3 END"
)
# Latest entry per reviewer for the claim `c`; cleared ones dropped; ordered by reviewer name.
_VERDICTS = (
    "(SELECT json_group_array(json_array(reviewer, verdict, note, at)) FROM"
    " (SELECT reviewer, verdict, note, at FROM verdicts WHERE id IN"
    "   (SELECT MAX(id) FROM verdicts WHERE fingerprint = c.fingerprint{who} GROUP BY reviewer)"
    "  AND verdict IS NOT NULL ORDER BY reviewer))"
)
# Verdict history entry `v` is its reviewer's current, non-cleared verdict on the claim.
_IS_CURRENT = (
    "v.verdict IS NOT NULL AND v.id ="
    " (SELECT MAX(id) FROM verdicts WHERE fingerprint = v.fingerprint AND reviewer = v.reviewer)"
)
# Current non-cleared verdicts: (fingerprint, reviewer, verdict).
CURRENT = (
    "SELECT fingerprint, reviewer, verdict FROM verdicts WHERE id IN"
    " (SELECT MAX(id) FROM verdicts GROUP BY fingerprint, reviewer) AND verdict IS NOT NULL"
)


@dataclass(frozen=True, slots=True)
class ReviewerVerdict:
    """A reviewer's current verdict on a claim."""

    reviewer: str
    verdict: str
    note: str | None
    at: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    """The article a claim was found in, as reports name it."""

    id: int
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    external_id: str | None


@dataclass(frozen=True, slots=True)
class GroupRef:
    """The claim group a row belongs to."""

    id: int
    event_id: int
    kind: str
    label: str
    status: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim in one group (or in none), with its article, suggestion and verdicts."""

    event_id: int | None
    group: GroupRef | None
    claim: Claim
    article: SourceRef
    suggestion: Suggestion | None
    verdicts: tuple[ReviewerVerdict, ...]  # by reviewer name

    def verdict_of(self, reviewer: str) -> ReviewerVerdict | None:
        for v in self.verdicts:
            if v.reviewer == reviewer:
                return v
        return None


@dataclass(frozen=True)
class Scope:
    """What a report covers: one event, one group status, one reviewer; None means all."""

    event_id: int | None = None
    status: str | None = None
    reviewer: str | None = None


def claims_in_scope(scope: Scope) -> tuple[str, list[Any]]:
    """An SQL condition on claim `c` selecting the claims a report of `scope` covers."""
    if scope.status is not None:
        sql = (
            "c.id IN (SELECT gc.claim_id FROM group_claims gc JOIN claim_groups g"
            " ON g.id = gc.group_id WHERE g.status = ?"
        )
        params: list[Any] = [scope.status]
        if scope.event_id is not None:
            sql += " AND g.event_id = ?"
            params.append(scope.event_id)
        return sql + ")", params
    if scope.event_id is not None:
        return (
            "(c.id IN (SELECT gc.claim_id FROM group_claims gc JOIN claim_groups g"
            " ON g.id = gc.group_id WHERE g.event_id = ?) OR (c.article_id IN"
            " (SELECT article_id FROM event_articles WHERE event_id = ?) AND NOT EXISTS"
            " (SELECT 1 FROM group_claims WHERE claim_id = c.id)))",
            [scope.event_id, scope.event_id],
        )
    return "1", []


def _groups_in_scope(scope: Scope) -> tuple[str, list[Any]]:
    where: list[str] = ["1"]
    params: list[Any] = []
    if scope.event_id is not None:
        where.append("g.event_id = ?")
        params.append(scope.event_id)
    if scope.status is not None:
        where.append("g.status = ?")
        params.append(scope.status)
    return " AND ".join(where), params


def _list(raw: str | None) -> list[Any]:
    return [] if raw is None or raw == "[]" else json.loads(raw)


def _row(row: tuple[Any, ...]) -> ClaimRow:
    event_id, gid, gkind, glabel, gstatus, claim, aid, outlet, published, url, title = row[:11]
    external_id, suggestion, verdicts = row[11:]
    return ClaimRow(
        event_id=event_id,
        group=None if gid is None else GroupRef(gid, event_id, gkind, glabel, gstatus),
        claim=Claim.model_validate_json(claim),
        article=SourceRef(aid, outlet, published, url, title, external_id),
        suggestion=None if suggestion is None else Suggestion.model_validate_json(suggestion),
        verdicts=tuple(ReviewerVerdict(*v) for v in _list(verdicts)),
    )


class ReportQueries(StoreBase):
    def _row_select(self, scope: Scope, group_part: str) -> tuple[str, list[Any]]:
        who, params = (
            ("", []) if scope.reviewer is None else (" AND reviewer = ?", [scope.reviewer])
        )
        sql = (
            f"SELECT {group_part}, {_CLAIM_JSON},"
            " a.id, a.source, a.published, a.url, a.title, a.external_id,"
            f" {_SUGGESTION_JSON}, " + _VERDICTS.format(who=who)
        )
        return sql, params

    def iter_report_rows(
        self, scope: Scope, *, claim_ids: Sequence[int] | None = None
    ) -> Iterator[ClaimRow]:
        """Claims in groups, by event (date, id), group (conflicts first, id), then article date.

        A claim in two groups comes once per group. `claim_ids`: only these claims.
        """
        sql, params = self._row_select(scope, "g.event_id, g.id, g.kind, g.label, g.status")
        where, where_params = _groups_in_scope(scope)
        if claim_ids is not None:
            where += " AND c.id IN (SELECT value FROM json_each(?))"
            where_params.append(json.dumps(list(claim_ids)))
        sql = (
            f"{sql} FROM claim_groups g"
            " JOIN events e ON e.id = g.event_id"
            " JOIN group_claims gc ON gc.group_id = g.id"
            " JOIN claims c ON c.id = gc.claim_id"
            " JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN suggestions s ON s.claim_id = c.id"
            f" WHERE {where}"
            f" ORDER BY IFNULL(e.date_from, '9999'), e.id, {STATUS_RANK}, g.id,"
            " IFNULL(a.published_at, IFNULL(a.published, '9999')), a.id, c.start, c.id"
        )
        for row in self.conn.execute(sql, params + where_params):
            yield _row(row)

    def iter_ungrouped_rows(
        self, scope: Scope, *, claim_ids: Sequence[int] | None = None
    ) -> Iterator[ClaimRow]:
        """Claims in no group (not aligned yet), by article then position. None under a status."""
        if scope.status is not None:
            return
        sql, params = self._row_select(scope, "ea.event_id, NULL, NULL, NULL, NULL")
        where = "NOT EXISTS (SELECT 1 FROM group_claims WHERE claim_id = c.id)"
        if scope.event_id is not None:
            where += " AND ea.event_id = ?"
            params.append(scope.event_id)
        if claim_ids is not None:
            where += " AND c.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(claim_ids)))
        sql = (
            f"{sql} FROM claims c"
            " JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN event_articles ea ON ea.article_id = a.id"
            " LEFT JOIN suggestions s ON s.claim_id = c.id"
            f" WHERE {where} ORDER BY a.id, c.start, c.id"
        )
        for row in self.conn.execute(sql, params):
            yield _row(row)

    def iter_judgements(self, scope: Scope) -> Iterator[tuple[int, int | None, str, str]]:
        """(claim id, event id, reviewer, verdict) of every current verdict on claims in scope,
        by claim id then reviewer: what verdict counts and agreement between reviewers are
        computed from, in one pass. A claim's event is its article's."""
        cond, params = claims_in_scope(scope)
        if scope.reviewer is not None:
            cond += " AND v.reviewer = ?"
            params.append(scope.reviewer)
        sql = (
            f"WITH current AS ({CURRENT})"
            " SELECT c.id, ea.event_id, v.reviewer, v.verdict FROM current v"
            " JOIN claims c ON c.fingerprint = v.fingerprint"
            " LEFT JOIN event_articles ea ON ea.article_id = c.article_id"
            f" WHERE {cond} ORDER BY c.id, v.reviewer"
        )
        for cid, eid, reviewer, verdict in self.conn.execute(sql, params):
            yield int(cid), eid, reviewer, verdict

    def report_counts(self, scope: Scope) -> dict[str, Any]:
        """What a report's summary counts: articles, outlets, events, groups, claims, open
        conflicts, verdicts on claims no longer extracted (verdict counts: `iter_judgements`)."""
        cond, cparams = claims_in_scope(scope)
        gwhere, gparams = _groups_in_scope(scope)
        one = self._one
        if scope.status is not None:
            articles_sql = f"SELECT DISTINCT c.article_id FROM claims c WHERE {cond}"
            aparams = cparams
            events = one(
                f"SELECT COUNT(DISTINCT g.event_id) FROM claim_groups g WHERE {gwhere}", gparams
            )
        elif scope.event_id is not None:
            articles_sql = "SELECT article_id FROM event_articles WHERE event_id = ?"
            aparams = [scope.event_id]
            events = one("SELECT COUNT(*) FROM events WHERE id = ?", [scope.event_id])
        else:
            articles_sql, aparams = "SELECT id FROM articles", []
            events = one("SELECT COUNT(*) FROM events", [])
        articles, outlets = self.conn.execute(
            f"SELECT COUNT(*), COUNT(DISTINCT source) FROM articles WHERE id IN ({articles_sql})",
            aparams,
        ).fetchone()
        statuses = dict(
            self.conn.execute(
                f"SELECT g.status, COUNT(*) FROM claim_groups g WHERE {gwhere} GROUP BY g.status",
                gparams,
            ).fetchall()
        )
        claims = one(f"SELECT COUNT(*) FROM claims c WHERE {cond}", cparams)
        ungrouped = one(
            f"SELECT COUNT(*) FROM claims c WHERE {cond} AND NOT EXISTS"
            " (SELECT 1 FROM group_claims WHERE claim_id = c.id)",
            cparams,
        )
        who, wparams = (
            ("", []) if scope.reviewer is None else (" AND v.reviewer = ?", [scope.reviewer])
        )
        open_conflicts = one(
            f"SELECT COUNT(*) FROM claim_groups g WHERE {gwhere} AND g.status = 'conflict'"
            " AND EXISTS (SELECT 1 FROM group_claims gc JOIN claims c ON c.id = gc.claim_id"
            f"  WHERE gc.group_id = g.id AND NOT EXISTS (SELECT 1 FROM verdicts v"
            f"   WHERE v.fingerprint = c.fingerprint{who} AND {_IS_CURRENT}))",
            gparams + wparams,
        )
        orphans = one(
            "SELECT COUNT(*) FROM verdicts v WHERE NOT EXISTS"
            f" (SELECT 1 FROM claims WHERE fingerprint = v.fingerprint) AND {_IS_CURRENT}",
            [],
        )
        return {
            "articles": int(articles),
            "outlets": int(outlets),
            "events": events,
            "groups": {s: int(n) for s, n in statuses.items()},
            "claims": claims,
            "ungrouped_claims": ungrouped,
            "open_conflicts": open_conflicts,
            "orphan_verdicts": orphans,
        }

    def report_reviewers(self, scope: Scope) -> list[str]:
        """Reviewers with a current verdict on a claim in scope, by name."""
        cond, params = claims_in_scope(scope)
        if scope.reviewer is not None:
            cond += " AND v.reviewer = ?"
            params.append(scope.reviewer)
        return [
            name
            for (name,) in self.conn.execute(
                f"WITH current AS ({CURRENT}) SELECT DISTINCT v.reviewer FROM current v"
                f" JOIN claims c ON c.fingerprint = v.fingerprint WHERE {cond} ORDER BY v.reviewer",
                params,
            )
        ]

    def event_group_counts(self, scope: Scope) -> dict[int, dict[str, int]]:
        """Groups per status for each event in scope."""
        gwhere, gparams = _groups_in_scope(scope)
        counts: dict[int, dict[str, int]] = {}
        for eid, status, n in self.conn.execute(
            f"SELECT g.event_id, g.status, COUNT(*) FROM claim_groups g WHERE {gwhere}"
            " GROUP BY g.event_id, g.status",
            gparams,
        ):
            counts.setdefault(int(eid), {})[status] = int(n)
        return counts

    def iter_report_articles(self, scope: Scope) -> Iterator[SourceRef]:
        """The articles a report covers (see `report_counts`), by date then id."""
        if scope.status is not None:
            cond, params = claims_in_scope(scope)
            where = f"id IN (SELECT DISTINCT c.article_id FROM claims c WHERE {cond})"
        elif scope.event_id is not None:
            where = "id IN (SELECT article_id FROM event_articles WHERE event_id = ?)"
            params = [scope.event_id]
        else:
            where, params = "1", []
        for row in self.conn.execute(
            "SELECT id, source, published, url, title, external_id FROM articles"
            f" WHERE {where} ORDER BY IFNULL(published, '9999'), id",
            params,
        ):
            yield SourceRef(*row)

    def _one(self, sql: str, params: list[Any]) -> int:
        return int(self.conn.execute(sql, params).fetchone()[0])
