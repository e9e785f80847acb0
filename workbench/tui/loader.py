"""What the review screen asks the database for, each answer fetched in one trip to the store
thread: the events at start, one group with its claims, an event's groups, where to go next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workbench.store import Store
from workbench.store.review import EventSummary, GroupSummary, Progress, ReviewRow
from workbench.tui.data import StoreThread

# which claim of a group to highlight: a claim id, or a position
Pick = int | Literal["first", "last", "unreviewed", "last-unreviewed"]


@dataclass(frozen=True)
class GroupView:
    """A group, its event and its claims, as the screen shows them."""

    group: GroupSummary
    event: EventSummary
    rows: list[ReviewRow]


@dataclass(frozen=True)
class Everything:
    """The start (or a reload): the events, the groups of the events shown open, one group."""

    events: list[EventSummary]
    overall: Progress
    groups: dict[int, list[GroupSummary]] = field(default_factory=dict)
    group: GroupView | None = None


class Loader:
    """The review screen's queries for one reviewer, run in the store thread."""

    def __init__(self, data: StoreThread, reviewer: str) -> None:
        self.data = data
        self.reviewer = reviewer

    def _group_view(self, s: Store, group_id: int) -> GroupView | None:
        found = s.review_groups(None, self.reviewer, group_id=group_id)
        if not found:
            return None
        events = s.review_events(self.reviewer, ids=[found[0].event_id])
        if not events:
            return None
        return GroupView(found[0], events[0], s.group_rows(group_id, self.reviewer))

    def _everything(self, s: Store, filter: str, group_id: int | None) -> Everything:
        events = s.review_events(self.reviewer, filter=filter)
        if filter == "all":  # every event is listed: the overall count is their sum
            overall = Progress(
                judged=sum(e.progress.judged for e in events),
                total=sum(e.progress.total for e in events),
            )
        else:
            overall = s.review_progress(self.reviewer)
        if not events:
            return Everything(events, overall)
        event_id: int | None = None
        if group_id is not None:
            wanted = s.review_groups(None, self.reviewer, filter=filter, group_id=group_id)
            event_id = wanted[0].event_id if wanted else None
            if event_id not in {e.id for e in events}:
                group_id, event_id = None, None
        if event_id is None:
            event_id = events[0].id
        groups = s.review_groups(event_id, self.reviewer, filter=filter)
        if group_id is None and groups:
            group_id = groups[0].id
        view = self._group_view(s, group_id) if group_id is not None else None
        return Everything(events, overall, {event_id: groups}, view)

    async def everything(self, filter: str, group_id: int | None) -> Everything:
        return await self.data.run(lambda s: self._everything(s, filter, group_id))

    async def group(self, group_id: int) -> GroupView | None:
        return await self.data.run(lambda s: self._group_view(s, group_id))

    async def groups(self, event_id: int, filter: str) -> list[GroupSummary]:
        return await self.data.run(
            lambda s: s.review_groups(event_id, self.reviewer, filter=filter)
        )

    async def next_group(
        self, group_id: int | None, filter: str, *, forward: bool, unreviewed: bool = False
    ) -> GroupView | None:
        """The group after (or before) `group_id` that the filter keeps, in one trip; with
        `unreviewed`, the next one holding a claim not yet judged, going round at the end."""

        def find(s: Store) -> GroupView | None:
            place = s.adjacent_group(group_id, self.reviewer, forward=forward, filter=filter,
                                     unreviewed=unreviewed, wrap=unreviewed)  # fmt: skip
            return None if place is None else self._group_view(s, place[1])

        return await self.data.run(find)

    async def place_of(self, claim_id: int) -> tuple[int, int] | None:
        return (await self.data.run(lambda s: s.claim_groups_of([claim_id]))).get(claim_id)

    @staticmethod
    def pick_claim(rows: list[ReviewRow], pick: Pick) -> int | None:
        """The id of the claim to highlight among `rows`."""
        if not rows:
            return None
        if isinstance(pick, int):
            return pick
        if pick == "last":
            return rows[-1].claim.id
        if pick in ("unreviewed", "last-unreviewed"):
            todo = [r for r in rows if not r.judged] or rows
            return (todo[0] if pick == "unreviewed" else todo[-1]).claim.id
        return rows[0].claim.id
