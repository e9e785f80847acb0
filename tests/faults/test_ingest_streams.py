"""Ingesting a large JSONL file streams: the process's memory does not grow with the file.

The 1 GB figure is measured by `python bench/memory.py --mb 1000`; this checks the property at
20 MB: a reader that held the file (or its records) in memory would add at least the file's size
to the peak; streaming adds a few MB (SQLite's page cache, one record at a time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from faultkit import corpus, env

FILE_MB = 20
ALLOWED_GROWTH_MB = FILE_MB // 2

CHILD = """
import sys
from workbench.ingest import ingest_paths
from workbench.store import Store

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key)) / 1024

store = Store.open(sys.argv[2])
before = status("VmRSS:")
report = ingest_paths(store, [sys.argv[1]])
print(report.total("new"), before, status("VmHWM:"))
"""


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    written = records = 0
    with big.open("w", encoding="utf-8") as out:
        for record in corpus.generate(10**6, seed=5):
            written += out.write(json.dumps(record) + "\n")
            records += 1
            if written >= FILE_MB * 1_000_000:
                break
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(big), str(tmp_path / "big.db")],
        capture_output=True,
        text=True,
        env=env(tmp_path),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    new, before, peak = done.stdout.split()
    assert int(new) == records
    growth = float(peak) - float(before)
    assert growth < ALLOWED_GROWTH_MB, f"peak grew {growth:.1f} MB ingesting a {FILE_MB} MB file"
