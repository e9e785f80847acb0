"""The line above the footer: whether the last verdict is saved, and other short news."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.tui.text import literal


class StatusLine(Static):
    """One line of news; `saved` is shown only once the database has committed."""

    def _show(self, text: Text, state: str = "") -> None:
        for name in ("-saving", "-error"):
            if self.has_class(name) != (name == state):
                self.set_class(name == state, name)
        self.update(text, layout=False)  # one line: its size never changes

    def saving(self, what: str) -> None:
        self._show(Text.assemble(("saving… ", "bold yellow"), literal(what)), "-saving")

    def saved(self, what: Text) -> None:
        self._show(Text.assemble(("✓ saved ", "bold green"), what))

    def not_saved(self, message: str) -> None:
        self._show(Text.assemble(("✗ NOT saved ", "bold red"), literal(message)), "-error")

    def say(self, message: str | Text) -> None:
        self._show(message if isinstance(message, Text) else literal(message))
