"""SQL for what alignment builds: events, claim groups with their status history, suggestions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from workbench.models import ClaimGroup, Event, Suggestion
from workbench.store.base import StoreBase, now


class AlignmentQueries(StoreBase):
    def save_alignment(
        self,
        events: Sequence[Event],
        groups: Sequence[ClaimGroup],
        suggestions: Iterable[Suggestion],
    ) -> int:
        """Replace the alignment with this one, in one transaction of the caller's.

        Events and groups are matched to the stored ones by `key`: one found again keeps its id;
        a group whose status changed gets a new `status_changed_at` and a history entry. Events
        and groups not found again are deleted. Groups name their event by `event_key`.
        Suggestions are replaced; verdicts are never touched. Returns how many groups found
        again changed status.
        """
        changed = 0
        stamp = now()
        old_events = {k: int(i) for k, i in self.conn.execute("SELECT key, id FROM events")}
        event_ids: dict[str, int] = {}
        for event in events:
            places = json.dumps(event.places, ensure_ascii=False)
            if event.key in old_events:
                eid = old_events[event.key]
                self.conn.execute(
                    "UPDATE events SET label = ?, date_from = ?, date_to = ?, places = ?"
                    " WHERE id = ?",
                    (event.label, event.date_from, event.date_to, places, eid),
                )
            else:
                cursor = self.conn.execute(
                    "INSERT INTO events (key, label, date_from, date_to, places, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (event.key, event.label, event.date_from, event.date_to, places, stamp),
                )
                assert cursor.lastrowid is not None
                eid = int(cursor.lastrowid)
            event_ids[event.key] = eid
        stale = [i for k, i in old_events.items() if k not in event_ids]
        self.conn.executemany("DELETE FROM events WHERE id = ?", [(i,) for i in stale])
        self.conn.execute("DELETE FROM event_articles")
        self.conn.executemany(
            "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [(event_ids[e.key], a) for e in events for a in e.article_ids],
        )

        old_groups = {
            k: (int(i), s)
            for k, i, s in self.conn.execute("SELECT key, id, status FROM claim_groups")
        }
        group_ids: set[int] = set()
        for group in groups:
            eid = event_ids[group.event_key]
            if group.key in old_groups:
                gid, old_status = old_groups[group.key]
                self.conn.execute(
                    "UPDATE claim_groups SET event_id = ?, kind = ?, label = ?, status = ?"
                    " WHERE id = ?",
                    (eid, group.kind, group.label, group.status, gid),
                )
                if old_status != group.status:
                    changed += 1
                    self.conn.execute(
                        "UPDATE claim_groups SET status_changed_at = ? WHERE id = ?", (stamp, gid)
                    )
                    self._group_status_changed(gid, group.status, stamp)
            else:
                cursor = self.conn.execute(
                    "INSERT INTO claim_groups (key, event_id, kind, label, status,"
                    " status_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (group.key, eid, group.kind, group.label, group.status, stamp),
                )
                assert cursor.lastrowid is not None
                gid = int(cursor.lastrowid)
                self._group_status_changed(gid, group.status, stamp)
            group_ids.add(gid)
            self.conn.execute("DELETE FROM group_claims WHERE group_id = ?", (gid,))
            self.conn.executemany(
                "INSERT OR IGNORE INTO group_claims (group_id, claim_id) VALUES (?, ?)",
                [(gid, c) for c in group.claim_ids],
            )
        stale = [gid for gid, _ in old_groups.values() if gid not in group_ids]
        self.conn.executemany("DELETE FROM claim_groups WHERE id = ?", [(i,) for i in stale])

        self.conn.execute("DELETE FROM suggestions")
        self.conn.executemany(
            "INSERT INTO suggestions (claim_id, verdict, reason, origins, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                (s.claim_id, s.verdict, s.reason, json.dumps(s.origins, ensure_ascii=False), stamp)
                for s in suggestions
            ),
        )
        return changed

    def clear_alignment(self) -> None:
        """Forget every event, group, status history and suggestion (verdicts stay)."""
        self.conn.execute("DELETE FROM suggestions")
        self.conn.execute("DELETE FROM events")  # groups, members and history cascade

    def event_members(self) -> dict[str, list[int]]:
        """Stored event key -> its article ids (what re-alignment matches new events against)."""
        members: dict[str, list[int]] = {}
        for key, aid in self.conn.execute(
            "SELECT e.key, a.article_id FROM events e JOIN event_articles a ON a.event_id = e.id"
            " ORDER BY e.id, a.article_id"
        ):
            members.setdefault(key, []).append(int(aid))
        return members

    def article_heads(self, lead_chars: int = 400) -> Iterator[dict[str, Any]]:
        """Every article's id, outlet, title, dates, text hash and first `lead_chars` of text."""
        cursor = self.conn.execute(
            "SELECT id, source, title, substr(text, 1, ?) AS lead, published, published_at,"
            " sha256 FROM articles ORDER BY id",
            (lead_chars,),
        )
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def _group_status_changed(self, group_id: int, status: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO group_status_history (group_id, status, changed_at) VALUES (?, ?, ?)",
            (group_id, status, stamp),
        )

    def events(self, *, ids: Sequence[int] | None = None) -> list[Event]:
        """Events by first date, then id, each with its article ids."""
        return list(self.iter_events(ids=ids))

    def iter_events(
        self, *, ids: Sequence[int] | None = None, by_id: bool = False
    ) -> Iterator[Event]:
        """Events one at a time, by first date then id (`by_id`: by id), with article ids."""
        sql = (
            "SELECT id, key, label, date_from, date_to, places,"
            " (SELECT json_group_array(article_id) FROM (SELECT article_id FROM event_articles"
            "   WHERE event_id = events.id ORDER BY article_id))"
            " FROM events"
        )
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        sql += " ORDER BY id" if by_id else " ORDER BY IFNULL(date_from, '9999'), id"
        for eid, key, label, dfrom, dto, places, members in self.conn.execute(sql, params):
            yield Event(
                id=eid,
                key=key,
                label=label,
                date_from=dfrom,
                date_to=dto,
                places=json.loads(places or "[]"),
                article_ids=json.loads(members or "[]"),
            )

    def groups(self, *, event_id: int | None = None, status: str | None = None) -> list[ClaimGroup]:
        """Claim groups by event, then id, each with its claim ids."""
        return list(self.iter_groups(event_id=event_id, status=status))

    def iter_groups(
        self, *, event_id: int | None = None, status: str | None = None
    ) -> Iterator[ClaimGroup]:
        """Claim groups one at a time, by event then id, each with its claim ids."""
        where: list[str] = []
        params: list[Any] = []
        if event_id is not None:
            where.append("g.event_id = ?")
            params.append(event_id)
        if status is not None:
            where.append("g.status = ?")
            params.append(status)
        sql = (
            "SELECT g.id, g.key, g.event_id, e.key, g.kind, g.label, g.status,"
            " g.status_changed_at,"
            " (SELECT json_group_array(claim_id) FROM"
            "   (SELECT claim_id FROM group_claims WHERE group_id = g.id ORDER BY claim_id))"
            " FROM claim_groups g JOIN events e ON e.id = g.event_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY g.event_id, g.id"
        for gid, key, eid, ekey, kind, label, status_, changed, claim_ids in self.conn.execute(
            sql, params
        ):
            yield ClaimGroup(
                id=gid,
                key=key,
                event_id=eid,
                event_key=ekey,
                kind=kind,
                label=label,
                status=status_,
                status_changed_at=changed,
                claim_ids=json.loads(claim_ids or "[]"),
            )

    def group_status_history(self, group_id: int) -> list[tuple[str, str]]:
        """(status, changed_at) for a group, oldest first."""
        return [
            (s, t)
            for s, t in self.conn.execute(
                "SELECT status, changed_at FROM group_status_history WHERE group_id = ?"
                " ORDER BY id",
                (group_id,),
            )
        ]

    def suggestions(self, claim_ids: Iterable[int] | None = None) -> dict[int, Suggestion]:
        return {s.claim_id: s for s in self.iter_suggestions(claim_ids)}

    def iter_suggestions(self, claim_ids: Iterable[int] | None = None) -> Iterator[Suggestion]:
        """Suggestions one at a time, by claim id."""
        sql = "SELECT claim_id, verdict, reason, origins FROM suggestions"
        params: list[Any] = []
        if claim_ids is not None:
            sql += " WHERE claim_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(claim_ids)))
        for cid, verdict, reason, origins in self.conn.execute(sql + " ORDER BY claim_id", params):
            yield Suggestion(
                claim_id=cid, verdict=verdict, reason=reason, origins=json.loads(origins or "[]")
            )
