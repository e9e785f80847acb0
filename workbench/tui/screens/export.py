"""Export a report: choose the format and the file; it is written by a thread worker with its own
database connection while a loading indicator shows, then the dialog closes."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static
from textual.worker import Worker, WorkerState

from workbench.report import (
    FORMATS,
    ReportError,
    ReportOptions,
    report_notes,
    write_report_file,
)
from workbench.store import Store, StoreError
from workbench.tui.messages import ReportFailed, ReportWritten

SUFFIX = {"markdown": ".md", "html": ".html", "csv": ".csv", "json": ".json",
          "claimreview": ".jsonld"}  # fmt: skip


def default_name(fmt: str) -> str:
    return f"workbench-report{SUFFIX.get(fmt, '.' + fmt)}"


def export(db_path: Path, fmt: str, target: Path, options: ReportOptions) -> tuple[int, list[str]]:
    """Write the report (never half a file: `write_report_file` renames it into place); returns
    the rows written and what the reviewer should know about the report."""
    with Store.open(db_path, create=False) as store:
        rows = write_report_file(store, fmt, target, options)
        return rows, report_notes(store, fmt, options)


class ExportScreen(ModalScreen[None]):
    """The export dialog."""

    BINDINGS = [Binding("escape", "cancel", "close", tooltip="Close without exporting")]

    def __init__(self, db_path: Path, reviewer: str, event_id: int | None) -> None:
        super().__init__()
        self.db_path = db_path
        self.reviewer = reviewer
        self.event_id = event_id

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(Text("Export a report", style="bold"), classes="dialog-title")
            yield Select(
                [(f, f) for f in FORMATS], value=FORMATS[0], allow_blank=False, id="export-format"
            )
            yield Input(default_name(FORMATS[0]), id="export-path")
            yield Input(os.environ.get("WORKBENCH_ORG", ""), id="export-org",
                        placeholder="your organisation (the author of ClaimReviews)")  # fmt: skip
            with Horizontal(classes="dialog-row"):
                yield Checkbox("only the selected event", id="export-event", value=False)
                yield Checkbox("only my verdicts", id="export-mine", value=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Select).border_title = "format"
        self.query_one("#export-path", Input).border_title = "file"
        self.query_one("#export-org", Input).border_title = "organisation (ClaimReview)"
        self.query_one("#export-event", Checkbox).disabled = self.event_id is None
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        old = Path(path.value)
        if old.name.startswith("workbench-report") or not path.value.strip():
            path.value = str(old.with_name(default_name(str(event.value))))

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#export-path")
    @on(Input.Submitted, "#export-org")
    def start(self) -> None:
        fmt = str(self.query_one(Select).value)
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to write to.", severity="warning", markup=False)
            return
        target = Path(raw).expanduser()
        options = ReportOptions(
            event_id=self.event_id if self.query_one("#export-event", Checkbox).value else None,
            reviewer=self.reviewer if self.query_one("#export-mine", Checkbox).value else None,
            org=self.query_one("#export-org", Input).value.strip() or None,
        )
        self.query_one("#export-dialog").loading = True
        self.write(fmt, target, options)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write(self, fmt: str, target: Path, options: ReportOptions) -> None:
        try:
            rows, notes = export(self.db_path, fmt, target, options)
        except (ReportError, StoreError) as e:
            self.post_message(ReportFailed(target, str(e)))
        except OSError as e:
            self.post_message(ReportFailed(target, f"cannot write: {e.strerror or e}"))
        else:
            self.post_message(ReportWritten(target, fmt, rows, notes))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Anything else that stopped the export is said too; the dialog stays open."""
        if event.state == WorkerState.ERROR and event.worker.group == "export":
            error = event.worker.error
            target = Path(self.query_one("#export-path", Input).value.strip() or ".")
            self.post_message(ReportFailed(target, f"{type(error).__name__}: {error}"))

    def on_report_written(self, message: ReportWritten) -> None:
        lines = [f"wrote {message.fmt} report to {message.path} ({message.rows} rows)"]
        self.notify("\n".join(lines + message.notes), title="Exported", markup=False)
        self.dismiss(None)

    def on_report_failed(self, message: ReportFailed) -> None:
        self.query_one("#export-dialog").loading = False
        self.notify(
            f"{message.path}: {message.reason}",
            title="Export failed",
            severity="error",
            markup=False,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
