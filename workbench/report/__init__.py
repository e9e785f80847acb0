"""Reports built from the store. `write_report` is the one entry point the CLI and the UI call.

One module per format (markdown, html, csvfile, claimreview, export_json); `rows` is what they
all read (summary, agreement, claims per event and group) and `agreement` the kappa statistics.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from workbench.report.options import ReportError, ReportOptions, scope_of
from workbench.store import Store

__all__ = [
    "FORMATS",
    "ReportError",
    "ReportOptions",
    "report_notes",
    "write_report",
    "write_report_file",
]

FORMATS: tuple[str, ...] = ("markdown", "html", "csv", "json", "claimreview")
# What a format's rows are, for "wrote N ... to FILE".
ROW_NAMES: dict[str, str] = {
    "markdown": "claims",
    "html": "claims",
    "csv": "claims",
    "json": "articles",
    "claimreview": "claim reviews",
}

Writer = Callable[[Store, TextIO, ReportOptions], int]


def _writer(fmt: str) -> Writer:
    if fmt == "json":
        from workbench.report.export_json import write_json_report

        return write_json_report
    if fmt == "markdown":
        from workbench.report.markdown import write_markdown

        return write_markdown
    if fmt == "html":
        from workbench.report.html import write_html

        return write_html
    if fmt == "csv":
        from workbench.report.csvfile import write_csv

        return write_csv
    if fmt == "claimreview":
        from workbench.report.claimreview import write_claimreview

        return write_claimreview
    raise ReportError(f"unknown report format {fmt!r} (expected {', '.join(FORMATS)})")


def write_report(store: Store, fmt: str, out: TextIO, options: ReportOptions | None = None) -> int:
    """Write the report in format `fmt` to `out`, streaming; returns the number of rows written.

    Rows are claims (markdown, html, csv), articles (json) or claim reviews (claimreview).
    Raises ReportError (one line) for an unknown format, event, reviewer or status.
    """
    return _writer(fmt)(store, out, options or ReportOptions())


def write_report_file(
    store: Store, fmt: str, path: Path, options: ReportOptions | None = None
) -> int:
    """Write the report to `path` through a temporary file beside it, renamed into place once
    complete: a failed export leaves no half-written report (and an older one untouched)."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            n = write_report(store, fmt, out, options)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def report_notes(store: Store, fmt: str, options: ReportOptions | None = None) -> list[str]:
    """What the user should know about a report beyond its row count, one line each."""
    options = options or ReportOptions()
    notes: list[str] = []
    if fmt == "json" and (options.event_id, options.status, options.reviewer) != (None,) * 3:
        notes.append("the JSON export is always the whole database: --event, --status and"
                     " --reviewer do not narrow it")  # fmt: skip
    if fmt == "claimreview" and options.reviewer is None:
        from workbench.report.claimreview import count_unpublished

        n = count_unpublished(store, scope_of(store, options))
        if n:
            notes.append(
                f"{n} claim{'s' * (n != 1)} left out: {'their' if n != 1 else 'its'} reviewers"
                " disagree (settle them, or publish one reviewer's verdicts with --reviewer)"
            )
    return notes
