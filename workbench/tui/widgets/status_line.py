"""The line above the footer: whether the last verdict is saved, and other short news."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.tui.text import literal


class StatusLine(Static):
    """One line of news; `saved` is shown only once the database has committed."""

    def saving(self, what: str) -> None:
        self.set_class(True, "-saving")
        self.set_class(False, "-error")
        self.update(Text.assemble(("saving… ", "bold yellow"), literal(what)), layout=False)

    def saved(self, what: Text) -> None:
        self.set_class(False, "-saving")
        self.set_class(False, "-error")
        self.update(Text.assemble(("✓ saved ", "bold green"), what), layout=False)

    def not_saved(self, message: str) -> None:
        self.set_class(False, "-saving")
        self.set_class(True, "-error")
        self.update(Text.assemble(("✗ NOT saved ", "bold red"), literal(message)), layout=False)

    def say(self, message: str | Text) -> None:
        self.set_class(False, "-saving")
        self.set_class(False, "-error")
        self.update(message if isinstance(message, Text) else literal(message), layout=False)
