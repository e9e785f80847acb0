"""Looking at what is stored: `workbench stats` and `workbench articles`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from workbench.cli.base import cell, db_option, main, open_store


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
def stats(as_json: bool, db_path: Path) -> None:
    """Counts per table and per outlet."""
    with open_store(db_path) as store:
        data: dict[str, Any] = {
            "database": str(db_path),
            "tables": store.table_counts(),
            "shared_text_articles": store.shared_text_count(),
            "sources": store.source_counts(),
        }
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"Database {db_path}")
    width = len("(articles sharing text)")
    for table, count in data["tables"].items():
        click.echo(f"  {table:<{width}}  {count:>7}")
    click.echo(f"  {'(articles sharing text)':<{width}}  {data['shared_text_articles']:>7}")
    click.echo("Articles per outlet")
    sources = data["sources"]
    if not sources:
        click.echo("  (none)")
    w = max([len(s["source"] or "(no outlet)") for s in sources] + [6])
    for s in sources:
        span = f"{s['first_published'] or '?'} .. {s['last_published'] or '?'}"
        click.echo(f"  {s['source'] or '(no outlet)':<{w}}  {s['articles']:>6}  {span}")


@main.command()
@click.option("--source", help="Only articles from this outlet.")
@click.option("--search", "search", metavar="TEXT", help="Full-text search over title and text.")
@click.option(
    "--id", "external_id", metavar="ID", help="Find by input id (or an alias of a duplicate)."
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@db_option
def articles(
    source: str | None,
    search: str | None,
    external_id: str | None,
    limit: int | None,
    as_json: bool,
    db_path: Path,
) -> None:
    """List articles: id, outlet, date, title."""
    with open_store(db_path) as store:
        rows = store.find_articles(
            source=source, search=search, external_id=external_id, limit=limit
        )
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    w = min(24, max([len(r["source"] or "-") for r in rows] + [1]))
    for row in rows:
        click.echo(
            f"{row['id']:>6}  {cell(row['source'] or '-', w):<{w}}  "
            f"{row['published'] or '----------'}  {cell(row['title'], 80)}"
        )
    click.echo(f"{len(rows)} article{'s' * (len(rows) != 1)}", err=True)
