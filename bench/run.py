"""The bench: every stage of the workbench on synthetic corpora of growing size, one table.

    python bench/run.py [--sizes 1000,10000,100000] [--seed 1]

For each size a corpus is generated (bench/corpus.py) into a temporary folder, then each stage
runs in a fresh process (bench/stages.py) so its time and peak memory are its own: ingest into a
fresh database, extract, align, export (every report format there is) and opening the review UI.
Beside them, measured in the same run:

- ingest against the floor: a bare sqlite3 `executemany` of the same article rows into the same
  schema (and, for scale, into a table of the same columns without any index);
- extraction against quantulum3 pulling quantities out of the same texts (on the first
  `--peer-sample` articles, 100 by default: it manages about 20 articles a second);
- alignment against a naive all-pairs `rapidfuzz.process.cdist` (sizes up to 10,000), with both
  pair F1 scores against the corpus's gold events.

A stage whose library code is not there yet prints "not available (module missing)". The table
is Markdown, on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)
from stages import available  # noqa: E402

STAGES = Path(__file__).with_name("stages.py")
CDIST_MAX = 10_000  # naive all-pairs beyond this is hours of CPU
REPEAT_MAX = 10_000  # floor and ingest run three times up to this size, best time kept
MISSING = "not available (module missing)"


@dataclass
class Row:
    size: int
    stage: str
    seconds: float | None = None
    items: int | None = None
    peak_mb: float | None = None
    note: str = ""

    def cells(self) -> list[str]:
        rate = ""
        if self.seconds and self.items:
            rate = f"{self.items / self.seconds:,.0f}"
        return [
            f"{self.size:,}",
            self.stage,
            "" if self.seconds is None else f"{self.seconds:.2f}",
            rate,
            "" if self.peak_mb is None else f"{self.peak_mb:,.0f}",
            self.note,
        ]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_stage(*args: str) -> dict[str, Any]:
    """Run one stage in a fresh interpreter; its JSON result, or {"error": ...}."""
    done = subprocess.run(
        [sys.executable, str(STAGES), *args], capture_output=True, text=True, cwd=Path.cwd()
    )
    if done.returncode != 0 or not done.stdout.strip():
        tail = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"error": f"failed: {tail}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def best_of(repeat: int, stage: str, *args: str) -> dict[str, Any]:
    """The fastest of `repeat` runs (the machine is shared), each into a fresh database;
    the database of the last run stays for the stages after it."""
    results = []
    for _ in range(repeat):
        db = Path(args[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        results.append(run_stage(stage, *args))
    good = [r for r in results if "error" not in r]
    return min(good, key=lambda r: float(r["seconds"])) if good else results[-1]


def row_from(size: int, stage: str, result: dict[str, Any], note: str = "") -> Row:
    if "error" in result:
        return Row(size, stage, note=result["error"])
    return Row(size, stage, result["seconds"], result.get("items"), result.get("peak_mb"), note)


def pair_f1(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over article pairs: "same event" predicted vs gold.

    Articles missing from `predicted` are events of their own.
    """

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = Counter((predicted[a], gold[a]) for a in gold if a in predicted)
    tp = pairs(both)
    n_pred = pairs(Counter(predicted[a] for a in gold if a in predicted))
    n_gold = pairs(Counter(gold.values()))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def aligned_events(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT a.external_id, e.event_id FROM event_articles e"
        " JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    conn.close()
    return {ext: str(event) for ext, event in rows}


def command_help(command: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "workbench", command, "--help"], capture_output=True, text=True
    )
    return done.stdout


def report_formats() -> list[str]:
    from workbench.report import FORMATS

    return list(FORMATS)


