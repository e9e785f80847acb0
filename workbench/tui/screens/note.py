"""The note editor: a modal text area for the reviewer's note on one claim."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from workbench.store.review import ReviewRow
from workbench.tui.text import claim_value, literal


class NoteScreen(ModalScreen[str | None]):
    """Edit the note; ctrl+s saves it (empty clears it), escape leaves it as it was."""

    BINDINGS = [
        Binding("ctrl+s", "save", "save note", tooltip="Save the note"),
        Binding("escape", "cancel", "cancel", tooltip="Close without saving"),
    ]

    def __init__(self, row: ReviewRow, note: str | None) -> None:
        super().__init__()
        self.row = row
        self.note = note or ""

    def compose(self) -> ComposeResult:
        claim = self.row.claim
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(
                Text.assemble(
                    ("Note on claim ", "bold"),
                    (str(claim.id), "bold"),
                    "  ",
                    literal(claim_value(claim), "bold"),
                    " · ",
                    literal(self.row.outlet or "(no outlet)", width=40),
                ),
                classes="dialog-title",
            )
            yield Static(literal(claim.quote, "italic", width=300), classes="dialog-quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
