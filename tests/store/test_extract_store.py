"""extract_articles on a real database: saving, re-extraction keeping ids, the process pool."""

import sqlite3
from pathlib import Path

from conftest import REPO

from workbench.extract import extract_articles
from workbench.ingest import ingest_paths
from workbench.review import mark
from workbench.store import Store

CORPUS = REPO / "workbench" / "samples" / "corpus"


def snapshot(store: Store) -> list[tuple[object, ...]]:
    return [
        (c.id, c.article_id, c.fingerprint, c.kind, c.start, c.end, c.parent, c.speaker)
        for c in store.iter_claims(by_id=True)
    ]


def test_extracts_only_what_is_new_then_everything_again_the_same(store: Store) -> None:
    ingest_paths(store, [CORPUS])
    first = extract_articles(store, workers=1)
    assert first.articles == 10 and first.claims > 0
    assert first.claims == sum(store.claim_counts().values())
    before = snapshot(store)
    assert extract_articles(store).articles == 0  # nothing new
    again = extract_articles(store, every=True, workers=1)
    assert again.articles == 10 and again.claims == first.claims
    assert snapshot(store) == before  # same fingerprints, same ids, same parents
    # two outlets printing the same wire text: the same claims, each with its own fingerprint
    x, y = store.conn.execute(
        "SELECT x.id, y.id FROM articles x JOIN articles y ON x.sha256 = y.sha256 AND x.id < y.id"
    ).fetchone()
    a, b = list(store.iter_claims(article_id=x)), list(store.iter_claims(article_id=y))
    assert a and len(a) == len(b)
    assert [c.quote for c in a] == [c.quote for c in b]
    assert not {c.fingerprint for c in a} & {c.fingerprint for c in b}


def test_verdicts_stay_on_their_claims_through_re_extraction(store: Store) -> None:
    ingest_paths(store, [CORPUS])
    extract_articles(store)
    claim = next(store.iter_claims(kind="casualty"))
    mark(store, claim.id or 0, "disputed", "ana")
    extract_articles(store, every=True)
    verdict = store.current_verdict(claim.fingerprint, "ana")
    assert verdict is not None and verdict.verdict == "disputed"
    assert store.get_claim(claim.id or 0) == claim


def test_the_process_pool_gives_exactly_the_claims_of_one_process(tmp_path: Path) -> None:
    results = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.db") as store:
            ingest_paths(store, [CORPUS])
            report = extract_articles(store, workers=workers, batch_size=3, pool_min=0)
            assert report.workers == workers and report.articles == 10
            results.append([c.model_dump() for c in store.iter_claims(by_id=True)])
    assert results[0] == results[1]


def test_each_batch_is_its_own_transaction(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [CORPUS])
    seen: list[tuple[int, int]] = []

    def progress(p) -> None:  # type: ignore[no-untyped-def]
        # another connection sees each batch as soon as it is reported
        other = sqlite3.connect(store.path)
        done = other.execute("SELECT COUNT(*) FROM articles WHERE extracted_at IS NOT NULL")
        seen.append((p.done, done.fetchone()[0]))
        other.close()

    extract_articles(store, batch_size=4, on_progress=progress)
    assert seen == [(4, 4), (8, 8), (10, 10)]