def bench_size(size: int, seed: int, peer_sample: int, repeat: int, work: Path) -> list[Row]:
    rows: list[Row] = []
    articles = work / "articles.jsonl"
    gold_path = work / "gold.tsv"
    log(f"[{size:,}] generating the corpus")
    start = time.perf_counter()
    corpus.write_jsonl(articles, size, seed, gold_path=gold_path)
    mb = articles.stat().st_size / 1e6
    rows.append(
        Row(size, "generate corpus", time.perf_counter() - start, size, None, f"{mb:,.1f} MB JSONL")
    )
    gold = dict(line.rstrip("\n").split("\t") for line in gold_path.open(encoding="utf-8"))

    repeat = repeat or (3 if size <= REPEAT_MAX else 1)
    best = f" (best of {repeat})" if repeat > 1 else ""
    log(f"[{size:,}] floor: bare sqlite3 executemany")
    floor = best_of(repeat, "floor", str(articles), str(work / "floor-schema.db"), "schema")
    bare = best_of(repeat, "floor", str(articles), str(work / "floor-table.db"), "table")
    rows.append(row_from(size, "floor: sqlite3 executemany, same schema", floor, best.strip()))
    rows.append(row_from(size, "floor: sqlite3 executemany, bare table", bare, best.strip()))

    log(f"[{size:,}] ingest")
    db = work / "workbench.db"
    ingest = best_of(repeat, "ingest", str(articles), str(db))
    note = ""
    if "error" not in ingest and "error" not in floor and "error" not in bare:
        note = (
            f"{ingest['seconds'] / floor['seconds']:.1f}x the same-schema floor,"
            f" {ingest['seconds'] / bare['seconds']:.0f}x the bare table{best}"
        )
    rows.append(row_from(size, "ingest (workbench.ingest.ingest_paths)", ingest, note))

    log(f"[{size:,}] extract")
    peer = {"error": "skipped (--peer-sample 0)"}
    if peer_sample > 0:
        peer = run_stage("quantulum", str(articles), str(min(size, peer_sample)))
    if available("workbench.extract"):
        # `workbench extract` goes on to align unless told not to: time extraction alone
        no_align = ["--no-align"] if "--no-align" in command_help("extract") else []
        extract = run_stage("cli", "extract", str(db), *no_align)
        note = ""
        if "error" not in extract and "error" not in peer:
            ours = extract["items"] / extract["seconds"]
            theirs = peer["items"] / peer["seconds"]
            claims = extract["counts"]["claims"]
            note = f"{ours / theirs:.1f}x quantulum3's articles/s; {claims:,} claims"
        rows.append(row_from(size, "extract (`workbench extract`)", extract, note))
    else:
        rows.append(Row(size, "extract", note=MISSING))
    rows.append(
        row_from(
            size, "peer: quantulum3 quantities", peer, f"first {min(size, peer_sample):,} texts"
        )
    )

    log(f"[{size:,}] align")
    naive: dict[str, Any] | None = None
    if size <= CDIST_MAX:
        naive = run_stage("cdist", str(articles), str(gold_path))
    if available("workbench.align"):
        align = run_stage("cli", "align", str(db))
        note = ""
        if "error" not in align:
            p, r, f1 = pair_f1(aligned_events(db), gold)
            note = f"pair F1 {f1:.2f} (P {p:.2f}, R {r:.2f}); {align['counts']['events']:,} events"
            if naive and "error" not in naive:
                note += f"; {naive['seconds'] / align['seconds']:.0f}x faster than all-pairs"
        rows.append(row_from(size, "align (`workbench align`)", align, note))
    else:
        rows.append(Row(size, "align", note=MISSING))
    if naive is not None:
        note = ""
        if "error" not in naive:
            note = (
                f"pair F1 {naive['f1']:.2f} (P {naive['precision']:.2f}, R {naive['recall']:.2f},"
                f" score >= {naive['threshold']})"
            )
        rows.append(row_from(size, "naive: all-pairs rapidfuzz cdist", naive, note))

    stages = [r for r in rows if r.stage.startswith(("ingest", "extract", "align"))]
    if len(stages) == 3 and all(r.seconds is not None for r in stages):
        total = sum(r.seconds or 0 for r in stages)
        peak = max(r.peak_mb or 0 for r in stages)
        rows.append(
            Row(
                size,
                "ingest + extract + align",
                total,
                size,
                peak,
                "target at 100k: < 300 s, < 2 GB",
            )
        )

    log(f"[{size:,}] verdicts for the reports (bench setup)")
    verdicts = run_stage("verdicts", str(db), "10")
    note = ""
    if "error" not in verdicts:
        note = f"{verdicts['items']:,} verdicts by 2 reviewers on every 10th claim; not a target"
        verdicts["items"] = size
    rows.append(row_from(size, "setup: verdicts appended", verdicts, note))

    for fmt in ("json", "markdown", "html", "csv", "claimreview"):
        if fmt not in report_formats():
            rows.append(Row(size, f"export {fmt}", note=MISSING))
            continue
        log(f"[{size:,}] export {fmt}")
        out = work / f"export.{fmt}"
        result = run_stage("export", str(db), fmt, str(out))
        note = ""
        if "error" not in result:
            note = f"{result['items']:,} rows, {result['bytes'] / 1e6:,.1f} MB"
            result["items"] = size  # the rate column is articles/s throughout
        rows.append(row_from(size, f"export {fmt}", result, note))
        out.unlink(missing_ok=True)

    if available("workbench.tui"):
        log(f"[{size:,}] review: first screen")
        review = run_stage("review", str(db))
        review.pop("items", None)  # one screen, not a rate
        rows.append(row_from(size, "review: first screen (headless)", review, "target: < 2 s"))
    else:
        rows.append(Row(size, "review: first screen", note=MISSING))
    return rows


def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores (nproc), {mem_gb:.0f} GB RAM, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()},"
        f" {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def table(rows: list[Row]) -> str:
    head = ["articles", "stage", "seconds", "articles/s", "peak MB", "side by side / notes"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peer-sample", type=int, default=100, help="texts given to quantulum3")
    parser.add_argument(
        "--repeat", type=int, default=0, help="runs of floor and ingest (default 3, 1 above 10k)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows: list[Row] = []
    started = time.perf_counter()
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"workbench-bench-{size}-"))
        try:
            rows += bench_size(size, args.seed, args.peer_sample, args.repeat, work)
        finally:
            if args.keep:
                log(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    print(f"Machine: {machine()}\n")
    print(table(rows))
    print(f"\nseed {args.seed}; whole run {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
