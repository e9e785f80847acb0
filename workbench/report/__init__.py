"""Reports built from the store. `write_report` is the one entry point the CLI and the UI call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from workbench.store import Store

FORMATS: tuple[str, ...] = ("json",)


class ReportError(Exception):
    """A report cannot be written; the message is one line for the user."""


@dataclass(frozen=True)
class ReportOptions:
    """What to put in a report. None means everything."""

    event_id: int | None = None
    reviewer: str | None = None
    status: str | None = None  # conflict, agree, update, single
    org: str | None = None  # the reviewing organisation (ClaimReview author)
    bom: bool = False  # CSV: start with a byte-order mark for spreadsheets
    generated_at: str | None = None  # fixed time for reproducible output (tests)


def write_report(store: Store, fmt: str, out: TextIO, options: ReportOptions | None = None) -> int:
    """Write the report in format `fmt` to `out`, streaming; returns the number of rows written."""
    options = options or ReportOptions()
    if fmt == "json":
        from workbench.report.export_json import write_json

        return write_json(store, out, generated_at=options.generated_at)
    raise ReportError(f"unknown report format {fmt!r} (expected {', '.join(FORMATS)})")
