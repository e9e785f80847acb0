"""SQL for what alignment builds: events, claim groups with their status history, suggestions."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from workbench.models import ClaimGroup, Event, Suggestion, VerdictName
from workbench.store.base import StoreBase, now

ALIGNMENT_CACHE_KIB = 64 * 1024  # SQLite page cache while alignment writes


def _dumped(cache: dict[tuple[str, ...], str], names: list[str]) -> str:
    """A JSON list of names, each distinct list encoded once per run (they repeat a great deal)."""
    key = tuple(names)
    found = cache.get(key)
    if found is None:
        found = cache[key] = json.dumps(names, ensure_ascii=False)
    return found


# A suggestion as a row: (claim id, verdict, reason, origins).
SuggestionRow = tuple[int, VerdictName, str, list[str]]


# A claim group as a row: (key, event key, kind, label, status, claim ids).
GroupRow = tuple[str, str, str, str, str, Sequence[int]]


class AlignmentWriter:
    """One alignment run's groups and suggestions, written as they come (see
    `AlignmentQueries.alignment_writer`). Groups are matched to the stored ones by key: one found
    again keeps its id, and a new status gets a new `status_changed_at` and a history entry;
    stored groups not found again are deleted by `finish`."""

    def __init__(self, conn: sqlite3.Connection, event_ids: dict[str, int], stamp: str) -> None:
        self.conn = conn
        self.event_ids = event_ids
        self.stamp = stamp
        self.old = {
            k: (int(i), s) for k, i, s in conn.execute("SELECT key, id, status FROM claim_groups")
        }
        self.seen: set[int] = set()
        self.changed = 0
        self.dumped: dict[tuple[str, ...], str] = {}
        conn.execute("DELETE FROM group_claims")
        conn.execute("DELETE FROM suggestions")

    def add(self, groups: Iterable[GroupRow], suggestions: Iterable[SuggestionRow]) -> None:
        """Write some of the run's groups and suggestions (any share; each group once a run)."""
        updates: list[tuple[Any, ...]] = []
        changed: list[int] = []  # groups found again with another status
        new: list[int] = []
        members: list[tuple[int, int]] = []
        for key, event_key, kind, label, status, claim_ids in groups:
            event_id = self.event_ids[event_key]
            if key in self.old:
                gid, old_status = self.old[key]
                updates.append((event_id, kind, label, status, gid))
                if old_status != status:
                    changed.append(gid)
            else:
                gid = int(
                    self.conn.execute(
                        "INSERT INTO claim_groups"
                        " (key, event_id, kind, label, status, status_changed_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (key, event_id, kind, label, status, self.stamp),
                    ).lastrowid
                    or 0
                )
                new.append(gid)
            self.seen.add(gid)
            members.extend((gid, c) for c in claim_ids)
        self.conn.executemany(
            "UPDATE claim_groups SET event_id = ?, kind = ?, label = ?, status = ? WHERE id = ?",
            updates,
        )
        self.changed += len(changed)
        self.conn.executemany(
            "UPDATE claim_groups SET status_changed_at = ? WHERE id = ?",
            [(self.stamp, g) for g in changed],
        )
        self.conn.executemany(  # a new status, and a new group's first one, go into the history
            "INSERT INTO group_status_history (group_id, status, changed_at)"
            " SELECT id, status, ? FROM claim_groups WHERE id = ?",
            [(self.stamp, g) for g in changed + new],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO group_claims (group_id, claim_id) VALUES (?, ?)",
            sorted(members),
        )
        self.conn.executemany(
            "INSERT INTO suggestions (claim_id, verdict, reason, origins, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            sorted(
                (claim_id, verdict, reason, _dumped(self.dumped, origins), self.stamp)
                for claim_id, verdict, reason, origins in suggestions
            ),
        )

    def finish(self) -> int:
        """Delete the stored groups not found again; how many found again changed status."""
        stale = [gid for gid, _ in self.old.values() if gid not in self.seen]
        self.conn.executemany("DELETE FROM claim_groups WHERE id = ?", [(i,) for i in stale])
        return self.changed


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
        with self.alignment_writer(events) as writer:
            writer.add(
                ((g.key, g.event_key, g.kind, g.label, g.status, g.claim_ids) for g in groups),
                ((s.claim_id, s.verdict, s.reason, s.origins) for s in suggestions),
            )
            return writer.finish()

    @contextmanager
    def alignment_writer(self, events: Sequence[Event]) -> Iterator[AlignmentWriter]:
        """Save `events` and take the run's groups and suggestions a share at a time
        (`AlignmentWriter.add`, then `finish`), inside a transaction of the caller's: what
        `save_alignment` does, without holding a whole run of a million suggestions at once."""
        # rows go in key order and the page cache is large for the run: at 100k articles the
        # default 2 MB cache turned these writes into random page reads (15 s instead of 3)
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{ALIGNMENT_CACHE_KIB}")
        try:
            stamp = now()
            yield AlignmentWriter(self.conn, self._save_events(events, stamp), stamp)
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")

    def _save_events(self, events: Sequence[Event], stamp: str) -> dict[str, int]:
        """Events matched by key (kept ids, new rows, stale ones deleted); key -> id."""
        old = {k: int(i) for k, i in self.conn.execute("SELECT key, id FROM events")}
        keep = {e.key for e in events}
        stale = [i for k, i in old.items() if k not in keep]
        self.conn.executemany("DELETE FROM events WHERE id = ?", [(i,) for i in stale])
        rows = [
            (e.label, e.date_from, e.date_to, json.dumps(e.places, ensure_ascii=False), e.key)
            for e in events
        ]
        self.conn.executemany(
            "UPDATE events SET label = ?, date_from = ?, date_to = ?, places = ? WHERE key = ?",
            [r for r in rows if r[-1] in old],
        )
        self.conn.executemany(
            "INSERT INTO events (label, date_from, date_to, places, key, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*r, stamp) for r in rows if r[-1] not in old],
        )
        ids = {k: int(i) for k, i in self.conn.execute("SELECT key, id FROM events")}
        self.conn.execute("DELETE FROM event_articles")
        self.conn.executemany(
            "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [(ids[e.key], a) for e in events for a in e.article_ids],
        )
        return ids

    def clear_alignment(self) -> None:
        """Forget every event, group, status history and suggestion (verdicts stay)."""
        self.conn.execute("DELETE FROM suggestions")
        self.conn.execute("DELETE FROM events")  # groups, members and history cascade

    def claim_rows(
        self, columns: Sequence[str], scopes: Sequence[str] | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Every claim (of `scopes`, when given) as a row of `columns` (claims table columns,
        plus "parent" for the parent's id and "parent_fingerprint" for its fingerprint), in id
        order, straight from SQLite: JSON lists as text, booleans as 0/1. What alignment reads, a
        million rows at a time."""
        special = {"id": "c.id", "parent": "c.parent_id", "parent_fingerprint": "p.fingerprint"}
        picked = ", ".join(special.get(name, f'c."{name}"') for name in columns)
        where = ""
        if scopes is not None:
            where = " WHERE c.scope IN (" + ", ".join("?" for _ in scopes) + ")"
        yield from self.conn.execute(
            f"SELECT {picked} FROM claims c LEFT JOIN claims p ON p.id = c.parent_id{where}"
            " ORDER BY c.id",
            tuple(scopes or ()),
        )

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
