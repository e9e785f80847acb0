"""The Markdown report of the built-in sample corpus, through the real pipeline: a golden file.

ingest (which extracts) -> align -> a few verdicts by `review.mark` -> `write_report` with a fixed
time. A change in extraction or alignment shows up here as a diff of the report: read it, then
regenerate with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

from report.test_report_markdown import check_golden
from workbench.ingest import ingest_paths
from workbench.models import Claim
from workbench.report import ReportOptions, write_report
from workbench.review import mark
from workbench.store import Store

CORPUS = Path(__file__).parents[2] / "workbench" / "samples" / "corpus"


def pick(store: Store, outlet: str, kind: str, test: str) -> Claim:
    """The first claim of `kind` in `outlet`'s articles whose quote contains `test`."""
    ids = [a["id"] for a in store.find_articles(source=outlet)]
    for article_id in ids:
        for claim in store.iter_claims(article_id=article_id, kind=kind):
            if test in claim.quote:
                return claim
    raise AssertionError(f"no {kind} claim quoting {test!r} in {outlet}")


def test_sample_corpus_report(store: Store) -> None:
    if importlib.util.find_spec("workbench.align") is None:
        pytest.skip("alignment (issue 4) is not merged yet: no events or groups to report")
    from workbench.align import align

    ingest_paths(store, [CORPUS])
    if not any(True for _ in store.iter_claims()):
        from workbench.extract import extract_articles

        extract_articles(store)
    align(store)
    wire = pick(store, "Meridian News Agency", "casualty", "At least 18")
    toll = pick(store, "Gulf Daily Courier", "casualty", "27")
    mig = pick(store, "Northern Star Radio", "weapon", "MiG-23")
    isis = pick(store, "Crescent Broadcast", "actor", "Islamic State")
    for claim, verdict, reviewer, note in [
        (wire, "corroborated", "amira", "the monitor's first count; later figures are higher"),
        (wire, "unverified", "ben", "one origin: the monitor"),
        (toll, "corroborated", "amira", None),
        (toll, "corroborated", "ben", "the monitor confirms 27 the next day"),
        (mig, "disputed", "amira", "one unnamed officer | every other source says Su-24"),
        (mig, "disputed", "ben", None),
        (isis, "unverified", "ben", "claim of responsibility not authenticated"),
    ]:
        mark(store, claim.id or 0, verdict, reviewer, note=note)
    out = io.StringIO()
    write_report(store, "markdown", out, ReportOptions(generated_at="2024-05-01T12:00:00+00:00"))
    text = out.getvalue()
    assert "## Event 1:" in text and "## Event 2:" in text
    check_golden("sample_corpus.md", text)
