"""One bench stage, run in a fresh process so that stages do not share memory or caches.

    python bench/stages.py STAGE ARG...

prints one JSON line: {"seconds": ..., "items": ..., "peak_mb": ..., ...}. `seconds` covers the
stage's own work (not interpreter start-up or imports, except for stages that run the `workbench`
command, which include its start-up). `peak_mb` is the peak resident set of this process and of
any command it ran (VmHWM and RUSAGE_CHILDREN), so it includes the interpreter (about 30-60 MB).

Stages: floor, ingest, cli (a `workbench` subcommand), export, review, quantulum, cdist.
`bench/run.py` calls these; they are usable alone for a closer look.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MIGRATIONS = sorted((REPO / "db").glob("[0-9][0-9][0-9][0-9]_*.sql"))
INSERT = (
    "INSERT INTO articles (external_id, source, title, published, published_at, url, sha256,"
    " text, metadata, file, record, encoding, ingested_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
BARE_TABLE = (
    "CREATE TABLE articles (id INTEGER PRIMARY KEY, external_id TEXT, source TEXT, title TEXT,"
    " published TEXT, published_at TEXT, url TEXT, sha256 TEXT NOT NULL, text TEXT NOT NULL,"
    " metadata TEXT NOT NULL DEFAULT '{}', file TEXT NOT NULL, record INTEGER NOT NULL,"
    " encoding TEXT NOT NULL DEFAULT 'utf-8', ingested_at TEXT NOT NULL, extracted_at TEXT)"
)


def peak_mb() -> float:
    """Peak resident set of this process and of the children it waited for, in MB."""
    own = 0
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                own = int(line.split()[1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    return round(max(own, children) / 1024, 1)


def available(module: str) -> bool:
    """True when `module` is a real module or package (not a bare folder of data files)."""
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        return False
    return spec is not None and spec.origin is not None


def read_records(corpus: Path) -> Iterator[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def article_rows(corpus: Path) -> list[tuple[Any, ...]]:
    """The corpus as rows of the articles table (what ingest stores for each record)."""
    rows = []
    for r in read_records(corpus):
        sha = hashlib.sha256(" ".join(r["text"].split()).encode("utf-8")).hexdigest()
        rows.append(
            (
                r["id"],
                r["source"],
                r["title"],
                r["date"],
                None,
                r["url"],
                sha,
                r["text"],
                "{}",
                str(corpus),
                1,
                "utf-8",
                "2020-01-01T00:00:00+00:00",
            )
        )
    return rows


# -- stages --------------------------------------------------------------------------------------


def stage_floor(corpus: str, db: str, shape: str) -> dict[str, Any]:
    """A bare sqlite3 `executemany` of the corpus's article rows (prepared beforehand, untimed).

    shape "schema": into the workbench schema itself (db/*.sql: the articles table with its
    indexes and full-text index), the same-shaped table ingest writes to. shape "table": into a
    table of the same columns without indexes or full-text search.
    """
    rows = article_rows(Path(corpus))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if shape == "schema":
        for path in MIGRATIONS:
            conn.executescript(path.read_text(encoding="utf-8"))
    else:
        conn.execute(BARE_TABLE)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(INSERT, rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return {"seconds": seconds, "items": len(rows)}


def stage_ingest(corpus: str, db: str) -> dict[str, Any]:
    from workbench.ingest import ingest_paths
    from workbench.store import Store

    store = Store.open(db)
    start = time.perf_counter()
    report = ingest_paths(store, [corpus])
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "items": report.total("new"), "records": report.total("records")}


def _memory_kb(pid: str, status: dict[str, str]) -> int:
    """A process's proportional set size (its private pages plus its share of the pages it shares
    with others), else its resident set. Forked pool workers share their parent's pages until they
    write them: resident sets added up would count those pages once per process."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(status.get("VmRSS", "0 kB").split()[0])


def tree_memory_kb(root: int) -> int:
    """Memory of process `root` and all its descendants now (a process pool's workers): the sum
    of their proportional set sizes (see `_memory_kb`)."""
    parents: dict[int, int] = {}
    statuses: dict[int, dict[str, str]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:  # the process ended meanwhile
            continue
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0"))
        statuses[pid] = fields
    total = 0
    for pid, fields in statuses.items():
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += _memory_kb(str(pid), fields)
    return total


def stage_cli(command: str, db: str, *extra: str) -> dict[str, Any]:
    """Run `workbench COMMAND --db DB` (extract, align: the commands named in the issues).

    Peak memory here is the whole process tree's (proportional set sizes added up), sampled
    every 50 ms: a command that runs a process pool counts all its workers together, and the
    pages a forked worker still shares with its parent once.
    """
    argv = [sys.executable, "-m", "workbench", command, "--db", db, *extra]
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:  # a pipe could fill up
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, text=True)
        tree_peak = 0
        while process.poll() is None:
            tree_peak = max(tree_peak, tree_memory_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read()
    if process.returncode != 0:
        tail = (stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"error": f"`workbench {command}` exited {process.returncode}: {tail}"}
    conn = sqlite3.connect(db)
    counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("articles", "claims", "events", "claim_groups")
    }
    conn.close()
    return {
        "seconds": seconds,
        "items": counts["articles"],
        "counts": counts,
        "tree_peak_mb": round(tree_peak / 1024, 1),
    }


def stage_export(db: str, fmt: str, out: str) -> dict[str, Any]:
    from workbench.report import ReportOptions, write_report
    from workbench.store import Store

    store = Store.open(db, create=False)
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        rows = write_report(store, fmt, f, ReportOptions(org="Bench Fact Desk"))
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "items": rows, "bytes": os.path.getsize(out)}


def stage_verdicts(db: str, every: str) -> dict[str, Any]:
    """Bench setup: two reviewers judge every `every`-th claim (so reports have verdicts)."""
    from workbench.models import VERDICTS, Verdict
    from workbench.store import Store

    store = Store.open(db, create=False)
    start = time.perf_counter()
    step = int(every)
    written = 0
    with store.transaction():
        for n, claim in enumerate(store.iter_claims()):
            if n % step:
                continue
            for r, reviewer in enumerate(("ana", "bo")):
                verdict = VERDICTS[(n // step + r * (n % 3 == 0)) % len(VERDICTS)]
                store.append_verdict(
                    Verdict(
                        claim_id=claim.id,
                        fingerprint=claim.fingerprint,
                        reviewer=reviewer,
                        verdict=verdict,  # type: ignore[arg-type]
                        note=None,
                        at=f"2026-01-01T00:00:{written % 60:02d}Z",
                        claim_quote=claim.quote,
                        claim_value=claim.value_snapshot(),
                    )
                )
                written += 1
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "items": written}


def _find_app(module: Any) -> Callable[..., Any] | None:
    from textual.app import App

    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, App) and value is not App:
            return value
    return None


def stage_review(db: str) -> dict[str, Any]:
    """Time from starting the review app (headless) on `db` to its first screen, workers done."""
    import asyncio

    app_module = importlib.import_module("workbench.tui.app")
    app_class = _find_app(app_module)
    if app_class is None:
        return {"error": "not available (no App class in workbench.tui.app)"}
    start = time.perf_counter()
    app = None
    for kwargs in ({"db_path": Path(db)}, {"db": Path(db)}, {"path": Path(db)}):
        try:
            app = app_class(**kwargs)
            break
        except TypeError:
            continue
    if app is None:
        return {"error": f"not available ({app_class.__name__} takes no db_path/db/path)"}

    async def first_screen() -> float:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            return time.perf_counter() - start

    return {"seconds": asyncio.run(first_screen()), "items": 1}


def stage_quantulum(corpus: str, sample: str) -> dict[str, Any]:
    """The peer: quantulum3 pulling quantities out of the first `sample` article texts."""
    import warnings

    warnings.simplefilter("ignore")  # it warns that its optional classifier is not installed
    try:
        from quantulum3 import parser
    except ImportError:
        return {"error": "quantulum3 not installed (pip install -e '.[bench]')"}
    records = read_records(Path(corpus))
    texts = [next(records)["text"] for _ in range(int(sample))]
    parser.parse("warm up: 3 km")
    start = time.perf_counter()
    found = sum(len(parser.parse(t)) for t in texts)
    return {"seconds": time.perf_counter() - start, "items": len(texts), "quantities": found}


def stage_cdist(corpus: str, gold: str) -> dict[str, Any]:
    """Naive alignment: all-pairs `rapidfuzz.process.cdist` of title + lead over the corpus.

    A pair scoring at least the threshold is "the same event"; pair F1 against the gold events
    at the best of three thresholds (generous to the baseline).
    """
    try:
        import numpy as np
        from rapidfuzz import fuzz, process
    except ImportError:
        return {"error": "numpy not installed (pip install -e '.[bench]')"}
    records = list(read_records(Path(corpus)))
    texts = [r["title"] + " " + r["text"].split("\n\n", 1)[0] for r in records]
    events = dict(line.rstrip("\n").split("\t") for line in open(gold, encoding="utf-8"))
    labels = np.array([hash(events[r["id"]]) for r in records])
    del records
    start = time.perf_counter()
    scores = process.cdist(
        texts, texts, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=-1, score_cutoff=50
    )
    seconds = time.perf_counter() - start
    upper = np.triu(np.ones(scores.shape, dtype=bool), k=1)
    same = (labels[:, None] == labels[None, :]) & upper
    gold_pairs = int(same.sum())
    best = (0.0, 0.0, 0.0, 0)
    for threshold in (70, 80, 90):
        predicted = (scores >= threshold) & upper
        tp = int((predicted & same).sum())
        n_pred = int(predicted.sum())
        p = tp / n_pred if n_pred else 0.0
        r = tp / gold_pairs if gold_pairs else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 >= best[0]:
            best = (f1, p, r, threshold)
    return {
        "seconds": seconds,
        "items": len(texts),
        "f1": best[0],
        "precision": best[1],
        "recall": best[2],
        "threshold": best[3],
    }


STAGES: dict[str, Callable[..., dict[str, Any]]] = {
    "floor": stage_floor,
    "ingest": stage_ingest,
    "cli": stage_cli,
    "export": stage_export,
    "verdicts": stage_verdicts,
    "review": stage_review,
    "quantulum": stage_quantulum,
    "cdist": stage_cdist,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in STAGES:
        print(f"usage: stages.py {{{','.join(STAGES)}}} ARG...", file=sys.stderr)
        return 2
    result = STAGES[argv[0]](*argv[1:])
    result["peak_mb"] = max(peak_mb(), result.get("tree_peak_mb", 0.0))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
