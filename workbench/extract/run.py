"""`extract_articles(store)`: extract the articles not yet extracted (or all) and save their claims.

Articles are read and saved in batches, each batch in one short write transaction (a reviewer's
verdict never waits long behind extraction). Large inputs go through a process pool, batch by
batch, in article order; the claims are exactly those one process makes (`extract_claims` is
pure), and they are saved by this process alone, in the same order. Workers send claims back as
the rows the store saves (`claim_row`: plain tuples, quick to pickle); forked workers (where the
platform can fork) start with the word lists this process has already loaded.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from workbench.extract import lexicon
from workbench.extract.article import extract_claims
from workbench.models import Article
from workbench.store import Store
from workbench.store.claims import ClaimRow, claim_row

BATCH_SIZE = 200  # articles per read, per transaction and per pool task
POOL_MIN = 1000  # fewer articles than this stay in this process (starting workers costs ~1 s)


@dataclass
class ExtractProgress:
    done: int
    total: int


@dataclass
class ExtractReport:
    articles: int = 0
    claims: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: int = 1

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
        return (
            f"extracted {self.articles} article{'s' * (self.articles != 1)}: "
            f"{self.claims} claim{'s' * (self.claims != 1)}"
            + (f" ({kinds})" if kinds else "")
            + f" in {self.seconds:.1f} s"
        )


def extract_batch(articles: list[Article]) -> list[list[ClaimRow]]:
    """The claims of each article as rows to save (a pool task; also used in-process)."""
    return [[claim_row(c) for c in extract_claims(a)] for a in articles]


def _batches(store: Store, every: bool, size: int) -> Iterator[list[Article]]:
    after = 0
    while True:
        batch = store.extraction_batch(every=every, after_id=after, limit=size)
        if not batch:
            return
        after = batch[-1].id
        yield batch


def extract_articles(
    store: Store,
    *,
    every: bool = False,
    workers: int | None = None,
    on_progress: Callable[[ExtractProgress], None] | None = None,
    batch_size: int = BATCH_SIZE,
    pool_min: int = POOL_MIN,
) -> ExtractReport:
    """Extract and save claims; `every` re-extracts all articles (same text, same claims).

    `workers` processes (default: one per CPU) share inputs of `pool_min` articles or more."""
    started = time.perf_counter()
    total = store.count_for_extraction(every=every)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    if total < max(pool_min, batch_size + 1):
        workers = 1  # small inputs stay in this process
    report = ExtractReport(workers=workers)

    def save(batch: list[Article], results: list[list[ClaimRow]]) -> None:
        with store.transaction():
            for article, rows in zip(batch, results, strict=True):
                store.save_claim_rows(article.id, rows)
                report.claims += len(rows)
                report.kinds.update(values[0] for _, _, values in rows)  # kind comes first
        report.articles += len(batch)
        if on_progress:
            on_progress(ExtractProgress(report.articles, total))

    batches = _batches(store, every, batch_size)
    if workers == 1:
        for batch in batches:
            save(batch, extract_batch(batch))
    else:
        lexicon.gazetteer()  # loaded once here: forked workers have it already
        fork = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if fork else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pending: deque[tuple[list[Article], Future[list[list[ClaimRow]]]]] = deque()
            for batch in batches:
                pending.append((batch, pool.submit(extract_batch, batch)))
                if len(pending) >= 2 * workers:
                    done, future = pending.popleft()
                    save(done, future.result())
            while pending:
                done, future = pending.popleft()
                save(done, future.result())
    report.seconds = time.perf_counter() - started
    return report
