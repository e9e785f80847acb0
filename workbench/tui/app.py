"""The review app: opens the database in its store thread, installs the review screen, and holds
the global keys (quit, help, the command palette)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from workbench.review import default_reviewer
from workbench.tui.data import StoreThread
from workbench.tui.keys import KEY_DISPLAY, REVIEW_KEYS
from workbench.tui.screens.help import HelpScreen, describe
from workbench.tui.screens.main import MainScreen


class ReviewApp(App[None]):
    """`workbench review`: mark claims corroborated, disputed or unverified."""

    CSS_PATH = "workbench.tcss"
    TITLE = "claim-workbench"
    BINDINGS = [
        Binding("q", "quit", "quit", tooltip="Quit (every verdict is already saved)"),
        Binding("question_mark", "help", "help", tooltip="Show every key"),
    ]

    def __init__(self, db_path: Path, reviewer: str | None = None) -> None:
        """Review the database at `db_path` as `reviewer` (default: `default_reviewer()`)."""
        super().__init__()
        self.db_path = db_path
        self.reviewer = default_reviewer(reviewer)
        self.data = StoreThread(db_path)

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.data, self.reviewer))

    def on_unmount(self) -> None:
        self.data.close()
        gc.unfreeze()  # the review screen froze what it loaded (see screens/main.py)

    def get_key_display(self, binding: Binding) -> str:
        return KEY_DISPLAY.get(binding.key) or super().get_key_display(binding)

    def key_rows(self) -> list[tuple[str, str]]:
        return describe(list(REVIEW_KEYS) + list(self.BINDINGS), KEY_DISPLAY) + [
            ("ctrl+p", "command palette: every action by name")
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_rows()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for b in REVIEW_KEYS:
                if isinstance(b, Binding) and b.action not in (
                    "app.focus_next",
                    "app.focus_previous",
                ):
                    key = KEY_DISPLAY.get(b.key, b.key)
                    yield SystemCommand(
                        f"{b.description} ({key})",
                        b.tooltip or b.description,
                        lambda action=b.action: self.run_action(action, screen),
                    )
