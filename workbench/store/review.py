"""SQL for the review UI: events and groups with a reviewer's progress, a group's claims in context.

Every query here reads; verdicts are written only by `workbench.review.mark`. A claim counts as
judged by a reviewer when that reviewer's latest verdict entry for its fingerprint has a verdict
(a cleared one does not count). Groups are ordered the way the UI lists them: events by first date
then id, groups by id within their event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.models import Article, Claim, Suggestion, Verdict
from workbench.store.base import StoreBase
from workbench.store.claims import _SELECT as _CLAIM_SELECT
from workbench.store.claims import claim_from_row
from workbench.store.verdicts import _FIELDS as _VERDICT_COLUMNS
from workbench.store.verdicts import _verdict

FILTERS: tuple[str, ...] = ("all", "conflicts", "unreviewed", "mine")

# the reviewer's latest verdict on claim `c` (NULL when none, or cleared); one index probe
_LATEST = (
    "(SELECT v.verdict FROM verdicts v WHERE v.fingerprint = c.fingerprint AND v.reviewer = :who"
    " ORDER BY v.id DESC LIMIT 1)"
)
_GROUP_FILTER = {
    "all": "1",
    "conflicts": "g.status = 'conflict'",
    "unreviewed": "EXISTS (SELECT 1 FROM group_claims gc JOIN claims c ON c.id = gc.claim_id"
    f" WHERE gc.group_id = g.id AND {_LATEST} IS NULL)",
    "mine": "EXISTS (SELECT 1 FROM group_claims gc JOIN claims c ON c.id = gc.claim_id"
    f" WHERE gc.group_id = g.id AND {_LATEST} IS NOT NULL)",
}
_GROUP_ORDER = "IFNULL(e.date_from, '9999'), e.id, g.id"
_VERDICT_FIELDS = ", ".join(_VERDICT_COLUMNS)


@dataclass(frozen=True)
class Progress:
    """How many of `total` claims a reviewer has judged."""

    judged: int = 0
    total: int = 0


@dataclass(frozen=True)
class EventSummary:
    """An event as the review tree lists it."""

    id: int
    label: str
    date_from: str | None
    date_to: str | None
    conflicts: int
    progress: Progress


@dataclass(frozen=True)
class GroupSummary:
    """A claim group as the review tree lists it."""

    id: int
    event_id: int
    kind: str
    label: str
    status: str
    progress: Progress


@dataclass(frozen=True)
class ReviewRow:
    """One claim of a group with its article's outlet and date and everyone's verdicts."""

    claim: Claim
    outlet: str | None
    title: str | None
    published: str | None  # the article's date and time when known, else its date
    suggestion: Suggestion | None
    mine: Verdict | None  # this reviewer's latest entry (its verdict is None once cleared)
    others: tuple[Verdict, ...] = field(default_factory=tuple)  # other reviewers' latest

    @property
    def judged(self) -> bool:
        return self.mine is not None and self.mine.verdict is not None


def _check_filter(name: str) -> str:
    if name not in _GROUP_FILTER:
        raise ValueError(f"unknown filter {name!r} (expected {', '.join(FILTERS)})")
    return _GROUP_FILTER[name]


class ReviewQueries(StoreBase):
    if TYPE_CHECKING:  # from AlignmentQueries, which `Store` also has

        def suggestions(self, claim_ids: Iterable[int] | None = None) -> dict[int, Suggestion]: ...

    def _event_progress(
        self, reviewer: str, event_ids: Sequence[int] | None
    ) -> dict[int, Progress]:
        """Per event: claims in its groups, and how many of them `reviewer` has judged.

        Totals come from the group membership alone; judged counts start from the reviewer's
        latest verdicts, so both stay quick however many claims there are.
        """
        params: dict[str, Any] = {"who": reviewer, "ids": json.dumps(list(event_ids or []))}
        only = (
            " AND g.event_id IN (SELECT value FROM json_each(:ids))"
            if event_ids is not None
            else ""
        )
        totals = self.conn.execute(
            "SELECT g.event_id, COUNT(DISTINCT gc.claim_id) FROM claim_groups g"
            f" JOIN group_claims gc ON gc.group_id = g.id WHERE 1{only} GROUP BY g.event_id",
            params,
        ).fetchall()
        judged = dict(
            self.conn.execute(
                "SELECT g.event_id, COUNT(DISTINCT c.id) FROM verdicts v"
                " JOIN claims c ON c.fingerprint = v.fingerprint"
                " JOIN group_claims gc ON gc.claim_id = c.id"
                " JOIN claim_groups g ON g.id = gc.group_id"
                " WHERE v.id IN (SELECT MAX(id) FROM verdicts WHERE reviewer = :who"
                f" GROUP BY fingerprint) AND v.verdict IS NOT NULL{only} GROUP BY g.event_id",
                params,
            ).fetchall()
        )
        return {
            int(eid): Progress(judged=int(judged.get(eid, 0)), total=int(total))
            for eid, total in totals
        }

    def review_progress(self, reviewer: str, *, event_id: int | None = None) -> Progress:
        """Claims in groups (of one event, or all) and how many `reviewer` has judged."""
        found = self._event_progress(reviewer, None if event_id is None else [event_id])
        return Progress(
            judged=sum(p.judged for p in found.values()),
            total=sum(p.total for p in found.values()),
        )

    def review_events(
        self, reviewer: str, *, filter: str = "all", ids: Sequence[int] | None = None
    ) -> list[EventSummary]:
        """Events having a group the filter keeps (of `ids` if given), with their number of
        conflicts and the reviewer's progress."""
        cond = _check_filter(filter)
        params: dict[str, Any] = {"who": reviewer, "ids": json.dumps(list(ids or []))}
        only = " AND g.event_id IN (SELECT value FROM json_each(:ids))" if ids is not None else ""
        progress = self._event_progress(reviewer, ids)
        rows = self.conn.execute(
            "SELECT e.id, e.label, e.date_from, e.date_to,"
            " (SELECT COUNT(*) FROM claim_groups g WHERE g.event_id = e.id"
            "  AND g.status = 'conflict')"
            " FROM events e WHERE EXISTS"
            f" (SELECT 1 FROM claim_groups g WHERE g.event_id = e.id AND {cond}{only})"
            + (" AND e.id IN (SELECT value FROM json_each(:ids))" if ids is not None else "")
            + " ORDER BY IFNULL(e.date_from, '9999'), e.id",
            params,
        )
        return [
            EventSummary(
                id=int(eid),
                label=label,
                date_from=dfrom,
                date_to=dto,
                conflicts=int(conflicts),
                progress=progress.get(int(eid), Progress()),
            )
            for eid, label, dfrom, dto, conflicts in rows
        ]

    def review_groups(
        self,
        event_id: int | None,
        reviewer: str,
        *,
        filter: str = "all",
        group_id: int | None = None,
    ) -> list[GroupSummary]:
        """An event's groups the filter keeps (or just group `group_id`), in order, with the
        reviewer's progress."""
        cond = _check_filter(filter)
        where = "g.event_id = :event" if group_id is None else "g.id = :group"
        rows = self.conn.execute(
            "SELECT g.id, g.event_id, g.kind, g.label, g.status,"
            " (SELECT COUNT(*) FROM group_claims gc WHERE gc.group_id = g.id),"
            " (SELECT COUNT(*) FROM group_claims gc JOIN claims c ON c.id = gc.claim_id"
            f"  WHERE gc.group_id = g.id AND {_LATEST} IS NOT NULL)"
            " FROM claim_groups g JOIN events e ON e.id = g.event_id"
            f" WHERE {where} AND {cond} ORDER BY {_GROUP_ORDER}",
            {"who": reviewer, "event": event_id, "group": group_id},
        )
        return [
            GroupSummary(
                id=int(gid),
                event_id=int(eid),
                kind=kind,
                label=label,
                status=status,
                progress=Progress(judged=int(judged), total=int(total)),
            )
            for gid, eid, kind, label, status, total, judged in rows
        ]

    def group_rows(self, group_id: int, reviewer: str) -> list[ReviewRow]:
        """The group's claims in publication order, each with its article and verdicts."""
        when = "IFNULL(a.published_at, a.published)"
        cursor = self.conn.execute(
            _CLAIM_SELECT.replace(" FROM claims c", f", a.source, a.title, {when} FROM claims c")
            + " JOIN articles a ON a.id = c.article_id"
            " WHERE c.id IN (SELECT claim_id FROM group_claims WHERE group_id = ?)"
            f" ORDER BY IFNULL({when}, '9999'), a.id, c.start, c.id",
            (group_id,),
        )
        found = [(claim_from_row(row[:-3]), row[-3:]) for row in cursor]
        claims = [c for c, _ in found]
        suggestions = self.suggestions(c.id for c in claims if c.id is not None)
        latest: dict[str, list[Verdict]] = {}
        if claims:
            for row in self.conn.execute(
                f"SELECT {_VERDICT_FIELDS} FROM verdicts WHERE id IN (SELECT MAX(id) FROM verdicts"
                " WHERE fingerprint IN (SELECT value FROM json_each(?))"
                " GROUP BY fingerprint, reviewer) ORDER BY reviewer",
                (json.dumps([c.fingerprint for c in claims]),),
            ):
                v = _verdict(row)
                latest.setdefault(v.fingerprint, []).append(v)
        rows: list[ReviewRow] = []
        for claim, (outlet, title, published) in found:
            verdicts = latest.get(claim.fingerprint, [])
            rows.append(
                ReviewRow(
                    claim=claim,
                    outlet=outlet,
                    title=title,
                    published=published,
                    suggestion=suggestions.get(claim.id or 0),
                    mine=next((v for v in verdicts if v.reviewer == reviewer), None),
                    others=tuple(
                        v
                        for v in verdicts
                        if v.reviewer != reviewer and (v.verdict is not None or v.note)
                    ),
                )
            )
        return rows

    def get_article(self, article_id: int) -> Article | None:
        row = self.conn.execute(
            "SELECT id, external_id, source, title, published, published_at, url, sha256, text,"
            " metadata, file, record, encoding FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        names = (
            "id external_id source title published published_at url sha256 text metadata"
            " file record encoding"
        ).split()
        data = dict(zip(names, row, strict=True))
        data["metadata"] = json.loads(data["metadata"] or "{}")
        return Article(**data)

    def claim_groups_of(self, claim_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """For each claim that is in a group: (event id, group id) of its first group."""
        found: dict[int, tuple[int, int]] = {}
        for cid, eid, gid in self.conn.execute(
            "SELECT gc.claim_id, g.event_id, g.id FROM group_claims gc"
            " JOIN claim_groups g ON g.id = gc.group_id"
            " WHERE gc.claim_id IN (SELECT value FROM json_each(?)) ORDER BY g.id",
            (json.dumps(list(claim_ids)),),
        ):
            found.setdefault(int(cid), (int(eid), int(gid)))
        return found

    def adjacent_group(
        self,
        group_id: int | None,
        reviewer: str,
        *,
        forward: bool = True,
        filter: str = "all",
        unreviewed: bool = False,
        wrap: bool = False,
    ) -> tuple[int, int] | None:
        """(event id, group id) of the next (or previous) group in list order the filter keeps.

        `group_id` None starts from the beginning (or end). `unreviewed` wants a group holding a
        claim the reviewer has not judged; `wrap` goes round to the other end when none follows.
        Looks in the group's own event first, then event by event: no sort of every group.
        """
        cond = _check_filter(filter)
        if unreviewed:
            cond += " AND " + _GROUP_FILTER["unreviewed"]
        way, op = ("ASC", ">") if forward else ("DESC", "<")
        first_group = (
            f"SELECT g.id FROM claim_groups g WHERE g.event_id = :event AND {cond}"
            f" AND (:after IS NULL OR g.id {op} :after) ORDER BY g.id {way} LIMIT 1"
        )

        def group_in(event_id: int, after: int | None = None) -> tuple[int, int] | None:
            row = self.conn.execute(
                first_group, {"who": reviewer, "event": event_id, "after": after}
            ).fetchone()
            return None if row is None else (event_id, int(row[0]))

        order = f"ORDER BY IFNULL(date_from, '9999') {way}, id {way}"
        if group_id is not None:
            pos = self.conn.execute(
                "SELECT IFNULL(e.date_from, '9999'), e.id FROM claim_groups g"
                " JOIN events e ON e.id = g.event_id WHERE g.id = ?",
                (group_id,),
            ).fetchone()
            if pos is not None:
                found = group_in(int(pos[1]), group_id)
                if found is not None:
                    return found
                later = self.conn.execute(
                    f"SELECT id FROM events WHERE (IFNULL(date_from, '9999'), id) {op} (?, ?)"
                    f" {order}",
                    (pos[0], pos[1]),
                ).fetchall()
                for (event_id,) in later:
                    found = group_in(int(event_id))
                    if found is not None:
                        return found
                if not wrap:
                    return None
        for (event_id,) in self.conn.execute(f"SELECT id FROM events {order}").fetchall():
            found = group_in(int(event_id))
            if found is not None:
                return found
        return None

    def iter_verdict_entries(self) -> Iterator[Verdict]:
        """The whole verdict history in id order, streamed."""
        for row in self.conn.execute(f"SELECT {_VERDICT_FIELDS} FROM verdicts ORDER BY id"):
            yield _verdict(row)

    def article_briefs(
        self, article_ids: Sequence[int]
    ) -> dict[int, tuple[str | None, str | None]]:
        """(outlet, date) of each article."""
        return {
            int(aid): (source, published)
            for aid, source, published in self.conn.execute(
                "SELECT id, source, IFNULL(published_at, published) FROM articles"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(article_ids)),),
            )
        }
