"""The review screen: events and groups on the left, a group's claims in the centre, the evidence
below, and the keys that record verdicts.

Every database call goes through the app's `StoreThread` from an async worker, so the screen keeps
drawing while SQLite works. Verdict keys act on the claim highlighted in the claims table, whatever
pane has the focus; the status line says "saved" only once the entry is committed.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Tree
from textual.worker import Worker, WorkerState

from workbench.review import ReviewError
from workbench.store import StoreError
from workbench.store.review import FILTERS, EventSummary, GroupSummary, Progress, ReviewRow
from workbench.tui.data import StoreThread
from workbench.tui.keys import REVIEW_KEYS
from workbench.tui.loader import GroupView, Loader, Pick
from workbench.tui.messages import Target
from workbench.tui.session import KEEP, Change, ReviewSession
from workbench.tui.text import verdict_text
from workbench.tui.widgets.claim_table import ClaimTable
from workbench.tui.widgets.event_tree import EventTree
from workbench.tui.widgets.evidence import Evidence
from workbench.tui.widgets.group_title import GroupTitle
from workbench.tui.widgets.review_header import ReviewHeader
from workbench.tui.widgets.status_line import StatusLine

ON_CLAIM = {"mark", "accept", "note", "open_article"}


def settle_memory(*, collect: bool) -> None:
    """Leave what is alive now (the loaded screen, the libraries) out of later garbage
    collections: a full collection over it takes tens of milliseconds, a stall a reviewer would
    feel in the middle of moving with j. After a reload, what the old screen held is collected
    first (the reviewer asked for the reload and waits for it anyway). Undone on exit.
    """
    gc.unfreeze()
    if collect:
        gc.collect()
    gc.freeze()


def bump(p: Progress, delta: int) -> Progress:
    return Progress(judged=max(0, min(p.total, p.judged + delta)), total=p.total)


class MainScreen(Screen[None]):
    """Review one group of claims at a time."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = REVIEW_KEYS

    def __init__(self, data: StoreThread, reviewer: str) -> None:
        super().__init__()
        self.data = data
        self.reviewer = reviewer
        self.session = ReviewSession(data, reviewer)
        self.loader = Loader(data, reviewer)
        self.filter = "all"
        self.group: GroupSummary | None = None
        self.event: EventSummary | None = None
        self.overall = Progress()
        self.ready = False
        self._keys_state: tuple[bool, ...] = ()
        self._table: ClaimTable | None = None  # found once (moving with j asks for them often)
        self._tree: EventTree | None = None
        self._evidence_for: ReviewRow | None = None  # the row whose evidence is (being) shown

    def compose(self) -> ComposeResult:
        yield ReviewHeader(self.reviewer, id="header")
        with Horizontal(id="panes"):
            yield EventTree(id="events")
            with Vertical(id="centre"):
                yield GroupTitle(id="group-title")
                yield ClaimTable(id="claims")
                yield Evidence(id="evidence")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def event_tree(self) -> EventTree:
        if self._tree is None:
            self._tree = self.query_one(EventTree)
        return self._tree

    @property
    def claim_table(self) -> ClaimTable:
        if self._table is None:
            self._table = self.query_one(ClaimTable)
        return self._table

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def current(self) -> ReviewRow | None:
        """The claim highlighted in the claims table (None while the screen is not built)."""
        return self._table.current if self._table is not None else None

    def on_mount(self) -> None:
        self.event_tree.loading = True
        self.claim_table.focus()
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    @work(exclusive=True, group="load", exit_on_error=False)
    async def reload(self, group_id: int | None = None, pick: Pick = "first") -> None:
        """Load the events (and the group to show) afresh; keeps the current group if it can."""
        if group_id is None and self.group is not None:
            group_id = self.group.id
            current = self.current
            pick = current.claim.id if current and current.claim.id is not None else "first"
        try:
            view = await self.loader.everything(self.filter, group_id)
        except Exception as e:  # noqa: BLE001 - shown as one line; the app keeps running
            self.status.say(f"cannot read the database: {e}")
            self.notify(str(e), title="Database", severity="error", markup=False)
            self.event_tree.loading = False
            return
        self.overall = view.overall
        self.event_tree.show_events(view.events)
        for event_id, groups in view.groups.items():
            self.event_tree.fill(event_id, groups)
        self.event_tree.loading = False
        if not self.ready:
            self.status.say(
                Text("? every key · / search · f filter · ] next claim to judge", "dim")
            )
        self.call_after_refresh(settle_memory, collect=self.ready)
        self.ready = True
        if view.group is None:
            self.show_group(None)
            self.status.say(
                "Nothing to review yet: no claim groups"
                " (run `workbench extract`, then `workbench align`)."
                if self.filter == "all"
                else f"No group matches the filter {self.filter!r} (press f)."
            )
            return
        self.show_group(view.group, pick)

    def show_group(self, view: GroupView | None, pick: Pick = "first") -> None:
        """Show a loaded group: the tree cursor on it, its claims, the evidence of one claim."""
        self.group = view.group if view else None
        self.event = view.event if view else None
        self.query_one(GroupTitle).show(self.group, self.event)
        self.query_one(ReviewHeader).set_progress(
            self.overall, view.event.progress if view else Progress()
        )
        if view is None:
            self.claim_table.show([], "")
            self.query_one(Evidence).show(None, None)
        else:
            self.event_tree.update_group(view.group)
            self.event_tree.update_event(view.event)
            node = self.event_tree.group_node(view.group.id)
            if node is not None:
                self.event_tree.go_to(node)
            claim_id = self.loader.pick_claim(view.rows, pick)
            self.claim_table.show(view.rows, view.group.kind, claim_id=claim_id)
            self.show_evidence()
        self.keys_may_have_changed()

    @work(exclusive=True, group="group", exit_on_error=False)
    async def open_group(self, group_id: int, pick: Pick = "first") -> None:
        """Show another group (filling its event in the tree first when needed)."""
        await self.present(await self.loader.group(group_id), pick)

    async def present(self, view: GroupView | None, pick: Pick) -> None:
        if view is None:
            self.status.say("That group is gone: press r to reload.")
            return
        tree = self.event_tree
        if tree.event_node(view.event.id) is not None and view.event.id not in tree.filled:
            tree.fill(view.event.id, await self.loader.groups(view.event.id, self.filter))
        if tree.group_node(view.group.id) is None:
            # the filter hides it: show everything, then the group
            self.filter = "all"
            self.query_one(ReviewHeader).set_filter(self.filter)
            self.reload(view.group.id, pick)
            return
        self.show_group(view, pick)

    @work(exclusive=True, group="event", exit_on_error=False)
    async def fill_event(self, event_id: int) -> None:
        groups = await self.loader.groups(event_id, self.filter)
        self.event_tree.fill(event_id, groups)

    def show_evidence(self, *, again: bool = False) -> None:
        """Show the highlighted claim's evidence (unless it is already shown or on its way)."""
        row = self.current
        if row is self._evidence_for and not again:
            return
        self._evidence_for = row
        self.load_evidence(row)

    @work(exclusive=True, group="evidence", exit_on_error=False)
    async def load_evidence(self, row: ReviewRow | None) -> None:
        article = await self.data.article(row.claim.article_id or 0) if row else None
        if row is self.current:
            self.query_one(Evidence).show(row, article)

    @on(Tree.NodeExpanded, "#events")
    def event_opened(self, message: Tree.NodeExpanded[Any]) -> None:
        data = message.node.data
        if isinstance(data, EventSummary) and data.id not in self.event_tree.filled:
            self.fill_event(data.id)

    @on(Tree.NodeHighlighted, "#events")
    def group_highlighted(self, message: Tree.NodeHighlighted[Any]) -> None:
        data = message.node.data
        if isinstance(data, GroupSummary) and (self.group is None or data.id != self.group.id):
            self.open_group(data.id)

    @on(DataTable.RowHighlighted, "#claims")
    def claim_highlighted(self) -> None:
        self.show_evidence()
        self.keys_may_have_changed()

    @on(DataTable.RowSelected, "#claims")
    def claim_selected(self) -> None:
        self.action_open_article()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed is one line on the status line and a notification; the app
        keeps running (workers here never end the app)."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = f"{event.worker.name}: {type(error).__name__}: {error}"
            if event.worker.group == "verdicts":
                self.status.not_saved(message)
            else:
                self.status.say(f"error: {message}")
            self.notify(message, title="Something went wrong", severity="error", markup=False)

    # -- verdicts ------------------------------------------------------------------------------

    def keys_may_have_changed(self) -> None:
        """Redraw the footer only when what `check_action` answers has changed. The answers
        depend on the group, not on the highlighted claim: a footer redraw costs more than moving
        the cursor, so moving from claim to claim must not cause one."""
        state = (self.current is not None, self.group_has_suggestions(),
                 self.session.can_undo, self.group is not None)  # fmt: skip
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def group_has_suggestions(self) -> bool:
        rows = self._table.rows_shown if self._table is not None else []
        return any(r.suggestion for r in rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ON_CLAIM and self.current is None:
            return False
        if action == "accept":
            return self.group_has_suggestions()
        if action == "undo":
            return self.session.can_undo
        if action in ("step", "unreviewed"):
            return self.group is not None
        return True

    def action_mark(self, verdict: str) -> None:
        row = self.current
        if row is None or row.claim.id is None:
            return
        if verdict == "clear" and not row.judged:
            self.status.say("You have no verdict on this claim to clear.")
            return
        self.record(row.claim.id, None if verdict == "clear" else verdict)

    def action_accept(self) -> None:
        row = self.current
        if row is None or row.claim.id is None:
            return
        if row.suggestion is None:
            self.status.say("No suggestion for this claim: nothing to accept.")
            return
        self.record(row.claim.id, row.suggestion.verdict)

    def action_note(self) -> None:
        from workbench.tui.screens.note import NoteScreen

        row = self.current
        if row is None or row.claim.id is None:
            return
        claim_id = row.claim.id

        def done(note: str | None) -> None:
            if note is not None:
                self.record(claim_id, KEEP, note=note.strip() or None)

        self.app.push_screen(NoteScreen(row, row.mine.note if row.mine else None), done)

    def action_undo(self) -> None:
        self.record_undo()

    @work(group="verdicts", exit_on_error=False)
    async def record(self, claim_id: int, verdict: Any, note: Any = KEEP) -> None:
        """Record a verdict change; the status line says saved only after the commit."""
        self.status.saving(f"claim {claim_id}")
        try:
            change = await self.session.record(claim_id, verdict, note=note)
        except (ReviewError, StoreError) as e:
            self.status.not_saved(str(e))
            self.notify(str(e), title="Verdict not saved", severity="error", markup=False)
            return
        self.changed(change, undo=False)

    @work(group="verdicts", exit_on_error=False)
    async def record_undo(self) -> None:
        self.status.saving("undo")
        try:
            change = await self.session.undo()
        except (ReviewError, StoreError) as e:
            self.status.not_saved(str(e))
            self.notify(str(e), title="Undo not saved", severity="error", markup=False)
            return
        if change is not None:
            self.changed(change, undo=True)
            if not any(r.claim.id == change.claim_id for r in self.claim_table.rows_shown):
                place = await self.loader.place_of(change.claim_id)
                if place is not None:
                    self.open_group(place[1], change.claim_id)

    def changed(self, change: Change, *, undo: bool) -> None:
        """Show a committed change: the row, the counts, and "saved"."""
        before = change.before is not None and change.before.verdict is not None
        after = change.after.verdict is not None
        delta = int(after) - int(before)
        self.overall = bump(self.overall, delta)
        for row in self.claim_table.rows_shown:
            if row.claim.id == change.claim_id:
                self.claim_table.replace_row(replace(row, mine=change.after))
                if self.group is not None and self.event is not None and delta:
                    self.group = replace(self.group, progress=bump(self.group.progress, delta))
                    self.event = replace(self.event, progress=bump(self.event.progress, delta))
                    self.event_tree.update_group(self.group)
                    self.event_tree.update_event(self.event)
        self.query_one(ReviewHeader).set_progress(
            self.overall, self.event.progress if self.event else None
        )
        what = Text(f"{'undone: ' if undo else ''}claim {change.claim_id} → ")
        what.append_text(verdict_text(change.after.verdict))
        if change.after.note:
            what.append(" with a note", style="dim")
        what.append(f"  {change.after.at[11:19]} UTC", style="dim")
        self.status.saved(what)
        if (change.before.note if change.before else None) != change.after.note:
            self.show_evidence(again=True)  # the evidence shows the reviewer's note
        self.keys_may_have_changed()

    # -- moving --------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """j/k: the next or previous claim, into the next or previous group at the ends."""
        table = self.claim_table
        row = table.cursor_row + delta
        if 0 <= row < table.row_count:
            table.move_cursor(row=row, animate=False)
        elif self.group is not None:
            self.step_group(delta > 0)

    @work(exclusive=True, group="group", exit_on_error=False)
    async def step_group(self, forward: bool) -> None:
        if self.group is None:
            return
        view = await self.loader.next_group(self.group.id, self.filter, forward=forward)
        if view is None:
            self.status.say("This is the last group." if forward else "This is the first group.")
            return
        await self.present(view, "first" if forward else "last")

    def action_unreviewed(self, forward: bool) -> None:
        """] and [: the next or previous claim this reviewer has not judged."""
        rows = self.claim_table.rows_shown
        here = self.claim_table.cursor_row
        order = range(here + 1, len(rows)) if forward else range(here - 1, -1, -1)
        for i in order:
            if not rows[i].judged:
                self.claim_table.move_cursor(row=i, animate=False)
                return
        self.find_unreviewed(forward)

    @work(exclusive=True, group="group", exit_on_error=False)
    async def find_unreviewed(self, forward: bool) -> None:
        gid = self.group.id if self.group else None
        view = await self.loader.next_group(gid, self.filter, forward=forward, unreviewed=True)
        if view is None:
            self.status.say(f"No claim left that you have not judged (filter: {self.filter}).")
            return
        await self.present(view, "unreviewed" if forward else "last-unreviewed")

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.query_one(ReviewHeader).set_filter(self.filter)
        self.status.say(f"filter: {self.filter}")
        self.reload()

    def action_refresh(self) -> None:
        self.status.say("reloaded")
        self.reload()

    # -- other screens -------------------------------------------------------------------------

    def action_open_article(self) -> None:
        from workbench.tui.screens.article import ArticleScreen

        row = self.current
        if row is not None and row.claim.article_id is not None:
            self.app.push_screen(ArticleScreen(self.data, row.claim.article_id, row.claim))

    def action_search(self) -> None:
        from workbench.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.data), self.go_to_target)

    def go_to_target(self, target: Target | None) -> None:
        from workbench.tui.screens.article import ArticleScreen

        if target is None:
            return
        if target.claim_id is not None:
            self.jump_to_claim(target.claim_id)
        elif target.article_id is not None:
            self.app.push_screen(ArticleScreen(self.data, target.article_id, None))

    @work(exclusive=True, group="group", exit_on_error=False)
    async def jump_to_claim(self, claim_id: int) -> None:
        place = await self.loader.place_of(claim_id)
        if place is None:
            self.notify(f"claim {claim_id} is in no group yet", severity="warning", markup=False)
            return
        await self.present(await self.loader.group(place[1]), claim_id)

    def action_export(self) -> None:
        from workbench.tui.screens.export import ExportScreen

        event_id = self.event.id if self.event else None
        self.app.push_screen(ExportScreen(self.data.path, self.reviewer, event_id))
