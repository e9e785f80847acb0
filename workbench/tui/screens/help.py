"""The `?` screen: every key of the review screen with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui.text import status_badge

STATUS_MEANING = {
    "conflict": "the sources disagree",
    "update": "a toll rising over time",
    "agree": "the sources agree",
    "single": "one source only",
}
ARROWS = [
    ("↑ ↓", "move in the focused pane"),
    ("enter", "open the group (events pane) or the article (claims pane)"),
]


def keys_table(bindings: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, what in bindings:
        table.add_row(Text(key), Text(what))
    return table


def describe(bindings: list[BindingType], display: dict[str, str]) -> list[tuple[str, str]]:
    rows = []
    for b in bindings:
        if isinstance(b, Binding):
            key = display.get(b.key, b.key)
            rows.append((key, b.tooltip or b.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Keys and what they do; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "close", tooltip="Close the help"),
        Binding("question_mark", "app.pop_screen", "close", show=False),
        Binding("q", "app.pop_screen", "close", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows + ARROWS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(keys_table(self.rows))
            yield Static(
                Text.assemble(
                    ("\nGroups: ", "bold"),
                    *[
                        part
                        for status, meaning in STATUS_MEANING.items()
                        for part in (
                            status_badge(status, short=True),
                            " ",
                            status_badge(status),
                            f" {meaning}  ",
                        )  # fmt: skip
                    ],
                )
            )
            yield Static(
                Text(
                    "Verdict keys act on the claim highlighted in the claims table, whichever"
                    " pane has the focus. Every change is saved at once; undo adds an entry"
                    " restoring the previous verdict.",
                    style="dim",
                )
            )
