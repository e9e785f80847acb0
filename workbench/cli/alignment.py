"""Alignment: `workbench align`, `workbench events`, `workbench groups`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from workbench.align import DEFAULT_WINDOW_DAYS, align
from workbench.cli.base import cell, db_option, main, open_store
from workbench.extract import ExtractReport
from workbench.models import GROUP_STATUSES, ClaimGroup, Event
from workbench.store import Store


def align_new(store: Store, extracted: ExtractReport, no_align: bool) -> None:
    """After extraction: align again when it extracted anything, unless told not to."""
    if extracted.articles and not no_align:
        click.echo(align(store).summary())


@main.command("align")
@click.option(
    "--window",
    "window_days",
    default=DEFAULT_WINDOW_DAYS,
    show_default=True,
    type=click.IntRange(min=0, max=365),
    help="Articles at most this many days apart can report one event.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes for many events (default: one per CPU; fewer than 2000 events use one).",
)
@db_option
def align_command(window_days: int, workers: int | None, db_path: Path) -> None:
    """Line claims up across articles: events, claim groups, agreement, suggested verdicts."""
    with open_store(db_path) as store:
        report = align(store, window_days=window_days, workers=workers)
    click.echo(report.summary())


def print_listing(
    rows: list[Any], as_json: bool, noun: str, header: str, line: Callable[[Any], str]
) -> None:
    """A table with a header (or JSON lines), then the count on stderr."""
    if as_json:
        for row in rows:
            click.echo(row.model_dump_json())
    elif rows:
        click.echo(header)
        for row in rows:
            click.echo(line(row))
    click.echo(f"{len(rows)} {noun}{'s' * (len(rows) != 1)}", err=True)


def _event_line(e: Event) -> str:
    dates = e.date_from or "----------"
    dates += f"..{e.date_to}" if e.date_to and e.date_to != e.date_from else " " * 12
    places = cell(", ".join(e.places[:3]) or "-", 28)
    return f"{e.id:>6}  {dates}  {len(e.article_ids):>4}  {places:<28}  {cell(e.label, 72)}"


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@db_option
def events(as_json: bool, db_path: Path) -> None:
    """List events: id, dates, number of articles, places, label."""
    with open_store(db_path) as store:
        rows = list(store.iter_events())
    header = f"{'id':>6}  {'dates':<22}  {'arts':>4}  {'places':<28}  label"
    print_listing(rows, as_json, "event", header, _event_line)


def _group_line(g: ClaimGroup) -> str:
    return (
        f"{g.id:>6}  {g.event_id:>6}  {g.kind:<8}  {g.status:<8}  {len(g.claim_ids):>4}"
        f"  {cell(g.label, 60)}"
    )


@main.command()
@click.option("--event", "event_id", type=int, metavar="ID", help="Only this event's groups.")
@click.option("--status", type=click.Choice(GROUP_STATUSES), help="Only groups with this status.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@db_option
def groups(event_id: int | None, status: str | None, as_json: bool, db_path: Path) -> None:
    """List claim groups: id, event, kind, status, number of claims, label."""
    with open_store(db_path) as store:
        rows = list(store.iter_groups(event_id=event_id, status=status))
    header = f"{'id':>6}  {'event':>6}  {'kind':<8}  {'status':<8}  {'clms':>4}  label"
    print_listing(rows, as_json, "group", header, _group_line)
