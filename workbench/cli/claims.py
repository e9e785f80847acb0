"""Claims: `workbench extract`, `workbench claims`, `workbench eval fakes`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.align.evaluate import fakes_event_metrics
from workbench.cli.alignment import align_new
from workbench.cli.base import WorkbenchGroup, cell, db_option, fail, main, open_store
from workbench.extract import ExtractReport, extract_articles
from workbench.extract.claim_eval import evaluate_claims
from workbench.extract.describe import describe
from workbench.extract.evaluate import EvalError, evaluate_fakes, metrics_table
from workbench.models import CLAIM_KINDS
from workbench.report.export_json import claim_row
from workbench.store import Store


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
                f"{cell(value, 44):<44}  {cell(_printable(chain), 40):<40}  {cell(quote, 60)}"
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


@evaluate.command(name="claims")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("labels", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for extraction.")  # fmt: skip
def eval_claims(path: Path, labels: Path, workers: int) -> None:
    """Score extraction on a FA-KES CSV against hand-made claim labels (JSON Lines).

    Precision and recall per kind, speaker and scope accuracy of the matched claims."""
    try:
        metrics = evaluate_claims(path, labels, workers=workers)
    except EvalError as e:
        fail(str(e))
    click.echo(
        f"Claim evaluation of {path} against {labels} (even records: development; odd: held out)"
    )
    for line in metrics_table(metrics):
        click.echo(line)
