"""The top line: who is reviewing, how much they have judged, and the filter in force."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.store.review import Progress
from workbench.tui.text import literal


class ReviewHeader(Static):
    """ "claim-workbench · ana · judged 5/16 · this event 3/12 · filter: all"."""

    def __init__(self, reviewer: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.reviewer = reviewer
        self.overall = Progress()
        self.event = Progress()
        self.filter = "all"
        self.loading_note = "opening the database…"

    def on_mount(self) -> None:
        self.redraw()

    def set_progress(self, overall: Progress | None = None, event: Progress | None = None) -> None:
        if overall is not None:
            self.overall = overall
        if event is not None:
            self.event = event
        self.loading_note = ""
        self.redraw()

    def set_filter(self, name: str) -> None:
        self.filter = name
        self.redraw()

    def redraw(self) -> None:
        text = Text(no_wrap=True, end="")
        text.append(" claim-workbench ", style="bold reverse")
        text.append(" ")
        text.append_text(literal(self.reviewer, "bold", width=20))
        if self.loading_note:
            text.append("  " + self.loading_note, style="dim")
        else:
            text.append(f"  judged {self.overall.judged}/{self.overall.total}")
            text.append(f" · this event {self.event.judged}/{self.event.total}")
        if self.filter != "all":
            text.append("  filter: ", style="dim")
            text.append(self.filter, style="bold magenta")
        keys = Text("? keys ", style="dim")
        gap = self.size.width - text.cell_len - keys.cell_len
        if gap > 0:
            text.append(" " * gap)
            text.append_text(keys)
        self.update(text, layout=False)

    def on_resize(self) -> None:
        self.redraw()
