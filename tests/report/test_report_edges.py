"""Reports of unusual databases: empty, articles only, a claim in two groups, verdicts on claims
that re-extraction dropped."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from report.conftest import GENERATED_AT, ReportDb
from workbench.ingest import ingest_paths
from workbench.models import ClaimGroup
from workbench.report import FORMATS, ReportOptions, write_report
from workbench.store import Store


def render(store: Store, fmt: str, **options: object) -> str:
    out = io.StringIO(newline="")
    opts = ReportOptions(generated_at=GENERATED_AT, org="Desk", **options)  # type: ignore[arg-type]
    write_report(store, fmt, out, opts)
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_database(store: Store, fmt: str) -> None:
    text = render(store, fmt)
    if fmt in ("json", "claimreview"):
        doc = json.loads(text)
        assert doc.get("@graph", []) == []
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header only
    else:
        assert "Claim review report" in text and "No verdicts yet." in text


def test_articles_without_claims(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("source Desk\n\nNothing checkable happened today.\n")
    ingest_paths(store, [tmp_path / "a.txt"])
    text = render(store, "markdown")
    assert "| Articles | 1 |" in text and "| Claims | 0 |" in text
    assert "no agreement to measure" in text
    assert "| 1 | Desk | undated |" in text
    agreement = json.loads(render(store, "json"))["agreement"]
    assert agreement["overall"]["method"] is None and agreement["disagreements"] == []


def test_a_claim_in_two_groups(report_db: ReportDb) -> None:
    store = report_db.store
    c = report_db.claims
    events, groups = store.events(), store.groups()
    extra = ClaimGroup(key="strike/all-counts", event_key="strike", kind="casualty",
                       label="every count", status="update",
                       claim_ids=[c["lev-killed"], c["cou-killed"]])  # fmt: skip
    with store.transaction():
        store.save_alignment(events, [*groups, extra], store.suggestions().values())
    rows = list(csv.DictReader(io.StringIO(render(store, "csv"))))
    assert [r["group"] for r in rows if r["claim_id"] == str(c["cou-killed"])] == [
        "people killed",
        "every count",
    ]
    reviews = json.loads(render(store, "claimreview"))["@graph"]
    assert [r["identifier"] for r in reviews].count("fp-cou-killed") == 1
    disagreements = json.loads(render(store, "json"))["agreement"]["disagreements"]
    assert [d["claim_id"] for d in disagreements].count(c["lev-killed"]) == 1


def test_verdicts_on_claims_no_longer_extracted(report_db: ReportDb) -> None:
    store = report_db.store
    article = report_db.articles["bomb.txt"]
    kept = [claim for claim in store.iter_claims(article_id=article) if claim.kind == "place"]
    with store.transaction():
        store.save_claims(article, kept)  # the 12 killed, judged by alice, is gone
    text = render(store, "markdown")
    assert "| Verdicts on claims no longer extracted | 1 (kept in the history" in text
    assert "governor on state TV" not in text
