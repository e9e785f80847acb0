"""schema.org ClaimReview JSON-LD read back and compared with the database's current verdicts."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from report.conftest import ReportDb
from workbench.report import ReportError, ReportOptions, report_notes, write_report
from workbench.report.claimreview import RATINGS, author_type
from workbench.store import Store

ORG = "Desk <Checks> & Co"


def export(db: ReportDb, **options: Any) -> tuple[str, dict[str, Any]]:
    out = io.StringIO()
    write_report(db.store, "claimreview", out, ReportOptions(**options))
    return out.getvalue(), json.loads(out.getvalue())


def expected(store: Store, reviewer: str | None = None) -> dict[str, tuple[str, str]]:
    """fingerprint -> (verdict, date) the report should publish, from the verdict history."""
    by_claim: dict[str, list[tuple[str, str]]] = {}
    for (fingerprint, name), entry in store.current_verdicts().items():
        if entry.verdict and (reviewer is None or name == reviewer):
            by_claim.setdefault(fingerprint, []).append((entry.verdict, entry.at))
    return {
        fp: (judged[0][0], max(at for _, at in judged)[:10])
        for fp, judged in by_claim.items()
        if len({v for v, _ in judged}) == 1
    }


def test_consensus_verdicts_are_published(report_db: ReportDb) -> None:
    raw, doc = export(report_db, org=ORG)
    assert doc["@context"] == "https://schema.org"
    reviews = doc["@graph"]
    store = report_db.store
    want = expected(store)
    assert {r["identifier"]: (r["reviewRating"]["alternateName"], r["datePublished"])
            for r in reviews} == want  # fmt: skip
    claims = {c.fingerprint: c for c in store.iter_claims()}
    articles = {a.id: a for a in store.iter_articles()}
    for review in reviews:
        claim = claims[review["identifier"]]
        article = articles[claim.article_id or 0]
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.quote
        assert review["author"] == {"@type": "Organization", "name": ORG}
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
        assert rating["ratingValue"] == RATINGS[rating["alternateName"]]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] == claim.origin
        assert item["appearance"]["datePublished"] == article.published
        assert item["appearance"].get("url") == article.url
        assert item["appearance"]["publisher"]["name"] == article.source
    # claims the reviewers disagree on are left out, and the user is told how many
    disputed = {report_db.claims["lev-killed"], report_db.claims["lev-jets"]}
    assert not {claims[r["identifier"]].id for r in reviews} & disputed
    assert report_notes(store, "claimreview", ReportOptions(org=ORG)) == [
        "2 claims left out: their reviewers disagree (settle them, or publish one reviewer's"
        " verdicts with --reviewer)"
    ]
    # safe inside <script type="application/ld+json">: no raw <, > or & anywhere
    assert not set("<>&") & set(raw)
    assert "</script>" in json.dumps(doc, ensure_ascii=False)


def test_one_reviewers_verdicts(report_db: ReportDb) -> None:
    _, doc = export(report_db, org=ORG, reviewer="bob")
    got = {r["identifier"]: (r["reviewRating"]["alternateName"], r["datePublished"])
           for r in doc["@graph"]}  # fmt: skip
    assert got == expected(report_db.store, reviewer="bob")
    assert len(got) == 4
    assert (
        report_notes(report_db.store, "claimreview", ReportOptions(org=ORG, reviewer="bob")) == []
    )


def test_notes_become_the_rating_explanation(report_db: ReportDb) -> None:
    _, doc = export(report_db, org=ORG)
    hostile = next(r for r in doc["@graph"] if r["identifier"] == "fp-hos-killed")
    assert hostile["reviewRating"]["alternateName"] == "disputed"
    explanation = hostile["reviewRating"]["ratingExplanation"]
    assert explanation.startswith("no named source\nsecond line | pipe / =HYPERLINK(")


def test_needs_an_organisation(report_db: ReportDb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_ORG", raising=False)
    for org in (None, "  "):
        with pytest.raises(ReportError, match=r"ClaimReview needs --org NAME \(or WORKBENCH_ORG\)"):
            export(report_db, org=org)
    monkeypatch.setenv("WORKBENCH_ORG", "Env  Desk")
    _, doc = export(report_db)
    assert {r["author"]["name"] for r in doc["@graph"]} == {"Env Desk"}
    _, doc = export(report_db, org="Given Desk")  # the option wins
    assert {r["author"]["name"] for r in doc["@graph"]} == {"Given Desk"}


@pytest.mark.parametrize(
    ("origin", "kind"),
    [
        ("Governor Samir Khoury", "Person"),
        ("the governor", "Person"),
        ("a Defence Ministry spokesman", "Person"),
        ("Dr. Amal Nasser", "Person"),
        ("Syrian Monitor", "Organization"),
        ("Syrian General Command", "Organization"),
        ("residents", "Organization"),
        ("Levant Wire", "Organization"),
    ],
)
def test_author_type(origin: str, kind: str) -> None:
    assert author_type(origin) == kind
