"""Ingesting files: `workbench ingest`, its progress bar and summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from workbench.cli.alignment import align_new
from workbench.cli.base import db_option, main, open_store
from workbench.extract import extract_articles
from workbench.ingest import IngestReport, Options, Progress, ingest_paths
from workbench.ingest.records import FIELDS


def parse_columns(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    columns: dict[str, str] = {}
    for value in values:
        field, sep, name = value.partition("=")
        field = field.strip().lower()
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r}: expected FIELD=NAME, e.g. text=Body")
        if field not in FIELDS:
            raise click.BadParameter(f"{value!r}: FIELD must be one of {', '.join(FIELDS)}")
        columns[field] = name.strip()
    return columns


class ProgressBar:
    """A rich progress bar on stderr, shown only on a terminal once a run passes 200 records."""

    THRESHOLD = 200

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, p: Progress) -> None:
        if not self.enabled or p.records < self.THRESHOLD:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(
                TextColumn("ingesting"),
                BarColumn(),
                TextColumn("{task.fields[records]} records"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=max(p.bytes_total, 1), records=0)
        self.bar.update(self.task, completed=p.bytes_done, records=p.records)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def print_report(report: IngestReport, db_path: Path) -> None:
    for fr in report.files:
        for notice in fr.notices:
            click.echo(str(notice), err=True)
        hidden = max(0, fr.duplicates - 20) + max(0, fr.shared - 20)
        if hidden:
            click.echo(
                f"note: {fr.path}: {hidden} more duplicate/shared-text records not listed", err=True
            )
    n_files = len(report.files)
    records = report.total("records")
    rejected = len(report.rejected_files)
    parts = [
        f"{report.total('new')} new",
        f"{report.total('duplicates')} duplicate",
        f"{report.total('redecoded')} re-decoded",
        f"{report.total('skipped')} skipped",
    ]
    if report.total("shared"):
        parts.append(f"{report.total('shared')} sharing text with another outlet")
    if report.total("undated"):
        parts.append(f"{report.total('undated')} without a date")
    click.echo(
        f"{n_files} file{'s' * (n_files != 1)}, {records} record{'s' * (records != 1)}: "
        + ", ".join(parts)
        + (f"; {rejected} file{'s' * (rejected != 1)} not ingested" if rejected else "")
        + f" -> {db_path}"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", help="The outlet for records that name none.")
@click.option(
    "--column",
    "columns",
    multiple=True,
    callback=parse_columns,
    metavar="FIELD=NAME",
    help=f"Read FIELD ({', '.join(FIELDS)}) from the input column NAME; repeatable.",
)
@click.option(
    "--max-article-mb",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0.001),
    help="Reject an article whose text is larger than this.",
)
@click.option("--no-extract", is_flag=True, help="Do not extract claims from the new articles now.")
@click.option("--no-align", is_flag=True, help="Do not align the claims across articles now.")
@db_option
def ingest(
    paths: tuple[Path, ...],
    source: str | None,
    columns: dict[str, str],
    max_article_mb: float,
    no_extract: bool,
    no_align: bool,
    db_path: Path,
) -> None:
    """Read articles from files or directories (recursive) into the database.

    Formats by extension: .txt/.md, .html/.htm, .json/.jsonl, .csv. Claims are extracted from the
    new articles unless --no-extract, and aligned across articles unless --no-align. Exit status:
    0 when anything was ingested or was already there, 1 when nothing could be ingested, 2 for
    usage errors.
    """
    options = Options(source=source, columns=columns, max_article_bytes=int(max_article_mb * 1e6))
    with open_store(db_path, create=True) as store:
        bar = ProgressBar()
        try:
            report = ingest_paths(store, paths, options, on_progress=bar)
        finally:
            bar.close()
        print_report(report, db_path)
        if not no_extract and report.total("new"):
            extracted = extract_articles(store)
            click.echo(extracted.summary())
            align_new(store, extracted, no_align)
    sys.exit(report.exit_status)
