"""Peak memory of ingesting one large JSONL file: ingest streams, so it stays flat.

    python bench/memory.py [--mb 1000] [--dir /tmp]

Generates a synthetic JSONL file of at least `--mb` MB (bench/corpus.py) in a temporary folder,
ingests it into a fresh database in a fresh process (bench/stages.py ingest: one transaction for
the whole file), prints the time and the peak resident set, and deletes the folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from run import run_stage  # noqa: E402


def write_big(path: Path, megabytes: float, seed: int) -> int:
    """Stream records into `path` until it holds `megabytes` MB; returns how many."""
    limit = int(megabytes * 1e6)
    written = 0
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in corpus.generate(10**9, seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= limit:
                break
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1000.0, help="size of the JSONL file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", default=None, help="where to put the temporary folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="workbench-memory-", dir=args.dir))
    try:
        big = work / "big.jsonl"
        start = time.perf_counter()
        n = write_big(big, args.mb, args.seed)
        size_mb = big.stat().st_size / 1e6
        print(
            f"generated {n:,} articles, {size_mb:,.0f} MB, in {time.perf_counter() - start:.0f} s"
        )
        result = run_stage("ingest", str(big), str(work / "big.db"))
        if "error" in result:
            print(f"ingest {result['error']}")
            return 1
        print(
            f"ingested {result['items']:,} articles from one {size_mb:,.0f} MB JSONL file in"
            f" {result['seconds']:.0f} s ({result['items'] / result['seconds']:,.0f} articles/s);"
            f" peak RSS {result['peak_mb']:,.0f} MB"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
