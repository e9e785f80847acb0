"""The demo: the sample corpus through every stage, then the review UI."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from workbench.cli.alignment import align_new
from workbench.cli.base import db_option, main, open_store
from workbench.cli.browse import stats
from workbench.cli.ingest import print_report
from workbench.cli.review import review
from workbench.extract import extract_articles
from workbench.ingest import ingest_paths


def samples_dir() -> Path:
    return Path(str(resources.files("workbench"))) / "samples" / "corpus"


@main.command()
@click.option(
    "--review/--no-review",
    "open_review",
    default=None,
    help="Open the review UI on the demo database afterwards (default: in a terminal).",
)
@db_option
def demo(db_path: Path, open_review: bool | None) -> None:
    """Build a database from the built-in sample corpus (ingest, extract, align), show what is
    in it, then open the review UI on it (when run in a terminal)."""
    click.echo(f"Ingesting the sample corpus ({samples_dir()}) into {db_path}")
    with open_store(db_path, create=True) as store:
        report = ingest_paths(store, [samples_dir()])
        if report.total("new") == 0 and report.total("duplicates") == report.total("records"):
            click.echo(f"{db_path} already holds the sample corpus; nothing new to ingest")
        else:
            print_report(report, db_path)
        extracted = extract_articles(store)
        click.echo(extracted.summary())
        align_new(store, extracted, no_align=False)
    ctx = click.get_current_context()
    ctx.invoke(stats, as_json=False, db_path=db_path)
    if report.exit_status:
        sys.exit(report.exit_status)
    if open_review is None:
        open_review = sys.stdin.isatty() and sys.stdout.isatty()
    if open_review:
        ctx.invoke(review, reviewer=None, db_path=db_path)
