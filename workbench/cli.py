"""The `workbench` command: thin click commands over the library (parse, call, print)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import click

from workbench import __version__
from workbench.align import DEFAULT_WINDOW_DAYS, align
from workbench.align.evaluate import fakes_event_metrics
from workbench.extract import ExtractReport, extract_articles
from workbench.extract.describe import describe
from workbench.extract.evaluate import EvalError, evaluate_fakes, metrics_table
from workbench.ingest import IngestReport, Options, Progress, ingest_paths
from workbench.ingest.records import FIELDS
from workbench.models import CLAIM_KINDS, GROUP_STATUSES, ClaimGroup, Event
from workbench.report import (
    FORMATS,
    ROW_NAMES,
    ReportError,
    ReportOptions,
    report_notes,
    write_report,
    write_report_file,
)
from workbench.report.export_json import claim_row
from workbench.store import DEFAULT_DB, Store, StoreError
from workbench.store.base import describe as describe_db_error

F = TypeVar("F", bound=Callable[..., Any])


def _remember_db(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    ctx.meta["workbench.db"] = value  # for the one-line error when the file turns out corrupt
    return value


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        envvar="WORKBENCH_DB",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=_remember_db,
        help="The workbench database file (also WORKBENCH_DB).",
    )(func)


def fail(message: str, status: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(status)


@contextmanager
def open_store(path: Path, *, create: bool = False) -> Iterator[Store]:
    try:
        store = Store.open(path, create=create)
    except StoreError as e:
        fail(str(e))
    for notice in store.notices:  # e.g. the backup written before a schema migration
        click.echo(f"note: {notice}", err=True)
    try:
        yield store
    finally:
        store.close()


class WorkbenchGroup(click.Group):
    """Turns errors that escape a command into one line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as e:
            fail(str(e))
        except sqlite3.DatabaseError as e:  # e.g. pages found corrupt in the middle of a query
            fail(f"{ctx.meta.get('workbench.db', 'database')}: {describe_db_error(e)}")
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the last guard before a traceback reaches a user
            if os.environ.get("WORKBENCH_DEBUG"):
                raise
            fail(f"internal error: {type(e).__name__}: {e} (WORKBENCH_DEBUG=1 shows the traceback)")


@click.group(cls=WorkbenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
def main() -> None:
    """Cross-verify claims across news articles about one incident.

    Ingest articles (claims are extracted as they come in), then look at them with stats,
    articles, claims and export.
    """


# -- ingest ------------------------------------------------------------------------------------


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


# -- looking at what is stored -----------------------------------------------------------------


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


def _cell(value: Any, width: int) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
            f"{row['id']:>6}  {_cell(row['source'] or '-', w):<{w}}  "
            f"{row['published'] or '----------'}  {_cell(row['title'], 80)}"
        )
    click.echo(f"{len(rows)} article{'s' * (len(rows) != 1)}", err=True)


# -- reports -----------------------------------------------------------------------------------


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
        except OSError as e:
            fail(f"{output or 'stdout'}: cannot write: {e.strerror or e}")
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if output is not None:
        click.echo(f"wrote {n} {ROW_NAMES[fmt]} to {output}", err=True)


# -- alignment: events, claim groups, suggested verdicts ---------------------------------------


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
    places = _cell(", ".join(e.places[:3]) or "-", 28)
    return f"{e.id:>6}  {dates}  {len(e.article_ids):>4}  {places:<28}  {_cell(e.label, 72)}"


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
        f"  {_cell(g.label, 60)}"
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


# -- reviewing ---------------------------------------------------------------------------------


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


# -- the demo ----------------------------------------------------------------------------------


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


# -- claims: extraction, listing, evaluation --------------------------------------------------


def print_extract(report: ExtractReport, db_path: Path) -> None:
    click.echo(f"{report.summary()} -> {db_path}")


@main.command()
@click.option("--all", "every", is_flag=True, help="Extract every article again.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes for large inputs (default: one per CPU; small inputs use one).",
)
@click.option("--no-align", is_flag=True, help="Do not align the claims across articles now.")
@db_option
def extract(every: bool, workers: int | None, no_align: bool, db_path: Path) -> None:
    """Extract claims from the articles not yet extracted (--all: every article again).

    The same text always gives the same claims: re-extracting keeps claim ids and verdicts. The
    claims are then aligned across articles unless --no-align.
    """
    with open_store(db_path) as store:
        extracted = extract_articles(store, every=every, workers=workers)
        print_extract(extracted, db_path)
        align_new(store, extracted, no_align)


@main.command()
@click.option(
    "--article", "article", metavar="ID", help="Only this article (its id, or its input id)."
)
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@db_option
def claims(
    article: str | None, kind: str | None, limit: int | None, as_json: bool, db_path: Path
) -> None:
    """List claims: id, article, kind, value, speaker chain, quote."""
    with open_store(db_path) as store:
        article_id = resolve_article(store, article) if article else None
        shown = 0
        for claim in store.iter_claims(article_id=article_id, kind=kind):
            if limit is not None and shown >= limit:
                break
            shown += 1
            if as_json:
                click.echo(json.dumps(claim_row(claim), ensure_ascii=False))
                continue
            chain = " > ".join(claim.speaker_chain) or "-"
            value, quote = _printable(describe(claim)), _printable(claim.quote)
            click.echo(
                f"{claim.id:>6}  {claim.article_id:>5}  {claim.kind:<8}  "
                f"{_cell(value, 44):<44}  {_cell(_printable(chain), 40):<40}  {_cell(quote, 60)}"
            )
    click.echo(f"{shown} claim{'s' * (shown != 1)}", err=True)


def _printable(text: str) -> str:
    """Article words for a terminal: control characters (escape sequences) shown as "?"."""
    return "".join(ch if ch.isprintable() or ch in " \n\t" else "?" for ch in text)


def resolve_article(store: Store, given: str) -> int:
    """An article id from --article: the database id (as `articles` lists it), or else an id
    the input gave it."""
    if given.isdigit() and store.has_article(int(given)):
        return int(given)
    rows = store.find_articles(external_id=given)
    if not rows:
        fail(f"no article with id {given!r}")
    return int(rows[0]["id"])


@main.group(name="eval", cls=WorkbenchGroup)
def evaluate() -> None:
    """Measure extraction against labelled data."""


@evaluate.command(name="fakes")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for extraction.")  # fmt: skip
def eval_fakes(path: Path, workers: int) -> None:
    """Score extraction and event alignment on a FA-KES CSV (labels read for scoring only)."""
    try:
        metrics = evaluate_fakes(path, workers=workers, more=[fakes_event_metrics])
    except EvalError as e:
        fail(str(e))
    click.echo(f"FA-KES evaluation of {path} (even CSV records: development; odd: held out)")
    for line in metrics_table(metrics):
        click.echo(line)
