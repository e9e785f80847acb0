"""How `align` scales, on the bench's synthetic corpus (bench/corpus.py), timed end to end.

    .venv/bin/python bench/align_scale.py       # N = 10k, 50k, 100k, then the cdist ratio
    .venv/bin/python bench/align_scale.py --sizes 2000 --no-cdist

For each size the corpus (seed 1) is written, ingested and extracted once into a database kept in
--dir (--fresh rebuilds them; building 100k takes a few minutes, extraction on two processes).
The timed part is `align(store)` from no alignment: reading articles and claims, clustering,
grouping, suggesting and saving, the groups and suggestions in worker processes (one per CPU).
Printed per size: wall seconds, CPU seconds of all processes, CPU time against the growth of
n log n, seconds reading/aligning/saving, and pair precision/recall/F1 of the events against the
corpus's gold incidents.

The naive comparison is what alignment avoids: `rapidfuzz.process.cdist` of every article's
headline and lead words against every other's (token_set_ratio, the scorer alignment uses, on one
worker like align) at 10k articles, as a ratio to align's time at the same size.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)

from workbench.align import align  # noqa: E402
from workbench.align.evaluate import pair_scores  # noqa: E402
from workbench.align.profiles import LEAD_CHARS, headline_words  # noqa: E402
from workbench.extract import extract_articles  # noqa: E402
from workbench.ingest import ingest_paths  # noqa: E402
from workbench.store import Store  # noqa: E402

SEED = 1


def build(folder: Path, n: int, fresh: bool) -> tuple[Path, Path]:
    """The database of an n-article corpus (ingested and extracted) and its gold file."""
    db, data, gold = (
        folder / f"align-{n}.db",
        folder / f"corpus-{n}.jsonl",
        folder / f"gold-{n}.tsv",
    )
    if fresh or not db.exists() or not gold.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        corpus.write_jsonl(data, n, SEED, gold_path=gold)
        with Store.open(db, create=True) as store:
            ingest_paths(store, [data])
            extract_articles(store, workers=2)
        data.unlink()
        print(f"  built {db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return db, gold


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (align's workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_align(db: Path) -> tuple[float, float, int, int, int, str]:
    """(wall s, CPU s, claims, events, groups, read/align/save s) of one align from nothing."""
    with Store.open(db) as store:
        with store.transaction():
            store.clear_alignment()  # every run starts from no alignment
        started, cpu = time.perf_counter(), _cpu()
        report = align(store)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    stages = "/".join(f"{report.stage_seconds[k]:.1f}" for k in ("read", "align", "save"))
    return seconds, cpu, report.claims, report.events, report.groups, stages


def gold_f1(db: Path, gold: Path) -> str:
    """Pair P/R/F1 of the stored events against the corpus's gold incidents."""
    incident = dict(line.rstrip("\n").split("\t") for line in gold.open(encoding="utf-8"))
    with Store.open(db) as store:
        ids = {a.id: a.external_id for a in store.iter_articles()}
        found = [[ids[a] for a in e.article_ids] for e in store.iter_events()]
    by_incident: dict[str, list[str]] = {}
    for article, event in incident.items():
        by_incident.setdefault(event, []).append(article)
    s = pair_scores(found, by_incident.values())
    return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"


def time_cdist(db: Path) -> float:
    from rapidfuzz import fuzz, process  # cdist needs numpy: pip install -e '.[bench]'

    with Store.open(db) as store:
        texts = [
            " ".join(headline_words(f"{row['title'] or ''} {row['lead']}"))
            for row in store.article_heads(LEAD_CHARS)
        ]
    started = time.process_time()
    process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=1, dtype="uint8")
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/workbench-bench"))
    parser.add_argument("--fresh", action="store_true", help="rebuild the corpora")
    parser.add_argument("--no-cdist", action="store_true", help="skip the naive comparison")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        db, gold = build(args.dir, n, args.fresh)
        rows.append((n, *time_align(db), gold_f1(db, gold)))
    base_n, base_cpu = rows[0][0], rows[0][2]
    print(f"{'articles':>9} {'claims':>9} {'events':>8} {'groups':>8} {'align s':>8} {'cpu s':>7}"
          f" {'x n log n':>9} {'read/align/save s':>18}  P/R/F1 vs gold")  # fmt: skip
    for n, seconds, cpu, claims, events, groups, stages, f1 in rows:
        nlogn = (n * math.log(n)) / (base_n * math.log(base_n))
        print(
            f"{n:>9} {claims:>9} {events:>8} {groups:>8} {seconds:>8.1f} {cpu:>7.1f}"
            f" {cpu / base_cpu / nlogn:>9.2f} {stages:>18}  {f1}"
        )
    print(f"align s: wall; cpu s: CPU time of align and its worker processes (load average"
          f" {os.getloadavg()[0]:.1f});"
          " x n log n: CPU time against the first size, over the growth of n log n (<= 1: no"
          " faster than n log n)")  # fmt: skip
    if not args.no_cdist:
        db, _ = build(args.dir, 10_000, False)
        align_cpu = next((r[2] for r in rows if r[0] == 10_000), None) or time_align(db)[1]
        cdist_cpu = time_cdist(db)
        print(
            f"naive all-pairs cdist at 10000 articles: {cdist_cpu:.1f} CPU s on one worker"
            f" = {cdist_cpu / align_cpu:.0f} x align ({align_cpu:.1f} CPU s)"
        )


if __name__ == "__main__":
    main()
