"""The events on the left, each with its claim groups: status badges and this reviewer's progress.

Only the events are added at first; an event's groups are added when its node first opens (the
screen loads them and calls `fill`). Labels are cut to the tree's width so the badge and the
judged count ("3/7") always show.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from workbench.store.review import EventSummary, GroupSummary, Progress
from workbench.tui.text import literal, status_badge

NodeData = EventSummary | GroupSummary
NARROW = 34  # below this width badges are signs and event dates are left out
LEADING_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\S*\s*")


def progress_text(p: Progress) -> Text:
    done = p.total > 0 and p.judged >= p.total
    style = "green" if done else ("yellow" if p.judged else "dim")
    return Text(f"{p.judged}/{p.total}", style=style, no_wrap=True)


def event_label(e: EventSummary, width: int) -> Text:
    suffix = Text(no_wrap=True, end="")
    if e.conflicts:
        suffix.append(f" !{e.conflicts}", style="bold red")
    suffix.append(" ")
    suffix.append_text(progress_text(e.progress))
    label = e.label
    if width < NARROW:  # no room for dates: the group's own are in the claims table
        day = ""
        label = LEADING_DATE.sub("", label) or label
    else:
        day = "" if (e.date_from or "") in label else (e.date_from or "")
    head = Text(f"{day} " if day else "", style="dim", no_wrap=True, end="")
    room = max(4, width - head.cell_len - suffix.cell_len)
    return Text.assemble(head, literal(label, "bold", width=room), suffix)


def group_label(g: GroupSummary, width: int) -> Text:
    badge = status_badge(g.status, short=width < NARROW)
    progress = progress_text(g.progress)
    room = max(4, width - badge.cell_len - progress.cell_len - 2)
    return Text.assemble(badge, " ", literal(g.label, width=room), " ", progress)


class EventTree(Tree[NodeData]):
    """Events and their claim groups; a node's `data` is its EventSummary or GroupSummary."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("events", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = True
        self._events: dict[int, TreeNode[NodeData]] = {}
        self._groups: dict[int, TreeNode[NodeData]] = {}
        self.filled: set[int] = set()

    @property
    def label_width(self) -> int:
        return max(12, (self.scrollable_content_region.width or 30) - 1)

    def show_events(self, events: list[EventSummary]) -> None:
        self.clear()
        self._events.clear()
        self._groups.clear()
        self.filled.clear()
        for e in events:
            assert e.id is not None
            self._events[e.id] = self.root.add(
                event_label(e, self.label_width - 2), data=e, allow_expand=True
            )

    def fill(self, event_id: int, groups: list[GroupSummary]) -> None:
        """Put an event's groups under it (replacing any shown)."""
        node = self._events.get(event_id)
        if node is None:
            return
        for child in node.children:
            if isinstance(child.data, GroupSummary):
                self._groups.pop(child.data.id, None)
        node.remove_children()
        for g in groups:
            self._groups[g.id] = node.add_leaf(group_label(g, self.label_width - 4), data=g)
        self.filled.add(event_id)

    def event_node(self, event_id: int) -> TreeNode[NodeData] | None:
        return self._events.get(event_id)

    def group_node(self, group_id: int) -> TreeNode[NodeData] | None:
        return self._groups.get(group_id)

    def go_to(self, node: TreeNode[NodeData]) -> None:
        """Put the cursor on `node` (its parent opened), scrolled into view."""
        if node.parent is not None and not node.parent.is_root and not node.parent.is_expanded:
            node.parent.expand()
        _ = self.last_line  # lays the lines out if nodes were added, so `node` has its line
        self.move_cursor(node)

    def get_label_width(self, node: TreeNode[NodeData]) -> int:
        """The label's width without drawing it (the tree asks for every line it lays out)."""
        label = node.label
        width = label.cell_len if isinstance(label, Text) else len(str(label))
        return width + (len(self.ICON_NODE) if node.allow_expand else 0)

    def update_event(self, e: EventSummary) -> None:
        node = self._events.get(e.id)
        if node is not None:
            node.data = e
            node.set_label(event_label(e, self.label_width - 2))

    def update_group(self, g: GroupSummary) -> None:
        node = self._groups.get(g.id)
        if node is not None:
            node.data = g
            node.set_label(group_label(g, self.label_width - 4))

    def on_resize(self) -> None:
        for node in self._events.values():
            if isinstance(node.data, EventSummary):
                node.set_label(event_label(node.data, self.label_width - 2))
        for node in self._groups.values():
            if isinstance(node.data, GroupSummary):
                node.set_label(group_label(node.data, self.label_width - 4))
