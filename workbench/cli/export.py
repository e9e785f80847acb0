"""Reports: `workbench export` in every format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.cli.base import db_option, fail, main, open_store, quiet_broken_pipe
from workbench.models import GROUP_STATUSES
from workbench.report import (
    FORMATS,
    ROW_NAMES,
    ReportError,
    ReportOptions,
    report_notes,
    write_report,
    write_report_file,
)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="json",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of stdout.",
)
@click.option("--event", "event_id", type=int, metavar="ID", help="Only this event.")
@click.option("--reviewer", metavar="NAME", help="Only this reviewer's verdicts.")
@click.option(
    "--status", type=click.Choice(list(GROUP_STATUSES)), help="Only claim groups with this status."
)
@click.option(
    "--org",
    metavar="NAME",
    envvar="WORKBENCH_ORG",
    help="The organisation publishing the reviews (ClaimReview author; also WORKBENCH_ORG).",
)
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for Excel).")
@db_option
def export(
    fmt: str,
    output: Path | None,
    event_id: int | None,
    reviewer: str | None,
    status: str | None,
    org: str | None,
    bom: bool,
    db_path: Path,
) -> None:
    """Write a report: markdown, html, csv, claimreview (JSON-LD) or json (the whole database).

    The JSON export (schema workbench-export/1) is always the whole database; the other formats
    can be narrowed to an event, a group status or one reviewer's verdicts.
    """
    options = ReportOptions(event_id=event_id, reviewer=reviewer, status=status, org=org, bom=bom)
    with open_store(db_path) as store:
        try:
            if output is None:
                write_report(store, fmt, sys.stdout, options)
            else:
                n = write_report_file(store, fmt, output, options)
            notes = report_notes(store, fmt, options)
        except ReportError as e:
            fail(str(e))
        except BrokenPipeError:
            quiet_broken_pipe()
        except OSError as e:
            fail(f"{output or 'stdout'}: cannot write: {e.strerror or e}")
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if output is not None:
        click.echo(f"wrote {n} {ROW_NAMES[fmt]} to {output}", err=True)
