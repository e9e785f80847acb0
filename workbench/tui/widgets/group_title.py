"""The line above the claims: the group's status, its question, its kind and its event."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.store.review import EventSummary, GroupSummary
from workbench.tui.text import literal, status_badge


class GroupTitle(Static):
    """One line; redrawn in place (its size never changes)."""

    def show(self, group: GroupSummary | None, event: EventSummary | None) -> None:
        if group is None or event is None:
            self.update(Text(""), layout=False)
            return
        self.update(
            Text.assemble(
                status_badge(group.status),
                " ",
                literal(group.label, "bold"),
                (f"  {group.kind}", "dim"),
                "  ",
                literal(event.label, "italic"),
            ),
            layout=False,
        )
