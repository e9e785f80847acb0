"""Helpers for the fault tests: real processes, real files, a synthetic corpus, claims to judge."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from workbench.models import ArticleRecord, Claim
from workbench.store import Store

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
import corpus  # noqa: E402  (bench/corpus.py: the deterministic synthetic corpus)

write_files = corpus.write_files


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment for a child process (no WORKBENCH_* from the developer's shell)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    base.update(HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8", **extra)
    return base


def python(code: str, *args: str | Path, tmp_path: Path, **popen: object) -> subprocess.Popen[str]:
    """Start `python -c code args...` in the test's interpreter, stdout piped, line-buffered."""
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-u", "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(tmp_path),
        **popen,
    )


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, every: float = 0.01) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        time.sleep(every)


def count(db: Path, sql: str) -> int:
    """One number from the database, read by a separate connection; 0 while it does not exist."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=10)
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def claims_to_judge(db: Path, n: int) -> list[int]:
    """Store one article with `n` claims (quotes cut from its text) and return the claim ids."""
    text = " ".join(f"Sentence {i} says {i + 3} people were killed." for i in range(n))
    record = ArticleRecord(file="f.txt", record=1, external_id="a1", text=text, source="Wire")
    with Store.open(db) as store, store.transaction():
        article_id = store.insert_article(record, "sha-a1")
        claims = []
        start = 0
        for i in range(n):
            quote = f"Sentence {i} says {i + 3} people were killed."
            start = text.index(quote, start)
            claims.append(
                Claim(
                    kind="casualty",
                    quote=quote,
                    start=start,
                    end=start + len(quote),
                    outcome="killed",
                    low=i + 3,
                    high=i + 3,
                    speaker="Wire",
                    speaker_chain=["Wire"],
                    fingerprint=f"fp-{i}",
                )
            )
        return store.save_claims(article_id, claims)
