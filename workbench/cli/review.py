"""Reviewing: `workbench review` (the Textual UI) and `workbench mark`."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.base import F, db_option, fail, main, open_store


def reviewer_option(func: F) -> F:
    return click.option(
        "--reviewer",
        metavar="NAME",
        help="Your name in the verdict history (default: WORKBENCH_REVIEWER, else your login).",
    )(func)


@main.command()
@reviewer_option
@db_option
def review(reviewer: str | None, db_path: Path) -> None:
    """Open the review UI: mark claims corroborated, disputed or unverified."""
    from workbench.review import ReviewError, default_reviewer

    try:
        name = default_reviewer(reviewer)
    except ReviewError as e:
        fail(str(e), 2)
    with open_store(db_path):
        pass  # a missing or unusable database is one line here, before the screen is taken over
    from workbench.tui.app import ReviewApp

    ReviewApp(db_path, name).run()


@main.command()
@click.argument("claim_id", type=int)
@click.argument(
    "verdict",
    type=click.Choice(["corroborated", "disputed", "unverified", "clear"]),
    metavar="VERDICT",
)
@click.option("--note", metavar="TEXT", help="A note kept with the verdict.")
@reviewer_option
@db_option
def mark(
    claim_id: int, verdict: str, note: str | None, reviewer: str | None, db_path: Path
) -> None:
    """Record a verdict on a claim, as the review UI does.

    VERDICT is corroborated, disputed, unverified or clear. Exit status: 0 when recorded, 1 for an
    unknown claim or a database that cannot be written, 2 for usage errors.
    """
    from workbench.review import ReviewError, default_reviewer
    from workbench.review import mark as record

    with open_store(db_path) as store:
        try:
            entry = record(store, claim_id, verdict, default_reviewer(reviewer), note=note)
        except ReviewError as e:
            fail(str(e))
    click.echo(f"claim {claim_id}: {entry.verdict or 'cleared'} by {entry.reviewer} at {entry.at}")
